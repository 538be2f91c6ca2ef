/* reach: the facts and nodes an opinion's rules can read. */
#include "reach.h"

#include <stdlib.h>
#include <string.h>

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

/* The nodes an expression names directly, in order, each once (marked in
 * seen). */
static void direct_nodes(const expr *x, bool *seen, int *out, int *n) {
  if (!x) return;
  if ((x->kind == EXPR_REF || x->kind == EXPR_IS || x->kind == EXPR_CMP) && x->ref.is_node && !seen[x->ref.index]) {
    seen[x->ref.index] = true;
    out[(*n)++] = x->ref.index;
  }
  for (int i = 0; i < x->nkids; i++) direct_nodes(x->kids[i], seen, out, n);
}

/* The nodes node n's rule under opinion o names directly. */
static int node_kids(const pack *p, const pack_opinion *o, int n, int *out) {
  bool *seen = xcalloc((size_t)p->nnodes + 1, sizeof *seen);
  int k = 0;
  seen[n] = true;
  direct_nodes(o->rules[n]->rule, seen, out, &k);
  direct_nodes(o->rules[n]->open, seen, out, &k);
  free(seen);
  return k;
}

/* Mark what node n's rules read under opinion o, entering no node marked
 * in walls but n itself: the facts and nodes that belong to n's group. */
static void walk_walled(const pack *p, const pack_opinion *o, const expr *x, const bool *walls, bool *facts,
                        bool *nodes, int depth);

static void walk_walled_node(const pack *p, const pack_opinion *o, int n, const bool *walls, bool *facts, bool *nodes,
                             int depth) {
  if (nodes[n] || depth > 512) return;
  nodes[n] = true;
  const node_rule *r = o->rules[n];
  walk_walled(p, o, r->rule, walls, facts, nodes, depth);
  walk_walled(p, o, r->open, walls, facts, nodes, depth);
  walk_walled(p, o, p->nodes[n].finding_unless, walls, facts, nodes, depth);
}

static void walk_walled(const pack *p, const pack_opinion *o, const expr *x, const bool *walls, bool *facts,
                        bool *nodes, int depth) {
  if (!x) return;
  if (x->kind == EXPR_REF || x->kind == EXPR_IS || x->kind == EXPR_CMP) {
    if (!x->ref.is_node) facts[x->ref.index] = true;
    else if (!walls[x->ref.index]) walk_walled_node(p, o, x->ref.index, walls, facts, nodes, depth + 1);
  }
  for (int i = 0; i < x->nkids; i++) walk_walled(p, o, x->kids[i], walls, facts, nodes, depth);
}

int reach_groups(const pack *p, const int *ops, int nops, int *elements, int *group_of, int *node_group_of) {
  int nn = p->nnodes, n = 0;
  bool *taken = xcalloc((size_t)nn + 1, sizeof *taken);
  int *by = xcalloc((size_t)nn + 1, sizeof *by); /* the opinion that named each group's node */
  int *kids = xcalloc((size_t)nn + 1, sizeof *kids), *grand = xcalloc((size_t)nn + 1, sizeof *grand);
  for (int k = 0; k < nops; k++) {
    const pack_opinion *o = &p->opinions[ops[k]];
    int nk = node_kids(p, o, o->decides, kids);
    for (int i = 0; i < nk; i++) {
      int ng = node_kids(p, o, kids[i], grand);
      if (ng == 0) grand[ng++] = kids[i];
      for (int j = 0; j < ng; j++) {
        if (taken[grand[j]] || grand[j] == o->decides) continue;
        taken[grand[j]] = true;
        by[n] = ops[k];
        elements[n++] = grand[j];
      }
    }
  }
  for (int k = 0; k < nops; k++) {
    int d = p->opinions[ops[k]].disposition_node;
    if (d < 0 || taken[d]) continue;
    taken[d] = true;
    by[n] = ops[k];
    elements[n++] = d;
  }
  /* A finding that several elements read (the state of mind, read by the
   * Eighth Amendment's elements and by deprivation alike) is a group of its
   * own, placed after the first element that reads it: the outermost such
   * findings, those no other shared one reads. */
  int nelem = n;
  int *readers = xcalloc((size_t)nn + 1, sizeof *readers);
  bool *facts = xcalloc((size_t)p->nfacts + 1, sizeof *facts), *nodes = xcalloc((size_t)nn + 1, sizeof *nodes);
  bool **reach = xcalloc((size_t)nelem + 1, sizeof *reach);
  for (int e = 0; e < nelem; e++) {
    reach[e] = xcalloc((size_t)nn + 1, sizeof **reach);
    memset(facts, 0, sizeof *facts * (size_t)p->nfacts);
    reach_from(p, by[e], elements[e], facts, reach[e]);
    for (int i = 0; i < nn; i++) readers[i] += reach[e][i] && i != elements[e];
  }
  bool *shared = xcalloc((size_t)nn + 1, sizeof *shared);
  for (int i = 0; i < nn; i++) shared[i] = readers[i] >= 2 && !taken[i] && p->nodes[i].finding;
  /* outermost: no other shared node reaches it */
  bool *inner = xcalloc((size_t)nn + 1, sizeof *inner);
  for (int i = 0; i < nn; i++) {
    if (!shared[i]) continue;
    memset(facts, 0, sizeof *facts * (size_t)p->nfacts);
    memset(nodes, 0, sizeof *nodes * (size_t)nn);
    reach_from(p, ops[0], i, facts, nodes);
    for (int j = 0; j < nn; j++) inner[j] |= j != i && nodes[j] && shared[j];
  }
  int *order = xcalloc((size_t)nn + 1, sizeof *order), *order_by = xcalloc((size_t)nn + 1, sizeof *order_by);
  int total = 0;
  for (int e = 0; e < nelem; e++) {
    order[total] = elements[e];
    order_by[total++] = by[e];
    for (int i = 0; i < nn; i++) {
      if (!shared[i] || inner[i] || taken[i] || !reach[e][i]) continue;
      taken[i] = true;
      order[total] = i;
      order_by[total++] = by[e];
    }
  }
  bool *walls = xcalloc((size_t)nn + 1, sizeof *walls);
  for (int g = 0; g < total; g++) walls[order[g]] = true;
  for (int f = 0; f < p->nfacts; f++) group_of[f] = -1;
  for (int i = 0; node_group_of && i < nn; i++) node_group_of[i] = -1;
  for (int g = 0; g < total; g++) {
    memset(facts, 0, sizeof *facts * (size_t)p->nfacts);
    memset(nodes, 0, sizeof *nodes * (size_t)nn);
    walk_walled_node(p, &p->opinions[order_by[g]], order[g], walls, facts, nodes, 0);
    for (int f = 0; f < p->nfacts; f++)
      if (facts[f] && group_of[f] < 0) group_of[f] = g;
    for (int i = 0; node_group_of && i < nn; i++)
      if (nodes[i] && node_group_of[i] < 0) node_group_of[i] = g;
    elements[g] = order[g];
  }
  for (int e = 0; e < nelem; e++) free(reach[e]);
  free(reach);
  free(readers);
  free(shared);
  free(inner);
  free(order);
  free(order_by);
  free(walls);
  free(facts);
  free(nodes);
  free(kids);
  free(grand);
  free(by);
  free(taken);
  return total;
}
