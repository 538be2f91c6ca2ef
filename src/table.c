/* table: split the decision space, then compress it into prime rows. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "reach.h"
#include "whatif.h"

/* A growable list of cubes: nvars masks each, with a class per cube. */
typedef struct cubes {
  uint64_t *m;
  int *cls;
  int n, cap, nvars;
} cubes;

static uint64_t *cube_add(cubes *c, int cls) {
  if (c->n == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 64;
    c->m = xrealloc(c->m, sizeof *c->m * (size_t)c->cap * (size_t)c->nvars + 1);
    c->cls = xrealloc(c->cls, sizeof *c->cls * (size_t)c->cap);
  }
  c->cls[c->n] = cls;
  return &c->m[(size_t)c->n++ * (size_t)c->nvars];
}

static void cubes_free(cubes *c) {
  free(c->m);
  free(c->cls);
}

static uint64_t full_mask(int nvalues) { return nvalues >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << nvalues) - 1; }

/* ---- splitting the space -------------------------------------------------- */

typedef struct split_ctx {
  const pack *p;
  table *t;
  eval_ctx *ec;
  whatif_rowbuf buf;
  int ops[2];
  int nops;
  bool lua[2];
  int *nvals;       /* per var */
  bool *read;       /* per var, scratch */
  cubes leaves;
  long budget;
  err *fail;
} split_ctx;

static int class_of(split_ctx *s, rval a, rval b) {
  for (int i = 0; i < s->t->nclasses; i++)
    if (s->t->classes[i].a == a && s->t->classes[i].b == b) return i;
  return -1;
}

/* Evaluate the current partial assignment; a piece when settled, else split
 * on the first unanswered fact that an unsettled opinion read. */
static void split(split_ctx *s) {
  table *t = s->t;
  if (s->fail) return;
  rval out[2] = {RV_UNKNOWN, RV_UNKNOWN};
  int pick = -1;
  for (int k = 0; k < s->nops; k++) {
    if (t->evals >= s->budget) {
      s->fail = err_hint(err_new(NULL, 0, 0, "the decision space is too large to tabulate within %ld evaluations "
                                             "(%d facts, %.0f combinations)", s->budget, t->nvars, t->space),
                         "raise the budget with --budget N, or compare fewer opinions");
      return;
    }
    t->evals++;
    err *e = NULL;
    if (eval_row(s->ec, s->ops[k], &s->buf.row, &e) != 0) {
      s->fail = e;
      return;
    }
    out[k] = eval_outcome(s->ec);
    bool any_unknown_read = false;
    int first = -1;
    for (int i = 0; i < t->nvars; i++) {
      int f = t->vars[i];
      if (s->buf.row.facts[f].v != RV_UNKNOWN) continue;
      bool r = false;
      for (int n = 0; n < s->p->nnodes && !r; n++) r = eval_node_read_fact(s->ec, n, f);
      if (r) {
        any_unknown_read = true;
        if (first < 0) first = i;
      }
    }
    bool settled = (out[k] != RV_UNKNOWN && !s->lua[k]) || !any_unknown_read;
    if (!settled && (pick < 0 || first < pick)) pick = first;
  }
  if (pick < 0) {
    int cls = class_of(s, out[0], s->nops > 1 ? out[1] : RV_UNKNOWN);
    uint64_t *m = cube_add(&s->leaves, cls);
    for (int i = 0; i < t->nvars; i++) {
      rval v = s->buf.row.facts[t->vars[i]].v;
      m[i] = v == RV_UNKNOWN ? full_mask(s->nvals[i]) : (uint64_t)1 << v;
    }
    return;
  }
  int f = t->vars[pick];
  for (int v = 0; v < s->nvals[pick] && !s->fail; v++) {
    s->buf.row.facts[f].v = (rval)v;
    split(s);
  }
  s->buf.row.facts[f].v = RV_UNKNOWN;
}

/* ---- compressing ------------------------------------------------------------ */

static bool intersects(const uint64_t *a, const uint64_t *b, int nv) {
  for (int i = 0; i < nv; i++)
    if (!(a[i] & b[i])) return false;
  return true;
}

static bool contains(const uint64_t *big, const uint64_t *small, int nv) {
  for (int i = 0; i < nv; i++)
    if ((small[i] & ~big[i]) != 0) return false;
  return true;
}

static double cube_points(const uint64_t *m, int nv) {
  double n = 1;
  for (int i = 0; i < nv; i++) n *= __builtin_popcountll(m[i]);
  return n;
}

