/* Unit tests for quiz.c: the seeded generator, the answer key (outcomes
 * and the elements that decide them), reading answers, grading, and
 * fact patterns drawn near the boundaries (the same seed gives the same
 * ones; each lies where the opinions part ways or one fact changes an
 * outcome). */
#include "helpers.h"

#include "quiz.h"

/* Two opinions that part on the claim: the majority wants a duty owed and
 * breached; the dissent a duty owed, and a breach or damage. */
static const char QUIZ_PACK[] =
    "pack { name = \"q\", title = \"Q\" }\n"
    "fact \"a\" { yesno, ask = \"Was a duty owed?\", says = { yes = \"A duty was owed.\", no = \"No duty was owed.\" } }\n"
    "fact \"b\" { yesno, ask = \"Was it breached?\" }\n"
    "fact \"c\" { yesno, ask = \"Was there damage?\" }\n"
    "fact \"x\" { oneof { \"low\", \"mid\", \"high\" }, ask = \"How great was the risk?\" }\n"
    "fact \"age\" { number }\n"
    "node \"duty_owed\" { rule = \"a\" }\n"
    "node \"duty_breached\" { rule = any { \"b\", is(\"x\", \"high\") } }\n"
    "node \"damage\" { rule = \"c\" }\n"
    "node \"claim\" { rule = all { \"duty_owed\", \"duty_breached\" } }\n"
    "opinion \"majority\" { role = \"majority\", decides = \"claim\",\n"
    "  disposition = { yes = \"reverse\", no = \"affirm\", unknown = \"remand\" } }\n"
    "opinion \"dissent\" { role = \"dissent\", base = \"majority\",\n"
    "  override \"claim\" { rule = all { \"duty_owed\", any { \"duty_breached\", \"damage\" } } } }\n";

static pack *load(th_dir *d) { return th_pack(d->path, QUIZ_PACK); }

static const int OPS[2] = {0, 1};

/* ---- the generator ------------------------------------------------------------ */

static void test_rng(void **state) {
  (void)state;
  quiz_rng g;
  quiz_rng_seed(&g, 0);
  /* splitmix64's published first output for state 0 */
  assert_true(quiz_rng_next(&g) == 0xE220A8397B1DCDAFULL);
  quiz_rng a, b;
  quiz_rng_seed(&a, 42);
  quiz_rng_seed(&b, 42);
  for (int i = 0; i < 1000; i++) {
    uint64_t n = (uint64_t)(i % 7) + 1;
    uint64_t x = quiz_rng_below(&a, n);
    assert_true(x < n);
    assert_true(x == quiz_rng_below(&b, n));
  }
  assert_true(quiz_rng_below(&a, 1) == 0);
  /* every value of a small range turns up */
  bool seen[5] = {false};
  for (int i = 0; i < 200; i++) seen[quiz_rng_below(&a, 5)] = true;
  for (int i = 0; i < 5; i++) assert_true(seen[i]);
}

/* ---- the answer key --------------------------------------------------------------- */

static void set_fact(th_row *r, const pack *p, const char *name, rval v) {
  int f = pack_fact_index(p, name);
  assert_true(f >= 0 && f < TH_MAX);
  if (f >= 0 && f < TH_MAX) r->facts[f].v = v; /* (the compiler cannot see the assertion end the test) */
}

static void set_row(th_row *r, const pack *p, rval a, rval b, rval c, const char *x) {
  th_row_init(r, p, "r");
  set_fact(r, p, "a", a);
  set_fact(r, p, "b", b);
  set_fact(r, p, "c", c);
  if (x) set_fact(r, p, "x", (rval)pack_fact_value(&p->facts[pack_fact_index(p, "x")], x, strlen(x)));
}

