/* Unit tests for distinguish.c, with the property tests: every fact
 * (or finding) the comparison calls material does change some opinion's
 * outcome, for the problem or the precedent, when changed alone; each
 * distinction's swap gives the outcomes it reports; and the ranking is
 * stable (same input, same order) and follows its key, ties broken by the
 * library's order. On a small pack and on the due process library. */
#include "helpers.h"

#include "distinguish.h"
#include "render_argue.h"
#include "whatif.h"

/* A claim for the plaintiff when the officials had notice and did not act;
 * custody matters only to the dissent. */
static const char PACK[] =
    "pack { name = 'd', title = 'D', cases = { 'hyp.csv', 'won.csv' }, decided = { 'won.csv' } }\n"
    "authority 'a' { cite = 'A v. B, 1 U.S. 1 (1900)', pin = '2' }\n"
    "fact 'notice' { yesno, ask = 'Did they know?', says = { yes = 'They knew.', no = 'They did not know.' } }\n"
    "fact 'acted' { yesno, ask = 'Did they act?' }\n"
    "fact 'custody' { yesno, ask = 'In custody?' }\n"
    "fact 'colour' { oneof { 'red', 'blue' }, ask = 'What colour?' }\n"
    "node 'claim' { by = 'a', favours = { yes = 'plaintiff', no = 'defendant' },\n"
    "  rule = all { 'notice', no 'acted' } }\n"
    "opinion 'majority' { decides = 'claim', disposition = { yes = 'reverse', no = 'affirm' } }\n"
    "opinion 'dissent' { base = 'majority', override 'claim' { rule = any { all { 'notice', no 'acted' }, 'custody' } } }\n";

static const char WON[] =
    "id,title,notice,acted,custody,colour\n"
    "knew,\"Knew v. State, 1 U.S. 10 (1901)\",yes,no,no,red\n"
    "acted,\"Acted v. State, 2 U.S. 20 (1902)\",yes,yes,no,red\n"
    "held,\"Held v. State, 3 U.S. 30 (1903)\",no,no,yes,blue\n"
    "same,\"Same v. State, 4 U.S. 40 (1904)\",yes,no,no,blue\n";

static pack *load(th_dir *d) {
  th_write(d->path, "won.csv", WON);
  th_write(d->path, "hyp.csv", "id,notice,acted,custody,colour\nh,yes,no,yes,red\n");
  return th_pack(d->path, PACK);
}

/* The first row of a file the test wrote, as an owned copy. */
static case_row *first_row(const pack *p, const char *path) {
  err *e = NULL;
  case_reader *r = cases_open(p, path, &e);
  assert_non_null(r);
  case_row row;
  assert_int_equal(cases_next(r, &row, &e), 1);
  case_row *copy = cases_set_row(p, &row, NULL, 0, &e);
  cases_close(r);
  assert_non_null(copy);
  return copy;
}

static int find_prec(const distinguish_result *r, const char *id) {
  for (int i = 0; i < r->nprecedents; i++)
    if (strcmp(r->precedents[i].row->id, id) == 0) return i;
  return -1;
}

static void test_library(void **state) {
  th_dir *d = *state;
  pack *p = load(d);
  err *e = NULL;
  distinguish_library *lib = distinguish_library_load(p, NULL, 0, &e);
  assert_non_null(lib);
  assert_int_equal(distinguish_library_size(lib), 4);
  const char *const *files;
  assert_int_equal(distinguish_library_files(lib, &files), 1);
  th_assert_has(files[0], "won.csv");
  distinguish_library_free(lib);
  /* a file given instead of the pack's */
  char path[PATH_MAX];
  const char *one = th_path(path, sizeof path, d->path, "hyp.csv");
  lib = distinguish_library_load(p, &one, 1, &e);
  assert_int_equal(distinguish_library_size(lib), 1);
  distinguish_library_free(lib);
  /* a file that is not there */
  one = th_path(path, sizeof path, d->path, "nowhere.csv");
  assert_null(distinguish_library_load(p, &one, 1, &e));
  assert_non_null(e);
  err_free(e);
  pack_free(p);
  /* a pack that marks no file decided: the fix names both ways */
  p = th_pack(d->path, "pack { name = 'n' }\nfact 'x' { yesno }\nnode 'c' { rule = 'x' }\nopinion 'm' { decides = 'c' }\n");
  assert_null(distinguish_library_load(p, NULL, 0, &e));
  th_assert_has(e->msg, "marks no case file as decided");
  th_assert_has(e->hint, "decided = {");
  th_assert_has(e->hint, "--cases");
  err_free(e);
  pack_free(p);
}

