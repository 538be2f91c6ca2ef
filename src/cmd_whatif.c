/* cmd_whatif: ratio whatif PACK -f CASES.csv --row ID */
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "cli.h"
#include "render_reasoning.h"
#include "whatif.h"

enum { OPT_BUDGET = 2000 };

static const char whatif_help[] =
    "Usage: ratio whatif PACK -f CASES.csv --row ID [OPTIONS]\n"
    "\n"
    "The smallest sets of fact changes that would change the row's outcome,\n"
    "and separately its disposition, under each opinion: fewest facts changed,\n"
    "ties all listed, each with the nodes that flip and the authority. The\n"
    "yes/no and one-of facts the opinion can reach are changeable, and so are\n"
    "findings below (supplied, changed or withdrawn). For an undecided row,\n"
    "also which answers to the facts left unknown would decide it.\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       the case file (CSV; '-' reads standard input)\n"
    "      --row ID          the row (required)\n"
    "      --opinion NAME    only this opinion (default: every opinion)\n"
    "      --as-of DATE      only the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --format FORMAT   text (default), json or md\n"
    "      --budget N        evaluations per search (default 200000); past it\n"
    "                        the search stops and says how far it got\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 the search ran; 1 the row could not be read or a rule\n"
    "failed on it; 2 usage, file or pack error, or the output could not be\n"
    "written.\n";

static int run(const pack *p, const char *file, const int *ops, int nops, const char *row_id, reason_format f,
               long budget, FILE *out) {
  err *e = NULL;
  case_reader *cr = cases_open(p, file, &e);
  if (!cr) return cli_fail(e, RATIO_USAGE);
  int code = RATIO_USAGE;
  bool found = false;
  int found_line = 0;
  for (;;) {
    case_row row;
    int got = cases_next(cr, &row, &e);
    if (got == 0) break;
    if (got < 0) {
      code = cli_fail(e, RATIO_USAGE);
      found = true;
      break;
    }
    if (strcmp(row.id, row_id) != 0) {
      err_free(e);
      e = NULL;
      continue;
    }
    if (found) {
      /* the id names two rows: the one varied is the first; say so, as
       * eval and compare do for a reused id */
      err_free(e);
      fflush(out);
      code = cli_fail(case_ids_error(cases_name(cr), row.line, row.id_col, row.id, found_line), RATIO_FAILED);
      break;
    }
    found = true;
    found_line = row.line;
    if (got == 2) {
      code = cli_fail(e, RATIO_FAILED);
      break;
    }
    whatif_result **res = xcalloc((size_t)nops + 1, sizeof *res);
    whatif_options wo = {budget};
    code = RATIO_OK;
    for (int i = 0; i < nops && code == RATIO_OK; i++)
      if (whatif_row(p, ops[i], &row, &wo, &res[i], &e) != 0) code = cli_fail(e, RATIO_FAILED);
    if (code == RATIO_OK) render_whatif(f, out, p, cases_name(cr), &row, res, nops);
    for (int i = 0; i < nops; i++) whatif_free(res[i]);
    free(res);
    if (code != RATIO_OK) break;
    /* read on: a later row with the same id is a mistake to report */
  }
  if (!found)
    code = cli_fail(err_hint(err_new(cases_name(cr), 0, 0, "no row has the id '%s'", row_id),
                             "ids are in the file's id column"),
                    RATIO_USAGE);
  cases_close(cr);
  return code;
}

int cmd_whatif(int argc, char **argv) {
  static const struct option longopts[] = {
      {"file", required_argument, NULL, 'f'},
      {"row", required_argument, NULL, 'r'},
      {"opinion", required_argument, NULL, 'O'},
      {"format", required_argument, NULL, 'F'},
      {"budget", required_argument, NULL, OPT_BUDGET},
      {"as-of", required_argument, NULL, OPT_AS_OF},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  const char *file = NULL, *row = NULL, *opinion = NULL, *format = "text", *as_of = NULL;
  long budget = WHATIF_DEFAULT_BUDGET;
  cli_shared sh = {.cmd = "whatif", .help = whatif_help};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "f:" CLI_SHARED_SHORT, longopts, NULL)) != -1) {
    switch (c) {
    case 'f': file = optarg; break;
    case 'r': row = optarg; break;
    case 'O': opinion = optarg; break;
    case 'F': format = optarg; break;
    case OPT_AS_OF: as_of = optarg; break;
    case OPT_BUDGET:
      if ((budget = cli_count(optarg, 1, 1000000000L)) < 0)
        return cli_usage("whatif", "--budget '%s' is not a count between 1 and 10^9", optarg);
      break;
    default: {
      int code = cli_shared_option(&sh, c, optarg, argv);
      if (code != CLI_TAKEN) return code;
    }
    }
  }
  if (optind >= argc) return cli_usage("whatif", "missing PACK (a pack folder or its main .lua file)");
  if (optind + 1 < argc && !file && optind + 2 == argc)
    return cli_positional_cases("whatif", argv[optind], argv[optind + 1]);
  if (optind + 1 < argc) return cli_usage("whatif", "unexpected argument '%s'", argv[optind + 1]);
  if (!file) return cli_usage("whatif", "missing -f CASES.csv");
  if (!row) return cli_usage("whatif", "missing --row ID (the row to vary)");
  reason_format f;
  if (reason_format_parse(format, &f) != 0)
    return cli_usage("whatif", "unknown format '%s' (formats: text, json, md)", format);
  pack *p = cli_load_pack(argv[optind], &sh.popts);
  if (!p) return RATIO_USAGE;
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  int nops = cli_pick_opinions(p, opinion, as_of, ops);
  cli_output out = {0};
  int code = nops > 0 ? cli_output_open(&out, &sh) : RATIO_USAGE;
  if (code == RATIO_OK) code = run(p, file, ops, nops, row, f, budget, out.f);
  code = cli_output_close(&out, code, code == RATIO_OK);
  free(ops);
  pack_free(p);
  return code;
}
