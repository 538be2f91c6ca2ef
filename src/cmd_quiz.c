/* cmd_quiz: ratio quiz PACK (-f CASES.csv [--row ID ...] | --generate N [--seed S])
 *
 * The command talks with the student: it shows each fact pattern through
 * the quiz renderer, reads the answers (on a terminal as typed, otherwise
 * one a line from standard input, so a quiz can be scripted), and hands
 * them to the library to grade. The answer key, the grading and the
 * generated fact patterns are quiz.c's; every byte shown is
 * render_quiz.c's. Its row handler lives here, not in row_handlers.c,
 * because it reads standard input, which those never do. Answers are read
 * with plain getline: no line editing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "quiz.h"

enum { OPT_QUIZ_ROW = 2000, OPT_GENERATE, OPT_SEED, OPT_RECORD };

#define QUIZ_MAX_GENERATE 1000

static const char quiz_help[] =
    "Usage: ratio quiz PACK -f CASES.csv [--row ID ...] [OPTIONS]\n"
    "       ratio quiz PACK --generate N [--seed S] [-f CASES.csv] [OPTIONS]\n"
    "       ratio quiz PACK --set FACT=VALUE... [OPTIONS]\n"
    "\n"
    "A quiz: each fact pattern is told as prose, its result hidden; for each\n"
    "opinion you predict the outcome and the element it turns on, by a\n"
    "choice's number or its name ('quit' ends the quiz). Each answer is then\n"
    "graded, and every miss is explained as ratio eval explains it. On a\n"
    "terminal the quiz asks; otherwise it reads the answers from standard\n"
    "input, one a line.\n"
    "\n"
    "An element counts when it is one of the elements that decide the outcome:\n"
    "each element the explanation steps down to, from the outcome, through\n"
    "elements without whose value the one above would be decided otherwise\n"
    "(or, for an open question, that some answer would decide).\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       the fact patterns: the rows of a case file (with\n"
    "                        --generate, the rows the fact patterns vary)\n"
    "      --row ID          only the row with this id (repeatable)\n"
    "      --set FACT=VALUE  give a fact this value in each fact pattern, as its\n"
    "                        cell would; repeatable; without -f, quiz on the\n"
    "                        one fact pattern the --set options make\n"
    "      --generate N      N fact patterns drawn near the boundaries, where\n"
    "                        the opinions part ways or one fact changes an\n"
    "                        outcome: variations of the pack's own case rows\n"
    "                        (or -f's)\n"
    "      --seed S          the seed of --generate (a whole number; default:\n"
    "                        from the clock, and shown): the same pack, rows\n"
    "                        and seed give the same fact patterns everywhere\n"
    "      --opinion NAME    only this opinion\n"
    "      --as-of DATE      the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --all-opinions    every opinion of the pack, older and later law too\n"
    "                        (default: the case's own opinions)\n"
    "      --record FILE     append each answer and its grade to FILE as CSV\n"
    "                        (a header line first when FILE is new)\n"
    "      --format FORMAT   text (default), json or csv; in json and csv the\n"
    "                        fact patterns and questions go to standard error\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 the quiz ran (whatever the score); 1 a row could not be\n"
    "read or a rule failed on it, or another row has its id; 2 usage, file\n"
    "or pack error, or the output or the record could not be written; 130 or\n"
    "143 interrupted (SIGINT, SIGTERM).\n";

typedef struct quiz_flags {
  const char **rows; /* --row, in order */
  int nrows;
  long generate;     /* 0: the rows of -f */
  bool seeded;
  uint64_t seed;
  const char *record;
} quiz_flags;

