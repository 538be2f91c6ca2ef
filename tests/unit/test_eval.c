/* Unit tests for eval.c: three-valued, lazy evaluation of a row under an
 * opinion, its record, and rule functions. */
#include "helpers.h"

#include "eval.h"

static const char *PACK =
    "pack { name = \"e\", title = \"E\" }\n"                                                   /* 1 */
    "fact \"a\" { yesno }\n"                                                                   /* 2 */
    "fact \"b\" { yesno }\n"                                                                   /* 3 */
    "fact \"c\" { yesno }\n"                                                                   /* 4 */
    "fact \"status\" { oneof { \"prisoner\", \"free\" } }\n"                                   /* 5 */
    "fact \"days\" { number }\n"                                                               /* 6 */
    "node \"na\" { rule = \"a\" }\n"                                                           /* 7 */
    "node \"nb\" { rule = \"b\" }\n"                                                           /* 8 */
    "node \"nc\" { rule = \"c\" }\n"                                                           /* 9 */
    "node \"all3\" { rule = all { \"na\", \"nb\", \"nc\" } }\n"                                /* 10 */
    "node \"any3\" { rule = any { \"na\", \"nb\", \"nc\" } }\n"                                /* 11 */
    "node \"unl\" { rule = unless(\"na\", \"nb\") }\n"                                         /* 12 */
    "node \"culp\" { values = { \"intentional\", \"negligent\", \"none\" }, finding = true,\n" /* 13 */
    "  rule = first { when \"a\" :gives \"intentional\", when \"b\" :gives \"negligent\", otherwise \"none\" } }\n" /* 14 */
    "node \"dep\" { rule = is(\"culp\", \"intentional\"), open = is(\"culp\", \"negligent\") }\n" /* 15 */
    "node \"long\" { rule = gt(\"days\", 3) }\n"                                              /* 16 */
    "node \"lua_read\" { rule = function(f) if f.days == nil then return nil end return f.days > 3 and f.na end }\n" /* 17 */
    "node \"lua_val\" { values = { \"hi\", \"lo\" }, rule = function(f) return f.status == \"prisoner\" and \"hi\" or \"lo\" end }\n" /* 18 */
    "node \"lua_bad\" { rule = function(f) return f.nope end }\n"                              /* 19 */
    "node \"lua_err\" { rule = function(f) error(\"kaput\") end }\n"                           /* 20 */
    "node \"lua_wrong\" { rule = function(f) return \"maybe\" end }\n"                         /* 21 */
    "node \"self\" { rule = function(f) return f.self end }\n"                                 /* 22 */
    "node \"harm\" { finding = true }\n"                                                       /* 23 */
    "node \"same\" { rule = any { all { \"a\", \"b\" }, all { no \"a\", no \"b\" } } }\n"      /* 24 */
    "node \"probe\" { rule = any { all { \"a\", \"b\" }, all { no \"a\", \"b\" } } }\n"         /* 25 */
    "node \"lua_nil\" { rule = function(f) return f.a == nil end }\n"                         /* 26 */
    "opinion \"o_all\" { decides = \"all3\", disposition = { yes = \"reverse\", no = \"affirm\", unknown = \"remand\" } }\n"
    "opinion \"o_any\" { decides = \"any3\" }\n"
    "opinion \"o_unl\" { decides = \"unl\" }\n"
    "opinion \"o_dep\" { decides = \"dep\" }\n"
    "opinion \"o_long\" { decides = \"long\" }\n"
    "opinion \"o_lua\" { decides = \"lua_read\" }\n"
    "opinion \"o_val\" { decides = \"lua_val\" }\n"
    "opinion \"o_bad\" { decides = \"lua_bad\" }\n"
    "opinion \"o_err\" { decides = \"lua_err\" }\n"
    "opinion \"o_wrong\" { decides = \"lua_wrong\" }\n"
    "opinion \"o_self\" { decides = \"self\" }\n"
    "opinion \"o_harm\" { decides = \"harm\" }\n"
    "opinion \"o_same\" { decides = \"same\" }\n"
    "opinion \"o_culp\" { decides = \"culp\" }\n"
    "opinion \"o_probe\" { decides = \"probe\", disposition = { yes = \"reverse\", no = \"affirm\", unknown = \"remand\" } }\n"
    "opinion \"o_nil\" { decides = \"lua_nil\" }\n";

