/* batch: decide every row of a case file under the chosen opinions and
 * hand each result (or error record) to a renderer, streaming. */
#ifndef RATIO_BATCH_H
#define RATIO_BATCH_H

#include <signal.h>

#include "err.h"
#include "pack.h"
#include "render.h"

typedef struct batch_options {
  const int *opinions;  /* opinion indexes to decide under, in output order */
  int nopinions;
  const char *row_id;   /* decide only the row with this id, or NULL */
  /* Parallel runs (jobs > 1): a reader, `jobs` workers and an in-order
   * writer. Each worker renders with its own renderer from make_renderer,
   * into memory; the writer prints the rows in input order. Workers of a
   * pack with rule functions load their own copy of it from pack_path. */
  int jobs;
  renderer *(*make_renderer)(void *ud, FILE *out, FILE *diag);
  void *make_ud;
  const char *pack_path;
  const pack_options *pack_opts;
  /* When *stop turns non-zero (a signal handler sets it), the run stops
   * between rows and batch_run returns -1 with *e saying so. NULL: never. */
  volatile sig_atomic_t *stop;
} batch_options;

/* Run the whole file. Returns 0 when the file was read to the end (rows
 * that failed are counted in *sum and rendered as error records), or -1
 * with *e set when the file cannot be read at all, the row asked for is
 * not there, the output cannot be written (r->out has its error flag set:
 * a full disk, a closed pipe) or the run was stopped. Ids that repeat an
 * earlier row's are counted in sum->duplicate_ids and reported on stderr
 * before the summary. Output is byte for byte the same at any number of
 * jobs. */
int batch_run(const pack *p, const char *cases_path, const batch_options *opts, renderer *r,
              render_summary *sum, err **e);

#endif