/* Rows of nv masks compared in every column but `skip` (-1: none). */
typedef int (*row_cmp)(const uint64_t *a, const uint64_t *b, int nv, int skip);

static int cmp_except(const uint64_t *a, const uint64_t *b, int nv, int skip) {
  for (int i = 0; i < nv; i++) {
    if (i == skip) continue;
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/* A stable merge sort of n rows (qsort takes no context in C11). */
static void sort_rows(uint64_t *m, int n, int nv, row_cmp cmp, int skip) {
  if (n < 2) return;
  size_t row = sizeof *m * (size_t)nv;
  uint64_t *tmp = xmalloc(row * (size_t)n);
  for (int width = 1; width < n; width *= 2) {
    for (int lo = 0; lo < n; lo += 2 * width) {
      int mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
      int i = lo, j = mid, k = lo;
      while (i < mid || j < hi) {
        bool left = j >= hi || (i < mid && cmp(&m[(size_t)i * nv], &m[(size_t)j * nv], nv, skip) <= 0);
        memcpy(&tmp[(size_t)k++ * nv], &m[(size_t)(left ? i++ : j++) * nv], row);
      }
    }
    memcpy(m, tmp, row * (size_t)n);
  }
  free(tmp);
}

/* Merge cubes (of one class, so disjoint) that differ in one column only:
 * their union is then a cube. Repeats until nothing merges. */
static int merge(uint64_t *m, int n, int nv) {
  bool changed = true;
  while (changed && n > 1) {
    changed = false;
    for (int skip = 0; skip < nv; skip++) {
      sort_rows(m, n, nv, cmp_except, skip);
      int w = 0;
      for (int r = 0; r < n; r++) {
        if (w > 0 && cmp_except(&m[(size_t)(w - 1) * nv], &m[(size_t)r * nv], nv, skip) == 0) {
          m[(size_t)(w - 1) * nv + skip] |= m[(size_t)r * nv + skip];
          changed = true;
          continue;
        }
        if (w != r) memmove(&m[(size_t)w * nv], &m[(size_t)r * nv], sizeof *m * (size_t)nv);
        w++;
      }
      n = w;
    }
  }
  return n;
}

static bool hits_off(const uint64_t *c, const uint64_t *off, int noff, int nv) {
  for (int j = 0; j < noff; j++)
    if (intersects(c, &off[(size_t)j * nv], nv)) return true;
  return false;
}

/* Grow a cube column by column (in the given order) as far as it stays
 * clear of every cube of the other classes: the result is prime. */
static void expand(uint64_t *c, const uint64_t *off, int noff, int nv, const int *nvals, bool reverse) {
  for (int k = 0; k < nv; k++) {
    int i = reverse ? nv - 1 - k : k;
    uint64_t full = full_mask(nvals[i]), keep = c[i];
    if (keep == full) continue;
    c[i] = full;
    if (!hits_off(c, off, noff, nv)) continue;
    c[i] = keep;
    for (int v = 0; v < nvals[i]; v++) {
      uint64_t bit = (uint64_t)1 << v;
      if (c[i] & bit) continue;
      c[i] |= bit;
      if (hits_off(c, off, noff, nv)) c[i] &= ~bit;
    }
  }
}

static int cmp_rows(const uint64_t *a, const uint64_t *b, int nv, int skip) {
  (void)skip;
  for (int i = 0; i < nv; i++) {
    if (a[i] == b[i]) continue;
    /* lower values first, wider cells later */
    int pa = __builtin_popcountll(a[i]), pb = __builtin_popcountll(b[i]);
    int la = __builtin_ctzll(a[i]), lb = __builtin_ctzll(b[i]);
    if (la != lb) return la < lb ? -1 : 1;
    if (pa != pb) return pa < pb ? -1 : 1;
    return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/* The rows of class `cls`, appended to t->cells. */
static void compress_class(table *t, const cubes *pieces, int cls, const int *nvals) {
  int nv = t->nvars;
  size_t row = sizeof(uint64_t) * (size_t)nv;
  int non = 0, noff = 0;
  for (int i = 0; i < pieces->n; i++) {
    if (pieces->cls[i] == cls) non++;
    else noff++;
  }
  uint64_t *on = xmalloc(row * (size_t)non + 1), *off = xmalloc(row * (size_t)noff + 1);
  non = noff = 0;
  for (int i = 0; i < pieces->n; i++) {
    const uint64_t *m = &pieces->m[(size_t)i * nv];
    if (pieces->cls[i] == cls) memcpy(&on[(size_t)non++ * nv], m, row);
    else memcpy(&off[(size_t)noff++ * nv], m, row);
  }
  non = merge(on, non, nv);
  noff = merge(off, noff, nv); /* several classes: still a fine cover of the rest */
  /* primes: each merged piece grown in two column orders */
  int nprime = 0;
  uint64_t *primes = xmalloc(row * (size_t)non * 2 + 1);
  for (int i = 0; i < non; i++) {
    for (int r = 0; r < 2; r++) {
      uint64_t *c = &primes[(size_t)nprime * nv];
      memcpy(c, &on[(size_t)i * nv], row);
      expand(c, off, noff, nv, nvals, r == 1);
      bool dup = false;
      for (int j = 0; j < nprime && !dup; j++) dup = memcmp(&primes[(size_t)j * nv], c, row) == 0;
      if (!dup) nprime++;
    }
  }
  /* greedy cover of the merged pieces by the primes that contain them */
  bool *covered = xcalloc((size_t)non + 1, 1);
  bool *chosen = xcalloc((size_t)nprime + 1, 1);
  int left = non;
  while (left > 0) {
    int best = -1;
    double best_w = 0;
    for (int j = 0; j < nprime; j++) {
      if (chosen[j]) continue;
      double w = 0;
      for (int i = 0; i < non; i++)
        if (!covered[i] && contains(&primes[(size_t)j * nv], &on[(size_t)i * nv], nv)) w += cube_points(&on[(size_t)i * nv], nv);
      if (w > best_w) best_w = w, best = j;
    }
    if (best < 0) break; /* cannot happen: each piece lies in its own prime */
    chosen[best] = true;
    for (int i = 0; i < non; i++)
      if (!covered[i] && contains(&primes[(size_t)best * nv], &on[(size_t)i * nv], nv)) covered[i] = true, left--;
  }
  /* drop a chosen prime when the others cover every piece it does */
  for (int j = nprime - 1; j >= 0; j--) {
    if (!chosen[j]) continue;
    bool needed = false;
    for (int i = 0; i < non && !needed; i++) {
      if (!contains(&primes[(size_t)j * nv], &on[(size_t)i * nv], nv)) continue;
      bool other = false;
      for (int k = 0; k < nprime && !other; k++)
        other = k != j && chosen[k] && contains(&primes[(size_t)k * nv], &on[(size_t)i * nv], nv);
      needed = !other;
    }
    if (!needed) chosen[j] = false;
  }
  int nchosen = 0;
  for (int j = 0; j < nprime; j++) nchosen += chosen[j];
  t->cells = xrealloc(t->cells, row * (size_t)(t->nrows + nchosen) + 1);
  table_class *c = &t->classes[cls];
  c->row0 = t->nrows;
  for (int j = 0; j < nprime; j++)
    if (chosen[j]) memcpy(&t->cells[(size_t)t->nrows++ * nv], &primes[(size_t)j * nv], row);
  c->nrows = nchosen;
  sort_rows(&t->cells[(size_t)c->row0 * nv], nchosen, nv, cmp_rows, -1);
  free(on);
  free(off);
  free(primes);
  free(covered);
  free(chosen);
}

/* ---- the table -------------------------------------------------------------- */

void table_free(table *t) {
  if (!t) return;
  free(t->vars);
  free(t->left_out);
  free(t->classes);
  free(t->cells);
  free(t);
}

uint64_t table_full_mask(const table *t, int var) { return full_mask(reach_nvalues(&t->p->facts[t->vars[var]])); }

uint64_t table_cell(const table *t, int row, int var) { return t->cells[(size_t)row * (size_t)t->nvars + (size_t)var]; }

bool table_row_contains(const table *t, int row, const rval *point) {
  for (int i = 0; i < t->nvars; i++)
    if (point[i] < 0 || !((table_cell(t, row, i) >> point[i]) & 1)) return false;
  return true;
}

int table_build(const pack *p, int op_a, int op_b, const table_options *opts, table **out, err **e) {
  *out = NULL;
  table *t = xcalloc(1, sizeof *t);
  t->p = p;
  t->op_a = op_a;
  t->op_b = op_b;
  split_ctx s;
  memset(&s, 0, sizeof s);
  s.p = p;
  s.t = t;
  s.ops[0] = op_a;
  s.nops = 1;
  if (op_b >= 0) s.ops[s.nops++] = op_b;
  s.budget = opts && opts->budget > 0 ? opts->budget : TABLE_DEFAULT_BUDGET;

  /* the columns: what either opinion can reach from its decided node */
  bool *facts = xcalloc((size_t)p->nfacts + 1, sizeof *facts);
  bool *nodes = xcalloc((size_t)p->nnodes + 1, sizeof *nodes);
  for (int k = 0; k < s.nops; k++) {
    s.lua[k] = reach_from(p, s.ops[k], p->opinions[s.ops[k]].decides, facts, nodes);
    t->lua |= s.lua[k];
  }
  t->vars = xcalloc((size_t)p->nfacts + 1, sizeof *t->vars);
  t->left_out = xcalloc((size_t)p->nfacts + 1, sizeof *t->left_out);
  s.nvals = xcalloc((size_t)p->nfacts + 1, sizeof *s.nvals);
  t->space = 1;
  for (int f = 0; f < p->nfacts; f++) {
    if (!facts[f]) continue;
    if (!reach_enumerable(&p->facts[f])) {
      t->left_out[t->nleft_out++] = f;
      continue;
    }
    s.nvals[t->nvars] = reach_nvalues(&p->facts[f]);
    t->space *= s.nvals[t->nvars];
    t->vars[t->nvars++] = f;
  }
  free(facts);
  free(nodes);

  /* the classes, in outcome order: each value, then unknown */
  const pack_node *da = &p->nodes[p->opinions[op_a].decides];
  const pack_node *db = op_b >= 0 ? &p->nodes[p->opinions[op_b].decides] : NULL;
  int na = da->nvalues + 1, nb = db ? db->nvalues + 1 : 1;
  t->classes = xcalloc((size_t)(na * nb), sizeof *t->classes);
  for (int i = 0; i < na; i++)
    for (int j = 0; j < nb; j++) {
      table_class *c = &t->classes[t->nclasses++];
      c->a = i == da->nvalues ? RV_UNKNOWN : (rval)i;
      c->b = !db || j == db->nvalues ? RV_UNKNOWN : (rval)j;
    }

  /* split, from every fact unknown */
  case_row blank;
  memset(&blank, 0, sizeof blank);
  case_value *bf = xcalloc((size_t)p->nfacts + 1, sizeof *bf);
  rval *bfind = xcalloc((size_t)p->nnodes + 1, sizeof *bfind);
  bool *bhas = xcalloc((size_t)p->nnodes + 1, sizeof *bhas);
  for (int f = 0; f < p->nfacts; f++) bf[f].v = RV_UNKNOWN;
  blank.id = "";
  blank.facts = bf;
  blank.findings = bfind;
  blank.has_finding = bhas;
  whatif_rowbuf_init(&s.buf, p, &blank);
  s.ec = eval_new(p);
  eval_settle(s.ec, EVAL_SETTLE_NONE, 0); /* the split below is the same search, region by region */
  s.leaves.nvars = t->nvars;
  split(&s);
  int rc = -1;
  if (s.fail) {
    *e = s.fail;
    goto done;
  }
  t->npieces = s.leaves.n;
  for (int i = 0; i < s.leaves.n; i++)
    t->classes[s.leaves.cls[i]].points += cube_points(&s.leaves.m[(size_t)i * t->nvars], t->nvars);

  /* compress each class that is shown; with two opinions, agreement is
   * only counted */
  for (int c = 0; c < t->nclasses; c++) {
    table_class *tc = &t->classes[c];
    bool shown = tc->points > 0 && (op_b < 0 || tc->a != tc->b);
    if (op_b >= 0 && tc->a == tc->b) t->agree += tc->points;
    if (shown) compress_class(t, &s.leaves, c, s.nvals);
  }
  /* keep the shown classes only, in order */
  int w = 0;
  for (int c = 0; c < t->nclasses; c++) {
    table_class *tc = &t->classes[c];
    if (tc->points > 0 && (op_b < 0 || tc->a != tc->b)) t->classes[w++] = *tc;
  }
  t->nclasses = w;
  rc = 0;
  *out = t;
  t = NULL;
done:
  table_free(t);
  cubes_free(&s.leaves);
  whatif_rowbuf_free(&s.buf);
  eval_free(s.ec);
  free(s.nvals);
  free(bf);
  free(bfind);
  free(bhas);
  return rc;
}
