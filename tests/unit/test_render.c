/* Unit tests for render.c, render_text.c and render_json.c: citations, the
 * summary line, and the text and JSON formats. */
#include "helpers.h"

#include <jansson.h>

#include "eval.h"
#include "explain.h"
#include "render.h"

/* ---- citations and the summary line -------------------------------------------- */

/* render_cite's result, checked and freed */
static void cite_is(const pack_authority *a, const char *want) {
  char *got = render_cite(a);
  assert_string_equal(got, want);
  free(got);
}

static void test_cite_without_pin(void **state) {
  (void)state;
  pack_authority a = {.name = "daniels", .cite = "Daniels v. Williams, 474 U.S. 327 (1986)"};
  cite_is(&a, "Daniels v. Williams, 474 U.S. 327 (1986)");
  pack_authority none = {.name = "bare"};
  cite_is(&none, "bare"); /* the name when no cite */
}

static void test_cite_with_pin(void **state) {
  (void)state;
  pack_authority a = {.name = "d", .cite = "Daniels v. Williams, 474 U.S. 327 (1986)", .pin = "328"};
  cite_is(&a, "Daniels v. Williams, 474 U.S. 327, 328 (1986)");
  pack_authority b = {.name = "x", .cite = "Parratt v. Taylor, 451 U.S. 527", .pin = "541-544"};
  cite_is(&b, "Parratt v. Taylor, 451 U.S. 527, 541-544");
}

static void test_cite_with_trailing_parenthetical(void **state) {
  (void)state;
  pack_authority a = {.name = "b", .cite = "Davidson v. Cannon, 474 U.S. 344 (1986) (Brennan, J., dissenting)",
                      .pin = "349"};
  cite_is(&a, "Davidson v. Cannon, 474 U.S. 344, 349 (1986) (Brennan, J., dissenting)");
}

static void test_cite_long_is_whole(void **state) {
  (void)state;
  /* a citation with long parentheticals is never cut */
  char cite[1200];
  memset(cite, 'x', sizeof cite - 1);
  memcpy(cite, "Long v. Case, 1 U.S. 1 (1900) (", 31);
  cite[sizeof cite - 2] = ')';
  cite[sizeof cite - 1] = '\0';
  pack_authority a = {.name = "l", .cite = cite, .pin = "5"};
  char *got = render_cite(&a);
  assert_int_equal(strlen(got), strlen(cite) + 3);
  assert_memory_equal(got, "Long v. Case, 1 U.S. 1, 5 (1900) (", 34);
  assert_int_equal(got[strlen(got) - 1], ')');
  free(got);
}

static void test_spaced_and_upper(void **state) {
  (void)state;
  char buf[32], small[8];
  assert_string_equal(render_spaced("vacate_and_remand", buf, sizeof buf), "vacate and remand");
  assert_string_equal(render_upper("vacate_and_remand", buf, sizeof buf), "VACATE AND REMAND");
  assert_string_equal(render_spaced(NULL, buf, sizeof buf), "none");
  assert_string_equal(render_spaced("vacate_and_remand", small, sizeof small), "vacate "); /* cut, terminated */
  th_mem m;
  th_mem_open(&m);
  render_put_spaced(m.f, "deliberate_indifference");
  putc(' ', m.f);
  render_put_upper(m.f, "vacate_and_remand");
  assert_string_equal(th_mem_close(&m), "deliberate indifference VACATE AND REMAND");
  th_mem_free(&m);
}

static char *summary_of(int read, int decided, int undecided, int failed) {
  th_mem m;
  th_mem_open(&m);
  render_summary s = {.read = read, .decided = decided, .undecided = undecided, .failed = failed};
  render_summary_line(m.f, &s);
  th_mem_close(&m);
  return m.buf;
}

static void test_summary_line(void **state) {
  (void)state;
  char *s = summary_of(1, 1, 0, 0);
  assert_string_equal(s, "1 row: 1 decided, 0 undecided, 0 failed\n");
  free(s);
  s = summary_of(4, 2, 1, 1);
  assert_string_equal(s, "4 rows: 2 decided, 1 undecided, 1 failed\n");
  free(s);
  s = summary_of(0, 0, 0, 0);
  assert_string_equal(s, "0 rows: 0 decided, 0 undecided, 0 failed\n");
  free(s);
}

