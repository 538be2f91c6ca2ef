/* cmd_test: ratio test PACK [CASES...] */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "coverage.h"
#include "render_test.h"
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
    "      --max-memory SIZE memory limit of the pack's Lua code (default 64M)\n"
    "      --max-steps N     step budget per pack load and per rule call\n"
    "      --max-time SECONDS  time limit for the pack load and for each row\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 every expectation passed; 1 some expectation failed or a\n"
    "row could not be read; 2 usage, file or pack error.\n";

int cmd_test(int argc, char **argv) {
  static const struct option longopts[] = {
      {"format", required_argument, NULL, 'F'},
      {"quiet", no_argument, NULL, 'q'},
      {"coverage", no_argument, NULL, 'c'},
      {"as-of", required_argument, NULL, OPT_AS_OF},
      {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
      {"max-steps", required_argument, NULL, OPT_MAX_STEPS},
      {"max-time", required_argument, NULL, OPT_MAX_TIME},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  const char *format = "text", *as_of = NULL;
  bool quiet = false, want_coverage = false;
  pack_options popts = {0};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
    err *e = NULL;
    switch (c) {
    case 'F': format = optarg; break;
    case 'q': quiet = true; break;
    case 'c': want_coverage = true; break;
    case OPT_AS_OF: as_of = optarg; break;
    case OPT_MAX_MEMORY:
    case OPT_MAX_STEPS:
    case OPT_MAX_TIME:
      if (cli_limit_option(c, optarg, &popts, &e) != 0) return cli_fail(e, RATIO_USAGE);
      break;
    case 'h': fputs(test_help, stdout); return RATIO_OK;
    default: return cli_usage("test", "unknown or incomplete option '%s'", argv[optind - 1]);
    }
  }
  test_format_kind kind;
  if (strcmp(format, "text") == 0) kind = TEST_FORMAT_TEXT;
  else if (strcmp(format, "tap") == 0) kind = TEST_FORMAT_TAP;
  else if (strcmp(format, "junit") == 0) kind = TEST_FORMAT_JUNIT;
  else return cli_usage("test", "unknown format '%s' (formats: text, tap, junit)", format);
  if (optind >= argc) return cli_usage("test", "missing PACK (a pack folder or its main .lua file)");

  pack *p = cli_load_pack(argv[optind], &popts);
  if (!p) return RATIO_USAGE;
  char **files = argv + optind + 1;
  int nfiles = argc - optind - 1;
  if (nfiles == 0) {
    files = p->cases;
    nfiles = p->ncases;
  }
  int code = RATIO_USAGE;
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  int nops = cli_pick_opinions(p, NULL, as_of, ops);
  if (nfiles == 0) {
    fprintf(stderr, "ratio test: no case files: give CASES.csv, or list them in the pack as "
                    "pack { cases = { \"cases/x.csv\" } }\n");
  } else if (nops > 0) {
    coverage *cov = want_coverage ? coverage_new(p) : NULL;
    test_report *tr = test_report_new(kind, stdout, !quiet);
    test_options to = {ops, nops, cov};
    test_totals tot = {0, 0, 0};
    code = RATIO_OK;
    for (int i = 0; i < nfiles && code != RATIO_USAGE; i++) {
      err *e = NULL;
      if (testrun_file(p, files[i], &to, test_report_reporter(tr), &tot, &e) != 0) {
        fflush(stdout);
        code = cli_fail(e, RATIO_USAGE);
      }
    }
    if (code != RATIO_USAGE) {
      if (cov) coverage_print(cov, kind == TEST_FORMAT_TEXT ? stdout : stderr);
      test_report_end(tr, &tot);
      code = tot.failed ? RATIO_FAILED : RATIO_OK;
    }
    test_report_free(tr);
    coverage_free(cov);
  }
  free(ops);
  pack_free(p);
  return code;
}