static void test_key_disagreeing_opinions(void **state) {
  pack *p = load(*state);
  quiz *q = quiz_new(p, OPS, 2);
  th_row r;
  set_row(&r, p, RV_YES, RV_NO, RV_YES, "low");
  const quiz_round *rd = quiz_round_build(q, &r.row);
  assert_int_equal(rd->outside, -1);
  assert_int_equal(rd->nkeys, 2);
  /* the majority: no breach, no claim; the breach alone decides it */
  const quiz_key *m = &rd->keys[0];
  assert_null(m->error);
  assert_int_equal(m->outcome, RV_NO);
  assert_string_equal(m->disposition, "affirm");
  assert_int_equal(m->turns_on, th_node(p, "duty_breached"));
  assert_true(m->accepted[th_node(p, "duty_breached")]);
  assert_false(m->accepted[th_node(p, "duty_owed")]); /* owed, but no breach would fail it all the same */
  assert_false(m->accepted[th_node(p, "claim")]);      /* the outcome itself is not an element */
  assert_int_equal(m->naccepted, 1);
  /* the dissent: damage carries it; the duty owed and the damage decide it */
  const quiz_key *d = &rd->keys[1];
  assert_int_equal(d->outcome, RV_YES);
  assert_true(d->accepted[th_node(p, "duty_owed")]);
  assert_true(d->accepted[th_node(p, "damage")]);
  assert_false(d->accepted[th_node(p, "duty_breached")]); /* no breach, and it does not matter */
  assert_int_equal(d->naccepted, 2);
  assert_true(d->turns_on == th_node(p, "duty_owed") || d->turns_on == th_node(p, "damage"));
  assert_true(quiz_asks_element(rd, 0) && quiz_asks_element(rd, 1));
  /* the choices: every element either reached, each once, outline order */
  assert_int_equal(rd->nelements, 3);
  assert_int_equal(rd->elements[0], th_node(p, "duty_owed"));
  assert_int_equal(rd->elements[1], th_node(p, "duty_breached"));
  assert_int_equal(rd->elements[2], th_node(p, "damage"));
  for (int i = 0; i < 3; i++) assert_int_equal(rd->element_depth[i], 0);
  /* explanations come with the key */
  assert_non_null(m->tree->root);
  assert_int_equal(m->tree->root->node, th_node(p, "claim"));
  quiz_free(q);
  pack_free(p);
}

static void test_key_open_outcome(void **state) {
  pack *p = load(*state);
  quiz *q = quiz_new(p, OPS, 2);
  th_row r;
  set_row(&r, p, RV_YES, RV_UNKNOWN, RV_NO, "low"); /* the breach is not known */
  const quiz_round *rd = quiz_round_build(q, &r.row);
  const quiz_key *m = &rd->keys[0];
  assert_int_equal(m->outcome, RV_UNKNOWN);
  /* an answer to the breach would decide it: that is what it turns on */
  assert_true(m->accepted[th_node(p, "duty_breached")]);
  assert_false(m->accepted[th_node(p, "duty_owed")]);
  assert_int_equal(m->turns_on, th_node(p, "duty_breached"));
  /* nothing below decides a row whose claim cannot be reached */
  set_row(&r, p, RV_NO, RV_NO, RV_NO, "low");
  rd = quiz_round_build(q, &r.row);
  assert_int_equal(rd->keys[0].outcome, RV_NO);
  assert_true(rd->keys[0].accepted[th_node(p, "duty_owed")]);
  quiz_free(q);
  pack_free(p);
}

/* ---- answers and grades --------------------------------------------------------------- */

