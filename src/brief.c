/* brief: the argument outline for one side. */
#include "brief.h"

#include <stdlib.h>
#include <string.h>

struct brief_ctx {
  const pack *p;
  int *ops;
  int nops;
  pack_party side;
  compare_ctx *cmp;         /* the row under every opinion: trees, partings */
  distinguish_ctx *dist;
  eval_ctx *ec;             /* a changed row, for the sentence where it enters */
  explain_tree *scratch;
  whatif_rowbuf buf;
  brief_result res;
  void **mem;               /* what the result holds, freed on the next call */
  int nmem, capmem;
};

static void *keep(brief_ctx *c, void *ptr) {
  if (c->nmem == c->capmem) {
    c->capmem = c->capmem ? 2 * c->capmem : 64;
    c->mem = xrealloc(c->mem, sizeof *c->mem * (size_t)c->capmem);
  }
  c->mem[c->nmem++] = ptr;
  return ptr;
}

static void release(brief_ctx *c) {
  for (int i = 0; i < c->nmem; i++) free(c->mem[i]);
  c->nmem = 0;
}

bool brief_pack_ready(const pack *p, const int *ops, int nops, err **e) {
  for (int k = 0; k < nops; k++) {
    const pack_opinion *o = &p->opinions[ops[k]];
    const pack_node *n = &p->nodes[o->decides];
    if (n->favours) continue;
    *e = err_hint(err_new(n->file, n->line, 0,
                          "node %s (the outcome of opinion %s) does not say which party its answers favour, so a "
                          "brief cannot tell one side's argument from the other's",
                          n->name, o->name),
                  "add favours = { %s = \"plaintiff\", %s = \"defendant\" } to node %s (ratio check lists every such "
                  "node)",
                  n->valued ? n->values[0] : "yes", n->valued ? n->values[n->nvalues - 1] : "no", n->name);
    return false;
  }
  return true;
}

brief_ctx *brief_new(const pack *p, const distinguish_library *lib, const int *ops, int nops, pack_party side) {
  brief_ctx *c = xcalloc(1, sizeof *c);
  c->p = p;
  c->nops = nops;
  c->ops = xcalloc((size_t)nops + 1, sizeof *c->ops);
  memcpy(c->ops, ops, sizeof *ops * (size_t)nops);
  c->side = side;
  c->cmp = compare_new(p, ops, nops);
  c->dist = distinguish_new(p, lib, ops, nops);
  c->ec = eval_new(p);
  c->scratch = explain_new(p);
  return c;
}

void brief_free(brief_ctx *c) {
  if (!c) return;
  release(c);
  free(c->mem);
  compare_free(c->cmp);
  distinguish_free(c->dist);
  eval_free(c->ec);
  explain_free(c->scratch);
  free(c->ops);
  free(c);
}

/* ---- where things are in a tree ------------------------------------------------ */

static const explain_node *find_in(const explain_node *x, int node, int depth) {
  if (!x || depth > 256) return NULL;
  if (x->node == node) return x;
  for (int i = 0; i < x->nkids; i++) {
    const explain_node *f = find_in(x->kids[i], node, depth + 1);
    if (f) return f;
  }
  return NULL;
}

/* The node in an opinion's explanation, reached; NULL when it is not. */
static const explain_node *find_node(const explain_tree *t, int node) {
  const explain_node *x = find_in(t->root, node, 0);
  if (!x) x = find_in(t->disposition_root, node, 0);
  return x && x->state != NODE_NOT_REACHED ? x : NULL;
}

static int lean_of(const pack *p, int op, rval outcome, bool outside, pack_party side) {
  pack_party w = distinguish_winner(p, op, outcome, outside);
  if (w != PARTY_PLAINTIFF && w != PARTY_DEFENDANT) return 0;
  return w == side ? 1 : -1;
}

/* ---- elements ------------------------------------------------------------------- */

static brief_element *element(brief_ctx *c, brief_result *r, int node, bool parted) {
  for (int i = 0; i < r->nelements; i++)
    if (r->elements[i].node == node) {
      r->elements[i].parted |= parted;
      return &r->elements[i];
    }
  r->elements = xrealloc(r->elements, sizeof *r->elements * (size_t)(r->nelements + 1));
  brief_element *e = &r->elements[r->nelements++];
  memset(e, 0, sizeof *e);
  e->node = node;
  e->parted = parted;
  (void)c;
  return e;
}

