/* Unit tests for serve.c's app (routes and the API, without a network) and
 * reach_groups, the form's layout. The server itself is tested over HTTP by
 * tests/serve/. */
#include "helpers.h"

#include <jansson.h>

#include "reach.h"
#include "serve.h"

typedef struct fx {
  th_dir dir;
  pack *p;
  serve_app *app;
} fx;

static int fx_setup(void **state) {
  void *d;
  if (th_dir_setup(&d) != 0) return -1;
  fx *f = calloc(1, sizeof *f);
  f->dir = *(th_dir *)d;
  free(d);
  *state = f;
  f->p = th_pack(f->dir.path, th_dp_pack());
  /* the pack has a rule function: the app loads a copy per thread */
  serve_options o = {.pack_path = f->dir.path};
  err *e = NULL;
  f->app = serve_app_new(f->p, &o, 2, &e);
  assert_non_null(f->app);
  return 0;
}

static int fx_teardown(void **state) {
  fx *f = *state;
  serve_app_free(f->app);
  pack_free(f->p);
  th_rm_rf(f->dir.path);
  free(f);
  return 0;
}

/* One request; the reply's body as a string the caller frees. */
static char *ask(fx *f, const char *method, const char *path, const char *body, int *status) {
  serve_request rq = {.method = method, .path = path, .host = "127.0.0.1:8080",
                      .content_type = "application/json", .body = body, .len = body ? strlen(body) : 0};
  serve_reply rp = {0};
  serve_app_handle(f->app, &rq, &rp);
  *status = rp.status;
  char *s = xstrndup(rp.body, rp.len);
  serve_reply_free(&rp);
  return s;
}

static void test_documents(void **state) {
  fx *f = *state;
  int st;
  char *s = ask(f, "GET", "/api/facts", NULL, &st);
  assert_int_equal(st, 200);
  th_assert_has(s, "\"schema\": \"ratio.facts/1\"");
  free(s);
  s = ask(f, "GET", "/api/layout", NULL, &st);
  assert_int_equal(st, 200);
  th_assert_has(s, "\"schema\":\"ratio.layout/1\"");
  th_assert_has(s, "{\"node\":\"state_action\",\"title\":\"State action\",\"facts\":[\"state_actor\"]");
  free(s);
  s = ask(f, "GET", "/api/rows", NULL, &st);
  assert_int_equal(st, 200);
  assert_string_equal(s, "{\"schema\":\"ratio.rows/1\",\"source\":null,\"rows\":[],\"truncated\":false}\n");
  free(s);
  s = ask(f, "GET", "/", NULL, &st);
  assert_int_equal(st, 200);
  th_assert_has(s, "<script src=\"/serve.js\"");
  free(s);
}

static void test_eval(void **state) {
  fx *f = *state;
  int st;
  char *s = ask(f, "POST", "/api/eval",
                "{\"id\":\"a\",\"facts\":{\"state_actor\":true,\"status\":\"prisoner\",\"notice\":\"no\"},"
                "\"opinion\":\"majority\"}",
                &st);
  assert_int_equal(st, 200);
  th_assert_has(s, "\"schema\":\"ratio.eval/1\"");
  th_assert_has(s, "{\"id\":\"a\",\"line\":0,");
  th_assert_has(s, "\"results\":[{\"opinion\":\"majority\"");
  th_assert_has(s, "\"disposition\":\"affirm\"");
  th_assert_lacks(s, "\"opinion\":\"dissent\"");
  free(s);
}

static void test_bad_requests(void **state) {
  fx *f = *state;
  int st;
  char *s = ask(f, "POST", "/api/eval", "{\"facts\":", &st);
  assert_int_equal(st, 400);
  th_assert_has(s, "the body is not JSON");
  free(s);
  s = ask(f, "POST", "/api/eval", "{\"facts\":{\"status\":\"prisonr\"}}", &st);
  assert_int_equal(st, 400);
  th_assert_has(s, "\"message\":\"status: 'prisonr' is not one of prisoner, pretrial_detainee, free; did you mean 'prisoner'?\"");
  th_assert_has(s, "\"fact\":\"status\"");
  free(s);
  s = ask(f, "POST", "/api/eval", "{\"facts\":{\"notise\":\"no\"}}", &st);
  assert_int_equal(st, 400);
  th_assert_has(s, "unknown fact 'notise'; did you mean 'notice'?");
  free(s);
  s = ask(f, "GET", "/api/eval", NULL, &st);
  assert_int_equal(st, 405);
  free(s);
  s = ask(f, "GET", "/pack.lua", NULL, &st);
  assert_int_equal(st, 404);
  free(s);
  /* a request that names another host, to a server of this machine */
  serve_app_local_only(f->app, 8080);
  serve_request rq = {.method = "GET", .path = "/api/facts", .host = "evil.example"};
  serve_reply rp = {0};
  serve_app_handle(f->app, &rq, &rp);
  assert_int_equal(rp.status, 421);
  serve_reply_free(&rp);
  s = ask(f, "GET", "/api/facts", NULL, &st);
  assert_int_equal(st, 200);
  free(s);
}

/* POST /api/quiz: the question hides the key; the answers are graded as
 * ratio quiz grades them; a text that is no choice is refused. */
