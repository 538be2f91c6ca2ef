/* cmd_ask: ratio ask PACK [-f CASES.csv --row ID] [--set FACT=VALUE ...] */
#include <histedit.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case_write.h"
#include "batch.h"
#include "cli.h"
#include "interview.h"
#include "render_ask.h"

static const char ask_help[] =
    "Usage: ratio ask PACK [-f CASES.csv --row ID] [--set FACT=VALUE ...] [OPTIONS]\n"
    "\n"
    "An interview: the facts of a case asked one at a time, each only while\n"
    "its answer can still change how an opinion decides, the one that can\n"
    "settle the most opinions first. It stops when every opinion is decided\n"
    "(or nothing left to ask could decide it), shows each opinion's result\n"
    "and the element it turns on, and offers to save the answers as a row of\n"
    "a case file.\n"
    "\n"
    "Answer with one of the answers shown; ? or an empty line if it is not\n"
    "known; back takes back the last answer; why tells what the question\n"
    "decides. Without a terminal the answers are read from standard input,\n"
    "one a line, and the questions are written with the summary.\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       start from a row of this case file (with --row)\n"
    "      --row ID          the row to start from\n"
    "      --set FACT=VALUE  start with this fact stated (repeatable; checked\n"
    "                        as a case file's cell is)\n"
    "      --opinion NAME    only this opinion (default: the case's own opinions)\n"
    "      --as-of DATE      the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --all-opinions    every opinion of the pack, older and later law too\n"
    "      --format FORMAT   text (default): the summary; json: the transcript\n"
    "                        (questions, answers, results), with the questions\n"
    "                        on standard error\n"
    "      --budget N        evaluations per opinion for choosing a question\n"
    "                        (default 20000); past it what is unsearched counts\n"
    "                        as open\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 the interview ran; 1 a rule failed on the answers; 2 usage,\n"
    "file or pack error, or the output could not be written; 130 or 143\n"
    "interrupted (SIGINT, SIGTERM).\n";

/* its own option values, apart from the shared ones in cli.h */
enum { ASK_OPT_BUDGET = 2100 };

typedef struct ask_options {
  long budget;
} ask_options;

static int own_option(void *ud, int opt, const char *arg) {
  ask_options *ao = ud;
  if (opt == ASK_OPT_BUDGET && (ao->budget = cli_count(arg, 100, 100000000L)) < 0)
    return cli_usage("ask", "--budget '%s' is not a count between 100 and 10^8", arg);
  return CLI_TAKEN;
}

/* ---- lines: libedit on a terminal, standard input otherwise ------------------ */

typedef struct line_reader {
  EditLine *el;     /* NULL without a terminal */
  History *hist;
  HistEvent ev;
  const char *prompt;
  FILE *conv;       /* where the questions go */
  char *buf;        /* owned: the last line */
  size_t cap;
} line_reader;

static char *prompt_of(EditLine *el) {
  line_reader *lr = NULL;
  el_get(el, EL_CLIENTDATA, &lr);
  return (char *)(lr ? lr->prompt : "> ");
}

static void reader_open(line_reader *lr, FILE *conv) {
  memset(lr, 0, sizeof *lr);
  lr->conv = conv;
  /* line editing only where a person types and reads */
  if (!isatty(STDIN_FILENO) || !isatty(fileno(conv))) return;
  lr->el = el_init("ratio", stdin, conv, stderr);
  if (!lr->el) return;
  el_set(lr->el, EL_CLIENTDATA, lr);
  el_set(lr->el, EL_PROMPT, prompt_of);
  el_set(lr->el, EL_EDITOR, "emacs");
  lr->hist = history_init();
  if (lr->hist) {
    history(lr->hist, &lr->ev, H_SETSIZE, 200);
    el_set(lr->el, EL_HIST, history, lr->hist);
  }
  el_source(lr->el, NULL); /* the person's own ~/.editrc, as other editline programs read it */
}

static void reader_close(line_reader *lr) {
  if (lr->el) el_end(lr->el);
  if (lr->hist) history_end(lr->hist);
  free(lr->buf);
}

/* The next answer without its line break and surrounding blanks, or NULL
 * when the input ends (or a signal came). Valid until the next call. */
static const char *reader_line(line_reader *lr, const char *prompt) {
  lr->prompt = prompt;
  size_t n = 0;
  if (lr->el) {
    int count = 0;
    const char *s = el_gets(lr->el, &count);
    if (!s || count <= 0) {
      fputc('\n', lr->conv);
      return NULL;
    }
    n = strlen(s);
    if (n + 1 > lr->cap) {
      lr->cap = n + 1;
      lr->buf = xrealloc(lr->buf, lr->cap);
    }
    memcpy(lr->buf, s, n + 1);
  } else {
    fputs(prompt, lr->conv);
    fflush(lr->conv);
    ssize_t got = getline(&lr->buf, &lr->cap, stdin);
    if (got < 0) {
      fputc('\n', lr->conv);
      return NULL;
    }
    n = (size_t)got;
  }
  while (n && (lr->buf[n - 1] == '\n' || lr->buf[n - 1] == '\r' || lr->buf[n - 1] == ' ' || lr->buf[n - 1] == '\t'))
    lr->buf[--n] = '\0';
  char *s = lr->buf;
  while (*s == ' ' || *s == '\t') s++;
  if (lr->el) {
    if (*s) history(lr->hist, &lr->ev, H_ENTER, s);
  } else {
    render_ask_echo(lr->conv, s); /* the transcript shows what was answered */
  }
  return s;
}