static bool same_view(const explain_node *a, const explain_node *b) {
  if (a->value != b->value || a->state != b->state || a->open != b->open || a->nby != b->nby) return false;
  if ((a->sentence == NULL) != (b->sentence == NULL)) return false;
  if (a->sentence && strcmp(a->sentence, b->sentence) != 0) return false;
  for (int i = 0; i < a->nby; i++)
    if (a->by[i] != b->by[i]) return false;
  return true;
}

static int cmp_view(const void *x, const void *y) {
  const brief_view *a = x, *b = y;
  if (a->lean != b->lean) return b->lean - a->lean;
  return a->ops[0] - b->ops[0];
}

/* The closest decided case in which node came out as x under one of ops,
 * with a result there for the same party as here; -1 when none. */
static int precedent_for(const brief_result *r, const brief_view *v, int *op_out) {
  const distinguish_result *d = r->precedents;
  const pack *p = r->p;
  if (v->lean == 0) return -1;
  pack_party want = v->lean > 0 ? r->side : r->side == PARTY_PLAINTIFF ? PARTY_DEFENDANT : PARTY_PLAINTIFF;
  for (int i = 0; i < d->nprecedents; i++) {
    const distinguish_precedent *c = &d->precedents[i];
    for (int j = 0; j < v->nops; j++) {
      int k = v->ops[j];
      if (distinguish_winner(p, r->ops[k], c->outcome[k], c->outside[k]) != want) continue;
      node_state st = c->states[k * p->nnodes + v->x->node];
      if (st == NODE_NOT_REACHED || c->values[k * p->nnodes + v->x->node] != v->x->value) continue;
      *op_out = k;
      return i;
    }
  }
  return -1;
}

static void element_views(brief_ctx *c, brief_result *r, brief_element *e) {
  e->views = keep(c, xcalloc((size_t)r->nops + 1, sizeof *e->views));
  for (int k = 0; k < r->nops; k++) {
    const explain_node *x = find_node(r->trees[k], e->node);
    if (!x) continue;
    brief_view *v = NULL;
    /* where the opinions part, a view is also one side's; elsewhere they
     * agree, and one view says so */
    for (int i = 0; i < e->nviews && !v; i++)
      if ((!e->parted || e->views[i].lean == r->lean[k]) && same_view(e->views[i].x, x)) v = &e->views[i];
    if (!v) {
      v = &e->views[e->nviews++];
      v->ops = keep(c, xcalloc((size_t)r->nops + 1, sizeof *v->ops));
      v->x = x;
      v->lean = r->lean[k];
    }
    v->ops[v->nops++] = k;
  }
  qsort(e->views, (size_t)e->nviews, sizeof *e->views, cmp_view);
  for (int i = 0; i < e->nviews; i++)
    e->views[i].precedent = e->parted ? precedent_for(r, &e->views[i], &e->views[i].precedent_op) : -1;
}

/* ---- pivots --------------------------------------------------------------------- */

/* The lowest node of a path that its rule decided after the change: where
 * the change takes effect. */
static int entry_step(const whatif_flip *f) {
  for (int i = f->npath - 1; i >= 0; i--)
    if (f->path[i].to_state == NODE_DERIVED) return i;
  return f->npath - 1;
}

static bool is_parted(const compare_result *cr, int node) {
  for (int i = 0; i < cr->nparts; i++)
    if (cr->parts[i].node == node) return true;
  return false;
}

/* The element a change belongs to: the first node of its path where the
 * opinions part, or else where it takes effect. */
static int element_of(const compare_result *cr, const whatif_flip *f) {
  for (int i = 0; i < f->npath; i++)
    if (is_parted(cr, f->path[i].node)) return f->path[i].node;
  return f->npath ? f->path[entry_step(f)].node : -1;
}

static bool same_change(const whatif_change *a, const whatif_change *b) {
  return a->finding == b->finding && a->index == b->index && a->to == b->to;
}

static brief_pivot *pivot(brief_ctx *c, brief_pivot **list, int *n, const whatif_change *ch, int nops) {
  for (int i = 0; i < *n; i++)
    if (same_change(&(*list)[i].change, ch)) return &(*list)[i];
  *list = xrealloc(*list, sizeof **list * (size_t)(*n + 1));
  brief_pivot *pv = &(*list)[(*n)++];
  memset(pv, 0, sizeof *pv);
  pv->change = *ch;
  pv->effects = keep(c, xcalloc((size_t)nops + 1, sizeof *pv->effects));
  pv->unmoved = keep(c, xcalloc((size_t)nops + 1, sizeof *pv->unmoved));
  return pv;
}

