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
  bool presumed;     /* the row left it blank: `value` is the pack's default */
} explain_fact;

typedef struct explain_node {
  int node;                 /* index into the pack's nodes */
  node_state state;
  rval value;
  const char *value_name;   /* "yes", "no", a value name, or "unknown" */
  bool open;                /* the opinion left the question open */
  bool set_aside;           /* a finding below was supplied but did not bind */
  const char *sentence;     /* NULL when the pack gives none for this value */
  const char *title;        /* the opinion's own heading (an override's), or NULL */
  const int *by;            /* authority indexes (borrowed from the pack) */
  int nby;
  explain_fact *facts;      /* the facts its own rule read */
  int nfacts;
  struct explain_node **kids;
  int nkids;
  /* "even if": what the search over the blank facts found (eval.h) */
  bool settled;             /* a search ran: the node was unknown on its face */
  bool even_if;             /* every answer gives `value` */
  uint64_t range;           /* bit v: some answer gives value v */
  bool range_open;          /* some answer leaves it unknown */
  bool search_cut;          /* the search met its bound */
  explain_fact *immaterial; /* for even_if: blank facts that do not matter, */
  int nimmaterial;          /*   less those a node below already explains */
} explain_node;

/* How one blank fact bears on an undecided outcome. */
typedef enum {
  DECIDES_ALWAYS,    /* every answer decides it */
  DECIDES_SOMETIMES, /* some answers decide it, others leave it open */
  DECIDES_NEVER      /* no answer alone decides it */
} decides_kind;

typedef struct explain_deciding {
  int fact;
  int col;
  decides_kind kind;
  int nanswers;
  const rval *outcome;      /* per answer: the outcome it gives, RV_UNKNOWN if open */
} explain_deciding;

typedef struct explain_tree {
  const pack *p;
  int opinion;
  const case_row *row;      /* borrowed: valid while the row is */
  int outside;              /* the pack's `outside` the row met, or -1: then
                             * nothing is decided or reached */
  int maybe_outside;        /* one that some answers to blank facts would meet, or -1 */
  explain_node *root;       /* the node the opinion decides */
  rval outcome;
  const char *outcome_name;
  const char *disposition;  /* NULL when the opinion gives none */
  explain_node *disposition_root; /* the disposition node, or NULL */
  explain_deciding *deciding; /* for an unknown outcome: each blank fact that bears on it */
  int ndeciding;
  bool search_cut;          /* a search over the blank facts met its bound */
  explain_fact *untried;    /* for an unknown outcome: blank facts the rules read */
  int nuntried;             /*   whose answers are not tried (numbers, dates, text) */
  explain_fact *outcome_immaterial; /* root->even_if: every blank fact the */
  int noutcome_immaterial;          /*   outcome's search tried */
  explain_node *turns_on;   /* the element the outcome turns on (turn.h): down
                             * from the root, the elements that settle each step,
                             * ending where the opinion parts from its base or
                             * leaves a question open; the root when none
                             * settles it */
  struct explain_mem *mem;  /* owned: everything above lives here */
  struct turn_walk *turn;   /* owned: the walk's scratch */
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

/* Whether the row left the fact blank and the pack presumes an answer. */
bool explain_presumed(const pack *p, const case_row *row, int fact);

/* The name of answer x of a yes/no or one-of fact ("yes", "prisoner"). */
const char *explain_answer_name(const pack_fact *f, rval x);

/* A node's heading: its title, or its name with underscores as spaces
 * (written into buf). */
const char *explain_node_title(const pack_node *n, char *buf, size_t bufsz);

#endif