/* ---- the starting row ------------------------------------------------------- */

/* The starting row, as the row driver hands it over (read, picked by
 * --row, varied by --set): the first one kept, or the error that stopped it. */
typedef struct start_capture {
  const pack *p;
  case_row *row; /* owned */
  err *e;        /* owned */
} start_capture;

static void *capture_open(const void *ud, const pack *p, const renderer *r) {
  (void)p;
  (void)r;
  return (void *)ud;
}

static row_class capture_row(void *state, const case_row *row, renderer *r, render_summary *sum) {
  (void)r;
  (void)sum;
  start_capture *c = state;
  if (c->row || c->e) return ROW_SKIPPED; /* a later row with the id: the driver reports it */
  c->row = cases_set_row(c->p, row, NULL, 0, &c->e); /* a copy the interview owns */
  return ROW_DECIDED;
}

static void capture_close(void *state) { (void)state; }

static void capture_error(renderer *r, const case_row *row, const err *e) {
  (void)row;
  start_capture *c = r->state;
  if (!c->row && !c->e) c->e = err_copy(e);
}

/* The row to start from: a case file's row (-f, --row) or an empty one,
 * with the --set options applied. The caller frees it with cases_row_free. */
static case_row *start_row(const cli_run *run, err **e) {
  const cli_shared *sh = run->sh;
  *e = NULL;
  if (!sh->file) return cases_set_row(run->p, NULL, sh->sets, sh->nsets, e);
  start_capture c = {run->p, NULL, NULL};
  row_handler h = {.open = capture_open, .row = capture_row, .close = capture_close, .ud = &c};
  renderer r = {.kind = RENDER_EVAL, .p = run->p, .state = &c, .row_error = capture_error, .out = stderr,
                .opinions = run->ops, .nopinions = run->nops};
  batch_options bo = {.handler = &h, .row_id = sh->row, .sets = sh->sets, .nsets = sh->nsets, .stop = run->stop};
  render_summary sum;
  if (batch_run(run->p, &sh->file, 1, &bo, &r, &sum, e) != 0) {
    err_free(c.e);
    cases_row_free(c.row);
    return NULL;
  }
  if (!c.row) *e = c.e;
  else err_free(c.e);
  return c.row;
}

/* ---- the interview ------------------------------------------------------------ */

/* Offer to save the answers until they are saved or the offer is declined.
 * On success *file and *id are set (the caller frees them). */
static void offer_save(line_reader *lr, const cli_run *run, const case_row *row, char **file, char **id) {
  for (;;) {
    render_ask_save_offer(lr->conv);
    const char *line = reader_line(lr, "file> ");
    if (!line || !*line) return;
    char *f = xstrdup(line);
    render_ask_id_prompt(lr->conv);
    line = reader_line(lr, "id> ");
    if (!line) {
      free(f);
      return;
    }
    err *e = NULL;
    if (case_write_append(run->p, f, row, line, &e) == 0) {
      render_ask_saved(lr->conv, run->pack_path, f, line);
      *file = f;
      *id = xstrdup(line);
      return;
    }
    render_ask_not_saved(lr->conv, e);
    err_free(e);
    free(f);
  }
}

/* Ask until the interview is over or the answers end. Returns 0, or the
 * exit code after a message. */
static int interview_loop(cli_run *run, interview *iv, line_reader *lr, bool *stopped) {
  const pack *p = run->p;
  *stopped = false;
  for (;;) {
    if (*run->stop || cli_output_broken(&run->out)) return RATIO_OK;
    int fact;
    err *e = NULL;
    if (interview_next(iv, &fact, &e) != 0) return cli_fail(e, RATIO_FAILED);
    if (fact < 0) return RATIO_OK;
    const interview_step *steps;
    int nsteps = interview_steps(iv, &steps);
    render_ask_question(lr->conv, p, nsteps + 1, fact);
    for (;;) {
      const char *line = reader_line(lr, "> ");
      if (!line) {
        *stopped = true;
        return RATIO_OK;
      }
      if (strcmp(line, "why") == 0) {
        interview_why w;
        interview_why_of(iv, fact, &w);
        render_ask_why(lr->conv, p, &w);
        interview_why_free(&w);
        continue;
      }
      if (strcmp(line, "back") == 0) {
        nsteps = interview_steps(iv, &steps);
        if (nsteps == 0) {
          render_ask_back(lr->conv, p, NULL);
          continue;
        }
        interview_step undone = {steps[nsteps - 1].fact, xstrdup(steps[nsteps - 1].answer)};
        interview_back(iv);
        render_ask_back(lr->conv, p, &undone);
        free(undone.answer);
        break;
      }
      if (interview_answer(iv, fact, line, &e) == 0) break;
      render_ask_refused(lr->conv, e);
      err_free(e);
    }
  }
}

