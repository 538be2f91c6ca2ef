/* batch: the streaming loop from case rows to rendered results. */
#include "batch.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "explain.h"

/* Per-opinion result storage, reused from row to row. */
typedef struct slots {
  render_result *res;
  explain_tree **trees;
  const char **values; /* nopinions * ncolumns */
  rval *outcomes, *dispositions; /* values-only decisions of a row */
  const pack_node **decides;     /* per opinion, the node it decides */
} slots;

static void slots_init(slots *s, const pack *p, const renderer *r, const int *ops, int nops) {
  s->res = xcalloc((size_t)nops + 1, sizeof *s->res);
  s->trees = xcalloc((size_t)nops + 1, sizeof *s->trees);
  s->values = xcalloc((size_t)(nops * r->nnode_columns) + 1, sizeof *s->values);
  s->outcomes = xcalloc((size_t)nops + 1, sizeof *s->outcomes);
  s->dispositions = xcalloc((size_t)nops + 1, sizeof *s->dispositions);
  s->decides = xcalloc((size_t)nops + 1, sizeof *s->decides);
  for (int i = 0; i < nops; i++) {
    if (r->wants_tree) s->trees[i] = explain_new(p);
    s->res[i].tree = s->trees[i];
    s->res[i].values = s->values + i * r->nnode_columns;
    s->decides[i] = &p->nodes[p->opinions[ops[i]].decides];
  }
}

static void slots_free(slots *s, int nops) {
  for (int i = 0; i < nops; i++) {
    explain_free(s->trees[i]);
    err_free(s->res[i].error);
  }
  free(s->trees);
  free(s->res);
  free(s->values);
  free(s->outcomes);
  free(s->dispositions);
  free(s->decides);
}

/* Decide one row under every opinion into s. An opinion whose rule
 * function fails gets its error in its result; the others are decided all
 * the same. Returns the number of opinions that failed; *unknown when some
 * outcome is unknown, *outside when the row is outside the pack. */
static int decide(const pack *p, eval_ctx *ec, const renderer *r, const batch_options *opts,
                  const case_row *row, slots *s, bool *unknown, bool *outside) {
  *unknown = *outside = false;
  int failed = 0;
  if (p->nrule_functions > 0) sandbox_start_row(p->sb); /* --max-time is per row */
  if (!r->wants_tree && r->nnode_columns == 0) {
    /* outcomes only: every opinion from one lookup when the row's answers
     * were seen before; an opinion that fails is taken again below */
    int at = -1;
    err *e = NULL;
    if (eval_row_values(ec, opts->opinions, opts->nopinions, row, s->outcomes, s->dispositions, &at, &e) == 0) {
      bool any_unknown = false;
      for (int i = 0, n = opts->nopinions; i < n; i++) {
        render_result *res = &s->res[i];
        int op = opts->opinions[i];
        rval outcome = s->outcomes[i];
        if (res->error) {
          err_free(res->error);
          res->error = NULL;
        }
        res->opinion = op;
        res->outcome = outcome;
        res->outcome_name = pack_node_value_name(s->decides[i], outcome);
        res->disposition = pack_disposition_name(p, op, outcome, s->dispositions[i]);
        res->outside = eval_outside(ec);
        any_unknown |= outcome == RV_UNKNOWN;
      }
      *outside = eval_outside(ec) >= 0;
      *unknown = any_unknown && !*outside;
      return 0;
    }
    err_free(e);
  }
  for (int i = 0; i < opts->nopinions; i++) {
    int op = opts->opinions[i];
    render_result *res = &s->res[i];
    err_free(res->error);
    res->error = NULL;
    res->opinion = op;
    res->outside = -1;
    if (eval_row(ec, op, row, &res->error) != 0) {
      res->outcome = RV_UNKNOWN;
      res->outcome_name = "error";
      res->disposition = NULL;
      failed++;
      continue;
    }
    res->outcome = eval_outcome(ec);
    res->outcome_name = pack_node_value_name(&p->nodes[p->opinions[op].decides], res->outcome);
    res->disposition = eval_disposition(ec);
    res->outside = eval_outside(ec);
    if (res->outside >= 0) {
      res->outcome_name = "outside";
      res->disposition = NULL;
      *outside = true;
    }
    const char **vals = s->values + i * r->nnode_columns;
    for (int k = 0; k < r->nnode_columns; k++) {
      int n = r->node_columns[k];
      vals[k] = eval_node_state(ec, n) == NODE_NOT_REACHED ? "not_reached"
                                                           : pack_node_value_name(&p->nodes[n], eval_node_value(ec, n));
    }
    if (r->wants_tree) explain_build(s->trees[i], ec, row);
    *unknown |= res->outcome == RV_UNKNOWN && res->outside < 0;
  }
  return failed;
}

