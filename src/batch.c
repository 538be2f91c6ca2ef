/* batch: the streaming loop from case rows to rendered results. */
#include "batch.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Count a row the handler decided. */
static void count(render_summary *sum, row_class c) {
  switch (c) {
  case ROW_DECIDED: sum->decided++; break;
  case ROW_UNDECIDED: sum->undecided++; break;
  case ROW_OUTSIDE: sum->outside++; break;
  case ROW_FAILED: sum->failed++; break;
  case ROW_SKIPPED: sum->read--; break;
  }
}

static void sum_add(render_summary *to, const render_summary *from) {
  to->read += from->read;
  to->decided += from->decided;
  to->undecided += from->undecided;
  to->outside += from->outside;
  to->failed += from->failed;
  to->parted += from->parted;
  to->passed += from->passed;
  to->expect_failed += from->expect_failed;
  to->opinions_decided += from->opinions_decided;
  to->opinions_undecided += from->opinions_undecided;
  to->opinions_outside += from->opinions_outside;
  to->opinions_failed += from->opinions_failed;
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

/* A row read (got: 1 readable, 2 not, with its error re, which is freed):
 * decided and rendered, unless --row passes it by. */
static void take_row(const pack *p, const batch_options *opts, void *hs, renderer *r, const case_row *row, int got,
                     err *re, render_summary *sum, bool *row_found) {
  if (opts->row_id && strcmp(row->id, opts->row_id) != 0) {
    err_free(re);
    return;
  }
  *row_found = true;
  if (sum->read++ && r->separator) fputs(r->separator, r->out);
  case_row *varied = NULL;
  if (got != 2 && opts->nsets && !(varied = cases_set_row(p, row, opts->sets, opts->nsets, &re))) got = 2;
  if (got == 2) {
    r->row_error(r, row, re);
    err_free(re);
    sum->failed++;
    render_summary_count(sum, NULL, r->nopinions);
    return;
  }
  count(sum, opts->handler->row(hs, varied ? varied : row, r, sum));
  cases_row_free(varied);
}

/* No file: the one row --set makes. */
static int set_row_only(const pack *p, const batch_options *opts, void *hs, renderer *r, render_summary *sum,
                        err **e) {
  case_row *made = opts->row ? NULL : cases_set_row(p, NULL, opts->sets, opts->nsets, e);
  const case_row *row = opts->row ? opts->row : made;
  if (!row) return -1;
  render_begin(r, "--set");
  sum->read++;
  count(sum, opts->handler->row(hs, row, r, sum));
  cases_row_free(made);
  return check_stop(opts, r, e);
}

/* One file's rows, serially. Returns 0, or -1 with *e set. */
static int serial_file(const pack *p, case_reader *cr, const batch_options *opts, void *hs, renderer *r,
                       render_summary *sum,
                       bool *row_found, err **e) {
  const row_handler *h = opts->handler;
  if (h->file) h->file(hs, cr);
  dups d = {.ids = case_ids_new()};
  int rc = 0;
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
    if (h->prefetch) h->prefetch(hs, &row); /* fetched while the id is checked */
    dups_add(&d, cases_name(cr), row.id, row.line, row.id_col, sum);
    take_row(p, opts, hs, r, &row, got, re, sum, row_found);
  }
  if (rc == 0) {
    /* the rows first, where both streams are one terminal */
    if (r->flush) r->flush(r);
    fflush(r->out);
    dups_report(&d, cases_name(cr), sum, stderr);
  }
  dups_free(&d);
  return rc;
}