static int run_interview(cli_run *run, const cli_shared *sh, const ask_options *ao, const case_row *start) {
  const pack *p = run->p;
  bool json = strcmp(sh->format, "json") == 0;
  /* the questions go with the summary, unless the output is a document of
   * its own (-o FILE, JSON) or a person types the answers while the
   * output goes elsewhere (ratio ask PACK > summary.txt): then to standard
   * error, the terminal's */
  bool typed_elsewhere = isatty(STDIN_FILENO) && !isatty(fileno(run->out.f));
  FILE *conv = json || sh->output || typed_elsewhere ? stderr : run->out.f;
  line_reader lr;
  reader_open(&lr, conv);
  interview *iv = interview_new(p, run->ops, run->nops, start, ao->budget);
  interview_result *res = xcalloc((size_t)run->nops + 1, sizeof *res);
  char *saved_file = NULL, *saved_id = NULL;
  render_ask_intro(conv, p);
  bool stopped;
  int code = interview_loop(run, iv, &lr, &stopped);
  if (code == RATIO_OK && *run->stop) {
    fprintf(stderr, "ratio: interrupted; the output is incomplete\n");
    code = 128 + (int)*run->stop;
  }
  err *e = NULL;
  if (code == RATIO_OK && interview_results(iv, res, &e) != 0) code = cli_fail(e, RATIO_FAILED);
  if (code == RATIO_OK) {
    const interview_opinion *st = interview_opinions(iv);
    bool complete = !stopped;
    for (int k = 0; k < run->nops; k++) complete &= st[k].settled;
    const interview_step *steps;
    int nsteps = interview_steps(iv, &steps);
    render_ask_end end = {.row = interview_row(iv), .steps = steps, .nsteps = nsteps, .results = res,
                          .nresults = run->nops, .complete = complete, .stopped = stopped,
                          .start_file = sh->file, .start_row = sh->row, .sets = sh->sets, .nsets = sh->nsets};
    render_ask_summary(conv, p, &end);
    if (!json && conv != run->out.f) render_ask_summary(run->out.f, p, &end);
    if (!stopped && !*run->stop && !cli_output_broken(&run->out))
      offer_save(&lr, run, interview_row(iv), &saved_file, &saved_id);
    if (*run->stop) {
      fprintf(stderr, "ratio: interrupted; the output is incomplete\n");
      code = 128 + (int)*run->stop;
    } else {
      end.saved_file = saved_file;
      end.saved_id = saved_id;
      if (json) {
        char *doc = render_ask_json(p, &end);
        fputs(doc, run->out.f);
        free(doc);
      }
      run->complete = true;
    }
  }
  free(saved_file);
  free(saved_id);
  free(res);
  interview_free(iv);
  reader_close(&lr);
  return code;
}

int cmd_ask(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_FILE, CLI_OPT_ROW, CLI_OPT_SET, CLI_OPT_OPINION, CLI_OPT_AS_OF, CLI_OPT_ALL_OPINIONS, CLI_OPT_FORMAT,
      {"budget", required_argument, NULL, ASK_OPT_BUDGET},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  ask_options ao = {0};
  cli_shared sh = {.cmd = "ask", .help = ask_help, .format = "text", .case_opinions = true};
  int code = RATIO_OK;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &ao, NULL, NULL, &code);
  if (!pack_path) goto out;
  if (strcmp(sh.format, "text") != 0 && strcmp(sh.format, "json") != 0) {
    code = cli_usage("ask", "unknown format '%s' (formats: text, json)", sh.format);
    goto out;
  }
  if (sh.file && !sh.row) {
    code = cli_usage("ask", "missing --row ID (the row of %s to start from)", sh.file);
    goto out;
  }
  if (sh.row && !sh.file) {
    code = cli_usage("ask", "--row goes with -f CASES.csv (the file the row is in)");
    goto out;
  }
  cli_run run;
  code = cli_run_open(&run, &sh, pack_path);
  case_row *start = NULL;
  if (code == RATIO_OK) {
    err *e = NULL;
    start = start_row(&run, &e);
    if (!start) code = cli_fail(e, RATIO_USAGE);
  }
  if (code == RATIO_OK) code = cli_run_output(&run);
  if (code == RATIO_OK) code = run_interview(&run, &sh, &ao, start);
  cases_row_free(start);
  code = cli_run_close(&run, code);
out:
  return code;
}
