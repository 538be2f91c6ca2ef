/* turn: the walk down the settling steps of an opinion's reasoning. */
#include "turn.h"

#include <stdlib.h>

#include "err.h"

struct turn_walk {
  const pack *p;
  const eval_ctx *ec;
  const case_row *row;
  int op;
  /* per pack node */
  rval *vals;     /* the row's values (unknown where not reached), for eval_rule_given */
  int *end;       /* where the walk from the node ends; -1 until known */
  int *height;    /* how many steps down that is */
  int *size;      /* the reached elements under the node, itself included; -1 until known */
  bool *own;      /* the end is where the opinion parts from its base, or a question it leaves open */
  bool *seen;     /* turn_accepted: already marked below */
};

turn_walk *turn_new(const pack *p) {
  size_t nn = (size_t)p->nnodes + 1;
  turn_walk *w = xcalloc(1, sizeof *w);
  w->p = p;
  w->vals = xcalloc(nn, sizeof *w->vals);
  w->end = xcalloc(nn, sizeof *w->end);
  w->height = xcalloc(nn, sizeof *w->height);
  w->size = xcalloc(nn, sizeof *w->size);
  w->own = xcalloc(nn, sizeof *w->own);
  w->seen = xcalloc(nn, sizeof *w->seen);
  return w;
}

void turn_free(turn_walk *w) {
  if (!w) return;
  free(w->vals);
  free(w->end);
  free(w->height);
  free(w->size);
  free(w->own);
  free(w->seen);
  free(w);
}

/* A child a walk can step to: reached, and not a value-naming element (a
 * state of mind), which is read through the element that uses it. */
static bool steppable(const turn_walk *w, int kid) {
  return eval_node_state(w->ec, kid) != NODE_NOT_REACHED && !w->p->nodes[kid].valued;
}

/* Whether `kid` settles x, whose rule gives `base` on the row's values:
 * x decided, its rule gives something else with the kid unknown; x open,
 * some answer for the kid (left unknown) decides it. */
static bool settles(turn_walk *w, int x, rval base, int kid) {
  rval keep = w->vals[kid];
  bool changes = false;
  if (w->vals[x] != RV_UNKNOWN) {
    if (keep == RV_UNKNOWN) return false;
    w->vals[kid] = RV_UNKNOWN;
    changes = eval_rule_given(w->p, w->op, x, w->row, w->vals) != base;
  } else if (keep == RV_UNKNOWN && base == RV_UNKNOWN) {
    for (int v = 0; v < w->p->nodes[kid].nvalues && !changes; v++) {
      w->vals[kid] = (rval)v;
      changes = eval_rule_given(w->p, w->op, x, w->row, w->vals) != RV_UNKNOWN;
    }
  }
  w->vals[kid] = keep;
  return changes;
}

/* The rule an opinion builds on for a node: its base opinion's, or the
 * pack's own for an opinion without a base. */
static const node_rule *base_rule(const pack *p, const pack_opinion *o, int n) {
  return o->base >= 0 ? p->opinions[o->base].rules[n] : &p->nodes[n].base;
}

/* Whether the opinion decides the node by a rule of its own: an override
 * that changes the rule or the open question, not only its authorities or
 * sentences. */
static bool own_rule(const turn_walk *w, int n) {
  const pack_opinion *o = &w->p->opinions[w->op];
  const node_rule *r = o->rules[n], *b = base_rule(w->p, o, n);
  return r->rule != b->rule || r->open != b->open;
}

/* Whether there its rule gives another value than the base opinion's
 * would on the same answers. */
static bool parts_from_base(const turn_walk *w, int x) {
  const pack_opinion *o = &w->p->opinions[w->op];
  if (o->base < 0) return true;
  rval v = eval_rule_given(w->p, o->base, x, w->row, w->vals);
  return v == EVAL_NOT_GIVEN || v != w->vals[x];
}

/* The reached elements under x, itself included (a shared one counted
 * where it appears). */
static int reasoning_size(turn_walk *w, int x, int depth) {
  if (w->size[x] >= 0) return w->size[x];
  int n = 1;
  const int *kids;
  int nk = eval_node_state(w->ec, x) == NODE_DERIVED ? eval_node_kids(w->ec, x, &kids) : 0;
  for (int i = 0; i < nk && depth < 256; i++)
    if (eval_node_state(w->ec, kids[i]) != NODE_NOT_REACHED) n += reasoning_size(w, kids[i], depth + 1);
  return w->size[x] = n;
}

/* How good an end of the walk is, compared in this order. */
typedef struct rank {
  bool own;
  int height, size;
} rank;