static void test_parse_outcome(void **state) {
  pack *p = load(*state);
  quiz *q = quiz_new(p, OPS, 2);
  th_row r;
  set_row(&r, p, RV_YES, RV_NO, RV_YES, "low");
  const quiz_round *rd = quiz_round_build(q, &r.row);
  assert_int_equal(quiz_outcome_choices(rd, 0), 3);
  assert_int_equal(quiz_outcome_choice(rd, 0, 0), RV_NO);
  assert_int_equal(quiz_outcome_choice(rd, 0, 1), RV_YES);
  assert_int_equal(quiz_outcome_choice(rd, 0, 2), RV_UNKNOWN);
  rval v;
  assert_int_equal(quiz_parse_outcome(rd, 0, "1", &v), 0);
  assert_int_equal(v, RV_NO);
  assert_int_equal(quiz_parse_outcome(rd, 0, " 2 ", &v), 0);
  assert_int_equal(v, RV_YES);
  assert_int_equal(quiz_parse_outcome(rd, 0, "3", &v), 0);
  assert_int_equal(v, RV_UNKNOWN);
  assert_int_equal(quiz_parse_outcome(rd, 0, "Yes", &v), 0);
  assert_int_equal(v, RV_YES);
  assert_int_equal(quiz_parse_outcome(rd, 0, "open", &v), 0);
  assert_int_equal(v, RV_UNKNOWN);
  assert_int_equal(quiz_parse_outcome(rd, 0, "UNKNOWN", &v), 0);
  assert_int_equal(v, RV_UNKNOWN);
  assert_int_equal(quiz_parse_outcome(rd, 0, "4", &v), -1);
  assert_int_equal(quiz_parse_outcome(rd, 0, "0", &v), -1);
  assert_int_equal(quiz_parse_outcome(rd, 0, "maybe", &v), -1);
  assert_int_equal(quiz_parse_outcome(rd, 0, "", &v), -1);
  assert_int_equal(quiz_parse_outcome(rd, 0, "1x", &v), -1);
  quiz_free(q);
  pack_free(p);
}

static void test_parse_element(void **state) {
  pack *p = load(*state);
  quiz *q = quiz_new(p, OPS, 2);
  th_row r;
  set_row(&r, p, RV_YES, RV_NO, RV_YES, "low");
  const quiz_round *rd = quiz_round_build(q, &r.row);
  int n;
  assert_int_equal(quiz_parse_element(rd, "2", &n), 0);
  assert_int_equal(n, th_node(p, "duty_breached"));
  assert_int_equal(quiz_parse_element(rd, "damage", &n), 0);
  assert_int_equal(n, th_node(p, "damage"));
  assert_int_equal(quiz_parse_element(rd, "Duty Owed", &n), 0); /* the title, any case */
  assert_int_equal(n, th_node(p, "duty_owed"));
  assert_int_equal(quiz_parse_element(rd, "duty_b", &n), 0);    /* the start of one */
  assert_int_equal(n, th_node(p, "duty_breached"));
  assert_int_equal(quiz_parse_element(rd, "duty", &n), -1);     /* the start of two */
  assert_int_equal(quiz_parse_element(rd, "claim", &n), -1);    /* not a choice */
  assert_int_equal(quiz_parse_element(rd, "4", &n), -1);
  assert_int_equal(quiz_parse_element(rd, "  ", &n), -1);
  quiz_free(q);
  pack_free(p);
}

static void test_grade(void **state) {
  pack *p = load(*state);
  quiz *q = quiz_new(p, OPS, 2);
  th_row r;
  set_row(&r, p, RV_YES, RV_NO, RV_YES, "low");
  const quiz_round *rd = quiz_round_build(q, &r.row);
  int breached = th_node(p, "duty_breached"), owed = th_node(p, "duty_owed"), damage = th_node(p, "damage");
  quiz_grade g = quiz_grade_answer(rd, 0, RV_NO, breached);
  assert_true(g.outcome_right && g.element_right);
  g = quiz_grade_answer(rd, 0, RV_YES, owed);
  assert_false(g.outcome_right);
  assert_false(g.element_right);
  g = quiz_grade_answer(rd, 0, RV_UNKNOWN, QUIZ_NO_ANSWER);
  assert_false(g.outcome_right || g.element_right);
  g = quiz_grade_answer(rd, 0, QUIZ_NO_ANSWER, breached);
  assert_false(g.outcome_right);
  assert_true(g.element_right);
  /* any element that decides it counts, not only the one named first */
  g = quiz_grade_answer(rd, 1, RV_YES, damage);
  assert_true(g.outcome_right && g.element_right);
  g = quiz_grade_answer(rd, 1, RV_YES, owed);
  assert_true(g.element_right);
  g = quiz_grade_answer(rd, 1, RV_YES, breached);
  assert_false(g.element_right);
  quiz_free(q);
  pack_free(p);
}

/* ---- fact patterns near the boundaries ------------------------------------------------------ */

