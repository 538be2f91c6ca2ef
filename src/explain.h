/* explain: the explanation tree of one row under one opinion.
 *
 * Built from the evaluator's record: each node with its value, how it was
 * decided, its sentence (the pack's template with facts and values filled
 * in), its authorities, the facts it relied on, and its children. Nodes
 * shared by several parents appear once and are linked from each. Renderers
 * print trees; they never evaluate. */
#ifndef RATIO_EXPLAIN_H
#define RATIO_EXPLAIN_H

#include <stdbool.h>

#include "cases.h"
#include "eval.h"
#include "pack.h"

typedef struct explain_fact {
  int fact;          /* index into the pack's facts */
  const char *value; /* its value as text, "unknown" when blank */
  int col;           /* the case file column, 0 when none */
} explain_fact;

typedef struct explain_node {
  int node;                 /* index into the pack's nodes */
  node_state state;
  rval value;
  const char *value_name;   /* "yes", "no", a value name, or "unknown" */
  bool open;                /* the opinion left the question open */
  bool set_aside;           /* a finding below was supplied but did not bind */
  const char *sentence;     /* NULL when the pack gives none for this value */
  const int *by;            /* authority indexes (borrowed from the pack) */
  int nby;
  explain_fact *facts;      /* the facts its own rule read */
  int nfacts;
  struct explain_node **kids;
  int nkids;
} explain_node;

typedef struct explain_tree {
  const pack *p;
  int opinion;
  const case_row *row;      /* borrowed: valid while the row is */
  explain_node *root;       /* the node the opinion decides */
  rval outcome;
  const char *outcome_name;
  const char *disposition;  /* NULL when the opinion gives none */
  explain_node *disposition_root; /* the disposition node, or NULL */
  explain_fact *deciding;   /* for an unknown outcome: what would decide it */
  int ndeciding;
  bool deciding_alone;      /* any one of them alone would; else all together */
  struct explain_mem *mem;  /* owned: everything above lives here */
} explain_tree;

/* A reusable tree for a pack; free with explain_free. */
explain_tree *explain_new(const pack *p);
void explain_free(explain_tree *t);

/* Fill t from the evaluator's record of the last eval_row on `row`. The
 * previous contents of t are discarded; memory is reused. */
void explain_build(explain_tree *t, const eval_ctx *c, const case_row *row);

/* A fact's value in a row as text ("yes", "prisoner", "8", "unknown"); the
 * result is borrowed from the pack, the row or buf. */
const char *explain_fact_text(const pack *p, const case_row *row, int fact, char *buf, size_t bufsz);

/* A node's heading: its title, or its name with underscores as spaces
 * (written into buf). */
const char *explain_node_title(const pack_node *n, char *buf, size_t bufsz);

#endif
