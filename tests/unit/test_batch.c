/* Unit tests for batch.c: every row of a case file through eval and a
 * renderer, with the summary counts, the --row filter and its errors. */
#include "helpers.h"

#include "batch.h"
#include "render.h"
#include "row_handlers.h"

/* A renderer that records what the batch gives it. */
typedef struct counting {
  int begins, rows, row_errors, ends;
  render_summary end_sum;
  char ids[16][32];
  int nids;
  char first_error[256];
  int results_per_row;
  int opinion_errors;
  char outcomes[16][32];
  char source[512];
} counting;

static void c_begin(renderer *r) {
  counting *c = r->state;
  c->begins++;
  snprintf(c->source, sizeof c->source, "%s", r->source ? r->source : "(null)");
}

static void c_row(renderer *r, const case_row *row, const render_result *res, int n) {
  counting *c = r->state;
  c->rows++;
  c->results_per_row = n;
  if (c->nids < 16) {
    snprintf(c->ids[c->nids], sizeof c->ids[0], "%s", row->id);
    snprintf(c->outcomes[c->nids], sizeof c->outcomes[0], "%s", res[0].outcome_name);
    c->nids++;
  }
  /* a tree for every result, since this renderer wants them; an opinion
   * whose rule failed carries its error instead of an outcome */
  for (int i = 0; i < n; i++) {
    assert_non_null(res[i].tree);
    if (res[i].error) {
      c->opinion_errors++;
      if (!c->first_error[0]) snprintf(c->first_error, sizeof c->first_error, "%s", res[i].error->msg);
    }
  }
}

static void c_item(renderer *r, const render_item *it) { c_row(r, it->row, it->results, it->n); }

static void c_row_error(renderer *r, const case_row *row, const err *e) {
  counting *c = r->state;
  c->row_errors++;
  if (c->nids < 16) {
    snprintf(c->ids[c->nids], sizeof c->ids[0], "!%s", row->id);
    snprintf(c->outcomes[c->nids], sizeof c->outcomes[0], "error");
    c->nids++;
  }
  if (!c->first_error[0]) snprintf(c->first_error, sizeof c->first_error, "%s", e->msg);
}

static void c_end(renderer *r, const render_summary *s) {
  counting *c = r->state;
  c->ends++;
  c->end_sum = *s;
}

static renderer *counting_new(counting *c, const pack *p, const int *ops, int nops) {
  memset(c, 0, sizeof *c);
  renderer *r = xcalloc(1, sizeof *r);
  r->out = stdout;
  r->p = p;
  r->state = c;
  r->wants_tree = true;
  r->begin = c_begin;
  r->item = c_item;
  r->opinions = ops;
  r->nopinions = nops;
  r->row_error = c_row_error;
  r->end = c_end;
  r->free = NULL; /* the state is the test's */
  return r;
}

typedef struct fx {
  th_dir dir;
  pack *p;
  char csv[PATH_MAX];
} fx;

static int fx_setup(void **state) {
  TH_FIXTURE(fx, f, state);
  f->p = th_pack(f->dir.path, th_dp_pack());
  th_path(f->csv, sizeof f->csv, f->dir.path, "cases.csv");
  th_write(f->dir.path, "cases.csv",
           "id,state_actor,status,notice,days\n"
           "decided_no,yes,prisoner,no,1\n"      /* majority: no */
           "undecided,yes,prisoner,,2\n"         /* majority: unknown (notice) */
           "bad_cell,yes,prisonr,no,3\n"         /* a typo: failed */
           "decided_yes,yes,prisoner,yes,500\n"  /* yes; lua_op fails on days */
           ",yes,free,no,4\n");                  /* no id: failed */
  return 0;
}

static int fx_teardown(void **state) {
  fx *f = *state;
  pack_free(f->p);
  th_rm_rf(f->dir.path);
  free(f);
  return 0;
}