static void test_near_boundary(void **state) {
  pack *p = load(*state);
  th_row r;
  set_row(&r, p, RV_YES, RV_NO, RV_YES, "low"); /* the opinions part ways */
  assert_true(quiz_near_boundary(p, OPS, 2, &r.row));
  set_row(&r, p, RV_YES, RV_YES, RV_YES, "high"); /* both yes, and no duty would flip both */
  assert_true(quiz_near_boundary(p, OPS, 2, &r.row));
  set_row(&r, p, RV_NO, RV_NO, RV_NO, "low"); /* both no, and it takes two changes to move either */
  assert_false(quiz_near_boundary(p, OPS, 2, &r.row));
  assert_false(quiz_near_boundary(p, OPS, 1, &r.row));
  pack_free(p);
}

static bool same_facts(const pack *p, const case_row *a, const case_row *b) {
  for (int f = 0; f < p->nfacts; f++)
    if (a->facts[f].v != b->facts[f].v) return false;
  return true;
}

static void check_generated(const pack *p, const int *ops, int nops, const quiz_hyp *h, int n) {
  for (int i = 0; i < n; i++) {
    assert_non_null(h[i].row);
    char id[16];
    snprintf(id, sizeof id, "hyp%d", i + 1);
    assert_string_equal(h[i].row->id, id);
    assert_true(quiz_near_boundary(p, ops, nops, h[i].row));
    assert_true(h[i].disagree || h[i].flip_opinion >= 0);
    for (int j = 0; j < i; j++) assert_false(same_facts(p, h[i].row, h[j].row));
    if (h[i].flip_opinion >= 0) {
      /* the change it names changes that opinion's outcome */
      quiz *q = quiz_new(p, ops, nops);
      rval before = quiz_round_build(q, h[i].row)->keys[h[i].flip_opinion].outcome;
      assert_int_equal(h[i].row->facts[h[i].flip_fact].v, h[i].flip_from);
      err *e = NULL;
      case_row *copy = cases_set_row(p, h[i].row, NULL, 0, &e);
      assert_non_null(copy);
      copy->facts[h[i].flip_fact].v = h[i].flip_to;
      rval after = quiz_round_build(q, copy)->keys[h[i].flip_opinion].outcome;
      assert_int_not_equal(before, after);
      assert_int_equal(after, h[i].flip_outcome);
      cases_row_free(copy);
      quiz_free(q);
    }
    if (h[i].disagree) {
      quiz *q = quiz_new(p, ops, nops);
      const quiz_round *rd = quiz_round_build(q, h[i].row);
      bool differ = false;
      for (int k = 1; k < rd->nkeys; k++) differ |= rd->keys[k].outcome != rd->keys[0].outcome;
      assert_true(differ);
      quiz_free(q);
    }
  }
}

static void test_generate_same_seed(void **state) {
  pack *p = load(*state);
  quiz_hyp *a = NULL, *b = NULL, *c = NULL;
  err *e = NULL;
  assert_int_equal(quiz_generate(p, OPS, 2, NULL, 0, 7, 5, &a, &e), 0);
  assert_int_equal(quiz_generate(p, OPS, 2, NULL, 0, 7, 5, &b, &e), 0);
  assert_null(e);
  for (int i = 0; i < 5; i++) {
    assert_true(same_facts(p, a[i].row, b[i].row));
    assert_int_equal(a[i].disagree, b[i].disagree);
    assert_int_equal(a[i].flip_opinion, b[i].flip_opinion);
    assert_int_equal(a[i].base, -1);
    assert_null(a[i].row->title);
    assert_true(a[i].row->facts[th_fact(p, "age")].v == RV_UNKNOWN); /* numbers are never drawn */
  }
  check_generated(p, OPS, 2, a, 5);
  /* the first of every pair has the opinions part ways while the draws
   * find such a pattern: here two do (duty owed, no breach, damage, a risk
   * low or middling); the fifth is near a boundary all the same */
  assert_true(a[0].disagree && a[2].disagree);
  assert_false(a[4].disagree);
  /* another seed, another quiz */
  assert_int_equal(quiz_generate(p, OPS, 2, NULL, 0, 8, 5, &c, &e), 0);
  bool differs = false;
  for (int i = 0; i < 5; i++) differs |= !same_facts(p, a[i].row, c[i].row);
  assert_true(differs);
  quiz_hyps_free(a, 5);
  quiz_hyps_free(b, 5);
  quiz_hyps_free(c, 5);
  pack_free(p);
}

