/* cmd_test: ratio test PACK [CASES...] */
#include "cli.h"
#include "coverage.h"
#include "row_handlers.h"
#include "testrun.h"

static const char test_help[] =
    "Usage: ratio test PACK [CASES.csv...] [OPTIONS]\n"
    "\n"
    "Check the expect.* columns of case files against the pack: each\n"
    "expect.<target> cell (target: outcome, disposition or a node name) under\n"
    "every opinion, and each expect.<target>@<opinion> cell under that opinion.\n"
    "Without CASES, the case files the pack lists in pack { cases = {...} }.\n"
    "Prints a line per expectation and ends with 'N passed, N failed'.\n"
    "\n"
    "Options:\n"
    "      --format FORMAT   text (default), tap or junit\n"
    "  -q, --quiet           text: print only the failures and the summary\n"
    "      --coverage        also report which nodes, values, first branches\n"
    "                        and overrides no row exercises\n"
    "      --as-of DATE      check only the opinions in force on DATE\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 every expectation passed; 1 some expectation failed, a\n"
    "row could not be read, or two rows of a file share an id (reported on\n"
    "standard error, and counted as failures); 2 usage, file or pack error,\n"
    "or the output could not be written; 130 or 143 interrupted (SIGINT,\n"
    "SIGTERM).\n";

int cmd_test(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_FORMAT, CLI_OPT_AS_OF,
      {"quiet", no_argument, NULL, 'q'},
      {"coverage", no_argument, NULL, 'c'},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  bool quiet = false, want_coverage = false;
  cli_shared sh = {.cmd = "test", .help = test_help, .format = "text"};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "q" CLI_SHARED_SHORT, longopts, NULL)) != -1) {
    if (c == 'q' || c == 'c') {
      *(c == 'q' ? &quiet : &want_coverage) = true;
      continue;
    }
    int code = cli_shared_option(&sh, c, optarg, argv);
    if (code != CLI_TAKEN) return code;
  }
  int code = RATIO_OK;
  char **files;
  int nfiles;
  const char *pack_path = cli_pack_operand(&sh, argc, argv, &files, &nfiles, &code);
  if (!pack_path) return code;
  if ((code = cli_check_format(&sh, RENDER_TEST)) != RATIO_OK) return code;
  cli_run run;
  code = cli_run_open(&run, &sh, pack_path);
  if (code == RATIO_OK && nfiles == 0) {
    files = run.p->cases;
    nfiles = run.p->ncases;
  }
  if (code == RATIO_OK && nfiles == 0) {
    fprintf(stderr, "ratio test: no case files: give CASES.csv, or list them in the pack as "
                    "pack { cases = { \"cases/x.csv\" } }\n");
    code = RATIO_USAGE;
  }
  if (code == RATIO_OK) {
    coverage *cov = want_coverage ? coverage_new(run.p) : NULL;
    test_options to = {run.ops, run.nops, cov};
    row_handler h = row_handler_test_base;
    h.ud = &to;
    render_setup rs = {.diag = stderr, .quiet = quiet, .cov = cov};
    code = cli_run_rows(&run, RENDER_TEST, &rs, &h, (const char *const *)files, nfiles);
    coverage_free(cov);
  }
  return cli_run_close(&run, code);
}
