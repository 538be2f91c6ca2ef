/* cmd_table: ratio table PACK [--opinion A] [--vs B] */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render_reasoning.h"
#include "table.h"

enum { OPT_BUDGET = 2000, OPT_VS };

static const char table_help[] =
    "Usage: ratio table PACK [--opinion A [--vs B]] [OPTIONS]\n"
    "\n"
    "The whole decision space of an opinion (every combination of the yes/no\n"
    "and one-of facts it can reach) compressed into a decision table per\n"
    "outcome: '-' is any value, 'a|b' either value. The rows of one outcome\n"
    "never overlap another's, and together they cover the space. With --vs,\n"
    "exactly the region where opinions A and B disagree. Without --opinion,\n"
    "one table per opinion.\n"
    "\n"
    "Options:\n"
    "      --opinion NAME    the opinion to tabulate (default: each in turn)\n"
    "      --vs NAME         only where NAME disagrees with --opinion\n"
    "      --as-of DATE      only the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --format FORMAT   text (default), json or md\n"
    "      --budget N        evaluations allowed per table (default 1000000)\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 the table was built; 1 a rule failed or the budget ran\n"
    "out; 2 usage or pack error, or the output could not be written.\n";

int cmd_table(int argc, char **argv) {
  static const struct option longopts[] = {
      {"opinion", required_argument, NULL, 'O'},
      {"vs", required_argument, NULL, OPT_VS},
      {"format", required_argument, NULL, 'F'},
      {"budget", required_argument, NULL, OPT_BUDGET},
      {"as-of", required_argument, NULL, OPT_AS_OF},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  const char *opinion = NULL, *vs = NULL, *format = "text", *as_of = NULL;
  long budget = TABLE_DEFAULT_BUDGET;
  cli_shared sh = {.cmd = "table", .help = table_help};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, CLI_SHARED_SHORT, longopts, NULL)) != -1) {
    switch (c) {
    case 'O': opinion = optarg; break;
    case OPT_VS: vs = optarg; break;
    case 'F': format = optarg; break;
    case OPT_AS_OF: as_of = optarg; break;
    case OPT_BUDGET:
      if ((budget = cli_count(optarg, 1, 1000000000L)) < 0)
        return cli_usage("table", "--budget '%s' is not a count between 1 and 10^9", optarg);
      break;
    default: {
      int code = cli_shared_option(&sh, c, optarg, argv);
      if (code != CLI_TAKEN) return code;
    }
    }
  }
  if (optind >= argc) return cli_usage("table", "missing PACK (a pack folder or its main .lua file)");
  if (optind + 1 < argc) return cli_usage("table", "unexpected argument '%s'", argv[optind + 1]);
  if (vs && !opinion) return cli_usage("table", "--vs needs --opinion: the opinion to compare it with");
  reason_format f;
  if (reason_format_parse(format, &f) != 0)
    return cli_usage("table", "unknown format '%s' (formats: text, json, md)", format);
  pack *p = cli_load_pack(argv[optind], &sh.popts);
  if (!p) return RATIO_USAGE;
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  int code = RATIO_USAGE;
  int nops = cli_pick_opinions(p, opinion, as_of, ops);
  int vs_op = -1;
  if (nops > 0 && vs) {
    int *one = xcalloc((size_t)p->nopinions + 1, sizeof *one); /* the helper writes up to nopinions */
    if (cli_pick_opinions(p, vs, as_of, one) > 0) vs_op = one[0];
    else nops = -1;
    free(one);
    if (vs_op == ops[0]) {
      fprintf(stderr, "ratio table: --vs names the same opinion as --opinion\n");
      nops = -1;
    }
  }
  if (nops > 0) {
    table **tables = xcalloc((size_t)nops + 1, sizeof *tables);
    table_options to = {budget};
    code = RATIO_OK;
    for (int i = 0; i < nops && code == RATIO_OK; i++) {
      err *e = NULL;
      if (table_build(p, ops[i], vs_op, &to, &tables[i], &e) != 0) code = cli_fail(e, RATIO_FAILED);
    }
    cli_output out = {0};
    if (code == RATIO_OK) code = cli_output_open(&out, &sh);
    if (code == RATIO_OK) {
      render_table(f, out.f, p, tables, nops);
      code = cli_output_close(&out, code, true);
    }
    for (int i = 0; i < nops; i++) table_free(tables[i]);
    free(tables);
  }
  free(ops);
  pack_free(p);
  return code;
}
