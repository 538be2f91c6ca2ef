/* reach: the facts and nodes an opinion's rules can read. */
#include "reach.h"

#include <stdlib.h>

static bool walk_node(const pack *p, const pack_opinion *o, int n, bool *facts, bool *nodes, int depth);

static bool walk_expr(const pack *p, const pack_opinion *o, const expr *x, bool *facts, bool *nodes, int depth) {
  if (!x) return false;
  bool lua = x->kind == EXPR_LUA;
  if (x->kind == EXPR_REF || x->kind == EXPR_IS || x->kind == EXPR_CMP) {
    if (x->ref.is_node) lua |= walk_node(p, o, x->ref.index, facts, nodes, depth + 1);
    else facts[x->ref.index] = true;
  }
  for (int i = 0; i < x->nkids; i++) lua |= walk_expr(p, o, x->kids[i], facts, nodes, depth);
  return lua;
}

static bool walk_node(const pack *p, const pack_opinion *o, int n, bool *facts, bool *nodes, int depth) {
  if (nodes[n] || depth > 512) return false;
  nodes[n] = true;
  const node_rule *r = o->rules[n];
  bool lua = walk_expr(p, o, r->rule, facts, nodes, depth);
  lua |= walk_expr(p, o, r->open, facts, nodes, depth);
  lua |= walk_expr(p, o, p->nodes[n].finding_unless, facts, nodes, depth);
  return lua;
}

bool reach_from(const pack *p, int op, int node, bool *facts, bool *nodes) {
  const pack_opinion *o = &p->opinions[op];
  /* a node already marked was walked by an earlier call: walk afresh into
   * a private set so a rule function behind it is still noticed */
  bool *seen = xcalloc((size_t)p->nnodes + 1, sizeof *seen);
  bool lua = walk_node(p, o, node, facts, seen, 0);
  for (int i = 0; i < p->nnodes; i++) nodes[i] |= seen[i];
  free(seen);
  if (lua) {
    for (int i = 0; i < p->nfacts; i++) facts[i] = true;
    for (int i = 0; i < p->nnodes; i++) nodes[i] = true;
  }
  return lua;
}

bool reach_enumerable(const pack_fact *f) { return f->type == FACT_YESNO || f->type == FACT_ENUM; }

int reach_nvalues(const pack_fact *f) {
  return f->type == FACT_YESNO ? 2 : f->type == FACT_ENUM ? f->nvalues : 0;
}
