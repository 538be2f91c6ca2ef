/* Unit tests for render_compare.c, render_whatif.c and render_table.c: each
 * format of each report, written to memory. */
#include "reasoning_pack.h"

#include "render_reasoning.h"

static pack *load(th_dir *d) { return th_pack(d->path, REASONING_PACK); }

static void some_row(th_row *r, const pack *p) {
  th_row_init(r, p, "some");
  r->row.title = "Some care";
  th_yesno(r, p, "duty", RV_YES);
  th_enum(r, p, "care", "some");
  th_yesno(r, p, "custody", RV_YES);
}

static void test_reason_format_parse(void **state) {
  (void)state;
  reason_format f;
  assert_int_equal(reason_format_parse("text", &f), 0);
  assert_int_equal(f, REASON_TEXT);
  assert_int_equal(reason_format_parse("json", &f), 0);
  assert_int_equal(f, REASON_JSON);
  assert_int_equal(reason_format_parse("md", &f), 0);
  assert_int_equal(f, REASON_MD);
  assert_int_equal(reason_format_parse("markdown", &f), 0);
  assert_int_equal(reason_format_parse("html", &f), -1);
}

static void test_render_compare(void **state) {
  pack *p = load(*state);
  int ops[2] = {0, 1};
  compare_ctx *c = compare_new(p, ops, 2);
  th_row r;
  some_row(&r, p);
  err *e = NULL;
  const compare_result *res = compare_row(c, &r.row, &e);
  static const char *want[3][2] = {
      {"strict and lenient part at Claim: strict says unknown (left open); lenient says yes.", "lenient's override of claim"},
      {"\"partings\":[{\"opinions\":[\"strict\",\"lenient\"],\"node\":\"claim\"", "\"override_by\":\"lenient\""},
      {"- **strict** and **lenient** part at *Claim*", "lenient's override of `claim`"},
  };
  for (int f = 0; f < 3; f++) {
    th_mem m;
    th_mem_open(&m);
    compare_report *rep = render_compare_new((reason_format)f, m.f, p, "cases.csv");
    render_compare_row(rep, res);
    err *re = err_new("cases.csv", 3, 1, "bad cell");
    render_compare_error(rep, &r.row, re);
    err_free(re);
    render_compare_end(rep, 2, 1, 1);
    render_compare_free(rep);
    const char *out = th_mem_close(&m);
    th_assert_has(out, want[f][0]);
    th_assert_has(out, want[f][1]);
    th_assert_has(out, "bad cell");
    th_assert_has(out, f == 1 ? "\"disagree\":1" : "2 rows: 1 where the opinions disagree, 1 failed");
    th_mem_free(&m);
  }
  compare_free(c);
  pack_free(p);
}

static void test_render_whatif(void **state) {
  pack *p = load(*state);
  th_row r;
  some_row(&r, p);
  whatif_result *res[2] = {NULL, NULL};
  err *e = NULL;
  assert_int_equal(whatif_row(p, 0, &r.row, NULL, &res[0], &e), 0);
  assert_int_equal(whatif_row(p, 1, &r.row, NULL, &res[1], &e), 0);
  static const char *want[3][2] = {
      {"To make Claim yes: 1 change, 2 ways\n  1. care: some -> none", "Authority (Breach): A v. B, 1 U.S. 1, 2 (1900)"},
      {"\"schema\":\"ratio.whatif/1\"", "\"changes\":[{\"fact\":\"care\",\"from\":\"some\",\"to\":\"none\"}]"},
      {"## Opinion: strict", "1. `care`: some → none"},
  };
  for (int f = 0; f < 3; f++) {
    th_mem m;
    th_mem_open(&m);
    render_whatif((reason_format)f, m.f, p, "cases.csv", &r.row, res, 2);
    const char *out = th_mem_close(&m);
    th_assert_has(out, want[f][0]);
    th_assert_has(out, want[f][1]);
    th_mem_free(&m);
  }
  /* the dissent's number fact is named as left out */
  th_mem m;
  th_mem_open(&m);
  render_whatif(REASON_TEXT, m.f, p, "cases.csv", &r.row, res + 1, 1);
  th_assert_has(th_mem_close(&m), "Not searched (number, date or text facts): age.");
  th_mem_free(&m);
  whatif_free(res[0]);
  whatif_free(res[1]);
  pack_free(p);
}

static void test_render_table(void **state) {
  pack *p = load(*state);
  table *t[2] = {NULL, NULL};
  err *e = NULL;
  assert_int_equal(table_build(p, 0, -1, NULL, &t[0], &e), 0);
  assert_int_equal(table_build(p, 0, 1, NULL, &t[1], &e), 0);
  char buf[64];
  int row = t[0]->classes[1].row0;
  assert_string_equal(render_table_cell(t[0], row, 1, buf, sizeof buf), "none");
  assert_string_equal(render_table_cell(t[0], row, 2, buf, sizeof buf), "-");
  static const char *want[3][2] = {
      {"Claim = yes: 1 row, 2 of 12 combinations", "strict: unknown, lenient: yes"},
      {"\"schema\":\"ratio.table/1\"", "\"vs\":\"lenient\""},
      {"### Claim = yes", "| # | duty | care |"},
  };
  for (int f = 0; f < 3; f++) {
    th_mem m;
    th_mem_open(&m);
    render_table((reason_format)f, m.f, p, t, 2);
    const char *out = th_mem_close(&m);
    th_assert_has(out, want[f][0]);
    th_assert_has(out, want[f][1]);
    th_mem_free(&m);
  }
  table_free(t[0]);
  table_free(t[1]);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_reason_format_parse),
      cmocka_unit_test_setup_teardown(test_render_compare, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_render_whatif, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_render_table, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
