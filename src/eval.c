/* eval: decide one case row under one opinion, lazily, in three values. */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include "reach.h"
#include "suggest.h"

#define MAX_CANDIDATES 64

enum {
  SETTLED_DONE = 1,    /* a search ran for the node */
  SETTLED_EVEN_IF = 2, /* Kleene left it unknown; every answer gives one value */
  SETTLED_OPEN = 4,    /* some answer leaves it unknown */
  SETTLED_CUT = 8      /* the search met its bound */
};

typedef struct kid_list {
  int *v;
  int n, cap;
} kid_list;

struct eval_ctx {
  const pack *p;
  int words;              /* 64-bit words in a fact bit set */
  /* the row being decided */
  int op;
  const pack_opinion *o;
  const case_row *row;
  int cur;                /* node whose rule is running, -1 at the top */
  err *fail;              /* a rule function failed */
  /* per node, reset for every row */
  uint8_t *state;
  uint8_t *open;
  uint8_t *set_aside;     /* a supplied finding did not bind */
  rval *value;
  uint64_t *reads;        /* nnodes * words */
  kid_list *dyn;          /* nodes read by rule functions */
  /* per opinion and node, computed once: nodes a declarative rule names */
  kid_list *stat;         /* nopinions * nnodes */
  /* per opinion and node: its rule, or one it depends on, is a rule
   * function, so a value known on its face may not hold for every answer */
  uint8_t *lua_below;     /* nopinions * nnodes: 0 not known, 1 no, 2 yes */
  rval outcome;
  rval disposition;       /* the disposition node's value, when there is one */
  int16_t *first_taken;   /* per pack first: branch taken, -1 none, -2 unknown */
  eval_deciding_fact deciding[MAX_CANDIDATES];
  int ndeciding;
  case_value *scratch;    /* a copy of the row's facts for trying answers */
  /* "Even if": how far eval_row goes past Kleene's logic (eval_settle) */
  eval_settle_mode settle_mode;
  long settle_budget;     /* evaluations per search */
  uint64_t *enumerable;   /* words: facts whose answers can be tried */
  uint64_t *blank_read;   /* words: blank enumerable facts this run read */
  bool nonmono;           /* a rule function was handed an unknown this run */
  int presume;            /* > 0 inside a finding's `unless`: blanks there are presumed */
  /* per node, for the row's own record: what the searches found */
  uint8_t *sflags;        /* SETTLED_* bits */
  rval *svalue;           /* the value every answer gives, when SETTLED_EVEN_IF */
  uint64_t *srange;       /* bit v: some answer gives value v */
  uint64_t *sfacts;       /* nnodes * words: the blank facts the search answered */
  long settle_evals;      /* evaluations the row's searches took */
  bool deciding_cut;      /* the row's budget ran out while trying the deciding facts */
  int outside;            /* the pack's `outside` the last row met, or -1 */
  case_value *defaults;   /* per fact: its presumed answer (facts with a default) */
  int maybe_outside;      /* one some answers to its blanks would meet, or -1 */
  uint64_t *answered, *answered2; /* scratch: facts a search tried (words) */
  int *unknown;           /* scratch: nodes a row left unknown */
  rval *kleene;           /* scratch: their values on their face */
  /* Values-only mode: no record per node, and a node whose rule and
   * everything under it is the same in two opinions is decided once per
   * row. cls maps (opinion, node) to such a class. */
  bool values_only;
  int *cls;               /* nopinions * nnodes */
  int ncls;
  uint32_t *cls_stamp;    /* row_gen when the class was decided */
  uint8_t *cls_busy;
  rval *cls_value;
  uint32_t row_gen;
  const case_row *last_row;
  int last_number, last_line;
  /* Values-only decision cache: when every fact and finding is a yes/no or
   * one-of value and no rule is a Lua function, a row is a small integer
   * key, and rows with the same key decide the same way. Two-way and
   * of fixed size: memory does not grow with the input. */
  bool memo_on;
  uint8_t *fact_bits, *fact_shift; /* per fact: bits of its key field, and where */
  uint8_t *find_shift;             /* per finding node: where (0 = not a finding) */
  int *findings, nfindings;        /* the finding nodes */
  uint64_t row_key;
  /* MEMO_SLOTS entries of memo_stride words: the key (0 = empty; keys
   * have bit 63 set), then per opinion its outcome and disposition. Key
   * and values side by side: a row costs one cache miss, not two. */
  uint64_t *memo;
  size_t memo_stride;
};

#define MEMO_SLOTS 32768

static void collect_kids(const expr *x, kid_list *k);

/* The class of (o, n): shared with an earlier opinion when the node follows
 * the same rule there and every node it depends on shares its class. */
static int assign_class(eval_ctx *c, int o, int n, int depth) {
  const pack *p = c->p;
  int nn = p->nnodes;
  int *slot = &c->cls[o * nn + n];
  if (*slot >= 0 || depth > nn) return *slot;
  const kid_list *deps = &c->stat[o * nn + n];
  for (int i = 0; i < deps->n; i++) assign_class(c, o, deps->v[i], depth + 1);
  kid_list fu = {0};
  collect_kids(p->nodes[n].finding_unless, &fu);
  for (int i = 0; i < fu.n; i++) assign_class(c, o, fu.v[i], depth + 1);
  const node_rule *r = p->opinions[o].rules[n];
  bool lua = (r->rule && r->rule->kind == EXPR_LUA);
  for (int o2 = 0; o2 < o && !lua; o2++) {
    if (p->opinions[o2].rules[n] != r) continue;
    bool same = true;
    for (int i = 0; i < deps->n && same; i++)
      same = c->cls[o2 * nn + deps->v[i]] == c->cls[o * nn + deps->v[i]] && c->cls[o * nn + deps->v[i]] >= 0;
    for (int i = 0; i < fu.n && same; i++)
      same = c->cls[o2 * nn + fu.v[i]] == c->cls[o * nn + fu.v[i]] && c->cls[o * nn + fu.v[i]] >= 0;
    if (same && c->cls[o2 * nn + n] >= 0) {
      *slot = c->cls[o2 * nn + n];
      break;
    }
  }
  free(fu.v);
  if (*slot < 0) *slot = c->ncls++;
  return *slot;
}

