/* quiz: what ratio quiz asks and how it grades, below the command line.
 *
 * For a fact pattern, the answer key: each opinion's outcome and the
 * elements that outcome turns on (defined below, from the same record the
 * explanation is built from). Reading a student's answer (a choice's
 * number or its name) and grading it. And hypotheticals drawn near the
 * boundaries of the decision space, where the opinions part ways or where
 * one fact changes an opinion's outcome, from a seed: a generator with its
 * state in the caller's hands, so the same pack, base rows and seed give
 * the same hypotheticals on every machine.
 *
 * Decides through eval (never the Lua stack) and formats nothing: the
 * quiz renderer (render_quiz.c) shows what is here. */
#ifndef RATIO_QUIZ_H
#define RATIO_QUIZ_H

#include <stdbool.h>
#include <stdint.h>

#include "cases.h"
#include "err.h"
#include "eval.h"
#include "explain.h"
#include "pack.h"

/* ---- a seeded generator ----------------------------------------------------- */

/* splitmix64: small, fast, and the same sequence everywhere; its whole
 * state is this one word, which the caller owns. */
typedef struct quiz_rng {
  uint64_t state;
} quiz_rng;

void quiz_rng_seed(quiz_rng *g, uint64_t seed);
uint64_t quiz_rng_next(quiz_rng *g);
/* A number from 0 to n - 1 (n > 0), every one equally likely. */
uint64_t quiz_rng_below(quiz_rng *g, uint64_t n);

/* ---- the answer key ----------------------------------------------------------- */

/* One opinion's answer to a fact pattern.
 *
 * The element the outcome turns on is found as the explanation reads:
 * going down from the node the opinion decides, a step goes from a node
 * to a child that settles it, that is, for a node with a value, a child
 * with a value without which its rule would give another (left unknown,
 * the child would change it); for a node left open, a child left unknown
 * some answer to which would decide it. Elements that name a value (a
 * state of mind) are read through the element that uses them. The walk
 * ends at a question the opinion leaves open or decides by a rule of its
 * own (an override that changes the rule), at a finding below, or where
 * no step goes further. Where several steps could be taken, it takes the
 * one whose end is best: where the opinion parts from the opinion it
 * builds on (or leaves the question open), then the longest walk, then
 * the most reasoning under the step; the end reached is `turns_on`.
 *
 * An answer is right when it names an element of that line of reasoning
 * (`accepted`): turns_on, an element on the way down to it, what it rests
 * on (every element a walk of settling steps reaches below it), and the
 * same for any other step that ranks as well as the one taken. Another
 * element that merely also holds or fails (state action in a claim that
 * fails on deprivation) does not count. */
typedef struct quiz_key {
  int opinion;
  err *error;               /* owned: a rule failed; nothing is asked */
  rval outcome;             /* RV_UNKNOWN: left open */
  const char *outcome_name; /* borrowed from the pack, or "unknown" */
  const char *disposition;  /* borrowed, or NULL */
  int turns_on;             /* node, or -1: nothing below the outcome
                             * settles it, and the element is not asked */
  bool *accepted;           /* per pack node: an answer naming it is right */
  int naccepted;
  explain_tree *tree;       /* the explanation, for a miss */
} quiz_key;

/* A fact pattern's answer key under every opinion of the quiz, and the
 * choices a student picks from. */
typedef struct quiz_round {
  const pack *p;
  const case_row *row;      /* borrowed */
  int outside;              /* the pack's `outside` the row meets, or -1:
                             * then nothing is asked */
  quiz_key *keys;           /* one per opinion, in the quiz's order */
  int nkeys;
  int *elements;            /* the element choices (node indexes): every
                             * element some opinion reached below its
                             * outcome, in the order of an outline */
  int *element_depth;       /* each one's depth in that outline, from 0 */
  int nelements;
} quiz_round;

typedef struct quiz quiz;

/* A quiz over opinions ops[0..nops) of p. The caller frees it with
 * quiz_free; p and ops must outlive it. */
quiz *quiz_new(const pack *p, const int *ops, int nops);
void quiz_free(quiz *q);

/* The answer key of `row`, valid until the next call (or quiz_free); the
 * row must outlive it. An opinion whose rule fails on the row gets the
 * error in its key. */
const quiz_round *quiz_round_build(quiz *q, const case_row *row);

/* Whether key k asks for the element (something below the outcome
 * settles it). */
bool quiz_asks_element(const quiz_round *r, int k);

