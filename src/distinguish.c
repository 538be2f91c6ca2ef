/* distinguish: precedents ranked by the facts that matter, and the
 * argument by analogy. */
#include "distinguish.h"

#include <stdlib.h>
#include <string.h>

#include "whatif.h"

/* ---- the library ------------------------------------------------------------ */

struct distinguish_library {
  case_row **rows;      /* owned copies */
  int *file;            /* per row: index into files */
  int n;
  char **files;         /* owned: the paths read */
  int nfiles;
};

static void library_add_file(distinguish_library *lib, const char *path) {
  lib->files = xrealloc(lib->files, sizeof *lib->files * (size_t)(lib->nfiles + 1));
  lib->files[lib->nfiles++] = xstrdup(path);
}

/* Read one file's rows into the library; 0, or -1 with *e set. */
static int library_read(const pack *p, distinguish_library *lib, int file, err **e) {
  case_reader *r = cases_open(p, lib->files[file], e);
  if (!r) return -1;
  case_row row;
  int rc;
  while ((rc = cases_next(r, &row, e)) == 1) {
    case_row *copy = cases_set_row(p, &row, NULL, 0, e);
    if (!copy) break;
    lib->rows = xrealloc(lib->rows, sizeof *lib->rows * (size_t)(lib->n + 1));
    lib->file = xrealloc(lib->file, sizeof *lib->file * (size_t)(lib->n + 1));
    lib->rows[lib->n] = copy;
    lib->file[lib->n++] = file;
  }
  cases_close(r);
  /* a row that cannot be read (2) is an error here too: the library is
   * what the argument rests on, so it must be whole */
  return rc == 0 ? 0 : -1;
}

distinguish_library *distinguish_library_load(const pack *p, const char *const *paths, int n, err **e) {
  *e = NULL;
  distinguish_library *lib = xcalloc(1, sizeof *lib);
  if (n > 0) {
    for (int i = 0; i < n; i++) library_add_file(lib, paths[i]);
  } else {
    for (int i = 0; i < p->ncases; i++)
      if (p->case_decided && p->case_decided[i]) library_add_file(lib, p->cases[i]);
  }
  if (lib->nfiles == 0) {
    *e = err_hint(err_new(p->main_file, 0, 0, "pack %s marks no case file as decided, so there are no precedents to "
                                              "compare with", p->name ? p->name : "?"),
                  "name the files of decided cases in pack { decided = { \"cases/decided.csv\" } }, or give them "
                  "with --cases FILE.csv");
    distinguish_library_free(lib);
    return NULL;
  }
  for (int i = 0; i < lib->nfiles; i++) {
    if (library_read(p, lib, i, e) != 0) {
      distinguish_library_free(lib);
      return NULL;
    }
  }
  if (lib->n == 0) {
    *e = err_hint(err_new(lib->files[0], 0, 0, "the library holds no decided case"),
                  "give a case file with rows, one decided case a row");
    distinguish_library_free(lib);
    return NULL;
  }
  return lib;
}

void distinguish_library_free(distinguish_library *lib) {
  if (!lib) return;
  for (int i = 0; i < lib->n; i++) cases_row_free(lib->rows[i]);
  free(lib->rows);
  free(lib->file);
  for (int i = 0; i < lib->nfiles; i++) free(lib->files[i]);
  free(lib->files);
  free(lib);
}

int distinguish_library_size(const distinguish_library *lib) { return lib->n; }

int distinguish_library_files(const distinguish_library *lib, const char *const **paths) {
  *paths = (const char *const *)lib->files;
  return lib->nfiles;
}

/* ---- one case under every opinion ----------------------------------------- */

/* A case decided under each opinion: outcomes, every node, and which facts
 * and findings matter (items: facts first, then nodes as findings). */
typedef struct case_eval {
  const case_row *row;
  const char *source;
  int index;
  char *failed;          /* owned: why a rule failed on it, or NULL */
  rval *outcome;
  const char **disposition;
  bool *outside;
  node_state *states;    /* nops * nnodes */
  rval *values;
  bool *material;        /* nops * nitems */
} case_eval;

