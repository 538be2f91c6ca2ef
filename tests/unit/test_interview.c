/* Unit tests for interview.c: which fact is asked next, answers, back, why
 * and the results; and the property that an interview answered from any
 * row ends with the result that row has. */
#include "reasoning_pack.h"

#include "interview.h"

/* Two ways to a claim: no single blank fact narrows it, so the facts the
 * search answers are asked, in declaration order; `z` no rule reads. */
static const char TWO_WAYS[] =
    "pack { name = \"t\" }\n"
    "fact \"z\" { yesno, ask = \"Unused?\" }\n"
    "fact \"a\" { yesno, ask = \"A?\" }\n"
    "fact \"b\" { yesno, ask = \"B?\" }\n"
    "fact \"c\" { yesno, ask = \"C?\" }\n"
    "fact \"d\" { yesno, ask = \"D?\" }\n"
    "node \"first_way\" { title = \"The first way\", rule = all { \"a\", \"b\" } }\n"
    "node \"claim\" { rule = any { \"first_way\", all { \"c\", \"d\" } } }\n"
    "opinion \"only\" { author = \"Holmes\", decides = \"claim\",\n"
    "  disposition = { yes = \"reverse\", no = \"affirm\" } }\n";

/* `key` settles the claim with one answer; `p1` and `p2` only narrow it;
 * `dflt` is presumed; `n` is a number asked only once nothing else can
 * settle the claim; `free` and `seized` can put a row outside the pack. */
static const char RANKED[] =
    "pack { name = \"r\" }\n"
    "fact \"p1\" { yesno, ask = \"P1?\" }\n"
    "fact \"p2\" { yesno, ask = \"P2?\" }\n"
    "fact \"key\" { yesno, ask = \"Key?\" }\n"
    "fact \"dflt\" { yesno, ask = \"Presumed?\", default = \"yes\" }\n"
    "fact \"n\" { number, ask = \"How many?\" }\n"
    "fact \"free\" { yesno, ask = \"Free?\" }\n"
    "fact \"seized\" { yesno, ask = \"Seized?\" }\n"
    "outside \"arrest\" { title = \"An arrest\", when = all { \"free\", \"seized\" }, says = \"Not ours.\" }\n"
    "node \"count\" { rule = gt(\"n\", 5) }\n"
    "node \"claim\" { rule = all { \"key\", \"dflt\", any { \"p1\", \"p2\" }, \"count\" } }\n"
    "opinion \"maj\" { author = \"Marshall\", decides = \"claim\",\n"
    "  disposition = { yes = \"reverse\", no = \"affirm\" } }\n";

typedef struct fixture {
  pack *p;
  interview *iv;
  int ops[8];
  int nops;
} fixture;

static void open_iv(fixture *x, th_dir *d, const char *src, const case_row *start) {
  x->p = th_pack(d->path, src);
  x->nops = pack_opinions_in_force(x->p, -1, x->ops);
  x->iv = interview_new(x->p, x->ops, x->nops, start, 0);
}

static void close_iv(fixture *x) {
  interview_free(x->iv);
  pack_free(x->p);
}

static int next_fact(fixture *x) {
  int f = -2;
  err *e = NULL;
  assert_int_equal(interview_next(x->iv, &f, &e), 0);
  assert_null(e);
  return f;
}

static const char *next_name(fixture *x) {
  int f = next_fact(x);
  return f < 0 ? "(done)" : x->p->facts[f].name;
}

static void answer(fixture *x, const char *fact, const char *text) {
  err *e = NULL;
  if (interview_answer(x->iv, th_fact(x->p, fact), text, &e) != 0) {
    err_print(e, stderr);
    fail_msg("the answer %s=%s was refused", fact, text);
  }
}

