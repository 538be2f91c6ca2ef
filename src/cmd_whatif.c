/* cmd_whatif: ratio whatif PACK -f CASES.csv --row ID */
#include "cli.h"
#include "row_handlers.h"
#include "whatif.h"

enum { OPT_BUDGET = 2000 };

static const char whatif_help[] =
    "Usage: ratio whatif PACK -f CASES.csv --row ID [OPTIONS]\n"
    "       ratio whatif PACK --set FACT=VALUE... [OPTIONS]\n"
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
    CLI_SET_HELP
    "      --row ID          the row (required)\n"
    "      --opinion NAME    only this opinion (default: the case's own opinions)\n"
    "      --as-of DATE      the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --all-opinions    every opinion of the pack, older and later law too\n"
    "      --format FORMAT   text (default), json, md or html\n"
    "      --budget N        evaluations per search (default 200000); past it\n"
    "                        the search stops and says how far it got\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 the search ran; 1 the row could not be read, a rule\n"
    "failed on it, or another row has its id (the first is varied); 2 usage,\n"
    "file or pack error, or the output could not be written; 130 or 143\n"
    "interrupted (SIGINT, SIGTERM).\n";

static int own_option(void *ud, int opt, const char *arg) {
  whatif_options *wo = ud;
  if (opt == OPT_BUDGET && (wo->budget = cli_count(arg, 1, 1000000000L)) < 0)
    return cli_usage("whatif", "--budget '%s' is not a count between 1 and 10^9", arg);
  return CLI_TAKEN;
}

int cmd_whatif(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_FILE, CLI_OPT_SET, CLI_OPT_ROW, CLI_OPT_OPINION, CLI_OPT_FORMAT, CLI_OPT_AS_OF, CLI_OPT_ALL_OPINIONS,
      {"budget", required_argument, NULL, OPT_BUDGET},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  whatif_options wo = {WHATIF_DEFAULT_BUDGET};
  cli_shared sh = {.cmd = "whatif", .help = whatif_help, .format = "text", .case_opinions = true};
  int code = RATIO_OK;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &wo, NULL, NULL, &code);
  if (!pack_path) return code;
  if (!sh.file && !sh.nsets) return cli_usage("whatif", "missing -f CASES.csv (or --set FACT=VALUE)");
  if (sh.file && !sh.row) return cli_usage("whatif", "missing --row ID (the row to vary)");
  if ((code = cli_check_format(&sh, RENDER_WHATIF)) != RATIO_OK) return code;
  cli_run run;
  render_setup rs = {.diag = stderr};
  row_handler h = row_handler_whatif_base;
  h.ud = &wo;
  code = cli_run_open(&run, &sh, pack_path);
  if (code == RATIO_OK) code = cli_run_rows(&run, RENDER_WHATIF, &rs, &h, &sh.file, sh.file ? 1 : 0);
  return cli_run_close(&run, code);
}
