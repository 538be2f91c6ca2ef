/* Unit tests of a pack's scope (`outside "name" { ... }`): loading it
 * (pack.c), rows outside it (eval.c), their coverage (coverage.c), their
 * expectations (testrun.c) and the summary line (render.c); and a fact's
 * presumed answer (`default`), the other way a pack says what a blank means. */
#include "helpers.h"

#include "coverage.h"
#include "eval.h"
#include "explain.h"
#include "render.h"
#include "testrun.h"

static const char *PACK =
    "pack { name = \"s\", title = \"Scope\" }\n"
    "authority \"graham\" { cite = \"Graham v. Connor, 490 U.S. 386 (1989)\", pin = \"395\" }\n"
    "fact \"a\" { yesno }\n"
    "fact \"arrest\" { yesno }\n"
    "fact \"status\" { oneof { \"free\", \"prisoner\" } }\n"
    "outside \"arrest\" { title = \"An arrest\", when = all { \"arrest\", is(\"status\", \"free\") },\n"
    "  says = \"Arrests are judged under the Fourth Amendment.\", by = \"graham\" }\n"
    "node \"x\" { rule = \"a\" }\n"
    "opinion \"o\" { decides = \"x\", disposition = { yes = \"reverse\", no = \"affirm\", unknown = \"remand\" } }\n";

static rval decide(eval_ctx *c, const case_row *row) {
  err *e = NULL;
  if (eval_row(c, 0, row, &e) != 0) fail_msg("eval_row failed: %s", e->msg);
  return eval_outcome(c);
}

static void test_loads_the_scope(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, PACK);
  assert_int_equal(p->noutside, 1);
  const pack_outside *s = &p->outside[0];
  assert_string_equal(s->name, "arrest");
  assert_string_equal(s->title, "An arrest");
  assert_string_equal(s->says, "Arrests are judged under the Fourth Amendment.");
  assert_int_equal(s->nby, 1);
  assert_int_equal(s->by[0], pack_authority_index(p, "graham"));
  assert_non_null(s->when);
  assert_int_equal(s->line, 6);
  pack_free(p);
}

static void test_scope_mistakes(void **state) {
  th_dir *d = *state;
  static const struct {
    const char *decl, *msg;
  } cases[] = {
      {"outside \"n\" { when = \"x\", says = \"S.\" }\n", "outside n: when reads node x, but the pack's scope must turn on facts alone"},
      {"outside \"n\" { when = \"a\" }\n", "outside \"n\" needs says = \"...\""},
      {"outside \"n\" { says = \"S.\" }\n", "outside \"n\" needs when = rule"},
      {"outside \"n\" { when = \"a\", says = \"S.\", by = \"grahm\" }\n", "outside n: unknown authority 'grahm'"},
      {"outside \"n\" { when = \"a\", says = \"S.\" }\noutside \"n\" { when = \"a\", says = \"S.\" }\n", "outside 'n' is declared twice"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *src = xasprintf("pack { name = \"s\" }\nauthority \"graham\" { cite = \"G\" }\nfact \"a\" { yesno }\n"
                          "node \"x\" { rule = \"a\" }\nopinion \"o\" { decides = \"x\" }\n%s",
                          cases[i].decl);
    err *e = th_pack_err(d->path, src, NULL);
    assert_non_null(e);
    th_assert_has(e->msg, cases[i].msg);
    err_free(e);
    free(src);
  }
}

static void test_rows_outside(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, PACK);
  eval_ctx *c = eval_new(p);
  th_row r;
  th_row_init(&r, p, "r");
  th_yesno(&r, p, "a", RV_YES);
  /* inside: decided as usual */
  th_yesno(&r, p, "arrest", RV_NO);
  assert_int_equal(decide(c, &r.row), RV_YES);
  assert_int_equal(eval_outside(c), -1);
  assert_int_equal(eval_maybe_outside(c), -1);
  /* an arrest of a free man: outside, nothing reached, no disposition */
  th_yesno(&r, p, "arrest", RV_YES);
  th_enum(&r, p, "status", "free");
  assert_int_equal(decide(c, &r.row), RV_UNKNOWN);
  assert_int_equal(eval_outside(c), 0);
  assert_int_equal(eval_node_state(c, th_node(p, "x")), NODE_NOT_REACHED);
  /* status blank: some answers would put it outside; decided, with the note */
  r.facts[th_fact(p, "status")].v = RV_UNKNOWN;
  assert_int_equal(decide(c, &r.row), RV_YES);
  assert_int_equal(eval_outside(c), -1);
  assert_int_equal(eval_maybe_outside(c), 0);
  /* the values-only path agrees */
  eval_values_only(c, true);
  th_enum(&r, p, "status", "free");
  rval out, disp;
  int ops[1] = {0}, failed = -1;
  err *e = NULL;
  assert_int_equal(eval_row_values(c, ops, 1, &r.row, &out, &disp, &failed, &e), 0);
  assert_int_equal(out, RV_UNKNOWN);
  assert_int_equal(eval_outside(c), 0);
  r.row.number++;
  assert_int_equal(decide(c, &r.row), RV_UNKNOWN);
  assert_int_equal(eval_outside(c), 0);
  eval_free(c);
  pack_free(p);
}