static int rank_cmp(rank a, rank b) {
  if (a.own != b.own) return a.own ? 1 : -1;
  if (a.height != b.height) return a.height > b.height ? 1 : -1;
  return a.size > b.size ? 1 : a.size < b.size ? -1 : 0;
}

static rank step_rank(turn_walk *w, int k, int depth) {
  return (rank){w->own[k], w->height[k] + 1, reasoning_size(w, k, depth)};
}

/* The walk from x; the best end it reaches is w->end[x]. */
static void turn_from(turn_walk *w, int x, bool top, int depth) {
  if (w->end[x] >= 0) return;
  w->end[x] = x;
  w->height[x] = 0;
  /* a question the opinion leaves open, or its own rule, is where its
   * reasoning turns: the walk ends there, as it does at a finding */
  bool open = eval_node_open(w->ec, x);
  bool ends = !top && (open || own_rule(w, x));
  w->own[x] = ends && (open || parts_from_base(w, x));
  if (ends || eval_node_state(w->ec, x) != NODE_DERIVED || depth > 256) return;
  rval base = eval_rule_given(w->p, w->op, x, w->row, w->vals);
  if (base == EVAL_NOT_GIVEN) return; /* a rule function: nothing to weigh its inputs by */
  const int *kids;
  int nk = eval_node_kids(w->ec, x, &kids);
  rank best = {false, 0, 0};
  bool any = false;
  for (int i = 0; i < nk; i++) {
    int k = kids[i];
    if (!steppable(w, k) || !settles(w, x, base, k)) continue;
    turn_from(w, k, false, depth + 1);
    rank rk = step_rank(w, k, depth + 1);
    if (!any || rank_cmp(rk, best) > 0) {
      best = rk;
      any = true;
      w->end[x] = w->end[k];
      w->height[x] = rk.height;
      w->own[x] = rk.own;
    }
  }
}

int turn_find(turn_walk *w, const eval_ctx *ec, const case_row *row) {
  const pack *p = w->p;
  w->ec = ec;
  w->row = row;
  w->op = eval_opinion(ec);
  for (int n = 0; n < p->nnodes; n++) {
    w->vals[n] = eval_node_state(ec, n) == NODE_NOT_REACHED ? RV_UNKNOWN : eval_node_value(ec, n);
    w->end[n] = -1;
    w->size[n] = -1;
    w->seen[n] = false;
  }
  int root = p->opinions[w->op].decides;
  turn_from(w, root, true, 0);
  return w->end[root];
}

/* Every element a walk of settling steps reaches from x (what x rests on). */
static void mark_below(turn_walk *w, int x, bool *accepted, int depth) {
  if (w->seen[x] || depth > 256) return;
  w->seen[x] = true;
  if (eval_node_state(w->ec, x) != NODE_DERIVED) return;
  rval base = eval_rule_given(w->p, w->op, x, w->row, w->vals);
  if (base == EVAL_NOT_GIVEN) return;
  const int *kids;
  int nk = eval_node_kids(w->ec, x, &kids);
  for (int i = 0; i < nk; i++) {
    int k = kids[i];
    if (!steppable(w, k) || !settles(w, x, base, k)) continue;
    accepted[k] = true;
    mark_below(w, k, accepted, depth + 1);
  }
}

/* The elements on the best walks from x (every step that ranks best), and
 * below each end what it rests on. */
static void accept_from(turn_walk *w, int x, bool *accepted, int depth) {
  if (w->end[x] == x || depth > 256) return;
  rval base = eval_rule_given(w->p, w->op, x, w->row, w->vals);
  const int *kids;
  int nk = eval_node_kids(w->ec, x, &kids);
  rank best = {false, 0, 0};
  bool any = false;
  for (int pass = 0; pass < 2; pass++) {
    /* the best rank first, then every step that has it */
    for (int i = 0; i < nk; i++) {
      int k = kids[i];
      if (!steppable(w, k) || !settles(w, x, base, k)) continue;
      rank rk = step_rank(w, k, depth + 1);
      if (pass == 0) {
        if (!any || rank_cmp(rk, best) > 0) best = rk, any = true;
      } else if (rank_cmp(rk, best) == 0 && !accepted[k]) {
        accepted[k] = true;
        if (w->end[k] == k) mark_below(w, k, accepted, depth + 1);
        else accept_from(w, k, accepted, depth + 1);
      }
    }
  }
}

int turn_accepted(turn_walk *w, bool *accepted) {
  int root = w->p->opinions[w->op].decides;
  accept_from(w, root, accepted, 0);
  accepted[root] = false;
  int n = 0;
  for (int k = 0; k < w->p->nnodes; k++) n += accepted[k];
  return n;
}
