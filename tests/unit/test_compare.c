/* Unit tests for compare.c: opinions side by side and where they part. */
#include "reasoning_pack.h"

#include "compare.h"

static pack *load(th_dir *d) { return th_pack(d->path, REASONING_PACK); }

static void test_compare_row_finds_the_override(void **state) {
  pack *p = load(*state);
  int ops[2] = {pack_opinion_index(p, "strict"), pack_opinion_index(p, "lenient")};
  compare_ctx *c = compare_new(p, ops, 2);
  th_row r;
  th_row_init(&r, p, "some");
  th_yesno(&r, p, "duty", RV_YES);
  th_enum(&r, p, "care", "some");
  th_yesno(&r, p, "custody", RV_YES);
  err *e = NULL;
  const compare_result *res = compare_row(c, &r.row, &e);
  assert_non_null(res);
  assert_int_equal(res->nopinions, 2);
  /* strict: arguable breach in custody is left open; lenient: a claim */
  assert_int_equal(res->trees[0]->outcome, RV_UNKNOWN);
  assert_int_equal(res->trees[1]->outcome, RV_YES);
  assert_int_equal(res->nparts, 1);
  const compare_part *pt = &res->parts[0];
  assert_int_equal(pt->a, 0);
  assert_int_equal(pt->b, 1);
  assert_int_equal(pt->node, th_node(p, "claim"));
  assert_true(pt->rules_differ);
  assert_int_equal(pt->override_a, -1);
  assert_int_equal(pt->override_b, ops[1]);
  assert_int_equal(pt->rule_b->nby, 1);
  assert_string_equal(p->authorities[pt->rule_b->by[0]].name, "b");
  assert_string_equal(p->authorities[pt->rule_a->by[0]].name, "a");
  compare_free(c);
  pack_free(p);
}

static void test_compare_row_agreeing(void **state) {
  pack *p = load(*state);
  int ops[2] = {0, 1};
  compare_ctx *c = compare_new(p, ops, 2);
  th_row r;
  th_row_init(&r, p, "none");
  th_yesno(&r, p, "duty", RV_NO);
  th_yesno(&r, p, "custody", RV_NO); /* else strict's open question stays open */
  err *e = NULL;
  const compare_result *res = compare_row(c, &r.row, &e);
  assert_non_null(res);
  assert_int_equal(res->nparts, 0);
  assert_false(compare_disagree(res->trees[0], res->trees[1]));
  /* the same context serves the next row */
  th_yesno(&r, p, "duty", RV_YES);
  th_enum(&r, p, "care", "none");
  res = compare_row(c, &r.row, &e);
  assert_int_equal(res->nparts, 0);
  assert_int_equal(res->trees[0]->outcome, RV_YES);
  compare_free(c);
  pack_free(p);
}

static void test_compare_disagree_on_disposition(void **state) {
  pack *p = load(*state);
  int ops[1] = {0};
  compare_ctx *c = compare_new(p, ops, 1);
  th_row r;
  th_row_init(&r, p, "x");
  th_yesno(&r, p, "duty", RV_YES);
  th_enum(&r, p, "care", "none");
  err *e = NULL;
  const compare_result *res = compare_row(c, &r.row, &e);
  explain_tree copy = *res->trees[0];
  assert_false(compare_disagree(res->trees[0], &copy));
  copy.disposition = "something else";
  assert_true(compare_disagree(res->trees[0], &copy));
  copy.disposition = NULL; /* no disposition: only the outcome counts */
  assert_false(compare_disagree(res->trees[0], &copy));
  copy.outcome = RV_NO;
  assert_true(compare_disagree(res->trees[0], &copy));
  compare_free(c);
  pack_free(p);
}

static void test_compare_override_owner(void **state) {
  pack *p = load(*state);
  int claim = th_node(p, "claim"), breach = th_node(p, "breach");
  assert_int_equal(compare_override_owner(p, 0, claim), -1);
  assert_int_equal(compare_override_owner(p, 1, claim), 1);
  assert_int_equal(compare_override_owner(p, 1, breach), -1);
  pack_free(p);
}

static void test_compare_row_error(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, "pack { name = \"f\" }\nfact \"a\" { yesno, ask = \"A?\" }\n"
                              "node \"x\" { rule = function(f) error(\"boom\") end }\n"
                              "opinion \"o\" { decides = \"x\" }\n");
  int ops[1] = {0};
  compare_ctx *c = compare_new(p, ops, 1);
  th_row r;
  th_row_init(&r, p, "x");
  err *e = NULL;
  assert_null(compare_row(c, &r.row, &e));
  assert_non_null(e);
  err_free(e);
  compare_free(c);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_compare_row_finds_the_override, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_compare_row_agreeing, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_compare_disagree_on_disposition, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_compare_override_owner, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_compare_row_error, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