struct distinguish_ctx {
  const pack *p;
  const distinguish_library *lib;
  int *ops;
  int nops;
  int nitems;
  eval_ctx *ec;          /* whole records */
  eval_ctx *swap;        /* outcomes only, for the swaps */
  case_eval *prec;       /* one per library row, decided on the first call */
  bool decided;
  case_eval problem;
  whatif_rowbuf pbuf, cbuf;
  distinguish_result res;
  void **mem;            /* what the result holds, freed on the next call */
  int nmem, capmem;
};

static void *keep(distinguish_ctx *c, void *ptr) {
  if (c->nmem == c->capmem) {
    c->capmem = c->capmem ? 2 * c->capmem : 64;
    c->mem = xrealloc(c->mem, sizeof *c->mem * (size_t)c->capmem);
  }
  c->mem[c->nmem++] = ptr;
  return ptr;
}

static void release(distinguish_ctx *c) {
  for (int i = 0; i < c->nmem; i++) free(c->mem[i]);
  c->nmem = 0;
}

static void case_free(case_eval *ce) {
  free(ce->failed);
  free(ce->outcome);
  free(ce->disposition);
  free(ce->outside);
  free(ce->states);
  free(ce->values);
  free(ce->material);
  memset(ce, 0, sizeof *ce);
}

/* Decide a case under every opinion, and find what matters in it. Returns
 * 0, or -1 with *e set when a rule failed on it. */
static int case_decide(distinguish_ctx *c, case_eval *ce, err **e) {
  const pack *p = c->p;
  int nn = p->nnodes;
  ce->outcome = xcalloc((size_t)c->nops + 1, sizeof *ce->outcome);
  ce->disposition = xcalloc((size_t)c->nops + 1, sizeof *ce->disposition);
  ce->outside = xcalloc((size_t)c->nops + 1, sizeof *ce->outside);
  ce->states = xcalloc((size_t)(c->nops * nn) + 1, sizeof *ce->states);
  ce->values = xcalloc((size_t)(c->nops * nn) + 1, sizeof *ce->values);
  ce->material = xcalloc((size_t)(c->nops * c->nitems) + 1, sizeof *ce->material);
  for (int k = 0; k < c->nops; k++) {
    int op = c->ops[k];
    if (eval_row(c->ec, op, ce->row, e) != 0) return -1;
    ce->outcome[k] = eval_outcome(c->ec);
    ce->disposition[k] = eval_disposition(c->ec);
    ce->outside[k] = eval_outside(c->ec) >= 0;
    for (int n = 0; n < nn; n++) {
      ce->states[k * nn + n] = eval_node_state(c->ec, n);
      ce->values[k * nn + n] = eval_node_value(c->ec, n);
    }
    if (ce->outside[k]) continue;
    whatif_flips *fl = NULL;
    if (whatif_single(p, op, ce->row, false, &fl, e) != 0) return -1;
    for (int i = 0; i < fl->nflips; i++) {
      const whatif_change *ch = &fl->flips[i].change;
      ce->material[k * c->nitems + (ch->finding ? p->nfacts + ch->index : ch->index)] = true;
    }
    whatif_flips_free(fl);
  }
  return 0;
}

distinguish_ctx *distinguish_new(const pack *p, const distinguish_library *lib, const int *ops, int nops) {
  distinguish_ctx *c = xcalloc(1, sizeof *c);
  c->p = p;
  c->lib = lib;
  c->nops = nops;
  c->ops = xcalloc((size_t)nops + 1, sizeof *c->ops);
  memcpy(c->ops, ops, sizeof *ops * (size_t)nops);
  c->nitems = p->nfacts + p->nnodes;
  c->ec = eval_new(p);
  c->swap = eval_new(p);
  eval_settle(c->swap, EVAL_SETTLE_OUTCOME, 0);
  return c;
}