typedef struct fx {
  th_dir dir;
  pack *p;
  eval_ctx *c;
  th_row r;
} fx;

static int fx_setup(void **state) {
  TH_FIXTURE(fx, f, state);
  f->p = th_pack(f->dir.path, PACK);
  f->c = eval_new(f->p);
  th_row_init(&f->r, f->p, "r1");
  return 0;
}

static int fx_teardown(void **state) {
  fx *f = *state;
  eval_free(f->c);
  pack_free(f->p);
  th_rm_rf(f->dir.path);
  free(f);
  return 0;
}

static int op(fx *f, const char *name) {
  int i = pack_opinion_index(f->p, name);
  if (i < 0) fail_msg("no opinion %s", name);
  return i;
}

/* Decide the row under an opinion; fails the test on an error. */
static rval decide(fx *f, const char *opinion) {
  err *e = NULL;
  if (eval_row(f->c, op(f, opinion), &f->r.row, &e) != 0) {
    err_print(e, stderr);
    err_free(e);
    fail_msg("eval_row failed under %s", opinion);
  }
  assert_null(e);
  assert_int_equal(eval_opinion(f->c), op(f, opinion));
  return eval_outcome(f->c);
}

/* How the last row's blank fact `name` bears on its undecided outcome:
 * the outcome its answer `answer` gives; fails when the fact is not listed. */
static rval answer(fx *f, const char *name, rval ans) {
  const eval_deciding_fact *d;
  bool cut;
  int n = eval_deciding(f->c, &d, &cut), fact = th_fact(f->p, name);
  assert_false(cut);
  for (int i = 0; i < n; i++)
    if (d[i].fact == fact) return d[i].outcome[ans];
  fail_msg("%s is not among the deciding facts", name);
  return RV_UNKNOWN;
}

static int ndeciding(fx *f) {
  const eval_deciding_fact *d;
  bool cut;
  return eval_deciding(f->c, &d, &cut);
}

#define STATE(name) eval_node_state(f->c, th_node(f->p, name))
#define VALUE(name) eval_node_value(f->c, th_node(f->p, name))

/* ---- Kleene short circuits ---------------------------------------------------- */

static void test_all_stops_at_first_no(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "a", RV_NO);
  th_yesno(&f->r, f->p, "b", RV_YES);
  th_yesno(&f->r, f->p, "c", RV_YES);
  assert_int_equal(decide(f, "o_all"), RV_NO);
  assert_int_equal(STATE("all3"), NODE_DERIVED);
  assert_int_equal(STATE("na"), NODE_DERIVED);
  assert_int_equal(VALUE("na"), RV_NO);
  assert_int_equal(STATE("nb"), NODE_NOT_REACHED);
  assert_int_equal(STATE("nc"), NODE_NOT_REACHED);
  assert_string_equal(eval_disposition(f->c), "affirm");
}

static void test_all_goes_past_unknown(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "b", RV_NO); /* a unknown */
  assert_int_equal(decide(f, "o_all"), RV_NO);
  assert_int_equal(STATE("na"), NODE_DERIVED);
  assert_int_equal(VALUE("na"), RV_UNKNOWN);
  assert_int_equal(VALUE("nb"), RV_NO);
  assert_int_equal(STATE("nc"), NODE_NOT_REACHED);
}

static void test_all_yes_and_unknown(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "a", RV_YES);
  th_yesno(&f->r, f->p, "b", RV_YES);
  th_yesno(&f->r, f->p, "c", RV_YES);
  assert_int_equal(decide(f, "o_all"), RV_YES);
  assert_string_equal(eval_disposition(f->c), "reverse");
  assert_int_equal(ndeciding(f), 0);
  th_yesno(&f->r, f->p, "c", RV_UNKNOWN);
  assert_int_equal(decide(f, "o_all"), RV_UNKNOWN);
  assert_string_equal(eval_disposition(f->c), "remand");
  /* the record is the row's own, not a trial answer's */
  assert_int_equal(VALUE("nc"), RV_UNKNOWN);
  assert_int_equal(STATE("nc"), NODE_DERIVED);
  assert_int_equal(ndeciding(f), 1);
  assert_int_equal(answer(f, "c", RV_NO), RV_NO);
  assert_int_equal(answer(f, "c", RV_YES), RV_YES);
}

