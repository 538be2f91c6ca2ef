/* latency: how long one re-evaluation of one row takes, in process, the way
 * an interactive front end re-decides on every change: decide the row under
 * every opinion and build its explanation trees, many times, and print the
 * median time per re-evaluation in microseconds.
 * usage: latency PACK CASES.csv [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cases.h"
#include "eval.h"
#include "explain.h"
#include "pack.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: latency PACK CASES.csv [ROUNDS]\n", stderr);
    return 2;
  }
  int rounds = argc > 3 ? atoi(argv[3]) : 2001;
  err *e = NULL;
  pack *p = pack_load(argv[1], NULL, &e);
  if (!p) {
    err_print(e, stderr);
    return 2;
  }
  case_reader *cr = cases_open(p, argv[2], &e);
  case_row row;
  if (!cr || cases_next(cr, &row, &e) != 1) {
    err_print(e, stderr);
    return 2;
  }
  eval_ctx *ec = eval_new(p);
  explain_tree *t = explain_new(p);
  double *samples = malloc(sizeof *samples * (size_t)rounds);
  for (int i = 0; i < rounds; i++) {
    double t0 = now();
    for (int o = 0; o < p->nopinions; o++) {
      if (eval_row(ec, o, &row, &e) != 0) return 2;
      explain_build(t, ec, &row);
    }
    samples[i] = now() - t0;
  }
  qsort(samples, (size_t)rounds, sizeof *samples, cmp);
  printf("%.2f\n", samples[rounds / 2] * 1e6);
  free(samples);
  explain_free(t);
  eval_free(ec);
  cases_close(cr);
  pack_free(p);
  return 0;
}