static void test_asks_what_the_search_answers(void **state) {
  fixture x;
  open_iv(&x, *state, TWO_WAYS, NULL);
  /* nothing settles the claim alone: the first fact the search answers */
  assert_string_equal(next_name(&x), "a");
  assert_false(interview_opinions(x.iv)[0].settled);
  answer(&x, "a", "y");
  assert_string_equal(next_name(&x), "b"); /* b = yes settles it now */
  assert_int_equal(interview_opinions(x.iv)[0].can_decide, 1 + 0 + 0);
  answer(&x, "b", "yes");
  assert_int_equal(next_fact(&x), -1); /* c, d and z cannot change it any more */
  assert_true(interview_opinions(x.iv)[0].settled);
  const interview_step *steps;
  assert_int_equal(interview_steps(x.iv, &steps), 2);
  assert_string_equal(steps[0].answer, "yes"); /* "y" kept as the value's name */
  interview_result r;
  err *e = NULL;
  assert_int_equal(interview_results(x.iv, &r, &e), 0);
  assert_int_equal(r.outcome, RV_YES);
  assert_string_equal(r.disposition, "reverse");
  assert_int_equal(r.outside, -1);
  /* one opinion parts from none: the element that carries the claim */
  assert_string_equal(x.p->nodes[r.turns_on].name, "first_way");
  assert_string_equal(r.turns_on_value_name, "yes");
  close_iv(&x);
}

static void test_a_fact_that_settles_comes_first(void **state) {
  fixture x;
  open_iv(&x, *state, RANKED, NULL);
  /* key = no settles the claim (no, affirm); p1 and p2 only narrow it */
  assert_string_equal(next_name(&x), "key");
  answer(&x, "key", "yes");
  assert_string_equal(next_name(&x), "p1");
  answer(&x, "p1", "no");
  assert_string_equal(next_name(&x), "p2");
  answer(&x, "p2", "yes");
  /* the row could still be outside the pack */
  assert_string_equal(next_name(&x), "free");
  answer(&x, "free", "no");
  /* only the number is left: asked although its answers cannot be tried;
   * the presumed fact never is */
  assert_string_equal(next_name(&x), "n");
  answer(&x, "n", "8");
  assert_int_equal(next_fact(&x), -1);
  const interview_step *steps;
  int n = interview_steps(x.iv, &steps);
  assert_int_equal(n, 5);
  assert_string_equal(steps[4].answer, "8");
  interview_result r;
  err *e = NULL;
  assert_int_equal(interview_results(x.iv, &r, &e), 0);
  assert_int_equal(r.outcome, RV_YES);
  close_iv(&x);
}

static void test_key_no_settles_at_once(void **state) {
  fixture x;
  open_iv(&x, *state, RANKED, NULL);
  answer(&x, "key", "no");
  /* the claim fails, but the row may yet be outside the pack */
  assert_string_equal(next_name(&x), "free");
  answer(&x, "free", "no");
  assert_int_equal(next_fact(&x), -1);
  close_iv(&x);
}

static void test_outside(void **state) {
  fixture x;
  open_iv(&x, *state, RANKED, NULL);
  answer(&x, "free", "yes");
  /* seized = yes puts the row outside, whatever else: it settles it */
  assert_string_equal(next_name(&x), "seized");
  answer(&x, "seized", "yes");
  assert_int_equal(next_fact(&x), -1);
  interview_result r;
  err *e = NULL;
  assert_int_equal(interview_results(x.iv, &r, &e), 0);
  assert_int_equal(r.outside, 0);
  assert_string_equal(r.outcome_name, "outside");
  assert_int_equal(r.turns_on, -1);
  close_iv(&x);
}