static int own_option(void *ud, int opt, const char *arg) {
  quiz_flags *fl = ud;
  switch (opt) {
  case OPT_QUIZ_ROW:
    fl->rows = xrealloc(fl->rows, sizeof *fl->rows * (size_t)(fl->nrows + 1));
    fl->rows[fl->nrows++] = arg;
    return CLI_TAKEN;
  case OPT_GENERATE:
    if ((fl->generate = cli_count(arg, 1, QUIZ_MAX_GENERATE)) < 0)
      return cli_usage("quiz", "--generate '%s' is not a count from 1 to %d", arg, QUIZ_MAX_GENERATE);
    return CLI_TAKEN;
  case OPT_SEED: {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    /* to 2^63 - 1, so that every format writes it as a plain number */
    if (arg[0] < '0' || arg[0] > '9' || *end || errno || v > 9223372036854775807ULL)
      return cli_usage("quiz", "--seed '%s' is not a whole number from 0 to 9223372036854775807", arg);
    fl->seed = v;
    fl->seeded = true;
    return CLI_TAKEN;
  }
  case OPT_RECORD: fl->record = arg; return CLI_TAKEN;
  default: return cli_usage("quiz", "unknown option");
  }
}

/* ---- a session: asking, reading, grading ------------------------------------------- */

typedef struct session {
  quiz *q;
  FILE *in;
  bool echo;             /* the answers are not typed on a terminal */
  renderer *record;      /* --record FILE, or NULL */
  volatile sig_atomic_t *stop;
  char *line;            /* owned: the last answer read */
  size_t cap;
  bool stopped;          /* quit, the answers ended, or a signal */
  int number, count;
  bool generated;
  uint64_t seed;
  quiz_answer *answers;  /* owned: one per opinion */
  const quiz_flags *fl;
  bool *found;           /* owned: per --row, whether a row had it */
} session;

/* Read one answer. Returns false when the answers ended or a signal came. */
static bool read_answer(session *s, renderer *r) {
  fflush(r->out);
  fflush(r->diag);
  ssize_t n = getline(&s->line, &s->cap, s->in);
  if (n < 0) return false;
  while (n > 0 && (s->line[n - 1] == '\n' || s->line[n - 1] == '\r')) s->line[--n] = '\0';
  return true;
}

/* Ask one question until the answer is a choice. Returns 1 when answered,
 * 0 when the student quit, -1 when the answers ended. */
static int ask(session *s, renderer *r, render_quiz *rq, int key, bool element, rval *outcome, int *node) {
  render_item it = {.row = rq->round->row, .quiz = rq};
  rq->key = key;
  rq->element = element;
  for (;;) {
    rq->step = QUIZ_ASK;
    r->item(r, &it);
    if (!read_answer(s, r)) return -1;
    rq->step = QUIZ_ANSWER;
    rq->text = s->line;
    r->item(r, &it);
    const char *t = s->line + strspn(s->line, " \t");
    if (strncasecmp(t, "quit", 4) == 0 && t[4 + strspn(t + 4, " \t")] == '\0') return 0;
    if (element ? quiz_parse_element(rq->round, s->line, node) == 0
                : quiz_parse_outcome(rq->round, key, s->line, outcome) == 0)
      return 1;
    rq->step = QUIZ_RETRY;
    r->item(r, &it);
  }
}

/* Quiz one fact pattern: show it, ask, grade. */
static row_class quiz_one(session *s, renderer *r, const case_row *row, const quiz_hyp *hyp) {
  const quiz_round *rd = quiz_round_build(s->q, row);
  render_quiz rq = {.round = rd, .hyp = hyp, .number = ++s->number, .count = s->count, .generated = s->generated,
                    .seed = s->seed, .echo = s->echo, .answers = s->answers};
  render_item it = {.row = row, .quiz = &rq};
  rq.step = QUIZ_SHOW;
  r->item(r, &it);
  if (rd->outside >= 0) return ROW_OUTSIDE;
  bool failed = false;
  for (int k = 0; k < rd->nkeys; k++) {
    quiz_answer *a = &s->answers[k];
    *a = (quiz_answer){QUIZ_NO_ANSWER, QUIZ_NO_ANSWER, {false, false}};
    if (rd->keys[k].error) {
      failed = true;
      continue;
    }
    int got = ask(s, r, &rq, k, false, &a->outcome, &a->element);
    if (got > 0 && quiz_asks_element(rd, k)) got = ask(s, r, &rq, k, true, &a->outcome, &a->element);
    if (got <= 0) {
      s->stopped = true;
      if (!*s->stop) {
        rq.step = QUIZ_STOPPED;
        rq.ended = got < 0;
        r->item(r, &it);
      }
      return ROW_SKIPPED;
    }
    a->grade = quiz_grade_answer(rd, k, a->outcome, a->element);
  }
  rq.step = QUIZ_GRADED;
  r->item(r, &it);
  if (s->record) s->record->item(s->record, &it);
  return failed ? ROW_FAILED : ROW_DECIDED;
}