static void test_compare_small(void **state) {
  th_dir *d = *state;
  pack *p = load(d);
  err *e = NULL;
  distinguish_library *lib = distinguish_library_load(p, NULL, 0, &e);
  int ops[] = {0, 1};
  distinguish_ctx *c = distinguish_new(p, lib, ops, 2);
  char path[PATH_MAX];
  case_row *h = first_row(p, th_path(path, sizeof path, d->path, "hyp.csv"));
  const distinguish_result *r = distinguish_row(c, h, &e);
  assert_non_null(r);
  assert_true(r->favours);
  assert_int_equal(r->outcome[0], RV_YES);
  assert_int_equal(r->nprecedents, 4);
  assert_int_equal(r->nleft_out, 0);
  /* knew and same share every fact that matters; the colour never matters */
  const distinguish_precedent *knew = &r->precedents[find_prec(r, "knew")];
  for (int i = 0; i < knew->nanalogy; i++) assert_int_not_equal(knew->analogy[i].index, th_fact(p, "colour"));
  for (int i = 0; i < knew->ndistinctions; i++) assert_int_not_equal(knew->distinctions[i].index, th_fact(p, "colour"));
  /* custody differs from knew, but matters in neither case: on all fours */
  assert_int_equal(knew->ndistinctions, 0);
  assert_int_equal(knew->distance, 0);
  /* in held it carries the dissent's claim: shared, under the dissent only */
  const distinguish_precedent *held = &r->precedents[find_prec(r, "held")];
  const distinguish_fact *f = NULL;
  for (int i = 0; i < held->nanalogy; i++)
    if (!held->analogy[i].finding && held->analogy[i].index == th_fact(p, "custody")) f = &held->analogy[i];
  assert_non_null(f);
  assert_int_equal(f->nops, 1);
  assert_int_equal(f->ops[0], 1);
  assert_int_equal(f->problem, RV_YES);
  /* the closest first: knew (nothing sets it apart) */
  assert_string_equal(r->precedents[0].row->id, "knew");
  /* acted differs and helps the plaintiff under both: the swap turns each
   * case's outcome */
  const distinguish_precedent *acted = &r->precedents[find_prec(r, "acted")];
  bool seen = false;
  for (int i = 0; i < acted->ndistinctions; i++) {
    const distinguish_fact *x = &acted->distinctions[i];
    if (x->finding || x->index != th_fact(p, "acted")) continue;
    seen = true;
    assert_int_equal(x->nops, 2);
    assert_int_equal(x->helps[0], HELPS_PLAINTIFF);
    assert_int_equal(x->problem_if[0], RV_NO);
    assert_int_equal(x->precedent_if[0], RV_YES);
  }
  assert_true(seen);
  assert_false(acted->carries[0]);
  assert_true(knew->carries[0]);
  /* the three moves: the plaintiff cites the closest case it won (knew);
   * the defendant answers with the closest it won under some opinion, and
   * the plaintiff sets that case apart by the facts that help it */
  const distinguish_argument *a = &r->args[0];
  assert_int_equal(a->side, PARTY_PLAINTIFF);
  assert_int_equal(a->cite.precedent, 0);
  assert_int_equal(a->cite.nops, 2);
  int counter = -1;
  for (int i = 0; i < r->nprecedents && counter < 0; i++)
    for (int k = 0; k < 2; k++)
      if (i != 0 && distinguish_winner(p, ops[k], r->precedents[i].outcome[k], false) == PARTY_DEFENDANT) counter = i;
  assert_int_equal(a->counter.precedent, counter);
  assert_true(a->rebut.nfacts >= 1);
  for (int i = 0; i < a->rebut.nfacts; i++) {
    const distinguish_fact *x = &r->precedents[counter].distinctions[a->rebut.facts[i]];
    bool helps = false;
    for (int k = 0; k < x->nops; k++) helps |= x->helps[k] == HELPS_PLAINTIFF || x->helps[k] == HELPS_BOTH;
    assert_true(helps);
  }
  assert_int_equal(r->args[1].side, PARTY_DEFENDANT);
  assert_int_equal(r->args[1].cite.precedent, counter);
  /* as JSON: the four moves, the side first when asked for */
  json_t *aj = render_argue_json(p, r, &r->args[1], true);
  assert_string_equal(json_string_value(json_object_get(aj, "side")), "defendant");
  assert_true(json_is_object(json_object_get(aj, "cite")) && json_is_object(json_object_get(aj, "counter")) &&
              json_is_object(json_object_get(aj, "answer")) && json_is_object(json_object_get(aj, "rebut")));
  json_decref(aj);
  aj = render_argue_json(p, r, a, false);
  assert_null(json_object_get(aj, "side"));
  assert_int_equal(json_object_size(aj), 4);
  json_decref(aj);
  /* the problem's own facts are left out, and said */
  case_row *same = cases_set_row(p, knew->row, NULL, 0, &e);
  distinguish_free(c);
  c = distinguish_new(p, lib, ops, 2);
  r = distinguish_row(c, same, &e);
  assert_int_equal(r->nleft_out, 1);
  assert_string_equal(r->left_out[0].why, "the problem's own facts");
  assert_int_equal(r->nprecedents, 3);
  distinguish_free(c);
  cases_row_free(same);
  cases_row_free(h);
  distinguish_library_free(lib);
  pack_free(p);
}

