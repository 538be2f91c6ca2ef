/* reach: which facts and nodes an opinion's rules can read from a node.
 *
 * A static walk over the opinion's resolved rules (rule, open, and the
 * condition that sets a finding aside): what-if and the decision table use
 * it to search only the facts that can matter. A rule function (the Lua
 * escape hatch) may read anything, so when one is reachable every fact and
 * node counts as reachable. */
#ifndef RATIO_REACH_H
#define RATIO_REACH_H

#include <stdbool.h>

#include "pack.h"

/* Mark in facts (p->nfacts entries) and nodes (p->nnodes entries) what
 * opinion `op` can read when it decides `node`; marks add to what the
 * arrays already hold. Returns true when a rule function is reachable. */
bool reach_from(const pack *p, int op, int node, bool *facts, bool *nodes);

/* Whether a fact's values can be enumerated (yes/no or one of a list). */
bool reach_enumerable(const pack_fact *f);

/* The number of values of an enumerable fact (2 for yes/no), else 0. */
int reach_nvalues(const pack_fact *f);

/* The elements of a test, for a form that groups its facts: the nodes two
 * steps below each opinion's decided node (a step below has no nodes of
 * its own: that node), in the order the rules of ops[0..nops) name them,
 * each once, then the opinions' disposition nodes; and, after the first
 * element that reads it, each outermost finding that several elements read.
 * Writes the groups' nodes into elements (room for p->nnodes) and returns
 * their count; writes into group_of (p->nfacts entries) the index of the
 * first group whose node reads the fact without passing through another
 * group's node (under the opinion that named it), or -1, and
 * the same for each node into node_group_of (p->nnodes entries; NULL: not
 * wanted), so a finding goes with the element it feeds. */
int reach_groups(const pack *p, const int *ops, int nops, int *elements, int *group_of, int *node_group_of);

#endif