/* ---- what stops a run, and duplicate ids --------------------------------- */

static bool stopped(const batch_options *opts) { return opts->stop && *opts->stop; }

/* The reason to stop between rows: a signal, or output that cannot be
 * written. Returns -1 with *e set, or 0 to go on. */
static int check_stop(const batch_options *opts, renderer *r, err **e) {
  if (stopped(opts)) {
    *e = err_new(NULL, 0, 0, "interrupted; the output is incomplete");
    return -1;
  }
  if (ferror(r->out)) {
    int code = errno;
    *e = err_new(NULL, 0, 0, "cannot write the output: %s", code == EPIPE ? "the reader closed the pipe"
                                                             : code ? strerror(code) : "write error");
    return -1;
  }
  return 0;
}

/* Duplicate ids, reported after the rows. */
typedef struct dups {
  case_ids *ids;
  case_dups reports;
  /* The last row's id, checked once the next row has been read, so that
   * the table's memory is fetched meanwhile (dups_add). */
  bool pending;
  uint64_t hash;
  int line, col;
  char *id;
  size_t id_cap;
} dups;

static void dups_check(dups *d, const char *file, uint64_t hash, const char *id, int line, int col,
                       render_summary *sum) {
  int first = case_ids_check_hash(d->ids, hash, line);
  if (!first) return;
  case_dups_add(&d->reports, file, line, col, id, first);
  sum->duplicate_ids = d->reports.count;
}

/* Check the id held back, if any. */
static void dups_settle(dups *d, const char *file, render_summary *sum) {
  if (!d->pending) return;
  d->pending = false;
  dups_check(d, file, d->hash, d->id, d->line, d->col, sum);
}

/* A row's id: its table entry is fetched now and checked after the next
 * row (or at the end). Duplicates are reported after all the rows, so the
 * delay shows nowhere. */
static void dups_add(dups *d, const char *file, const char *id, int line, int col, render_summary *sum) {
  uint64_t h = case_id_hash(id);
  case_ids_prefetch(d->ids, h);
  dups_settle(d, file, sum);
  if (!h) return;
  size_t n = strlen(id) + 1;
  if (n > d->id_cap) d->id = xrealloc(d->id, d->id_cap = n * 2);
  memcpy(d->id, id, n);
  d->hash = h;
  d->line = line;
  d->col = col;
  d->pending = true;
}

static void dups_report(dups *d, const char *file, render_summary *sum, FILE *out) {
  dups_settle(d, file, sum);
  case_dups_print(&d->reports, out);
}

static void dups_free(dups *d) {
  case_ids_free(d->ids);
  free(d->id);
  case_dups_free(&d->reports);
}

