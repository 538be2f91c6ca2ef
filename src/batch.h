/* batch: the row driver. It reads the rows of case files, picks the one
 * --row names, reports reused ids, stops on a signal or an output that
 * cannot be written, and runs on several threads (-j); a command's handler
 * decides each row and hands the result to a renderer. Every command that
 * reads rows runs through it. */
#ifndef RATIO_BATCH_H
#define RATIO_BATCH_H

#include <signal.h>

#include "cases.h"
#include "err.h"
#include "pack.h"
#include "render.h"

/* What a handler made of a row, for the summary. */
typedef enum { ROW_DECIDED, ROW_UNDECIDED, ROW_OUTSIDE, ROW_FAILED, ROW_SKIPPED } row_class;

/* A command's work on each row. The driver opens one state per thread
 * (with the pack that thread uses: the run's, or a worker's own copy when
 * the pack has rule functions), tells it each file it reads, and hands it
 * every readable row it is to decide. */
typedef struct row_handler {
  void *(*open)(const void *ud, const pack *p, const renderer *r);
  void (*file)(void *state, const case_reader *cr); /* may be NULL */
  /* Optional: start fetching what deciding `row` will read (its id is
   * checked meanwhile). */
  void (*prefetch)(void *state, const case_row *row);
  /* Decide the row and render it through r (r->item, or r->row_error when
   * a rule failed on it); add the handler's own counts (parted, passed,
   * expect_failed) to *sum. ROW_SKIPPED: the row is neither rendered nor
   * counted. */
  row_class (*row)(void *state, const case_row *row, renderer *r, render_summary *sum);
  void (*close)(void *state);
  const void *ud;
} row_handler;

typedef struct batch_options {
  const row_handler *handler;
  const char *row_id;   /* only the rows with this id, or NULL */
  /* --set NAME=VALUE: each row is varied so before it is decided (see
   * cases_set_row); with no files, the one row they make is. */
  const char *const *sets;
  int nsets;
  /* Or, with no files, the row to decide, made by the caller (the sets are
   * then not read), or NULL. */
  const case_row *row;
  /* A state the caller opened with handler->open, for this pack and this
   * renderer, and keeps from run to run: a serial run uses it and neither
   * opens nor closes one. NULL: the run opens its own. */
  void *handler_state;
  /* Parallel runs (jobs > 1, one file): a reader, `jobs` workers and an
   * in-order writer. Each worker renders into memory with its own renderer
   * of `format`, made from `setup`; the writer prints the rows in input
   * order. Workers of a pack with rule functions load their own copy of
   * it from pack_path. */
  int jobs;
  const char *format;
  const render_setup *setup;
  const char *pack_path;
  const pack_options *pack_opts;
  /* When *stop turns non-zero (a signal handler sets it), the run stops
   * between rows and batch_run returns -1 with *e saying so. NULL: never. */
  volatile sig_atomic_t *stop;
} batch_options;

/* Run the files, in order, into one output: render_begin with the first
 * file's name (with no files: "--set", and the row the sets make), the
 * rows, then r->end once. Returns 0 when every file was
 * read to the end (rows that failed are counted in *sum and rendered as
 * error records), or -1 with *e set when a file cannot be read at all, the
 * row asked for is in none of them, the output cannot be written (r->out
 * has its error flag set: a full disk, a closed pipe) or the run was
 * stopped. Ids that repeat an earlier row's in the same file are counted in
 * sum->duplicate_ids and reported on stderr after each file's rows. Output
 * is byte for byte the same at any number of jobs. */
int batch_run(const pack *p, const char *const *paths, int npaths, const batch_options *opts, renderer *r,
              render_summary *sum, err **e);

#endif
