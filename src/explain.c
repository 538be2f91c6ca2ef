/* explain: turn the evaluator's record into an explanation tree. */
#include "explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reach.h"
#include "turn.h"

/* A bump allocator, emptied (not freed) for each row. */
typedef struct block {
  struct block *next;
  size_t used, cap;
  char data[];
} block;

struct explain_mem {
  block *head;
  explain_node *nodes;   /* one per pack node */
  bool *built;
};

static void *mem_alloc(struct explain_mem *m, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (!m->head || m->head->used + n > m->head->cap) {
    /* Reuse the next block if it is big enough, else add one. */
    size_t cap = n > 16384 ? n : 16384;
    block *b = xmalloc(sizeof *b + cap);
    b->cap = cap;
    b->used = 0;
    b->next = m->head;
    m->head = b;
  }
  void *p = m->head->data + m->head->used;
  m->head->used += n;
  return p;
}

static void mem_reset(struct explain_mem *m) {
  /* keep the largest block, free the rest: the next row needs about as
   * much as this one */
  if (!m->head) return;
  block *keep = m->head;
  for (block *b = m->head->next; b; b = b->next)
    if (b->cap > keep->cap) keep = b;
  for (block *b = m->head, *next; b; b = next) {
    next = b->next;
    if (b != keep) free(b);
  }
  keep->next = NULL;
  keep->used = 0;
  m->head = keep;
}