void eval_values_only(eval_ctx *c, bool on) {
  c->values_only = on;
  c->last_row = NULL;
  memset(c->sflags, 0, (size_t)c->p->nnodes);
  if (!on || c->cls) return;
  const pack *p = c->p;
  int total = p->nnodes * p->nopinions;
  c->cls = xmalloc(sizeof *c->cls * (size_t)(total + 1));
  for (int i = 0; i < total; i++) c->cls[i] = -1;
  for (int o = 0; o < p->nopinions; o++)
    for (int n = 0; n < p->nnodes; n++) assign_class(c, o, n, 0);
  c->cls_stamp = xcalloc((size_t)c->ncls + 1, sizeof *c->cls_stamp);
  c->cls_busy = xcalloc((size_t)c->ncls + 1, 1);
  c->cls_value = xcalloc((size_t)c->ncls + 1, sizeof *c->cls_value);
  /* the decision cache, when rows fit a key of 63 bits */
  bool ok = true;
  int bits = 0;
  for (int i = 0; i < p->nnodes && ok; i++) {
    const node_rule *r = p->nodes[i].base.rule ? &p->nodes[i].base : NULL;
    ok = !(r && r->rule->kind == EXPR_LUA);
    for (int o = 0; o < p->nopinions && ok; o++)
      ok = !(p->opinions[o].rules[i]->rule && p->opinions[o].rules[i]->rule->kind == EXPR_LUA);
  }
  c->fact_bits = xcalloc((size_t)p->nfacts + 1, 1);
  c->fact_shift = xcalloc((size_t)p->nfacts + 1, 1);
  c->find_shift = xcalloc((size_t)p->nnodes + 1, 1);
  c->findings = xcalloc((size_t)p->nnodes + 1, sizeof *c->findings);
  for (int f = 0; f < p->nfacts && ok; f++) {
    const pack_fact *pf = &p->facts[f];
    if (pf->type != FACT_YESNO && pf->type != FACT_ENUM) ok = false;
    int states = (pf->type == FACT_YESNO ? 2 : pf->nvalues) + 1, b = 0;
    while ((1 << b) < states) b++;
    c->fact_bits[f] = (uint8_t)b;
    c->fact_shift[f] = (uint8_t)bits;
    bits += b;
  }
  for (int n = 0; n < p->nnodes && ok; n++) {
    if (!p->nodes[n].finding) continue;
    int states = p->nodes[n].nvalues + 2, b = 0; /* absent, unknown, values */
    while ((1 << b) < states) b++;
    c->find_shift[n] = (uint8_t)bits;
    c->findings[c->nfindings++] = n;
    bits += b;
    if (b > 8) ok = false;
  }
  if (ok && bits <= 62) {
    c->memo_on = true;
    c->memo_stride = 1 + ((size_t)p->nopinions * 2 * sizeof(rval) + 7) / 8;
    c->memo = xcalloc((size_t)MEMO_SLOTS * c->memo_stride, sizeof *c->memo);
  }
}

static uint64_t row_key(const eval_ctx *c, const case_row *row) {
  uint64_t key = (uint64_t)1 << 63;
  const case_value *facts = row->facts;
  const uint8_t *shift = c->fact_shift;
  for (int f = 0, n = c->p->nfacts; f < n; f++) key |= (uint64_t)(facts[f].v + 1) << shift[f];
  for (int i = 0; i < c->nfindings; i++) {
    int n = c->findings[i];
    if (row->has_finding[n]) key |= (uint64_t)(row->findings[n] + 2) << c->find_shift[n];
  }
  return key;
}

/* The first of the two slots a key may take (two ways: rows whose keys
 * share a pair do not push each other out while they alternate). */
static size_t memo_slot(uint64_t key) {
  key ^= key >> 29;
  key *= 0xBF58476D1CE4E5B9ULL;
  key ^= key >> 32;
  return (size_t)(key & (MEMO_SLOTS - 2));
}

static rval *memo_find(eval_ctx *c, uint64_t key, bool claim) {
  size_t stride = c->memo_stride, width = (size_t)c->p->nopinions * 2;
  uint64_t *way0 = c->memo + memo_slot(key) * stride, *way1 = way0 + stride;
  if (way0[0] == key) return (rval *)(way0 + 1);
  if (way1[0] == key) return (rval *)(way1 + 1);
  if (!claim) return NULL;
  /* the newest key in way 0; the one it displaces moves to way 1 */
  if (way0[0] != 0) memcpy(way1, way0, sizeof *way0 * stride);
  way0[0] = key;
  rval *vals = (rval *)(way0 + 1);
  for (size_t i = 0; i < width; i++) vals[i] = RV_UNKNOWN - 1;
  return vals;
}

static void kid_add(kid_list *k, int n) {
  for (int i = 0; i < k->n; i++)
    if (k->v[i] == n) return;
  if (k->n == k->cap) {
    k->cap = k->cap ? k->cap * 2 : 4;
    k->v = xrealloc(k->v, sizeof *k->v * (size_t)k->cap);
  }
  k->v[k->n++] = n;
}

static void collect_kids(const expr *x, kid_list *k) {
  if (!x) return;
  if ((x->kind == EXPR_REF || x->kind == EXPR_IS) && x->ref.is_node) kid_add(k, x->ref.index);
  for (int i = 0; i < x->nkids; i++) collect_kids(x->kids[i], k);
}

/* Whether node n's value under opinion o comes through a rule function. */
static bool lua_below(eval_ctx *c, int o, int n, int depth) {
  const pack *p = c->p;
  uint8_t *m = &c->lua_below[o * p->nnodes + n];
  if (*m) return *m == 2;
  const node_rule *r = p->opinions[o].rules[n];
  bool lua = r->rule && r->rule->kind == EXPR_LUA;
  *m = 1; /* a cycle through static rules is refused at load; this ends one anyway */
  const kid_list *k = &c->stat[o * p->nnodes + n];
  for (int i = 0; i < k->n && !lua && depth < p->nnodes; i++) lua = lua_below(c, o, k->v[i], depth + 1);
  *m = lua ? 2 : 1;
  return lua;
}

