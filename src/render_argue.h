/* render_argue: what the renderers of arguments (ratio distinguish and
 * ratio brief) share: how a fact's answer or a finding reads, a party, a
 * decided case's short name, a list of opinions. Part of the output layer:
 * below the formats that use it, above render.c. */
#ifndef RATIO_RENDER_ARGUE_H
#define RATIO_RENDER_ARGUE_H

#include <stdbool.h>
#include <stdio.h>

#include "distinguish.h"
#include "pack.h"
#include "render_jansson.h"

/* "the plaintiff", "the defendant", "neither side". */
const char *render_party(pack_party party);

/* An answer as a sentence: a fact's (the pack's says, or its question and
 * the answer; NULL when left blank), or a finding's ("State of mind:
 * negligent, as found below.", "State of mind: not reached."). The caller
 * frees it. */
char *render_answer(const pack *p, bool finding, int index, rval v, node_state state);

/* The name of the fact or the finding's node. */
const char *render_item_name(const pack *p, bool finding, int index);

/* A decided case's short name: its title up to the citation ("Davidson v.
 * Cannon, 474 U.S. 344 (1986)" reads "Davidson v. Cannon"), or its id. The
 * caller frees it. */
char *render_case_name(const case_row *row);

/* Opinions by name, "a", "a and b", "a, b and c": ops are positions in the
 * run's list `all`. */
void render_opinion_names(FILE *out, const pack *p, const int *all, const int *ops, int n);

/* An outcome as prose: "no, for the defendant (affirm)", "unknown (vacate
 * and remand)", "outside this pack". */
void render_outcome_words(FILE *out, const pack *p, int op, rval outcome, const char *disposition, bool outside);

/* Where an argument is written, and about which comparison. */
typedef struct argue_doc {
  FILE *out;
  const pack *p;
  const distinguish_result *r;
  bool md;
} argue_doc;

/* A distinction of precedent c: the fact, the problem's answer, the
 * precedent's, and whom it helps under which opinion; each line begins
 * with pad. */
void render_argue_distinction(const argue_doc *d, const distinguish_precedent *c, const distinguish_fact *f,
                              const char *pad);

/* A fact the problem shares with a precedent, with the opinions it matters
 * under when not all. */
void render_argue_analogy(const argue_doc *d, const distinguish_fact *f, const char *pad);

/* The three moves of one side: cite, the other side's answer, the rebuttal. */
void render_argue_moves(const argue_doc *d, const distinguish_argument *a);

/* JSON: a list of opinions by name (positions in r's list); a fact in
 * common or a distinction; a move (null when it has no precedent). */
json_t *render_argue_opinions_json(const pack *p, const distinguish_result *r, const int *ops, int n);
json_t *render_argue_fact_json(const pack *p, const distinguish_result *r, const distinguish_fact *f);
json_t *render_argue_move_json(const pack *p, const distinguish_result *r, const distinguish_move *m,
                               bool distinctions);
/* One side's argument, its four moves as JSON objects: {"cite", "counter",
 * "answer", "rebut"}, after "side" when with_side. */
json_t *render_argue_json(const pack *p, const distinguish_result *r, const distinguish_argument *a, bool with_side);

#endif
