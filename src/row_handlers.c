/* row_handlers: what eval, compare, whatif and test do with each row the
 * driver (batch) hands them: decide it with the library below and pass the
 * result to the renderer. */
#include "row_handlers.h"

#include <stdlib.h>
#include <string.h>

#include "brief.h"
#include "compare.h"
#include "distinguish.h"
#include "eval.h"
#include "explain.h"
#include "testrun.h"
#include "whatif.h"

/* ---- eval: decisions and their explanations ------------------------------ */

typedef struct slots {
  render_result *res;
  explain_tree **trees;
  const char **values; /* nopinions * ncolumns */
  rval *outcomes, *dispositions; /* values-only decisions of a row */
  const pack_node **decides;     /* per opinion, the node it decides */
} slots;

static void slots_init(slots *s, const pack *p, const renderer *r, const int *ops, int nops) {
  s->res = xcalloc((size_t)nops + 1, sizeof *s->res);
  s->trees = xcalloc((size_t)nops + 1, sizeof *s->trees);
  s->values = xcalloc((size_t)(nops * r->nnode_columns) + 1, sizeof *s->values);
  s->outcomes = xcalloc((size_t)nops + 1, sizeof *s->outcomes);
  s->dispositions = xcalloc((size_t)nops + 1, sizeof *s->dispositions);
  s->decides = xcalloc((size_t)nops + 1, sizeof *s->decides);
  for (int i = 0; i < nops; i++) {
    if (r->wants_tree) s->trees[i] = explain_new(p);
    s->res[i].tree = s->trees[i];
    s->res[i].values = s->values + i * r->nnode_columns;
    s->decides[i] = &p->nodes[p->opinions[ops[i]].decides];
  }
}

static void slots_free(slots *s, int nops) {
  for (int i = 0; i < nops; i++) {
    explain_free(s->trees[i]);
    err_free(s->res[i].error);
  }
  free(s->trees);
  free(s->res);
  free(s->values);
  free(s->outcomes);
  free(s->dispositions);
  free(s->decides);
}

/* Decide one row under every opinion into s. An opinion whose rule
 * function fails gets its error in its result; the others are decided all
 * the same. Returns the number of opinions that failed; *unknown when some
 * outcome is unknown, *outside when the row is outside the pack. */
static int decide(const pack *p, eval_ctx *ec, const renderer *r, const case_row *row, slots *s, bool *unknown,
                  bool *outside) {
  *unknown = *outside = false;
  int failed = 0;
  if (p->nrule_functions > 0) sandbox_start_row(p->sb); /* --max-time is per row */
  if (!r->wants_tree && r->nnode_columns == 0) {
    /* outcomes only: every opinion from one lookup when the row's answers
     * were seen before; an opinion that fails is taken again below */
    int at = -1;
    err *e = NULL;
    if (eval_row_values(ec, r->opinions, r->nopinions, row, s->outcomes, s->dispositions, &at, &e) == 0) {
      bool any_unknown = false;
      for (int i = 0, n = r->nopinions; i < n; i++) {
        render_result *res = &s->res[i];
        int op = r->opinions[i];
        rval outcome = s->outcomes[i];
        if (res->error) {
          err_free(res->error);
          res->error = NULL;
        }
        res->opinion = op;
        res->outcome = outcome;
        res->outcome_name = pack_node_value_name(s->decides[i], outcome);
        res->disposition = pack_disposition_name(p, op, outcome, s->dispositions[i]);
        res->outside = eval_outside(ec);
        any_unknown |= outcome == RV_UNKNOWN;
      }
      *outside = eval_outside(ec) >= 0;
      *unknown = any_unknown && !*outside;
      return 0;
    }
    err_free(e);
  }
  for (int i = 0; i < r->nopinions; i++) {
    int op = r->opinions[i];
    render_result *res = &s->res[i];
    err_free(res->error);
    res->error = NULL;
    res->opinion = op;
    res->outside = -1;
    if (eval_row(ec, op, row, &res->error) != 0) {
      res->outcome = RV_UNKNOWN;
      res->outcome_name = "error";
      res->disposition = NULL;
      failed++;
      continue;
    }
    res->outcome = eval_outcome(ec);
    res->outcome_name = pack_node_value_name(&p->nodes[p->opinions[op].decides], res->outcome);
    res->disposition = eval_disposition(ec);
    res->outside = eval_outside(ec);
    if (res->outside >= 0) {
      res->outcome_name = "outside";
      res->disposition = NULL;
      *outside = true;
    }
    const char **vals = s->values + i * r->nnode_columns;
    for (int k = 0; k < r->nnode_columns; k++) {
      int n = r->node_columns[k];
      vals[k] = eval_node_state(ec, n) == NODE_NOT_REACHED ? "not_reached"
                                                           : pack_node_value_name(&p->nodes[n], eval_node_value(ec, n));
    }
    if (r->wants_tree) explain_build(s->trees[i], ec, row);
    *unknown |= res->outcome == RV_UNKNOWN && res->outside < 0;
  }
  return failed;
}

