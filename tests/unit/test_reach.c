/* Unit tests for reach.c: what an opinion's rules can read. */
#include "reasoning_pack.h"

#include "reach.h"

static void test_reach_from(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, REASONING_PACK);
  bool facts[8] = {0}, nodes[8] = {0};
  int strict = pack_opinion_index(p, "strict"), lenient = pack_opinion_index(p, "lenient");
  int claim = th_node(p, "claim");
  assert_false(reach_from(p, strict, claim, facts, nodes));
  assert_true(facts[th_fact(p, "duty")] && facts[th_fact(p, "care")] && facts[th_fact(p, "custody")]);
  assert_false(facts[th_fact(p, "age")]); /* only the dissent reads it */
  assert_true(nodes[claim] && nodes[th_node(p, "breach")]);
  assert_false(reach_from(p, lenient, claim, facts, nodes));
  assert_true(facts[th_fact(p, "age")]);
  /* from the breach node alone, duty is out of reach */
  bool f2[8] = {0}, n2[8] = {0};
  reach_from(p, strict, th_node(p, "breach"), f2, n2);
  assert_false(f2[th_fact(p, "duty")]);
  assert_true(f2[th_fact(p, "care")]);
  assert_false(n2[claim]);
  pack_free(p);
}

static void test_reach_lua_reaches_everything(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, "pack { name = \"l\" }\n"
                              "fact \"a\" { yesno, ask = \"A?\" }\nfact \"b\" { yesno, ask = \"B?\" }\n"
                              "node \"x\" { rule = function(f) return f.a end }\n"
                              "opinion \"o\" { decides = \"x\" }\n");
  bool facts[4] = {0}, nodes[4] = {0};
  assert_true(reach_from(p, 0, th_node(p, "x"), facts, nodes));
  assert_true(facts[0] && facts[1]);
  pack_free(p);
}

static void test_reach_enumerable(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, REASONING_PACK);
  assert_true(reach_enumerable(&p->facts[th_fact(p, "duty")]));
  assert_true(reach_enumerable(&p->facts[th_fact(p, "care")]));
  assert_false(reach_enumerable(&p->facts[th_fact(p, "age")]));
  assert_int_equal(reach_nvalues(&p->facts[th_fact(p, "duty")]), 2);
  assert_int_equal(reach_nvalues(&p->facts[th_fact(p, "care")]), 3);
  assert_int_equal(reach_nvalues(&p->facts[th_fact(p, "age")]), 0);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_reach_from, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_reach_lua_reaches_everything, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_reach_enumerable, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