void distinguish_free(distinguish_ctx *c) {
  if (!c) return;
  release(c);
  free(c->mem);
  if (c->prec)
    for (int i = 0; i < c->lib->n; i++) case_free(&c->prec[i]);
  free(c->prec);
  case_free(&c->problem);
  if (c->pbuf.row.facts) whatif_rowbuf_free(&c->pbuf);
  if (c->cbuf.row.facts) whatif_rowbuf_free(&c->cbuf);
  eval_free(c->ec);
  eval_free(c->swap);
  free(c->ops);
  free(c);
}

/* ---- comparing two cases ------------------------------------------------------ */

bool distinguish_same_facts(const pack *p, const case_row *a, const case_row *b) {
  for (int f = 0; f < p->nfacts; f++) {
    const case_value *x = &a->facts[f], *y = &b->facts[f];
    if (x->v != y->v) return false;
    if (x->v == RV_UNKNOWN) continue;
    if ((p->facts[f].type == FACT_NUMBER || p->facts[f].type == FACT_DATE) && x->num != y->num) return false;
    if (p->facts[f].type == FACT_TEXT && strcmp(x->text ? x->text : "", y->text ? y->text : "") != 0) return false;
  }
  for (int n = 0; n < p->nnodes; n++) {
    if (a->has_finding[n] != b->has_finding[n]) return false;
    if (a->has_finding[n] && a->findings[n] != b->findings[n]) return false;
  }
  return true;
}

pack_party distinguish_winner(const pack *p, int op, rval outcome, bool outside) {
  if (outside) return PARTY_UNSAID;
  return pack_favours(p, p->opinions[op].decides, outcome);
}

/* +1 a win for the plaintiff, -1 for the defendant, 0 neither. */
static int lean(const pack *p, int op, rval outcome) {
  pack_party w = pack_favours(p, p->opinions[op].decides, outcome);
  return w == PARTY_PLAINTIFF ? 1 : w == PARTY_DEFENDANT ? -1 : 0;
}

/* The value an item has in a case under opinion k: a fact's answer, or a
 * finding node's value (RV_UNKNOWN where it was not reached). */
static rval item_value(const distinguish_ctx *c, const case_eval *ce, int k, int item, node_state *state) {
  const pack *p = c->p;
  if (item < p->nfacts) {
    *state = NODE_DERIVED;
    return ce->row->facts[item].v;
  }
  int n = item - p->nfacts;
  *state = ce->states[k * p->nnodes + n];
  return *state == NODE_NOT_REACHED ? RV_UNKNOWN : ce->values[k * p->nnodes + n];
}

/* The outcome of `row` under opinion op with the item set to v; `same`
 * when it cannot be set that way (a finding not reached). */
static rval outcome_with(distinguish_ctx *c, whatif_rowbuf *buf, const case_row *row, int op, int item, rval v,
                         rval same) {
  const pack *p = c->p;
  bool finding = item >= p->nfacts;
  if (finding && v == RV_UNKNOWN) return same;
  whatif_change ch = {finding, finding ? item - p->nfacts : item, RV_UNKNOWN, v};
  whatif_rowbuf_apply(buf, row, &ch, 1);
  err *e = NULL;
  if (eval_row(c->swap, op, &buf->row, &e) != 0) {
    err_free(e);
    return same;
  }
  return eval_outside(c->swap) >= 0 ? RV_UNKNOWN : eval_outcome(c->swap);
}