static void test_any(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "a", RV_YES);
  assert_int_equal(decide(f, "o_any"), RV_YES);
  assert_int_equal(STATE("nb"), NODE_NOT_REACHED);
  assert_int_equal(STATE("nc"), NODE_NOT_REACHED);
  assert_null(eval_disposition(f->c));
  th_yesno(&f->r, f->p, "a", RV_NO);
  th_yesno(&f->r, f->p, "b", RV_NO);
  th_yesno(&f->r, f->p, "c", RV_NO);
  assert_int_equal(decide(f, "o_any"), RV_NO);
  assert_int_equal(STATE("nc"), NODE_DERIVED);
  th_yesno(&f->r, f->p, "a", RV_UNKNOWN);
  assert_int_equal(decide(f, "o_any"), RV_UNKNOWN);
}

static void test_unless(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "a", RV_NO);
  th_yesno(&f->r, f->p, "b", RV_YES);
  assert_int_equal(decide(f, "o_unl"), RV_NO);
  assert_int_equal(STATE("nb"), NODE_NOT_REACHED); /* the exception is moot */
  th_yesno(&f->r, f->p, "a", RV_YES);
  assert_int_equal(decide(f, "o_unl"), RV_NO);
  assert_int_equal(STATE("nb"), NODE_DERIVED);
  th_yesno(&f->r, f->p, "b", RV_NO);
  assert_int_equal(decide(f, "o_unl"), RV_YES);
  th_yesno(&f->r, f->p, "b", RV_UNKNOWN);
  assert_int_equal(decide(f, "o_unl"), RV_UNKNOWN);
  th_yesno(&f->r, f->p, "a", RV_UNKNOWN);
  th_yesno(&f->r, f->p, "b", RV_YES);
  assert_int_equal(decide(f, "o_unl"), RV_NO);
}

static void test_first(void **state) {
  fx *f = *state;
  int culp = th_node(f->p, "culp");
  int fid = -1;
  for (int i = 0; i < f->p->nfirsts; i++)
    if (f->p->firsts[i].node == culp) fid = i;
  assert_true(fid >= 0);
  th_yesno(&f->r, f->p, "a", RV_NO);
  th_yesno(&f->r, f->p, "b", RV_YES);
  assert_int_equal(decide(f, "o_culp"), 1); /* negligent */
  assert_int_equal(eval_first_taken(f->c, fid), 1);
  th_yesno(&f->r, f->p, "b", RV_NO);
  assert_int_equal(decide(f, "o_culp"), 2); /* none, by otherwise */
  assert_int_equal(eval_first_taken(f->c, fid), 2);
  th_yesno(&f->r, f->p, "a", RV_YES);
  assert_int_equal(decide(f, "o_culp"), 0);
  /* an unknown condition leaves the choice open: unknown, and the later
   * conditions are not read */
  th_yesno(&f->r, f->p, "a", RV_UNKNOWN);
  th_yesno(&f->r, f->p, "b", RV_YES);
  assert_int_equal(decide(f, "o_culp"), RV_UNKNOWN);
  assert_int_equal(eval_first_taken(f->c, fid), -2);
  assert_true(eval_node_read_fact(f->c, culp, th_fact(f->p, "a")));
  assert_false(eval_node_read_fact(f->c, culp, th_fact(f->p, "b")));
  /* not evaluated at all under another opinion */
  decide(f, "o_any");
  assert_int_equal(eval_first_taken(f->c, fid), -1);
}

static void test_open_gives_unknown(void **state) {
  fx *f = *state;
  int dep = th_node(f->p, "dep");
  th_yesno(&f->r, f->p, "a", RV_NO);
  th_yesno(&f->r, f->p, "b", RV_YES); /* negligent: left open */
  assert_int_equal(decide(f, "o_dep"), RV_UNKNOWN);
  assert_true(eval_node_open(f->c, dep));
  th_yesno(&f->r, f->p, "b", RV_NO); /* none: a plain no */
  assert_int_equal(decide(f, "o_dep"), RV_NO);
  assert_false(eval_node_open(f->c, dep));
  th_yesno(&f->r, f->p, "a", RV_YES);
  assert_int_equal(decide(f, "o_dep"), RV_YES);
  assert_false(eval_node_open(f->c, dep));
}