static void test_unknown_is_not_asked_again(void **state) {
  fixture x;
  open_iv(&x, *state, TWO_WAYS, NULL);
  answer(&x, "a", "?");
  const interview_step *steps;
  assert_int_equal(interview_steps(x.iv, &steps), 1);
  assert_string_equal(steps[0].answer, "");
  assert_int_equal(interview_row(x.iv)->facts[th_fact(x.p, "a")].v, RV_UNKNOWN);
  /* b, c and d all still bear on the claim; each asked once, a never again */
  const char *order[] = {"b", "c", "d"};
  int asked = 0;
  for (int f; (f = next_fact(&x)) >= 0 && asked < 10; asked++) {
    assert_true(asked < 3);
    assert_string_equal(x.p->facts[f].name, order[asked]);
    answer(&x, x.p->facts[f].name, "unknown");
  }
  assert_int_equal(asked, 3);
  assert_false(interview_opinions(x.iv)[0].settled); /* nothing left could settle it */
  interview_result r;
  err *e = NULL;
  assert_int_equal(interview_results(x.iv, &r, &e), 0);
  assert_int_equal(r.outcome, RV_UNKNOWN);
  assert_int_equal(r.turns_on, -1); /* nothing decided, nothing to turn on */
  close_iv(&x);
}

static void test_back(void **state) {
  fixture x;
  open_iv(&x, *state, TWO_WAYS, NULL);
  assert_false(interview_back(x.iv));
  answer(&x, "a", "yes");
  answer(&x, "b", "no");
  assert_int_equal(interview_row(x.iv)->facts[th_fact(x.p, "b")].v, RV_NO);
  assert_true(interview_back(x.iv));
  const interview_step *steps;
  assert_int_equal(interview_steps(x.iv, &steps), 1);
  assert_int_equal(interview_row(x.iv)->facts[th_fact(x.p, "b")].v, RV_UNKNOWN);
  assert_int_equal(interview_row(x.iv)->facts[th_fact(x.p, "a")].v, RV_YES);
  assert_string_equal(next_name(&x), "b");
  /* an unknown taken back may be asked again */
  answer(&x, "b", "");
  assert_true(interview_back(x.iv));
  assert_string_equal(next_name(&x), "b");
  assert_true(interview_back(x.iv));
  assert_string_equal(next_name(&x), "a");
  close_iv(&x);
}

static void test_refused_answer(void **state) {
  fixture x;
  open_iv(&x, *state, RANKED, NULL);
  err *e = NULL;
  assert_int_equal(interview_answer(x.iv, th_fact(x.p, "key"), "maybe", &e), -1);
  th_err_has(e, "key: 'maybe' is not yes or no");
  assert_null(e->file); /* the message is the cell's, placed at no --set */
  err_free(e);
  assert_int_equal(interview_answer(x.iv, th_fact(x.p, "n"), "eight", &e), -1);
  th_err_has(e, "is not a number");
  err_free(e);
  assert_int_equal(interview_answer(x.iv, -1, "yes", &e), -1);
  err_free(e);
  const interview_step *steps;
  assert_int_equal(interview_steps(x.iv, &steps), 0);
  /* blanks around an answer are no part of it */
  answer(&x, "n", "  12\t");
  assert_int_equal(interview_steps(x.iv, &steps), 1);
  assert_string_equal(steps[0].answer, "12");
  close_iv(&x);
}

static void test_why(void **state) {
  fixture x;
  open_iv(&x, *state, TWO_WAYS, NULL);
  answer(&x, "a", "yes");
  int f = next_fact(&x);
  interview_why w;
  interview_why_of(x.iv, f, &w);
  assert_int_equal(w.fact, th_fact(x.p, "b"));
  assert_int_equal(w.nnodes, 1);
  assert_string_equal(x.p->nodes[w.nodes[0]].name, "first_way");
  assert_int_equal(w.ndecides, 1);
  assert_int_equal(w.decides[0], 0);
  assert_int_equal(w.nbears, 0);
  assert_int_equal(w.noutside, 0);
  interview_why_free(&w);
  /* a fact no rule reads bears on nothing */
  interview_why_of(x.iv, th_fact(x.p, "z"), &w);
  assert_int_equal(w.nnodes + w.ndecides + w.nbears, 0);
  interview_why_free(&w);
  close_iv(&x);
  open_iv(&x, *state, RANKED, NULL);
  answer(&x, "free", "yes");
  f = next_fact(&x);
  interview_why_of(x.iv, f, &w);
  assert_int_equal(w.noutside, 1);
  interview_why_free(&w);
  close_iv(&x);
}

