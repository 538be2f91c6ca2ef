/* cmd_eval: ratio eval PACK -f CASES.csv */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "row_handlers.h"
#include "suggest.h"

static const char eval_help[] =
    "Usage: ratio eval PACK -f CASES.csv [OPTIONS]\n"
    "       ratio eval PACK --set FACT=VALUE... [OPTIONS]\n"
    "\n"
    "Decide every row of a case file under the opinions of the case and\n"
    "explain why: first a line per opinion with its outcome, disposition and\n"
    "the element it turns on, then its reasoning, element by element, with\n"
    "authorities.\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       the case file (CSV; '-' reads standard input)\n"
    CLI_SET_HELP
    "      --opinion NAME    only this opinion\n"
    "      --row ID          only the row with this id\n"
    "      --as-of DATE      the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --all-opinions    every opinion of the pack, older and later law too\n"
    "                        (default: the case's own opinions, those in force\n"
    "                        on the day the pack's case was decided)\n"
    "      --brief           text: the summary of each row only\n"
    "      --depth N         text and json: show N levels of elements below each\n"
    "                        outcome (0: the outcome alone)\n"
    "      --format FORMAT   text (default), json, csv, md (a handout)\n"
    "                        or html (a page that prints cleanly)\n"
    "      --columns LIST    csv: the columns for each opinion, comma-separated:\n"
    "                        outcome, disposition or node names (default: outcome)\n"
    "  -j, --jobs N          decide rows on N threads (default 1); the output\n"
    "                        is the same, in input order\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 every row was decided or left undecided; 1 some row could\n"
    "not be read or a rule failed on it (it is reported in the output), or two\n"
    "rows share an id; 2 usage, file or pack error, or the output could not be\n"
    "written; 130 or 143 interrupted (SIGINT, SIGTERM).\n";

/* --columns outcome,disposition,NODE,... */
static int parse_columns(const pack *p, const char *list, render_column **out, int *n) {
  char *copy = xstrdup(list);
  int cap = 1;
  for (const char *s = list; *s; s++) cap += *s == ',';
  *out = xcalloc((size_t)cap, sizeof **out);
  *n = 0;
  int rc = 0;
  for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    render_column c = {COLUMN_NODE, -1};
    if (strcmp(tok, "outcome") == 0) c.kind = COLUMN_OUTCOME;
    else if (strcmp(tok, "disposition") == 0) c.kind = COLUMN_DISPOSITION;
    else if ((c.node = pack_node_index(p, tok)) < 0) {
      const char **names = xcalloc((size_t)p->nnodes + 3, sizeof *names);
      names[0] = "outcome";
      names[1] = "disposition";
      for (int i = 0; i < p->nnodes; i++) names[i + 2] = p->nodes[i].name;
      const char *best = suggest_closest(tok, strlen(tok), names, p->nnodes + 2);
      fprintf(stderr, "ratio eval: --columns: '%s' is not outcome, disposition or a node of the pack%s%s%s\n",
              tok, best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
      free(names);
      rc = -1;
      break;
    }
    (*out)[(*n)++] = c;
  }
  free(copy);
  return rc;
}

enum { OPT_COLUMNS = 2000, OPT_BRIEF, OPT_DEPTH };

/* eval's own options: --columns (csv), --brief and --depth (text) */
typedef struct eval_flags {
  const char *columns;
  bool brief;
  int depth; /* -1: every level */
} eval_flags;

static int own_option(void *ud, int opt, const char *arg) {
  eval_flags *fl = ud;
  if (opt == OPT_COLUMNS) fl->columns = arg;
  else if (opt == OPT_BRIEF) fl->brief = true;
  else if (opt == OPT_DEPTH) {
    long n = cli_count(arg, 0, 1000);
    if (n < 0) return cli_usage("eval", "--depth '%s' is not a number from 0 to 1000", arg);
    fl->depth = (int)n;
  }
  return CLI_TAKEN;
}

int cmd_eval(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_FILE, CLI_OPT_SET, CLI_OPT_OPINION, CLI_OPT_ROW, CLI_OPT_FORMAT, CLI_OPT_AS_OF, CLI_OPT_JOBS,
      CLI_OPT_ALL_OPINIONS,
      {"columns", required_argument, NULL, OPT_COLUMNS},
      {"brief", no_argument, NULL, OPT_BRIEF},
      {"depth", required_argument, NULL, OPT_DEPTH},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  eval_flags fl = {.depth = -1};
  cli_shared sh = {.cmd = "eval", .help = eval_help, .format = "text", .case_opinions = true};
  int code = RATIO_OK;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &fl, NULL, NULL, &code);
  if (!pack_path) return code;
  const char *columns = fl.columns;
  if (!sh.file && !sh.nsets) return cli_usage("eval", "missing -f CASES.csv (or --set FACT=VALUE)");
  if ((code = cli_check_format(&sh, RENDER_EVAL)) != RATIO_OK) return code;
  if (columns && strcmp(sh.format, "csv") != 0) return cli_usage("eval", "--columns goes with --format csv");
  if (fl.brief && strcmp(sh.format, "text") != 0) return cli_usage("eval", "--brief goes with --format text");
  if (fl.depth >= 0 && strcmp(sh.format, "text") != 0 && strcmp(sh.format, "json") != 0)
    return cli_usage("eval", "--depth goes with --format text or json");

  cli_run run;
  render_column *cols = NULL;
  render_setup rs = {.diag = stderr, .brief = fl.brief, .limit_depth = fl.depth >= 0, .depth = fl.depth};
  code = cli_run_open(&run, &sh, pack_path);
  if (code == RATIO_OK && columns && parse_columns(run.p, columns, &cols, &rs.ncolumns) != 0) code = RATIO_USAGE;
  rs.columns = cols;
  if (code == RATIO_OK) code = cli_run_rows(&run, RENDER_EVAL, &rs, &row_handler_eval, &sh.file, sh.file ? 1 : 0);
  code = cli_run_close(&run, code);
  free(cols);
  return code;
}
