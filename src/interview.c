/* interview: which fact to ask next, answers and their undoing. */
#include "interview.h"

#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "explain.h"
#include "reach.h"

/* A search's results, each a bit of a 64-bit set: up to 63 distinct ones,
 * and RESULT_OPEN for a part of the search that pins nothing down (its
 * budget ran out, an answer it cannot try, a rule function that failed). */
#define MAX_RESULTS 63
#define RESULT_OPEN 63
#define OPEN_BIT ((uint64_t)1 << RESULT_OPEN)

/* How a blank fact bears on an opinion (bits). */
enum {
  BEARS_TRIED = 1,   /* the search answered it on the way to a result */
  BEARS_NARROWS = 2, /* some answer rules out a result still possible */
  BEARS_DECIDES = 4, /* some answer leaves one result: it settles the opinion */
  BEARS_PENDING = 8  /* a number, date or text the rules read where the result is open */
};

typedef struct result_key {
  int outside;
  rval outcome;
  const char *disposition;
} result_key;

struct interview {
  const pack *p;
  int *ops;
  int nops;
  long budget;
  case_row *start;        /* owned */
  case_row *row;          /* owned: start with every answer */
  interview_step *steps;  /* owned */
  int nsteps, cap;
  eval_ctx *ec;           /* owned */
  interview_opinion *status; /* per opinion */
  uint8_t *bears;         /* nops * nfacts: BEARS_* */
  bool *asked;            /* per fact: asked and left unknown, not asked again */
  char **says;            /* per opinion: the sentence of the element it turns on */
  /* one opinion's search */
  int op;
  case_row trial;         /* the row with some blanks answered: facts below */
  case_value *facts;
  int *path;              /* per fact: the answer this branch gave it, or -1 */
  int *cands;             /* the blank yes/no and one-of facts that may be asked */
  int ncands;
  uint64_t *by_answer;    /* ncands * EVAL_MAX_ANSWERS: results where it had that answer */
  uint64_t *free_of;      /* ncands: results reached without answering it */
  bool *branched;         /* per fact: answered by the search */
  bool *pending;          /* per fact: a blank number, date or text read where open */
  result_key keys[MAX_RESULTS];
  int nkeys;
  uint64_t range;
  long evals;
  bool cut;
};

static bool popcount1(uint64_t x) { return x && !(x & (x - 1)); }

interview *interview_new(const pack *p, const int *ops, int nops, const case_row *start, long budget) {
  interview *iv = xcalloc(1, sizeof *iv);
  iv->p = p;
  iv->ops = xcalloc((size_t)nops + 1, sizeof *iv->ops);
  memcpy(iv->ops, ops, sizeof *ops * (size_t)nops);
  iv->nops = nops;
  iv->budget = budget > 0 ? budget : INTERVIEW_BUDGET;
  err *e = NULL;
  /* a copy the interview owns; with no sets it cannot fail */
  iv->start = cases_set_row(p, start, NULL, 0, &e);
  iv->row = cases_set_row(p, iv->start, NULL, 0, &e);
  iv->ec = eval_new(p);
  eval_settle(iv->ec, EVAL_SETTLE_NONE, 0); /* the search below is the interview's own */
  size_t nf = (size_t)p->nfacts + 1;
  iv->status = xcalloc((size_t)nops + 1, sizeof *iv->status);
  iv->bears = xcalloc((size_t)nops * nf, 1);
  iv->asked = xcalloc(nf, sizeof *iv->asked);
  iv->facts = xcalloc(nf, sizeof *iv->facts);
  iv->path = xcalloc(nf, sizeof *iv->path);
  iv->cands = xcalloc(nf, sizeof *iv->cands);
  iv->by_answer = xcalloc(nf * EVAL_MAX_ANSWERS, sizeof *iv->by_answer);
  iv->free_of = xcalloc(nf, sizeof *iv->free_of);
  iv->branched = xcalloc(nf, sizeof *iv->branched);
  iv->pending = xcalloc(nf, sizeof *iv->pending);
  iv->says = xcalloc((size_t)nops + 1, sizeof *iv->says);
  for (int i = 0; i < nops; i++) iv->status[i].opinion = ops[i];
  return iv;
}

void interview_free(interview *iv) {
  if (!iv) return;
  for (int i = 0; i < iv->nsteps; i++) free(iv->steps[i].answer);
  free(iv->steps);
  cases_row_free(iv->start);
  cases_row_free(iv->row);
  eval_free(iv->ec);
  free(iv->ops);
  free(iv->status);
  for (int i = 0; i < iv->nops; i++) free(iv->says[i]);
  free(iv->says);
  free(iv->bears);
  free(iv->asked);
  free(iv->facts);
  free(iv->path);
  free(iv->cands);
  free(iv->by_answer);
  free(iv->free_of);
  free(iv->branched);
  free(iv->pending);
  free(iv);
}