typedef struct eval_state {
  const pack *p;
  eval_ctx *ec;
  slots s;
  int nopinions;
} eval_state;

static void *eval_open(const void *ud, const pack *p, const renderer *r) {
  (void)ud;
  eval_state *st = xcalloc(1, sizeof *st);
  st->p = p;
  st->ec = eval_new(p);
  /* outcomes alone need no record of how each node was decided */
  eval_values_only(st->ec, !r->wants_tree && r->nnode_columns == 0);
  slots_init(&st->s, p, r, r->opinions, r->nopinions);
  st->nopinions = r->nopinions;
  return st;
}

static void eval_prefetch(void *state, const case_row *row) {
  eval_state *st = state;
  eval_prefetch_row(st->ec, row);
}

static row_class eval_handle(void *state, const case_row *row, renderer *r, render_summary *sum) {
  eval_state *st = state;
  bool unknown = false, outside = false;
  int failed = decide(st->p, st->ec, r, row, &st->s, &unknown, &outside);
  render_item it = {.row = row, .results = st->s.res, .n = r->nopinions};
  r->item(r, &it);
  render_summary_count(sum, st->s.res, r->nopinions);
  return failed ? ROW_FAILED : outside ? ROW_OUTSIDE : unknown ? ROW_UNDECIDED : ROW_DECIDED;
}

static void eval_close(void *state) {
  eval_state *st = state;
  slots_free(&st->s, st->nopinions);
  eval_free(st->ec);
  free(st);
}

const row_handler row_handler_eval = {
    .open = eval_open, .prefetch = eval_prefetch, .row = eval_handle, .close = eval_close};

/* ---- compare: the opinions side by side ---------------------------------- */

static void *compare_open(const void *ud, const pack *p, const renderer *r) {
  (void)ud;
  return compare_new(p, r->opinions, r->nopinions);
}

static row_class compare_handle(void *state, const case_row *row, renderer *r, render_summary *sum) {
  err *e = NULL;
  const compare_result *res = compare_row(state, row, &e);
  if (!res) {
    r->row_error(r, row, e);
    err_free(e);
    return ROW_FAILED;
  }
  sum->parted += res->nparts > 0;
  render_item it = {.row = row, .compare = res};
  r->item(r, &it);
  return ROW_DECIDED;
}

static void compare_close(void *state) { compare_free(state); }

const row_handler row_handler_compare = {.open = compare_open, .row = compare_handle, .close = compare_close};

/* ---- whatif: the changes that would change the row ----------------------- */

typedef struct whatif_state {
  const pack *p;
  const whatif_options *wo;
  bool done; /* a row was varied: a later row with its id is only reported */
} whatif_state;

static void *whatif_open(const void *ud, const pack *p, const renderer *r) {
  (void)r;
  whatif_state *st = xcalloc(1, sizeof *st);
  st->p = p;
  st->wo = ud;
  return st;
}

