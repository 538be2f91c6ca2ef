/* Unit tests for testrun.c: the results one case file gives, one per
 * expectation cell and opinion, plus one for each unreadable row and each
 * reused id. */
#include "helpers.h"

#include "testrun.h"

static const char *PACK =
    "pack { name = \"t\" }\n"
    "fact \"duty\" { yesno }\n"
    "node \"claim\" { rule = all { \"duty\" } }\n"
    "opinion \"strict\" { decides = \"claim\" }\n"
    "opinion \"lenient\" { base = \"strict\", override \"claim\" { rule = yes(true) } }\n";

/* What the reporter saw: the results' targets, pass flags and messages. */
typedef struct seen {
  int n;
  char target[16][32];
  char opinion[16][16];
  bool pass[16];
  char error[16][160];
} seen;

static void collect(void *ud, const test_result *r) {
  seen *s = ud;
  if (s->n >= 16) fail_msg("too many results");
  snprintf(s->target[s->n], sizeof s->target[0], "%s", r->target);
  snprintf(s->opinion[s->n], sizeof s->opinion[0], "%s", r->opinion ? r->opinion : "");
  s->pass[s->n] = r->pass;
  snprintf(s->error[s->n], sizeof s->error[0], "%s", r->error ? r->error->msg : "");
  s->n++;
}

static int run_file(th_dir *d, const char *csv, seen *s, test_totals *tot) {
  pack *p = th_pack(d->path, PACK);
  th_write(d->path, "c.csv", csv);
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "c.csv");
  int ops[2] = {0, 1};
  test_options to = {ops, 2, NULL};
  test_reporter rep = {collect, s};
  err *e = NULL;
  int rc = testrun_file(p, path, &to, &rep, tot, &e);
  if (rc != 0) {
    err_print(e, stderr);
    err_free(e);
  }
  pack_free(p);
  return rc;
}

static void test_one_result_per_cell_and_opinion(void **state) {
  seen s = {0};
  test_totals tot = {0, 0, 0};
  assert_int_equal(run_file(*state, "id,duty,expect.outcome,expect.claim@lenient\n"
                                    "a,no,no,yes\n",
                            &s, &tot),
                   0);
  /* outcome under both opinions (strict no: pass; lenient yes: fail), and
   * the lenient claim (yes: pass) */
  assert_int_equal(s.n, 3);
  assert_int_equal(tot.rows, 1);
  assert_int_equal(tot.passed, 2);
  assert_int_equal(tot.failed, 1);
  assert_string_equal(s.target[0], "outcome");
  assert_string_equal(s.opinion[0], "strict");
  assert_true(s.pass[0]);
  assert_string_equal(s.opinion[1], "lenient");
  assert_false(s.pass[1]);
}

static void test_unreadable_row_fails_once(void **state) {
  seen s = {0};
  test_totals tot = {0, 0, 0};
  assert_int_equal(run_file(*state, "id,duty,expect.outcome\nbad,perhaps,no\n", &s, &tot), 0);
  assert_int_equal(s.n, 1);
  assert_string_equal(s.target[0], "row");
  assert_false(s.pass[0]);
  th_assert_has(s.error[0], "'perhaps' is not yes or no");
  assert_int_equal(tot.failed, 1);
}

static void test_reused_id_fails_once_and_row_still_checked(void **state) {
  seen s = {0};
  test_totals tot = {0, 0, 0};
  assert_int_equal(run_file(*state, "id,duty,expect.outcome@strict\n"
                                    "a,yes,yes\n"
                                    "b,no,no\n"
                                    "a,no,no\n",
                            &s, &tot),
                   0);
  assert_int_equal(s.n, 4);
  assert_string_equal(s.target[2], "id");
  assert_false(s.pass[2]);
  assert_string_equal(s.error[2], "id 'a' is used again (first on line 2)");
  assert_string_equal(s.target[3], "outcome");
  assert_true(s.pass[3]);
  assert_int_equal(tot.passed, 3);
  assert_int_equal(tot.failed, 1);
}

static void test_missing_file(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, PACK);
  int ops[1] = {0};
  test_options to = {ops, 1, NULL};
  seen s = {0};
  test_reporter rep = {collect, &s};
  test_totals tot = {0, 0, 0};
  err *e = NULL;
  assert_int_equal(testrun_file(p, "/nonexistent/c.csv", &to, &rep, &tot, &e), -1);
  assert_non_null(e);
  err_free(e);
  assert_int_equal(s.n, 0);
  pack_free(p);
}

#define T(f) cmocka_unit_test_setup_teardown(f, th_dir_setup, th_dir_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_one_result_per_cell_and_opinion),
      T(test_unreadable_row_fails_once),
      T(test_reused_id_fails_once_and_row_still_checked),
      T(test_missing_file),
  };
  return cmocka_run_group_tests_name("testrun", tests, NULL, NULL);
}