static void test_counts(void **state) {
  fx *f = *state;
  counting c;
  int ops[] = {pack_opinion_index(f->p, "majority"), pack_opinion_index(f->p, "dissent")};
  renderer *r = counting_new(&c, f->p, ops, (int)(sizeof ops / sizeof ops[0]));
  batch_options o = {.handler = &row_handler_eval};
  render_summary sum;
  err *e = NULL;
  assert_int_equal(batch_run(f->p, (const char *[]){f->csv}, 1, &o, r, &sum, &e), 0);
  assert_null(e);
  assert_int_equal(sum.read, 5);
  assert_int_equal(sum.decided, 2);
  assert_int_equal(sum.undecided, 1);
  assert_int_equal(sum.failed, 2);
  assert_int_equal(c.begins, 1);
  assert_int_equal(c.ends, 1);
  assert_int_equal(c.rows, 3);
  assert_int_equal(c.row_errors, 2);
  assert_int_equal(c.results_per_row, 2);
  assert_int_equal(c.end_sum.read, 5);
  assert_int_equal(c.end_sum.failed, 2);
  assert_string_equal(c.source, f->csv); /* the batch names the file for the renderer */
  /* in input order */
  assert_string_equal(c.ids[0], "decided_no");
  assert_string_equal(c.outcomes[0], "no");
  assert_string_equal(c.ids[1], "undecided");
  assert_string_equal(c.outcomes[1], "unknown");
  assert_string_equal(c.ids[2], "!bad_cell");
  assert_string_equal(c.ids[3], "decided_yes");
  assert_string_equal(c.outcomes[3], "yes");
  assert_string_equal(c.ids[4], "!");
  assert_string_equal(c.first_error, "status: 'prisonr' is not one of prisoner, pretrial_detainee, free");
  render_free(r);
}

static void test_rule_function_failure_counts_as_failed(void **state) {
  fx *f = *state;
  counting c;
  int ops[] = {pack_opinion_index(f->p, "lua_op")};
  renderer *r = counting_new(&c, f->p, ops, (int)(sizeof ops / sizeof ops[0]));
  batch_options o = {.handler = &row_handler_eval, .row_id = "decided_yes"};
  render_summary sum;
  err *e = NULL;
  assert_int_equal(batch_run(f->p, (const char *[]){f->csv}, 1, &o, r, &sum, &e), 0);
  assert_int_equal(sum.read, 1);
  assert_int_equal(sum.failed, 1);
  /* the row is rendered; the failing opinion carries the error */
  assert_int_equal(c.row_errors, 0);
  assert_int_equal(c.rows, 1);
  assert_int_equal(c.opinion_errors, 1);
  assert_string_equal(c.outcomes[0], "error");
  assert_string_equal(c.first_error, "too many days");
  render_free(r);
}

static void test_row_filter(void **state) {
  fx *f = *state;
  counting c;
  int ops[] = {0};
  renderer *r = counting_new(&c, f->p, ops, (int)(sizeof ops / sizeof ops[0]));
  batch_options o = {.handler = &row_handler_eval, .row_id = "undecided"};
  render_summary sum;
  err *e = NULL;
  assert_int_equal(batch_run(f->p, (const char *[]){f->csv}, 1, &o, r, &sum, &e), 0);
  assert_int_equal(sum.read, 1);
  assert_int_equal(sum.undecided, 1);
  assert_int_equal(sum.decided, 0);
  assert_int_equal(sum.failed, 0);
  assert_int_equal(c.rows, 1);
  assert_int_equal(c.row_errors, 0); /* the other rows' errors are not reported */
  assert_string_equal(c.ids[0], "undecided");
  render_free(r);
}

static void test_row_filter_missing_id(void **state) {
  fx *f = *state;
  counting c;
  int ops[] = {0};
  renderer *r = counting_new(&c, f->p, ops, (int)(sizeof ops / sizeof ops[0]));
  batch_options o = {.handler = &row_handler_eval, .row_id = "davidsn"};
  render_summary sum;
  err *e = NULL;
  assert_int_equal(batch_run(f->p, (const char *[]){f->csv}, 1, &o, r, &sum, &e), -1);
  assert_non_null(e);
  assert_string_equal(e->msg, "no row has the id 'davidsn'");
  assert_string_equal(e->file, f->csv);
  th_assert_has(e->hint, "id column");
  assert_int_equal(c.ends, 0);
  assert_int_equal(c.rows, 0);
  err_free(e);
  render_free(r);
}

