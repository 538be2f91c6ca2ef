/* Unit tests for explain.c: the explanation tree of a row under an
 * opinion. */
#include "helpers.h"

#include "eval.h"
#include "explain.h"

typedef struct fx {
  th_dir dir;
  pack *p;
  eval_ctx *c;
  explain_tree *t;
  th_row r;
} fx;

static int fx_setup(void **state) {
  TH_FIXTURE(fx, f, state);
  f->p = th_pack(f->dir.path, th_dp_pack());
  f->c = eval_new(f->p);
  f->t = explain_new(f->p);
  th_row_init(&f->r, f->p, "r1");
  return 0;
}

static int fx_teardown(void **state) {
  fx *f = *state;
  explain_free(f->t);
  eval_free(f->c);
  pack_free(f->p);
  th_rm_rf(f->dir.path);
  free(f);
  return 0;
}

static const explain_tree *build(fx *f, const char *opinion) {
  err *e = NULL;
  int op = pack_opinion_index(f->p, opinion);
  assert_true(op >= 0);
  assert_int_equal(eval_row(f->c, op, &f->r.row, &e), 0);
  explain_build(f->t, f->c, &f->r.row);
  assert_int_equal(f->t->opinion, op);
  assert_ptr_equal(f->t->row, &f->r.row);
  assert_ptr_equal(f->t->p, f->p);
  return f->t;
}

static const explain_node *kid(const explain_node *x, int i, const pack *p, const char *name) {
  assert_true(i < x->nkids);
  const explain_node *k = x->kids[i];
  assert_string_equal(p->nodes[k->node].name, name);
  return k;
}

static void test_tree_shape_decided(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  th_yesno(&f->r, f->p, "notice", RV_NO);
  const explain_tree *t = build(f, "majority");
  assert_int_equal(t->outcome, RV_NO);
  assert_string_equal(t->outcome_name, "no");
  assert_string_equal(t->disposition, "affirm");
  assert_int_equal(t->ndeciding, 0);
  const explain_node *root = t->root;
  assert_string_equal(f->p->nodes[root->node].name, "claim");
  assert_int_equal(root->state, NODE_DERIVED);
  assert_string_equal(root->value_name, "no");
  assert_null(root->sentence);
  assert_int_equal(root->nfacts, 0);
  assert_int_equal(root->nkids, 3);

  const explain_node *sa = kid(root, 0, f->p, "state_action");
  assert_string_equal(sa->value_name, "yes");
  assert_string_equal(sa->sentence, "the officials acted for the State");
  assert_int_equal(sa->nfacts, 1);
  assert_string_equal(f->p->facts[sa->facts[0].fact].name, "state_actor");
  assert_string_equal(sa->facts[0].value, "yes");
  assert_int_equal(sa->facts[0].col, th_fact(f->p, "state_actor") + 2);
  assert_int_equal(sa->nkids, 0);

  const explain_node *cu = kid(root, 1, f->p, "custody");
  assert_string_equal(cu->sentence, "a prisoner is in custody");
  assert_string_equal(cu->facts[0].value, "prisoner");

  const explain_node *dep = kid(root, 2, f->p, "deprivation");
  assert_int_equal(dep->value, RV_NO);
  /* {culpability} is filled with the node's value, underscores as spaces */
  assert_string_equal(dep->sentence, "conduct that is merely negligent does not deprive");
  assert_int_equal(dep->nby, 1);
  assert_int_equal(dep->by[0], pack_authority_index(f->p, "daniels"));
  assert_int_equal(dep->nfacts, 0);
  const explain_node *culp = kid(dep, 0, f->p, "culpability");
  assert_string_equal(culp->value_name, "negligent");
  assert_int_equal(culp->state, NODE_DERIVED);
  assert_int_equal(culp->nfacts, 1);
  assert_string_equal(f->p->facts[culp->facts[0].fact].name, "notice");
  assert_string_equal(culp->facts[0].value, "no");
}

/* The element the outcome turns on: the step that settles it, down to
 * where the opinion parts from the one it builds on. */
static void test_turns_on(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  th_yesno(&f->r, f->p, "notice", RV_NO);
  const explain_tree *t = build(f, "majority");
  /* claim fails on deprivation alone; the state of mind is read through it */
  assert_string_equal(f->p->nodes[t->turns_on->node].name, "deprivation");
  t = build(f, "dissent");
  assert_string_equal(t->outcome_name, "yes");
  assert_string_equal(f->p->nodes[t->turns_on->node].name, "deprivation"); /* the dissent's own rule */
  /* the first element fails and the rest are not reached: it settles it */
  th_yesno(&f->r, f->p, "state_actor", RV_NO);
  th_enum(&f->r, f->p, "status", "free");
  t = build(f, "majority");
  assert_string_equal(f->p->nodes[t->turns_on->node].name, "state_action");
  /* undecided: the element whose answer would decide it */
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  th_yesno(&f->r, f->p, "notice", RV_UNKNOWN);
  t = build(f, "majority");
  assert_int_equal(t->outcome, RV_UNKNOWN);
  assert_string_equal(f->p->nodes[t->turns_on->node].name, "deprivation");
}

static void test_not_reached_nodes(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "state_actor", RV_NO);
  th_enum(&f->r, f->p, "status", "prisoner");
  const explain_tree *t = build(f, "majority");
  assert_string_equal(t->outcome_name, "no");
  const explain_node *root = t->root;
  assert_int_equal(root->nkids, 3);
  const explain_node *cu = kid(root, 1, f->p, "custody");
  assert_int_equal(cu->state, NODE_NOT_REACHED);
  assert_string_equal(cu->value_name, "not reached");
  assert_int_equal(cu->value, RV_UNKNOWN);
  assert_null(cu->sentence);
  assert_int_equal(cu->nfacts, 0);
  assert_int_equal(cu->nkids, 0);
  const explain_node *dep = kid(root, 2, f->p, "deprivation");
  assert_int_equal(dep->state, NODE_NOT_REACHED);
  assert_int_equal(dep->nkids, 0); /* children of a node not reached are not shown */
}

