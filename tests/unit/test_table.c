/* Unit tests for table.c, with the property tests: every row of the table,
 * evaluated at each of its points, gives its stated outcome, and the rows
 * cover the space with no overlap between outcomes. Exhaustive on a small
 * pack; on a sample of points of the due process pack. */
#include "reasoning_pack.h"

#include "table.h"

static pack *load(th_dir *d) { return th_pack(d->path, REASONING_PACK); }

/* Check one point: the rows that hold it are exactly those of its class. */
static void check_point(const table *t, eval_ctx *ec, th_row *r, const rval *point) {
  const pack *p = t->p;
  for (int f = 0; f < p->nfacts; f++) r->facts[f].v = RV_UNKNOWN;
  for (int i = 0; i < t->nvars; i++) r->facts[t->vars[i]].v = point[i];
  err *e = NULL;
  assert_int_equal(eval_row(ec, t->op_a, &r->row, &e), 0);
  rval a = eval_outcome(ec), b = RV_UNKNOWN;
  if (t->op_b >= 0) {
    assert_int_equal(eval_row(ec, t->op_b, &r->row, &e), 0);
    b = eval_outcome(ec);
  }
  int in_own = 0;
  for (int k = 0; k < t->nclasses; k++) {
    const table_class *c = &t->classes[k];
    bool mine = c->a == a && c->b == b;
    for (int row = c->row0; row < c->row0 + c->nrows; row++) {
      if (!table_row_contains(t, row, point)) continue;
      if (!mine) fail_msg("a row of outcome %d/%d holds a point whose outcome is %d/%d", c->a, c->b, a, b);
      in_own++;
    }
  }
  /* covered: every point of a shown outcome lies in one of its rows */
  bool shown = t->op_b < 0 || a != b;
  if (shown && in_own == 0) fail_msg("a point of outcome %d/%d lies in no row", a, b);
}

static void check_exhaustive(const table *t, eval_ctx *ec) {
  const pack *p = t->p;
  th_row r;
  th_row_init(&r, p, "point");
  rval point[64] = {0};
  double n = 0;
  for (;;) {
    check_point(t, ec, &r, point);
    n++;
    int i = t->nvars - 1;
    while (i >= 0 && ++point[i] == (rval)__builtin_popcountll(table_full_mask(t, i))) point[i--] = 0;
    if (i < 0) break;
  }
  assert_true(n == t->space);
  /* the classes' points add up to the space (or to the disagreement) */
  double sum = t->agree;
  for (int k = 0; k < t->nclasses; k++) sum += t->classes[k].points;
  assert_true(sum == t->space);
}

static void test_table_property_exhaustive(void **state) {
  pack *p = load(*state);
  eval_ctx *ec = eval_new(p);
  int pairs[][2] = {{0, -1}, {1, -1}, {0, 1}, {1, 0}};
  for (int i = 0; i < 4; i++) {
    table *t = NULL;
    err *e = NULL;
    assert_int_equal(table_build(p, pairs[i][0], pairs[i][1], NULL, &t, &e), 0);
    check_exhaustive(t, ec);
    table_free(t);
  }
  eval_free(ec);
  pack_free(p);
}