static void test_start_row(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, TWO_WAYS);
  th_row r;
  th_row_init(&r, p, "start");
  th_yesno(&r, p, "c", RV_YES);
  th_yesno(&r, p, "d", RV_YES);
  int ops[1] = {0};
  interview *iv = interview_new(p, ops, 1, &r.row, 0);
  int f;
  err *e = NULL;
  assert_int_equal(interview_next(iv, &f, &e), 0);
  assert_int_equal(f, -1); /* the row decides it already */
  assert_string_equal(interview_row(iv)->id, "start");
  interview_free(iv);
  pack_free(p);
}

static void test_rule_function_failure(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, th_dp_pack());
  int ops[1] = {pack_opinion_index(p, "lua_op")};
  th_row r;
  th_row_init(&r, p, "x");
  interview *iv = interview_new(p, ops, 1, &r.row, 0);
  int f;
  err *e = NULL;
  /* a blank handed to a rule function: its answer may still change things */
  assert_int_equal(interview_next(iv, &f, &e), 0);
  assert_string_equal(p->facts[f].name, "days");
  assert_int_equal(interview_answer(iv, f, "200", &e), 0);
  assert_int_equal(interview_next(iv, &f, &e), -1);
  th_err_has(e, "too many days");
  err_free(e);
  interview_free(iv);
  pack_free(p);
}

static void test_results_turn_on_where_opinions_part(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, th_dp_pack());
  int ops[2] = {pack_opinion_index(p, "majority"), pack_opinion_index(p, "dissent")};
  th_row r;
  th_row_init(&r, p, "x");
  th_yesno(&r, p, "state_actor", RV_YES);
  th_enum(&r, p, "status", "prisoner");
  interview *iv = interview_new(p, ops, 2, &r.row, 0);
  int f;
  err *e = NULL;
  assert_int_equal(interview_next(iv, &f, &e), 0);
  assert_string_equal(p->facts[f].name, "notice");
  interview_why w;
  interview_why_of(iv, f, &w);
  assert_int_equal(w.ndecides, 1); /* the majority; the dissent holds either way */
  assert_int_equal(w.decides[0], ops[0]);
  interview_why_free(&w);
  assert_true(interview_opinions(iv)[1].settled);
  assert_int_equal(interview_answer(iv, f, "no", &e), 0);
  assert_int_equal(interview_next(iv, &f, &e), 0);
  assert_int_equal(f, -1);
  interview_result res[2];
  assert_int_equal(interview_results(iv, res, &e), 0);
  assert_int_equal(res[0].outcome, RV_NO);
  assert_string_equal(res[0].disposition, "affirm");
  assert_int_equal(res[1].outcome, RV_YES);
  assert_string_equal(p->nodes[res[0].turns_on].name, "deprivation");
  assert_string_equal(p->nodes[res[1].turns_on].name, "deprivation");
  assert_string_equal(res[0].turns_on_says, "conduct that is merely negligent does not deprive");
  assert_string_equal(res[1].turns_on_value_name, "yes");
  interview_free(iv);
  pack_free(p);
}

/* ---- the property: the interview ends with the row's own result ----------- */

typedef struct prop {
  const pack *p;
  int ops[16];
  int nops;
  eval_ctx *ec;
  int rows, questions, most;
} prop;

