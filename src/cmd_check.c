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

enum { OPT_STRICT = 2000 };

static int own_option(void *ud, int opt, const char *arg) {
  (void)arg;
  if (opt == OPT_STRICT) *(bool *)ud = true;
  return CLI_TAKEN;
}

int cmd_check(int argc, char **argv) {
  static const struct option longopts[] = {
      {"strict", no_argument, NULL, OPT_STRICT},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  bool strict = false;
  cli_shared sh = {.cmd = "check", .help = check_help};
  int code = RATIO_OK;
  char **files;
  int nfiles;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &strict, &files, &nfiles, &code);
  if (!pack_path) return code;

  cli_output out;
  if (cli_output_open(&out, &sh) != 0) return RATIO_USAGE;
  lint_report *r = lint_new();
  err *e = NULL;
  pack *p = pack_load(pack_path, &sh.popts, &e);
  if (!p) {
    lint_add_errors(r, e, pack_path);
    lint_sort(r, 0);
    err_free(e);
    lint_print(r, out.f);
    summary(out.f, r, "; the pack does not load");
    lint_free(r);
    return cli_output_close(&out, RATIO_USAGE, true);
  }
  lint_pack(p, r);
  if (nfiles == 0) {
    files = p->cases;
    nfiles = p->ncases;
  }
  bool unreadable = false;
  for (int i = 0; i < nfiles; i++) unreadable |= lint_cases(p, files[i], r) != 0;
  lint_print(r, out.f);
  summary(out.f, r, unreadable ? "; a case file cannot be read" : "");
  code = unreadable ? RATIO_USAGE
             : lint_count(r, LINT_ERROR) || (strict && lint_count(r, LINT_WARNING)) ? RATIO_FAILED
                                                                                      : RATIO_OK;
  lint_free(r);
  pack_free(p);
  return cli_output_close(&out, code, true);
}