/* The row handler: the session is the handler's state (one thread). */
static void *quiz_open(const void *ud, const pack *p, const renderer *r) {
  (void)p;
  (void)r;
  return (void *)ud; /* the session is the command's; the driver only hands it back */
}

static row_class quiz_row(void *state, const case_row *row, renderer *r, render_summary *sum) {
  (void)sum;
  session *s = state;
  if (s->stopped || *s->stop) return ROW_SKIPPED;
  if (s->fl->nrows > 1) {
    /* several --row: the driver passes every row, the list picks */
    int i = 0;
    while (i < s->fl->nrows && strcmp(s->fl->rows[i], row->id) != 0) i++;
    if (i == s->fl->nrows || s->found[i]) return ROW_SKIPPED;
    s->found[i] = true;
  }
  return quiz_one(s, r, row, NULL);
}

static void quiz_close(void *state) { (void)state; }

/* ---- the command ---------------------------------------------------------------------- */

static int generated_quiz(cli_run *run, session *s, render_setup *rs, const char *format, err **e) {
  const pack *p = run->p;
  case_row **bases = NULL;
  int nbases = 0, code = RATIO_OK;
  quiz_hyp *hyps = NULL;
  renderer *r = NULL;
  const char *file = run->sh->file;
  if (quiz_read_bases(p, file ? &file : (const char *const *)p->cases, file ? 1 : p->ncases, &bases, &nbases, e) != 0) {
    code = RATIO_USAGE;
    goto done;
  }
  if (quiz_generate(p, run->ops, run->nops, (const case_row *const *)bases, nbases, s->seed, s->count, &hyps, e) != 0) {
    code = RATIO_FAILED;
    goto done;
  }
  if ((code = cli_run_output(run)) != RATIO_OK) goto done;
  rs->out = run->out.f;
  rs->p = p;
  rs->opinions = run->ops;
  rs->nopinions = run->nops;
  r = render_new(RENDER_QUIZ, format, rs, e);
  render_begin(r, NULL);
  bool failed = false;
  for (int i = 0; i < s->count && !s->stopped && !*s->stop && !cli_output_broken(&run->out); i++)
    failed |= quiz_one(s, r, hyps[i].row, &hyps[i]) == ROW_FAILED;
  render_summary sum = {0};
  r->end(r, &sum);
  if (*s->stop) {
    fflush(r->out);
    fprintf(stderr, "ratio: interrupted; the output is incomplete\n");
    code = 128 + (int)*s->stop;
  } else {
    run->complete = true;
    code = failed ? RATIO_FAILED : RATIO_OK;
  }
done:
  render_free(r);
  quiz_hyps_free(hyps, hyps ? s->count : 0);
  quiz_bases_free(bases, nbases);
  return code;
}

