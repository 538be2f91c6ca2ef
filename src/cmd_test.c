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
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 every expectation passed; 1 some expectation failed or a\n"
    "row could not be read; 2 usage, file or pack error, or the output could\n"
    "not be written.\n";

int cmd_test(int argc, char **argv) {
  static const struct option longopts[] = {
      {"format", required_argument, NULL, 'F'},
      {"quiet", no_argument, NULL, 'q'},
      {"coverage", no_argument, NULL, 'c'},
      {"as-of", required_argument, NULL, OPT_AS_OF},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  const char *format = "text", *as_of = NULL;
  bool quiet = false, want_coverage = false;
  cli_shared sh = {.cmd = "test", .help = test_help};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "q" CLI_SHARED_SHORT, longopts, NULL)) != -1) {
    switch (c) {
    case 'F': format = optarg; break;
    case 'q': quiet = true; break;
    case 'c': want_coverage = true; break;
    case OPT_AS_OF: as_of = optarg; break;
    default: {
      int code = cli_shared_option(&sh, c, optarg, argv);
      if (code != CLI_TAKEN) return code;
    }
    }
  }
  test_format_kind kind;
  if (strcmp(format, "text") == 0) kind = TEST_FORMAT_TEXT;
  else if (strcmp(format, "tap") == 0) kind = TEST_FORMAT_TAP;
  else if (strcmp(format, "junit") == 0) kind = TEST_FORMAT_JUNIT;
  else return cli_usage("test", "unknown format '%s' (formats: text, tap, junit)", format);
  if (optind >= argc) return cli_usage("test", "missing PACK (a pack folder or its main .lua file)");

  pack *p = cli_load_pack(argv[optind], &sh.popts);
  if (!p) return RATIO_USAGE;
  cli_output out;
  if (cli_output_open(&out, &sh) != 0) {
    pack_free(p);
    return RATIO_USAGE;
  }
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
    test_report *tr = test_report_new(kind, out.f, !quiet);
    test_options to = {ops, nops, cov};
    test_totals tot = {0, 0, 0};
    code = RATIO_OK;
    for (int i = 0; i < nfiles && code != RATIO_USAGE; i++) {
      err *e = NULL;
      if (testrun_file(p, files[i], &to, test_report_reporter(tr), &tot, &e) != 0) {
        fflush(out.f);
        code = cli_fail(e, RATIO_USAGE);
      }
    }
    if (code != RATIO_USAGE) {
      if (cov) coverage_print(cov, kind == TEST_FORMAT_TEXT ? out.f : stderr);
      test_report_end(tr, &tot);
      code = tot.failed ? RATIO_FAILED : RATIO_OK;
    }
    test_report_free(tr);
    coverage_free(cov);
  }
  free(ops);
  pack_free(p);
  return cli_output_close(&out, code, code != RATIO_USAGE);
}
