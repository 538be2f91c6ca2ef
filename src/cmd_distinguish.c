/* cmd_distinguish: ratio distinguish PACK -f PROBLEM.csv --row ID */
#include "cli.h"
#include "distinguish.h"
#include "row_handlers.h"

enum { OPT_CASES = 2000, OPT_TOP };

#define MAX_LIBRARY_FILES 64

static const char distinguish_help[] =
    "Usage: ratio distinguish PACK -f PROBLEM.csv --row ID [OPTIONS]\n"
    "       ratio distinguish PACK --set FACT=VALUE... [OPTIONS]\n"
    "\n"
    "The decided cases closest to a problem in the facts that matter: a fact\n"
    "(or a finding below) matters under an opinion when changing it alone\n"
    "changes that opinion's outcome for the problem or for the precedent. For\n"
    "each decided case: its result under each opinion and whether it carries\n"
    "over, the facts that matter and agree (the analogy), and those that differ\n"
    "(the distinctions), with the side each helps under which opinion. Then\n"
    "the argument by analogy in three moves, for each side: cite the closest\n"
    "case whose result favours it; the other side's answer, its closest\n"
    "counter-example; the rebuttal, what sets that case apart.\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       the case file of the problem (CSV; '-' reads\n"
    "                        standard input)\n"
    "      --set FACT=VALUE  give a fact (or a finding, id, title, note) this\n"
    "                        value in the problem, as its cell would; repeatable;\n"
    "                        without -f, the problem is the row they make\n"
    "      --row ID          the problem's row (required with -f)\n"
    "      --cases FILE      the decided cases to compare with (CSV, one case a\n"
    "                        row); repeatable (default: the files the pack marks\n"
    "                        decided = { ... })\n"
    "      --opinion NAME    only this opinion (default: the case's own opinions)\n"
    "      --as-of DATE      the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --all-opinions    every opinion of the pack, older and later law too\n"
    "      --top N           show the N closest cases in full, the others in a\n"
    "                        line each (default 5; text and md)\n"
    "      --format FORMAT   text (default), json or md\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 the problem was compared; 1 its row could not be read, a\n"
    "rule failed on it, or another row has its id (the first is compared); 2\n"
    "usage, file or pack error (a decided case that cannot be read, a pack\n"
    "that marks none), or the output could not be written; 130 or 143\n"
    "interrupted (SIGINT, SIGTERM).\n";

typedef struct opts {
  const char *cases[MAX_LIBRARY_FILES];
  int ncases;
  int top;
} opts;

static int own_option(void *ud, int opt, const char *arg) {
  opts *o = ud;
  if (opt == OPT_CASES) {
    if (o->ncases == MAX_LIBRARY_FILES)
      return cli_usage("distinguish", "more than %d --cases files", MAX_LIBRARY_FILES);
    o->cases[o->ncases++] = arg;
  } else if (opt == OPT_TOP) {
    long n = cli_count(arg, 1, 100000);
    if (n < 0) return cli_usage("distinguish", "--top '%s' is not a count between 1 and 100000", arg);
    o->top = (int)n;
  }
  return CLI_TAKEN;
}

int cmd_distinguish(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_FILE, CLI_OPT_SET, CLI_OPT_ROW, CLI_OPT_OPINION, CLI_OPT_FORMAT, CLI_OPT_AS_OF, CLI_OPT_ALL_OPINIONS,
      {"cases", required_argument, NULL, OPT_CASES},
      {"top", required_argument, NULL, OPT_TOP},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  opts o = {{0}, 0, 0};
  cli_shared sh = {.cmd = "distinguish", .help = distinguish_help, .format = "text", .case_opinions = true};
  int code = RATIO_OK;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &o, NULL, NULL, &code);
  if (!pack_path) return code;
  if (!sh.file && !sh.nsets) return cli_usage("distinguish", "missing -f PROBLEM.csv (or --set FACT=VALUE)");
  if (sh.file && !sh.row) return cli_usage("distinguish", "missing --row ID (the problem's row)");
  if ((code = cli_check_format(&sh, RENDER_DISTINGUISH)) != RATIO_OK) return code;
  cli_run run;
  render_setup rs = {.diag = stderr, .top = o.top};
  code = cli_run_open(&run, &sh, pack_path);
  distinguish_library *lib = NULL;
  if (code == RATIO_OK) {
    err *e = NULL;
    lib = distinguish_library_load(run.p, o.cases, o.ncases, &e);
    if (!lib) code = cli_fail(e, RATIO_USAGE);
  }
  if (code == RATIO_OK) {
    row_handler h = row_handler_distinguish_base;
    h.ud = lib;
    code = cli_run_rows(&run, RENDER_DISTINGUISH, &rs, &h, &sh.file, sh.file ? 1 : 0);
  }
  distinguish_library_free(lib);
  return cli_run_close(&run, code);
}