static void test_findings(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "a", RV_NO);
  th_yesno(&f->r, f->p, "b", RV_NO);
  th_finding(&f->r, f->p, "culp", "intentional");
  assert_int_equal(decide(f, "o_dep"), RV_YES);
  int culp = th_node(f->p, "culp");
  assert_int_equal(STATE("culp"), NODE_FOUND);
  assert_int_equal(VALUE("culp"), 0);
  /* a finding's rule does not run: its facts are not read */
  assert_false(eval_node_read_fact(f->c, culp, th_fact(f->p, "a")));
  const int *kids;
  assert_int_equal(eval_node_kids(f->c, th_node(f->p, "dep"), &kids), 1);
  assert_int_equal(kids[0], culp);
}

static void test_finding_only_node(void **state) {
  fx *f = *state;
  assert_int_equal(decide(f, "o_harm"), RV_UNKNOWN);
  assert_int_equal(STATE("harm"), NODE_NO_FINDING);
  th_finding(&f->r, f->p, "harm", "yes");
  assert_int_equal(decide(f, "o_harm"), RV_YES);
  assert_int_equal(STATE("harm"), NODE_FOUND);
}

static void test_compare(void **state) {
  fx *f = *state;
  assert_int_equal(decide(f, "o_long"), RV_UNKNOWN);
  th_num(&f->r, f->p, "days", 8, NULL);
  assert_int_equal(decide(f, "o_long"), RV_YES);
  th_num(&f->r, f->p, "days", 3, NULL);
  assert_int_equal(decide(f, "o_long"), RV_NO);
  assert_true(eval_node_read_fact(f->c, th_node(f->p, "long"), th_fact(f->p, "days")));
}

static void test_record_reads_and_kids(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "a", RV_YES);
  th_yesno(&f->r, f->p, "b", RV_YES);
  th_yesno(&f->r, f->p, "c", RV_NO);
  assert_int_equal(decide(f, "o_all"), RV_NO);
  int all3 = th_node(f->p, "all3"), na = th_node(f->p, "na");
  assert_true(eval_node_read_fact(f->c, na, th_fact(f->p, "a")));
  assert_false(eval_node_read_fact(f->c, na, th_fact(f->p, "b")));
  assert_false(eval_node_read_fact(f->c, all3, th_fact(f->p, "a"))); /* its own rule reads nodes */
  const int *kids;
  assert_int_equal(eval_node_kids(f->c, all3, &kids), 3);
  assert_int_equal(kids[0], na);
  assert_int_equal(kids[1], th_node(f->p, "nb"));
  assert_int_equal(kids[2], th_node(f->p, "nc"));
  assert_int_equal(eval_node_kids(f->c, na, &kids), 0);
}

static void test_deciding_facts_together(void **state) {
  fx *f = *state;
  /* a == b: no single answer decides it, so every unknown fact read is named */
  assert_int_equal(decide(f, "o_same"), RV_UNKNOWN);
  assert_int_equal(ndeciding(f), 2);
  for (rval v = RV_NO; v <= RV_YES; v++) {
    assert_int_equal(answer(f, "a", v), RV_UNKNOWN);
    assert_int_equal(answer(f, "b", v), RV_UNKNOWN);
  }
  th_yesno(&f->r, f->p, "a", RV_YES);
  assert_int_equal(decide(f, "o_same"), RV_UNKNOWN);
  assert_int_equal(ndeciding(f), 1);
  assert_int_equal(answer(f, "b", RV_NO), RV_NO);
  assert_int_equal(answer(f, "b", RV_YES), RV_YES);
}

static void test_deciding_facts_several_alone(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "a", RV_YES);
  assert_int_equal(decide(f, "o_all"), RV_UNKNOWN);
  /* b = no or c = no would decide it (no), each alone; yes to either
   * leaves it open */
  assert_int_equal(ndeciding(f), 2);
  assert_int_equal(answer(f, "b", RV_NO), RV_NO);
  assert_int_equal(answer(f, "b", RV_YES), RV_UNKNOWN);
  assert_int_equal(answer(f, "c", RV_NO), RV_NO);
  assert_int_equal(answer(f, "c", RV_YES), RV_UNKNOWN);
}

/* ---- "even if" ------------------------------------------------------------------ */

static bool settled_fact(const eval_settled *st, int f) { return (st->facts[f / 64] >> (f % 64)) & 1; }