static void test_coverage_counts_the_scope(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, PACK);
  eval_ctx *c = eval_new(p);
  coverage *cv = coverage_new(p);
  th_row r;
  th_row_init(&r, p, "r");
  th_yesno(&r, p, "a", RV_YES);
  decide(c, &r.row);
  coverage_add(cv, c);
  coverage_totals t;
  coverage_totals_of(cv, &t);
  assert_int_equal(t.outside, 1);
  assert_int_equal(t.outside_hit, 0);
  th_mem m;
  th_mem_open(&m);
  coverage_print(cv, m.f);
  th_assert_has(th_mem_close(&m), "outside arrest: no row is outside the pack this way");
  th_mem_free(&m);
  th_yesno(&r, p, "arrest", RV_YES);
  th_enum(&r, p, "status", "free");
  decide(c, &r.row);
  coverage_add(cv, c);
  coverage_totals_of(cv, &t);
  assert_int_equal(t.outside_hit, 1);
  coverage_free(cv);
  eval_free(c);
  pack_free(p);
}

static void count(void *ud, const test_result *r) {
  int *n = ud;
  if (!r->pass) fail_msg("%s expected %s, got %s", r->target, r->expected, r->got ? r->got : "nothing");
  (*n)++;
}

static void test_expect_outside(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, PACK);
  th_write(d->path, "c.csv",
           "id,a,arrest,status,expect.outcome,expect.disposition,expect.x\n"
           "out,yes,yes,free,outside,outside,not_reached\n"
           "in,yes,no,,yes,reverse,yes\n");
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "c.csv");
  int ops[1] = {0}, n = 0;
  test_options to = {ops, 1, NULL};
  err *e = NULL;
  case_reader *cr = cases_open(p, path, &e);
  assert_non_null(cr);
  testrun *t = testrun_new(p, &to);
  testrun_file(t, cr);
  case_row row;
  while (cases_next(cr, &row, &e) == 1) testrun_row(t, &row, count, &n); /* count fails on a failure */
  testrun_free(t);
  cases_close(cr);
  assert_int_equal(n, 6);
  pack_free(p);
}

static void test_presumed_answers(void **state) {
  th_dir *d = *state;
  /* a blank with a default reads as that answer: decided, not searched */
  pack *p = th_pack(d->path, "pack { name = \"d\" }\n"
                             "fact \"wrong_test\" { yesno, default = \"no\" }\n"
                             "fact \"a\" { yesno }\n"
                             "node \"remand\" { rule = \"wrong_test\" }\n"
                             "node \"x\" { rule = all { \"a\", no \"remand\" } }\n"
                             "opinion \"o\" { decides = \"x\" }\n");
  eval_ctx *c = eval_new(p);
  th_row r;
  th_row_init(&r, p, "r");
  th_yesno(&r, p, "a", RV_YES);
  assert_int_equal(decide(c, &r.row), RV_YES);
  assert_int_equal(eval_settle_evals(c), 0); /* nothing blank to try */
  assert_true(explain_presumed(p, &r.row, th_fact(p, "wrong_test")));
  assert_false(explain_presumed(p, &r.row, th_fact(p, "a")));
  char buf[16];
  assert_string_equal(explain_fact_text(p, &r.row, th_fact(p, "wrong_test"), buf, sizeof buf), "no");
  /* the row's own answer wins */
  th_yesno(&r, p, "wrong_test", RV_YES);
  assert_int_equal(decide(c, &r.row), RV_NO);
  assert_false(explain_presumed(p, &r.row, th_fact(p, "wrong_test")));
  /* the csv path agrees */
  eval_values_only(c, true);
  r.facts[th_fact(p, "wrong_test")].v = RV_UNKNOWN;
  assert_int_equal(decide(c, &r.row), RV_YES);
  eval_free(c);
  pack_free(p);
}

static void test_summary_line_counts_outside(void **state) {
  (void)state;
  th_mem m;
  th_mem_open(&m);
  render_summary s = {.read = 3, .decided = 1, .undecided = 0, .outside = 2, .failed = 0};
  render_summary_line(m.f, &s);
  assert_string_equal(th_mem_close(&m), "3 rows: 1 decided, 0 undecided, 2 outside this pack, 0 failed\n");
  th_mem_free(&m);
}

#define T(f) cmocka_unit_test_setup_teardown(f, th_dir_setup, th_dir_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_loads_the_scope),
      T(test_scope_mistakes),
      T(test_rows_outside),
      T(test_coverage_counts_the_scope),
      T(test_expect_outside),
      T(test_presumed_answers),
      cmocka_unit_test(test_summary_line_counts_outside),
  };
  return cmocka_run_group_tests_name("outside", tests, NULL, NULL);
}