eval_ctx *eval_new(const pack *p) {
  eval_ctx *c = xcalloc(1, sizeof *c);
  int nn = p->nnodes, no = p->nopinions;
  c->p = p;
  c->words = (p->nfacts + 63) / 64;
  if (c->words == 0) c->words = 1;
  c->state = xcalloc((size_t)nn + 1, 1);
  c->open = xcalloc((size_t)nn + 1, 1);
  c->set_aside = xcalloc((size_t)nn + 1, 1);
  c->value = xcalloc((size_t)nn + 1, sizeof *c->value);
  c->reads = xcalloc((size_t)(nn + 1) * (size_t)c->words, sizeof *c->reads);
  c->dyn = xcalloc((size_t)nn + 1, sizeof *c->dyn);
  c->stat = xcalloc((size_t)(nn * no) + 1, sizeof *c->stat);
  for (int o = 0; o < no; o++) {
    for (int n = 0; n < nn; n++) {
      const node_rule *r = p->opinions[o].rules[n];
      collect_kids(r->rule, &c->stat[o * nn + n]);
      collect_kids(r->open, &c->stat[o * nn + n]);
    }
  }
  c->lua_below = xcalloc((size_t)(nn * no) + 1, 1);
  for (int o = 0; o < no; o++)
    for (int n = 0; n < nn; n++) lua_below(c, o, n, 0);
  c->scratch = xcalloc((size_t)p->nfacts + 1, sizeof *c->scratch);
  c->settle_mode = EVAL_SETTLE_NODES;
  c->settle_budget = EVAL_SETTLE_BUDGET;
  c->enumerable = xcalloc((size_t)c->words, sizeof *c->enumerable);
  for (int f = 0; f < p->nfacts; f++)
    if (reach_enumerable(&p->facts[f])) /* at most 64 values: the pack refuses more */
      c->enumerable[f / 64] |= (uint64_t)1 << (f % 64);
  c->blank_read = xcalloc((size_t)c->words, sizeof *c->blank_read);
  c->sflags = xcalloc((size_t)nn + 1, 1);
  c->svalue = xcalloc((size_t)nn + 1, sizeof *c->svalue);
  c->srange = xcalloc((size_t)nn + 1, sizeof *c->srange);
  c->sfacts = xcalloc((size_t)(nn + 1) * (size_t)c->words, sizeof *c->sfacts);
  c->answered = xcalloc((size_t)c->words, sizeof *c->answered);
  c->answered2 = xcalloc((size_t)c->words, sizeof *c->answered2);
  c->unknown = xcalloc((size_t)nn + 1, sizeof *c->unknown);
  c->kleene = xcalloc((size_t)nn + 1, sizeof *c->kleene);
  c->first_taken = xcalloc((size_t)p->nfirsts + 1, sizeof *c->first_taken);
  c->outside = c->maybe_outside = -1;
  c->defaults = xcalloc((size_t)p->nfacts + 1, sizeof *c->defaults);
  for (int f = 0; f < p->nfacts; f++) c->defaults[f] = (case_value){p->facts[f].has_default ? p->facts[f].def : RV_UNKNOWN, 0, NULL, 0};
  return c;
}

void eval_free(eval_ctx *c) {
  if (!c) return;
  int nn = c->p->nnodes;
  for (int i = 0; i < nn; i++) free(c->dyn[i].v);
  for (int i = 0; i < nn * c->p->nopinions; i++) free(c->stat[i].v);
  free(c->dyn);
  free(c->stat);
  free(c->lua_below);
  free(c->state);
  free(c->open);
  free(c->set_aside);
  free(c->value);
  free(c->reads);
  free(c->scratch);
  free(c->enumerable);
  free(c->blank_read);
  free(c->sflags);
  free(c->svalue);
  free(c->srange);
  free(c->sfacts);
  free(c->answered);
  free(c->answered2);
  free(c->unknown);
  free(c->defaults);
  free(c->kleene);
  free(c->first_taken);
  free(c->cls);
  free(c->cls_stamp);
  free(c->cls_busy);
  free(c->cls_value);
  free(c->fact_bits);
  free(c->fact_shift);
  free(c->find_shift);
  free(c->findings);
  free(c->memo);
  err_free(c->fail);
  free(c);
}

/* ---- evaluation ----------------------------------------------------------- */

static rval eval_node(eval_ctx *c, int n);

static const case_value *read_fact(eval_ctx *c, int f) {
  const case_value *v = &c->row->facts[f];
  /* a blank the pack presumes an answer for reads as that answer */
  if (v->v == RV_UNKNOWN && c->p->facts[f].has_default) v = &c->defaults[f];
  if (c->values_only) return v;
  uint64_t bit = (uint64_t)1 << (f % 64);
  if (c->cur >= 0) c->reads[(size_t)c->cur * (size_t)c->words + (size_t)(f / 64)] |= bit;
  /* a blank the search may answer: read by a rule, not only by the
   * condition that sets a finding aside (there a blank is presumed no) */
  if (v->v == RV_UNKNOWN && !c->presume) c->blank_read[f / 64] |= bit & c->enumerable[f / 64];
  return v;
}

/* The value of a reference: a yes/no or one-of fact, or a node. */
static rval ref_value(eval_ctx *c, pack_ref r) {
  if (r.is_node) return eval_node(c, r.index);
  return read_fact(c, r.index)->v;
}

/* A number or date fact compared with a rule's constant. */
static rval compare_fact(const case_value *v, const expr *x) {
  if (v->v == RV_UNKNOWN) return RV_UNKNOWN;
  double a = v->num, b = x->number;
  bool r = false;
  switch (x->cmp) {
  case CMP_GT: r = a > b; break;
  case CMP_GE: r = a >= b; break;
  case CMP_LT: r = a < b; break;
  case CMP_LE: r = a <= b; break;
  case CMP_EQ: r = a == b; break;
  case CMP_NE: r = a != b; break;
  }
  return r ? RV_YES : RV_NO;
}

static rval eval_cmp(eval_ctx *c, const expr *x) { return compare_fact(read_fact(c, x->ref.index), x); }

static rval eval_lua(eval_ctx *c, const expr *x, int node);

static rval eval_expr(eval_ctx *c, const expr *x, int node) {
  if (c->fail) return RV_UNKNOWN;
  switch (x->kind) {
  case EXPR_CONST: return x->constant;
  case EXPR_REF: return ref_value(c, x->ref);
  case EXPR_IS: {
    rval v = ref_value(c, x->ref);
    if (v == RV_UNKNOWN) return RV_UNKNOWN;
    return (x->set >> v) & 1 ? RV_YES : RV_NO;
  }
  case EXPR_CMP: return eval_cmp(c, x);
  case EXPR_NOT: return value_not(eval_expr(c, x->kids[0], node));
  case EXPR_ALL: {
    /* Kleene AND, stopping at the first no: later elements are not reached */
    rval acc = RV_YES;
    for (int i = 0; i < x->nkids && acc != RV_NO; i++) acc = value_and(acc, eval_expr(c, x->kids[i], node));
    return acc;
  }
  case EXPR_ANY: {
    rval acc = RV_NO;
    for (int i = 0; i < x->nkids && acc != RV_YES; i++) acc = value_or(acc, eval_expr(c, x->kids[i], node));
    return acc;
  }
  case EXPR_UNLESS: {
    rval r = eval_expr(c, x->kids[0], node);
    if (r == RV_NO) return RV_NO; /* the exception is moot */
    return value_and(r, value_not(eval_expr(c, x->kids[1], node)));
  }
  case EXPR_FIRST:
    for (int i = 0; i < x->nkids; i++) {
      rval cond = x->kids[i] ? eval_expr(c, x->kids[i], node) : RV_YES;
      if (cond == RV_YES) {
        c->first_taken[x->first_id] = (int16_t)i;
        return x->gives[i];
      }
      /* an unknown condition leaves the choice open: later branches are
       * not reached, since which would apply is not known */
      if (cond == RV_UNKNOWN) {
        c->first_taken[x->first_id] = -2;
        return RV_UNKNOWN;
      }
    }
    return RV_UNKNOWN;
  case EXPR_LUA: return eval_lua(c, x, node);
  }
  return RV_UNKNOWN;
}

