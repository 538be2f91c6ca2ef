/* whatif: breadth-first search for the smallest changes that change a
 * result. */
#include "whatif.h"

#include <stdlib.h>
#include <string.h>

#include "reach.h"

/* ---- rows with their own arrays ------------------------------------------- */

void whatif_rowbuf_init(whatif_rowbuf *b, const pack *p, const case_row *src) {
  memset(b, 0, sizeof *b);
  b->nfacts = p->nfacts;
  b->nnodes = p->nnodes;
  b->row = *src;
  b->row.expect = NULL;
  b->row.facts = xcalloc((size_t)p->nfacts + 1, sizeof *b->row.facts);
  b->row.findings = xcalloc((size_t)p->nnodes + 1, sizeof *b->row.findings);
  b->row.has_finding = xcalloc((size_t)p->nnodes + 1, sizeof *b->row.has_finding);
  whatif_rowbuf_apply(b, src, NULL, 0);
}

void whatif_rowbuf_apply(whatif_rowbuf *b, const case_row *src, const whatif_change *ch, int n) {
  memcpy(b->row.facts, src->facts, sizeof *src->facts * (size_t)b->nfacts);
  memcpy(b->row.findings, src->findings, sizeof *src->findings * (size_t)b->nnodes);
  memcpy(b->row.has_finding, src->has_finding, sizeof *src->has_finding * (size_t)b->nnodes);
  for (int i = 0; i < n; i++) {
    if (ch[i].finding) {
      b->row.has_finding[ch[i].index] = ch[i].to != RV_UNKNOWN;
      b->row.findings[ch[i].index] = ch[i].to == RV_UNKNOWN ? 0 : ch[i].to;
    } else {
      b->row.facts[ch[i].index].v = ch[i].to;
    }
  }
}

void whatif_rowbuf_free(whatif_rowbuf *b) {
  free(b->row.facts);
  free(b->row.findings);
  free(b->row.has_finding);
  memset(b, 0, sizeof *b);
}

/* ---- the search ----------------------------------------------------------- */

typedef struct wvar {
  bool finding;
  int index;
  rval cur;
  rval alts[65];
  int nalts;
} wvar;

typedef struct search_ctx {
  const pack *p;
  int op;
  const case_row *row;
  eval_ctx *ec;
  whatif_rowbuf buf;
  node_state *base_state; /* the row's own record */
  rval *base_value;
  bool *base_read;        /* facts the row's own evaluation read */
} search_ctx;

static bool step_differs(node_state sa, rval va, node_state sb, rval vb) {
  bool ra = sa != NODE_NOT_REACHED, rb = sb != NODE_NOT_REACHED;
  return ra != rb || (ra && va != vb);
}

/* The child of n (decided by its rule after the change) through which the
 * change reaches n: a child that changed and whose new value produces n's
 * new value. Preferred: one without whose change n would not have its new
 * value; else one whose change alone gives it; else the first that changed.
 * A child whose new value is unknown never explains a decided value.
 * now/before hold every node's value after and before (unknown where not
 * reached); -1 when no child qualifies. */
static int producing_child(search_ctx *s, int n, rval *now, const rval *before, rval *scratch) {
  const pack *p = s->p;
  const int *kids;
  int nk = eval_node_kids(s->ec, n, &kids);
  rval pv = eval_node_value(s->ec, n);
  rval ref = eval_rule_given(p, s->op, n, &s->buf.row, now);
  int first = -1, sufficient = -1;
  for (int i = 0; i < nk; i++) {
    int k = kids[i];
    node_state ks = eval_node_state(s->ec, k);
    if (ks == NODE_NOT_REACHED || !step_differs(s->base_state[k], s->base_value[k], ks, eval_node_value(s->ec, k))) continue;
    if (pv != RV_UNKNOWN && now[k] == RV_UNKNOWN) continue;
    if (first < 0) first = k;
    if (ref == EVAL_NOT_GIVEN || ref != pv) continue; /* a rule function, or n decided "even if" */
    rval keep = now[k];
    now[k] = before[k];
    rval back = eval_rule_given(p, s->op, n, &s->buf.row, now);
    now[k] = keep;
    if (back != pv) return k;
    if (sufficient < 0) {
      memcpy(scratch, before, sizeof *scratch * (size_t)p->nnodes);
      scratch[k] = now[k];
      if (eval_rule_given(p, s->op, n, &s->buf.row, scratch) == pv) sufficient = k;
    }
  }
  return sufficient >= 0 ? sufficient : first;
}