/* The entry for an item compared this way, made when new. */
static distinguish_fact *entry(distinguish_ctx *c, distinguish_fact **list, int *n, int item, rval pv, rval cv,
                               node_state ps, node_state cs, bool distinction) {
  const pack *p = c->p;
  bool finding = item >= p->nfacts;
  int index = finding ? item - p->nfacts : item;
  for (int i = 0; i < *n; i++) {
    distinguish_fact *f = &(*list)[i];
    if (f->finding == finding && f->index == index && f->problem == pv && f->precedent == cv &&
        (!finding || ((f->problem_state == NODE_FOUND) == (ps == NODE_FOUND) &&
                      (f->precedent_state == NODE_FOUND) == (cs == NODE_FOUND))))
      return f;
  }
  *list = xrealloc(*list, sizeof **list * (size_t)(*n + 1));
  distinguish_fact *f = &(*list)[(*n)++];
  memset(f, 0, sizeof *f);
  f->finding = finding;
  f->index = index;
  f->problem = pv;
  f->precedent = cv;
  f->problem_state = ps;
  f->precedent_state = cs;
  f->ops = keep(c, xcalloc((size_t)c->nops + 1, sizeof *f->ops));
  if (distinction) {
    f->helps = keep(c, xcalloc((size_t)c->nops + 1, sizeof *f->helps));
    f->problem_if = keep(c, xcalloc((size_t)c->nops + 1, sizeof *f->problem_if));
    f->precedent_if = keep(c, xcalloc((size_t)c->nops + 1, sizeof *f->precedent_if));
  }
  return f;
}

static distinguish_helps helps_of(int d1, int d2) {
  bool up = d1 > 0 || d2 > 0, down = d1 < 0 || d2 < 0;
  return up && down ? HELPS_BOTH : up ? HELPS_PLAINTIFF : down ? HELPS_DEFENDANT : HELPS_NONE;
}

static bool helps_someone(const distinguish_fact *f) {
  for (int i = 0; i < f->nops; i++)
    if (f->helps[i] != HELPS_NONE) return true;
  return false;
}

static int cmp_item(const distinguish_fact *a, const distinguish_fact *b) {
  if (a->finding != b->finding) return a->finding ? 1 : -1;
  return a->index - b->index;
}

static int cmp_distinction(const void *x, const void *y) {
  const distinguish_fact *a = x, *b = y;
  bool ha = helps_someone(a), hb = helps_someone(b);
  if (ha != hb) return ha ? -1 : 1;
  int d = cmp_item(a, b);
  if (d) return d;
  return (int)a->problem_state - (int)b->problem_state; /* the same item, found or derived */
}

static int cmp_analogy(const void *x, const void *y) {
  const distinguish_fact *a = x, *b = y;
  int d = cmp_item(a, b);
  return d ? d : (int)a->problem_state - (int)b->problem_state;
}

/* The problem against one decided case. */
static void compare_case(distinguish_ctx *c, const case_eval *pe, const case_eval *ce, distinguish_precedent *d) {
  const pack *p = c->p;
  int nops = c->nops;
  d->row = ce->row;
  d->source = ce->source;
  d->index = ce->index;
  d->outcome = ce->outcome;
  d->disposition = ce->disposition;
  d->outside = ce->outside;
  d->states = ce->states;
  d->values = ce->values;
  d->carries = keep(c, xcalloc((size_t)nops + 1, sizeof *d->carries));
  whatif_rowbuf_init(&c->cbuf, p, ce->row);
  for (int k = 0; k < nops; k++) {
    int op = c->ops[k];
    if (pe->outside[k] || ce->outside[k]) continue;
    d->carries[k] = pe->outcome[k] == ce->outcome[k];
    for (int item = 0; item < c->nitems; item++) {
      if (!pe->material[k * c->nitems + item] && !ce->material[k * c->nitems + item]) continue;
      node_state ps, cs;
      rval pv = item_value(c, pe, k, item, &ps), cv = item_value(c, ce, k, item, &cs);
      if (pv == RV_UNKNOWN && cv == RV_UNKNOWN) continue; /* neither says: nothing to compare */
      if (pv == cv) {
        distinguish_fact *f = entry(c, &d->analogy, &d->nanalogy, item, pv, cv, ps, cs, false);
        f->ops[f->nops++] = k;
        d->shared += 2;
        continue;
      }
      rval pif = outcome_with(c, &c->pbuf, pe->row, op, item, cv, pe->outcome[k]);
      rval cif = outcome_with(c, &c->cbuf, ce->row, op, item, pv, ce->outcome[k]);
      /* a weaker distinction counts half: one case does not say, or the
       * swap alone moves neither outcome */
      bool moves = pif != pe->outcome[k] || cif != ce->outcome[k];
      d->distance += pv == RV_UNKNOWN || cv == RV_UNKNOWN || !moves ? 1 : 2;
      /* the problem's answer against the precedent's: in the problem it
       * gives the outcome it has (rather than pif), in the precedent cif
       * (rather than its own) */
      int d1 = lean(p, op, pe->outcome[k]) - lean(p, op, pif);
      int d2 = lean(p, op, cif) - lean(p, op, ce->outcome[k]);
      distinguish_fact *f = entry(c, &d->distinctions, &d->ndistinctions, item, pv, cv, ps, cs, true);
      f->helps[f->nops] = helps_of(d1, d2);
      f->problem_if[f->nops] = pif;
      f->precedent_if[f->nops] = cif;
      f->ops[f->nops++] = k;
    }
  }
  whatif_rowbuf_free(&c->cbuf);
  if (d->nanalogy) qsort(d->analogy, (size_t)d->nanalogy, sizeof *d->analogy, cmp_analogy);
  if (d->ndistinctions) qsort(d->distinctions, (size_t)d->ndistinctions, sizeof *d->distinctions, cmp_distinction);
  keep(c, d->analogy);
  keep(c, d->distinctions);
}

