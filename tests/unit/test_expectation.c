/* Unit tests for expectation.c: what an expect.* cell may name, for test and
 * check alike. */
#include "helpers.h"

#include "expectation.h"

static const char *PACK =
    "pack { name = \"x\" }\n"
    "fact \"a\" { yesno }\n"
    "fact \"arrest\" { yesno }\n"
    "node \"breach\" { values = { \"clear\", \"arguable\" }, rule = first { when \"a\" :gives \"clear\", otherwise \"arguable\" } }\n"
    "node \"claim\" { rule = is(\"breach\", \"clear\") }\n"
    "opinion \"strict\" { decides = \"claim\", disposition = { yes = \"reverse\", no = \"affirm\", unknown = \"remand\" } }\n"
    "opinion \"bare\" { decides = \"breach\" }\n";

static void test_same(void **state) {
  (void)state;
  assert_true(expectation_same("Vacate and remand", "vacate_and_remand"));
  assert_true(expectation_same("YES", "yes"));
  assert_false(expectation_same("yes", "yess"));
  assert_false(expectation_same("", "no"));
}

static void test_values_and_checks(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, PACK);
  int strict = pack_opinion_index(p, "strict"), bare = pack_opinion_index(p, "bare");
  case_expect_col outcome = {5, EXPECT_OUTCOME, -1, -1, "expect.outcome"};
  case_expect_col disp = {6, EXPECT_DISPOSITION, -1, -1, "expect.disposition"};
  case_expect_col node = {7, EXPECT_NODE, pack_node_index(p, "breach"), -1, "expect.breach"};
  const char **v;
  /* outcome over every opinion: claim's values and breach's, each once */
  int n = expectation_values(p, &outcome, -1, &v);
  assert_int_equal(n, 4);
  assert_string_equal(v[0], "no");
  assert_string_equal(v[2], "clear");
  free(v);
  n = expectation_values(p, &outcome, strict, &v);
  assert_int_equal(n, 2);
  free(v);
  /* a disposition table names its values; an opinion with none accepts any */
  n = expectation_values(p, &disp, strict, &v);
  assert_int_equal(n, 3);
  free(v);
  assert_null(expectation_problem(p, &disp, strict, "Reverse"));
  assert_string_equal(expectation_problem(p, &disp, strict, "revers"), "is not one of the disposition's values");
  assert_null(expectation_problem(p, &disp, bare, "anything"));
  /* always allowed: unknown; not_reached for nodes only */
  assert_null(expectation_problem(p, &outcome, strict, "unknown"));
  assert_null(expectation_problem(p, &node, -1, "not_reached"));
  assert_string_equal(expectation_problem(p, &outcome, strict, "not_reached"), "is not a value of the target");
  /* a value of another opinion's target: fine for the column, not under strict */
  assert_null(expectation_problem(p, &outcome, -1, "clear"));
  assert_string_equal(expectation_problem(p, &outcome, strict, "clear"), "is not a value of the target");
  /* outside only where the pack declares its scope */
  assert_non_null(expectation_problem(p, &outcome, strict, "outside"));
  pack_free(p);
  char *scoped = xasprintf("%soutside \"far\" { when = \"arrest\", says = \"Far.\" }\n", PACK);
  p = th_pack(d->path, scoped);
  assert_null(expectation_problem(p, &outcome, pack_opinion_index(p, "strict"), "outside"));
  assert_non_null(expectation_problem(p, &node, -1, "outside"));
  pack_free(p);
  free(scoped);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_same),
      cmocka_unit_test_setup_teardown(test_values_and_checks, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests_name("expectation", tests, NULL, NULL);
}
