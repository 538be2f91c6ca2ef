/* cmd_brief: ratio brief PACK -f CASES.csv --row ID --side plaintiff|defendant */
#include <string.h>

#include "brief.h"
#include "cli.h"
#include "row_handlers.h"

enum { OPT_SIDE = 2000, OPT_CASES };

#define MAX_LIBRARY_FILES 64

static const char brief_help[] =
    "Usage: ratio brief PACK -f CASES.csv --row ID --side plaintiff|defendant [OPTIONS]\n"
    "       ratio brief PACK --set FACT=VALUE... --side plaintiff|defendant [OPTIONS]\n"
    "\n"
    "An argument outline for one side of a case: the question presented (from\n"
    "the pack), the short answer under each opinion, and for each contested\n"
    "element (where the opinions part, or where one fact alone turns an\n"
    "outcome): the side's argument and the opinions it comes from, with the\n"
    "facts relied on and the authorities with pin cites and quotations; what\n"
    "is left open; the other side's answer and its opinions; the closest\n"
    "decided cases on each side; the facts the side must defend (single changes\n"
    "that would turn an outcome against it) and those the other side must;\n"
    "and where an \"even if\" argument is available. Then the argument by\n"
    "analogy from the decided cases (as ratio distinguish). Which side an\n"
    "outcome favours is the pack's: favours = { ... } on the node an opinion\n"
    "decides.\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       the case file (CSV; '-' reads standard input)\n"
    "      --set FACT=VALUE  give a fact (or a finding, id, title, note) this\n"
    "                        value in the row, as its cell would; repeatable;\n"
    "                        without -f, brief the row they make\n"
    "      --row ID          the row (required with -f)\n"
    "      --side SIDE       plaintiff or defendant (required)\n"
    "      --opinion NAME    only this opinion (default: the case's own opinions)\n"
    "      --as-of DATE      the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --all-opinions    every opinion of the pack, older and later law too\n"
    "      --cases FILE      the decided cases to argue from (CSV); repeatable\n"
    "                        (default: the files the pack marks decided = { ... })\n"
    "      --format FORMAT   text (default), json or md\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 the brief was written; 1 the row could not be read, a rule\n"
    "failed on it, or another row has its id (the first is briefed); 2 usage,\n"
    "file or pack error (a pack whose outcomes do not say which party they\n"
    "favour, a decided case that cannot be read), or the output could not be\n"
    "written; 130 or 143 interrupted (SIGINT, SIGTERM).\n";

typedef struct opts {
  const char *side;
  const char *cases[MAX_LIBRARY_FILES];
  int ncases;
} opts;

static int own_option(void *ud, int opt, const char *arg) {
  opts *o = ud;
  if (opt == OPT_SIDE) {
    o->side = arg;
  } else if (opt == OPT_CASES) {
    if (o->ncases == MAX_LIBRARY_FILES) return cli_usage("brief", "more than %d --cases files", MAX_LIBRARY_FILES);
    o->cases[o->ncases++] = arg;
  }
  return CLI_TAKEN;
}

int cmd_brief(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_FILE, CLI_OPT_SET, CLI_OPT_ROW, CLI_OPT_OPINION, CLI_OPT_FORMAT, CLI_OPT_AS_OF, CLI_OPT_ALL_OPINIONS,
      {"side", required_argument, NULL, OPT_SIDE},
      {"cases", required_argument, NULL, OPT_CASES},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  opts o = {NULL, {0}, 0};
  cli_shared sh = {.cmd = "brief", .help = brief_help, .format = "text", .case_opinions = true};
  int code = RATIO_OK;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &o, NULL, NULL, &code);
  if (!pack_path) return code;
  if (!sh.file && !sh.nsets) return cli_usage("brief", "missing -f CASES.csv (or --set FACT=VALUE)");
  if (sh.file && !sh.row) return cli_usage("brief", "missing --row ID (the row to brief)");
  if (!o.side) return cli_usage("brief", "missing --side plaintiff|defendant (the side to argue for)");
  pack_party side = strcmp(o.side, "plaintiff") == 0 ? PARTY_PLAINTIFF
                    : strcmp(o.side, "defendant") == 0 ? PARTY_DEFENDANT
                                                       : PARTY_UNSAID;
  if (side == PARTY_UNSAID) return cli_usage("brief", "--side '%s' is not a side; give plaintiff or defendant", o.side);
  if ((code = cli_check_format(&sh, RENDER_BRIEF)) != RATIO_OK) return code;
  cli_run run;
  render_setup rs = {.diag = stderr};
  code = cli_run_open(&run, &sh, pack_path);
  distinguish_library *lib = NULL;
  err *e = NULL;
  if (code == RATIO_OK && !brief_pack_ready(run.p, run.ops, run.nops, &e)) code = cli_fail(e, RATIO_USAGE);
  if (code == RATIO_OK && !(lib = distinguish_library_load(run.p, o.cases, o.ncases, &e))) code = cli_fail(e, RATIO_USAGE);
  if (code == RATIO_OK) {
    row_brief_setup bs = {lib, side};
    row_handler h = row_handler_brief_base;
    h.ud = &bs;
    code = cli_run_rows(&run, RENDER_BRIEF, &rs, &h, &sh.file, sh.file ? 1 : 0);
  }
  distinguish_library_free(lib);
  return cli_run_close(&run, code);
}