/* ---- the properties, on the due process library ---------------------------- */

/* Does changing `item` alone to some other answer change opinion op's
 * outcome for row? By brute force. */
static bool changes_outcome(const pack *p, eval_ctx *ec, int op, const case_row *row, bool finding, int index) {
  err *e = NULL;
  assert_int_equal(eval_row(ec, op, row, &e), 0);
  rval before = eval_outcome(ec);
  whatif_rowbuf b;
  whatif_rowbuf_init(&b, p, row);
  int nv = finding ? p->nodes[index].nvalues : p->facts[index].type == FACT_YESNO ? 2 : p->facts[index].nvalues;
  bool changed = false;
  for (int v = -1; v < nv && !changed; v++) {
    whatif_change ch = {finding, index, RV_UNKNOWN, (rval)v};
    whatif_rowbuf_apply(&b, row, &ch, 1);
    if (eval_row(ec, op, &b.row, &e) != 0) {
      err_free(e);
      e = NULL;
      continue;
    }
    changed = eval_outside(ec) < 0 && eval_outcome(ec) != before;
  }
  whatif_rowbuf_free(&b);
  return changed;
}

static void check_material(const pack *p, eval_ctx *ec, const distinguish_result *r, const case_row *problem) {
  for (int i = 0; i < r->nprecedents; i++) {
    const distinguish_precedent *c = &r->precedents[i];
    for (int list = 0; list < 2; list++) {
      const distinguish_fact *fs = list ? c->distinctions : c->analogy;
      int n = list ? c->ndistinctions : c->nanalogy;
      for (int j = 0; j < n; j++) {
        const distinguish_fact *f = &fs[j];
        assert_true(f->nops > 0);
        for (int k = 0; k < f->nops; k++) {
          int op = r->ops[f->ops[k]];
          bool m = changes_outcome(p, ec, op, problem, f->finding, f->index) ||
                   changes_outcome(p, ec, op, c->row, f->finding, f->index);
          if (!m)
            fail_msg("%s against %s: %s is called material under %s, but changing it alone changes no outcome",
                     problem->id, c->row->id, f->finding ? p->nodes[f->index].name : p->facts[f->index].name,
                     p->opinions[op].name);
          /* a distinction's answers differ, an analogy's agree */
          if (list) assert_true(f->problem != f->precedent);
          else assert_int_equal(f->problem, f->precedent);
        }
      }
    }
  }
}

/* The ranking's key: fewer distinctions, then more in common, then the
 * library's order; a case with nothing to compare last. */