/* Opinions counted per row: a remand on an open outcome is a decision. */
static void test_summary_counts_opinions(void **state) {
  (void)state;
  render_summary s = {.read = 2, .decided = 1, .undecided = 1};
  render_result res[3] = {{.outcome = RV_NO, .disposition = "affirm", .outside = -1},
                          {.outcome = RV_UNKNOWN, .disposition = "vacate_and_remand", .outside = -1},
                          {.outcome = RV_UNKNOWN, .disposition = "unknown", .outside = -1}};
  render_summary_count(&s, res, 3);
  res[2] = (render_result){.outcome = RV_UNKNOWN, .outside = 0};
  res[1] = (render_result){.outcome = RV_UNKNOWN, .outside = -1};
  render_summary_count(&s, res, 3);
  assert_int_equal(s.opinions_decided, 3);
  assert_int_equal(s.opinions_undecided, 2);
  assert_int_equal(s.opinions_outside, 1);
  render_summary_count(&s, NULL, 3); /* a row that could not be read */
  s.read = 3;
  assert_int_equal(s.opinions_failed, 3);
  th_mem m;
  th_mem_open(&m);
  render_summary_line(m.f, &s);
  assert_string_equal(th_mem_close(&m), "3 rows under 3 opinions: 3 decided, 2 undecided, 1 outside this pack, 3 failed\n");
  th_mem_free(&m);
  render_summary one = {.read = 1, .opinions_decided = 1};
  th_mem_open(&m);
  render_summary_line(m.f, &one);
  assert_string_equal(th_mem_close(&m), "1 row under 1 opinion: 1 decided, 0 undecided, 0 failed\n");
  th_mem_free(&m);
}

/* render_opinion_name's or render_opinion_span's result, checked and freed */
static void name_is(char *got, const char *want) {
  assert_non_null(got);
  assert_string_equal(got, want);
  free(got);
}

/* How text names an opinion. */
static void test_opinion_names(void **state) {
  (void)state;
  pack_opinion court = {.name = "majority", .author = "Rehnquist", .role = "majority", .title = "Opinion of the Court"};
  name_is(render_opinion_name(&court, true), "Rehnquist, J., for the Court");
  /* law other than the case's own goes by its title */
  name_is(render_opinion_name(&court, false), "Opinion of the Court");
  pack_opinion dissent = {.name = "brennan", .author = "Brennan", .role = "dissent", .title = "Brennan, J., dissenting"};
  name_is(render_opinion_name(&dissent, false), "Brennan, J., dissenting");
  pack_opinion chief = {.name = "c", .author = "Burger, C.J.", .role = "concurrence"};
  name_is(render_opinion_name(&chief, true), "Burger, C.J., concurring");
  name_is(render_opinion_name(&chief, false), "Burger, C.J., concurring"); /* no title: the judge */
  pack_opinion court_law = {.name = "law", .author = "the Court", .role = "majority"};
  name_is(render_opinion_name(&court_law, true), "law (majority)");
  pack_opinion bare = {.name = "only"}, named_role = {.name = "majority", .role = "majority"};
  name_is(render_opinion_name(&bare, true), "only");
  name_is(render_opinion_name(&named_role, true), "majority");

  pack_opinion parratt = {.name = "p", .date = "1981-05-18", .until_date = "1986-01-21", .displaced_by = "Daniels"};
  name_is(render_opinion_span(&parratt), "the law from 1981 until Daniels, 1986");
  parratt.displaced_by = NULL;
  name_is(render_opinion_span(&parratt), "the law from 1981 until 1986");
  parratt.until_date = NULL;
  name_is(render_opinion_span(&parratt), "the law from 1981");
  assert_null(render_opinion_span(&bare));
}

/* ---- formats -------------------------------------------------------------------- */

/* An eval renderer of `format` on out, for rows of `source`, under the
 * first two opinions unless a test says otherwise. */
static renderer *mk(const char *format, FILE *out, const pack *p, const char *source) {
  static const int ops[2] = {0, 1};
  render_setup rs = {.out = out, .p = p, .opinions = ops, .nopinions = 2};
  err *e = NULL;
  renderer *r = render_new(RENDER_EVAL, format, &rs, &e);
  assert_non_null(r);
  r->source = source;
  return r;
}