static void test_unreadable_file(void **state) {
  fx *f = *state;
  counting c;
  int ops[] = {0};
  renderer *r = counting_new(&c, f->p, ops, (int)(sizeof ops / sizeof ops[0]));
  batch_options o = {.handler = &row_handler_eval};
  render_summary sum;
  err *e = NULL;
  char path[PATH_MAX];
  th_path(path, sizeof path, f->dir.path, "none.csv");
  assert_int_equal(batch_run(f->p, (const char *[]){path}, 1, &o, r, &sum, &e), -1);
  th_assert_has(e->msg, "cannot open case file");
  assert_int_equal(c.begins, 0);
  err_free(e);
  e = NULL;
  /* a bad header stops the run before any row */
  th_write(f->dir.path, "bad.csv", "id,stat\nr1,x\n");
  th_path(path, sizeof path, f->dir.path, "bad.csv");
  assert_int_equal(batch_run(f->p, (const char *[]){path}, 1, &o, r, &sum, &e), -1);
  assert_string_equal(e->msg, "unknown column 'stat'");
  assert_int_equal(c.begins, 0);
  assert_int_equal(sum.read, 0);
  err_free(e);
  render_free(r);
}

static void test_json_through_batch(void **state) {
  fx *f = *state;
  th_mem m;
  th_mem_open(&m);
  int ops[] = {0, 1};
  render_setup rs = {.out = m.f, .p = f->p, .opinions = ops, .nopinions = 2};
  err *e = NULL;
  renderer *r = render_new(RENDER_EVAL, "json", &rs, &e);
  batch_options o = {.handler = &row_handler_eval};
  render_summary sum;
  assert_int_equal(batch_run(f->p, (const char *[]){f->csv}, 1, &o, r, &sum, &e), 0);
  render_free(r);
  th_mem_close(&m);
  th_assert_has(m.buf, "\"id\":\"decided_no\"");
  th_assert_has(m.buf, "\"summary\":{\"read\":5,\"decided\":2,\"undecided\":1,\"failed\":2");
  free(m.buf);
}

/* Several files are one run: one begin and end, the rows of each in turn,
 * and an id may repeat across files (only within one is it a mistake). */
static void test_several_files(void **state) {
  fx *f = *state;
  counting c;
  int ops[] = {0};
  renderer *r = counting_new(&c, f->p, ops, 1);
  th_write(f->dir.path, "more.csv", "id,state_actor,status,notice,days\ndecided_no,yes,prisoner,no,1\nx,yes,prisoner,no,1\nx,yes,prisoner,no,1\n");
  char more[PATH_MAX];
  th_path(more, sizeof more, f->dir.path, "more.csv");
  batch_options o = {.handler = &row_handler_eval};
  render_summary sum;
  err *e = NULL;
  assert_int_equal(batch_run(f->p, (const char *[]){f->csv, more}, 2, &o, r, &sum, &e), 0);
  assert_int_equal(c.begins, 1);
  assert_int_equal(c.ends, 1);
  assert_int_equal(sum.read, 8);
  assert_int_equal(sum.duplicate_ids, 1); /* x twice in more.csv; decided_no is in both files */
  assert_string_equal(c.source, f->csv);
  render_free(r);
}

/* A handler that skips rows: they are neither rendered nor counted. */
static row_class skip_odd(void *state, const case_row *row, renderer *r, render_summary *sum) {
  (void)state;
  (void)sum;
  if (row->number % 2) return ROW_SKIPPED;
  static const render_result kept = {.outcome_name = "kept"};
  render_item it = {.row = row, .results = &kept, .n = 0};
  r->item(r, &it);
  return ROW_DECIDED;
}
static void *no_state(const void *ud, const pack *p, const renderer *r) {
  (void)ud;
  (void)p;
  (void)r;
  return NULL;
}
static void no_close(void *state) { (void)state; }

static void test_skipping_handler(void **state) {
  fx *f = *state;
  counting c;
  int ops[] = {0};
  renderer *r = counting_new(&c, f->p, ops, 1);
  row_handler h = {.open = no_state, .row = skip_odd, .close = no_close};
  batch_options o = {.handler = &h};
  render_summary sum;
  err *e = NULL;
  assert_int_equal(batch_run(f->p, (const char *[]){f->csv}, 1, &o, r, &sum, &e), 0);
  /* row 1 is skipped; rows 3 (bad_cell) and 5 (no id) cannot be read: errors, not the handler's */
  assert_int_equal(c.rows, 2);
  assert_int_equal(c.row_errors, 2);
  assert_int_equal(sum.read, 4);
  assert_int_equal(sum.decided, 2);
  render_free(r);
}

/* --set varies every row before it is decided; with no file it makes the
 * one row decided. */