static void test_quiz(void **state) {
  fx *f = *state;
  int st;
  const char *row = "\"facts\":{\"state_actor\":\"yes\",\"status\":\"prisoner\",\"notice\":\"no\"}";
  char *body = xasprintf("{%s}", row);
  char *s = ask(f, "POST", "/api/quiz", body, &st);
  assert_int_equal(st, 200);
  th_assert_has(s, "\"schema\":\"ratio.quiz-step/1\"");
  th_assert_has(s, "{\"opinion\":\"majority\",\"heading\":\"Rehnquist, J., for the Court\"");
  th_assert_has(s, "{\"value\":\"unknown\",\"label\":\"unknown (left open)\"}");
  th_assert_has(s, "\"score\":null");
  th_assert_lacks(s, "turns_on");
  th_assert_lacks(s, "accepted");
  th_assert_lacks(s, "\"boundary\"");
  free(s);
  free(body);
  /* the majority: negligence does not deprive; the dissent: it does */
  body = xasprintf("{%s,\"answers\":{\"majority\":{\"outcome\":\"no\",\"element\":\"depriv\"},"
                   "\"dissent\":{\"outcome\":1,\"element\":\"In custody\"}}}", row);
  s = ask(f, "POST", "/api/quiz", body, &st);
  assert_int_equal(st, 200);
  th_assert_has(s, "\"answer\":{\"outcome\":\"no\",\"element\":\"deprivation\"},"
                   "\"right\":{\"outcome\":true,\"element\":true},\"explanation\":null");
  th_assert_has(s, "{\"opinion\":\"dissent\",\"outcome\":\"yes\"");
  th_assert_has(s, "\"answer\":{\"outcome\":\"no\",\"element\":\"custody\"},"
                   "\"right\":{\"outcome\":false,\"element\":false},\"explanation\":{\"node\":\"claim\"");
  th_assert_has(s, "\"boundary\":null");
  th_assert_has(s, "\"score\":{\"right\":2,\"asked\":4}");
  free(s);
  free(body);
  body = xasprintf("{%s,\"answers\":{\"dissent\":{\"outcome\":\"maybe\"}}}", row);
  s = ask(f, "POST", "/api/quiz", body, &st);
  assert_int_equal(st, 422);
  th_assert_has(s, "dissent: 'maybe' is not one of the outcomes: answer with a number from 1 to 3, or no, yes, unknown");
  free(s);
  free(body);
  s = ask(f, "POST", "/api/quiz", "{\"answers\":{\"lua_op\":{}}}", &st);
  assert_int_equal(st, 400);
  th_assert_has(s, "'lua_op' is not an opinion of this quiz (its opinions: majority, dissent)");
  free(s);
  /* drawn from a seed: the same one twice */
  char *a = ask(f, "POST", "/api/quiz", "{\"generate\":3,\"seed\":7,\"number\":2}", &st);
  assert_int_equal(st, 200);
  th_assert_has(a, "\"seed\":7,\"generate\":3,\"fact_pattern\":{\"id\":\"hyp2\"");
  char *b = ask(f, "POST", "/api/quiz", "{\"generate\":3,\"seed\":\"7\",\"number\":2}", &st);
  assert_string_equal(a, b);
  free(a);
  free(b);
  s = ask(f, "POST", "/api/quiz", "{\"generate\":51}", &st);
  assert_int_equal(st, 400);
  th_assert_has(s, "'generate' must be a count from 1 to 50");
  free(s);
  s = ask(f, "GET", "/api/layout", NULL, &st);
  th_assert_has(s, "\"modes\":[\"form\",\"ask\",\"quiz\"]");
  free(s);
}

static void test_groups(void **state) {
  fx *f = *state;
  const pack *p = f->p;
  int ops[2] = {0, 1};
  int *elements = xcalloc((size_t)p->nnodes + 1, sizeof *elements);
  int *group_of = xcalloc((size_t)p->nfacts + 1, sizeof *group_of);
  int *node_group = xcalloc((size_t)p->nnodes + 1, sizeof *node_group);
  int n = reach_groups(p, ops, 2, elements, group_of, node_group);
  /* claim = all { state_action, custody, deprivation }: two steps below
   * it, state action and custody (which name no node) and deprivation's
   * culpability */
  assert_int_equal(n, 3);
  assert_string_equal(p->nodes[elements[0]].name, "state_action");
  assert_string_equal(p->nodes[elements[1]].name, "custody");
  assert_string_equal(p->nodes[elements[2]].name, "culpability");
  assert_int_equal(group_of[pack_fact_index(p, "state_actor")], 0);
  assert_int_equal(group_of[pack_fact_index(p, "status")], 1);
  assert_int_equal(group_of[pack_fact_index(p, "notice")], 2);
  assert_int_equal(group_of[pack_fact_index(p, "days")], -1); /* no rule of these opinions reads it */
  assert_int_equal(node_group[pack_node_index(p, "culpability")], 2);
  free(elements);
  free(group_of);
  free(node_group);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_documents, fx_setup, fx_teardown),
      cmocka_unit_test_setup_teardown(test_eval, fx_setup, fx_teardown),
      cmocka_unit_test_setup_teardown(test_bad_requests, fx_setup, fx_teardown),
      cmocka_unit_test_setup_teardown(test_quiz, fx_setup, fx_teardown),
      cmocka_unit_test_setup_teardown(test_groups, fx_setup, fx_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