static void test_even_if_decides_the_probe(void **state) {
  fx *f = *state;
  th_yesno(&f->r, f->p, "b", RV_YES); /* a blank: either answer gives yes */
  assert_int_equal(decide(f, "o_probe"), RV_YES);
  assert_string_equal(eval_disposition(f->c), "reverse");
  assert_int_equal(ndeciding(f), 0);
  eval_settled st;
  assert_true(eval_node_settled(f->c, th_node(f->p, "probe"), &st));
  assert_true(st.even_if);
  assert_false(st.open);
  assert_false(st.cut);
  assert_int_equal(st.range, (uint64_t)1 << RV_YES);
  assert_true(settled_fact(&st, th_fact(f->p, "a")));
  assert_false(settled_fact(&st, th_fact(f->p, "b")));
  assert_int_equal(VALUE("probe"), RV_YES);
  assert_int_equal(STATE("probe"), NODE_DERIVED);
  assert_true(eval_settle_evals(f->c) > 0);
  /* b blank instead: genuinely open, and b decides it either way */
  th_yesno(&f->r, f->p, "b", RV_UNKNOWN);
  th_yesno(&f->r, f->p, "a", RV_YES);
  assert_int_equal(decide(f, "o_probe"), RV_UNKNOWN);
  assert_string_equal(eval_disposition(f->c), "remand");
  assert_true(eval_node_settled(f->c, th_node(f->p, "probe"), &st));
  assert_false(st.even_if);
  assert_int_equal(st.range, (uint64_t)3);
  assert_int_equal(answer(f, "b", RV_NO), RV_NO);
  assert_int_equal(answer(f, "b", RV_YES), RV_YES);
}

static void test_even_if_in_values_only_mode(void **state) {
  fx *f = *state;
  eval_values_only(f->c, true);
  th_yesno(&f->r, f->p, "b", RV_YES);
  assert_int_equal(decide(f, "o_probe"), RV_YES);
  f->r.row.number++; /* a new row for the cache */
  th_yesno(&f->r, f->p, "b", RV_UNKNOWN);
  assert_int_equal(decide(f, "o_probe"), RV_UNKNOWN);
}

static void test_even_if_ranges_of_a_ladder(void **state) {
  fx *f = *state;
  /* culp: a gives intentional, then b negligent, else none; a = no, b blank */
  th_yesno(&f->r, f->p, "a", RV_NO);
  assert_int_equal(decide(f, "o_culp"), RV_UNKNOWN);
  eval_settled st;
  assert_true(eval_node_settled(f->c, th_node(f->p, "culp"), &st));
  assert_false(st.even_if);
  int neg = pack_node_value(&f->p->nodes[th_node(f->p, "culp")], "negligent", 9);
  int none = pack_node_value(&f->p->nodes[th_node(f->p, "culp")], "none", 4);
  assert_int_equal(st.range, ((uint64_t)1 << neg) | ((uint64_t)1 << none)); /* never intentional */
  /* dep tests culp: no when none, left open when negligent */
  assert_int_equal(decide(f, "o_dep"), RV_UNKNOWN);
  assert_true(eval_node_settled(f->c, th_node(f->p, "dep"), &st));
  assert_int_equal(st.range, (uint64_t)1 << RV_NO);
  assert_true(st.open);
  assert_int_equal(answer(f, "b", RV_NO), RV_NO);
  assert_int_equal(answer(f, "b", RV_YES), RV_UNKNOWN);
}

static void test_even_if_after_a_rule_function(void **state) {
  fx *f = *state;
  /* the function says yes to a blank, but every answer gives no: the
   * search answers the blanks a rule function was handed */
  assert_int_equal(decide(f, "o_nil"), RV_NO);
  eval_settle(f->c, EVAL_SETTLE_NONE, 0);
  assert_int_equal(decide(f, "o_nil"), RV_YES);
}

static bool blank_read(fx *f, const char *fact) {
  int words, k = th_fact(f->p, fact);
  const uint64_t *b = eval_blank_reads(f->c, &words);
  assert_true(words >= 1);
  return (b[k / 64] >> (k % 64)) & 1;
}