static void check_order(const distinguish_result *r) {
  for (int i = 1; i < r->nprecedents; i++) {
    const distinguish_precedent *a = &r->precedents[i - 1], *b = &r->precedents[i];
    bool ea = a->shared + a->distance == 0, eb = b->shared + b->distance == 0;
    if (ea != eb) {
      assert_true(eb);
      continue;
    }
    assert_true(a->distance <= b->distance);
    if (a->distance == b->distance) {
      assert_true(a->shared >= b->shared);
      if (a->shared == b->shared) assert_true(a->index < b->index);
    }
  }
}

static void test_due_process_properties(void **state) {
  (void)state;
  err *e = NULL;
  pack *p = pack_load("rules/due_process", NULL, &e);
  if (!p) {
    err_free(e);
    skip();
  }
  distinguish_library *lib = distinguish_library_load(p, NULL, 0, &e);
  assert_non_null(lib);
  assert_int_equal(distinguish_library_size(lib), 18);
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  for (int k = 0; k < p->nopinions; k++) ops[k] = k;
  eval_ctx *ec = eval_new(p);
  /* Davidson as found, the moot court problem, and a sample of the
   * classroom variations */
  static const struct { const char *file; int every; } files[] = {
      {"cases/davidson.csv", 1}, {"cases/moot.csv", 1}, {"cases/hypotheticals.csv", 9}};
  int problems = 0;
  for (size_t fi = 0; fi < sizeof files / sizeof files[0]; fi++) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "rules/due_process/%s", files[fi].file);
    case_reader *cr = cases_open(p, path, &e);
    assert_non_null(cr);
    case_row row;
    int n = 0;
    while (cases_next(cr, &row, &e) == 1) {
      if (n++ % files[fi].every) continue;
      distinguish_ctx *c1 = distinguish_new(p, lib, ops, p->nopinions);
      distinguish_ctx *c2 = distinguish_new(p, lib, ops, p->nopinions);
      const distinguish_result *r1 = distinguish_row(c1, &row, &e);
      assert_non_null(r1);
      check_material(p, ec, r1, &row);
      check_order(r1);
      /* same input, same order: a second context, and a second run of the
       * first (its precedents already decided) */
      const distinguish_result *r2 = distinguish_row(c2, &row, &e);
      assert_int_equal(r1->nprecedents, r2->nprecedents);
      for (int i = 0; i < r1->nprecedents; i++) {
        assert_string_equal(r1->precedents[i].row->id, r2->precedents[i].row->id);
        assert_int_equal(r1->precedents[i].distance, r2->precedents[i].distance);
        assert_int_equal(r1->precedents[i].shared, r2->precedents[i].shared);
      }
      char *first = xstrdup(r1->precedents[0].row->id);
      r1 = distinguish_row(c1, &row, &e);
      assert_string_equal(r1->precedents[0].row->id, first);
      free(first);
      distinguish_free(c1);
      distinguish_free(c2);
      problems++;
    }
    cases_close(cr);
  }
  assert_true(problems >= 6);
  eval_free(ec);
  free(ops);
  distinguish_library_free(lib);
  pack_free(p);
}

/* The problem closest to Davidson and Daniels ranks them first. */
static void test_moot_problem_ranks_davidson_and_daniels(void **state) {
  (void)state;
  err *e = NULL;
  pack *p = pack_load("rules/due_process", NULL, &e);
  if (!p) {
    err_free(e);
    skip();
  }
  distinguish_library *lib = distinguish_library_load(p, NULL, 0, &e);
  int ops[3] = {pack_opinion_index(p, "majority"), pack_opinion_index(p, "brennan"), pack_opinion_index(p, "blackmun")};
  distinguish_ctx *c = distinguish_new(p, lib, ops, 3);
  case_reader *cr = cases_open(p, "rules/due_process/cases/moot.csv", &e);
  assert_non_null(cr);
  case_row row;
  assert_int_equal(cases_next(cr, &row, &e), 1);
  const distinguish_result *r = distinguish_row(c, &row, &e);
  assert_non_null(r);
  assert_string_equal(r->precedents[0].row->id, "davidson_1986");
  assert_string_equal(r->precedents[1].row->id, "daniels_1986");
  cases_close(cr);
  distinguish_free(c);
  distinguish_library_free(lib);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_library, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_compare_small, th_dir_setup, th_dir_teardown),
      cmocka_unit_test(test_due_process_properties),
      cmocka_unit_test(test_moot_problem_ranks_davidson_and_daniels),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