static void test_sets(void **state) {
  fx *f = *state;
  counting c;
  int ops[] = {pack_opinion_index(f->p, "majority")};
  renderer *r = counting_new(&c, f->p, ops, 1);
  const char *sets[] = {"notice=yes"};
  batch_options o = {.handler = &row_handler_eval, .sets = sets, .nsets = 1, .row_id = "undecided"};
  render_summary sum;
  err *e = NULL;
  assert_int_equal(batch_run(f->p, (const char *[]){f->csv}, 1, &o, r, &sum, &e), 0);
  /* notice was blank on this row: with it, the majority decides */
  assert_int_equal(sum.undecided, 0);
  assert_int_equal(sum.decided, 1);
  assert_string_equal(c.ids[0], "undecided");
  render_free(r);

  const char *only[] = {"state_actor=yes", "status=prisoner", "notice=no"};
  renderer *r2 = counting_new(&c, f->p, ops, 1);
  batch_options o2 = {.handler = &row_handler_eval, .sets = only, .nsets = 3};
  assert_int_equal(batch_run(f->p, NULL, 0, &o2, r2, &sum, &e), 0);
  assert_int_equal(sum.read, 1);
  assert_int_equal(c.begins, 1);
  assert_int_equal(c.ends, 1);
  assert_string_equal(c.source, "--set");
  assert_string_equal(c.ids[0], "set");
  assert_string_equal(c.outcomes[0], "no");
  render_free(r2);
}

/* A handler that counts the states it opens and closes. */
typedef struct opens {
  int opened, closed, rows;
} opens;
static void *count_open(const void *ud, const pack *p, const renderer *r) {
  (void)p;
  (void)r;
  ((opens *)ud)->opened++;
  return (void *)ud;
}
static row_class count_row(void *state, const case_row *row, renderer *r, render_summary *sum) {
  (void)row;
  (void)r;
  (void)sum;
  ((opens *)state)->rows++;
  return ROW_DECIDED;
}
static void count_close(void *state) { ((opens *)state)->closed++; }

/* A row the caller made is decided as given, and the sets are not read; a
 * state the caller keeps is used, never opened or closed by the run. */
static void test_callers_row_and_state(void **state) {
  fx *f = *state;
  counting c;
  int ops[] = {pack_opinion_index(f->p, "majority")};
  const char *made_by[] = {"state_actor=yes", "status=prisoner", "notice=yes"};
  err *e = NULL;
  case_row *row = cases_set_row(f->p, NULL, made_by, 3, &e);
  assert_non_null(row);
  renderer *r = counting_new(&c, f->p, ops, 1);
  const char *ignored[] = {"notice=no"};
  batch_options o = {.handler = &row_handler_eval, .row = row, .sets = ignored, .nsets = 1};
  render_summary sum;
  assert_int_equal(batch_run(f->p, NULL, 0, &o, r, &sum, &e), 0);
  assert_int_equal(sum.read, 1);
  assert_string_equal(c.source, "--set");
  assert_string_equal(c.outcomes[0], "yes"); /* notice=yes: the row's, not the sets' */
  render_free(r);

  opens n = {0};
  row_handler h = {.open = count_open, .row = count_row, .close = count_close, .ud = &n};
  void *kept = h.open(h.ud, f->p, NULL);
  for (int i = 0; i < 3; i++) {
    renderer *r2 = counting_new(&c, f->p, ops, 1);
    batch_options o2 = {.handler = &h, .row = row, .handler_state = kept};
    assert_int_equal(batch_run(f->p, NULL, 0, &o2, r2, &sum, &e), 0);
    render_free(r2);
  }
  assert_int_equal(n.opened, 1);
  assert_int_equal(n.closed, 0);
  assert_int_equal(n.rows, 3);
  h.close(kept);
  /* without one, each run opens and closes its own */
  renderer *r3 = counting_new(&c, f->p, ops, 1);
  batch_options o3 = {.handler = &h, .row = row};
  assert_int_equal(batch_run(f->p, NULL, 0, &o3, r3, &sum, &e), 0);
  render_free(r3);
  assert_int_equal(n.opened, 2);
  assert_int_equal(n.closed, 2);
  cases_row_free(row);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_counts),
      T(test_rule_function_failure_counts_as_failed),
      T(test_row_filter),
      T(test_row_filter_missing_id),
      T(test_unreadable_file),
      T(test_json_through_batch),
      T(test_several_files),
      T(test_skipping_handler),
      T(test_sets),
      T(test_callers_row_and_state),
  };
  return cmocka_run_group_tests_name("batch", tests, NULL, NULL);
}
