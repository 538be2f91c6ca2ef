/* coverage: which parts of a pack a set of case rows exercises.
 *
 * Counted after each decided row and opinion from the evaluator's record:
 * nodes reached, values each node took, branches of each first { ... }
 * taken, opinion overrides whose node was reached, and the pack's `outside`
 * declarations some row met. What no row exercised is a hole in the
 * problem set. */
#ifndef RATIO_COVERAGE_H
#define RATIO_COVERAGE_H

#include <stdio.h>

#include "eval.h"
#include "pack.h"

typedef struct coverage coverage;

/* A new, empty tally for a pack; free with coverage_free. */
coverage *coverage_new(const pack *p);
void coverage_free(coverage *cv);

/* Count what the last eval_row on c exercised. */
void coverage_add(coverage *cv, const eval_ctx *c);

typedef struct coverage_totals {
  int nodes, nodes_hit;
  int values, values_hit;
  int branches, branches_hit;
  int overrides, overrides_hit;
  int outside, outside_hit; /* the pack's `outside` declarations some row met */
} coverage_totals;

/* Totals, and whether there is any hole (returns the number of holes). */
int coverage_totals_of(const coverage *cv, coverage_totals *t);

/* The report: totals, then every hole with its pack position. */
void coverage_print(const coverage *cv, FILE *out);

#endif
