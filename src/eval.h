/* eval: decide one case row under one opinion.
 *
 * The evaluator walks the pack's C rules with Kleene's three-valued logic,
 * evaluating a node only when a rule needs it (so nodes an earlier element
 * made moot stay "not reached"), and records for each node its value, how it
 * was decided, the facts its own rule read, and the nodes it depended on.
 * It never formats anything: explain.c turns the record into a tree. */
#ifndef RATIO_EVAL_H
#define RATIO_EVAL_H

#include <stdint.h>

#include "cases.h"
#include "err.h"
#include "pack.h"

typedef enum {
  NODE_NOT_REACHED = 0, /* no rule needed it */
  NODE_EVALUATING,      /* on the stack now (internal) */
  NODE_DERIVED,         /* decided by its rule */
  NODE_FOUND,           /* supplied by the row as a finding below */
  NODE_NO_FINDING       /* a finding-only node the row left blank */
} node_state;

/* Per-thread scratch for evaluating rows; reused from row to row. */
typedef struct eval_ctx eval_ctx;

/* A context for a pack. The caller frees it with eval_free; the pack must
 * outlive it. Rule functions run in the pack's sandbox, so one context per
 * sandbox at a time. */
eval_ctx *eval_new(const pack *p);
void eval_free(eval_ctx *c);

/* Values-only mode, for callers that read only eval_outcome and
 * eval_disposition (a csv of outcomes): no per-node record, no undecided
 * facts, and a node that is the same under several opinions is decided once
 * per row. A row is the same row while its pointer, number and line are. */
void eval_values_only(eval_ctx *c, bool on);

/* Decide `row` under opinion `op`. Returns 0, or -1 with *e set when a rule
 * function failed (the row then has no result under this opinion). When the
 * outcome is unknown, the facts that would decide it are computed too. */
int eval_row(eval_ctx *c, int op, const case_row *row, err **e);

/* Values-only mode: the outcome and the disposition value of a row under
 * several opinions (ops[0..n)), with one cache lookup when the row's answers
 * were seen before. Returns 0, or -1 with *failed the index of the opinion
 * whose rule failed and *e its error. Names come from pack_disposition_name. */
int eval_row_values(eval_ctx *c, const int *ops, int n, const case_row *row, rval *outcomes,
                    rval *dispositions, int *failed, err **e);

/* Values-only mode: a hint that `row` is about to be decided, so that its
 * decision-cache entry is fetched while the caller does other work. The
 * row must not change before it is decided. */
void eval_prefetch_row(eval_ctx *c, const case_row *row);

/* What the last eval_row found. Valid until the next eval_row. */
int eval_opinion(const eval_ctx *c);
rval eval_outcome(const eval_ctx *c);
const char *eval_disposition(const eval_ctx *c); /* NULL when the opinion gives none */
node_state eval_node_state(const eval_ctx *c, int node);
rval eval_node_value(const eval_ctx *c, int node);
/* True when the node's rule said no but its `open` condition held. */
int eval_node_open(const eval_ctx *c, int node);
/* True when the row supplied a finding for the node that did not bind (the
 * pack's `finding = { unless = ... }` held), so the rule decided it. */
int eval_node_set_aside(const eval_ctx *c, int node);
/* Whether the node's own rule read the fact. */
int eval_node_read_fact(const eval_ctx *c, int node, int fact);
/* The same for every fact at once: a bit set of *words 64-bit words, bit
 * f set when the node's rule read fact f. Valid until the next eval_row. */
const uint64_t *eval_node_reads(const eval_ctx *c, int node, int *words);
/* The nodes the node's rule refers to, in order of appearance. */
int eval_node_kids(const eval_ctx *c, int node, const int **kids);
/* Which branch of the pack's first { ... } number `first` the row took:
 * its index, -1 when it was not evaluated, -2 when a condition was unknown. */
int eval_first_taken(const eval_ctx *c, int first);

/* For an unknown outcome: the unknown facts whose answer alone would decide
 * it (*alone true), or, when no single one would, every unknown fact the
 * rules read (*alone false). */
int eval_deciding_facts(const eval_ctx *c, const int **facts, bool *alone);

#endif
