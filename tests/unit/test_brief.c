/* Unit tests for brief.c and its renderer: a pack that does not say who
 * wins is refused with the fix; every change a brief says the side must
 * defend does move an outcome against it (and every change it says the
 * other side must defend, toward it), and the opinions it calls unmoved
 * are; Davidson's brief for the plaintiff argues from the dissents at the
 * element where the opinions part and names notice, time to act and the
 * decisions not to act as facts to defend; and the briefs of both sides of
 * every decided case in the library render in every format. */
#include "helpers.h"

#include <jansson.h>

#include "brief.h"
#include "render.h"
#include "whatif.h"

static void test_pack_must_say_who_wins(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, "pack { name = 'n' }\nfact 'x' { yesno }\nnode 'c' { rule = 'x' }\n"
                             "opinion 'm' { decides = 'c' }\n");
  int ops[] = {0};
  err *e = NULL;
  assert_false(brief_pack_ready(p, ops, 1, &e));
  th_assert_has(e->msg, "node c (the outcome of opinion m) does not say which party its answers favour");
  th_assert_has(e->hint, "favours = { yes = \"plaintiff\", no = \"defendant\" }");
  assert_int_equal(e->line, 3);
  err_free(e);
  pack_free(p);
}

/* The outcome of `row` under op with one change. */
static rval outcome_with(const pack *p, eval_ctx *ec, int op, const case_row *row, const whatif_change *ch) {
  whatif_rowbuf b;
  whatif_rowbuf_init(&b, p, row);
  whatif_rowbuf_apply(&b, row, ch, 1);
  err *e = NULL;
  assert_int_equal(eval_row(ec, op, &b.row, &e), 0);
  rval out = eval_outcome(ec);
  whatif_rowbuf_free(&b);
  return out;
}

static int lean(const pack *p, int op, rval outcome, pack_party side) {
  pack_party w = pack_favours(p, p->opinions[op].decides, outcome);
  return w == side ? 1 : (w == PARTY_PLAINTIFF || w == PARTY_DEFENDANT) ? -1 : 0;
}

static void check_pivots(const pack *p, eval_ctx *ec, const brief_result *r, const brief_pivot *list, int n,
                         bool defend) {
  for (int i = 0; i < n; i++) {
    const brief_pivot *pv = &list[i];
    assert_true(pv->nto >= 1);
    for (int t = 0; t < pv->nto; t++) {
      whatif_change ch = pv->change;
      ch.to = pv->to[t];
      for (int j = 0; j < pv->neffects; j++) {
        const brief_effect *ef = &pv->effects[j];
        int op = r->ops[ef->op];
        rval after = outcome_with(p, ec, op, r->row, &ch);
        assert_int_equal(after, ef->after);
        int l0 = r->lean[ef->op], l1 = lean(p, op, after, r->side);
        if (defend) assert_true(l1 < l0);
        else assert_true(l1 > l0);
      }
      for (int j = 0; j < pv->nunmoved; j++) {
        int k = pv->unmoved[j];
        assert_true(r->lean[k] > 0);
        assert_int_equal(outcome_with(p, ec, r->ops[k], r->row, &ch), r->trees[k]->outcome);
      }
    }
  }
}

/* Render a brief in a format into memory; the caller frees the text. */
static char *render(const pack *p, const int *ops, int nops, const char *format, const case_row *row,
                    const brief_result *res) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  render_setup s = {.out = out, .diag = stderr, .p = p, .opinions = ops, .nopinions = nops};
  err *e = NULL;
  renderer *r = render_new(RENDER_BRIEF, format, &s, &e);
  assert_non_null(r);
  render_begin(r, "cases.csv");
  render_item it = {.row = row, .brief = res};
  r->item(r, &it);
  render_summary sum = {0};
  if (r->end) r->end(r, &sum);
  if (r->flush) r->flush(r);
  render_free(r);
  fclose(out);
  return buf;
}

static pack *due_process(void) {
  err *e = NULL;
  pack *p = pack_load("rules/due_process", NULL, &e);
  if (!p) {
    err_free(e);
    return NULL;
  }
  return p;
}