static int run_serial(const pack *p, const char *cases_path, const batch_options *opts, renderer *r,
                      render_summary *sum, err **e) {
  memset(sum, 0, sizeof *sum);
  case_reader *cr = cases_open(p, cases_path, e);
  if (!cr) return -1;
  int rc = 0;
  eval_ctx *ec = eval_new(p);
  /* outcomes alone need no record of how each node was decided */
  eval_values_only(ec, !r->wants_tree && r->nnode_columns == 0);
  slots s;
  slots_init(&s, p, r, opts->opinions, opts->nopinions);
  r->source = cases_name(cr);
  r->opinions = opts->opinions;
  r->nopinions = opts->nopinions;
  r->begin(r);
  bool row_found = false;
  dups d = {.ids = case_ids_new()};
  for (;;) {
    if (check_stop(opts, r, e) != 0) {
      rc = -1;
      break;
    }
    case_row row;
    err *re = NULL;
    int got = cases_next(cr, &row, &re);
    if (got == 0) break;
    if (got < 0) {
      /* the file itself is broken past this point: stop, and say so */
      *e = re;
      rc = -1;
      break;
    }
    eval_prefetch_row(ec, &row); /* fetched while the id is checked */
    dups_add(&d, cases_name(cr), row.id, row.line, row.id_col, sum);
    if (opts->row_id && strcmp(row.id, opts->row_id) != 0) {
      err_free(re);
      continue;
    }
    row_found = true;
    if (sum->read++ && r->separator) fputs(r->separator, r->out);
    bool unknown = false, outside = false;
    if (got == 2) {
      r->row_error(r, &row, re);
      err_free(re);
      sum->failed++;
      render_summary_count(sum, NULL, opts->nopinions);
      continue;
    }
    int failed = decide(p, ec, r, opts, &row, &s, &unknown, &outside);
    r->row(r, &row, s.res, opts->nopinions);
    render_summary_count(sum, s.res, opts->nopinions);
    if (failed) sum->failed++;
    else if (outside) sum->outside++;
    else if (unknown) sum->undecided++;
    else sum->decided++;
  }
  if (rc == 0 && opts->row_id && !row_found) {
    *e = err_hint(err_new(cases_name(cr), 0, 0, "no row has the id '%s'", opts->row_id),
                  "ids are in the file's id column");
    rc = -1;
  }
  if (rc == 0) {
    dups_report(&d, cases_name(cr), sum, stderr);
    r->end(r, sum);
  }
  dups_free(&d);
  slots_free(&s, opts->nopinions);
  eval_free(ec);
  cases_close(cr);
  return rc;
}

/* ---- parallel runs -------------------------------------------------------- */

/* The reader cuts the file into blocks of whole rows; workers parse, decide
 * and render a block each, into memory; the writer prints the blocks in
 * order. Cutting only needs the line ends outside quotes, so parsing itself
 * runs in parallel. */
/* Input per block: large for outcomes, smaller for explanations, whose
 * output is many times the input and is held in memory until written. */
#define BLOCK_BYTES ((size_t)1 << 20)
#define TREE_BLOCK_BYTES ((size_t)64 << 10)

enum { SLOT_FREE, SLOT_FILLED, SLOT_WORKING, SLOT_DONE };

#define ID_HEAD (sizeof(uint64_t) + 2 * sizeof(int))

typedef struct slot {
  int state;
  char *in;               /* the block's bytes */
  size_t in_len, in_cap;
  int first_line;
  char *out, *diag;       /* what its rows rendered to */
  size_t out_len, diag_len;
  FILE *out_f, *diag_f;   /* the streams writing them: made once and rewound,
                           * so the memory behind them stays mapped */
  render_summary sum;
  bool row_found;
  err *fatal;             /* the block's CSV broke off */
  char *ids;              /* its rows' ids, for the writer's duplicate check: */
  size_t ids_len, ids_cap; /* per row, ID_HEAD (the id's hash, line and column),
                            * then the id and a NUL */
} slot;

typedef struct shared {
  const pack *p;
  const batch_options *opts;
  renderer *main_r;
  case_reader *header;    /* the file's reader, past its header */
  slot *slots;
  int nslots;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int filled;             /* blocks the reader has filled */
  bool reader_done;
  int next_work;          /* the next block a worker takes */
  bool stop;              /* the writer stopped: read no further */
  err *read_error;
} shared;