static rval decide_node(eval_ctx *c, int n);

/* Values-only memo: one decision per class and row. */
static rval eval_node_fast(eval_ctx *c, int n) {
  int k = c->cls[c->op * c->p->nnodes + n];
  if (c->cls_stamp[k] == c->row_gen) {
    if (!c->cls_busy[k]) return c->cls_value[k];
    if (!c->fail) {
      const pack_node *nd = &c->p->nodes[n];
      c->fail = err_hint(err_node(err_new(nd->file, nd->line, 0, "node %s depends on itself through a rule function", nd->name), nd->name),
                         "a rule function must not read the node it decides, directly or through others");
    }
    return RV_UNKNOWN;
  }
  c->cls_stamp[k] = c->row_gen;
  c->cls_busy[k] = 1;
  rval v = decide_node(c, n);
  c->cls_busy[k] = 0;
  return c->cls_value[k] = v;
}

static rval eval_node(eval_ctx *c, int n) {
  if (c->values_only) return eval_node_fast(c, n);
  switch ((node_state)c->state[n]) {
  case NODE_DERIVED:
  case NODE_FOUND:
  case NODE_NO_FINDING: return c->value[n];
  case NODE_EVALUATING:
    if (!c->fail) {
      const pack_node *nd = &c->p->nodes[n];
      c->fail = err_hint(err_node(err_new(nd->file, nd->line, 0, "node %s depends on itself through a rule function", nd->name), nd->name),
                         "a rule function must not read the node it decides, directly or through others");
    }
    return RV_UNKNOWN;
  case NODE_NOT_REACHED: break;
  }
  return decide_node(c, n);
}

/* Decide a node by its finding or its rule; in full mode, record how. */
static rval decide_node(eval_ctx *c, int n) {
  const pack_node *nd = &c->p->nodes[n];
  int saved = c->cur;
  if (nd->finding && c->row->has_finding[n]) {
    /* A finding below binds unless the pack's condition for setting it
     * aside holds (it was challenged on appeal, say); unknown binds. */
    rval unless = RV_NO;
    if (nd->finding_unless) {
      c->state[n] = NODE_EVALUATING;
      c->cur = n;
      c->presume++;
      unless = eval_expr(c, nd->finding_unless, n);
      c->presume--;
      c->cur = saved;
    }
    if (unless != RV_YES) {
      c->state[n] = NODE_FOUND;
      return c->value[n] = c->row->findings[n];
    }
    c->set_aside[n] = 1;
  }
  const node_rule *r = c->o->rules[n];
  if (!r->rule) {
    c->state[n] = NODE_NO_FINDING;
    return c->value[n] = RV_UNKNOWN;
  }
  c->state[n] = NODE_EVALUATING;
  c->cur = n;
  rval v = eval_expr(c, r->rule, n);
  if (v == RV_NO && r->open) {
    /* the opinion left this question open: not "no", but unknown */
    rval open = eval_expr(c, r->open, n);
    if (open != RV_NO) {
      v = RV_UNKNOWN;
      c->open[n] = open == RV_YES;
    }
  }
  c->cur = saved;
  c->state[n] = NODE_DERIVED;
  return c->value[n] = v;
}

/* A rule function reads facts and nodes by name through this. */
static int lua_reader(void *ud, const char *name, sandbox_value *out, err **e) {
  eval_ctx *c = ud;
  const pack *p = c->p;
  memset(out, 0, sizeof *out);
  int f = pack_fact_index(p, name);
  if (f >= 0) {
    const pack_fact *fact = &p->facts[f];
    const case_value *v = read_fact(c, f);
    if (v->v == RV_UNKNOWN) {
      c->nonmono = true; /* the function may make anything of nil */
      return 0;
    }
    switch (fact->type) {
    case FACT_YESNO: out->kind = SV_BOOL; out->b = v->v == RV_YES; break;
    case FACT_ENUM:
      out->kind = SV_STRING;
      out->str = fact->values[v->v];
      out->len = strlen(out->str);
      break;
    case FACT_NUMBER: out->kind = SV_NUMBER; out->num = v->num; break;
    case FACT_DATE:
    case FACT_TEXT:
      out->kind = SV_STRING;
      out->str = v->text ? v->text : "";
      out->len = strlen(out->str);
      break;
    }
    return 0;
  }
  int n = pack_node_index(p, name);
  if (n < 0) {
    *e = err_new(NULL, 0, 0, "a rule function read '%s', which is no fact or node of the pack", name);
    const char **cands = xcalloc((size_t)(p->nfacts + p->nnodes + 1), sizeof *cands);
    int nc = 0;
    for (int k = 0; k < p->nfacts; k++) cands[nc++] = p->facts[k].name;
    for (int k = 0; k < p->nnodes; k++) cands[nc++] = p->nodes[k].name;
    const char *best = suggest_closest(name, strlen(name), cands, nc);
    if (best) err_hint(*e, "did you mean f.%s?", best);
    else if (p->nfacts) err_hint(*e, "read a fact or node the pack declares, e.g. f.%s", p->facts[0].name);
    free(cands);
    return -1;
  }
  if (c->cur >= 0) kid_add(&c->dyn[c->cur], n);
  rval v = eval_node(c, n);
  if (c->fail) {
    *e = c->fail;
    c->fail = NULL;
    return -1;
  }
  if (v == RV_UNKNOWN) {
    c->nonmono = true;
    return 0;
  }
  const pack_node *nd = &p->nodes[n];
  if (!nd->valued) {
    out->kind = SV_BOOL;
    out->b = v == RV_YES;
  } else {
    out->kind = SV_STRING;
    out->str = nd->values[v];
    out->len = strlen(out->str);
  }
  return 0;
}

