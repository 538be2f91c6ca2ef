/* cmd_facts: ratio facts PACK [--template] */
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "cli.h"

static const char facts_help[] =
    "Usage: ratio facts PACK [OPTIONS]\n"
    "\n"
    "Show the facts a case row may state: each fact's type, allowed values\n"
    "and question, then the findings a row may supply instead of a rule.\n"
    "\n"
    "Options:\n"
    "      --template        print a blank CSV header for a new case file\n"
    "      --max-memory SIZE memory limit of the pack's Lua code (default 64M)\n"
    "      --max-steps N     step budget of the pack load (default 10000000)\n"
    "  -h, --help            show this help\n";

static const char *type_name(const pack_fact *f) {
  switch (f->type) {
  case FACT_YESNO: return "yes/no";
  case FACT_ENUM: return "one of";
  case FACT_NUMBER: return "number";
  case FACT_DATE: return "date";
  case FACT_TEXT: return "text";
  }
  return "?";
}

static void print_values(char *const *values, int n) {
  for (int i = 0; i < n; i++) printf("%s%s", i ? ", " : "", values[i]);
}

static void print_schema(const pack *p) {
  printf("Pack %s", p->name ? p->name : p->dir);
  if (p->title) printf(": %s", p->title);
  putchar('\n');
  if (p->case_name) printf("Case: %s\n", p->case_name);
  printf("\nFacts (%d):\n", p->nfacts);
  for (int i = 0; i < p->nfacts; i++) {
    const pack_fact *f = &p->facts[i];
    printf("  %s  %s", f->name, type_name(f));
    if (f->type == FACT_ENUM) {
      fputs(": ", stdout);
      print_values(f->values, f->nvalues);
    }
    if (f->optional) fputs("  (optional)", stdout);
    putchar('\n');
    if (f->ask) printf("      %s\n", f->ask);
    if (f->help) printf("      %s\n", f->help);
  }
  int nfind = 0;
  for (int i = 0; i < p->nnodes; i++) nfind += p->nodes[i].finding;
  if (nfind) {
    printf("\nFindings a row may supply (%d):\n", nfind);
    for (int i = 0; i < p->nnodes; i++) {
      const pack_node *n = &p->nodes[i];
      if (!n->finding) continue;
      printf("  %s  ", n->name);
      print_values(n->values, n->nvalues);
      putchar('\n');
      if (n->ask) printf("      %s\n", n->ask);
    }
  }
  printf("\nOpinions (%d):\n", p->nopinions);
  for (int i = 0; i < p->nopinions; i++) {
    const pack_opinion *o = &p->opinions[i];
    printf("  %s", o->name);
    if (o->author) printf("  %s", o->author);
    if (o->role) printf(", %s", o->role);
    if (o->date) printf(", %s", o->date);
    if (o->until_date) printf(" until %s", o->until_date);
    putchar('\n');
  }
  puts("\nA blank cell is unknown. Yes/no cells take yes/no, y/n, true/false or 1/0.");
}

int cmd_facts(int argc, char **argv) {
  static const struct option longopts[] = {
      {"template", no_argument, NULL, 't'},
      {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
      {"max-steps", required_argument, NULL, OPT_MAX_STEPS},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  bool template = false;
  pack_options popts = {{0, 0}};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    err *e = NULL;
    switch (c) {
    case 't': template = true; break;
    case OPT_MAX_MEMORY:
    case OPT_MAX_STEPS:
      if (cli_limit_option(c, optarg, &popts, &e) != 0) return cli_fail(e, RATIO_USAGE);
      break;
    case 'h': fputs(facts_help, stdout); return RATIO_OK;
    default: return cli_usage("facts", "unknown or incomplete option '%s'", argv[optind - 1]);
    }
  }
  if (optind >= argc) return cli_usage("facts", "missing PACK (a pack folder or its main .lua file)");
  if (optind + 1 < argc) return cli_usage("facts", "unexpected argument '%s'", argv[optind + 1]);
  pack *p = cli_load_pack(argv[optind], &popts);
  if (!p) return RATIO_USAGE;
  if (template) {
    char *h = cases_template_header(p);
    puts(h);
    free(h);
  } else {
    print_schema(p);
  }
  pack_free(p);
  return RATIO_OK;
}
