/* whatif: the smallest changes of facts that would change a row's outcome
 * or disposition under an opinion.
 *
 * The search is breadth-first over sets of changeable facts by size: the
 * yes/no and one-of facts the opinion's rules can reach (those the row's
 * evaluation read come first) and the findings below the row may supply or
 * withdraw. Each set is tried with every combination of other values; for
 * each outcome and each disposition other than the row's own, the sets of
 * the fewest changes that give it are kept, ties all listed. The search is
 * exact while it stays within its budget of evaluations and says how far it
 * got when it has to stop. For an undecided row a second search, over the
 * unknown facts only, says which answers would decide it and how. Changes
 * that take the row outside the pack (its `outside` declarations) give no
 * outcome and are never hits; a row outside the pack is not searched. */
#ifndef RATIO_WHATIF_H
#define RATIO_WHATIF_H

#include <stdbool.h>

#include "cases.h"
#include "err.h"
#include "eval.h"
#include "pack.h"

#define WHATIF_DEFAULT_BUDGET 200000L
#define WHATIF_MAX_HITS 64 /* ties listed per target; the rest are counted */

typedef struct whatif_options {
  long budget; /* evaluations per search; <= 0 means the default */
} whatif_options;

/* One change: a fact's value, or a finding below for a node. For a fact,
 * RV_UNKNOWN means blank; for a finding, RV_UNKNOWN means no finding. */
typedef struct whatif_change {
  bool finding;
  int index; /* fact index, or node index for a finding */
  rval from, to;
} whatif_change;

/* A node on the way from the decided node down to where the change enters
 * the reasoning, with its value before and after. */
typedef struct whatif_step {
  int node;
  node_state from_state, to_state;
  rval from, to;
} whatif_step;

typedef struct whatif_hit {
  whatif_change *changes;
  int nchanges;
  rval outcome;            /* the outcome after the changes */
  const char *disposition; /* after the changes (borrowed from the pack), or NULL */
  whatif_step *path;       /* path[0] is the decided (or disposition) node */
  int npath;
} whatif_hit;

typedef struct whatif_target {
  bool is_disposition;     /* a disposition, else an outcome */
  rval outcome;            /* the outcome aimed at */
  const char *disposition; /* the disposition aimed at (borrowed) */
  int size;                /* the fewest changes that give it; 0: none found */
  bool complete;           /* every set of that size was tried: ties all listed */
  whatif_hit *hits;
  int nhits;
  int more;                /* ties found beyond WHATIF_MAX_HITS */
} whatif_target;

typedef struct whatif_search {
  whatif_target *targets;
  int ntargets;
  int nvars;               /* changeable facts and findings searched */
  int searched;            /* every set of up to this many changes was tried */
  bool bounded;            /* the budget stopped the search before the end */
  long evals;
  long budget;
} whatif_search;

typedef struct whatif_result {
  const pack *p;
  const case_row *row;     /* borrowed */
  int opinion;
  rval outcome;
  const char *disposition;
  whatif_search changes;   /* any changeable fact or finding */
  bool has_answers;        /* the outcome is unknown: `answers` is filled */
  whatif_search answers;   /* only the facts the row leaves unknown */
  int *left_out;           /* reachable facts that cannot be enumerated */
  int nleft_out;
  int outside;             /* the pack's `outside` the row meets, or -1:
                            * then nothing is searched */
} whatif_result;

/* Search for `row` under opinion `op`. Returns 0 with *out set (free it with
 * whatif_free), or -1 with *e set when a rule failed on the row itself. */
int whatif_row(const pack *p, int op, const case_row *row, const whatif_options *opts, whatif_result **out,
               err **e);
void whatif_free(whatif_result *r);

/* One change tried alone that gives the row another outcome. */
typedef struct whatif_flip {
  whatif_change change;
  rval outcome;             /* the outcome after the change */
  const char *disposition;  /* the disposition after it (borrowed), or NULL */
  whatif_step *path;        /* with paths: path[0] is the decided node, the */
  int npath;                /*   last the node where the change enters */
} whatif_flip;

typedef struct whatif_flips {
  rval outcome;             /* the row's own outcome and disposition */
  const char *disposition;
  int outside;              /* the pack's `outside` the row meets, or -1:
                             * then nothing is tried */
  int tried;                /* single changes tried */
  whatif_flip *flips;       /* in the order tried: facts the row's */
  int nflips;               /*   evaluation read first, then findings */
} whatif_flips;

/* Every change of one changeable fact or finding (the changes whatif_row
 * searches first), each tried alone under opinion op: those that give the
 * row another outcome, a change that takes it outside the pack giving
 * none. With `paths`, each with the nodes that flip, as a hit's. A change
 * on which a rule fails gives nothing. Returns 0 with *out set (free it
 * with whatif_flips_free), or -1 with *e set when a rule failed on the
 * row itself. */
int whatif_single(const pack *p, int op, const case_row *row, bool paths, whatif_flips **out, err **e);
void whatif_flips_free(whatif_flips *f);

/* A case row with its own arrays, for trying changes on a copy. */
typedef struct whatif_rowbuf {
  case_row row;
  int nfacts, nnodes;
} whatif_rowbuf;

/* Copy `src` (its facts, findings and ids; expectations are dropped) into
 * b, allocating b's arrays; free them with whatif_rowbuf_free. */
void whatif_rowbuf_init(whatif_rowbuf *b, const pack *p, const case_row *src);
/* Reset b to `src`, then apply the changes. */
void whatif_rowbuf_apply(whatif_rowbuf *b, const case_row *src, const whatif_change *ch, int n);
void whatif_rowbuf_free(whatif_rowbuf *b);

#endif