static rval eval_lua(eval_ctx *c, const expr *x, int node) {
  const pack_node *nd = &c->p->nodes[node];
  sandbox_value sv;
  err *e = NULL;
  if (sandbox_call_rule(c->p->sb, x->lua_ref, nd->name, lua_reader, c, &sv, &e) != 0) {
    if (!e->file && x->file) {
      e->file = xstrdup(x->file);
      e->line = x->line;
    }
    c->fail = e;
    return RV_UNKNOWN;
  }
  switch (sv.kind) {
  case SV_NIL: return RV_UNKNOWN;
  case SV_BOOL:
    if (!nd->valued) return sv.b ? RV_YES : RV_NO;
    break;
  case SV_STRING: {
    if (strcmp(sv.str, "unknown") == 0) return RV_UNKNOWN;
    int v = pack_node_value(nd, sv.str, sv.len);
    if (v >= 0) return (rval)v;
    break;
  }
  case SV_NUMBER: break;
  }
  c->fail = err_node(err_new(x->file, x->line, 0,
                             "node %s: its rule function returned %s, which is not one of its values",
                             nd->name, sv.kind == SV_STRING ? sv.str : sv.kind == SV_BOOL ? (sv.b ? "true" : "false") : "a number"),
                     nd->name);
  err_hint(c->fail, nd->valued ? "return one of the node's value names, or nil when unknown"
                               : "return true, false, or nil when unknown");
  return RV_UNKNOWN;
}

/* Forget the last evaluation's record: nothing reached. */
static void clear_record(eval_ctx *c) {
  const pack *p = c->p;
  memset(c->state, 0, (size_t)p->nnodes);
  memset(c->open, 0, (size_t)p->nnodes);
  memset(c->set_aside, 0, (size_t)p->nnodes);
  memset(c->reads, 0, sizeof *c->reads * (size_t)p->nnodes * (size_t)c->words);
  for (int i = 0; i < p->nnodes; i++) c->dyn[i].n = 0;
  for (int i = 0; i < p->nfirsts; i++) c->first_taken[i] = -1;
}

/* Decide `root` (and `droot`, when >= 0) for a row under opinion `op`, from
 * a clean slate, by Kleene's logic alone. */
static int run(eval_ctx *c, int op, const case_row *row, int root, int droot, err **e) {
  const pack *p = c->p;
  c->op = op;
  c->o = &p->opinions[op];
  c->row = row;
  c->cur = -1;
  c->nonmono = false;
  if (c->values_only) {
    c->outcome = eval_node(c, root);
    c->disposition = droot >= 0 ? eval_node(c, droot) : RV_UNKNOWN;
    goto done;
  }
  clear_record(c);
  memset(c->blank_read, 0, sizeof *c->blank_read * (size_t)c->words);
  c->outcome = eval_node(c, root);
  c->disposition = droot >= 0 ? eval_node(c, droot) : RV_UNKNOWN;
done:
  if (c->fail) {
    /* nothing decided in a failed attempt may be reused for this row */
    c->last_row = NULL;
    *e = c->fail;
    c->fail = NULL;
    return -1;
  }
  return 0;
}

/* ---- "even if": trying the answers to blank facts ---------------------------
 *
 * Kleene's logic leaves a node unknown when one blank fact it reads is
 * unknown, even where every answer to that fact gives the same value
 * (any { all { a, b }, all { no a, b } } with a blank and b yes). A search
 * settles it: evaluate; while the goal is unknown, take the first blank
 * yes/no or one-of fact this evaluation read and try each of its answers.
 * Every construct but a rule function is monotone (filling in a blank
 * never changes a known value), so a known goal ends a branch; after a
 * rule function was handed an unknown, the search goes on answering the
 * blanks it read. Only facts an evaluation reached are tried, and the
 * number of evaluations is bounded: past the bound the goal stays unknown
 * and the search says it was cut short. */

typedef struct settle {
  uint64_t vals, dvals; /* values some answer gives the goal, the second goal */
  bool unk, dunk;       /* some answer leaves it unknown */
  bool cut;
  bool early;           /* stop once both goals are known to be undecided */
  long evals;
  uint64_t *answered;   /* c->words words: facts the search tried */
} settle;

static bool undecided(uint64_t vals, bool unk) { return unk || (vals & (vals - 1)) != 0; }

/* After a rule function was handed an unknown, even a known value may not
 * hold for every answer: for the nodes that come through it. */
static bool through_lua(const eval_ctx *c, int n) {
  return n >= 0 && c->nonmono && c->lua_below[c->op * c->p->nnodes + n] == 2;
}

static int first_blank(const eval_ctx *c) {
  for (int w = 0; w < c->words; w++)
    if (c->blank_read[w]) return w * 64 + __builtin_ctzll(c->blank_read[w]);
  return -1;
}

static void settle_add(settle *s, rval v, rval dv) {
  if (v == RV_UNKNOWN) s->unk = true;
  else s->vals |= (uint64_t)1 << v;
  if (dv == RV_UNKNOWN) s->dunk = true;
  else s->dvals |= (uint64_t)1 << dv;
}

/* `trial` is the row with some blanks answered; its facts are c->scratch.
 * Facts the search answers are blank again when it returns. */
static void settle_rec(eval_ctx *c, int op, case_row *trial, int root, int droot, settle *s) {
  err *e = NULL;
  s->evals++;
  c->settle_evals++;
  if (run(c, op, trial, root, droot, &e) != 0) {
    /* a rule function failed on this answer: nothing is known of it */
    err_free(e);
    settle_add(s, RV_UNKNOWN, RV_UNKNOWN);
    return;
  }
  rval v = c->outcome, dv = droot >= 0 ? c->disposition : RV_NO;
  int f = first_blank(c);
  if (f < 0 || (v != RV_UNKNOWN && dv != RV_UNKNOWN && !through_lua(c, root) && !through_lua(c, droot))) {
    settle_add(s, v, dv);
    return;
  }
  if (s->evals >= c->settle_budget || c->settle_evals >= c->settle_budget * EVAL_ROW_SEARCHES) {
    s->cut = true;
    settle_add(s, RV_UNKNOWN, RV_UNKNOWN);
    return;
  }
  s->answered[f / 64] |= (uint64_t)1 << (f % 64);
  int nv = reach_nvalues(&c->p->facts[f]);
  for (int x = 0; x < nv; x++) {
    c->scratch[f].v = (rval)x;
    settle_rec(c, op, trial, root, droot, s);
    if (s->early && undecided(s->vals, s->unk) && undecided(s->dvals, s->dunk)) break;
  }
  c->scratch[f].v = RV_UNKNOWN;
}

/* Search the answers to the blank facts of `base` (whose facts may be
 * c->scratch itself) for goal `root` and second goal `droot`. The per-node
 * record afterwards is the last branch's: the caller runs the row again. */