/* Closest first: the fewest distinctions that matter, then the most facts
 * in common, then the library's order. A case with nothing to compare
 * goes last. */
static int cmp_rank(const void *x, const void *y) {
  const distinguish_precedent *a = x, *b = y;
  bool ea = a->shared + a->distance == 0, eb = b->shared + b->distance == 0;
  if (ea != eb) return ea ? 1 : -1;
  if (a->distance != b->distance) return a->distance - b->distance;
  if (a->shared != b->shared) return b->shared - a->shared;
  return a->index - b->index;
}

/* ---- the three moves ---------------------------------------------------------- */

static bool helps_side(distinguish_helps h, pack_party side) {
  return h == HELPS_BOTH || (side == PARTY_PLAINTIFF ? h == HELPS_PLAINTIFF : h == HELPS_DEFENDANT);
}

/* The closest precedent, other than `skip`, whose result favours `side`
 * under some opinion: the move with those opinions and the facts it
 * shares with the problem under them. */
static distinguish_move cite_move(distinguish_ctx *c, const distinguish_result *r, pack_party side, int skip) {
  distinguish_move m = {-1, NULL, 0, NULL, 0};
  for (int i = 0; i < r->nprecedents && m.precedent < 0; i++) {
    const distinguish_precedent *d = &r->precedents[i];
    if (i == skip) continue;
    for (int k = 0; k < r->nops; k++) {
      if (distinguish_winner(c->p, r->ops[k], d->outcome[k], d->outside[k]) != side) continue;
      if (!m.ops) m.ops = keep(c, xcalloc((size_t)r->nops + 1, sizeof *m.ops));
      m.ops[m.nops++] = k;
    }
    if (m.nops) m.precedent = i;
  }
  if (m.precedent < 0) return m;
  const distinguish_precedent *d = &r->precedents[m.precedent];
  m.facts = keep(c, xcalloc((size_t)d->nanalogy + 1, sizeof *m.facts));
  for (int f = 0; f < d->nanalogy; f++) {
    bool under = false;
    for (int a = 0; a < d->analogy[f].nops && !under; a++)
      for (int k = 0; k < m.nops && !under; k++) under = d->analogy[f].ops[a] == m.ops[k];
    if (under) m.facts[m.nfacts++] = f;
  }
  return m;
}

