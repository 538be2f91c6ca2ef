/* cmd_eval: ratio eval PACK -f CASES.csv */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"
#include "render.h"
#include "suggest.h"

static const char eval_help[] =
    "Usage: ratio eval PACK -f CASES.csv [OPTIONS]\n"
    "\n"
    "Decide every row of a case file under each opinion of the pack and\n"
    "explain why, element by element, with authorities.\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       the case file (CSV; '-' reads standard input)\n"
    "      --opinion NAME    only this opinion (default: every opinion)\n"
    "      --row ID          only the row with this id\n"
    "      --as-of DATE      only the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --format FORMAT   text (default), json or csv\n"
    "      --columns LIST    csv: the columns for each opinion, comma-separated:\n"
    "                        outcome, disposition or node names (default: outcome)\n"
    "  -o, --output FILE     write the output to FILE, which appears only when\n"
    "                        the run is complete (default: standard output)\n"
    "  -j, --jobs N          decide rows on N threads (default 1); the output\n"
    "                        is the same, in input order\n"
    "      --max-memory SIZE memory limit of the pack's Lua code (default 64M)\n"
    "      --max-steps N     step budget per pack load and per rule call\n"
    "                        (default 10000000)\n"
    "      --max-time SECONDS  time limit for the pack load and for the rule\n"
    "                        calls of each row (default 10)\n"
    "  -h, --help            show this help\n"
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
};

static renderer *make_renderer(void *ud, FILE *out, FILE *diag) {
  const struct maker *m = ud;
  if (m->csv) return render_csv_new(out, m->p, m->file, m->cols, m->ncols, diag);
  renderer *r = m->make(out, m->p, m->file);
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

/* Where -o FILE writes: FILE itself, or, when FILE is a symbolic link, the
 * file it leads to (also one not made yet), so the link stays a link. The
 * caller frees the result. */
static char *output_target(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode)) return xstrdup(path);
  char real[PATH_MAX];
  if (realpath(path, real)) return xstrdup(real);
  /* a link to a file not made yet: its target, from the link's folder */
  char link[PATH_MAX];
  ssize_t n = readlink(path, link, sizeof link - 1);
  if (n <= 0) return xstrdup(path);
  link[n] = '\0';
  const char *slash = strrchr(path, '/');
  if (link[0] == '/' || !slash) return xstrdup(link);
  return xasprintf("%.*s/%s", (int)(slash - path), path, link);
}

/* -o FILE: the output goes to a temporary file in the folder of FILE (or of
 * the file a link FILE leads to), renamed into place when the run is
 * complete, so FILE is never half written. *target is where it goes. A
 * FILE that is no regular file (/dev/null, a pipe) is written directly:
 * renaming over it would replace a device with a file. */
static FILE *open_output(const char *path, char **tmp, char **target) {
  *target = output_target(path);
  const char *to = *target;
  struct stat st;
  if (stat(to, &st) == 0 && !S_ISREG(st.st_mode)) {
    *tmp = NULL;
    FILE *f = fopen(to, "w");
    if (!f) {
      fprintf(stderr, "ratio eval: cannot write %s: %s\n", path, strerror(errno));
      free(*target);
      *target = NULL;
    }
    return f;
  }
  const char *slash = strrchr(to, '/');
  *tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - to), to, slash + 1) : xasprintf(".%s.XXXXXX", to);
  int fd = mkstemp(*tmp);
  if (fd < 0) {
    fprintf(stderr, "ratio eval: cannot write %s: %s\n", path, strerror(errno));
    free(*tmp);
    free(*target);
    *tmp = *target = NULL;
    return NULL;
  }
  /* mkstemp makes the file private: give it the mode of the file it
   * replaces, or the mode a new file gets */
  if (stat(to, &st) == 0) {
    fchmod(fd, st.st_mode & 07777);
  } else {
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
  }
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    unlink(*tmp);
    free(*tmp);
    free(*target);
    *tmp = *target = NULL;
  }
  return f;
}

/* Finish the output: flush and close it, and for -o rename the temporary
 * file into place, or remove it when the run did not complete. Returns
 * `code`, or RATIO_USAGE when the output could not be written. */