static void test_blank_reads(void **state) {
  fx *f = *state;
  eval_settle(f->c, EVAL_SETTLE_NONE, 0); /* what a caller that searches itself sees */
  /* all { na, nb, nc } with b blank and c no: b was read, a is not blank */
  th_yesno(&f->r, f->p, "a", RV_YES);
  th_yesno(&f->r, f->p, "c", RV_NO);
  assert_int_equal(decide(f, "o_all"), RV_NO);
  assert_true(blank_read(f, "b"));
  assert_false(blank_read(f, "a"));
  assert_false(blank_read(f, "c"));
  assert_false(eval_rule_function_blank(f->c));
  /* a number the rule reads is not an answer the search can try */
  assert_int_equal(decide(f, "o_long"), RV_UNKNOWN);
  assert_false(blank_read(f, "a") || blank_read(f, "b"));
  /* a rule function handed a blank: its value may change with the answers */
  th_row_init(&f->r, f->p, "r2");
  assert_int_equal(decide(f, "o_nil"), RV_YES);
  assert_true(eval_rule_function_blank(f->c));
  assert_true(blank_read(f, "a"));
  th_yesno(&f->r, f->p, "a", RV_NO);
  assert_int_equal(decide(f, "o_nil"), RV_NO);
  assert_false(eval_rule_function_blank(f->c));
  assert_false(blank_read(f, "a"));
}

static void test_rule_given(void **state) {
  fx *f = *state;
  rval nodes[TH_MAX];
  for (int i = 0; i < TH_MAX; i++) nodes[i] = RV_UNKNOWN;
  int all3 = th_node(f->p, "all3"), na = th_node(f->p, "na"), nb = th_node(f->p, "nb"), nc = th_node(f->p, "nc");
  /* all3 = all { na, nb, nc }, from the values given, not from the row */
  nodes[na] = nodes[nb] = nodes[nc] = RV_YES;
  assert_int_equal(eval_rule_given(f->p, op(f, "o_all"), all3, &f->r.row, nodes), RV_YES);
  nodes[nb] = RV_NO;
  assert_int_equal(eval_rule_given(f->p, op(f, "o_all"), all3, &f->r.row, nodes), RV_NO);
  nodes[nb] = RV_UNKNOWN;
  assert_int_equal(eval_rule_given(f->p, op(f, "o_all"), all3, &f->r.row, nodes), RV_UNKNOWN);
  /* facts come from the row; open turns a no into unknown */
  int dep = th_node(f->p, "dep"), culp = th_node(f->p, "culp");
  nodes[culp] = (rval)pack_node_value(&f->p->nodes[culp], "negligent", 9);
  assert_int_equal(eval_rule_given(f->p, op(f, "o_dep"), dep, &f->r.row, nodes), RV_UNKNOWN);
  nodes[culp] = (rval)pack_node_value(&f->p->nodes[culp], "none", 4);
  assert_int_equal(eval_rule_given(f->p, op(f, "o_dep"), dep, &f->r.row, nodes), RV_NO);
  th_num(&f->r, f->p, "days", 5, NULL);
  assert_int_equal(eval_rule_given(f->p, op(f, "o_long"), th_node(f->p, "long"), &f->r.row, nodes), RV_YES);
  /* a rule function, or no rule at all, cannot be re-decided this way */
  assert_int_equal(eval_rule_given(f->p, op(f, "o_lua"), th_node(f->p, "lua_read"), &f->r.row, nodes), EVAL_NOT_GIVEN);
  assert_int_equal(eval_rule_given(f->p, op(f, "o_harm"), th_node(f->p, "harm"), &f->r.row, nodes), EVAL_NOT_GIVEN);
}

static void test_even_if_budget(void **state) {
  fx *f = *state;
  eval_settle(f->c, EVAL_SETTLE_NODES, 1); /* one evaluation: nothing can be tried */
  th_yesno(&f->r, f->p, "b", RV_YES);
  assert_int_equal(decide(f, "o_probe"), RV_UNKNOWN);
  eval_settled st;
  assert_true(eval_node_settled(f->c, th_node(f->p, "probe"), &st));
  assert_true(st.cut);
  assert_true(st.open);
  eval_settle(f->c, EVAL_SETTLE_OUTCOME, 0);
  assert_int_equal(decide(f, "o_probe"), RV_YES);
  assert_false(eval_node_settled(f->c, th_node(f->p, "probe"), &st)); /* outcome only */
  /* the row's budget bounds all its searches together (a search may go
   * past its own budget by the answers of the fact it last split on) */
  eval_settle(f->c, EVAL_SETTLE_NODES, 3);
  th_yesno(&f->r, f->p, "b", RV_UNKNOWN);
  assert_int_equal(decide(f, "o_all"), RV_UNKNOWN);
  assert_true(eval_settle_evals(f->c) > 0);
  assert_true(eval_settle_evals(f->c) <= 3 * EVAL_ROW_SEARCHES + 2);
}

