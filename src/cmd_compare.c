/* cmd_compare: ratio compare PACK -f CASES.csv */
#include "cli.h"
#include "row_handlers.h"

static const char compare_help[] =
    "Usage: ratio compare PACK -f CASES.csv [OPTIONS]\n"
    "       ratio compare PACK --set FACT=VALUE... [OPTIONS]\n"
    "\n"
    "Decide each row under every opinion of the pack, side by side, and for\n"
    "each pair of opinions that disagree show the node where their reasoning\n"
    "parts, the override responsible, and each side's authorities.\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       the case file (CSV; '-' reads standard input)\n"
    CLI_SET_HELP
    "      --row ID          only the row with this id\n"
    "      --as-of DATE      the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --all-opinions    every opinion of the pack, older and later law too\n"
    "                        (default: the case's own opinions)\n"
    "      --format FORMAT   text (default), json, md or html\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 every row was compared; 1 some row could not be read or a\n"
    "rule failed on it (reported in the output), or two rows share an id\n"
    "(reported on standard error); 2 usage, file or pack error, or the output\n"
    "could not be written; 130 or 143 interrupted (SIGINT, SIGTERM).\n";

int cmd_compare(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_FILE, CLI_OPT_SET, CLI_OPT_ROW, CLI_OPT_FORMAT, CLI_OPT_AS_OF, CLI_OPT_ALL_OPINIONS, CLI_SHARED_OPTIONS, {NULL, 0, NULL, 0},
  };
  cli_shared sh = {.cmd = "compare", .help = compare_help, .format = "text", .case_opinions = true};
  int code = RATIO_OK;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, NULL, NULL, NULL, NULL, &code);
  if (!pack_path) return code;
  if (!sh.file && !sh.nsets) return cli_usage("compare", "missing -f CASES.csv (or --set FACT=VALUE)");
  if ((code = cli_check_format(&sh, RENDER_COMPARE)) != RATIO_OK) return code;
  cli_run run;
  render_setup rs = {.diag = stderr};
  code = cli_run_open(&run, &sh, pack_path);
  if (code == RATIO_OK) code = cli_run_rows(&run, RENDER_COMPARE, &rs, &row_handler_compare, &sh.file, sh.file ? 1 : 0);
  return cli_run_close(&run, code);
}