static void test_generate_from_bases(void **state) {
  pack *p = load(*state);
  th_row r1, r2;
  set_row(&r1, p, RV_YES, RV_YES, RV_NO, "low");
  r1.row.title = "The first case";
  set_row(&r2, p, RV_YES, RV_NO, RV_NO, "mid");
  r2.row.id = "second";
  const case_row *bases[2] = {&r1.row, &r2.row};
  quiz_hyp *h = NULL;
  err *e = NULL;
  assert_int_equal(quiz_generate(p, OPS, 2, bases, 2, 1, 4, &h, &e), 0);
  check_generated(p, OPS, 2, h, 4);
  for (int i = 0; i < 4; i++) {
    assert_true(h[i].base == 0 || h[i].base == 1);
    const case_row *b = bases[h[i].base];
    /* a variation: the title says of what, and some fact differs */
    char want[64];
    snprintf(want, sizeof want, "A variation on %s", h[i].base == 0 ? "The first case" : "second");
    assert_string_equal(h[i].row->title, want);
    bool varied = false;
    for (int f = 0; f < p->nfacts; f++) varied |= h[i].row->facts[f].v != RV_UNKNOWN && h[i].row->facts[f].v != b->facts[f].v;
    assert_true(varied);
    assert_null(h[i].row->note);
  }
  quiz_hyps_free(h, 4);
  pack_free(p);
}

/* The rows a generated quiz varies: every readable row of the files, in
 * order, each the reader's own copy; a row that cannot be read is left out,
 * a file that cannot be read is an error. */
static void test_read_bases(void **state) {
  th_dir *d = *state;
  pack *p = load(d);
  char one[512], two[512], none[512];
  th_write(d->path, "one.csv", "id,title,a,b,x\nr1,First,yes,no,low\nr2,,no,maybe,mid\nr3,,yes,yes,high\n");
  th_write(d->path, "two.csv", "id,c\nr4,yes\n");
  const char *paths[2] = {th_path(one, sizeof one, d->path, "one.csv"), th_path(two, sizeof two, d->path, "two.csv")};
  case_row **rows = NULL;
  int n = -1;
  err *e = NULL;
  assert_int_equal(quiz_read_bases(p, paths, 2, &rows, &n, &e), 0);
  assert_null(e);
  assert_int_equal(n, 3); /* r2's 'maybe' is no answer to b */
  assert_string_equal(rows[0]->id, "r1");
  assert_string_equal(rows[0]->title, "First");
  assert_int_equal(rows[0]->facts[th_fact(p, "b")].v, RV_NO);
  assert_string_equal(rows[1]->id, "r3");
  assert_string_equal(rows[2]->id, "r4");
  quiz_bases_free(rows, n);
  const char *missing[1] = {th_path(none, sizeof none, d->path, "none.csv")};
  rows = NULL;
  n = -1;
  assert_int_equal(quiz_read_bases(p, missing, 1, &rows, &n, &e), -1);
  assert_non_null(e);
  assert_null(rows);
  assert_int_equal(n, 0);
  err_free(e);
  pack_free(p);
}

static void test_generate_runs_out(void **state) {
  pack *p = load(*state);
  quiz_hyp *h = NULL;
  err *e = NULL;
  /* 4 facts with 2, 2, 2 and 3 values: fewer fact patterns than asked for */
  assert_int_equal(quiz_generate(p, OPS, 2, NULL, 0, 3, 60, &h, &e), -1);
  assert_null(h);
  th_err_has(e, "no hypothetical near a boundary found");
  err_free(e);
  pack_free(p);
}