int cmd_quiz(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_FILE, CLI_OPT_SET, CLI_OPT_OPINION, CLI_OPT_FORMAT, CLI_OPT_AS_OF, CLI_OPT_ALL_OPINIONS,
      {"row", required_argument, NULL, OPT_QUIZ_ROW},
      {"generate", required_argument, NULL, OPT_GENERATE},
      {"seed", required_argument, NULL, OPT_SEED},
      {"record", required_argument, NULL, OPT_RECORD},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  quiz_flags fl = {0};
  cli_shared sh = {.cmd = "quiz", .help = quiz_help, .format = "text", .case_opinions = true};
  int code = RATIO_OK;
  FILE *record = NULL;
  session s = {0};
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &fl, NULL, NULL, &code);
  if (!pack_path) goto out;
  code = RATIO_USAGE;
  if (!sh.file && !sh.nsets && !fl.generate) {
    cli_usage("quiz", "give the fact patterns: -f CASES.csv (and --row ID), --set FACT=VALUE..., or --generate N");
    goto out;
  }
  if (fl.nrows && fl.generate) {
    cli_usage("quiz", "--row picks rows to quiz on; --generate draws new fact patterns: give one of them");
    goto out;
  }
  if (fl.seeded && !fl.generate) {
    cli_usage("quiz", "--seed goes with --generate N");
    goto out;
  }
  if (sh.file && strcmp(sh.file, "-") == 0) {
    cli_usage("quiz", "the answers come on standard input: give the case file as a path");
    goto out;
  }
  if ((code = cli_check_format(&sh, RENDER_QUIZ)) != RATIO_OK) goto out;
  if (fl.nrows == 1) sh.row = fl.rows[0]; /* the driver picks it, and says when no row has it */

  cli_run run;
  code = cli_run_open(&run, &sh, pack_path);
  bool continues = false;
  if (code == RATIO_OK && fl.record) {
    record = fopen(fl.record, "a");
    struct stat st;
    if (!record) {
      fprintf(stderr, "ratio quiz: cannot write %s: %s\n", fl.record, strerror(errno));
      code = RATIO_USAGE;
    } else {
      continues = fstat(fileno(record), &st) == 0 && st.st_size > 0;
    }
  }
  if (code == RATIO_OK) {
    s.q = quiz_new(run.p, run.ops, run.nops);
    s.in = stdin;
    s.echo = !isatty(fileno(stdin));
    s.stop = run.stop;
    s.fl = &fl;
    s.found = xcalloc((size_t)fl.nrows + 1, sizeof *s.found);
    s.answers = xcalloc((size_t)run.nops + 1, sizeof *s.answers);
    s.generated = fl.generate > 0;
    s.count = (int)fl.generate;
    s.seed = fl.seeded ? fl.seed : quiz_fresh_seed();
    render_setup rec = {.out = record, .p = run.p, .opinions = run.ops, .nopinions = run.nops, .continues = continues};
    err *e = NULL;
    if (record) {
      s.record = render_new(RENDER_QUIZ, "csv", &rec, &e);
      render_begin(s.record, sh.file);
    }
    render_setup rs = {.diag = stderr};
    if (fl.generate) {
      code = generated_quiz(&run, &s, &rs, sh.format, &e);
      if (e) code = cli_fail(e, code);
    } else {
      row_handler h = {.open = quiz_open, .row = quiz_row, .close = quiz_close, .ud = &s};
      code = cli_run_rows(&run, RENDER_QUIZ, &rs, &h, &sh.file, sh.file ? 1 : 0);
      for (int i = 0; i < fl.nrows && fl.nrows > 1 && code == RATIO_OK && !s.stopped; i++)
        if (!s.found[i])
          code = cli_fail(err_hint(err_new(sh.file, 0, 0, "no row has the id '%s'", fl.rows[i]),
                                   "ids are in the file's id column"),
                          RATIO_USAGE);
    }
  }
  if (record) {
    if (s.record) render_free(s.record);
    if (fflush(record) != 0 || ferror(record)) {
      fprintf(stderr, "ratio quiz: cannot write %s: %s\n", fl.record, strerror(errno));
      code = RATIO_USAGE;
    }
    fclose(record);
  }
  quiz_free(s.q);
  free(s.found);
  free(s.answers);
  free(s.line);
  code = cli_run_close(&run, code);
out:
  free(fl.rows);
  return code;
}