static int close_output(FILE *out, char *tmp, const char *target, const char *path, int code, bool complete) {
  int failed = fflush(out) != 0 || ferror(out);
  int saved = errno;
  bool named = target != NULL; /* -o FILE, not standard output */
  if (named && fclose(out) != 0) {
    if (!failed) saved = errno;
    failed = 1;
  }
  if (tmp) {
    if (complete && !failed && rename(tmp, target) != 0) {
      failed = 1;
      saved = errno;
    }
    if (!complete || failed) unlink(tmp);
    free(tmp);
  }
  if (failed && complete) {
    fprintf(stderr, "ratio eval: cannot write %s: %s\n", named ? path : "the output",
            saved == EPIPE ? "the reader closed the pipe" : saved ? strerror(saved) : "write error");
    return RATIO_USAGE;
  }
  return code;
}

int cmd_eval(int argc, char **argv) {
  static const struct option longopts[] = {
      {"file", required_argument, NULL, 'f'},
      {"opinion", required_argument, NULL, 'O'},
      {"output", required_argument, NULL, 'o'},
      {"row", required_argument, NULL, 'r'},
      {"format", required_argument, NULL, 'F'},
      {"columns", required_argument, NULL, 'C'},
      {"jobs", required_argument, NULL, 'j'},
      {"as-of", required_argument, NULL, OPT_AS_OF},
      {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
      {"max-steps", required_argument, NULL, OPT_MAX_STEPS},
      {"max-time", required_argument, NULL, OPT_MAX_TIME},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  const char *file = NULL, *opinion = NULL, *row = NULL, *format = "text", *as_of = NULL;
  const char *columns = NULL, *output = NULL;
  int jobs = 1;
  pack_options popts = {0};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "f:o:j:h", longopts, NULL)) != -1) {
    err *e = NULL;
    switch (c) {
    case 'f': file = optarg; break;
    case 'O': opinion = optarg; break;
    case 'o': output = optarg; break;
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
    case OPT_MAX_MEMORY:
    case OPT_MAX_STEPS:
    case OPT_MAX_TIME:
      if (cli_limit_option(c, optarg, &popts, &e) != 0) return cli_fail(e, RATIO_USAGE);
      break;
    case 'h': fputs(eval_help, stdout); return RATIO_OK;
    default:
      return cli_usage("eval", "unknown or incomplete option '%s'", argv[optind - 1]);
    }
  }
  if (optind >= argc) return cli_usage("eval", "missing PACK (a pack folder or its main .lua file)");
  if (optind + 1 < argc) return cli_usage("eval", "unexpected argument '%s'", argv[optind + 1]);
  if (!file) return cli_usage("eval", "missing -f CASES.csv");
  renderer *(*make)(FILE *, const pack *, const char *) = NULL;
  bool csv = strcmp(format, "csv") == 0;
  if (strcmp(format, "text") == 0) make = render_text_new;
  else if (strcmp(format, "json") == 0) make = render_json_new;
  else if (!csv) return cli_usage("eval", "unknown format '%s' (formats: text, json, csv)", format);
  if (columns && !csv) return cli_usage("eval", "--columns goes with --format csv");

  /* caught from here on: a signal also stops pack code while it runs */
  volatile sig_atomic_t *stop = ratio_catch_signals();
  popts.limits.stop = stop;
  char *tmp = NULL, *target = NULL;
  popts.limits.partial_file = &tmp; /* removed should a stuck rule end the process */
  pack *p = cli_load_pack(argv[optind], &popts);
  if (!p) return *stop ? 128 + (int)*stop : RATIO_USAGE;
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  int nops = cli_pick_opinions(p, opinion, as_of, ops);
  int code = RATIO_USAGE;
  render_column *cols = NULL;
  int ncols = 0;
  if (nops > 0 && columns && parse_columns(p, columns, &cols, &ncols) != 0) nops = -1;
  FILE *out = stdout;
  if (nops > 0 && output && strcmp(output, "-") != 0 && !(out = open_output(output, &tmp, &target))) nops = -1;
  bool complete = false;
  if (nops > 0) {
    struct maker mk = {p, file, cols, ncols, csv, make};
    renderer *r = make_renderer(&mk, out, stderr);
    batch_options bo = {ops, nops, row, jobs, make_renderer, &mk, argv[optind], &popts, stop};
    render_summary sum;
    err *e = NULL;
    if (batch_run(p, file, &bo, r, &sum, &e) != 0) {
      fflush(out);
      code = cli_fail(e, RATIO_USAGE);
      if (*stop) code = 128 + (int)*stop;
    } else {
      complete = true;
      code = sum.failed || sum.duplicate_ids ? RATIO_FAILED : RATIO_OK;
    }
    render_free(r);
  }
  if (out) code = close_output(out, tmp, target, output, code, complete);
  tmp = NULL; /* freed by close_output */
  free(target);
  free(cols);
  free(ops);
  pack_free(p);
  return code;
}
