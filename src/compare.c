/* compare: opinions side by side and where they part ways. */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

struct compare_ctx {
  const pack *p;
  int *ops;
  int nops;
  eval_ctx *ec;
  compare_result res;
  int cap_parts;
};

compare_ctx *compare_new(const pack *p, const int *ops, int nops) {
  compare_ctx *c = xcalloc(1, sizeof *c);
  c->p = p;
  c->nops = nops;
  c->ops = xcalloc((size_t)nops + 1, sizeof *c->ops);
  memcpy(c->ops, ops, sizeof *ops * (size_t)nops);
  c->ec = eval_new(p);
  c->res.p = p;
  c->res.nopinions = nops;
  c->res.opinions = c->ops;
  c->res.trees = xcalloc((size_t)nops + 1, sizeof *c->res.trees);
  for (int i = 0; i < nops; i++) c->res.trees[i] = explain_new(p);
  c->cap_parts = nops * (nops - 1) / 2 + 1;
  c->res.parts = xcalloc((size_t)c->cap_parts, sizeof *c->res.parts);
  return c;
}

void compare_free(compare_ctx *c) {
  if (!c) return;
  for (int i = 0; i < c->nops; i++) explain_free(c->res.trees[i]);
  free(c->res.trees);
  free(c->res.parts);
  free(c->ops);
  eval_free(c->ec);
  free(c);
}

int compare_override_owner(const pack *p, int op, int node) {
  const node_rule *want = p->opinions[op].rules[node];
  for (int o = op, guard = 0; o >= 0 && guard <= p->nopinions; o = p->opinions[o].base, guard++) {
    const pack_opinion *po = &p->opinions[o];
    for (int i = 0; i < po->noverrides; i++)
      if (po->overrides[i].node == node && &po->overrides[i].rule == want) return o;
  }
  return -1;
}

bool compare_disagree(const explain_tree *a, const explain_tree *b) {
  /* an opinion that gives no disposition only disagrees on the outcome */
  return a->outcome != b->outcome || (a->disposition && b->disposition && strcmp(a->disposition, b->disposition) != 0);
}

static bool node_differs(const explain_node *a, const explain_node *b) {
  if (!a || !b) return a != b;
  bool ra = a->state != NODE_NOT_REACHED, rb = b->state != NODE_NOT_REACHED;
  return ra != rb || (ra && a->value != b->value);
}

static const explain_node *kid_for(const explain_node *x, int node) {
  for (int i = 0; x && i < x->nkids; i++)
    if (x->kids[i]->node == node) return x->kids[i];
  return NULL;
}

/* Follow differing values down from (xa, xb); stop at the first node whose
 * rule differs between the opinions. */
static void find_part(const pack *p, int oa, int ob, const explain_node *xa, const explain_node *xb,
                      compare_part *out, int depth) {
  int n = xa ? xa->node : xb->node;
  out->node = n;
  out->xa = xa;
  out->xb = xb;
  if (p->opinions[oa].rules[n] != p->opinions[ob].rules[n] || depth > 256) {
    out->rules_differ = p->opinions[oa].rules[n] != p->opinions[ob].rules[n];
    return;
  }
  /* the same rule: the kids are the same list, save for rule functions,
   * whose kids are the nodes they read; walk a's order, then b's extras */
  for (int side = 0; side < 2; side++) {
    const explain_node *x = side == 0 ? xa : xb;
    for (int i = 0; x && i < x->nkids; i++) {
      int k = x->kids[i]->node;
      const explain_node *ka = kid_for(xa, k), *kb = kid_for(xb, k);
      if (side == 1 && ka) continue;
      if (node_differs(ka, kb)) {
        find_part(p, oa, ob, ka, kb, out, depth + 1);
        return;
      }
    }
  }
}

const compare_result *compare_row(compare_ctx *c, const case_row *row, err **e) {
  const pack *p = c->p;
  c->res.row = row;
  c->res.nparts = 0;
  for (int i = 0; i < c->nops; i++) {
    if (eval_row(c->ec, c->ops[i], row, e) != 0) return NULL;
    explain_build(c->res.trees[i], c->ec, row);
  }
  for (int i = 0; i < c->nops; i++) {
    for (int j = i + 1; j < c->nops; j++) {
      const explain_tree *ta = c->res.trees[i], *tb = c->res.trees[j];
      if (!compare_disagree(ta, tb)) continue;
      compare_part *pt = &c->res.parts[c->res.nparts++];
      memset(pt, 0, sizeof *pt);
      pt->a = i;
      pt->b = j;
      const explain_node *ra = ta->root, *rb = tb->root;
      if (ta->outcome == tb->outcome && ta->disposition_root && tb->disposition_root) {
        /* same outcome, different disposition: part where the disposition does */
        ra = ta->disposition_root;
        rb = tb->disposition_root;
      }
      if (ra->node != rb->node) {
        /* the opinions decide different nodes: they part at the top */
        pt->node = -1;
        pt->override_a = pt->override_b = -1;
        continue;
      }
      find_part(p, c->ops[i], c->ops[j], ra, rb, pt, 0);
      pt->override_a = compare_override_owner(p, c->ops[i], pt->node);
      pt->override_b = compare_override_owner(p, c->ops[j], pt->node);
      pt->rule_a = p->opinions[c->ops[i]].rules[pt->node];
      pt->rule_b = p->opinions[c->ops[j]].rules[pt->node];
    }
  }
  return &c->res;
}