/* The end of the last line of buf[0..len) that ends outside quotes, or 0.
 * A quote toggles; "" inside a quoted field toggles twice, so parity holds. */
static size_t cut_point(const char *buf, size_t len) {
  size_t cut = 0, pos = 0;
  bool quoted = false;
  while (pos < len) {
    const char *q = memchr(buf + pos, '"', len - pos);
    size_t seg_end = q ? (size_t)(q - buf) : len;
    if (!quoted) {
      for (size_t i = seg_end; i > pos; i--)
        if (buf[i - 1] == '\n' || buf[i - 1] == '\r') {
          cut = i;
          break;
        }
    }
    if (!q) break;
    quoted = !quoted;
    pos = seg_end + 1;
  }
  return cut;
}

/* Line ends in a block: LF, CRLF or a lone CR each count once. memchr
 * does the scanning: the reader must stay well ahead of the workers. */
static int count_lines(const char *buf, size_t len) {
  int n = 0;
  const char *end = buf + len;
  for (const char *s = buf; s < end && (s = memchr(s, '\n', (size_t)(end - s))) != NULL; s++) n++;
  for (const char *s = buf; s < end && (s = memchr(s, '\r', (size_t)(end - s))) != NULL; s++)
    if (s + 1 == end || s[1] != '\n') n++;
  return n;
}

static void *reader_main(void *arg) {
  shared *sh = arg;
  const char *rest;
  int line;
  FILE *f;
  size_t nrest = csvin_unparsed(cases_csv(sh->header), &rest, &line, &f);
  char *carry = xmalloc(nrest + 1);
  memcpy(carry, rest, nrest);
  size_t ncarry = nrest;
  bool eof = f == NULL;
  for (int b = 0;; b++) {
    slot *sl = &sh->slots[b % sh->nslots];
    pthread_mutex_lock(&sh->mu);
    while (sl->state != SLOT_FREE) pthread_cond_wait(&sh->cv, &sh->mu);
    if (sh->stop || stopped(sh->opts)) {
      sh->reader_done = true;
      pthread_cond_broadcast(&sh->cv);
      pthread_mutex_unlock(&sh->mu);
      break;
    }
    pthread_mutex_unlock(&sh->mu);
    /* the carry from the last block, then more of the file until a line
     * ends outside quotes (or the file does) */
    sl->in_len = 0;
    size_t block = sh->main_r->wants_tree ? TREE_BLOCK_BYTES : BLOCK_BYTES;
    size_t want = ncarry + block;
    if (sl->in_cap < want) sl->in = xrealloc(sl->in, sl->in_cap = want);
    memcpy(sl->in, carry, ncarry);
    sl->in_len = ncarry;
    size_t cut = 0;
    for (;;) {
      if (!eof) {
        if (sl->in_cap - sl->in_len < block) sl->in = xrealloc(sl->in, sl->in_cap += block);
        size_t got = fread(sl->in + sl->in_len, 1, block, f);
        if (got == 0) {
          if (ferror(f)) sh->read_error = err_new(cases_name(sh->header), line, 0, "read error");
          eof = true;
        }
        sl->in_len += got;
      }
      cut = eof ? sl->in_len : cut_point(sl->in, sl->in_len);
      /* no line end outside quotes for longer than a row may be: hand the
       * block over, and its reader reports the row that does not end */
      if (cut == 0 && sl->in_len > CSVIN_MAX_ROW + block) cut = sl->in_len;
      if (cut > 0 || eof) break;
    }
    ncarry = sl->in_len - cut;
    carry = xrealloc(carry, ncarry + 1);
    memcpy(carry, sl->in + cut, ncarry);
    sl->in_len = cut;
    sl->first_line = line;
    line += count_lines(sl->in, cut);
    pthread_mutex_lock(&sh->mu);
    if (cut > 0) {
      sl->state = SLOT_FILLED;
      sh->filled++;
    }
    if (eof && ncarry == 0) sh->reader_done = true;
    pthread_cond_broadcast(&sh->cv);
    pthread_mutex_unlock(&sh->mu);
    if (eof && ncarry == 0) break;
  }
  free(carry);
  return NULL;
}