/* ---- the row the answers make ----------------------------------------------- */

/* The start row with every step applied, through the case reader's checks
 * (each answer passed them when it was given). */
static void rebuild(interview *iv) {
  const pack *p = iv->p;
  char **sets = xcalloc((size_t)iv->nsteps + 1, sizeof *sets);
  memset(iv->asked, 0, sizeof *iv->asked * (size_t)p->nfacts);
  for (int i = 0; i < iv->nsteps; i++) {
    sets[i] = xasprintf("%s=%s", p->facts[iv->steps[i].fact].name, iv->steps[i].answer);
    if (!iv->steps[i].answer[0]) iv->asked[iv->steps[i].fact] = true;
  }
  err *e = NULL;
  case_row *row = cases_set_row(p, iv->start, (const char *const *)sets, iv->nsteps, &e);
  if (row) {
    cases_row_free(iv->row);
    iv->row = row;
  }
  err_free(e); /* none: every answer was checked as it came */
  for (int i = 0; i < iv->nsteps; i++) free(sets[i]);
  free(sets);
}

/* An answer as a case-file cell: the value's own name for yes/no and one-of
 * facts (so "y" is kept as "yes"), the text as given for the others. */
static char *answer_cell(const pack *p, const case_row *row, int fact, const char *text) {
  const pack_fact *f = &p->facts[fact];
  rval v = row->facts[fact].v;
  if (v == RV_UNKNOWN) return xstrdup("");
  if (f->type == FACT_YESNO) return xstrdup(v == RV_YES ? "yes" : "no");
  if (f->type == FACT_ENUM) return xstrdup(f->values[v]);
  return xstrdup(text);
}

int interview_answer(interview *iv, int fact, const char *text, err **e) {
  const pack *p = iv->p;
  *e = NULL;
  if (fact < 0 || fact >= p->nfacts) {
    *e = err_new(NULL, 0, 0, "no such fact");
    return -1;
  }
  /* surrounding blanks are no part of an answer typed on a line */
  size_t len = strlen(text);
  while (len && (text[len - 1] == ' ' || text[len - 1] == '\t')) len--;
  while (len && (*text == ' ' || *text == '\t')) text++, len--;
  char *t = xstrndup(text, len);
  if (strcmp(t, "?") == 0 || strcmp(t, "unknown") == 0) t[0] = '\0';
  char *set = xasprintf("%s=%s", p->facts[fact].name, t);
  case_row *row = cases_set_row(p, iv->row, (const char *const *)&set, 1, e);
  free(set);
  if (!row) {
    /* the message is the cell's; the "--set" it is placed at is not what
     * the person typed */
    for (err *x = *e; x; x = x->next) {
      free(x->file);
      x->file = NULL;
    }
    free(t);
    return -1;
  }
  if (iv->nsteps == iv->cap) {
    iv->cap = iv->cap ? iv->cap * 2 : 16;
    iv->steps = xrealloc(iv->steps, sizeof *iv->steps * (size_t)iv->cap);
  }
  iv->steps[iv->nsteps++] = (interview_step){fact, answer_cell(p, row, fact, t)};
  free(t);
  cases_row_free(iv->row);
  iv->row = row;
  if (!iv->steps[iv->nsteps - 1].answer[0]) iv->asked[fact] = true;
  return 0;
}

bool interview_back(interview *iv) {
  if (iv->nsteps == 0) return false;
  free(iv->steps[--iv->nsteps].answer);
  rebuild(iv);
  return true;
}

int interview_steps(const interview *iv, const interview_step **steps) {
  *steps = iv->steps;
  return iv->nsteps;
}

const case_row *interview_row(const interview *iv) { return iv->row; }

const interview_opinion *interview_opinions(const interview *iv) { return iv->status; }

/* ---- the search ---------------------------------------------------------------
 *
 * For one opinion: evaluate the row by Kleene's logic; while its result
 * (outcome and disposition) is unknown, take the first blank yes/no or
 * one-of fact the evaluation read and try each answer, as the evaluator's
 * "even if" search does. Each leaf is a result that holds for every answer
 * to the facts still blank there (the logic is monotone; after a rule
 * function was handed a blank the search goes on answering). A fact the
 * search never answered cannot change the result; for each fact and answer
 * the results of the leaves that agree with it are what stays possible. */