/* The distinctions of precedent i that help `side` under some opinion. */
static distinguish_move distinguish_move_for(distinguish_ctx *c, const distinguish_result *r, int i,
                                             pack_party side) {
  distinguish_move m = {i, NULL, 0, NULL, 0};
  if (i < 0) return m;
  const distinguish_precedent *d = &r->precedents[i];
  m.ops = keep(c, xcalloc((size_t)r->nops + 1, sizeof *m.ops));
  m.facts = keep(c, xcalloc((size_t)d->ndistinctions + 1, sizeof *m.facts));
  bool *op_used = xcalloc((size_t)r->nops + 1, sizeof *op_used);
  for (int f = 0; f < d->ndistinctions; f++) {
    const distinguish_fact *x = &d->distinctions[f];
    bool any = false;
    for (int a = 0; a < x->nops; a++)
      if (helps_side(x->helps[a], side)) any = op_used[x->ops[a]] = true;
    if (any) m.facts[m.nfacts++] = f;
  }
  for (int k = 0; k < r->nops; k++)
    if (op_used[k]) m.ops[m.nops++] = k;
  free(op_used);
  return m;
}

static void argue(distinguish_ctx *c, distinguish_result *r, distinguish_argument *a, pack_party side) {
  pack_party other = side == PARTY_PLAINTIFF ? PARTY_DEFENDANT : PARTY_PLAINTIFF;
  a->side = side;
  a->cite = cite_move(c, r, side, -1);
  a->counter = cite_move(c, r, other, a->cite.precedent);
  a->answer = distinguish_move_for(c, r, a->cite.precedent, other);
  a->rebut = distinguish_move_for(c, r, a->counter.precedent, side);
}

/* ---- the comparison ----------------------------------------------------------- */

static bool pack_says_who_wins(const pack *p, const int *ops, int nops) {
  for (int k = 0; k < nops; k++)
    if (!p->nodes[p->opinions[ops[k]].decides].favours) return false;
  return true;
}

const distinguish_result *distinguish_row(distinguish_ctx *c, const case_row *problem, err **e) {
  const pack *p = c->p;
  const distinguish_library *lib = c->lib;
  release(c);
  if (!c->decided) {
    /* the precedents do not depend on the problem: decided once */
    c->prec = xcalloc((size_t)lib->n + 1, sizeof *c->prec);
    for (int i = 0; i < lib->n; i++) {
      case_eval *ce = &c->prec[i];
      ce->row = lib->rows[i];
      ce->source = lib->files[lib->file[i]];
      ce->index = i;
      err *pe = NULL;
      if (case_decide(c, ce, &pe) != 0) {
        ce->failed = xstrdup(pe ? pe->msg : "a rule failed");
        err_free(pe);
      }
    }
    c->decided = true;
  }
  case_free(&c->problem);
  c->problem.row = problem;
  if (case_decide(c, &c->problem, e) != 0) return NULL;
  distinguish_result *r = &c->res;
  memset(r, 0, sizeof *r);
  r->p = p;
  r->problem = problem;
  r->nops = c->nops;
  r->ops = c->ops;
  r->outcome = c->problem.outcome;
  r->disposition = c->problem.disposition;
  r->outside = c->problem.outside;
  r->states = c->problem.states;
  r->values = c->problem.values;
  for (int k = 0; k < c->nops; k++) r->decided |= !r->outside[k];
  r->favours = r->decided && pack_says_who_wins(p, c->ops, c->nops);
  r->precedents = keep(c, xcalloc((size_t)lib->n + 1, sizeof *r->precedents));
  r->left_out = keep(c, xcalloc((size_t)lib->n + 1, sizeof *r->left_out));
  whatif_rowbuf_init(&c->pbuf, p, problem);
  for (int i = 0; i < lib->n; i++) {
    const case_eval *ce = &c->prec[i];
    const char *why = ce->failed ? ce->failed
                      : distinguish_same_facts(p, problem, ce->row) ? "the problem's own facts" : NULL;
    if (why) {
      r->left_out[r->nleft_out++] = (distinguish_left_out){ce->row, ce->source, why};
      continue;
    }
    compare_case(c, &c->problem, ce, &r->precedents[r->nprecedents++]);
  }
  whatif_rowbuf_free(&c->pbuf);
  qsort(r->precedents, (size_t)r->nprecedents, sizeof *r->precedents, cmp_rank);
  if (r->favours) {
    argue(c, r, &r->args[0], PARTY_PLAINTIFF);
    argue(c, r, &r->args[1], PARTY_DEFENDANT);
  }
  return r;
}