typedef struct worker {
  shared *sh;
  pthread_t tid;
  pack *own;        /* a copy of the pack when it has rule functions */
} worker;

/* Decide and render the rows of one block. */
static void work_block(shared *sh, const pack *p, eval_ctx *ec, renderer *r, slots *s, slot *sl) {
  const batch_options *opts = sh->opts;
  if (!sl->out_f) {
    sl->out_f = xopen_memstream(&sl->out, &sl->out_len);
    sl->diag_f = xopen_memstream(&sl->diag, &sl->diag_len);
  } else {
    rewind(sl->out_f);
    rewind(sl->diag_f);
  }
  r->out = sl->out_f;
  r->diag = sl->diag_f;
  memset(&sl->sum, 0, sizeof sl->sum);
  sl->row_found = false;
  sl->ids_len = 0;
  case_reader *cr = cases_open_block(sh->header, sl->in, sl->in_len, sl->first_line);
  int nrendered = 0;
  for (;;) {
    if (stopped(opts)) break; /* the writer says so */
    case_row row;
    err *re = NULL;
    int got = cases_next(cr, &row, &re);
    if (got == 0) break;
    if (got < 0) {
      sl->fatal = re;
      break;
    }
    eval_prefetch_row(ec, &row); /* fetched while the id is kept */
    size_t idlen = strlen(row.id), need = ID_HEAD + idlen + 1;
    if (sl->ids_len + need > sl->ids_cap) {
      while (sl->ids_len + need > sl->ids_cap) sl->ids_cap = sl->ids_cap ? 2 * sl->ids_cap : 4096;
      sl->ids = xrealloc(sl->ids, sl->ids_cap);
    }
    /* the hash is made here, in parallel, for the writer's check */
    uint64_t hash = case_id_hash(row.id);
    char *at = sl->ids + sl->ids_len;
    memcpy(at, &hash, sizeof hash);
    memcpy(at + sizeof hash, &row.line, sizeof(int));
    memcpy(at + sizeof hash + sizeof(int), &row.id_col, sizeof(int));
    memcpy(at + ID_HEAD, row.id, idlen + 1);
    sl->ids_len += need;
    if (opts->row_id && strcmp(row.id, opts->row_id) != 0) {
      err_free(re);
      continue;
    }
    sl->row_found = true;
    sl->sum.read++;
    if (nrendered++ && r->separator) fputs(r->separator, r->out);
    bool unknown = false, outside = false;
    if (got == 2) {
      r->row_error(r, &row, re);
      err_free(re);
      sl->sum.failed++;
      render_summary_count(&sl->sum, NULL, opts->nopinions);
      continue;
    }
    int failed = decide(p, ec, r, opts, &row, s, &unknown, &outside);
    r->row(r, &row, s->res, opts->nopinions);
    render_summary_count(&sl->sum, s->res, opts->nopinions);
    if (failed) sl->sum.failed++;
    else if (outside) sl->sum.outside++;
    else if (unknown) sl->sum.undecided++;
    else sl->sum.decided++;
  }
  cases_close(cr);
  if (r->flush) r->flush(r);
  /* a memory stream's size after a flush is its position: what this block wrote */
  fflush(sl->out_f);
  fflush(sl->diag_f);
  r->out = r->diag = NULL;
}