static void settle_search(eval_ctx *c, int op, const case_row *base, int root, int droot, bool early, settle *s,
                          uint64_t *answered) {
  bool vo = c->values_only;
  c->values_only = false; /* the search needs the facts each branch read */
  memset(s, 0, sizeof *s);
  s->early = early;
  s->answered = answered;
  memset(answered, 0, sizeof *answered * (size_t)c->words);
  case_row trial = *base;
  if (base->facts != c->scratch) memcpy(c->scratch, base->facts, sizeof *c->scratch * (size_t)c->p->nfacts);
  trial.facts = c->scratch;
  if (droot < 0) s->dvals = 1; /* no second goal: count it decided */
  settle_rec(c, op, &trial, root, droot, s);
  c->values_only = vo;
}

/* The single value a search found, or unknown. */
static rval settled_value(uint64_t vals, bool unk) {
  return unk || vals == 0 || undecided(vals, false) ? RV_UNKNOWN : (rval)__builtin_ctzll(vals);
}

/* Record a node's search for the row's explanation. `kleene` is the node's
 * value on its face: "even if" only where that was
 * unknown (after a rule function was handed a blank, a known value is
 * searched too, and may turn out open). */
static void settle_record(eval_ctx *c, int n, rval kleene, uint64_t vals, bool unk, bool cut, const uint64_t *answered) {
  rval v = settled_value(vals, unk);
  c->sflags[n] = SETTLED_DONE | (v != RV_UNKNOWN && kleene == RV_UNKNOWN ? SETTLED_EVEN_IF : 0) |
                 (unk ? SETTLED_OPEN : 0) | (cut ? SETTLED_CUT : 0);
  c->svalue[n] = v;
  c->srange[n] = vals;
  memcpy(c->sfacts + (size_t)n * (size_t)c->words, answered, sizeof *answered * (size_t)c->words);
}

/* For an undecided outcome: each fact the search answered, with the
 * outcome each of its answers gives once the other blanks are searched. */
static void find_deciding(eval_ctx *c, int op, const case_row *row, const uint64_t *answered) {
  const pack *p = c->p;
  const pack_opinion *o = &p->opinions[op];
  uint64_t *scratch_answered = c->answered2;
  c->ndeciding = 0;
  memcpy(c->scratch, row->facts, sizeof *c->scratch * (size_t)p->nfacts);
  case_row base = *row; /* the row with one fact answered: its facts are the scratch */
  base.facts = c->scratch;
  for (int w = 0; w < c->words; w++) {
    for (uint64_t bits = answered[w]; bits && c->ndeciding < MAX_CANDIDATES; bits &= bits - 1) {
      if (c->settle_evals >= c->settle_budget * EVAL_ROW_SEARCHES) {
        c->deciding_cut = true; /* the row's budget is spent: the facts not yet tried are not listed */
        return;
      }
      int f = w * 64 + __builtin_ctzll(bits);
      eval_deciding_fact *d = &c->deciding[c->ndeciding++];
      d->fact = f;
      d->nanswers = reach_nvalues(&p->facts[f]);
      for (int x = 0; x < d->nanswers; x++) {
        c->scratch[f].v = (rval)x;
        settle s;
        settle_search(c, op, &base, o->decides, -1, true, &s, scratch_answered);
        d->outcome[x] = settled_value(s.vals, s.unk);
      }
      c->scratch[f].v = RV_UNKNOWN;
    }
  }
}

/* Values-only mode: the class memo holds for one row, so a new row starts
 * a new generation, and gets its key once. */
static void enter_row(eval_ctx *c, const case_row *row) {
  if (row == c->last_row && row->number == c->last_number && row->line == c->last_line) return;
  if (++c->row_gen == 0) {
    memset(c->cls_stamp, 0, sizeof *c->cls_stamp * (size_t)c->ncls);
    c->row_gen = 1;
  }
  c->last_row = row;
  c->last_number = row->number;
  c->last_line = row->line;
  if (c->memo_on) c->row_key = row_key(c, row);
}

void eval_prefetch_row(eval_ctx *c, const case_row *row) {
  if (!c->values_only || !c->memo_on) return;
  enter_row(c, row);
  __builtin_prefetch(c->memo + memo_slot(c->row_key) * c->memo_stride);
}

/* Settle an unknown outcome or disposition by searching the answers to the
 * row's blank facts; values-only mode stops as soon as it is undecided. */
static void settle_outcome(eval_ctx *c, int op, const case_row *row, bool early, uint64_t *answered, settle *s) {
  const pack_opinion *o = &c->p->opinions[op];
  settle_search(c, op, row, o->decides, o->disposition_node, early, s, answered);
  c->op = op;
  c->o = o;
  c->outcome = settled_value(s->vals, s->unk);
  c->disposition = o->disposition_node >= 0 ? settled_value(s->dvals, s->dunk) : RV_UNKNOWN;
}

static bool needs_settling(const eval_ctx *c) {
  return c->settle_mode != EVAL_SETTLE_NONE &&
         (c->outcome == RV_UNKNOWN || (c->o->disposition_node >= 0 && c->disposition == RV_UNKNOWN) ||
          through_lua(c, c->o->decides) || through_lua(c, c->o->disposition_node));
}

static int values_row(eval_ctx *c, int op, const case_row *row, err **e) {
  if (run(c, op, row, c->p->opinions[op].decides, c->p->opinions[op].disposition_node, e) != 0) return -1;
  if (needs_settling(c)) {
    settle s;
    settle_outcome(c, op, row, true, c->answered, &s);
  }
  return 0;
}

/* ---- the pack's scope ---------------------------------------------------- */

static rval expr_given(const pack *p, const expr *x, const case_row *row, const rval *nodes);

/* The fact refs of a rule, each once. */
static int fact_refs(const expr *x, int *out, int n, int cap) {
  if (!x) return n;
  if ((x->kind == EXPR_REF || x->kind == EXPR_IS || x->kind == EXPR_CMP) && !x->ref.is_node) {
    bool seen = false;
    for (int i = 0; i < n; i++) seen |= out[i] == x->ref.index;
    if (!seen && n < cap) out[n++] = x->ref.index;
  }
  for (int i = 0; i < x->nkids; i++) n = fact_refs(x->kids[i], out, n, cap);
  return n;
}

#define OUTSIDE_MAX_BLANKS 12 /* 4096 answers at most: beyond, "may be outside" is not enough */

enum { MEETS_SOME = 1, MISSES_SOME = 2 };

/* Which answers to the blank facts `when` names meet it: MEETS_SOME,
 * MISSES_SOME, or both (the same "even if" as elements: a blank that cannot
 * change it does not keep a row inside). */