/* ---- rule functions ------------------------------------------------------------ */

static void test_lua_reads_facts_and_nodes(void **state) {
  fx *f = *state;
  int node = th_node(f->p, "lua_read");
  assert_int_equal(decide(f, "o_lua"), RV_UNKNOWN); /* nil is unknown */
  th_num(&f->r, f->p, "days", 8, NULL);
  th_yesno(&f->r, f->p, "a", RV_YES);
  assert_int_equal(decide(f, "o_lua"), RV_YES);
  assert_true(eval_node_read_fact(f->c, node, th_fact(f->p, "days")));
  assert_int_equal(STATE("na"), NODE_DERIVED);
  const int *kids;
  assert_int_equal(eval_node_kids(f->c, node, &kids), 1);
  assert_int_equal(kids[0], th_node(f->p, "na"));
  th_yesno(&f->r, f->p, "a", RV_NO);
  assert_int_equal(decide(f, "o_lua"), RV_NO);
  th_num(&f->r, f->p, "days", 1, NULL);
  assert_int_equal(decide(f, "o_lua"), RV_NO);
  assert_int_equal(eval_node_kids(f->c, node, &kids), 0); /* na was not read this time */
}

static void test_lua_valued_node(void **state) {
  fx *f = *state;
  th_enum(&f->r, f->p, "status", "prisoner");
  assert_int_equal(decide(f, "o_val"), 0);
  th_enum(&f->r, f->p, "status", "free");
  assert_int_equal(decide(f, "o_val"), 1);
}

static void expect_failure(fx *f, const char *opinion, const char *node, const char *msg, int line) {
  err *e = NULL;
  assert_int_equal(eval_row(f->c, op(f, opinion), &f->r.row, &e), -1);
  assert_non_null(e);
  th_assert_has(e->msg, msg);
  assert_non_null(e->node);
  assert_string_equal(e->node, node);
  assert_non_null(e->file);
  assert_true(th_ends_with(e->file, "/pack.lua"));
  if (line) assert_int_equal(e->line, line);
  err_free(e);
}

static void test_lua_errors_name_the_node(void **state) {
  fx *f = *state;
  expect_failure(f, "o_bad", "lua_bad", "a rule function read 'nope', which is no fact or node of the pack", 19);
  expect_failure(f, "o_err", "lua_err", "kaput", 20);
  expect_failure(f, "o_wrong", "lua_wrong", "node lua_wrong: its rule function returned maybe, which is not one of its values", 21);
  expect_failure(f, "o_self", "self", "node self depends on itself through a rule function", 22);
  /* the context works again after a failure */
  th_yesno(&f->r, f->p, "a", RV_YES);
  th_yesno(&f->r, f->p, "b", RV_YES);
  th_yesno(&f->r, f->p, "c", RV_YES);
  assert_int_equal(decide(f, "o_all"), RV_YES);
}

static void test_values_only_mode(void **state) {
  fx *f = *state;
  eval_values_only(f->c, true);
  th_yesno(&f->r, f->p, "a", RV_YES);
  th_yesno(&f->r, f->p, "b", RV_YES);
  th_yesno(&f->r, f->p, "c", RV_NO);
  assert_int_equal(decide(f, "o_all"), RV_NO);
  assert_string_equal(eval_disposition(f->c), "affirm");
  assert_int_equal(decide(f, "o_any"), RV_YES);
  eval_values_only(f->c, false);
  assert_int_equal(decide(f, "o_all"), RV_NO);
  assert_int_equal(STATE("nc"), NODE_DERIVED);
}

/* A pack every row of which fits the decision cache: rows decided through
 * the cache (eval_prefetch_row, then eval_row_values) agree with rows
 * decided afresh, whatever the order, repeats and findings. */