static void *worker_main(void *arg) {
  worker *w = arg;
  shared *sh = w->sh;
  const pack *p = w->own ? w->own : sh->p;
  const batch_options *opts = sh->opts;
  renderer *r = opts->make_renderer(opts->make_ud, NULL, NULL);
  r->p = p;
  r->source = sh->main_r->source;
  r->opinions = opts->opinions;
  r->nopinions = opts->nopinions;
  eval_ctx *ec = eval_new(p);
  eval_values_only(ec, !r->wants_tree && r->nnode_columns == 0);
  slots s;
  slots_init(&s, p, r, opts->opinions, opts->nopinions);
  for (;;) {
    pthread_mutex_lock(&sh->mu);
    while (!(sh->next_work < sh->filled && sh->slots[sh->next_work % sh->nslots].state == SLOT_FILLED) &&
           !(sh->reader_done && sh->next_work >= sh->filled))
      pthread_cond_wait(&sh->cv, &sh->mu);
    if (sh->next_work >= sh->filled) {
      pthread_mutex_unlock(&sh->mu);
      break;
    }
    slot *sl = &sh->slots[sh->next_work++ % sh->nslots];
    sl->state = SLOT_WORKING;
    pthread_mutex_unlock(&sh->mu);
    work_block(sh, p, ec, r, &s, sl);
    pthread_mutex_lock(&sh->mu);
    sl->state = SLOT_DONE;
    pthread_cond_broadcast(&sh->cv);
    pthread_mutex_unlock(&sh->mu);
  }
  slots_free(&s, opts->nopinions);
  eval_free(ec);
  render_free(r);
  return NULL;
}

/* A block's ids: how many rows ahead of its check an id's table memory is
 * asked for, and the fetch, which returns where the next id starts. */
#define IDS_AHEAD 8

static size_t prefetch_id(const dups *d, const char *ids, size_t at) {
  uint64_t hash;
  memcpy(&hash, ids + at, sizeof hash);
  case_ids_prefetch(d->ids, hash);
  return at + ID_HEAD + strlen(ids + at + ID_HEAD) + 1;
}