static void test_sentence_fact_with_underscores(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "pretrial_detainee");
  th_yesno(&f->r, f->p, "notice", RV_YES);
  const explain_tree *t = build(f, "majority");
  assert_string_equal(t->outcome_name, "yes");
  assert_string_equal(t->disposition, "reverse");
  assert_string_equal(kid(t->root, 1, f->p, "custody")->sentence, "a pretrial detainee is in custody");
  assert_string_equal(kid(t->root, 2, f->p, "deprivation")->sentence, "deliberate indifference conduct deprives");
  /* the fact list keeps the value's own spelling */
  assert_string_equal(kid(t->root, 1, f->p, "custody")->facts[0].value, "pretrial_detainee");
}

static void test_unknown_outcome_and_deciding(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  const explain_tree *t = build(f, "majority");
  assert_int_equal(t->outcome, RV_UNKNOWN);
  assert_string_equal(t->outcome_name, "unknown");
  assert_string_equal(t->disposition, "vacate_and_remand");
  const explain_node *dep = kid(t->root, 2, f->p, "deprivation");
  assert_string_equal(dep->value_name, "unknown");
  assert_string_equal(dep->sentence, "it is open whether unknown conduct deprives");
  const explain_node *culp = kid(dep, 0, f->p, "culpability");
  assert_string_equal(culp->facts[0].value, "unknown");
  assert_int_equal(t->ndeciding, 1);
  assert_int_equal(t->deciding[0].kind, DECIDES_ALWAYS);
  assert_int_equal(t->deciding[0].fact, th_fact(f->p, "notice"));
  assert_int_equal(t->deciding[0].nanswers, 2);
}

static void test_findings_in_tree(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "free");
  th_finding(&f->r, f->p, "culpability", "deliberate_indifference");
  const explain_tree *t = build(f, "dissent");
  assert_string_equal(t->outcome_name, "no"); /* custody fails */
  assert_string_equal(t->disposition, "affirm"); /* inherited from the base */
  assert_string_equal(kid(t->root, 1, f->p, "custody")->sentence, "a free person is not in custody");
  assert_int_equal(kid(t->root, 2, f->p, "deprivation")->state, NODE_NOT_REACHED);
  th_enum(&f->r, f->p, "status", "prisoner");
  t = build(f, "dissent");
  const explain_node *culp = kid(kid(t->root, 2, f->p, "deprivation"), 0, f->p, "culpability");
  assert_int_equal(culp->state, NODE_FOUND);
  assert_string_equal(culp->value_name, "deliberate_indifference");
  assert_int_equal(culp->nfacts, 0); /* a finding relies on no fact */
}

static void test_rebuild_reuses_tree(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "state_actor", RV_YES);
  th_enum(&f->r, f->p, "status", "prisoner");
  th_yesno(&f->r, f->p, "notice", RV_YES);
  for (int i = 0; i < 50; i++) {
    th_yesno(&f->r, f->p, "notice", i % 2 ? RV_YES : RV_NO);
    const explain_tree *t = build(f, i % 3 ? "majority" : "dissent");
    assert_int_equal(t->root->nkids, 3);
  }
  const explain_tree *t = build(f, "majority");
  assert_string_equal(kid(t->root, 2, f->p, "deprivation")->sentence, "deliberate indifference conduct deprives");
}

static void test_fact_text(void **state) {
  fx *f = *state;
  char buf[32];
  const pack *p = f->p;
  assert_string_equal(explain_fact_text(p, &f->r.row, th_fact(p, "days"), buf, sizeof buf), "unknown");
  th_num(&f->r, p, "days", 8.5, NULL);
  assert_string_equal(explain_fact_text(p, &f->r.row, th_fact(p, "days"), buf, sizeof buf), "8.5");
  th_num(&f->r, p, "days", 12, NULL);
  assert_string_equal(explain_fact_text(p, &f->r.row, th_fact(p, "days"), buf, sizeof buf), "12");
  th_yesno(&f->r, p, "notice", RV_NO);
  assert_string_equal(explain_fact_text(p, &f->r.row, th_fact(p, "notice"), buf, sizeof buf), "no");
  th_enum(&f->r, p, "status", "free");
  assert_string_equal(explain_fact_text(p, &f->r.row, th_fact(p, "status"), buf, sizeof buf), "free");
}

static void test_node_title(void **state) {
  fx *f = *state;
  char buf[64];
  assert_string_equal(explain_node_title(&f->p->nodes[th_node(f->p, "state_action")], buf, sizeof buf), "State action");
  assert_string_equal(explain_node_title(&f->p->nodes[th_node(f->p, "custody")], buf, sizeof buf), "In custody");
  char small[6];
  assert_string_equal(explain_node_title(&f->p->nodes[th_node(f->p, "state_action")], small, sizeof small), "State");
}

static void test_free_null(void **state) {
  (void)state;
  explain_free(NULL);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_tree_shape_decided),
      T(test_turns_on),
      T(test_not_reached_nodes),
      T(test_sentence_fact_with_underscores),
      T(test_unknown_outcome_and_deciding),
      T(test_findings_in_tree),
      T(test_rebuild_reuses_tree),
      T(test_fact_text),
      T(test_node_title),
      cmocka_unit_test(test_free_null),
  };
  return cmocka_run_group_tests_name("explain", tests, NULL, NULL);
}
