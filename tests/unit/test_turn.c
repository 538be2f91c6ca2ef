/* Unit tests for turn.c: the walk down the settling steps to the element
 * an outcome turns on, and the elements of that line of reasoning an
 * answer may name. */
#include "helpers.h"

#include "eval.h"
#include "turn.h"

typedef struct fx {
  th_dir dir;
  pack *p;
  eval_ctx *c;
  turn_walk *w;
  th_row r;
} fx;

static int fx_setup(void **state) {
  TH_FIXTURE(fx, f, state);
  f->p = th_pack(f->dir.path, th_dp_pack());
  f->c = eval_new(f->p);
  f->w = turn_new(f->p);
  th_row_init(&f->r, f->p, "r1");
  return 0;
}

static int fx_teardown(void **state) {
  fx *f = *state;
  turn_free(f->w);
  eval_free(f->c);
  pack_free(f->p);
  th_rm_rf(f->dir.path);
  free(f);
  return 0;
}

/* The name of the node the row turns on under the opinion. */
static const char *turn_of(fx *f, const char *opinion) {
  err *e = NULL;
  int op = pack_opinion_index(f->p, opinion);
  assert_true(op >= 0);
  assert_int_equal(eval_row(f->c, op, &f->r.row, &e), 0);
  int n = turn_find(f->w, f->c, &f->r.row);
  assert_true(n >= 0 && n < f->p->nnodes);
  return f->p->nodes[n].name;
}

static void test_find(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  th_yesno(&f->r, f->p, "notice", RV_NO);
  /* the state of mind (a value-naming element) is read through deprivation */
  assert_string_equal(turn_of(f, "majority"), "deprivation");
  assert_string_equal(turn_of(f, "dissent"), "deprivation");
  /* the first element fails: it settles the claim alone */
  th_yesno(&f->r, f->p, "state_actor", RV_NO);
  th_enum(&f->r, f->p, "status", "free");
  assert_string_equal(turn_of(f, "majority"), "state_action");
  /* open: the element an answer to which would decide it */
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  th_yesno(&f->r, f->p, "notice", RV_UNKNOWN);
  assert_string_equal(turn_of(f, "majority"), "deprivation");
}

/* The scratch is reused from row to row: nothing of one walk carries into
 * the next. With every fact blank, the open claim turns on an element some
 * answer to which decides it. */
static void test_reused(void **state) {
  fx *f = *state;
  const char *blank = turn_of(f, "majority");
  assert_string_not_equal(blank, "claim");
  th_yesno(&f->r, f->p, "state_actor", RV_NO);
  th_enum(&f->r, f->p, "status", "free");
  assert_string_equal(turn_of(f, "majority"), "state_action");
  th_yesno(&f->r, f->p, "state_actor", RV_UNKNOWN);
  f->r.row.facts[pack_fact_index(f->p, "status")].v = RV_UNKNOWN;
  assert_string_equal(turn_of(f, "majority"), blank);
}

/* What an answer may name: the line of reasoning, never the decided node
 * itself, nor an element that merely also holds. */
static void test_accepted(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "state_actor", RV_NO);
  th_enum(&f->r, f->p, "status", "free");
  assert_string_equal(turn_of(f, "majority"), "state_action");
  bool *acc = calloc((size_t)f->p->nnodes + 1, sizeof *acc);
  int n = turn_accepted(f->w, acc);
  int sa = pack_node_index(f->p, "state_action"), dep = pack_node_index(f->p, "deprivation");
  int root = f->p->opinions[pack_opinion_index(f->p, "majority")].decides;
  assert_true(n >= 1);
  assert_true(acc[sa]);
  assert_false(acc[root]);
  assert_false(acc[dep]); /* not reached once state action fails */
  int count = 0;
  for (int k = 0; k < f->p->nnodes; k++) count += acc[k];
  assert_int_equal(count, n);
  free(acc);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_find),
      T(test_reused),
      T(test_accepted),
  };
  return cmocka_run_group_tests_name("turn", tests, NULL, NULL);
}