/* From the top node down, at each step to the child that produced the
 * parent's new value. */
static void build_path(search_ctx *s, int root, whatif_step **path, int *npath) {
  const pack *p = s->p;
  whatif_step *out = xcalloc((size_t)p->nnodes + 1, sizeof *out);
  int len = 0;
  bool *seen = xcalloc((size_t)p->nnodes + 1, sizeof *seen);
  rval *now = xcalloc((size_t)p->nnodes + 1, sizeof *now);
  rval *before = xcalloc((size_t)p->nnodes + 1, sizeof *before);
  rval *scratch = xcalloc((size_t)p->nnodes + 1, sizeof *scratch);
  for (int k = 0; k < p->nnodes; k++) {
    now[k] = eval_node_state(s->ec, k) == NODE_NOT_REACHED ? RV_UNKNOWN : eval_node_value(s->ec, k);
    before[k] = s->base_state[k] == NODE_NOT_REACHED ? RV_UNKNOWN : s->base_value[k];
  }
  int n = root;
  while (n >= 0 && !seen[n] && len < p->nnodes) {
    seen[n] = true;
    node_state ns = eval_node_state(s->ec, n);
    out[len++] = (whatif_step){n, s->base_state[n], ns, s->base_value[n], eval_node_value(s->ec, n)};
    n = ns == NODE_DERIVED ? producing_child(s, n, now, before, scratch) : -1;
  }
  *path = out;
  *npath = len;
  free(seen);
  free(now);
  free(before);
  free(scratch);
}

static bool same_str(const char *a, const char *b) {
  if (!a || !b) return a == b;
  return strcmp(a, b) == 0;
}

static void add_target(whatif_search *ws, bool disp, rval outcome, const char *d) {
  for (int i = 0; i < ws->ntargets; i++)
    if (ws->targets[i].is_disposition == disp && (disp ? same_str(ws->targets[i].disposition, d) : ws->targets[i].outcome == outcome)) return;
  ws->targets = xrealloc(ws->targets, sizeof *ws->targets * (size_t)(ws->ntargets + 1));
  whatif_target *t = &ws->targets[ws->ntargets++];
  memset(t, 0, sizeof *t);
  t->is_disposition = disp;
  t->outcome = disp ? RV_UNKNOWN : outcome;
  t->disposition = d;
}

static void record_hit(search_ctx *s, whatif_target *t, int k, const wvar *vars, const int *idx, const int *alt) {
  if (t->nhits >= WHATIF_MAX_HITS) {
    t->more++;
    return;
  }
  if (!t->hits) t->hits = xcalloc(WHATIF_MAX_HITS, sizeof *t->hits);
  whatif_hit *h = &t->hits[t->nhits++];
  h->changes = xcalloc((size_t)k, sizeof *h->changes);
  h->nchanges = k;
  for (int i = 0; i < k; i++) {
    const wvar *v = &vars[idx[i]];
    h->changes[i] = (whatif_change){v->finding, v->index, v->cur, v->alts[alt[i]]};
  }
  h->outcome = eval_outcome(s->ec);
  h->disposition = eval_disposition(s->ec);
  /* the search decides outcomes only; the chain needs every node settled */
  err *e = NULL;
  eval_settle(s->ec, EVAL_SETTLE_NODES, 0);
  if (eval_row(s->ec, s->op, &s->buf.row, &e) != 0) err_free(e);
  eval_settle(s->ec, EVAL_SETTLE_OUTCOME, 0);
  const pack_opinion *o = &s->p->opinions[s->op];
  build_path(s, t->is_disposition && o->disposition_node >= 0 ? o->disposition_node : o->decides, &h->path, &h->npath);
}