static void one_truth(const case_row *truth, void *ud) {
  prop *s = ud;
  const pack *p = s->p;
  err *e = NULL;
  /* the findings below are stated from the start; the facts are asked */
  case_row *start = cases_set_row(p, truth, NULL, 0, &e);
  assert_non_null(start);
  for (int i = 0; i < p->nfacts; i++) start->facts[i].v = RV_UNKNOWN;
  interview *iv = interview_new(p, s->ops, s->nops, start, 0);
  cases_row_free(start);
  bool *asked = calloc((size_t)p->nfacts, sizeof *asked);
  int f, n = 0;
  while (interview_next(iv, &f, &e) == 0 && f >= 0) {
    assert_false(asked[f]); /* never the same question twice */
    asked[f] = true;
    char buf[32] = "";
    const case_value *v = &truth->facts[f];
    if (v->v != RV_UNKNOWN) {
      if (p->facts[f].type == FACT_ENUM) snprintf(buf, sizeof buf, "%s", p->facts[f].values[v->v]);
      else if (p->facts[f].type == FACT_NUMBER) snprintf(buf, sizeof buf, "%g", v->num);
      else snprintf(buf, sizeof buf, "%s", v->v == RV_YES ? "yes" : "no");
    }
    assert_int_equal(interview_answer(iv, f, buf, &e), 0);
    n++;
  }
  assert_null(e);
  interview_result res[16];
  assert_int_equal(interview_results(iv, res, &e), 0);
  for (int k = 0; k < s->nops; k++) {
    assert_int_equal(eval_row(s->ec, s->ops[k], truth, &e), 0);
    if (eval_outcome(s->ec) != res[k].outcome) {
      fprintf(stderr, "opinion %s: the interview ends with %s, the row has %s\n", p->opinions[s->ops[k]].name,
              res[k].outcome_name, pack_node_value_name(&p->nodes[p->opinions[s->ops[k]].decides], eval_outcome(s->ec)));
      fail();
    }
    const char *d = eval_disposition(s->ec);
    assert_true((!d && !res[k].disposition) || (d && res[k].disposition && strcmp(d, res[k].disposition) == 0));
  }
  s->rows++;
  s->questions += n;
  if (n > s->most) s->most = n;
  free(asked);
  interview_free(iv);
}

static void test_property_ends_with_the_rows_result(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, REASONING_PACK);
  prop s = {.p = p};
  s.nops = pack_opinions_in_force(p, -1, s.ops);
  s.ec = eval_new(p);
  bool use_fact[8] = {0}, use_finding[8] = {0};
  for (int i = 0; i < p->nfacts; i++) use_fact[i] = p->facts[i].type != FACT_NUMBER;
  double ages[] = {-1, 30, 70};
  for (int a = 0; a < 3; a++) {
    th_row r;
    th_row_init(&r, p, "truth");
    if (ages[a] >= 0) th_num(&r, p, "age", ages[a], NULL);
    th_variants_rec(p, &r, use_fact, use_finding, 0, one_truth, &s);
  }
  assert_int_equal(s.rows, 3 * 3 * 4 * 3);
  assert_true(s.most <= p->nfacts);
  assert_true(s.questions < s.rows * p->nfacts); /* some facts are never needed */
  eval_free(s.ec);
  pack_free(p);
}

/* The done-means of the interview: Davidson and Daniels, answered from
 * their rows (the finding below given from the start, as a row states it),
 * reach each opinion's result with fewer questions than the pack has facts. */
static void test_davidson(void **state) {
  (void)state;
  err *e = NULL;
  pack *p = pack_load("rules/due_process", NULL, &e);
  assert_non_null(p);
  case_reader *cr = cases_open(p, "rules/due_process/cases/davidson.csv", &e);
  assert_non_null(cr);
  prop s = {.p = p};
  s.nops = pack_opinions_in_force(p, pack_parse_date("1986-01-21", 10), s.ops);
  assert_int_equal(s.nops, 3);
  s.ec = eval_new(p);
  case_row row;
  while (cases_next(cr, &row, &e) == 1) one_truth(&row, &s);
  assert_null(e);
  assert_int_equal(s.rows, 2);
  assert_true(s.most < p->nfacts);
  cases_close(cr);
  eval_free(s.ec);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_asks_what_the_search_answers, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_a_fact_that_settles_comes_first, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_key_no_settles_at_once, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_outside, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_unknown_is_not_asked_again, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_back, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_refused_answer, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_why, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_start_row, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_rule_function_failure, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_results_turn_on_where_opinions_part, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_property_ends_with_the_rows_result, th_dir_setup, th_dir_teardown),
      cmocka_unit_test(test_davidson),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