static int run_serial(const pack *p, const char *const *paths, int npaths, const batch_options *opts, renderer *r,
                      render_summary *sum, err **e) {
  memset(sum, 0, sizeof *sum);
  const row_handler *h = opts->handler;
  void *hs = opts->handler_state ? opts->handler_state : h->open(h->ud, p, r);
  int rc = 0;
  bool row_found = npaths == 0;
  if (npaths == 0) rc = set_row_only(p, opts, hs, r, sum, e);
  for (int i = 0; i < npaths && rc == 0; i++) {
    case_reader *cr = cases_open(p, paths[i], e);
    if (!cr) {
      rc = -1;
      break;
    }
    if (i == 0) render_begin(r, cases_name(cr));
    rc = serial_file(p, cr, opts, hs, r, sum, &row_found, e);
    if (rc == 0 && opts->row_id && !row_found && i == npaths - 1) {
      *e = err_hint(err_new(cases_name(cr), 0, 0, "no row has the id '%s'", opts->row_id),
                    "ids are in the file's id column");
      rc = -1;
    }
    cases_close(cr);
  }
  if (rc == 0 && r->end) r->end(r, sum);
  if (!opts->handler_state) h->close(hs);
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
static void work_block(shared *sh, const pack *p, void *hs, renderer *r, slot *sl) {
  const batch_options *opts = sh->opts;
  const row_handler *h = opts->handler;
  if (!sl->out_f) {
    sl->out_f = xopen_memstream(&sl->out, &sl->out_len);
    sl->diag_f = xopen_memstream(&sl->diag, &sl->diag_len);
  } else {
    rewind(sl->out_f);
    rewind(sl->diag_f);
  }
  render_set_output(r, sl->out_f, sl->diag_f);
  memset(&sl->sum, 0, sizeof sl->sum);
  sl->row_found = false;
  sl->ids_len = 0;
  case_reader *cr = cases_open_block(sh->header, sl->in, sl->in_len, sl->first_line);
  if (h->file) h->file(hs, cr);
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
    if (h->prefetch) h->prefetch(hs, &row); /* fetched while the id is kept */
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
    take_row(p, opts, hs, r, &row, got, re, &sl->sum, &sl->row_found);
  }
  cases_close(cr);
  /* a memory stream's size after a flush is its position: what this block wrote */
  if (r->flush) r->flush(r);
  fflush(sl->out_f);
  fflush(sl->diag_f);
}

static void *worker_main(void *arg) {
  worker *w = arg;
  shared *sh = w->sh;
  const batch_options *opts = sh->opts;
  render_setup rs = *opts->setup;
  rs.p = w->own ? w->own : sh->p;
  rs.out = rs.diag = NULL;
  err *e = NULL;
  renderer *r = render_new(sh->main_r->kind, opts->format, &rs, &e); /* the run's own was made so */
  r->source = sh->main_r->source; /* its rows' source; begin is the run's renderer's alone */
  void *hs = opts->handler->open(opts->handler->ud, rs.p, r);
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
    work_block(sh, rs.p, hs, r, sl);
    pthread_mutex_lock(&sh->mu);
    sl->state = SLOT_DONE;
    pthread_cond_broadcast(&sh->cv);
    pthread_mutex_unlock(&sh->mu);
  }
  opts->handler->close(hs);
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
  render_begin(r, cases_name(sh.header));
  /* Workers first: they wait for blocks. A worker that cannot start leaves
   * the work to the others; with none, or no reader, nothing is read and
   * the run fails with a message instead of waiting forever. */
  int started = 0;
  for (int i = 0; i < nw; i++) {
    ws[i].sh = &sh;
    if (pthread_create(&ws[i].tid, NULL, worker_main, &ws[i]) != 0) break;
    started++;
  }
  pthread_t reader;
  bool reading = started > 0 && pthread_create(&reader, NULL, reader_main, &sh) == 0;
  if (!reading) {
    pthread_mutex_lock(&sh.mu);
    sh.reader_done = true;
    pthread_cond_broadcast(&sh.cv);
    pthread_mutex_unlock(&sh.mu);
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
      sum_add(sum, &sl->sum);
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
  if (reading) pthread_join(reader, NULL);
  for (int i = 0; i < started; i++) pthread_join(ws[i].tid, NULL);
  if (rc == 0 && !reading) {
    *e = err_new(NULL, 0, 0, "cannot start %s thread: %s", started ? "the reading" : "a worker",
                 strerror(EAGAIN));
    rc = -1;
  } else if (rc == 0 && sh.read_error) {
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
    if (r->flush) r->flush(r);
    fflush(r->out);
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

int batch_run(const pack *p, const char *const *paths, int npaths, const batch_options *opts, renderer *r,
              render_summary *sum, err **e) {
  if (opts->jobs > 1 && npaths == 1 && opts->format && opts->setup)
    return run_parallel(p, paths[0], opts, r, sum, e);
  return run_serial(p, paths, npaths, opts, r, sum, e);
}