static int meets_outside(eval_ctx *c, const expr *when, case_row *trial, const int *blank, int nblank) {
  int nv = nblank ? reach_nvalues(&c->p->facts[blank[0]]) : 0;
  if (nv == 0) {
    if (nblank) return meets_outside(c, when, trial, blank + 1, nblank - 1); /* not tried: as it stands */
    rval v = expr_given(c->p, when, trial, NULL);
    return v == RV_YES ? MEETS_SOME : v == RV_NO ? MISSES_SOME : MEETS_SOME | MISSES_SOME;
  }
  int f = blank[0], got = 0;
  for (int x = 0; x < nv && got != (MEETS_SOME | MISSES_SOME); x++) {
    c->scratch[f].v = (rval)x;
    got |= meets_outside(c, when, trial, blank + 1, nblank - 1);
  }
  c->scratch[f].v = RV_UNKNOWN;
  return got;
}

/* The first of the pack's `outside` declarations the row meets, or -1;
 * *maybe the first that some answers to its blank facts would meet. */
static int find_outside(eval_ctx *c, const case_row *row, int *maybe) {
  const pack *p = c->p;
  *maybe = -1;
  for (int i = 0; i < p->noutside; i++) {
    const expr *when = p->outside[i].when;
    rval v = expr_given(p, when, row, NULL);
    if (v == RV_YES) return i;
    if (v == RV_NO) continue;
    int refs[64], blank[64], nblank = 0;
    int n = fact_refs(when, refs, 0, 64);
    for (int k = 0; k < n; k++)
      if (row->facts[refs[k]].v == RV_UNKNOWN && !p->facts[refs[k]].has_default) blank[nblank++] = refs[k];
    int got = MEETS_SOME | MISSES_SOME;
    if (nblank <= OUTSIDE_MAX_BLANKS) {
      memcpy(c->scratch, row->facts, sizeof *c->scratch * (size_t)p->nfacts);
      case_row trial = *row;
      trial.facts = c->scratch;
      got = meets_outside(c, when, &trial, blank, nblank);
    }
    if (got == MEETS_SOME) return i;
    if ((got & MEETS_SOME) && *maybe < 0) *maybe = i;
  }
  return -1;
}

/* A row outside the pack: no opinion decides it, and nothing is reached. */
static void record_outside(eval_ctx *c, int op) {
  const pack *p = c->p;
  c->op = op;
  c->o = &p->opinions[op];
  c->outcome = c->disposition = RV_UNKNOWN;
  if (c->values_only) return;
  clear_record(c);
  memset(c->sflags, 0, (size_t)p->nnodes);
  memset(c->blank_read, 0, sizeof *c->blank_read * (size_t)c->words); /* nothing was read */
}

int eval_row(eval_ctx *c, int op, const case_row *row, err **e) {
  c->ndeciding = 0;
  c->deciding_cut = false;
  c->settle_evals = 0;
  c->outside = c->p->noutside ? find_outside(c, row, &c->maybe_outside) : (c->maybe_outside = -1);
  if (c->outside >= 0) {
    record_outside(c, op);
    return 0;
  }
  if (c->values_only) {
    enter_row(c, row);
    if (c->memo_on) {
      rval *vals = memo_find(c, c->row_key, true);
      if (vals[op * 2] != RV_UNKNOWN - 1) {
        c->op = op;
        c->o = &c->p->opinions[op];
        c->outcome = vals[op * 2];
        c->disposition = vals[op * 2 + 1];
        return 0;
      }
      if (values_row(c, op, row, e) != 0) return -1;
      vals[op * 2] = c->outcome;
      vals[op * 2 + 1] = c->disposition;
      return 0;
    }
    return values_row(c, op, row, e);
  }
  const pack *p = c->p;
  const pack_opinion *o = &p->opinions[op];
  memset(c->sflags, 0, (size_t)p->nnodes);
  if (run(c, op, row, o->decides, o->disposition_node, e) != 0) return -1;
  if (c->settle_mode == EVAL_SETTLE_NONE) return 0;
  /* which nodes the row's own evaluation left unknown */
  int *unknown = c->unknown, nunknown = 0;
  bool settle_top = needs_settling(c);
  rval kleene_outcome = c->outcome, base_outcome = through_lua(c, o->decides) ? RV_UNKNOWN : c->outcome;
  if (c->settle_mode == EVAL_SETTLE_NODES)
    for (int n = 0; n < p->nnodes; n++)
      if (c->state[n] == NODE_DERIVED && (c->value[n] == RV_UNKNOWN || through_lua(c, n)) && n != o->decides) {
        c->kleene[nunknown] = c->value[n];
        unknown[nunknown++] = n;
      }
  if (!settle_top && nunknown == 0) return 0;
  uint64_t *answered = c->answered;
  for (int i = 0; i < nunknown; i++) {
    settle s;
    settle_search(c, op, row, unknown[i], -1, false, &s, answered);
    settle_record(c, unknown[i], c->kleene[i], s.vals, s.unk, s.cut, answered);
  }
  rval outcome = RV_UNKNOWN, disposition = RV_UNKNOWN;
  bool nodes = c->settle_mode == EVAL_SETTLE_NODES;
  if (settle_top && nodes && base_outcome == RV_UNKNOWN) {
    /* the outcome on its own, so that the facts it tried are the outcome's */
    settle s;
    settle_search(c, op, row, o->decides, -1, false, &s, answered);
    settle_record(c, o->decides, kleene_outcome, s.vals, s.unk, s.cut, answered);
    if (settled_value(s.vals, s.unk) == RV_UNKNOWN) find_deciding(c, op, row, answered);
  } else if (settle_top && !nodes) {
    settle s;
    settle_outcome(c, op, row, true, answered, &s);
    outcome = c->outcome;
    disposition = c->disposition;
  }
  /* the row's own record, for the explanation; each node's value is then
   * its search's where one ran, else its own */
  if (run(c, op, row, o->decides, o->disposition_node, e) != 0) return -1;
  if (settle_top && nodes) {
    outcome = eval_node_value(c, o->decides);
    disposition = o->disposition_node >= 0 ? eval_node_value(c, o->disposition_node) : RV_UNKNOWN;
  }
  if (settle_top) {
    c->outcome = outcome;
    c->disposition = disposition;
  }
  return 0;
}

/* ---- a rule re-decided from given values ----------------------------------- */

/* A fact's answer in a row, or the pack's presumed answer for a blank. */
static rval given_fact(const pack *p, const case_row *row, int f) {
  rval v = row->facts[f].v;
  return v == RV_UNKNOWN && p->facts[f].has_default ? p->facts[f].def : v;
}