/* A text renderer with the choices in `rs` (out, pack and opinions filled
 * in as mk does). */
static renderer *mk_text(FILE *out, const pack *p, render_setup rs) {
  static const int ops[2] = {0, 1};
  rs.out = out;
  rs.p = p;
  rs.opinions = ops;
  rs.nopinions = 2;
  err *e = NULL;
  renderer *r = render_new(RENDER_EVAL, "text", &rs, &e);
  assert_non_null(r);
  r->source = "cases.csv";
  return r;
}

static void row_item(renderer *r, const case_row *row, const render_result *res, int n) {
  render_item it = {.row = row, .results = res, .n = n};
  r->item(r, &it);
}

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
  f->r.row.title = "Davidson v. Cannon";
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

/* Decide the row under majority and dissent into f->res. */
static void decide_both(fx *f) {
  const char *ops[2] = {"majority", "dissent"};
  for (int i = 0; i < 2; i++) {
    int op = pack_opinion_index(f->p, ops[i]);
    err *e = NULL;
    assert_int_equal(eval_row(f->c, op, &f->r.row, &e), 0);
    explain_build(f->trees[i], f->c, &f->r.row);
    f->res[i] = (render_result){.opinion = op, .outcome = eval_outcome(f->c), .outcome_name = f->trees[i]->outcome_name, .disposition = eval_disposition(f->c),
                                .tree = f->trees[i]};
  }
}

/* The davidson row: state actors, a prisoner, no notice (negligent). */
static void davidson(fx *f) {
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  th_yesno(&f->r, f->p, "notice", RV_NO);
}

/* Drive a renderer through a file of two rows: one decided, one error. */
static char *render_all(fx *f, renderer *r, th_mem *m) {
  static const int ops[2] = {0, 1};
  r->opinions = ops;
  r->nopinions = 2;
  r->begin(r);
  davidson(f);
  decide_both(f);
  row_item(r, &f->r.row, f->res, 2);
  if (r->separator) fputs(r->separator, r->out);
  err *e = err_hint(err_new("cases.csv", 3, 4, "status: 'prisonr' is not one of prisoner, pretrial_detainee, free"),
                    "did you mean 'prisoner'?");
  th_row bad;
  th_row_init(&bad, f->p, "broken");
  bad.row.line = 3;
  r->row_error(r, &bad.row, e);
  err_free(e);
  render_summary s = {.read = 2, .decided = 1, .undecided = 0, .failed = 1};
  r->end(r, &s);
  th_mem_close(m);
  return m->buf;
}

static void test_text_format(void **state) {
  fx *f = *state;
  th_mem m;
  th_mem_open(&m);
  renderer *r = mk("text", m.f, f->p, "cases.csv");
  assert_true(r->wants_tree);
  char *out = render_all(f, r, &m);
  render_free(r);
  th_assert_has(out, "== davidson: Davidson v. Cannon (cases.csv:2) ==\n"
                     "Facts: state actor: yes; status: prisoner; notice: no.\n\n");
  /* the summary: each opinion by its judge, the outcome, the disposition,
   * and the element it turns on */
  th_assert_has(out, "Rehnquist, J., for the Court — Claim: no; AFFIRM.\n"
                     "   Turns on Deprivation: no. conduct that is merely negligent does not deprive\n"
                     "Brennan, J., dissenting — Claim: yes; REVERSE.\n"
                     "   Turns on Deprivation: yes. negligent conduct deprives\n");
  /* then each opinion's reasoning */
  th_assert_has(out, "\n-- Rehnquist, J., for the Court, 1986-01-21 --\nOutcome: Claim: no; AFFIRM.\n");
  th_assert_has(out, "\n-- Brennan, J., dissenting, 1986-01-21 --\nOutcome: Claim: yes; REVERSE.\n");
  th_assert_has(out, "1. State action: yes\n   the officials acted for the State\n   Facts: state actor: yes.\n");
  th_assert_has(out, "In custody: yes");
  th_assert_has(out, "a prisoner is in custody");
  /* an authority is a number in the tree, listed once with its citation */
  th_assert_has(out, "conduct that is merely negligent does not deprive [1]\n");
  th_assert_has(out, "negligent conduct deprives\n"); /* the dissent's override cites nothing */
  th_assert_has(out, "\nAuthorities:\n[1] Daniels v. Williams, 474 U.S. 327, 328 (1986)\n\n");
  assert_null(strstr(out, "Authority: "));
  th_assert_has(out, "3.1. Culpability: negligent\n");
  th_assert_has(out, "Facts: notice: no.");
  th_assert_has(out, "broken");
  th_assert_has(out, "cases.csv:3:4: error: status: 'prisonr' is not one of prisoner, pretrial_detainee, free; did you mean 'prisoner'?");
  th_assert_has(out, "2 rows: 1 decided, 0 undecided, 1 failed\n");
  /* the majority's section comes before the dissent's */
  assert_true(strstr(out, "-- Rehnquist") < strstr(out, "-- Brennan"));
  free(out);
}