static int result_id(interview *iv, int outside, rval outcome, const char *disposition) {
  for (int i = 0; i < iv->nkeys; i++) {
    const result_key *k = &iv->keys[i];
    bool same_d = k->disposition == disposition ||
                  (k->disposition && disposition && strcmp(k->disposition, disposition) == 0);
    if (k->outside == outside && k->outcome == outcome && same_d) return i;
  }
  if (iv->nkeys == MAX_RESULTS) return RESULT_OPEN;
  iv->keys[iv->nkeys] = (result_key){outside, outcome, disposition};
  return iv->nkeys++;
}

static void leaf(interview *iv, int r) {
  uint64_t bit = (uint64_t)1 << r;
  iv->range |= bit;
  for (int i = 0; i < iv->ncands; i++) {
    int f = iv->cands[i];
    if (iv->path[f] >= 0) iv->by_answer[(size_t)i * EVAL_MAX_ANSWERS + (size_t)iv->path[f]] |= bit;
    else iv->free_of[i] |= bit;
  }
}

static bool askable_blank(const interview *iv, int f) {
  return iv->facts[f].v == RV_UNKNOWN && !iv->p->facts[f].has_default;
}

/* The first blank yes/no or one-of fact that `x` names, or -1; blank
 * numbers, dates and texts it names are marked pending. */
static int expr_blank(interview *iv, const expr *x, bool *other) {
  if (!x) return -1;
  if ((x->kind == EXPR_REF || x->kind == EXPR_IS || x->kind == EXPR_CMP) && !x->ref.is_node &&
      askable_blank(iv, x->ref.index)) {
    if (reach_enumerable(&iv->p->facts[x->ref.index])) return x->ref.index;
    iv->pending[x->ref.index] = true;
    *other = true;
  }
  for (int i = 0; i < x->nkids; i++) {
    int f = expr_blank(iv, x->kids[i], other);
    if (f >= 0) return f;
  }
  return -1;
}

/* Whether the evaluation read a blank number, date or text fact; each is
 * marked pending (it may decide what no yes/no answer does). */
static bool read_pending(interview *iv) {
  const pack *p = iv->p;
  bool any = false;
  for (int n = 0; n < p->nnodes; n++) {
    if (eval_node_state(iv->ec, n) == NODE_NOT_REACHED) continue;
    int words;
    const uint64_t *r = eval_node_reads(iv->ec, n, &words);
    for (int w = 0; w < words; w++)
      for (uint64_t bits = r[w]; bits; bits &= bits - 1) {
        int f = w * 64 + __builtin_ctzll(bits);
        if (askable_blank(iv, f) && !reach_enumerable(&p->facts[f])) any = iv->pending[f] = true;
      }
  }
  return any;
}

static int first_blank_read(const interview *iv, bool mark) {
  int words, first = -1;
  const uint64_t *b = eval_blank_reads(iv->ec, &words);
  for (int w = 0; w < words; w++)
    for (uint64_t bits = b[w]; bits; bits &= bits - 1) {
      int f = w * 64 + __builtin_ctzll(bits);
      if (first < 0) first = f;
      if (!mark) return first;
      iv->branched[f] = true;
    }
  return first;
}

/* Returns 0, or -1 with *e set when the rule function failed at the top
 * (on the answers as they are); below it a failure is an open result. */
static int search(interview *iv, int depth, err **e) {
  const pack *p = iv->p;
  const pack_opinion *o = &p->opinions[iv->op];
  err *fe = NULL;
  iv->evals++;
  if (eval_row(iv->ec, iv->op, &iv->trial, &fe) != 0) {
    if (depth == 0) {
      *e = fe;
      return -1;
    }
    err_free(fe);
    leaf(iv, RESULT_OPEN);
    return 0;
  }
  int out = eval_outside(iv->ec);
  if (out >= 0) {
    leaf(iv, result_id(iv, out, RV_UNKNOWN, NULL));
    return 0;
  }
  rval oc = eval_outcome(iv->ec);
  const char *d = eval_disposition(iv->ec);
  bool known = oc != RV_UNKNOWN &&
               (o->disposition_node < 0 || eval_node_value(iv->ec, o->disposition_node) != RV_UNKNOWN) &&
               !eval_rule_function_blank(iv->ec);
  /* a row that some answers would put outside the pack: those answers first */
  int f = -1;
  bool other = false;
  int maybe = eval_maybe_outside(iv->ec);
  if (maybe >= 0) f = expr_blank(iv, p->outside[maybe].when, &other);
  if (f < 0 && !known) f = first_blank_read(iv, false);
  if (f < 0) {
    bool open = other || (!known && read_pending(iv));
    leaf(iv, open ? RESULT_OPEN : result_id(iv, -1, oc, d));
    return 0;
  }
  if (iv->evals >= iv->budget) {
    /* what lies past here is not known: the facts read here may decide it */
    iv->cut = true;
    iv->branched[f] = true;
    first_blank_read(iv, true);
    leaf(iv, RESULT_OPEN);
    return 0;
  }
  iv->branched[f] = true;
  int nv = reach_nvalues(&p->facts[f]);
  for (int x = 0; x < nv; x++) {
    iv->facts[f].v = (rval)x;
    iv->path[f] = x;
    search(iv, depth + 1, e);
  }
  iv->facts[f].v = RV_UNKNOWN;
  iv->path[f] = -1;
  return 0;
}

