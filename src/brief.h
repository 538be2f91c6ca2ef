/* brief: an argument outline for one side of a case, element by element.
 *
 * Which party each outcome favours is the pack's (favours on the node an
 * opinion decides). The contested elements are where the opinions part
 * (compare) and where one fact alone flips an outcome (whatif_single). At
 * each: how every opinion decides the element (its explanation: sentence,
 * facts relied on, authorities), grouped into the side's argument, what is
 * left open, and the other side's; the facts the side must defend (single
 * changes that move an outcome against it) and those the other side must
 * (changes that move one toward it), each with where it enters each
 * opinion's reasoning, and the opinions that favour the side and that it
 * leaves unmoved: the "even if"; and the closest decided cases in which
 * the element came out the same way (distinguish). Never formats anything. */
#ifndef RATIO_BRIEF_H
#define RATIO_BRIEF_H

#include <stdbool.h>

#include "cases.h"
#include "compare.h"
#include "distinguish.h"
#include "err.h"
#include "explain.h"
#include "pack.h"
#include "whatif.h"

/* Opinions are positions in the result's list of opinions. */

/* How some opinions decide an element: alike in value, sentence and
 * authorities. */
typedef struct brief_view {
  int *ops;
  int nops;
  const explain_node *x;    /* the element in the first one's explanation */
  int lean;                 /* its outcome: +1 for the side, -1 for the other, 0 neither */
  int precedent;            /* the closest decided case in which the element */
  int precedent_op;         /*   came out this way under one of these opinions,
                             *   whose result there favoured the same side as
                             *   here (index into precedents), or -1 */
} brief_view;

/* What one change does under one opinion. */
typedef struct brief_effect {
  int op;
  rval before, after;       /* the outcome */
  int node;                 /* where the change enters the opinion's reasoning */
  node_state from_state, to_state;
  rval from, to;            /* that node's value before and after */
  const char *sentence;     /* that node's sentence after the change, or NULL */
} brief_effect;

/* A single change of a fact or a finding that moves some outcome. */
typedef struct brief_pivot {
  whatif_change change;     /* change.to: the first of the answers in to */
  rval *to;                 /* every answer that does the same (the same */
  int nto;                  /*   opinions moved the same way at the same node) */
  brief_effect *effects;    /* the opinions whose outcome it moves, */
  int neffects;             /*   against the side (defend) or toward it (press) */
  int *unmoved;             /* opinions whose outcome favours the side and */
  int nunmoved;             /*   that it leaves as it is: the "even if" (for a
                             *   change toward the side: the fact the other
                             *   side relies on does not matter to them) */
} brief_pivot;

typedef struct brief_element {
  int node;
  bool parted;              /* some opinions part here */
  brief_view *views;        /* the side's first, then those that leave it */
  int nviews;               /*   open, then the other side's */
  brief_pivot *defend;      /* changes that would move an outcome against */
  int ndefend;              /*   the side: the facts it must defend */
  brief_pivot *press;       /* changes that would move one toward it: the */
  int npress;               /*   facts the other side must defend */
} brief_element;

/* A node an opinion favouring the side decided whatever the blank facts
 * are: an "even if" from the evaluator's search. */
typedef struct brief_even_if {
  int op;
  const explain_node *x;
} brief_even_if;

typedef struct brief_result {
  const pack *p;
  const case_row *row;      /* borrowed: valid while the row is */
  pack_party side;
  int nops;
  const int *ops;           /* opinion indexes, in output order */
  explain_tree *const *trees; /* per opinion: the row's explanation */
  int *lean;                /* per opinion: +1 its outcome favours the side, -1 the other, 0 neither */
  brief_element *elements;  /* where the opinions part first, then the */
  int nelements;            /*   elements one fact flips */
  brief_even_if *even_if;
  int neven_if;
  const distinguish_result *precedents; /* the row against the decided cases */
  const distinguish_argument *argument; /* the side's three moves */
} brief_result;

typedef struct brief_ctx brief_ctx;

/* Whether every opinion's outcome says which party its answers favour;
 * if not, 0 is returned with *e at the node (and its pack line), with
 * the fix. */
bool brief_pack_ready(const pack *p, const int *ops, int nops, err **e);

/* A context for briefs for `side` under opinions ops (copied), arguing
 * from the decided cases of lib. Free with brief_free; the pack and the
 * library must outlive it. */
brief_ctx *brief_new(const pack *p, const distinguish_library *lib, const int *ops, int nops, pack_party side);
void brief_free(brief_ctx *c);

/* The brief for `row`. Returns the result (owned by c, valid until the
 * next call), or NULL with *e set when a rule failed on the row. */
const brief_result *brief_row(brief_ctx *c, const case_row *row, err **e);

#endif