/* --brief: the summary alone; --depth N: N levels of elements. */
static void test_text_brief_and_depth(void **state) {
  fx *f = *state;
  th_mem m;
  th_mem_open(&m);
  renderer *r = mk_text(m.f, f->p, (render_setup){.brief = true});
  char *out = render_all(f, r, &m);
  render_free(r);
  th_assert_has(out, "Brennan, J., dissenting — Claim: yes; REVERSE.\n");
  assert_null(strstr(out, "Outcome:"));
  assert_null(strstr(out, "Authorities:"));
  free(out);

  th_mem_open(&m);
  r = mk_text(m.f, f->p, (render_setup){.limit_depth = true, .depth = 1});
  out = render_all(f, r, &m);
  render_free(r);
  th_assert_has(out, "3. Deprivation: no\n");
  assert_null(strstr(out, "3.1. Culpability"));
  free(out);

  th_mem_open(&m);
  r = mk_text(m.f, f->p, (render_setup){.limit_depth = true, .depth = 0});
  out = render_all(f, r, &m);
  render_free(r);
  th_assert_has(out, "Outcome: Claim: no; AFFIRM.\n");
  assert_null(strstr(out, "1. State action"));
  free(out);
}

static void test_text_not_reached_and_undecided(void **state) {
  fx *f = *state;
  th_mem m;
  th_mem_open(&m);
  renderer *r = mk("text", m.f, f->p, "cases.csv");
  static const int ops[2] = {0, 1};
  r->opinions = ops;
  r->nopinions = 2;
  r->begin(r);
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  decide_both(f); /* notice unknown: the majority is undecided */
  row_item(r, &f->r.row, f->res, 1);
  th_yesno(&f->r, f->p, "state_actor", RV_NO);
  decide_both(f);
  row_item(r, &f->r.row, f->res, 1);
  th_mem_close(&m);
  render_free(r);
  th_assert_has(m.buf, "Rehnquist, J., for the Court — Claim: unknown; VACATE AND REMAND.\n");
  th_assert_has(m.buf, "Undecided: answering any one of these would decide it:\n  notice: Did they know?");
  th_assert_has(m.buf, "Did they know?");
  th_assert_has(m.buf, "not reached");
  free(m.buf);
}

