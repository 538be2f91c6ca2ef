/* Unit tests for render_compare.c, render_whatif.c and render_table.c: each
 * format of each report, written to memory. */
#include "reasoning_pack.h"

#include "render.h"
#include "render_table.h"

static const char *const formats[3] = {"text", "json", "md"};

/* A renderer of one kind and format on out, under the pack's first two
 * opinions (or the first n). */
static renderer *mk(render_kind kind, int f, FILE *out, const pack *p, int n) {
  static const int ops[2] = {0, 1};
  render_setup rs = {.out = out, .p = p, .opinions = ops, .nopinions = n};
  err *e = NULL;
  renderer *r = render_new(kind, formats[f], &rs, &e);
  assert_non_null(r);
  return r;
}

static pack *load(th_dir *d) { return th_pack(d->path, REASONING_PACK); }

static void some_row(th_row *r, const pack *p) {
  th_row_init(r, p, "some");
  r->row.title = "Some care";
  th_yesno(r, p, "duty", RV_YES);
  th_enum(r, p, "care", "some");
  th_yesno(r, p, "custody", RV_YES);
}

static void test_formats(void **state) {
  (void)state;
  err *e = NULL;
  const pack *none = NULL;
  render_setup rs = {.out = stdout, .p = none};
  assert_true(render_has_format(RENDER_COMPARE, "md"));
  assert_true(render_has_format(RENDER_COMPARE, "markdown"));
  assert_true(render_has_format(RENDER_TEST, "junit"));
  assert_true(render_has_format(RENDER_EVAL, "md"));
  assert_true(render_has_format(RENDER_WHATIF, "html"));
  assert_false(render_has_format(RENDER_FACTS, "html"));
  assert_null(render_new(RENDER_TABLE, "yaml", &rs, &e));
  assert_string_equal(e->msg, "unknown format 'yaml' (formats: text, json, md, html)");
  err_free(e);
  assert_string_equal(render_formats(RENDER_TEST), "text, tap, junit");
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
      {"The Court and lenient part at Claim: the Court says unknown (left open); lenient says yes.",
       "lenient's own rule for Claim"},
      {"\"partings\":[{\"opinions\":[\"strict\",\"lenient\"],\"node\":\"claim\"", "\"override_by\":\"lenient\""},
      {"- **The Court** and **lenient** part at *Claim*", "lenient's own rule for *Claim*"},
  };
  for (int f = 0; f < 3; f++) {
    th_mem m;
    th_mem_open(&m);
    renderer *rep = mk(RENDER_COMPARE, f, m.f, p, 2);
    render_begin(rep, "cases.csv");
    render_item it = {.row = &r.row, .compare = res};
    rep->item(rep, &it);
    err *re = err_new("cases.csv", 3, 1, "bad cell");
    rep->row_error(rep, &r.row, re);
    err_free(re);
    render_summary sum = {.read = 2, .parted = 1, .failed = 1};
    rep->end(rep, &sum);
    render_free(rep);
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
      {"## strict (majority)", "1. `care`: some → none"},
  };
  for (int f = 0; f < 3; f++) {
    th_mem m;
    th_mem_open(&m);
    renderer *w = mk(RENDER_WHATIF, f, m.f, p, 2);
    render_begin(w, "cases.csv");
    render_item it = {.row = &r.row, .whatifs = res, .n = 2};
    w->item(w, &it);
    render_free(w);
    const char *out = th_mem_close(&m);
    th_assert_has(out, want[f][0]);
    th_assert_has(out, want[f][1]);
    th_mem_free(&m);
  }
  /* the dissent's number fact is named as left out */
  th_mem m;
  th_mem_open(&m);
  renderer *w = mk(RENDER_WHATIF, 0, m.f, p, 1);
  render_begin(w, "cases.csv");
  render_item it = {.row = &r.row, .whatifs = res + 1, .n = 1};
  w->item(w, &it);
  render_free(w);
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
    renderer *tr = mk(RENDER_TABLE, f, m.f, p, 1);
    render_item it = {.tables = t, .n = 2};
    tr->item(tr, &it);
    render_free(tr);
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
      cmocka_unit_test(test_formats),
      cmocka_unit_test_setup_teardown(test_render_compare, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_render_whatif, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_render_table, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