/* Breadth-first over sets of vars by size, every combination of values. */
static void run_search(search_ctx *s, const wvar *vars, int nvars, whatif_search *ws) {
  ws->nvars = nvars;
  int *idx = xcalloc((size_t)nvars + 1, sizeof *idx);
  int *alt = xcalloc((size_t)nvars + 1, sizeof *alt);
  whatif_change *ch = xcalloc((size_t)nvars + 1, sizeof *ch);
  int open = ws->ntargets;
  ws->searched = 0;
  for (int k = 1; k <= nvars && open > 0; k++) {
    for (int i = 0; i < k; i++) idx[i] = i;
    bool level_done = false, stop = false;
    while (!level_done && !stop) {
      for (int i = 0; i < k; i++) alt[i] = 0;
      for (;;) {
        if (ws->evals >= ws->budget) {
          stop = true;
          ws->bounded = true;
          break;
        }
        for (int i = 0; i < k; i++) {
          const wvar *v = &vars[idx[i]];
          ch[i] = (whatif_change){v->finding, v->index, v->cur, v->alts[alt[i]]};
        }
        whatif_rowbuf_apply(&s->buf, s->row, ch, k);
        err *e = NULL;
        ws->evals++;
        if (eval_row(s->ec, s->op, &s->buf.row, &e) == 0 && eval_outside(s->ec) < 0) {
          rval out = eval_outcome(s->ec);
          const char *d = eval_disposition(s->ec);
          for (int t = 0; t < ws->ntargets; t++) {
            whatif_target *tg = &ws->targets[t];
            if (tg->size && tg->size < k) continue;
            bool hit = tg->is_disposition ? same_str(d, tg->disposition) : out == tg->outcome;
            if (hit) {
              tg->size = k;
              record_hit(s, tg, k, vars, idx, alt);
            }
          }
        } else {
          err_free(e);
        }
        /* the next combination of values */
        int i = k - 1;
        while (i >= 0 && ++alt[i] == vars[idx[i]].nalts) alt[i--] = 0;
        if (i < 0) break;
      }
      if (stop) break;
      /* the next set of k vars */
      int i = k - 1;
      while (i >= 0 && idx[i] == nvars - k + i) i--;
      if (i < 0) {
        level_done = true;
      } else {
        idx[i]++;
        for (int j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
      }
    }
    for (int t = 0; t < ws->ntargets; t++) {
      whatif_target *tg = &ws->targets[t];
      if (tg->size == k) {
        tg->complete = level_done;
        if (level_done) open--;
      }
    }
    if (stop) break;
    ws->searched = k;
  }
  free(idx);
  free(alt);
  free(ch);
}

/* The changeable vars, in the order the search tries them. */
static int collect_vars(search_ctx *s, bool only_unknown, wvar *vars) {
  const pack *p = s->p;
  const pack_opinion *o = &p->opinions[s->op];
  bool *facts = xcalloc((size_t)p->nfacts + 1, sizeof *facts);
  bool *nodes = xcalloc((size_t)p->nnodes + 1, sizeof *nodes);
  reach_from(p, s->op, o->decides, facts, nodes);
  if (o->disposition_node >= 0) reach_from(p, s->op, o->disposition_node, facts, nodes);
  const bool *read = s->base_read;
  int nv = 0;
  /* pass 0: facts the row's evaluation read and findings it reached;
   * pass 1: the other reachable facts and findings */
  for (int pass = 0; pass < 2; pass++) {
    for (int f = 0; f < p->nfacts; f++) {
      const pack_fact *pf = &p->facts[f];
      if (!facts[f] || !reach_enumerable(pf) || read[f] != (pass == 0)) continue;
      rval cur = s->row->facts[f].v;
      if (only_unknown && cur != RV_UNKNOWN) continue;
      wvar *v = &vars[nv];
      memset(v, 0, sizeof *v);
      v->index = f;
      v->cur = cur;
      int nvals = reach_nvalues(pf);
      for (int x = 0; x < nvals && x < 64; x++)
        if (x != cur) v->alts[v->nalts++] = (rval)x;
      if (v->nalts) nv++;
    }
    if (only_unknown) continue;
    for (int n = 0; n < p->nnodes; n++) {
      const pack_node *pn = &p->nodes[n];
      bool reached = s->base_state[n] != NODE_NOT_REACHED;
      if (!pn->finding || !nodes[n] || reached != (pass == 0)) continue;
      wvar *v = &vars[nv];
      memset(v, 0, sizeof *v);
      v->finding = true;
      v->index = n;
      v->cur = s->row->has_finding[n] ? s->row->findings[n] : RV_UNKNOWN;
      for (int x = 0; x < pn->nvalues && x < 64; x++)
        if (x != v->cur) v->alts[v->nalts++] = (rval)x;
      if (v->cur != RV_UNKNOWN) v->alts[v->nalts++] = RV_UNKNOWN; /* withdraw the finding */
      if (v->nalts) nv++;
    }
  }
  free(facts);
  free(nodes);
  return nv;
}

static void free_search(whatif_search *ws) {
  for (int t = 0; t < ws->ntargets; t++) {
    whatif_target *tg = &ws->targets[t];
    for (int h = 0; h < tg->nhits; h++) {
      free(tg->hits[h].changes);
      free(tg->hits[h].path);
    }
    free(tg->hits);
  }
  free(ws->targets);
}

void whatif_free(whatif_result *r) {
  if (!r) return;
  free_search(&r->changes);
  free_search(&r->answers);
  free(r->left_out);
  free(r);
}

/* The row's own record, which the search compares its changes with: each
 * node's state and value, and the facts its evaluation read. */
static void record_base(search_ctx *s) {
  const pack *p = s->p;
  s->base_state = xcalloc((size_t)p->nnodes + 1, sizeof *s->base_state);
  s->base_value = xcalloc((size_t)p->nnodes + 1, sizeof *s->base_value);
  for (int n = 0; n < p->nnodes; n++) {
    s->base_state[n] = eval_node_state(s->ec, n);
    s->base_value[n] = eval_node_value(s->ec, n);
  }
  s->base_read = xcalloc((size_t)p->nfacts + 1, sizeof *s->base_read);
  for (int n = 0; n < p->nnodes; n++)
    for (int f = 0; f < p->nfacts; f++)
      if (eval_node_read_fact(s->ec, n, f)) s->base_read[f] = true;
}

static void free_base(search_ctx *s) {
  free(s->base_state);
  free(s->base_value);
  free(s->base_read);
  if (s->buf.row.facts) whatif_rowbuf_free(&s->buf);
  eval_free(s->ec);
}

/* ---- one change at a time ------------------------------------------------ */

int whatif_single(const pack *p, int op, const case_row *row, bool paths, whatif_flips **out, err **e) {
  *out = NULL;
  search_ctx s = {p, op, row, eval_new(p), {{0}, 0, 0}, NULL, NULL, NULL};
  int rc = -1;
  wvar *vars = NULL;
  if (eval_row(s.ec, op, row, e) != 0) goto done;
  whatif_flips *r = xcalloc(1, sizeof *r);
  r->outcome = eval_outcome(s.ec);
  r->disposition = eval_disposition(s.ec);
  r->outside = eval_outside(s.ec);
  rc = 0;
  *out = r;
  if (r->outside >= 0) goto done;
  record_base(&s);
  vars = xcalloc((size_t)(p->nfacts + p->nnodes) + 1, sizeof *vars);
  int nv = collect_vars(&s, false, vars);
  whatif_rowbuf_init(&s.buf, p, row);
  const pack_opinion *o = &p->opinions[op];
  for (int i = 0; i < nv; i++) {
    for (int a = 0; a < vars[i].nalts; a++) {
      whatif_change ch = {vars[i].finding, vars[i].index, vars[i].cur, vars[i].alts[a]};
      whatif_rowbuf_apply(&s.buf, row, &ch, 1);
      err *fe = NULL;
      eval_settle(s.ec, EVAL_SETTLE_OUTCOME, 0);
      r->tried++;
      if (eval_row(s.ec, op, &s.buf.row, &fe) != 0) {
        err_free(fe);
        continue;
      }
      if (eval_outside(s.ec) >= 0 || eval_outcome(s.ec) == r->outcome) continue;
      r->flips = xrealloc(r->flips, sizeof *r->flips * (size_t)(r->nflips + 1));
      whatif_flip *f = &r->flips[r->nflips++];
      memset(f, 0, sizeof *f);
      f->change = ch;
      f->outcome = eval_outcome(s.ec);
      f->disposition = eval_disposition(s.ec);
      if (!paths) continue;
      /* the chain needs every node settled, as the search's hits do */
      eval_settle(s.ec, EVAL_SETTLE_NODES, 0);
      if (eval_row(s.ec, op, &s.buf.row, &fe) != 0) {
        err_free(fe);
        continue;
      }
      build_path(&s, o->decides, &f->path, &f->npath);
    }
  }
done:
  free(vars);
  free_base(&s);
  return rc;
}

void whatif_flips_free(whatif_flips *f) {
  if (!f) return;
  for (int i = 0; i < f->nflips; i++) free(f->flips[i].path);
  free(f->flips);
  free(f);
}

/* ---- the whole search ----------------------------------------------------- */

int whatif_row(const pack *p, int op, const case_row *row, const whatif_options *opts, whatif_result **out,
               err **e) {
  *out = NULL;
  long budget = opts && opts->budget > 0 ? opts->budget : WHATIF_DEFAULT_BUDGET;
  search_ctx s = {p, op, row, eval_new(p), {{0}, 0, 0}, NULL, NULL, NULL};
  int rc = -1;
  wvar *vars = NULL;
  whatif_result *r = NULL;
  if (eval_row(s.ec, op, row, e) != 0) goto done;
  r = xcalloc(1, sizeof *r);
  r->p = p;
  r->row = row;
  r->opinion = op;
  r->outcome = eval_outcome(s.ec);
  r->disposition = eval_disposition(s.ec);
  r->outside = eval_outside(s.ec);
  if (r->outside >= 0) {
    rc = 0;
    *out = r;
    goto done;
  }
  record_base(&s);
  const pack_opinion *o = &p->opinions[op];
  const pack_node *d = &p->nodes[o->decides];

  /* what cannot be enumerated is left out, and said so */
  bool *facts = xcalloc((size_t)p->nfacts + 1, sizeof *facts);
  bool *nodes = xcalloc((size_t)p->nnodes + 1, sizeof *nodes);
  reach_from(p, op, o->decides, facts, nodes);
  if (o->disposition_node >= 0) reach_from(p, op, o->disposition_node, facts, nodes);
  r->left_out = xcalloc((size_t)p->nfacts + 1, sizeof *r->left_out);
  for (int f = 0; f < p->nfacts; f++)
    if (facts[f] && !reach_enumerable(&p->facts[f])) r->left_out[r->nleft_out++] = f;
  free(facts);
  free(nodes);

  vars = xcalloc((size_t)(p->nfacts + p->nnodes) + 1, sizeof *vars);
  int nv = collect_vars(&s, false, vars);
  eval_settle(s.ec, EVAL_SETTLE_OUTCOME, 0); /* the search compares outcomes */
  whatif_rowbuf_init(&s.buf, p, row);

  /* targets: every other outcome, then every other disposition */
  r->changes.budget = budget;
  for (int v = 0; v <= d->nvalues; v++) {
    rval x = v == d->nvalues ? RV_UNKNOWN : (rval)v;
    if (x != r->outcome) add_target(&r->changes, false, x, NULL);
  }
  if (o->disposition_node >= 0) {
    const pack_node *dn = &p->nodes[o->disposition_node];
    for (int v = 0; v <= dn->nvalues; v++) {
      const char *name = pack_node_value_name(dn, v == dn->nvalues ? RV_UNKNOWN : (rval)v);
      if (!same_str(name, r->disposition)) add_target(&r->changes, true, RV_UNKNOWN, name);
    }
  } else if (o->disposition) {
    for (int v = 0; v <= d->nvalues; v++)
      if (o->disposition[v] && !same_str(o->disposition[v], r->disposition))
        add_target(&r->changes, true, RV_UNKNOWN, o->disposition[v]);
  }
  run_search(&s, vars, nv, &r->changes);

  if (r->outcome == RV_UNKNOWN) {
    r->has_answers = true;
    r->answers.budget = budget;
    for (int v = 0; v < d->nvalues; v++) add_target(&r->answers, false, (rval)v, NULL);
    nv = collect_vars(&s, true, vars);
    run_search(&s, vars, nv, &r->answers);
  }
  rc = 0;
  *out = r;
done:
  free(vars);
  free_base(&s);
  return rc;
}
