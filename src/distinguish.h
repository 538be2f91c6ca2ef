/* distinguish: the decided cases closest to a problem in the facts that
 * matter, what makes each like or unlike it, and the argument by analogy
 * each side can make from them.
 *
 * A fact, or a finding below, matters under an opinion when changing it
 * alone changes that opinion's outcome for the problem or for the
 * precedent (whatif_single): materiality comes from the opinions' rules,
 * never from how many columns two rows share. For each precedent the facts
 * that matter and agree are the analogy; those that matter and differ are
 * the distinctions, each with the party the problem's answer helps under
 * each opinion (found by putting the precedent's answer into the problem,
 * and the problem's into the precedent). Precedents are ranked by their
 * distinctions, counted once per opinion under which each matters (one
 * that a case does not answer, or whose swap alone moves no outcome,
 * counts half); then by the
 * facts they share, counted the same way; then in the order of the
 * library. The three moves of the case-based tutors (HYPO, CATO)
 * follow for each side: cite the closest case whose result favours it, the
 * other side's answer (its closest counter-example, and what sets the
 * cited case apart), and the rebuttal (what sets the counter-example
 * apart). Never formats anything. */
#ifndef RATIO_DISTINGUISH_H
#define RATIO_DISTINGUISH_H

#include <stdbool.h>

#include "cases.h"
#include "err.h"
#include "eval.h"
#include "pack.h"

/* ---- the library of decided cases ----------------------------------------- */

typedef struct distinguish_library distinguish_library;

/* Read the decided cases: every row of the n files at `paths`, or with
 * n == 0 of the pack's own decided files (pack { decided = ... }). Returns
 * the library (the caller frees it with distinguish_library_free; the pack
 * must outlive it), or NULL with *e set: a file or a row that cannot be
 * read, or no decided case at all. */
distinguish_library *distinguish_library_load(const pack *p, const char *const *paths, int n, err **e);
void distinguish_library_free(distinguish_library *lib);

/* The number of decided cases, and the files they come from. */
int distinguish_library_size(const distinguish_library *lib);
int distinguish_library_files(const distinguish_library *lib, const char *const **paths);

/* ---- the comparison ------------------------------------------------------- */

/* A party an answer helps, as far as one swap tells. */
typedef enum {
  HELPS_NONE = 0, /* alone, the swap changes neither outcome (or the pack
                   * does not say who wins) */
  HELPS_PLAINTIFF,
  HELPS_DEFENDANT,
  HELPS_BOTH      /* it moves the problem one way and the precedent the other */
} distinguish_helps;

/* One fact, or finding below, that matters, as the problem and a precedent
 * have it. Opinions are positions in the result's list of opinions. */
typedef struct distinguish_fact {
  bool finding;             /* a finding below: index is a node */
  int index;                /* the fact, or the node */
  /* A fact's answer (RV_UNKNOWN: left blank); a finding's value in the
   * case under the opinions listed, with how it was decided (NODE_FOUND:
   * found below; NODE_DERIVED: from the facts). */
  rval problem, precedent;
  node_state problem_state, precedent_state;
  int *ops;                 /* the opinions under which it matters and */
  int nops;                 /*   the two cases compare this way */
  /* distinctions only, per entry of ops: */
  distinguish_helps *helps; /* the party the problem's answer helps */
  rval *problem_if;         /* the problem's outcome with the precedent's answer */
  rval *precedent_if;       /* the precedent's outcome with the problem's answer */
} distinguish_fact;

typedef struct distinguish_precedent {
  const case_row *row;      /* owned by the library */
  const char *source;       /* the file it is read from */
  int index;                /* its place in the library */
  rval *outcome;            /* per opinion: its outcome, its disposition */
  const char **disposition; /*   (NULL when none), and whether it is */
  bool *outside;            /*   outside the pack */
  bool *carries;            /* per opinion: the problem comes out the same */
  /* In half units, once per opinion the fact matters under: a distinction
   * counts 2, or 1 when one case does not say or when the swap alone moves
   * neither outcome; a fact in common 2. */
  int distance;
  int shared;
  distinguish_fact *analogy;      /* in the order of the pack's facts, */
  int nanalogy;                   /*   then its findings */
  distinguish_fact *distinctions; /* those that help a side first, then */
  int ndistinctions;              /*   those that alone change nothing */
  /* Each node's state and value under each opinion (nops * nnodes), for a
   * brief that asks whether an element came out the same there. */
  const node_state *states;
  const rval *values;
} distinguish_precedent;

/* A case from the library left out of the ranking, and why. */
typedef struct distinguish_left_out {
  const case_row *row;
  const char *source;
  const char *why;          /* "the problem's own facts", or a rule's error */
} distinguish_left_out;

/* One move: a precedent, the opinions under which its result favours the
 * side that cites it, and the facts it rests on (indexes into the
 * precedent's analogy, for a citation, or its distinctions, for a
 * distinguishing). precedent is -1 when there is none. */
typedef struct distinguish_move {
  int precedent;            /* index into the result's precedents */
  int *ops;
  int nops;
  int *facts;
  int nfacts;
} distinguish_move;

/* The three moves for one side. */
typedef struct distinguish_argument {
  pack_party side;
  distinguish_move cite;    /* 1. the closest case whose result favours it */
  distinguish_move counter; /* 2. the other side's closest counter-example */
  distinguish_move answer;  /* 2. what sets the cited case apart, for the other side */
  distinguish_move rebut;   /* 3. what sets the counter-example apart, for this side */
} distinguish_argument;

typedef struct distinguish_result {
  const pack *p;
  const case_row *problem;  /* borrowed: valid while the row is */
  int nops;
  const int *ops;           /* opinion indexes, in output order */
  rval *outcome;            /* the problem's, per opinion */
  const char **disposition;
  bool *outside;
  const node_state *states; /* the problem's nodes, nops * nnodes */
  const rval *values;
  distinguish_precedent *precedents; /* closest first */
  int nprecedents;
  distinguish_left_out *left_out;
  int nleft_out;
  bool decided;             /* some opinion decides the problem (it is not
                             * outside the pack under every one) */
  bool favours;             /* the pack says who wins and the problem is
                             * decided: args are filled */
  distinguish_argument args[2]; /* the plaintiff's, then the defendant's */
} distinguish_result;

typedef struct distinguish_ctx distinguish_ctx;

/* A context comparing problems with the library under opinions ops
 * (copied). Free with distinguish_free; the pack and the library must
 * outlive it. The precedents are decided once, on the first problem. */
distinguish_ctx *distinguish_new(const pack *p, const distinguish_library *lib, const int *ops, int nops);
void distinguish_free(distinguish_ctx *c);

/* Compare `problem` with every decided case. Returns the result (owned by
 * c, valid until the next call), or NULL with *e set when a rule failed on
 * the problem. A precedent on which a rule fails is left out, and said. */
const distinguish_result *distinguish_row(distinguish_ctx *c, const case_row *problem, err **e);

/* The party an opinion's outcome favours (PARTY_UNSAID: unknown, outside,
 * or the pack does not say). */
pack_party distinguish_winner(const pack *p, int op, rval outcome, bool outside);

/* Whether two rows state the same facts and findings. */
bool distinguish_same_facts(const pack *p, const case_row *a, const case_row *b);

#endif