static row_class whatif_handle(void *state, const case_row *row, renderer *r, render_summary *sum) {
  (void)sum;
  whatif_state *st = state;
  if (st->done) return ROW_SKIPPED;
  st->done = true;
  int n = r->nopinions;
  whatif_result **res = xcalloc((size_t)n + 1, sizeof *res);
  row_class c = ROW_DECIDED;
  for (int i = 0; i < n && c == ROW_DECIDED; i++) {
    err *e = NULL;
    if (whatif_row(st->p, r->opinions[i], row, st->wo, &res[i], &e) != 0) {
      r->row_error(r, row, e);
      err_free(e);
      c = ROW_FAILED;
    }
  }
  if (c == ROW_DECIDED) {
    render_item it = {.row = row, .whatifs = res, .n = n};
    r->item(r, &it);
  }
  for (int i = 0; i < n; i++) whatif_free(res[i]);
  free(res);
  return c;
}

const row_handler row_handler_whatif_base = {.open = whatif_open, .row = whatif_handle, .close = free};

/* ---- distinguish: the problem against the decided cases ------------------- */

typedef struct distinguish_state {
  distinguish_ctx *dc;
  bool done; /* a row was compared: a later row with its id is only reported */
} distinguish_state;

static void *distinguish_open(const void *ud, const pack *p, const renderer *r) {
  distinguish_state *st = xcalloc(1, sizeof *st);
  st->dc = distinguish_new(p, ud, r->opinions, r->nopinions);
  return st;
}

static row_class distinguish_handle(void *state, const case_row *row, renderer *r, render_summary *sum) {
  (void)sum;
  distinguish_state *st = state;
  if (st->done) return ROW_SKIPPED;
  st->done = true;
  err *e = NULL;
  const distinguish_result *res = distinguish_row(st->dc, row, &e);
  if (!res) {
    r->row_error(r, row, e);
    err_free(e);
    return ROW_FAILED;
  }
  render_item it = {.row = row, .distinguish = res};
  r->item(r, &it);
  return ROW_DECIDED;
}

static void distinguish_close(void *state) {
  distinguish_state *st = state;
  distinguish_free(st->dc);
  free(st);
}

const row_handler row_handler_distinguish_base = {
    .open = distinguish_open, .row = distinguish_handle, .close = distinguish_close};

/* ---- brief: one side's argument ------------------------------------------ */

typedef struct brief_state {
  brief_ctx *bc;
  bool done; /* a row was briefed: a later row with its id is only reported */
} brief_state;

static void *brief_open(const void *ud, const pack *p, const renderer *r) {
  const row_brief_setup *bs = ud;
  brief_state *st = xcalloc(1, sizeof *st);
  st->bc = brief_new(p, bs->library, r->opinions, r->nopinions, bs->side);
  return st;
}

static row_class brief_handle(void *state, const case_row *row, renderer *r, render_summary *sum) {
  (void)sum;
  brief_state *st = state;
  if (st->done) return ROW_SKIPPED;
  st->done = true;
  err *e = NULL;
  const brief_result *res = brief_row(st->bc, row, &e);
  if (!res) {
    r->row_error(r, row, e);
    err_free(e);
    return ROW_FAILED;
  }
  render_item it = {.row = row, .brief = res};
  r->item(r, &it);
  return ROW_DECIDED;
}

static void brief_close(void *state) {
  brief_state *st = state;
  brief_free(st->bc);
  free(st);
}

const row_handler row_handler_brief_base = {.open = brief_open, .row = brief_handle, .close = brief_close};

/* ---- test: expectations checked ------------------------------------------ */

typedef struct test_emit_ctx {
  renderer *r;
  render_summary *sum;
} test_emit_ctx;

static void test_emit_one(void *ud, const test_result *res) {
  test_emit_ctx *c = ud;
  if (res->pass) c->sum->passed++;
  else c->sum->expect_failed++;
  render_item it = {.test = res};
  c->r->item(c->r, &it);
}

static void *test_open(const void *ud, const pack *p, const renderer *r) {
  (void)r;
  return testrun_new(p, ud);
}

static void test_file(void *state, const case_reader *cr) { testrun_file(state, cr); }

/* A rule error fails the expectations it touches, counted there: the row
 * itself counts as decided. */
static row_class test_handle(void *state, const case_row *row, renderer *r, render_summary *sum) {
  test_emit_ctx c = {r, sum};
  testrun_row(state, row, test_emit_one, &c);
  return ROW_DECIDED;
}

static void test_close(void *state) { testrun_free(state); }

const row_handler row_handler_test_base = {
    .open = test_open, .file = test_file, .row = test_handle, .close = test_close};
