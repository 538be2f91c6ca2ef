/* cmd_check: ratio check PACK [CASES...] */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lint.h"

static const char check_help[] =
    "Usage: ratio check PACK [CASES.csv...] [OPTIONS]\n"
    "\n"
    "Lint a pack: facts no rule uses, enumeration values no rule tests,\n"
    "authorities no node cites, nodes without an authority, nodes no opinion\n"
    "reaches, first branches an earlier branch shadows, names a rule function\n"
    "reads that the pack does not declare, locals of the pack's file and tables\n"
    "a rule function changes, and cycles through rule functions.\n"
    "Then read the case files (CASES, or those the pack lists in\n"
    "pack { cases = {...} }) and report every column, value and expectation\n"
    "that does not fit the pack. A pack that does not load is reported with\n"
    "its load errors.\n"
    "\n"
    "Each finding is one line, 'file:line:col: error|warning: message; fix',\n"
    "on standard output, followed by the count of errors and warnings.\n"
    "\n"
    "Options:\n"
    "      --strict          fail (exit 1) on warnings too\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 no errors (warnings allowed unless --strict); 1 errors\n"
    "found, or warnings with --strict; 2 usage error, a pack that does not\n"
    "load, a case file that cannot be read, or the output could not be\n"
    "written.\n";

static void summary(FILE *out, const lint_report *r, const char *tail) {
  int ne = lint_count(r, LINT_ERROR), nw = lint_count(r, LINT_WARNING);
  fprintf(out, "%d error%s, %d warning%s%s\n", ne, ne == 1 ? "" : "s", nw, nw == 1 ? "" : "s", tail);
}

int cmd_check(int argc, char **argv) {
  static const struct option longopts[] = {
      {"strict", no_argument, NULL, 's'},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  bool strict = false;
  cli_shared sh = {.cmd = "check", .help = check_help};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, CLI_SHARED_SHORT, longopts, NULL)) != -1) {
    switch (c) {
    case 's': strict = true; break;
    default: {
      int code = cli_shared_option(&sh, c, optarg, argv);
      if (code != CLI_TAKEN) return code;
    }
    }
  }
  if (optind >= argc) return cli_usage("check", "missing PACK (a pack folder or its main .lua file)");

  cli_output out;
  if (cli_output_open(&out, &sh) != 0) return RATIO_USAGE;
  lint_report *r = lint_new();
  err *e = NULL;
  pack *p = pack_load(argv[optind], &sh.popts, &e);
  if (!p) {
    lint_add_errors(r, e, argv[optind]);
    lint_sort(r, 0);
    err_free(e);
    lint_print(r, out.f);
    summary(out.f, r, "; the pack does not load");
    lint_free(r);
    return cli_output_close(&out, RATIO_USAGE, true);
  }
  lint_pack(p, r);
  char **files = argv + optind + 1;
  int nfiles = argc - optind - 1;
  if (nfiles == 0) {
    files = p->cases;
    nfiles = p->ncases;
  }
  bool unreadable = false;
  for (int i = 0; i < nfiles; i++) unreadable |= lint_cases(p, files[i], r) != 0;
  lint_print(r, out.f);
  summary(out.f, r, unreadable ? "; a case file cannot be read" : "");
  int code = unreadable ? RATIO_USAGE
             : lint_count(r, LINT_ERROR) || (strict && lint_count(r, LINT_WARNING)) ? RATIO_FAILED
                                                                                      : RATIO_OK;
  lint_free(r);
  pack_free(p);
  return cli_output_close(&out, code, true);
}
