/* table: the decision space of an opinion, compressed into a decision table.
 *
 * The space is every combination of values of the yes/no and one-of facts
 * the opinion can reach from the node it decides. It is not enumerated
 * point by point: evaluation starts with every fact unknown and splits on a
 * fact the rules actually read, one at a time, until the outcome is settled
 * (Kleene's logic guarantees a settled outcome stays settled whatever the
 * facts not yet answered turn out to be) or every fact read is answered.
 * The pieces of each outcome are then merged, grown into prime rows (each as
 * large as it can be while staying inside its outcome) and covered greedily,
 * so the rows of one outcome never overlap another's and together cover
 * exactly its part of the space. With a second opinion, the classes are the
 * pairs of outcomes, and only the pairs where the two disagree are kept.
 * Never formats anything. */
#ifndef RATIO_TABLE_H
#define RATIO_TABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "pack.h"

#define TABLE_DEFAULT_BUDGET 5000000L

typedef struct table_options {
  long budget; /* evaluations allowed; <= 0 means the default */
} table_options;

/* One outcome (or, with a second opinion, one pair of outcomes) and the rows
 * that give it. */
typedef struct table_class {
  rval a, b;        /* the outcome under op_a, and under op_b (RV_UNKNOWN
                       when there is no second opinion) */
  double points;    /* combinations of the space that give it */
  int row0, nrows;  /* its rows: row0 .. row0 + nrows - 1 */
} table_class;

typedef struct table {
  const pack *p;
  int op_a, op_b;   /* op_b is -1 without a second opinion */
  int *vars;        /* the columns: fact indexes, in pack order */
  int nvars;
  int *left_out;    /* reachable facts that cannot be enumerated (number,
                       date, text): held unknown */
  int nleft_out;
  bool lua;         /* a rule function is reachable */
  double space;     /* combinations in the space */
  double agree;     /* with a second opinion: combinations where they agree */
  table_class *classes; /* outcome order; with op_b only disagreeing pairs */
  int nclasses;
  uint64_t *cells;  /* nrows * nvars: bit v set when the row allows value v */
  int nrows;
  long evals;       /* evaluations made */
  int npieces;      /* pieces the space was split into */
} table;

/* Build the table of opinion op_a, or with op_b >= 0 the region where op_a
 * and op_b disagree. Returns 0 with *out set (free with table_free), or -1
 * with *e set: a rule failed, or the budget ran out. */
int table_build(const pack *p, int op_a, int op_b, const table_options *opts, table **out, err **e);
void table_free(table *t);

/* Every value of column `var`: its cell is then "-". */
uint64_t table_full_mask(const table *t, int var);
/* The cell of a row for a column. */
uint64_t table_cell(const table *t, int row, int var);
/* Whether a point (one value index per column) lies in a row. */
bool table_row_contains(const table *t, int row, const rval *point);

#endif