static void test_json_format(void **state) {
  fx *f = *state;
  th_mem m;
  th_mem_open(&m);
  renderer *r = mk("json", m.f, f->p, "cases.csv");
  char *out = render_all(f, r, &m);
  render_free(r);
  json_error_t jerr;
  json_t *doc = json_loads(out, 0, &jerr);
  if (!doc) fail_msg("not JSON (%s at line %d): %s", jerr.text, jerr.line, out);
  assert_string_equal(json_string_value(json_object_get(doc, "schema")), "ratio.eval/1");
  json_t *pk = json_object_get(doc, "pack");
  assert_string_equal(json_string_value(json_object_get(pk, "name")), "dp");
  assert_string_equal(json_string_value(json_object_get(pk, "case")), "Davidson v. Cannon, 474 U.S. 344 (1986)");
  assert_string_equal(json_string_value(json_object_get(doc, "source")), "cases.csv");
  json_t *rows = json_object_get(doc, "rows");
  assert_int_equal(json_array_size(rows), 2);
  json_t *row = json_array_get(rows, 0);
  assert_string_equal(json_string_value(json_object_get(row, "id")), "davidson");
  assert_string_equal(json_string_value(json_object_get(row, "title")), "Davidson v. Cannon");
  assert_int_equal(json_integer_value(json_object_get(row, "line")), 2);
  json_t *results = json_object_get(row, "results");
  assert_int_equal(json_array_size(results), 2);
  json_t *maj = json_array_get(results, 0);
  assert_string_equal(json_string_value(json_object_get(maj, "opinion")), "majority");
  assert_string_equal(json_string_value(json_object_get(maj, "author")), "Rehnquist");
  assert_string_equal(json_string_value(json_object_get(maj, "outcome")), "no");
  assert_string_equal(json_string_value(json_object_get(maj, "disposition")), "affirm");
  /* what the text shows is in the JSON too: the casebook name, the element
   * the outcome turns on, the facts the row states */
  assert_string_equal(json_string_value(json_object_get(maj, "heading")), "Rehnquist, J., for the Court");
  assert_true(json_is_true(json_object_get(maj, "case_opinion")));
  assert_null(json_object_get(maj, "span")); /* left out for the case's own */
  assert_string_equal(json_string_value(json_object_get(maj, "turns_on")), "deprivation");
  json_t *stated = json_object_get(row, "facts");
  assert_int_equal(json_object_size(stated), 3);
  assert_string_equal(json_string_value(json_object_get(stated, "status")), "prisoner");
  assert_int_equal(json_object_size(json_object_get(row, "findings")), 0);
  json_t *tree = json_object_get(maj, "tree");
  assert_string_equal(json_string_value(json_object_get(tree, "node")), "claim");
  assert_string_equal(json_string_value(json_object_get(tree, "state")), "derived");
  json_t *kids = json_object_get(tree, "children");
  assert_int_equal(json_array_size(kids), 3);
  json_t *dep = json_array_get(kids, 2);
  assert_string_equal(json_string_value(json_object_get(dep, "node")), "deprivation");
  assert_string_equal(json_string_value(json_object_get(dep, "sentence")),
                      "conduct that is merely negligent does not deprive");
  json_t *auth = json_array_get(json_object_get(dep, "authorities"), 0);
  assert_string_equal(json_string_value(json_object_get(auth, "full")), "Daniels v. Williams, 474 U.S. 327, 328 (1986)");
  assert_string_equal(json_string_value(json_object_get(auth, "pin")), "328");
  json_t *sa = json_array_get(kids, 0);
  json_t *fact = json_array_get(json_object_get(sa, "facts"), 0);
  assert_string_equal(json_string_value(json_object_get(fact, "fact")), "state_actor");
  assert_string_equal(json_string_value(json_object_get(fact, "value")), "yes");
  json_t *ds = json_array_get(results, 1);
  assert_string_equal(json_string_value(json_object_get(ds, "outcome")), "yes");
  assert_string_equal(json_string_value(json_object_get(ds, "disposition")), "reverse");

  json_t *bad = json_array_get(rows, 1);
  assert_string_equal(json_string_value(json_object_get(bad, "id")), "broken");
  json_t *e0 = json_array_get(json_object_get(bad, "errors"), 0);
  assert_string_equal(json_string_value(json_object_get(e0, "file")), "cases.csv");
  assert_int_equal(json_integer_value(json_object_get(e0, "line")), 3);
  assert_int_equal(json_integer_value(json_object_get(e0, "column")), 4);
  assert_string_equal(json_string_value(json_object_get(e0, "hint")), "did you mean 'prisoner'?");
  json_t *sum = json_object_get(doc, "summary");
  assert_int_equal(json_integer_value(json_object_get(sum, "read")), 2);
  assert_int_equal(json_integer_value(json_object_get(sum, "decided")), 1);
  assert_int_equal(json_integer_value(json_object_get(sum, "failed")), 1);
  json_decref(doc);
  free(out);
}