/* Search opinion k's answers and record how each blank fact bears on it. */
static int weigh_opinion(interview *iv, int k, err **e) {
  const pack *p = iv->p;
  iv->op = iv->ops[k];
  iv->nkeys = 0;
  iv->range = 0;
  iv->evals = 0;
  iv->cut = false;
  memcpy(iv->facts, iv->row->facts, sizeof *iv->facts * (size_t)p->nfacts);
  iv->trial = *iv->row;
  iv->trial.facts = iv->facts;
  for (int f = 0; f < p->nfacts; f++) {
    iv->path[f] = -1;
    iv->branched[f] = iv->pending[f] = false;
  }
  memset(iv->by_answer, 0, sizeof *iv->by_answer * (size_t)iv->ncands * EVAL_MAX_ANSWERS);
  memset(iv->free_of, 0, sizeof *iv->free_of * (size_t)iv->ncands);
  if (search(iv, 0, e) != 0) return -1;
  interview_opinion *st = &iv->status[k];
  st->settled = popcount1(iv->range) && !(iv->range & OPEN_BIT);
  st->cut = iv->cut;
  st->can_decide = 0;
  uint8_t *bears = iv->bears + (size_t)k * (size_t)p->nfacts;
  memset(bears, 0, (size_t)p->nfacts);
  if (st->settled) return 0;
  for (int i = 0; i < iv->ncands; i++) {
    int f = iv->cands[i];
    uint8_t b = iv->branched[f] ? BEARS_TRIED : 0;
    int nv = reach_nvalues(&p->facts[f]);
    for (int x = 0; x < nv; x++) {
      uint64_t r = iv->by_answer[(size_t)i * EVAL_MAX_ANSWERS + (size_t)x] | iv->free_of[i];
      if (r != iv->range) b |= BEARS_NARROWS;
      if (popcount1(r) && !(r & OPEN_BIT)) b |= BEARS_DECIDES;
    }
    bears[f] = b;
    st->can_decide += (b & BEARS_DECIDES) != 0;
  }
  for (int f = 0; f < p->nfacts; f++)
    if (iv->pending[f] && !iv->asked[f] && !reach_enumerable(&p->facts[f])) bears[f] |= BEARS_PENDING;
  return 0;
}

int interview_next(interview *iv, int *fact, err **e) {
  const pack *p = iv->p;
  *fact = -1;
  *e = NULL;
  iv->ncands = 0;
  for (int f = 0; f < p->nfacts; f++)
    if (iv->row->facts[f].v == RV_UNKNOWN && !p->facts[f].has_default && !iv->asked[f] &&
        reach_enumerable(&p->facts[f]))
      iv->cands[iv->ncands++] = f;
  for (int k = 0; k < iv->nops; k++)
    if (weigh_opinion(iv, k, e) != 0) return -1;
  /* the most opinions settled by some answer, then changed, then searched
   * through; ties to the fact declared first. Numbers, dates and texts
   * last: their answers cannot be tried. */
  long best = 0;
  for (int f = 0; f < p->nfacts; f++) {
    int dec = 0, nar = 0, tried = 0, pend = 0;
    for (int k = 0; k < iv->nops; k++) {
      uint8_t b = iv->bears[(size_t)k * (size_t)p->nfacts + (size_t)f];
      dec += (b & BEARS_DECIDES) != 0;
      nar += (b & BEARS_NARROWS) != 0;
      tried += (b & BEARS_TRIED) != 0;
      pend += (b & BEARS_PENDING) != 0;
    }
    long score = (long)dec << 30 | (long)nar << 20 | (long)tried << 10 | (long)pend;
    if (!(dec | nar | tried)) score = pend; /* below every yes/no and one-of fact */
    if (score > best) {
      best = score;
      *fact = f;
    }
  }
  return 0;
}

/* ---- why -------------------------------------------------------------------- */