static void test_generate_nothing_to_vary(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, "pack { name = \"n\" }\n"
                             "fact \"age\" { number }\n"
                             "node \"old\" { rule = gt(\"age\", 60) }\n"
                             "opinion \"only\" { decides = \"old\" }\n");
  int op = 0;
  quiz_hyp *h = NULL;
  err *e = NULL;
  assert_int_equal(quiz_generate(p, &op, 1, NULL, 0, 1, 1, &h, &e), -1);
  th_err_has(e, "nothing to vary");
  err_free(e);
  pack_free(p);
}

/* The shipped pack: the case's own opinions, Davidson's answer key, and
 * the quiz of seed 1. */
static void test_due_process(void **state) {
  (void)state;
  err *e = NULL;
  pack *p = pack_load("rules/due_process", NULL, &e);
  assert_non_null(p);
  int ops[3] = {pack_opinion_index(p, "majority"), pack_opinion_index(p, "brennan"), pack_opinion_index(p, "blackmun")};
  case_reader *cr = cases_open(p, "cases/davidson.csv", &e);
  assert_non_null(cr);
  case_row row;
  assert_int_equal(cases_next(cr, &row, &e), 1);
  quiz *q = quiz_new(p, ops, 3);
  const quiz_round *rd = quiz_round_build(q, &row);
  int culpable = pack_node_index(p, "culpable_conduct"), deprivation = pack_node_index(p, "deprivation");
  int state_action = pack_node_index(p, "state_action");
  assert_int_equal(rd->keys[0].outcome, RV_NO);
  assert_int_equal(rd->keys[1].outcome, RV_UNKNOWN);
  assert_int_equal(rd->keys[2].outcome, RV_YES);
  for (int k = 0; k < 3; k++) {
    assert_int_equal(rd->keys[k].turns_on, culpable);
    assert_true(rd->keys[k].accepted[deprivation]);
  }
  /* the line of reasoning counts, not every element that holds or fails:
   * not state action, which Blackmun's yes also needs, nor the Eighth
   * Amendment claim, which fails for the majority too; but what Blackmun's
   * state of mind rests on does */
  assert_false(rd->keys[0].accepted[state_action]);
  assert_false(rd->keys[2].accepted[state_action]);
  assert_false(rd->keys[0].accepted[pack_node_index(p, "eighth_amendment_claim")]);
  assert_true(rd->keys[0].accepted[pack_node_index(p, "due_process_claim")]);
  assert_true(rd->keys[2].accepted[pack_node_index(p, "custodial_negligence")]);
  assert_false(rd->keys[0].accepted[pack_node_index(p, "custodial_negligence")]); /* not reached */
  /* Daniels: negligence is no deprivation; that he was not committed is beside the point */
  assert_int_equal(cases_next(cr, &row, &e), 1);
  rd = quiz_round_build(q, &row);
  assert_int_equal(rd->keys[0].outcome, RV_NO);
  assert_int_equal(rd->keys[0].turns_on, culpable);
  assert_false(rd->keys[0].accepted[pack_node_index(p, "professional_judgment_departure")]);
  /* value-naming elements (the state of mind) are not choices */
  for (int i = 0; i < rd->nelements; i++) assert_false(p->nodes[rd->elements[i]].valued);
  quiz_free(q);
  cases_close(cr);

  quiz_hyp *a = NULL, *b = NULL;
  assert_int_equal(quiz_generate(p, ops, 3, NULL, 0, 1, 5, &a, &e), 0);
  assert_int_equal(quiz_generate(p, ops, 3, NULL, 0, 1, 5, &b, &e), 0);
  for (int i = 0; i < 5; i++) assert_true(same_facts(p, a[i].row, b[i].row));
  check_generated(p, ops, 3, a, 5);
  quiz_hyps_free(a, 5);
  quiz_hyps_free(b, 5);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rng),
      cmocka_unit_test_setup_teardown(test_key_disagreeing_opinions, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_key_open_outcome, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_parse_outcome, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_parse_element, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_grade, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_near_boundary, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_generate_same_seed, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_generate_from_bases, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_read_bases, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_generate_runs_out, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_generate_nothing_to_vary, th_dir_setup, th_dir_teardown),
      cmocka_unit_test(test_due_process),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
