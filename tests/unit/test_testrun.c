/* Unit tests for testrun.c: the results one case file gives, one per
 * expectation cell and opinion; through the row driver and the report,
 * one failure for each unreadable row and each reused id. */
#include "helpers.h"

#include "batch.h"
#include "render.h"
#include "row_handlers.h"
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

typedef struct totals {
  int rows, passed, failed;
} totals;

/* Check a file row by row with testrun alone. */
static int run_file(th_dir *d, const char *csv, seen *s, totals *tot) {
  pack *p = th_pack(d->path, PACK);
  th_write(d->path, "c.csv", csv);
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "c.csv");
  int ops[2] = {0, 1};
  test_options to = {ops, 2, NULL};
  err *e = NULL;
  case_reader *cr = cases_open(p, path, &e);
  assert_non_null(cr);
  testrun *t = testrun_new(p, &to);
  testrun_file(t, cr);
  case_row row;
  int got;
  while ((got = cases_next(cr, &row, &e)) != 0) {
    assert_int_equal(got, 1);
    tot->rows++;
    int before = s->n;
    testrun_row(t, &row, collect, s);
    for (int i = before; i < s->n; i++) {
      if (s->pass[i]) tot->passed++;
      else tot->failed++;
    }
  }
  testrun_free(t);
  cases_close(cr);
  pack_free(p);
  return 0;
}

/* The whole of `ratio test` on a file: the driver, the test handler and the
 * text report, into memory. Returns the report; the caller frees it. */
static char *report(th_dir *d, const char *csv, int *code) {
  pack *p = th_pack(d->path, PACK);
  th_write(d->path, "c.csv", csv);
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "c.csv");
  int ops[2] = {0, 1};
  test_options to = {ops, 2, NULL};
  row_handler h = row_handler_test_base;
  h.ud = &to;
  th_mem m;
  th_mem_open(&m);
  render_setup rs = {.out = m.f, .p = p, .opinions = ops, .nopinions = 2};
  err *e = NULL;
  renderer *r = render_new(RENDER_TEST, "text", &rs, &e);
  batch_options bo = {.handler = &h};
  render_summary sum;
  *code = batch_run(p, (const char *[]){path}, 1, &bo, r, &sum, &e);
  if (e) {
    err_print(e, stderr);
    err_free(e);
  }
  render_free(r);
  pack_free(p);
  th_mem_close(&m);
  return m.buf;
}

static void test_one_result_per_cell_and_opinion(void **state) {
  seen s = {0};
  totals tot = {0, 0, 0};
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
  int code;
  char *out = report(*state, "id,duty,expect.outcome\nbad,perhaps,no\n", &code);
  assert_int_equal(code, 0);
  th_assert_has(out, "FAIL ");
  th_assert_has(out, "c.csv:2 bad row: expected a readable row");
  th_assert_has(out, "'perhaps' is not yes or no");
  th_assert_has(out, "0 passed, 1 failed\n");
  free(out);
}

/* A reused id is reported by the driver, as for every command, and counted
 * as a failure; the row's own expectations are still checked. */
static void test_reused_id_fails_once_and_row_still_checked(void **state) {
  int code;
  char *out = report(*state, "id,duty,expect.outcome@strict\n"
                             "a,yes,yes\n"
                             "b,no,no\n"
                             "a,no,no\n",
                     &code);
  assert_int_equal(code, 0);
  th_assert_has(out, "c.csv:4 a outcome@strict = no\n");
  th_assert_has(out, "3 passed, 1 failed\n");
  free(out);
}

static void test_missing_file(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, PACK);
  int ops[1] = {0};
  test_options to = {ops, 1, NULL};
  row_handler h = row_handler_test_base;
  h.ud = &to;
  th_mem m;
  th_mem_open(&m);
  render_setup rs = {.out = m.f, .p = p, .opinions = ops, .nopinions = 1};
  err *e = NULL;
  renderer *r = render_new(RENDER_TEST, "tap", &rs, &e);
  batch_options bo = {.handler = &h};
  render_summary sum;
  assert_int_equal(batch_run(p, (const char *[]){"/nonexistent/c.csv"}, 1, &bo, r, &sum, &e), -1);
  assert_non_null(e);
  err_free(e);
  render_free(r);
  th_mem_close(&m);
  assert_string_equal(m.buf, ""); /* nothing begun */
  free(m.buf);
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