static bool expr_names(const expr *x, int fact) {
  if (!x) return false;
  if ((x->kind == EXPR_REF || x->kind == EXPR_IS || x->kind == EXPR_CMP) && !x->ref.is_node && x->ref.index == fact)
    return true;
  for (int i = 0; i < x->nkids; i++)
    if (expr_names(x->kids[i], fact)) return true;
  return false;
}

void interview_why_of(const interview *iv, int fact, interview_why *w) {
  const pack *p = iv->p;
  memset(w, 0, sizeof *w);
  w->fact = fact;
  w->nodes = xcalloc((size_t)p->nnodes + 1, sizeof *w->nodes);
  w->outside = xcalloc((size_t)p->noutside + 1, sizeof *w->outside);
  w->decides = xcalloc((size_t)iv->nops + 1, sizeof *w->decides);
  w->bears = xcalloc((size_t)iv->nops + 1, sizeof *w->bears);
  if (fact < 0 || fact >= p->nfacts) return;
  bool *reach_f = xcalloc((size_t)p->nfacts + 1, sizeof *reach_f);
  bool *reach_n = xcalloc((size_t)p->nnodes + 1, sizeof *reach_n);
  bool *reads = xcalloc((size_t)p->nnodes + 1, sizeof *reads);
  for (int k = 0; k < iv->nops; k++) {
    uint8_t b = iv->bears[(size_t)k * (size_t)p->nfacts + (size_t)fact];
    if (!b) continue;
    int op = iv->ops[k];
    if (b & BEARS_DECIDES) w->decides[w->ndecides++] = op;
    else w->bears[w->nbears++] = op;
    /* the elements of this opinion whose own rule reads the fact */
    const pack_opinion *o = &p->opinions[op];
    memset(reach_n, 0, sizeof *reach_n * (size_t)p->nnodes);
    reach_from(p, op, o->decides, reach_f, reach_n);
    if (o->disposition_node >= 0) reach_from(p, op, o->disposition_node, reach_f, reach_n);
    for (int n = 0; n < p->nnodes; n++)
      if (reach_n[n] && (expr_names(o->rules[n]->rule, fact) || expr_names(o->rules[n]->open, fact))) reads[n] = true;
  }
  for (int n = 0; n < p->nnodes; n++)
    if (reads[n]) w->nodes[w->nnodes++] = n;
  for (int i = 0; i < p->noutside; i++)
    if (expr_names(p->outside[i].when, fact)) w->outside[w->noutside++] = i;
  free(reach_f);
  free(reach_n);
  free(reads);
}

void interview_why_free(interview_why *w) {
  free(w->nodes);
  free(w->outside);
  free(w->decides);
  free(w->bears);
  memset(w, 0, sizeof *w);
}

/* ---- the results ------------------------------------------------------------ */

int interview_results(interview *iv, interview_result *out, err **e) {
  const pack *p = iv->p;
  *e = NULL;
  /* what each result turns on is what ratio eval says it turns on: the
   * explanation's walk (turn.h) */
  explain_tree *tree = explain_new(p);
  int rc = 0;
  eval_settle(iv->ec, EVAL_SETTLE_NODES, 0); /* as ratio eval decides the row */
  for (int k = 0; k < iv->nops && rc == 0; k++) {
    int op = iv->ops[k];
    interview_result *r = &out[k];
    if (eval_row(iv->ec, op, iv->row, e) != 0) {
      rc = -1;
      break;
    }
    const pack_opinion *o = &p->opinions[op];
    r->opinion = op;
    r->outside = eval_outside(iv->ec);
    r->outcome = eval_outcome(iv->ec);
    r->outcome_name = r->outside >= 0 ? "outside" : pack_node_value_name(&p->nodes[o->decides], r->outcome);
    r->disposition = r->outside >= 0 ? NULL : eval_disposition(iv->ec);
    r->turns_on = -1;
    r->turns_on_says = NULL;
    if (r->outside >= 0) continue;
    /* an opinion that decides nothing on these answers turns on nothing */
    if (r->outcome == RV_UNKNOWN &&
        (o->disposition_node < 0 || eval_node_value(iv->ec, o->disposition_node) == RV_UNKNOWN))
      continue;
    explain_build(tree, iv->ec, iv->row);
    const explain_node *x = tree->turns_on;
    r->turns_on = x->node;
    r->turns_on_value = x->value;
    r->turns_on_value_name = pack_node_value_name(&p->nodes[x->node], x->value);
    free(iv->says[k]);
    iv->says[k] = x && x->sentence ? xstrdup(x->sentence) : NULL;
    r->turns_on_says = iv->says[k];
  }
  eval_settle(iv->ec, EVAL_SETTLE_NONE, 0);
  explain_free(tree);
  return rc;
}