static void test_davidson_for_the_plaintiff(void **state) {
  (void)state;
  pack *p = due_process();
  if (!p) skip();
  err *e = NULL;
  distinguish_library *lib = distinguish_library_load(p, NULL, 0, &e);
  int ops[3] = {pack_opinion_index(p, "majority"), pack_opinion_index(p, "brennan"), pack_opinion_index(p, "blackmun")};
  brief_ctx *c = brief_new(p, lib, ops, 3, PARTY_PLAINTIFF);
  case_reader *cr = cases_open(p, "rules/due_process/cases/davidson.csv", &e);
  case_row row;
  assert_int_equal(cases_next(cr, &row, &e), 1);
  assert_string_equal(row.id, "davidson");
  const brief_result *r = brief_row(c, &row, &e);
  assert_non_null(r);
  assert_int_equal(r->lean[0], -1);
  assert_int_equal(r->lean[1], 0);
  assert_int_equal(r->lean[2], 1);
  /* the opinions part first at the state of mind that deprives */
  const brief_element *el = &r->elements[0];
  assert_true(el->parted);
  assert_string_equal(p->nodes[el->node].name, "culpable_conduct");
  /* Blackmun argues it for the plaintiff, Brennan leaves it open, the
   * majority answers: lack of due care */
  assert_int_equal(el->views[0].lean, 1);
  assert_int_equal(r->ops[el->views[0].ops[0]], ops[2]);
  assert_int_equal(el->views[el->nviews - 1].lean, -1);
  th_assert_has(el->views[el->nviews - 1].x->sentence, "lack of due care");
  /* the facts to defend: notice, time to act, the decisions to put it off */
  const char *must[] = {"actual_notice", "opportunity", "conscious_decision"};
  for (size_t m = 0; m < 3; m++) {
    bool found = false;
    for (int i = 0; i < el->ndefend; i++)
      found |= !el->defend[i].change.finding && strcmp(p->facts[el->defend[i].change.index].name, must[m]) == 0;
    if (!found) fail_msg("%s is not among the facts the plaintiff must defend", must[m]);
  }
  eval_ctx *ec = eval_new(p);
  for (int i = 0; i < r->nelements; i++) {
    check_pivots(p, ec, r, r->elements[i].defend, r->elements[i].ndefend, true);
    check_pivots(p, ec, r, r->elements[i].press, r->elements[i].npress, false);
  }
  char *md = render(p, ops, 3, "md", &row, r);
  th_assert_has(md, "## Question presented");
  th_assert_has(md, "Blackmun, J., dissenting");
  th_assert_has(md, "Brennan, J., dissenting");
  th_assert_has(md, "just not triggered by lack of due care by prison officials");
  th_assert_has(md, "**Facts the plaintiff must defend**");
  th_assert_has(md, "## Precedents");
  free(md);
  eval_free(ec);
  cases_close(cr);
  brief_free(c);
  distinguish_library_free(lib);
  pack_free(p);
}

/* Both sides of every decided case, every opinion, every format. */
static void test_every_decided_case_renders(void **state) {
  (void)state;
  pack *p = due_process();
  if (!p) skip();
  err *e = NULL;
  distinguish_library *lib = distinguish_library_load(p, NULL, 0, &e);
  assert_non_null(lib);
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  for (int k = 0; k < p->nopinions; k++) ops[k] = k;
  assert_true(brief_pack_ready(p, ops, p->nopinions, &e));
  eval_ctx *ec = eval_new(p);
  static const char *const formats[] = {"text", "md", "json"};
  int briefs = 0;
  for (int side = 0; side < 2; side++) {
    brief_ctx *c = brief_new(p, lib, ops, p->nopinions, side ? PARTY_DEFENDANT : PARTY_PLAINTIFF);
    for (int f = 0; f < p->ncases; f++) {
      if (!p->case_decided[f]) continue;
      case_reader *cr = cases_open(p, p->cases[f], &e);
      assert_non_null(cr);
      case_row row;
      while (cases_next(cr, &row, &e) == 1) {
        const brief_result *r = brief_row(c, &row, &e);
        if (!r) fail_msg("no brief for %s: %s", row.id, e ? e->msg : "?");
        for (int i = 0; i < r->nelements; i++) {
          check_pivots(p, ec, r, r->elements[i].defend, r->elements[i].ndefend, true);
          check_pivots(p, ec, r, r->elements[i].press, r->elements[i].npress, false);
        }
        for (size_t k = 0; k < 3; k++) {
          char *text = render(p, ops, p->nopinions, formats[k], &row, r);
          assert_true(strlen(text) > 200);
          th_assert_has(text, row.id);
          if (k == 2) {
            json_error_t je;
            json_t *doc = json_loads(text, 0, &je);
            if (!doc) fail_msg("%s: the JSON does not parse: %s", row.id, je.text);
            assert_string_equal(json_string_value(json_object_get(doc, "schema")), "ratio.brief/1");
            json_decref(doc);
          }
          free(text);
        }
        briefs++;
      }
      cases_close(cr);
    }
    brief_free(c);
  }
  assert_int_equal(briefs, 2 * distinguish_library_size(lib));
  eval_free(ec);
  free(ops);
  distinguish_library_free(lib);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_pack_must_say_who_wins, th_dir_setup, th_dir_teardown),
      cmocka_unit_test(test_davidson_for_the_plaintiff),
      cmocka_unit_test(test_every_decided_case_renders),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
