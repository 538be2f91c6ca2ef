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

/* "Even if": a node, the outcome or the disposition that Kleene's logic
 * leaves unknown is decided when every answer to the blank yes/no and
 * one-of facts its evaluation reached gives the same value; eval_row
 * searches those answers (lazily, a bounded number of evaluations per
 * search). */
typedef enum {
  EVAL_SETTLE_NONE,    /* Kleene's logic alone (a caller that searches itself) */
  EVAL_SETTLE_OUTCOME, /* settle the outcome and the disposition only */
  EVAL_SETTLE_NODES    /* also every node the row reached: the default */
} eval_settle_mode;

#define EVAL_SETTLE_BUDGET 4096L /* evaluations per search */
#define EVAL_ROW_SEARCHES 8      /* a row and opinion's searches, all told: 8 budgets */
#define EVAL_MAX_ANSWERS 64      /* one-of facts with more values are not tried */

/* What the search found for a node of the last eval_row, when one ran (the
 * node was reached and unknown on its face). */
typedef struct eval_settled {
  uint64_t range;         /* bit v set: some answer gives value v */
  bool open;              /* some answer leaves it unknown */
  bool even_if;           /* every answer gives the one value in range */
  bool cut;               /* the search met its bound: open is set */
  const uint64_t *facts;  /* bit f: a blank fact the search tried */
  int words;
} eval_settled;

/* For an unknown outcome: a blank fact the search tried, with the outcome
 * each of its answers gives (the other blanks searched in turn): RV_UNKNOWN
 * where that answer leaves it open. */
typedef struct eval_deciding_fact {
  int fact;
  int nanswers;                       /* 2 for yes/no: outcome[RV_NO], outcome[RV_YES] */
  rval outcome[EVAL_MAX_ANSWERS];
} eval_deciding_fact;

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
 * function failed (the row then has no result under this opinion). Blank
 * facts that cannot change a value do not leave it unknown (see "even if"
 * below); when the outcome is unknown, the facts that would decide it are
 * computed too. */
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
/* The pack's `outside` declaration the row met (every answer to the blank
 * facts it names meets it), or -1. A row outside the pack is decided under
 * no opinion: its outcome and disposition read unknown, no node is
 * reached, and callers report it as outside, not undecided. */
int eval_outside(const eval_ctx *c);
/* For a row inside the pack: an `outside` declaration that some answers to
 * the row's blank facts would meet (the row is decided, but might not be
 * the pack's to decide), or -1. */
int eval_maybe_outside(const eval_ctx *c);
rval eval_outcome(const eval_ctx *c);
const char *eval_disposition(const eval_ctx *c); /* NULL when the opinion gives none */
node_state eval_node_state(const eval_ctx *c, int node);
/* The node's value: where its evaluation left it unknown but every answer
 * to the blank facts it reached gives one value, that value. */
/* The node's value: where its evaluation left it unknown but every answer
 * to the blank facts it reached gives one value, that value. */
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

/* How far eval_row settles, and its budget of evaluations per search (<= 0:
 * the default); a row and opinion's searches together get EVAL_ROW_SEARCHES
 * times that, so a row with many blanks stays bounded. Values-only mode
 * settles the outcome only. */
void eval_settle(eval_ctx *c, eval_settle_mode mode, long budget);

/* Evaluations the last eval_row's searches took (0 when nothing was blank). */
long eval_settle_evals(const eval_ctx *c);

/* The search for a node of the last eval_row: false when none ran. */
bool eval_node_settled(const eval_ctx *c, int node, eval_settled *out);

/* For a caller that searches the answers itself (EVAL_SETTLE_NONE, not in
 * values-only mode): the blank yes/no and one-of facts the last eval_row's
 * evaluation read, which the "even if" search would answer next (a bit set
 * of *words words; empty for a row outside the pack). Valid until the next
 * eval_row. */
const uint64_t *eval_blank_reads(const eval_ctx *c, int *words);

/* Whether the last eval_row handed a blank to a rule function: a value
 * known on its face may then still change with the answers to the blanks. */
bool eval_rule_function_blank(const eval_ctx *c);

/* For an unknown outcome: the blank facts the search tried (at most 64).
 * *cut when the row's budget ran out before every one was tried. */
int eval_deciding(const eval_ctx *c, const eval_deciding_fact **facts, bool *cut);

/* Node n's rule under opinion op (with its `open`), decided by Kleene's
 * logic from given values: the row's facts, and nodes[k] for node k
 * (RV_UNKNOWN where not reached). For explaining which change produced a
 * value; records nothing. EVAL_NOT_GIVEN when the node has no rule or its
 * rule is a rule function. */
#define EVAL_NOT_GIVEN ((rval)(RV_UNKNOWN - 1))
rval eval_rule_given(const pack *p, int op, int n, const case_row *row, const rval *nodes);

#endif