static void test_json_no_rows(void **state) {
  fx *f = *state;
  th_mem m;
  th_mem_open(&m);
  renderer *r = mk("json", m.f, f->p, "weird \"name\".csv");
  r->begin(r);
  render_summary s = {.read = 0, .decided = 0, .undecided = 0, .failed = 0};
  r->end(r, &s);
  th_mem_close(&m);
  render_free(r);
  json_error_t jerr;
  json_t *doc = json_loads(m.buf, 0, &jerr);
  if (!doc) fail_msg("not JSON (%s): %s", jerr.text, m.buf);
  assert_string_equal(json_string_value(json_object_get(doc, "source")), "weird \"name\".csv");
  assert_int_equal(json_array_size(json_object_get(doc, "rows")), 0);
  json_decref(doc);
  free(m.buf);
}

static void test_json_undecided_lists_deciding_facts(void **state) {
  fx *f = *state;
  th_mem m;
  th_mem_open(&m);
  renderer *r = mk("json", m.f, f->p, "c.csv");
  static const int ops[1] = {0};
  r->opinions = ops;
  r->nopinions = 1;
  r->begin(r);
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  decide_both(f);
  row_item(r, &f->r.row, f->res, 1);
  render_summary s = {.read = 1, .decided = 0, .undecided = 1, .failed = 0};
  r->end(r, &s);
  th_mem_close(&m);
  render_free(r);
  json_error_t jerr;
  json_t *doc = json_loads(m.buf, 0, &jerr);
  if (!doc) fail_msg("not JSON (%s): %s", jerr.text, m.buf);
  json_t *res = json_array_get(json_object_get(json_array_get(json_object_get(doc, "rows"), 0), "results"), 0);
  assert_string_equal(json_string_value(json_object_get(res, "outcome")), "unknown");
  th_assert_has(m.buf, "\"notice\"");
  json_decref(doc);
  free(m.buf);
}

/* The undecided section's layout, through a format that records it. */
typedef struct calls {
  char log[1024];
} calls;
static void rec(calls *c, const char *what) { strncat(c->log, what, sizeof c->log - strlen(c->log) - 1); }
static void c_group(void *ud, const char *heading) { rec(ud, "group["), rec(ud, heading), rec(ud, "]"); }
static void c_deciding(void *ud, const explain_deciding *d, const pack_node *decides) {
  (void)decides;
  rec(ud, d->kind == DECIDES_ALWAYS ? " always" : d->kind == DECIDES_SOMETIMES ? " sometimes" : " never");
}
static void c_untried(void *ud, const pack_fact *f) { rec(ud, " untried:"), rec(ud, f->name); }
static void c_group_end(void *ud) { rec(ud, " end;"); }
static void c_line(void *ud, bool undecided, const char *text) {
  rec(ud, undecided ? " line(u):" : " line:");
  rec(ud, text);
}

static void test_undecided_layout(void **state) {
  fx *f = *state;
  calls c = {{0}};
  render_undecided_out out = {c_group, c_deciding, c_untried, c_group_end, c_line, &c};
  /* decided: nothing at all */
  davidson(f);
  decide_both(f);
  render_undecided(f->p, f->trees[0], &f->p->opinions[f->res[0].opinion], &out);
  assert_string_equal(c.log, "");
  /* notice unknown: one group, the fact that decides it either way */
  th_yesno(&f->r, f->p, "notice", RV_UNKNOWN);
  decide_both(f);
  assert_int_equal(f->trees[0]->outcome, RV_UNKNOWN);
  render_undecided(f->p, f->trees[0], &f->p->opinions[f->res[0].opinion], &out);
  assert_string_equal(c.log, "group[answering any one of these would decide it:] always end;");
}

static void test_render_free_null(void **state) {
  (void)state;
  render_free(NULL);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cite_without_pin),
      cmocka_unit_test(test_cite_with_pin),
      cmocka_unit_test(test_cite_with_trailing_parenthetical),
      cmocka_unit_test(test_cite_long_is_whole),
      cmocka_unit_test(test_spaced_and_upper),
      cmocka_unit_test(test_summary_line),
      cmocka_unit_test(test_summary_counts_opinions),
      cmocka_unit_test(test_opinion_names),
      T(test_text_format),
      T(test_text_brief_and_depth),
      T(test_text_not_reached_and_undecided),
      T(test_json_format),
      T(test_json_no_rows),
      T(test_json_undecided_lists_deciding_facts),
      T(test_undecided_layout),
      cmocka_unit_test(test_render_free_null),
  };
  return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
