/* quiz: answer keys, answers and grades, and hypotheticals near the
 * boundaries. */
#include "quiz.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "reach.h"

/* ---- the generator ---------------------------------------------------------------- */

void quiz_rng_seed(quiz_rng *g, uint64_t seed) { g->state = seed; }

uint64_t quiz_rng_next(quiz_rng *g) {
  uint64_t z = (g->state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t quiz_rng_below(quiz_rng *g, uint64_t n) {
  /* draws below 2^64 mod n would favour the small numbers: drawn again */
  uint64_t floor = (0 - n) % n;
  for (;;) {
    uint64_t r = quiz_rng_next(g);
    if (r >= floor) return r % n;
  }
}

/* ---- the answer key ----------------------------------------------------------------- */

struct quiz {
  const pack *p;
  const int *ops;
  int nops;
  eval_ctx *ec;
  quiz_round round;
  /* per pack node, for the walks of one key */
  rval *vals;
  int *end, *height, *size;
  bool *own, *seen, *listed, *visited;
  int *parent;           /* a listed element: the element it was found under */
  int *found;            /* the listed elements, in the order found */
};

quiz *quiz_new(const pack *p, const int *ops, int nops) {
  quiz *q = xcalloc(1, sizeof *q);
  size_t nn = (size_t)p->nnodes + 1;
  q->p = p;
  q->ops = ops;
  q->nops = nops;
  q->ec = eval_new(p);
  q->round.p = p;
  q->round.keys = xcalloc((size_t)nops + 1, sizeof *q->round.keys);
  q->round.nkeys = nops;
  for (int k = 0; k < nops; k++) {
    q->round.keys[k].opinion = ops[k];
    q->round.keys[k].accepted = xcalloc(nn, sizeof(bool));
    q->round.keys[k].tree = explain_new(p);
  }
  q->round.elements = xcalloc(nn, sizeof *q->round.elements);
  q->vals = xcalloc(nn, sizeof *q->vals);
  q->end = xcalloc(nn, sizeof *q->end);
  q->height = xcalloc(nn, sizeof *q->height);
  q->size = xcalloc(nn, sizeof *q->size);
  q->own = xcalloc(nn, sizeof *q->own);
  q->seen = xcalloc(nn, sizeof *q->seen);
  q->listed = xcalloc(nn, sizeof *q->listed);
  q->visited = xcalloc(nn, sizeof *q->visited);
  q->parent = xcalloc(nn, sizeof *q->parent);
  q->found = xcalloc(nn, sizeof *q->found);
  q->round.element_depth = xcalloc(nn, sizeof *q->round.element_depth);
  return q;
}

void quiz_free(quiz *q) {
  if (!q) return;
  for (int k = 0; k < q->round.nkeys; k++) {
    err_free(q->round.keys[k].error);
    free(q->round.keys[k].accepted);
    explain_free(q->round.keys[k].tree);
  }
  free(q->round.keys);
  free(q->round.elements);
  free(q->vals);
  free(q->end);
  free(q->height);
  free(q->size);
  free(q->own);
  free(q->seen);
  free(q->listed);
  free(q->visited);
  free(q->parent);
  free(q->found);
  free(q->round.element_depth);
  eval_free(q->ec);
  free(q);
}

/* A child the walks can step to: reached, and not a value-naming element
 * (a state of mind), which is read through the element that uses it. */
static bool steppable(const quiz *q, int kid) {
  return eval_node_state(q->ec, kid) != NODE_NOT_REACHED && !q->p->nodes[kid].valued;
}

/* Whether `kid` settles x, whose rule gives `base` on the row's values:
 * x decided, its rule gives something else with the kid unknown; x open,
 * some answer for the kid (left unknown) decides it. */
static bool settles(quiz *q, int op, const case_row *row, int x, rval base, int kid) {
  rval keep = q->vals[kid];
  bool changes = false;
  if (q->vals[x] != RV_UNKNOWN) {
    if (keep == RV_UNKNOWN) return false;
    q->vals[kid] = RV_UNKNOWN;
    changes = eval_rule_given(q->p, op, x, row, q->vals) != base;
  } else if (keep == RV_UNKNOWN && base == RV_UNKNOWN) {
    for (int v = 0; v < q->p->nodes[kid].nvalues && !changes; v++) {
      q->vals[kid] = (rval)v;
      changes = eval_rule_given(q->p, op, x, row, q->vals) != RV_UNKNOWN;
    }
  }
  q->vals[kid] = keep;
  return changes;
}

/* Every element a walk of settling steps reaches from x (what x rests on). */
static void mark_below(quiz *q, int op, const case_row *row, int x, bool *accepted, int depth) {
  if (q->seen[x] || depth > 256) return;
  q->seen[x] = true;
  if (eval_node_state(q->ec, x) != NODE_DERIVED) return;
  rval base = eval_rule_given(q->p, op, x, row, q->vals);
  if (base == EVAL_NOT_GIVEN) return; /* a rule function: nothing to weigh its inputs by */
  const int *kids;
  int nk = eval_node_kids(q->ec, x, &kids);
  for (int i = 0; i < nk; i++) {
    int k = kids[i];
    if (!steppable(q, k) || !settles(q, op, row, x, base, k)) continue;
    accepted[k] = true;
    mark_below(q, op, row, k, accepted, depth + 1);
  }
}

/* The rule an opinion builds on for a node: its base opinion's, or the
 * pack's own for an opinion without a base. */
static const node_rule *base_rule(const pack *p, const pack_opinion *o, int n) {
  return o->base >= 0 ? p->opinions[o->base].rules[n] : &p->nodes[n].base;
}

/* Whether the opinion decides the node by a rule of its own: an override
 * that changes the rule or the open question, not only its authorities or
 * sentences. */
static bool own_rule(const pack *p, int op, int n) {
  const pack_opinion *o = &p->opinions[op];
  const node_rule *r = o->rules[n], *b = base_rule(p, o, n);
  return r->rule != b->rule || r->open != b->open;
}

/* Whether there its rule gives another value than the base opinion's
 * would on the same answers. */
static bool parts_from_base(const quiz *q, int op, const case_row *row, int x) {
  const pack_opinion *o = &q->p->opinions[op];
  if (o->base < 0) return true;
  rval v = eval_rule_given(q->p, o->base, x, row, q->vals);
  return v == EVAL_NOT_GIVEN || v != q->vals[x];
}

/* The reached elements under x, itself included. */
static int reasoning_size(quiz *q, int x, int depth) {
  if (q->size[x] >= 0) return q->size[x];
  int n = 1;
  const int *kids;
  int nk = eval_node_kids(q->ec, x, &kids);
  for (int i = 0; i < nk && depth < 256; i++)
    if (eval_node_state(q->ec, kids[i]) != NODE_NOT_REACHED) n += reasoning_size(q, kids[i], depth + 1);
  return q->size[x] = n;
}

/* How good an end of the walk is: where the opinion parts from the one
 * it builds on (or leaves the question open), then the longest walk, then
 * the most reasoning under it. */
typedef struct rank {
  bool own;
  int height, size;
} rank;

static int rank_cmp(rank a, rank b) {
  if (a.own != b.own) return a.own ? 1 : -1;
  if (a.height != b.height) return a.height > b.height ? 1 : -1;
  return a.size > b.size ? 1 : a.size < b.size ? -1 : 0;
}

static rank step_rank(quiz *q, int k, int depth) { return (rank){q->own[k], q->height[k] + 1, reasoning_size(q, k, depth)}; }

/* The walk the explanation follows from x: down settling steps, ending at
 * a question the opinion leaves open or decides by its own rule; the best
 * end it reaches is q->end[x] (x itself when no step goes down). */
static void turn_from(quiz *q, int op, const case_row *row, int x, bool top, int depth) {
  if (q->end[x] >= 0) return;
  q->end[x] = x;
  q->height[x] = 0;
  bool open = eval_node_open(q->ec, x);
  bool ends = !top && (open || own_rule(q->p, op, x));
  q->own[x] = ends && (open || parts_from_base(q, op, row, x));
  if (ends || eval_node_state(q->ec, x) != NODE_DERIVED || depth > 256) return;
  rval base = eval_rule_given(q->p, op, x, row, q->vals);
  if (base == EVAL_NOT_GIVEN) return;
  const int *kids;
  int nk = eval_node_kids(q->ec, x, &kids);
  rank best = {false, 0, 0};
  bool any = false;
  for (int i = 0; i < nk; i++) {
    int k = kids[i];
    if (!steppable(q, k) || !settles(q, op, row, x, base, k)) continue;
    turn_from(q, op, row, k, false, depth + 1);
    rank rk = step_rank(q, k, depth + 1);
    if (!any || rank_cmp(rk, best) > 0) {
      best = rk;
      any = true;
      q->end[x] = q->end[k];
      q->height[x] = rk.height;
      q->own[x] = rk.own;
    }
  }
}

/* What an answer may name: every element on the best walks from x (all
 * of them where several rank the same), and below each end, what it rests
 * on. */
static void accept_from(quiz *q, int op, const case_row *row, int x, bool *accepted, int depth) {
  if (q->end[x] == x || depth > 256) return;
  rval base = eval_rule_given(q->p, op, x, row, q->vals);
  const int *kids;
  int nk = eval_node_kids(q->ec, x, &kids);
  rank best = {false, 0, 0};
  bool any = false;
  for (int pass = 0; pass < 2; pass++) {
    /* the best rank first, then every step that has it */
    for (int i = 0; i < nk; i++) {
      int k = kids[i];
      if (!steppable(q, k) || !settles(q, op, row, x, base, k)) continue;
      rank rk = step_rank(q, k, depth + 1);
      if (pass == 0) {
        if (!any || rank_cmp(rk, best) > 0) best = rk, any = true;
      } else if (rank_cmp(rk, best) == 0 && !accepted[k]) {
        accepted[k] = true;
        if (q->end[k] == k) mark_below(q, op, row, k, accepted, depth + 1);
        else accept_from(q, op, row, k, accepted, depth + 1);
      }
    }
  }
}

/* The element choices: what the opinion reached below x, value-naming
 * elements left out, each with the element it was first found under. */
static void list_elements(quiz *q, int x, int depth) {
  const int *kids;
  int nk = eval_node_kids(q->ec, x, &kids);
  for (int i = 0; i < nk && depth < 256; i++) {
    int k = kids[i];
    if (!steppable(q, k) || q->visited[k]) continue;
    q->visited[k] = true;
    if (!q->listed[k]) {
      q->listed[k] = true;
      q->parent[k] = x;
      q->found[q->round.nelements++] = k;
    }
    list_elements(q, k, depth + 1);
  }
}

/* The choices as an outline of every opinion's elements: each element
 * right after the one it was found under, siblings in the order found. */
static void outline(quiz *q, int x, int depth, int *n) {
  for (int i = 0; i < q->round.nelements && depth < 256; i++) {
    int k = q->found[i];
    if (q->parent[k] != x) continue;
    q->round.element_depth[*n] = depth;
    q->round.elements[(*n)++] = k;
    outline(q, k, depth + 1, n);
  }
}

static void build_key(quiz *q, quiz_key *key, const case_row *row) {
  const pack *p = q->p;
  int op = key->opinion, root = p->opinions[op].decides;
  for (int n = 0; n < p->nnodes; n++) {
    q->vals[n] = eval_node_state(q->ec, n) == NODE_NOT_REACHED ? RV_UNKNOWN : eval_node_value(q->ec, n);
    q->end[n] = -1;
    q->size[n] = -1;
    q->seen[n] = false;
    q->visited[n] = false;
  }
  key->outcome = eval_outcome(q->ec);
  key->outcome_name = pack_node_value_name(&p->nodes[root], key->outcome);
  key->disposition = eval_disposition(q->ec);
  turn_from(q, op, row, root, true, 0);
  key->turns_on = q->end[root] != root ? q->end[root] : -1;
  accept_from(q, op, row, root, key->accepted, 0);
  key->accepted[root] = false;
  key->naccepted = 0;
  for (int n = 0; n < p->nnodes; n++) key->naccepted += key->accepted[n];
  list_elements(q, root, 0);
  explain_build(key->tree, q->ec, row);
}

const quiz_round *quiz_round_build(quiz *q, const case_row *row) {
  const pack *p = q->p;
  quiz_round *r = &q->round;
  r->row = row;
  r->outside = -1;
  r->nelements = 0;
  memset(q->listed, 0, sizeof *q->listed * (size_t)p->nnodes);
  if (p->nrule_functions > 0) sandbox_start_row(p->sb); /* --max-time is per row */
  for (int k = 0; k < r->nkeys; k++) {
    quiz_key *key = &r->keys[k];
    err_free(key->error);
    key->error = NULL;
    memset(key->accepted, 0, sizeof *key->accepted * (size_t)p->nnodes);
    key->naccepted = 0;
    key->turns_on = -1;
    key->outcome = RV_UNKNOWN;
    key->outcome_name = "unknown";
    key->disposition = NULL;
    if (eval_row(q->ec, key->opinion, row, &key->error) != 0) continue;
    if (eval_outside(q->ec) >= 0) {
      /* scope is a matter of the facts: the same under every opinion */
      r->outside = eval_outside(q->ec);
      continue;
    }
    build_key(q, key, row);
  }
  /* every opinion decides the same node, or each its own: outlines in turn */
  int n = 0;
  for (int k = 0; k < r->nkeys; k++) {
    int root = p->opinions[r->keys[k].opinion].decides;
    bool again = false;
    for (int j = 0; j < k; j++) again |= p->opinions[r->keys[j].opinion].decides == root;
    if (!again && !q->listed[root]) outline(q, root, 0, &n);
  }
  r->nelements = n;
  return r;
}

bool quiz_asks_element(const quiz_round *r, int k) {
  return r->outside < 0 && !r->keys[k].error && r->keys[k].naccepted > 0;
}

/* ---- answers ------------------------------------------------------------------------------ */

int quiz_outcome_choices(const quiz_round *r, int k) {
  return r->p->nodes[r->p->opinions[r->keys[k].opinion].decides].nvalues + 1;
}

rval quiz_outcome_choice(const quiz_round *r, int k, int i) {
  return i < quiz_outcome_choices(r, k) - 1 ? (rval)i : RV_UNKNOWN;
}

/* The text trimmed, in lower case, '_' as ' ', into buf; its length. */
static size_t normalize(const char *s, char *buf, size_t bufsz) {
  while (*s && isspace((unsigned char)*s)) s++;
  size_t n = 0;
  for (; *s && n + 1 < bufsz; s++) buf[n++] = *s == '_' ? ' ' : (char)tolower((unsigned char)*s);
  while (n > 0 && isspace((unsigned char)buf[n - 1])) n--;
  buf[n] = '\0';
  return n;
}

/* A choice's number, from 1 to n; 0 when the text is not one. */
static int choice_number(const char *text, int n) {
  char *end;
  while (isspace((unsigned char)*text)) text++;
  if (!isdigit((unsigned char)*text)) return 0;
  long v = strtol(text, &end, 10);
  while (isspace((unsigned char)*end)) end++;
  return *end || v < 1 || v > n ? 0 : (int)v;
}

int quiz_parse_outcome(const quiz_round *r, int k, const char *text, rval *out) {
  int n = quiz_outcome_choices(r, k);
  int num = choice_number(text, n);
  if (num) {
    *out = quiz_outcome_choice(r, k, num - 1);
    return 0;
  }
  char want[128], name[128];
  normalize(text, want, sizeof want);
  if (strcmp(want, "unknown") == 0 || strcmp(want, "open") == 0) {
    *out = RV_UNKNOWN;
    return 0;
  }
  const pack_node *d = &r->p->nodes[r->p->opinions[r->keys[k].opinion].decides];
  for (int v = 0; v < d->nvalues; v++) {
    normalize(d->values[v], name, sizeof name);
    if (strcmp(want, name) == 0) {
      *out = (rval)v;
      return 0;
    }
  }
  return -1;
}

int quiz_parse_element(const quiz_round *r, const char *text, int *node) {
  int num = choice_number(text, r->nelements);
  if (num) {
    *node = r->elements[num - 1];
    return 0;
  }
  char want[256], name[256];
  size_t len = normalize(text, want, sizeof want);
  if (len == 0) return -1;
  int prefix = -1, nprefix = 0;
  for (int i = 0; i < r->nelements; i++) {
    const pack_node *n = &r->p->nodes[r->elements[i]];
    char tbuf[256];
    const char *names[2] = {n->name, explain_node_title(n, tbuf, sizeof tbuf)};
    bool starts = false;
    for (int j = 0; j < 2; j++) {
      normalize(names[j], name, sizeof name);
      if (strcmp(want, name) == 0) {
        *node = r->elements[i];
        return 0;
      }
      starts |= strncmp(want, name, len) == 0;
    }
    if (starts) prefix = r->elements[i], nprefix++;
  }
  if (nprefix != 1) return -1;
  *node = prefix;
  return 0;
}

/* ---- grading ------------------------------------------------------------------------------ */

quiz_grade quiz_grade_answer(const quiz_round *r, int k, rval outcome, int element) {
  const quiz_key *key = &r->keys[k];
  quiz_grade g = {false, false};
  if (r->outside >= 0 || key->error) return g;
  g.outcome_right = outcome != QUIZ_NO_ANSWER && outcome == key->outcome;
  if (!quiz_asks_element(r, k)) g.element_right = true;
  else g.element_right = element >= 0 && element < r->p->nnodes && key->accepted[element];
  return g;
}

/* ---- hypotheticals near the boundaries ------------------------------------------------------ */

typedef struct gen {
  const pack *p;
  const int *ops;
  int nops;
  eval_ctx *ec;
  int *vars;         /* enumerable facts some opinion can reach, in pack order */
  int nvars;
  rval *outcomes;    /* per opinion: the candidate's outcome */
  const char **disps;
  rval *tried;       /* per opinion: after one change */
  const char **tried_disps;
  uint64_t *read;    /* facts some opinion's evaluation read */
  int words;
  case_row row;      /* the candidate: facts and findings owned */
  case_row trim;     /* the candidate with the unread facts left blank */
} gen;

typedef struct flip {
  int fact;
  rval to;
  int opinion;       /* the first opinion it changes */
  rval outcome;      /* that opinion's outcome after it */
  bool some;         /* it changes some opinions and not others */
} flip;

static bool same_str(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

static void gen_init(gen *g, const pack *p, const int *ops, int nops) {
  memset(g, 0, sizeof *g);
  g->p = p;
  g->ops = ops;
  g->nops = nops;
  g->ec = eval_new(p);
  eval_settle(g->ec, EVAL_SETTLE_OUTCOME, 0); /* only outcomes are compared */
  bool *facts = xcalloc((size_t)p->nfacts + 1, sizeof *facts);
  bool *nodes = xcalloc((size_t)p->nnodes + 1, sizeof *nodes);
  for (int i = 0; i < nops; i++) {
    const pack_opinion *o = &p->opinions[ops[i]];
    reach_from(p, ops[i], o->decides, facts, nodes);
    if (o->disposition_node >= 0) reach_from(p, ops[i], o->disposition_node, facts, nodes);
  }
  g->vars = xcalloc((size_t)p->nfacts + 1, sizeof *g->vars);
  for (int f = 0; f < p->nfacts; f++)
    if (facts[f] && reach_enumerable(&p->facts[f])) g->vars[g->nvars++] = f;
  free(facts);
  free(nodes);
  g->outcomes = xcalloc((size_t)nops + 1, sizeof *g->outcomes);
  g->disps = xcalloc((size_t)nops + 1, sizeof *g->disps);
  g->tried = xcalloc((size_t)nops + 1, sizeof *g->tried);
  g->tried_disps = xcalloc((size_t)nops + 1, sizeof *g->tried_disps);
  g->words = (p->nfacts + 63) / 64 + 1;
  g->read = xcalloc((size_t)g->words, sizeof *g->read);
  case_row *rows[2] = {&g->row, &g->trim};
  for (int i = 0; i < 2; i++) {
    rows[i]->facts = xcalloc((size_t)p->nfacts + 1, sizeof *rows[i]->facts);
    rows[i]->findings = xcalloc((size_t)p->nnodes + 1, sizeof *rows[i]->findings);
    rows[i]->has_finding = xcalloc((size_t)p->nnodes + 1, sizeof *rows[i]->has_finding);
    rows[i]->id = "";
  }
}

static void gen_free(gen *g) {
  eval_free(g->ec);
  free(g->vars);
  free(g->outcomes);
  free(g->disps);
  free(g->tried);
  free(g->tried_disps);
  free(g->read);
  case_row *rows[2] = {&g->row, &g->trim};
  for (int i = 0; i < 2; i++) {
    free(rows[i]->facts);
    free(rows[i]->findings);
    free(rows[i]->has_finding);
  }
}

/* Decide `row` under every opinion into out and disps; with `reads`, also
 * gather the facts read. -1 when a rule fails or the row is outside the
 * pack. */
static int decide_all(gen *g, const case_row *row, rval *out, const char **disps, bool reads) {
  const pack *p = g->p;
  if (reads) memset(g->read, 0, sizeof *g->read * (size_t)g->words);
  if (p->nrule_functions > 0) sandbox_start_row(p->sb);
  for (int i = 0; i < g->nops; i++) {
    err *e = NULL;
    if (eval_row(g->ec, g->ops[i], row, &e) != 0) {
      err_free(e);
      return -1;
    }
    if (eval_outside(g->ec) >= 0) return -1;
    out[i] = eval_outcome(g->ec);
    disps[i] = eval_disposition(g->ec);
    if (!reads) continue;
    for (int n = 0; n < p->nnodes; n++) {
      if (eval_node_state(g->ec, n) == NODE_NOT_REACHED) continue;
      int words;
      const uint64_t *r = eval_node_reads(g->ec, n, &words);
      for (int w = 0; w < words && w < g->words; w++) g->read[w] |= r[w];
    }
  }
  return 0;
}

static bool was_read(const gen *g, int f) { return (g->read[f / 64] >> (f % 64)) & 1; }

static bool disagree(const gen *g, const rval *out) {
  for (int i = 1; i < g->nops; i++)
    if (out[i] != out[0]) return true;
  return false;
}

/* Every change of one enumerable fact of g->row that changes some
 * opinion's outcome (g->outcomes holds the row's own), into flips (room
 * for every fact and value); returns how many. */
static int find_flips(gen *g, flip *flips) {
  int n = 0;
  for (int i = 0; i < g->nvars; i++) {
    int f = g->vars[i];
    rval cur = g->row.facts[f].v;
    int nv = reach_nvalues(&g->p->facts[f]);
    for (int a = 0; a < nv; a++) {
      if (a == cur) continue;
      g->row.facts[f].v = (rval)a;
      if (decide_all(g, &g->row, g->tried, g->tried_disps, false) == 0) {
        int changed = 0, first = -1;
        for (int k = 0; k < g->nops; k++)
          if (g->tried[k] != g->outcomes[k]) {
            changed++;
            if (first < 0) first = k;
          }
        if (changed) flips[n++] = (flip){f, (rval)a, first, g->tried[first], changed < g->nops};
      }
      g->row.facts[f].v = cur;
    }
  }
  return n;
}

/* Copy a row's facts (texts borrowed) into dst, without findings. */
static void copy_facts(const pack *p, case_row *dst, const case_row *src) {
  memcpy(dst->facts, src->facts, sizeof *src->facts * (size_t)p->nfacts);
  memset(dst->has_finding, 0, sizeof *dst->has_finding * (size_t)p->nnodes);
  memset(dst->findings, 0, sizeof *dst->findings * (size_t)p->nnodes);
}

static bool same_facts(const pack *p, const case_row *a, const case_row *b) {
  for (int f = 0; f < p->nfacts; f++) {
    const case_value *x = &a->facts[f], *y = &b->facts[f];
    if (x->v != y->v) return false;
    if (x->v == RV_UNKNOWN) continue;
    if ((p->facts[f].type == FACT_NUMBER || p->facts[f].type == FACT_DATE) && x->num != y->num) return false;
    if ((p->facts[f].type == FACT_TEXT || p->facts[f].type == FACT_DATE) && !same_str(x->text, y->text)) return false;
  }
  return true;
}

/* A value for fact f other than its current one, at random. */
static rval other_value(quiz_rng *rng, const pack_fact *f, rval cur) {
  int nv = reach_nvalues(f);
  if (cur == RV_UNKNOWN) return (rval)quiz_rng_below(rng, (uint64_t)nv);
  rval a = (rval)quiz_rng_below(rng, (uint64_t)(nv - 1));
  return a >= cur ? (rval)(a + 1) : a;
}

/* Draw a candidate into g->row: a base row varied by one or two facts
 * some opinion reads on it (their indexes into changed, -1 where none), or
 * every reachable fact at random. */
static void draw(gen *g, quiz_rng *rng, const case_row *const *bases, int nbases, int *base, int changed[2]) {
  const pack *p = g->p;
  changed[0] = changed[1] = -1;
  if (nbases == 0) {
    *base = -1;
    for (int f = 0; f < p->nfacts; f++) g->row.facts[f] = (case_value){RV_UNKNOWN, 0, NULL, 0};
    for (int i = 0; i < g->nvars; i++)
      g->row.facts[g->vars[i]].v = (rval)quiz_rng_below(rng, (uint64_t)reach_nvalues(&p->facts[g->vars[i]]));
    return;
  }
  *base = (int)quiz_rng_below(rng, (uint64_t)nbases);
  copy_facts(p, &g->row, bases[*base]);
  /* what the opinions read on the base: a change there bears on the reasoning */
  int *pool = xcalloc((size_t)g->nvars + 1, sizeof *pool), npool = 0;
  if (decide_all(g, &g->row, g->outcomes, g->disps, true) == 0)
    for (int i = 0; i < g->nvars; i++)
      if (was_read(g, g->vars[i])) pool[npool++] = g->vars[i];
  if (npool == 0) {
    memcpy(pool, g->vars, sizeof *pool * (size_t)g->nvars);
    npool = g->nvars;
  }
  int k = 1 + (int)quiz_rng_below(rng, 2);
  for (int j = 0; j < k; j++) {
    int f = pool[quiz_rng_below(rng, (uint64_t)npool)];
    g->row.facts[f].v = other_value(rng, &p->facts[f], g->row.facts[f].v);
    g->row.facts[f].col = 0;
    changed[j] = f;
  }
  free(pool);
}

/* Try the candidate in g->row. Returns true when it is near a boundary
 * (and, with want_disagree, the opinions disagree); then g->trim holds it
 * with the unread facts blank, and *h its boundary. */
static bool try_candidate(gen *g, quiz_rng *rng, bool want_disagree, flip *flips, quiz_hyp *h) {
  const pack *p = g->p;
  if (decide_all(g, &g->row, g->outcomes, g->disps, true) != 0) return false;
  bool split = disagree(g, g->outcomes);
  if (want_disagree && !split) return false;
  /* the facts no opinion read, blank: the same decisions, a shorter story */
  copy_facts(p, &g->trim, &g->row);
  for (int f = 0; f < p->nfacts; f++)
    if (!was_read(g, f)) g->trim.facts[f] = (case_value){RV_UNKNOWN, 0, NULL, 0};
  rval *out = g->tried;
  const char **disps = g->tried_disps;
  bool same = decide_all(g, &g->trim, out, disps, false) == 0;
  for (int i = 0; i < g->nops && same; i++) same = out[i] == g->outcomes[i] && same_str(disps[i], g->disps[i]);
  if (!same) copy_facts(p, &g->trim, &g->row);
  /* the flips of the trimmed row (the same as the full row's) */
  copy_facts(p, &g->row, &g->trim);
  int nflips = find_flips(g, flips);
  if (!split && nflips == 0) return false;
  h->disagree = split;
  h->flip_opinion = -1;
  if (nflips > 0) {
    /* a change that moves some opinions and not others shows where the
     * doctrine differs: those first */
    int nsome = 0;
    for (int i = 0; i < nflips; i++) nsome += flips[i].some;
    int pick = (int)quiz_rng_below(rng, (uint64_t)(nsome ? nsome : nflips));
    for (int i = 0; i < nflips; i++) {
      if (nsome && !flips[i].some) continue;
      if (pick-- == 0) {
        h->flip_opinion = flips[i].opinion;
        h->flip_fact = flips[i].fact;
        h->flip_from = g->trim.facts[flips[i].fact].v;
        h->flip_to = flips[i].to;
        h->flip_outcome = flips[i].outcome;
        break;
      }
    }
  }
  return true;
}

/* The title of a hypothetical varying base row b: the case it starts from,
 * as the title names it before any comma or colon ("Davidson, the
 * recklessness holding already reviewed" is "Davidson"), since the rest of
 * the title may describe the very facts the variation changed. */
static char *variation_title(const case_row *b) {
  const char *name = b->title && b->title[0] ? b->title : b->id;
  size_t n = strcspn(name, ",:");
  return xasprintf("title=A variation on %.*s", (int)n, name);
}

int quiz_generate(const pack *p, const int *ops, int nops, const case_row *const *bases, int nbases, uint64_t seed,
                  int count, quiz_hyp **out, err **e) {
  *out = NULL;
  gen g;
  gen_init(&g, p, ops, nops);
  quiz_rng rng;
  quiz_rng_seed(&rng, seed);
  quiz_hyp *hyps = xcalloc((size_t)count + 1, sizeof *hyps);
  int room = 1;
  for (int i = 0; i < g.nvars; i++) room += reach_nvalues(&p->facts[g.vars[i]]);
  flip *flips = xcalloc((size_t)room, sizeof *flips);
  int made = 0, rc = -1;
  if (g.nvars == 0) {
    *e = err_hint(err_new(NULL, 0, 0, "the opinions read no yes/no or one-of fact: there is nothing to vary"),
                  "quiz on rows of a case file instead: ratio quiz PACK -f CASES.csv");
    goto done;
  }
  for (; made < count; made++) {
    quiz_hyp *h = &hyps[made];
    /* every other hypothetical where the opinions part ways, while the
     * draws find one */
    bool want_disagree = nops > 1 && made % 2 == 0;
    bool found = false;
    for (int t = 0; t < QUIZ_TRIES && !found; t++) {
      if (t == QUIZ_TRIES / 2) want_disagree = false;
      int base, changed[2];
      draw(&g, &rng, bases, nbases, &base, changed);
      if (!try_candidate(&g, &rng, want_disagree, flips, h)) continue;
      if (base >= 0) {
        /* a variation: some change must survive the trimming */
        bool varies = false;
        for (int j = 0; j < 2; j++)
          varies |= changed[j] >= 0 && g.trim.facts[changed[j]].v != bases[base]->facts[changed[j]].v;
        if (!varies) continue;
      }
      bool seen = false;
      for (int j = 0; j < made && !seen; j++) seen = same_facts(p, hyps[j].row, &g.trim);
      if (seen) continue;
      char *sets[3];
      sets[0] = xasprintf("id=hyp%d", made + 1);
      sets[1] = base >= 0 ? variation_title(bases[base]) : xstrdup("title=");
      sets[2] = xstrdup("note=");
      err *se = NULL;
      h->row = cases_set_row(p, &g.trim, (const char *const *)sets, 3, &se);
      for (int j = 0; j < 3; j++) free(sets[j]);
      if (!h->row) {
        /* a title the row cannot carry (bytes that are not UTF-8): none */
        err_free(se);
        char *plain[2] = {xasprintf("id=hyp%d", made + 1), xstrdup("note=")};
        h->row = cases_set_row(p, &g.trim, (const char *const *)plain, 2, &se);
        free(plain[0]);
        free(plain[1]);
        if (!h->row) {
          err_free(se);
          continue;
        }
      }
      h->row->line = 0;
      h->row->number = made + 1;
      h->base = base;
      found = true;
    }
    if (!found) {
      *e = err_hint(err_new(NULL, 0, 0, "no hypothetical near a boundary found in %d draws for hypothetical %d",
                            QUIZ_TRIES, made + 1),
                    "try another --seed, or draw from other rows with -f CASES.csv");
      goto done;
    }
  }
  rc = 0;
  *out = hyps;
done:
  if (rc != 0) quiz_hyps_free(hyps, made);
  free(flips);
  gen_free(&g);
  return rc;
}

/* ---- the rows a generated quiz varies, and its seed ----------------------------------------- */

int quiz_read_bases(const pack *p, const char *const *paths, int npaths, case_row ***out, int *nout, err **e) {
  case_row **rows = NULL;
  int n = 0;
  for (int i = 0; i < npaths; i++) {
    case_reader *cr = cases_open(p, paths[i], e);
    if (!cr) goto fail;
    case_row row;
    int rc;
    while (n < QUIZ_MAX_BASES && (rc = cases_next(cr, &row, e)) != 0) {
      if (rc < 0) {
        cases_close(cr);
        goto fail;
      }
      if (rc == 2) {
        /* a row that cannot be read varies into nothing: left out */
        err_free(*e);
        *e = NULL;
        continue;
      }
      err *se = NULL;
      case_row *copy = cases_set_row(p, &row, NULL, 0, &se);
      if (!copy) {
        err_free(se);
        continue;
      }
      rows = xrealloc(rows, sizeof *rows * (size_t)(n + 1));
      rows[n++] = copy;
    }
    cases_close(cr);
  }
  *out = rows;
  *nout = n;
  return 0;
fail:
  quiz_bases_free(rows, n);
  *out = NULL;
  *nout = 0;
  return -1;
}

void quiz_bases_free(case_row **bases, int n) {
  for (int i = 0; i < n; i++) cases_row_free(bases[i]);
  free(bases);
}

uint64_t quiz_fresh_seed(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  quiz_rng g;
  quiz_rng_seed(&g, (uint64_t)ts.tv_sec * 1000000007ULL ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 32));
  return quiz_rng_next(&g) % 1000000;
}

void quiz_hyps_free(quiz_hyp *h, int n) {
  if (!h) return;
  for (int i = 0; i < n; i++) cases_row_free(h[i].row);
  free(h);
}

bool quiz_near_boundary(const pack *p, const int *ops, int nops, const case_row *row) {
  gen g;
  gen_init(&g, p, ops, nops);
  copy_facts(p, &g.row, row);
  /* findings count as the row states them */
  memcpy(g.row.findings, row->findings, sizeof *row->findings * (size_t)p->nnodes);
  memcpy(g.row.has_finding, row->has_finding, sizeof *row->has_finding * (size_t)p->nnodes);
  bool near = false;
  if (decide_all(&g, &g.row, g.outcomes, g.disps, false) == 0) {
    near = disagree(&g, g.outcomes);
    if (!near) {
      int room = 1;
      for (int i = 0; i < g.nvars; i++) room += reach_nvalues(&p->facts[g.vars[i]]);
      flip *flips = xcalloc((size_t)room, sizeof *flips);
      near = find_flips(&g, flips) > 0;
      free(flips);
    }
  }
  gen_free(&g);
  return near;
}
