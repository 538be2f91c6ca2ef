/* cmd_facts: ratio facts PACK [--template] */
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "cli.h"
#include "render.h"

static const char facts_help[] =
    "Usage: ratio facts PACK [OPTIONS]\n"
    "\n"
    "Show the facts a case row may state: each fact's type, allowed values\n"
    "and question, then the findings a row may supply instead of a rule.\n"
    "\n"
    "Options:\n"
    "      --template        print a blank CSV header for a new case file\n"
    "      --format FORMAT   text (default) or json\n"
    "      --max-memory SIZE memory limit of the pack's Lua code (default 64M)\n"
    "      --max-steps N     step budget of the pack load (default 10000000)\n"
    "  -h, --help            show this help\n";

int cmd_facts(int argc, char **argv) {
  static const struct option longopts[] = {
      {"template", no_argument, NULL, 't'},
      {"format", required_argument, NULL, 'F'},
      {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
      {"max-steps", required_argument, NULL, OPT_MAX_STEPS},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  bool template = false;
  const char *format = "text";
  pack_options popts = {0};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    err *e = NULL;
    switch (c) {
    case 't': template = true; break;
    case 'F': format = optarg; break;
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
  if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
    return cli_usage("facts", "unknown format '%s' (formats: text, json)", format);
  pack *p = cli_load_pack(argv[optind], &popts);
  if (!p) return RATIO_USAGE;
  if (template) {
    char *h = cases_template_header(p);
    puts(h);
    free(h);
  } else if (strcmp(format, "json") == 0) {
    render_schema_json(stdout, p);
  } else {
    render_schema_text(stdout, p);
  }
  pack_free(p);
  return RATIO_OK;
}