static char *mem_strdup(struct explain_mem *m, const char *s, size_t n) {
  char *d = mem_alloc(m, n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

explain_tree *explain_new(const pack *p) {
  explain_tree *t = xcalloc(1, sizeof *t);
  t->p = p;
  t->mem = xcalloc(1, sizeof *t->mem);
  t->mem->nodes = xcalloc((size_t)p->nnodes + 1, sizeof *t->mem->nodes);
  t->mem->built = xcalloc((size_t)p->nnodes + 1, sizeof *t->mem->built);
  t->turn = turn_new(p);
  return t;
}

void explain_free(explain_tree *t) {
  if (!t) return;
  for (block *b = t->mem->head, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  free(t->mem->nodes);
  free(t->mem->built);
  free(t->mem);
  turn_free(t->turn);
  free(t);
}

const char *explain_fact_text(const pack *p, const case_row *row, int fact, char *buf, size_t bufsz) {
  const pack_fact *f = &p->facts[fact];
  const case_value *v = &row->facts[fact];
  if (v->v == RV_UNKNOWN && f->has_default) return f->type == FACT_ENUM ? f->values[f->def] : value_yesno_name(f->def);
  if (v->v == RV_UNKNOWN) return "unknown";
  switch (f->type) {
  case FACT_YESNO: return value_yesno_name(v->v);
  case FACT_ENUM: return f->values[v->v];
  case FACT_NUMBER: snprintf(buf, bufsz, "%g", v->num); return buf;
  case FACT_DATE:
  case FACT_TEXT: return v->text ? v->text : "";
  }
  return "unknown";
}

bool explain_presumed(const pack *p, const case_row *row, int fact) {
  return row->facts[fact].v == RV_UNKNOWN && p->facts[fact].has_default;
}

const char *explain_answer_name(const pack_fact *f, rval x) {
  if (x == RV_UNKNOWN) return "unknown";
  if (f->type == FACT_ENUM) return x >= 0 && x < f->nvalues ? f->values[x] : "unknown";
  return value_yesno_name(x);
}

const char *explain_node_title(const pack_node *n, char *buf, size_t bufsz) {
  if (n->title) return n->title;
  snprintf(buf, bufsz, "%s", n->name);
  if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
  for (char *s = buf; *s; s++)
    if (*s == '_') *s = ' ';
  return buf;
}

/* Fill a template's holes with the row's facts and the nodes' values. A
 * value name reads better with spaces: deliberate_indifference becomes
 * "deliberate indifference". */
static const char *fill_template(explain_tree *t, const eval_ctx *c, const tmpl *tp) {
  size_t cap = 256, len = 0;
  char *out = xmalloc(cap);
  char buf[64];
  for (int i = 0; i < tp->nparts; i++) {
    const tmpl_part *part = &tp->parts[i];
    const char *s;
    size_t n;
    if (part->text) {
      s = part->text;
      n = (size_t)part->len;
    } else {
      if (part->ref.is_node) {
        const pack_node *nd = &t->p->nodes[part->ref.index];
        s = eval_node_state(c, part->ref.index) == NODE_NOT_REACHED
                ? "unknown" : pack_node_value_name(nd, eval_node_value(c, part->ref.index));
      } else {
        s = explain_fact_text(t->p, t->row, part->ref.index, buf, sizeof buf);
      }
      n = strlen(s);
    }
    if (len + n + 1 > cap) {
      while (len + n + 1 > cap) cap *= 2;
      out = xrealloc(out, cap);
    }
    for (size_t k = 0; k < n; k++) out[len++] = (!part->text && s[k] == '_') ? ' ' : s[k];
  }
  char *r = mem_strdup(t->mem, out, len);
  free(out);
  return r;
}

/* Whether a node below x (already built) is decided "even if" and tried fact f. */
static bool explained_below(const eval_ctx *c, const explain_node *x, int f, int depth) {
  for (int i = 0; i < x->nkids && depth < 256; i++) {
    const explain_node *k = x->kids[i];
    eval_settled st;
    if (k->even_if && eval_node_settled(c, k->node, &st) && ((st.facts[f / 64] >> (f % 64)) & 1)) return true;
    if (explained_below(c, k, f, depth + 1)) return true;
  }
  return false;
}

/* The blank facts a search tried, into *out: every one, or, given an "even
 * if" node x, those no node below x already names (the note goes where
 * the reason is). Returns the count. */
static int tried_facts(explain_tree *t, const eval_ctx *c, const explain_node *x, const eval_settled *st, int depth,
                       explain_fact **out) {
  int nf = 0, n = 0;
  for (int w = 0; w < st->words; w++) nf += __builtin_popcountll(st->facts[w]);
  *out = mem_alloc(t->mem, sizeof **out * (size_t)(nf ? nf : 1));
  for (int w = 0; w < st->words; w++) {
    for (uint64_t bits = st->facts[w]; bits; bits &= bits - 1) {
      int f = w * 64 + __builtin_ctzll(bits);
      if (x && explained_below(c, x, f, depth)) continue;
      (*out)[n++] = (explain_fact){f, "unknown", t->row->facts[f].col, false};
    }
  }
  return n;
}

static explain_node *build_node(explain_tree *t, const eval_ctx *c, int n, int depth) {
  struct explain_mem *m = t->mem;
  explain_node *x = &m->nodes[n];
  if (m->built[n]) return x;
  m->built[n] = true;
  const pack *p = t->p;
  const pack_node *nd = &p->nodes[n];
  const node_rule *r = p->opinions[t->opinion].rules[n];
  memset(x, 0, sizeof *x);
  x->node = n;
  x->state = eval_node_state(c, n);
  x->value = x->state == NODE_NOT_REACHED ? RV_UNKNOWN : eval_node_value(c, n);
  x->value_name = x->state == NODE_NOT_REACHED ? "not reached" : pack_node_value_name(nd, x->value);
  x->open = eval_node_open(c, n);
  x->set_aside = eval_node_set_aside(c, n);
  x->by = r->by;
  x->nby = r->nby;
  x->title = r->title;
  if (x->state != NODE_NOT_REACHED) {
    const tmpl *tp = x->value == RV_UNKNOWN ? &r->says_unknown : &r->says[x->value];
    if (tp->parts) x->sentence = fill_template(t, c, tp);
  }
  if (x->state == NODE_DERIVED) {
    int words;
    const uint64_t *reads = eval_node_reads(c, n, &words);
    int nf = 0;
    for (int w = 0; w < words; w++) nf += __builtin_popcountll(reads[w]);
    x->facts = mem_alloc(m, sizeof *x->facts * (size_t)(nf ? nf : 1));
    char buf[64];
    for (int w = 0; w < words; w++) {
      for (uint64_t bits = reads[w]; bits; bits &= bits - 1) { /* each fact read, in order */
        int f = w * 64 + __builtin_ctzll(bits);
        const char *v = explain_fact_text(p, t->row, f, buf, sizeof buf);
        x->facts[x->nfacts++] = (explain_fact){f, v == buf ? mem_strdup(m, buf, strlen(buf)) : v,
                                               t->row->facts[f].col, explain_presumed(p, t->row, f)};
      }
    }
  }
  const int *kids;
  int nk = x->state == NODE_DERIVED ? eval_node_kids(c, n, &kids) : 0;
  x->kids = mem_alloc(m, sizeof *x->kids * (size_t)(nk ? nk : 1));
  for (int i = 0; i < nk && depth < 256; i++) x->kids[x->nkids++] = build_node(t, c, kids[i], depth + 1);
  eval_settled st;
  if (x->state == NODE_DERIVED && eval_node_settled(c, n, &st)) {
    x->settled = true;
    x->even_if = st.even_if;
    x->range = st.range;
    x->range_open = st.open;
    x->search_cut = st.cut;
    if (st.cut) t->search_cut = true;
    if (st.even_if) x->nimmaterial = tried_facts(t, c, x, &st, depth, &x->immaterial);
  }
  return x;
}

/* ---- the element the outcome turns on --------------------------------------- */

/* Blank facts the row's evaluation read that the search cannot try one
 * answer at a time: numbers, dates, text. */
static void untried_facts(explain_tree *t, const eval_ctx *c, const case_row *row) {
  const pack *p = t->p;
  t->untried = mem_alloc(t->mem, sizeof *t->untried * (size_t)(p->nfacts ? p->nfacts : 1));
  for (int f = 0; f < p->nfacts; f++) {
    const pack_fact *pf = &p->facts[f];
    if (row->facts[f].v != RV_UNKNOWN || reach_enumerable(pf) || pf->has_default) continue;
    bool read = false;
    for (int n = 0; n < p->nnodes && !read; n++)
      read = eval_node_state(c, n) == NODE_DERIVED && eval_node_read_fact(c, n, f);
    if (read) t->untried[t->nuntried++] = (explain_fact){f, "unknown", row->facts[f].col, false};
  }
}

void explain_build(explain_tree *t, const eval_ctx *c, const case_row *row) {
  const pack *p = t->p;
  mem_reset(t->mem);
  memset(t->mem->built, 0, sizeof *t->mem->built * (size_t)p->nnodes);
  t->row = row;
  t->search_cut = false;
  t->opinion = eval_opinion(c);
  t->outside = eval_outside(c);
  t->maybe_outside = eval_maybe_outside(c);
  const pack_opinion *o = &p->opinions[t->opinion];
  t->outcome = eval_outcome(c);
  t->outcome_name = pack_node_value_name(&p->nodes[o->decides], t->outcome);
  t->disposition = eval_disposition(c);
  t->root = build_node(t, c, o->decides, 0);
  t->disposition_root = o->disposition_node >= 0 ? build_node(t, c, o->disposition_node, 0) : NULL;
  /* the walk steps only to reached elements, each of which the tree holds */
  t->turns_on = &t->mem->nodes[turn_find(t->turn, c, row)];
  t->noutcome_immaterial = 0;
  eval_settled st;
  if (t->root->even_if && eval_node_settled(c, o->decides, &st))
    t->noutcome_immaterial = tried_facts(t, c, NULL, &st, 0, &t->outcome_immaterial);
  t->nuntried = 0;
  if (t->outcome == RV_UNKNOWN) untried_facts(t, c, row);
  const eval_deciding_fact *facts;
  bool cut;
  int n = eval_deciding(c, &facts, &cut);
  if (cut) t->search_cut = true;
  t->deciding = mem_alloc(t->mem, sizeof *t->deciding * (size_t)(n ? n : 1));
  t->ndeciding = n;
  for (int i = 0; i < n; i++) {
    int decided = 0;
    for (int a = 0; a < facts[i].nanswers; a++) decided += facts[i].outcome[a] != RV_UNKNOWN;
    /* copied: the tree outlives the evaluator's record */
    rval *outcome = mem_alloc(t->mem, sizeof *outcome * (size_t)facts[i].nanswers);
    memcpy(outcome, facts[i].outcome, sizeof *outcome * (size_t)facts[i].nanswers);
    t->deciding[i] = (explain_deciding){facts[i].fact, row->facts[facts[i].fact].col,
                                        decided == facts[i].nanswers ? DECIDES_ALWAYS
                                        : decided ? DECIDES_SOMETIMES : DECIDES_NEVER,
                                        facts[i].nanswers, outcome};
  }
}
