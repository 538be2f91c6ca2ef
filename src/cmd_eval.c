/* cmd_eval: ratio eval PACK -f CASES.csv */
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "render.h"
#include "suggest.h"

static const char eval_help[] =
    "Usage: ratio eval PACK -f CASES.csv [OPTIONS]\n"
    "\n"
    "Decide every row of a case file under the opinions of the case and\n"
    "explain why: first a line per opinion with its outcome, disposition and\n"
    "the element it turns on, then its reasoning, element by element, with\n"
    "authorities.\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       the case file (CSV; '-' reads standard input)\n"
    "      --opinion NAME    only this opinion\n"
    "      --row ID          only the row with this id\n"
    "      --as-of DATE      the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --all-opinions    every opinion of the pack, older and later law too\n"
    "                        (default: the case's own opinions, those in force\n"
    "                        on the day the pack's case was decided)\n"
    "      --brief           text: the summary of each row only\n"
    "      --depth N         text: show N levels of elements below each outcome\n"
    "      --format FORMAT   text (default), json or csv\n"
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

/* How to make a renderer of the chosen format, once for the run and once
 * per worker thread. */
struct maker {
  const pack *p;
  const char *file;
  const render_column *cols;
  int ncols;
  bool csv;
  renderer *(*make)(FILE *, const pack *, const char *);
  const render_text_options *text; /* for text: --depth, --brief */
};

static renderer *make_renderer(void *ud, FILE *out, FILE *diag) {
  const struct maker *m = ud;
  if (m->csv) return render_csv_new(out, m->p, m->file, m->cols, m->ncols, diag);
  renderer *r = m->text ? render_text_new_with(out, m->p, m->file, m->text) : m->make(out, m->p, m->file);
  r->diag = diag;
  return r;
}

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

int cmd_eval(int argc, char **argv) {
  static const struct option longopts[] = {
      {"file", required_argument, NULL, 'f'},
      {"opinion", required_argument, NULL, 'O'},
      {"row", required_argument, NULL, 'r'},
      {"format", required_argument, NULL, 'F'},
      {"columns", required_argument, NULL, 'C'},
      {"jobs", required_argument, NULL, 'j'},
      {"as-of", required_argument, NULL, OPT_AS_OF},
      {"all-opinions", no_argument, NULL, 'A'},
      {"brief", no_argument, NULL, 'B'},
      {"depth", required_argument, NULL, 'D'},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  const char *file = NULL, *opinion = NULL, *row = NULL, *format = "text", *as_of = NULL;
  const char *columns = NULL;
  int jobs = 1;
  bool all_opinions = false;
  render_text_options text = {.depth = -1, .brief = false};
  cli_shared sh = {.cmd = "eval", .help = eval_help};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "f:j:" CLI_SHARED_SHORT, longopts, NULL)) != -1) {
    switch (c) {
    case 'f': file = optarg; break;
    case 'O': opinion = optarg; break;
    case 'r': row = optarg; break;
    case 'F': format = optarg; break;
    case 'C': columns = optarg; break;
    case 'j': {
      long n = cli_count(optarg, 1, 256);
      if (n < 0) return cli_usage("eval", "--jobs '%s' is not a number from 1 to 256", optarg);
      jobs = (int)n;
      break;
    }
    case OPT_AS_OF: as_of = optarg; break;
    case 'A': all_opinions = true; break;
    case 'B': text.brief = true; break;
    case 'D': {
      long n = cli_count(optarg, 0, 1000);
      if (n < 0) return cli_usage("eval", "--depth '%s' is not a number from 0 to 1000", optarg);
      text.depth = (int)n;
      break;
    }
    default: {
      int code = cli_shared_option(&sh, c, optarg, argv);
      if (code != CLI_TAKEN) return code;
    }
    }
  }
  if (optind >= argc) return cli_usage("eval", "missing PACK (a pack folder or its main .lua file)");
  if (optind + 1 < argc && !file && optind + 2 == argc) return cli_positional_cases("eval", argv[optind], argv[optind + 1]);
  if (optind + 1 < argc) return cli_usage("eval", "unexpected argument '%s'", argv[optind + 1]);
  if (!file) return cli_usage("eval", "missing -f CASES.csv");
  renderer *(*make)(FILE *, const pack *, const char *) = NULL;
  bool csv = strcmp(format, "csv") == 0;
  if (strcmp(format, "text") == 0) make = render_text_new;
  else if (strcmp(format, "json") == 0) make = render_json_new;
  else if (!csv) return cli_usage("eval", "unknown format '%s' (formats: text, json, csv)", format);
  if (columns && !csv) return cli_usage("eval", "--columns goes with --format csv");
  if (all_opinions && as_of) return cli_usage("eval", "give --as-of DATE or --all-opinions, not both");
  if ((text.brief || text.depth >= 0) && make != render_text_new)
    return cli_usage("eval", "%s goes with --format text", text.brief ? "--brief" : "--depth");

  /* caught from here on: a signal also stops pack code while it runs */
  volatile sig_atomic_t *stop = ratio_catch_signals();
  pack_options popts = sh.popts;
  popts.limits.stop = stop;
  cli_output out = {0};
  popts.limits.partial_file = &out.tmp; /* removed should a stuck rule end the process */
  pack *p = cli_load_pack(argv[optind], &popts);
  if (!p) return *stop ? 128 + (int)*stop : RATIO_USAGE;
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  /* by default the case's own opinions; older and later law when asked */
  int nops = opinion || as_of || all_opinions ? cli_pick_opinions(p, opinion, as_of, ops) : pack_case_opinions(p, ops);
  int code = RATIO_USAGE;
  render_column *cols = NULL;
  int ncols = 0;
  if (nops > 0 && columns && parse_columns(p, columns, &cols, &ncols) != 0) nops = -1;
  if (nops > 0 && cli_output_open(&out, &sh) != 0) nops = -1;
  bool complete = false;
  if (nops > 0) {
    struct maker mk = {p, file, cols, ncols, csv, make, make == render_text_new ? &text : NULL};
    renderer *r = make_renderer(&mk, out.f, stderr);
    batch_options bo = {ops, nops, row, jobs, make_renderer, &mk, argv[optind], &popts, stop};
    render_summary sum;
    err *e = NULL;
    if (batch_run(p, file, &bo, r, &sum, &e) != 0) {
      fflush(out.f);
      /* an output that broke is reported once, when it is closed */
      if (cli_output_broken(&out)) err_free(e);
      else code = cli_fail(e, RATIO_USAGE);
      if (*stop) code = 128 + (int)*stop;
    } else {
      complete = true;
      code = sum.failed || sum.duplicate_ids ? RATIO_FAILED : RATIO_OK;
    }
    render_free(r);
  }
  code = cli_output_close(&out, code, complete);
  free(cols);
  free(ops);
  pack_free(p);
  return code;
}
