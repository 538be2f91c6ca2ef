/* interview: a guided interview over a pack's facts (ratio ask).
 *
 * From a starting row (blank, or a case file's row varied by --set), the
 * interview picks the next fact to ask: the blank fact whose answer can
 * still change the most opinions' results. For each opinion it searches
 * the answers to the blank yes/no and one-of facts its rules read, as the
 * evaluator's "even if" search does, and keeps, for every blank fact and
 * answer, which results stay possible. An opinion is settled when every
 * remaining answer gives it one result (outcome and disposition, or
 * outside the pack); the interview is over when every opinion is settled
 * or nothing left to ask could change one. Answers are kept as steps, so
 * the last can be taken back.
 *
 * Never formats anything and never touches the Lua stack: the command
 * asks, and prints what this module computed. */
#ifndef RATIO_INTERVIEW_H
#define RATIO_INTERVIEW_H

#include <stdbool.h>

#include "cases.h"
#include "err.h"
#include "eval.h"
#include "pack.h"

/* Evaluations per opinion for each choice of question (<= 0 in
 * interview_new: this): past it the search stops, and what it did not
 * reach counts as still open. */
#define INTERVIEW_BUDGET 20000L

/* One answer given in the interview. */
typedef struct interview_step {
  int fact;
  char *answer;   /* owned: the answer as a case-file cell ("yes", "liberty",
                   * "8", "1986-01-21"); "" for unknown */
} interview_step;

/* How far an opinion is decided by the answers so far. */
typedef struct interview_opinion {
  int opinion;
  bool settled;      /* every remaining answer gives it the same result */
  bool cut;          /* the search met its budget: open may be too wide */
  int can_decide;    /* blank facts one of whose answers would settle it */
} interview_opinion;

/* Why a fact is asked: what reads it and which opinions it bears on. */
typedef struct interview_why {
  int fact;
  int *nodes;        /* the elements whose own rule reads it, under the */
  int nnodes;        /*   opinions it bears on, in declaration order */
  int *outside;      /* the pack's `outside` declarations that name it */
  int noutside;
  int *decides;      /* opinions (indexes) some answer to it would settle */
  int ndecides;
  int *bears;        /* opinions it can change otherwise (not settle alone) */
  int nbears;
} interview_why;

/* What an opinion's result turns on at the end: the element, and its value. */
typedef struct interview_result {
  int opinion;
  int outside;             /* the pack's `outside` the answers meet, or -1 */
  rval outcome;
  const char *outcome_name;
  const char *disposition; /* NULL when the opinion gives none */
  int turns_on;            /* the node it turns on, or -1 */
  rval turns_on_value;
  const char *turns_on_value_name;
  const char *turns_on_says; /* the element's sentence for its value, or NULL
                              * (owned by the interview: valid until the next
                              * interview_results) */
} interview_result;

typedef struct interview interview;

/* An interview over opinions ops[0..nops) (copied), starting from `start`
 * (copied; NULL: every fact blank). The pack must outlive it; the caller
 * frees it with interview_free. `budget` as INTERVIEW_BUDGET. */
interview *interview_new(const pack *p, const int *ops, int nops, const case_row *start, long budget);
void interview_free(interview *iv);

/* The fact to ask next (*fact), or -1 when the interview is over. Returns
 * 0, or -1 with *e set when a rule function failed on the answers. */
int interview_next(interview *iv, int *fact, err **e);

/* Answer `fact` with `text`, read as a case-file cell is ("y" is yes; "",
 * "?" or "unknown" leave it unknown, and it is not asked again). Returns
 * 0, or -1 with *e set (the message a cell would get; nothing changes). */
int interview_answer(interview *iv, int fact, const char *text, err **e);

/* Take back the last answer. False when there is none. */
bool interview_back(interview *iv);

/* The answers so far, in order (valid until the next answer or back). */
int interview_steps(const interview *iv, const interview_step **steps);

/* The row the answers make: the starting row with every answer applied.
 * Valid until the next answer or back. */
const case_row *interview_row(const interview *iv);

/* Each opinion's state after the last interview_next, in the order given
 * to interview_new. */
const interview_opinion *interview_opinions(const interview *iv);

/* Why `fact` is asked (after interview_next chose it). Fills *w with
 * arrays the caller frees with interview_why_free. */
void interview_why_of(const interview *iv, int fact, interview_why *w);
void interview_why_free(interview_why *w);

/* Each opinion's result on the answers so far, as `ratio eval` decides the
 * row ("even if" included), with the element it turns on: out has room for
 * nops results. Returns 0, or -1 with *e set when a rule function failed. */
int interview_results(interview *iv, interview_result *out, err **e);

#endif