/* ---- answers ------------------------------------------------------------------------ */

#define QUIZ_NO_ANSWER (-2) /* not answered, for outcome and element alike */

/* The outcome choices of key k: the values of the node it decides, then
 * "unknown". */
int quiz_outcome_choices(const quiz_round *r, int k);
/* Choice i (0-based) as a value: a value index, or RV_UNKNOWN. */
rval quiz_outcome_choice(const quiz_round *r, int k, int i);

/* Read an answer to the outcome of key k: a choice's number (from 1) or
 * a value's name ("unknown" and "open" for RV_UNKNOWN), in any case.
 * Returns 0 with *out set, or -1 when the text is none of them. */
int quiz_parse_outcome(const quiz_round *r, int k, const char *text, rval *out);

/* Read an answer naming an element: a choice's number (from 1), a node's
 * name or title (any case, spaces for '_'), or the start of exactly one of
 * them. Returns 0 with *node set, or -1 when the text names none or
 * several. */
int quiz_parse_element(const quiz_round *r, const char *text, int *node);

/* ---- grading ------------------------------------------------------------------------ */

typedef struct quiz_grade {
  bool outcome_right;
  bool element_right;  /* also true when the element is not asked */
} quiz_grade;

/* Grade answers to key k: an outcome (a value, RV_UNKNOWN, or
 * QUIZ_NO_ANSWER) and an element (a node, or QUIZ_NO_ANSWER). */
quiz_grade quiz_grade_answer(const quiz_round *r, int k, rval outcome, int element);

/* ---- hypotheticals near the boundaries ------------------------------------------- */

/* A generated fact pattern and the boundary it lies on. */
typedef struct quiz_hyp {
  case_row *row;      /* owned: free with quiz_hyps_free */
  int base;           /* the base row it varies, or -1 */
  bool disagree;      /* the opinions decide it differently */
  /* One change of a fact that changes an opinion's outcome (chosen among
   * them, those that change some opinions and not others first), or
   * flip_opinion -1 when none does. */
  int flip_opinion;   /* index into the quiz's opinions */
  int flip_fact;
  rval flip_from, flip_to, flip_outcome;
} quiz_hyp;

#define QUIZ_TRIES 400 /* candidates drawn per hypothetical before giving up */
#define QUIZ_MAX_BASES 100000 /* base rows read for quiz_generate */

/* The rows quiz_generate varies: the readable rows of the case files
 * paths[0..npaths) (a pack's own, p->cases, when the command line gives
 * none), each copied by cases_set_row; rows that cannot be read are left
 * out, and reading stops at QUIZ_MAX_BASES. Returns 0 with *out (*nout
 * rows, which the caller frees with quiz_bases_free), or -1 with *e when a
 * file cannot be read (then nothing is left to free). */
int quiz_read_bases(const pack *p, const char *const *paths, int npaths, case_row ***out, int *nout, err **e);
void quiz_bases_free(case_row **bases, int n);

/* A seed when none is given: from the clock and the process, short
 * enough to read out to a class (below 1000000), to be shown with the
 * quiz so that it can be given again. */
uint64_t quiz_fresh_seed(void);

/* Draw `count` hypotheticals for the opinions ops[0..nops) from `seed`.
 * Each varies a base row drawn from bases[0..nbases) (its facts, not its
 * findings: a hypothetical states facts) by one or two facts that some
 * opinion reads, or, without base rows, answers every yes/no and one-of
 * fact the opinions can reach at random. A candidate is kept only if it is
 * near a boundary (quiz_near_boundary), inside the pack, decided without a
 * rule failing, and unlike the hypotheticals before it; every other even
 * one must have the opinions disagree when some candidate does. Facts no
 * opinion reads are then left blank, which changes no result. Returns 0
 * with *out (count entries), or -1 with *e when no candidate was found
 * within QUIZ_TRIES draws. */
int quiz_generate(const pack *p, const int *ops, int nops, const case_row *const *bases, int nbases, uint64_t seed,
                  int count, quiz_hyp **out, err **e);
void quiz_hyps_free(quiz_hyp *h, int n);

/* Whether `row` is near a boundary: the opinions ops[0..nops) decide it
 * differently, or one change of a yes/no or one-of fact they can reach
 * changes some opinion's outcome. Rule failures and rows outside the pack
 * count as not near. */
bool quiz_near_boundary(const pack *p, const int *ops, int nops, const case_row *row);

#endif