static void test_table_build_small(void **state) {
  pack *p = load(*state);
  table *t = NULL;
  err *e = NULL;
  assert_int_equal(table_build(p, 0, -1, NULL, &t, &e), 0);
  /* strict reads duty, care, custody; age only the dissent */
  assert_int_equal(t->nvars, 3);
  assert_int_equal(t->nleft_out, 0);
  assert_false(t->lua);
  assert_true(t->space == 12);
  assert_int_equal(t->op_b, -1);
  /* outcomes in order: no, yes, unknown */
  assert_int_equal(t->nclasses, 3);
  assert_int_equal(t->classes[0].a, RV_NO);
  assert_int_equal(t->classes[1].a, RV_YES);
  assert_int_equal(t->classes[2].a, RV_UNKNOWN);
  /* yes is one row: duty yes, care none, custody any */
  assert_int_equal(t->classes[1].nrows, 1);
  int row = t->classes[1].row0;
  assert_true(table_cell(t, row, 0) == 2);                    /* duty: yes (bit 1) */
  assert_true(table_cell(t, row, 1) == 1);                    /* care: none (bit 0) */
  assert_true(table_cell(t, row, 2) == table_full_mask(t, 2)); /* custody: any */
  rval in[3] = {1, 0, 0}, out[3] = {0, 0, 0};
  assert_true(table_row_contains(t, row, in));
  assert_false(table_row_contains(t, row, out));
  table_free(t);

  /* the dissent: age is reachable but a number, so left out */
  assert_int_equal(table_build(p, 1, -1, NULL, &t, &e), 0);
  assert_int_equal(t->nleft_out, 1);
  assert_int_equal(t->left_out[0], th_fact(p, "age"));
  table_free(t);

  /* vs: only where they disagree */
  assert_int_equal(table_build(p, 0, 1, NULL, &t, &e), 0);
  for (int k = 0; k < t->nclasses; k++) assert_int_not_equal(t->classes[k].a, t->classes[k].b);
  assert_true(t->agree > 0 && t->agree < t->space);
  table_free(t);
  table_free(NULL);
  pack_free(p);
}

static void test_table_budget(void **state) {
  pack *p = load(*state);
  table *t = NULL;
  err *e = NULL;
  table_options o = {2};
  assert_int_equal(table_build(p, 0, -1, &o, &t, &e), -1);
  assert_null(t);
  th_err_has(e, "too large");
  err_free(e);
  pack_free(p);
}

static void test_table_rule_function(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, "pack { name = \"l\" }\n"
                              "fact \"a\" { yesno, ask = \"A?\" }\nfact \"b\" { yesno, ask = \"B?\" }\n"
                              "node \"x\" { rule = function(f) if f.a == nil then return true end return f.a and f.b end }\n"
                              "opinion \"o\" { decides = \"x\" }\n");
  table *t = NULL;
  err *e = NULL;
  assert_int_equal(table_build(p, 0, -1, NULL, &t, &e), 0);
  assert_true(t->lua);
  /* a rule function says yes for a blank: the table must not trust it */
  eval_ctx *ec = eval_new(p);
  check_exhaustive(t, ec);
  eval_free(ec);
  table_free(t);
  pack_free(p);
}

/* The real pack, sampled: a fixed generator, so the test is repeatable. */
static void test_table_property_due_process_sample(void **state) {
  (void)state;
  err *e = NULL;
  pack *p = pack_load("rules/due_process", NULL, &e);
  if (!p) {
    err_free(e);
    skip();
  }
  int maj = pack_opinion_index(p, "majority"), bl = pack_opinion_index(p, "blackmun");
  if (maj < 0 || bl < 0 || p->nfacts > TH_MAX || p->nnodes > TH_MAX) {
    pack_free(p);
    skip();
  }
  eval_ctx *ec = eval_new(p);
  int pairs[][2] = {{maj, -1}, {maj, bl}};
  uint64_t seed = 0x9e3779b97f4a7c15ULL;
  for (int i = 0; i < 2; i++) {
    table *t = NULL;
    assert_int_equal(table_build(p, pairs[i][0], pairs[i][1], NULL, &t, &e), 0);
    th_row r;
    th_row_init(&r, p, "sample");
    rval point[64];
    for (int n = 0; n < 3000; n++) {
      for (int v = 0; v < t->nvars; v++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        point[v] = (rval)((seed >> 33) % (uint64_t)__builtin_popcountll(table_full_mask(t, v)));
      }
      check_point(t, ec, &r, point);
    }
    table_free(t);
  }
  eval_free(ec);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_table_build_small, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_table_property_exhaustive, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_table_budget, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_table_rule_function, th_dir_setup, th_dir_teardown),
      cmocka_unit_test(test_table_property_due_process_sample),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
