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

enum { OPT_COVERAGE = 2000 };

typedef struct test_flags {
  bool quiet, coverage;
} test_flags;

static int own_option(void *ud, int opt, const char *arg) {
  (void)arg;
  test_flags *fl = ud;
  if (opt == 'q') fl->quiet = true;
  else if (opt == OPT_COVERAGE) fl->coverage = true;
  return CLI_TAKEN;
}

int cmd_test(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_FORMAT, CLI_OPT_AS_OF,
      {"quiet", no_argument, NULL, 'q'},
      {"coverage", no_argument, NULL, OPT_COVERAGE},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  test_flags fl = {false, false};
  cli_shared sh = {.cmd = "test", .help = test_help, .format = "text"};
  int code = RATIO_OK;
  char **files;
  int nfiles;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &fl, &files, &nfiles, &code);
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
    coverage *cov = fl.coverage ? coverage_new(run.p) : NULL;
    test_options to = {run.ops, run.nops, cov};
    row_handler h = row_handler_test_base;
    h.ud = &to;
    render_setup rs = {.diag = stderr, .quiet = fl.quiet, .cov = cov};
    code = cli_run_rows(&run, RENDER_TEST, &rs, &h, (const char *const *)files, nfiles);
    coverage_free(cov);
  }
  return cli_run_close(&run, code);
}