static rval expr_given(const pack *p, const expr *x, const case_row *row, const rval *nodes) {
  switch (x->kind) {
  case EXPR_CONST: return x->constant;
  case EXPR_REF: return x->ref.is_node ? (nodes ? nodes[x->ref.index] : RV_UNKNOWN) : given_fact(p, row, x->ref.index);
  case EXPR_IS: {
    rval v = x->ref.is_node ? (nodes ? nodes[x->ref.index] : RV_UNKNOWN) : given_fact(p, row, x->ref.index);
    if (v == RV_UNKNOWN) return RV_UNKNOWN;
    return (x->set >> v) & 1 ? RV_YES : RV_NO;
  }
  case EXPR_CMP: return compare_fact(&row->facts[x->ref.index], x);
  case EXPR_NOT: return value_not(expr_given(p, x->kids[0], row, nodes));
  case EXPR_ALL: {
    rval acc = RV_YES;
    for (int i = 0; i < x->nkids && acc != RV_NO; i++) acc = value_and(acc, expr_given(p, x->kids[i], row, nodes));
    return acc;
  }
  case EXPR_ANY: {
    rval acc = RV_NO;
    for (int i = 0; i < x->nkids && acc != RV_YES; i++) acc = value_or(acc, expr_given(p, x->kids[i], row, nodes));
    return acc;
  }
  case EXPR_UNLESS: {
    rval r = expr_given(p, x->kids[0], row, nodes);
    if (r == RV_NO) return RV_NO;
    return value_and(r, value_not(expr_given(p, x->kids[1], row, nodes)));
  }
  case EXPR_FIRST:
    for (int i = 0; i < x->nkids; i++) {
      rval cond = x->kids[i] ? expr_given(p, x->kids[i], row, nodes) : RV_YES;
      if (cond == RV_YES) return x->gives[i];
      if (cond == RV_UNKNOWN) return RV_UNKNOWN;
    }
    return RV_UNKNOWN;
  case EXPR_LUA: break;
  }
  return RV_UNKNOWN;
}

static bool has_lua(const expr *x) {
  if (!x) return false;
  if (x->kind == EXPR_LUA) return true;
  for (int i = 0; i < x->nkids; i++)
    if (has_lua(x->kids[i])) return true;
  return false;
}

rval eval_rule_given(const pack *p, int op, int n, const case_row *row, const rval *nodes) {
  const node_rule *r = p->opinions[op].rules[n];
  if (!r->rule || has_lua(r->rule) || has_lua(r->open)) return EVAL_NOT_GIVEN;
  rval v = expr_given(p, r->rule, row, nodes);
  if (v == RV_NO && r->open && expr_given(p, r->open, row, nodes) != RV_NO) v = RV_UNKNOWN;
  return v;
}

/* ---- the record ----------------------------------------------------------- */

int eval_opinion(const eval_ctx *c) { return c->op; }
int eval_outside(const eval_ctx *c) { return c->outside; }
int eval_maybe_outside(const eval_ctx *c) { return c->maybe_outside; }
rval eval_outcome(const eval_ctx *c) { return c->outcome; }

const char *eval_disposition(const eval_ctx *c) {
  return pack_disposition_name(c->p, c->op, c->outcome, c->disposition);
}

int eval_row_values(eval_ctx *c, const int *ops, int n, const case_row *row, rval *outcomes,
                    rval *dispositions, int *failed, err **e) {
  c->outside = c->p->noutside ? find_outside(c, row, &c->maybe_outside) : (c->maybe_outside = -1);
  if (c->outside >= 0) {
    for (int i = 0; i < n; i++) outcomes[i] = dispositions[i] = RV_UNKNOWN;
    record_outside(c, ops[n - 1]);
    return 0;
  }
  /* one lookup for every opinion when the row's key is cached for all */
  if (c->values_only) enter_row(c, row);
  const rval *vals = c->values_only && c->memo_on ? memo_find(c, c->row_key, false) : NULL;
  int k = 0;
  while (vals && k < n && vals[ops[k] * 2] != RV_UNKNOWN - 1) k++;
  if (vals && k == n) {
    for (int i = 0; i < n; i++) {
      outcomes[i] = vals[ops[i] * 2];
      dispositions[i] = vals[ops[i] * 2 + 1];
    }
    return 0;
  }
  for (int i = 0; i < n; i++) {
    if (eval_row(c, ops[i], row, e) != 0) {
      *failed = i;
      return -1;
    }
    outcomes[i] = c->outcome;
    dispositions[i] = c->disposition;
  }
  return 0;
}

node_state eval_node_state(const eval_ctx *c, int node) { return (node_state)c->state[node]; }
rval eval_node_value(const eval_ctx *c, int node) {
  return c->sflags[node] & SETTLED_DONE ? c->svalue[node] : c->value[node];
}

bool eval_node_settled(const eval_ctx *c, int node, eval_settled *out) {
  memset(out, 0, sizeof *out);
  if (!(c->sflags[node] & SETTLED_DONE)) return false;
  out->range = c->srange[node];
  out->open = c->sflags[node] & SETTLED_OPEN;
  out->even_if = c->sflags[node] & SETTLED_EVEN_IF;
  out->cut = c->sflags[node] & SETTLED_CUT;
  out->facts = c->sfacts + (size_t)node * (size_t)c->words;
  out->words = c->words;
  return true;
}

void eval_settle(eval_ctx *c, eval_settle_mode mode, long budget) {
  c->settle_mode = mode;
  c->settle_budget = budget > 0 ? budget : EVAL_SETTLE_BUDGET;
}

long eval_settle_evals(const eval_ctx *c) { return c->settle_evals; }
int eval_node_open(const eval_ctx *c, int node) { return c->open[node]; }
int eval_node_set_aside(const eval_ctx *c, int node) { return c->set_aside[node]; }

int eval_node_read_fact(const eval_ctx *c, int node, int fact) {
  return (int)((c->reads[(size_t)node * (size_t)c->words + (size_t)(fact / 64)] >> (fact % 64)) & 1);
}

int eval_node_kids(const eval_ctx *c, int node, const int **kids) {
  const node_rule *r = c->o->rules[node];
  if (r->rule && r->rule->kind == EXPR_LUA) {
    *kids = c->dyn[node].v;
    return c->dyn[node].n;
  }
  const kid_list *k = &c->stat[c->op * c->p->nnodes + node];
  *kids = k->v;
  return k->n;
}

const uint64_t *eval_node_reads(const eval_ctx *c, int node, int *words) {
  *words = c->words;
  return c->reads + (size_t)node * (size_t)c->words;
}

int eval_first_taken(const eval_ctx *c, int first) { return c->first_taken[first]; }

const uint64_t *eval_blank_reads(const eval_ctx *c, int *words) {
  *words = c->words;
  return c->blank_read;
}

bool eval_rule_function_blank(const eval_ctx *c) { return c->nonmono; }

int eval_deciding(const eval_ctx *c, const eval_deciding_fact **facts, bool *cut) {
  *facts = c->deciding;
  *cut = c->deciding_cut;
  return c->ndeciding;
}
