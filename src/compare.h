/* compare: one row under several opinions, and where each pair that
 * disagrees parts ways.
 *
 * For every pair of opinions whose outcome or disposition differs, both
 * explanation trees are walked from the decided node in the same order,
 * following the children whose values differ, down to the first node whose
 * rule differs (an override) or, failing that, the deepest node whose value
 * differs. That node is where the reasoning parts; the override responsible
 * and each side's authorities come with it. Never formats anything. */
#ifndef RATIO_COMPARE_H
#define RATIO_COMPARE_H

#include <stdbool.h>

#include "cases.h"
#include "err.h"
#include "eval.h"
#include "explain.h"
#include "pack.h"

/* Where two opinions part ways. Sides a and b index compare_result's
 * opinions. */
typedef struct compare_part {
  int a, b;
  int node;              /* the node where their reasoning parts, or -1 */
  const explain_node *xa, *xb; /* that node in each tree (NULL: not built) */
  int override_a;        /* the opinion whose override gives side a's rule
                            at the node, or -1 for the node's own rule */
  int override_b;
  const node_rule *rule_a, *rule_b; /* each side's rule there: its authorities */
  bool rules_differ;     /* the rules differ (else only a value below did) */
} compare_part;

typedef struct compare_result {
  const pack *p;
  const case_row *row;   /* borrowed: valid while the row is */
  int nopinions;
  const int *opinions;   /* opinion indexes, in output order */
  explain_tree **trees;  /* one per opinion */
  compare_part *parts;   /* one per pair that disagrees, pairs in order */
  int nparts;
} compare_result;

typedef struct compare_ctx compare_ctx;

/* A context comparing opinions `ops` (copied). Free with compare_free; the
 * pack must outlive it. */
compare_ctx *compare_new(const pack *p, const int *ops, int nops);
void compare_free(compare_ctx *c);

/* Decide `row` under every opinion and find the partings. Returns the
 * result (owned by c, valid until the next compare_row), or NULL with *e
 * set when a rule failed on the row. */
const compare_result *compare_row(compare_ctx *c, const case_row *row, err **e);

/* The opinion (op itself or one of its bases) whose override of `node` gives
 * op's rule for it, or -1 when op follows the node's own rule. */
int compare_override_owner(const pack *p, int op, int node);

/* Whether two opinions' results differ in outcome, or in disposition when
 * both give one. */
bool compare_disagree(const explain_tree *a, const explain_tree *b);

#endif
