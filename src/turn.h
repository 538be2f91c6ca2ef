/* turn: where an opinion's reasoning turns, read from eval's record of a
 * row. One walk, for every output that names it: the explanation's "turns
 * on" (eval, brief, the page), the quiz's answer key and the elements an
 * answer may name, the interview's results.
 *
 * Going down from the node the opinion decides, a step goes from a node
 * to a child that settles it: for a node with a value, a child with a
 * value without which its rule would give another (left unknown, the
 * child would change it); for a node left open, a child left unknown some
 * answer to which would decide it. Elements that name a value (a state of
 * mind) are read through the element that uses them. The walk ends at a
 * question the opinion leaves open or decides by a rule of its own (an
 * override that changes the rule), at a finding below, or where no step
 * goes further. Where several steps could be taken, it takes the one whose
 * end is best: where the opinion parts from the opinion it builds on (or
 * leaves the question open), then the longest walk, then the most
 * reasoning under the step, then the first. */
#ifndef RATIO_TURN_H
#define RATIO_TURN_H

#include <stdbool.h>

#include "cases.h"
#include "eval.h"
#include "pack.h"

/* The walk's scratch, per pack node; reused from row to row. */
typedef struct turn_walk turn_walk;

turn_walk *turn_new(const pack *p);
void turn_free(turn_walk *w);

/* The node the outcome of ec's last row (`row`, under ec's opinion) turns
 * on: the end of the best walk from the decided node, which is the decided
 * node itself when nothing below settles it. */
int turn_find(turn_walk *w, const eval_ctx *ec, const case_row *row);

/* After turn_find on the same row: mark in accepted[] (per pack node, set
 * to true, never cleared) every element of that line of reasoning: each
 * element on the best walks (all of them where several rank the same),
 * the end, and what the end rests on (every element a walk of settling
 * steps reaches below it). The decided node itself is not marked. Returns
 * how many nodes accepted[] now holds. */
int turn_accepted(turn_walk *w, bool *accepted);

#endif
