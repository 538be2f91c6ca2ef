/* Unit tests for html.c (escaping, captured text, the page) and the eval
 * formats render_html.c and render_md.c. */
#include "helpers.h"

#include "eval.h"
#include "explain.h"
#include "html.h"
#include "render.h"

/* What a writer puts on a memory stream, as a string the caller frees. */
#define CAPTURE(var, stmt)            \
  do {                                \
    th_mem m_;                        \
    th_mem_open(&m_);                 \
    FILE *out = m_.f;                 \
    stmt;                             \
    th_mem_close(&m_);                \
    var = m_.buf;                     \
  } while (0)

static void test_html_put_escapes(void **state) {
  (void)state;
  char *s;
  CAPTURE(s, html_put(out, "<a href=\"x\">Tom & Jerry's</a>"));
  assert_string_equal(s, "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  free(s);
  CAPTURE(s, html_put(out, NULL));
  assert_string_equal(s, "");
  free(s);
  CAPTURE(s, html_put_spaced(out, "vacate_and_<remand>"));
  assert_string_equal(s, "vacate and &lt;remand&gt;");
  free(s);
  CAPTURE(s, html_put_upper(out, "vacate_and_remand&"));
  assert_string_equal(s, "VACATE AND REMAND&amp;");
  free(s);
}

static void test_html_capture(void **state) {
  (void)state;
  char *s;
  CAPTURE(s, {
    html_capture c;
    fprintf(html_capture_open(&c), "a < b\n");
    html_capture_put(&c, out);
  });
  /* escaped, and the text writer's newline dropped */
  assert_string_equal(s, "a &lt; b");
  free(s);
}

static void test_html_page(void **state) {
  (void)state;
  char *s;
  CAPTURE(s, {
    html_report_begin(out, "what if", "dp", "A <title>", NULL);
    html_report_end(out);
  });
  th_assert_has(s, "<!DOCTYPE html>");
  th_assert_has(s, "<title>A &lt;title&gt;</title>");
  th_assert_has(s, "@media print");
  th_assert_has(s, "Ratio &middot; what if &middot; dp");
  th_assert_lacks(s, "class=\"case\"");
  /* self-contained: nothing to fetch */
  th_assert_lacks(s, "<link");
  th_assert_lacks(s, "src=");
  th_assert_lacks(s, "url(");
  assert_true(th_ends_with(s, "</html>\n"));
  size_t len = 0;
  assert_non_null(html_style(&len));
  assert_true(len > 100);
  free(s);
}

/* ---- the eval formats ------------------------------------------------------ */

typedef struct fx {
  th_dir dir;
  pack *p;
  eval_ctx *c;
  explain_tree *trees[2];
  render_result res[2];
  th_row r;
} fx;

static int fx_setup(void **state) {
  TH_FIXTURE(fx, f, state);
  f->p = th_pack(f->dir.path, th_dp_pack());
  f->c = eval_new(f->p);
  f->trees[0] = explain_new(f->p);
  f->trees[1] = explain_new(f->p);
  th_row_init(&f->r, f->p, "davidson");
  f->r.row.title = "Davidson <v.> Cannon";
  f->r.row.note = "The note & more";
  f->r.row.line = 2;
  return 0;
}

static int fx_teardown(void **state) {
  fx *f = *state;
  explain_free(f->trees[0]);
  explain_free(f->trees[1]);
  eval_free(f->c);
  pack_free(f->p);
  th_rm_rf(f->dir.path);
  free(f);
  return 0;
}

/* A document of two rows, one decided under both opinions and one that
 * could not be read, in `format`. */
static char *render_doc(fx *f, const char *format) {
  static const int ops[2] = {0, 1};
  th_mem m;
  th_mem_open(&m);
  render_setup rs = {.out = m.f, .p = f->p, .opinions = ops, .nopinions = 2};
  err *e = NULL;
  renderer *r = render_new(RENDER_EVAL, format, &rs, &e);
  assert_non_null(r);
  assert_true(r->wants_tree);
  render_begin(r, "cases.csv");
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  th_yesno(&f->r, f->p, "notice", RV_NO);
  for (int i = 0; i < 2; i++) {
    assert_int_equal(eval_row(f->c, ops[i], &f->r.row, &e), 0);
    explain_build(f->trees[i], f->c, &f->r.row);
    f->res[i] = (render_result){.opinion = ops[i], .outcome = eval_outcome(f->c),
                                .outcome_name = f->trees[i]->outcome_name,
                                .disposition = eval_disposition(f->c), .tree = f->trees[i]};
  }
  render_item it = {.row = &f->r.row, .results = f->res, .n = 2};
  r->item(r, &it);
  th_row bad;
  th_row_init(&bad, f->p, "broken");
  bad.row.line = 3;
  e = err_new("cases.csv", 3, 4, "status: 'prisonr' is not one of prisoner, pretrial_detainee, free");
  r->row_error(r, &bad.row, e);
  err_free(e);
  render_summary s = {.read = 2, .decided = 1, .failed = 1};
  r->end(r, &s);
  render_free(r);
  th_mem_close(&m);
  return m.buf;
}

static void test_html_eval(void **state) {
  fx *f = *state;
  char *s = render_doc(f, "html");
  th_assert_has(s, "<title>Due process</title>");
  th_assert_has(s, "<h2>davidson: Davidson &lt;v.&gt; Cannon</h2>");
  th_assert_has(s, "<p class=\"note\">The note &amp; more</p>");
  th_assert_has(s, "cases.csv, line 2");
  /* the summary per opinion comes before the trees */
  th_assert_has(s, "<caption>How each opinion decides it</caption>");
  assert_true(strstr(s, "<caption>") < strstr(s, "<section class=\"opinion\""));
  th_assert_has(s, "<strong>AFFIRM</strong>");
  th_assert_has(s, "<strong>REVERSE</strong>");
  th_assert_has(s, "<details open><summary><span class=\"label\">3.</span> Deprivation: ");
  th_assert_has(s, "<code>notice = no</code>");
  /* the authority, numbered, and listed at the end of the row */
  th_assert_has(s, "Daniels v. Williams, 474 U.S. 327, 328 (1986) <a class=\"cite-ref\" href=\"#r2-a1\"");
  th_assert_has(s, "<li id=\"r2-a1\"><cite>Daniels v. Williams, 474 U.S. 327, 328 (1986)</cite>");
  th_assert_has(s, "<span class=\"label\">3.1.</span> Culpability: <span class=\"badge\">negligent</span>");
  th_assert_has(s, "<h2>broken: not decided</h2>");
  th_assert_has(s, "cases.csv:3:4: error: status: &#39;prisonr&#39; is not one of");
  th_assert_has(s, "<p class=\"summary-line\">2 rows: 1 decided, 0 undecided, 1 failed</p>");
  assert_true(th_ends_with(s, "</html>\n"));
  free(s);
}

static void test_md_eval(void **state) {
  fx *f = *state;
  char *s = render_doc(f, "md");
  th_assert_has(s, "# Due process\n");
  th_assert_has(s, "## davidson: Davidson <v.> Cannon\n");
  th_assert_has(s, "> The note & more\n");
  th_assert_has(s, "| Opinion | Outcome | Disposition |\n");
  th_assert_has(s, "| majority | Claim: no | AFFIRM |\n");
  th_assert_has(s, "### Opinion: majority, Rehnquist, 1986-01-21\n");
  th_assert_has(s, "- **3. Deprivation: no**");
  th_assert_has(s, "`notice = no`");
  th_assert_has(s, "#### Authorities\n\n1. Daniels v. Williams, 474 U.S. 327, 328 (1986)\n");
  th_assert_has(s, "## broken: not decided\n");
  th_assert_has(s, "*2 rows: 1 decided, 0 undecided, 1 failed*\n");
  free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_html_put_escapes),
      cmocka_unit_test(test_html_capture),
      cmocka_unit_test(test_html_page),
      cmocka_unit_test_setup_teardown(test_html_eval, fx_setup, fx_teardown),
      cmocka_unit_test_setup_teardown(test_md_eval, fx_setup, fx_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