static const char *CACHED_PACK =
    "pack { name = \"m\", title = \"M\" }\n"
    "fact \"a\" { yesno }\n"
    "fact \"b\" { yesno }\n"
    "fact \"c\" { yesno }\n"
    "fact \"status\" { oneof { \"prisoner\", \"pretrial_detainee\", \"free\" } }\n"
    "node \"culp\" { values = { \"intentional\", \"negligent\", \"none\" }, finding = true,\n"
    "  rule = first { when \"a\" :gives \"intentional\", when \"b\" :gives \"negligent\", otherwise \"none\" } }\n"
    "node \"custody\" { rule = any { is(\"status\", \"prisoner\"), is(\"status\", \"pretrial_detainee\") } }\n"
    "node \"claim\" { rule = all { is(\"culp\", \"intentional\"), \"c\" } }\n"
    "node \"wide\" { rule = any { \"claim\", all { is(\"culp\", \"negligent\"), \"custody\" } } }\n"
    "opinion \"narrow\" { decides = \"claim\", disposition = { yes = \"reverse\", no = \"affirm\", unknown = \"remand\" } }\n"
    "opinion \"broad\" { decides = \"wide\" }\n";

static void test_cached_rows_agree_with_fresh(void **state) {
  th_dir *dir = *state;
  pack *p = th_pack(dir->path, CACHED_PACK);
  eval_ctx *cached = eval_new(p), *fresh = eval_new(p);
  eval_values_only(cached, true);
  int ops[2] = {pack_opinion_index(p, "narrow"), pack_opinion_index(p, "broad")};
  static const char *culp[] = {"intentional", "negligent", "none"};
  static const char *status[] = {"prisoner", "pretrial_detainee", "free"};
  uint64_t seed = 1986;
  th_row r;
  for (int i = 0; i < 3000; i++) {
    th_row_init(&r, p, "r");
    r.row.number = i + 1;
    r.row.line = i + 2;
    seed = seed * 6364136223846793005u + 1442695040888963407u;
    uint64_t x = seed >> 20;
    const char *facts[] = {"a", "b", "c"};
    for (int k = 0; k < 3; k++, x /= 3)
      if (x % 3 < 2) th_yesno(&r, p, facts[k], x % 3 == 0 ? RV_YES : RV_NO);
    if (x % 4 < 3) th_enum(&r, p, "status", status[x % 4]);
    x /= 4;
    if (x % 5 < 3) th_finding(&r, p, "culp", culp[x % 5]);
    rval out[2], disp[2];
    int failed = -1;
    err *e = NULL;
    eval_prefetch_row(cached, &r.row);
    assert_int_equal(eval_row_values(cached, ops, 2, &r.row, out, disp, &failed, &e), 0);
    for (int k = 0; k < 2; k++) {
      assert_int_equal(eval_row(fresh, ops[k], &r.row, &e), 0);
      assert_int_equal(out[k], eval_outcome(fresh));
      const char *want = eval_disposition(fresh), *got = pack_disposition_name(p, ops[k], out[k], disp[k]);
      if (want || got) assert_string_equal(got, want);
    }
  }
  eval_free(cached);
  eval_free(fresh);
  pack_free(p);
}

static void test_free_null(void **state) {
  (void)state;
  eval_free(NULL);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_cached_rows_agree_with_fresh, th_dir_setup, th_dir_teardown),
      T(test_all_stops_at_first_no),
      T(test_all_goes_past_unknown),
      T(test_all_yes_and_unknown),
      T(test_any),
      T(test_unless),
      T(test_first),
      T(test_open_gives_unknown),
      T(test_findings),
      T(test_finding_only_node),
      T(test_compare),
      T(test_record_reads_and_kids),
      T(test_deciding_facts_together),
      T(test_deciding_facts_several_alone),
      T(test_even_if_decides_the_probe),
      T(test_even_if_in_values_only_mode),
      T(test_even_if_ranges_of_a_ladder),
      T(test_even_if_after_a_rule_function),
      T(test_even_if_budget),
      T(test_blank_reads),
      T(test_rule_given),
      T(test_lua_reads_facts_and_nodes),
      T(test_lua_valued_node),
      T(test_lua_errors_name_the_node),
      T(test_values_only_mode),
      cmocka_unit_test(test_free_null),
  };
  return cmocka_run_group_tests_name("eval", tests, NULL, NULL);
}