static bool same_effects(const brief_pivot *a, const brief_pivot *b) {
  if (a->neffects != b->neffects || a->nunmoved != b->nunmoved) return false;
  for (int i = 0; i < a->neffects; i++) {
    const brief_effect *x = &a->effects[i], *y = &b->effects[i];
    if (x->op != y->op || x->after != y->after || x->node != y->node || x->to != y->to) return false;
  }
  for (int i = 0; i < a->nunmoved; i++)
    if (a->unmoved[i] != b->unmoved[i]) return false;
  return true;
}

/* Answers to one fact or finding that do the same thing are one pivot
 * with several answers ("intentional, deliberate indifference or
 * reckless"); the first keeps its place. */
static void merge_answers(brief_ctx *c, brief_pivot *list, int *n) {
  for (int i = 0; i < *n; i++) {
    brief_pivot *pv = &list[i];
    if (!pv->to) {
      pv->to = keep(c, xcalloc(EVAL_MAX_ANSWERS + 2, sizeof *pv->to));
      pv->to[pv->nto++] = pv->change.to;
    }
    for (int j = i + 1; j < *n;) {
      brief_pivot *q = &list[j];
      if (q->change.finding == pv->change.finding && q->change.index == pv->change.index && same_effects(pv, q) &&
          pv->nto < EVAL_MAX_ANSWERS + 1) {
        pv->to[pv->nto++] = q->change.to;
        memmove(q, q + 1, sizeof *q * (size_t)(*n - j - 1));
        (*n)--;
      } else {
        j++;
      }
    }
  }
}

/* The sentence of node n for the row changed by ch, under op (kept). */
static const char *sentence_after(brief_ctx *c, const case_row *row, int op, const whatif_change *ch, int n) {
  whatif_rowbuf_apply(&c->buf, row, ch, 1);
  err *e = NULL;
  if (eval_row(c->ec, op, &c->buf.row, &e) != 0) {
    err_free(e);
    return NULL;
  }
  explain_build(c->scratch, c->ec, &c->buf.row);
  const explain_node *x = find_node(c->scratch, n);
  return x && x->sentence ? keep(c, xstrdup(x->sentence)) : NULL;
}

/* Every single change that moves an outcome, filed under its element. */
static int collect_pivots(brief_ctx *c, brief_result *r, const compare_result *cr, err **e) {
  const pack *p = c->p;
  whatif_flips **fl = xcalloc((size_t)r->nops + 1, sizeof *fl);
  int rc = 0;
  for (int k = 0; k < r->nops && rc == 0; k++)
    if (whatif_single(p, r->ops[k], r->row, true, &fl[k], e) != 0) rc = -1;
  for (int k = 0; k < r->nops && rc == 0; k++) {
    for (int i = 0; i < fl[k]->nflips; i++) {
      const whatif_flip *f = &fl[k]->flips[i];
      int after = lean_of(p, r->ops[k], f->outcome, false, r->side);
      if (after == r->lean[k] || f->npath == 0) continue;
      brief_element *el = element(c, r, element_of(cr, f), false);
      brief_pivot *pv = after < r->lean[k] ? pivot(c, &el->defend, &el->ndefend, &f->change, r->nops)
                                           : pivot(c, &el->press, &el->npress, &f->change, r->nops);
      const whatif_step *s = &f->path[entry_step(f)];
      pv->effects[pv->neffects++] = (brief_effect){k, r->trees[k]->outcome, f->outcome, s->node, s->from_state,
                                                   s->to_state, s->from, s->to,
                                                   sentence_after(c, r->row, r->ops[k], &f->change, s->node)};
    }
  }
  /* the even if: opinions for the side that a change leaves unmoved; for
   * a change that would hurt the side, it still wins there; for one that
   * would help it, the fact the other side relies on does not matter there */
  for (int i = 0; i < r->nelements && rc == 0; i++) {
    brief_element *el = &r->elements[i];
    for (int list = 0; list < 2; list++) {
      brief_pivot *pvs = list ? el->press : el->defend;
      int n = list ? el->npress : el->ndefend;
      for (int j = 0; j < n; j++) {
        brief_pivot *pv = &pvs[j];
        for (int k = 0; k < r->nops; k++) {
          if (r->lean[k] <= 0) continue;
          bool moved = false;
          for (int q = 0; q < fl[k]->nflips && !moved; q++) moved = same_change(&fl[k]->flips[q].change, &pv->change);
          if (!moved) pv->unmoved[pv->nunmoved++] = k;
        }
      }
    }
    merge_answers(c, el->defend, &el->ndefend);
    merge_answers(c, el->press, &el->npress);
    keep(c, el->defend);
    keep(c, el->press);
  }
  for (int k = 0; k < r->nops; k++) whatif_flips_free(fl[k]);
  free(fl);
  return rc;
}