static int run_parallel(const pack *p, const char *cases_path, const batch_options *opts, renderer *r,
                        render_summary *sum, err **e) {
  memset(sum, 0, sizeof *sum);
  shared sh = {0};
  sh.p = p;
  sh.opts = opts;
  sh.main_r = r;
  sh.header = cases_open(p, cases_path, e);
  if (!sh.header) return -1;
  /* Workers of a pack with rule functions each need their own Lua state. */
  int nw = opts->jobs;
  worker *ws = xcalloc((size_t)nw, sizeof *ws);
  if (p->nrule_functions > 0) {
    for (int i = 0; i < nw; i++) {
      if (!(ws[i].own = pack_load(opts->pack_path, opts->pack_opts, e))) {
        for (int k = 0; k < i; k++) pack_free(ws[k].own);
        free(ws);
        cases_close(sh.header);
        return -1;
      }
    }
  }
  sh.nslots = 2 * nw + 2;
  sh.slots = xcalloc((size_t)sh.nslots, sizeof *sh.slots);
  pthread_mutex_init(&sh.mu, NULL);
  pthread_cond_init(&sh.cv, NULL);
  r->source = cases_name(sh.header);
  r->opinions = opts->opinions;
  r->nopinions = opts->nopinions;
  r->begin(r);
  pthread_t reader;
  pthread_create(&reader, NULL, reader_main, &sh);
  for (int i = 0; i < nw; i++) {
    ws[i].sh = &sh;
    pthread_create(&ws[i].tid, NULL, worker_main, &ws[i]);
  }
  /* the writer: blocks in input order; a broken block ends the output */
  int rc = 0;
  bool found = false, any_out = false;
  dups d = {.ids = case_ids_new()};
  for (int b = 0;; b++) {
    slot *sl = &sh.slots[b % sh.nslots];
    pthread_mutex_lock(&sh.mu);
    while (!(b < sh.filled && sl->state == SLOT_DONE) && !(sh.reader_done && b >= sh.filled))
      pthread_cond_wait(&sh.cv, &sh.mu);
    bool finished = b >= sh.filled;
    pthread_mutex_unlock(&sh.mu);
    if (finished) break;
    if (rc == 0) {
      if (sl->out_len && any_out && r->separator) fputs(r->separator, r->out);
      any_out |= sl->out_len > 0;
      fwrite(sl->out, 1, sl->out_len, r->out);
      if (sl->diag_len) fwrite(sl->diag, 1, sl->diag_len, r->diag ? r->diag : stderr);
      sum->read += sl->sum.read;
      sum->decided += sl->sum.decided;
      sum->undecided += sl->sum.undecided;
      sum->outside += sl->sum.outside;
      sum->failed += sl->sum.failed;
      sum->opinions_decided += sl->sum.opinions_decided;
      sum->opinions_undecided += sl->sum.opinions_undecided;
      sum->opinions_outside += sl->sum.opinions_outside;
      sum->opinions_failed += sl->sum.opinions_failed;
      found |= sl->row_found;
      /* the table's memory is fetched a few rows ahead of the checks */
      size_t ahead = 0;
      for (int k = 0; k < IDS_AHEAD && ahead < sl->ids_len; k++) ahead = prefetch_id(&d, sl->ids, ahead);
      for (size_t at = 0; at < sl->ids_len;) {
        if (ahead < sl->ids_len) ahead = prefetch_id(&d, sl->ids, ahead);
        uint64_t hash;
        int line, col;
        memcpy(&hash, sl->ids + at, sizeof hash);
        memcpy(&line, sl->ids + at + sizeof hash, sizeof(int));
        memcpy(&col, sl->ids + at + sizeof hash + sizeof(int), sizeof(int));
        const char *id = sl->ids + at + ID_HEAD;
        dups_check(&d, cases_name(sh.header), hash, id, line, col, sum);
        at += ID_HEAD + strlen(id) + 1;
      }
      if (sl->fatal) {
        *e = sl->fatal;
        sl->fatal = NULL;
        rc = -1;
      } else if (check_stop(opts, r, e) != 0) {
        rc = -1;
      }
      if (rc != 0) {
        /* read no further; the blocks under way are drained unwritten */
        pthread_mutex_lock(&sh.mu);
        sh.stop = true;
        pthread_mutex_unlock(&sh.mu);
      }
    }
    err_free(sl->fatal);
    sl->fatal = NULL;
    pthread_mutex_lock(&sh.mu);
    sl->state = SLOT_FREE;
    pthread_cond_broadcast(&sh.cv);
    pthread_mutex_unlock(&sh.mu);
  }
  pthread_join(reader, NULL);
  for (int i = 0; i < nw; i++) pthread_join(ws[i].tid, NULL);
  if (rc == 0 && sh.read_error) {
    *e = sh.read_error;
    sh.read_error = NULL;
    rc = -1;
  } else if (rc == 0 && opts->row_id && !found) {
    *e = err_hint(err_new(cases_name(sh.header), 0, 0, "no row has the id '%s'", opts->row_id),
                  "ids are in the file's id column");
    rc = -1;
  }
  err_free(sh.read_error);
  if (rc == 0) {
    dups_report(&d, cases_name(sh.header), sum, stderr);
    r->end(r, sum);
  }
  dups_free(&d);
  for (int i = 0; i < sh.nslots; i++) {
    if (sh.slots[i].out_f) fclose(sh.slots[i].out_f);
    if (sh.slots[i].diag_f) fclose(sh.slots[i].diag_f);
    free(sh.slots[i].out);
    free(sh.slots[i].diag);
    free(sh.slots[i].in);
    free(sh.slots[i].ids);
  }
  free(sh.slots);
  for (int i = 0; i < nw; i++) pack_free(ws[i].own);
  free(ws);
  pthread_mutex_destroy(&sh.mu);
  pthread_cond_destroy(&sh.cv);
  cases_close(sh.header);
  return rc;
}

int batch_run(const pack *p, const char *cases_path, const batch_options *opts, renderer *r,
              render_summary *sum, err **e) {
  if (opts->jobs > 1 && opts->make_renderer) return run_parallel(p, cases_path, opts, r, sum, e);
  return run_serial(p, cases_path, opts, r, sum, e);
}