/* Each node's place in a walk of the opinions' explanations, in order:
 * elements read top down, as the explanation does. */
static void walk_order(const explain_node *x, int *order, int *next, int depth) {
  if (!x || depth > 256 || order[x->node] >= 0) return;
  order[x->node] = (*next)++;
  for (int i = 0; i < x->nkids; i++) walk_order(x->kids[i], order, next, depth + 1);
}

/* Where the opinions part first, then the others in the order the
 * explanations read them (nodes no explanation reaches last). */
static void order_elements(brief_result *r) {
  const pack *p = r->p;
  int *order = xcalloc((size_t)p->nnodes + 1, sizeof *order);
  for (int n = 0; n < p->nnodes; n++) order[n] = -1;
  int next = 0;
  for (int k = 0; k < r->nops; k++) walk_order(r->trees[k]->root, order, &next, 0);
  for (int n = 0; n < p->nnodes; n++)
    if (order[n] < 0) order[n] = next + n;
  /* a stable order: the elements' positions are unique */
  for (int i = 1; i < r->nelements; i++) {
    brief_element e = r->elements[i];
    int j = i;
    while (j > 0 && ((r->elements[j - 1].parted != e.parted) ? !r->elements[j - 1].parted
                                                              : order[r->elements[j - 1].node] > order[e.node])) {
      r->elements[j] = r->elements[j - 1];
      j--;
    }
    r->elements[j] = e;
  }
  free(order);
}

/* ---- the brief ------------------------------------------------------------------- */

const brief_result *brief_row(brief_ctx *c, const case_row *row, err **e) {
  const pack *p = c->p;
  release(c);
  const compare_result *cr = compare_row(c->cmp, row, e);
  if (!cr) return NULL;
  const distinguish_result *dr = distinguish_row(c->dist, row, e);
  if (!dr) return NULL;
  brief_result *r = &c->res;
  memset(r, 0, sizeof *r);
  r->p = p;
  r->row = row;
  r->side = c->side;
  r->nops = c->nops;
  r->ops = c->ops;
  r->trees = cr->trees;
  r->precedents = dr;
  r->argument = dr->favours ? &dr->args[c->side == PARTY_PLAINTIFF ? 0 : 1] : NULL;
  r->lean = keep(c, xcalloc((size_t)c->nops + 1, sizeof *r->lean));
  for (int k = 0; k < c->nops; k++)
    r->lean[k] = lean_of(p, c->ops[k], cr->trees[k]->outcome, cr->trees[k]->outside >= 0, c->side);
  /* where the opinions part, in the order compare finds them */
  for (int i = 0; i < cr->nparts; i++)
    if (cr->parts[i].node >= 0) element(c, r, cr->parts[i].node, true);
  whatif_rowbuf_init(&c->buf, p, row);
  int rc = collect_pivots(c, r, cr, e);
  whatif_rowbuf_free(&c->buf);
  keep(c, r->elements);
  if (rc != 0) return NULL;
  order_elements(r);
  for (int i = 0; i < r->nelements; i++) element_views(c, r, &r->elements[i]);
  /* the evaluator's even if, in the opinions that favour the side */
  r->even_if = keep(c, xcalloc((size_t)(c->nops * p->nnodes) + 1, sizeof *r->even_if));
  for (int k = 0; k < c->nops; k++) {
    if (r->lean[k] <= 0) continue;
    for (int n = 0; n < p->nnodes; n++) {
      const explain_node *x = find_node(r->trees[k], n);
      if (x && x->even_if && x->nimmaterial) r->even_if[r->neven_if++] = (brief_even_if){k, x};
    }
  }
  return r;
}
