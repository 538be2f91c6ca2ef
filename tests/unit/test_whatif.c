/* Unit tests for whatif.c, with the property tests: every change listed,
 * applied to the row, gives the result it claims, and no smaller change
 * does; ties are all listed. Checked by brute force over every variant of
 * every row of a small pack. */
#include "reasoning_pack.h"

#include "whatif.h"

static pack *load(th_dir *d) { return th_pack(d->path, REASONING_PACK); }

static void test_rowbuf(void **state) {
  pack *p = load(*state);
  th_row r;
  th_row_init(&r, p, "x");
  th_yesno(&r, p, "duty", RV_YES);
  whatif_rowbuf b;
  whatif_rowbuf_init(&b, p, &r.row);
  assert_string_equal(b.row.id, "x");
  assert_ptr_not_equal(b.row.facts, r.row.facts);
  assert_int_equal(b.row.facts[th_fact(p, "duty")].v, RV_YES);
  whatif_change ch[2] = {{false, th_fact(p, "duty"), RV_YES, RV_NO}, {true, th_node(p, "breach"), RV_UNKNOWN, 1}};
  whatif_rowbuf_apply(&b, &r.row, ch, 2);
  assert_int_equal(b.row.facts[th_fact(p, "duty")].v, RV_NO);
  assert_true(b.row.has_finding[th_node(p, "breach")]);
  assert_int_equal(b.row.findings[th_node(p, "breach")], 1);
  assert_int_equal(r.row.facts[th_fact(p, "duty")].v, RV_YES); /* the source is untouched */
  ch[1].to = RV_UNKNOWN;                                        /* withdraw the finding */
  whatif_rowbuf_apply(&b, &r.row, ch + 1, 1);
  assert_false(b.row.has_finding[th_node(p, "breach")]);
  assert_int_equal(b.row.facts[th_fact(p, "duty")].v, RV_YES); /* reset first */
  whatif_rowbuf_free(&b);
  assert_null(b.row.facts);
  pack_free(p);
}

static const whatif_target *find_target(const whatif_search *ws, bool disp, rval outcome, const char *d) {
  for (int i = 0; i < ws->ntargets; i++) {
    const whatif_target *t = &ws->targets[i];
    if (t->is_disposition == disp && (disp ? strcmp(t->disposition, d) == 0 : t->outcome == outcome)) return t;
  }
  return NULL;
}

static void test_whatif_row_davidson_like(void **state) {
  pack *p = load(*state);
  th_row r;
  th_row_init(&r, p, "x");
  th_yesno(&r, p, "duty", RV_YES);
  th_enum(&r, p, "care", "some");
  th_yesno(&r, p, "custody", RV_NO);
  whatif_result *res = NULL;
  err *e = NULL;
  whatif_options o = {0};
  assert_int_equal(whatif_row(p, 0, &r.row, &o, &res, &e), 0);
  assert_int_equal(res->outcome, RV_NO);
  assert_string_equal(res->disposition, "affirm");
  assert_false(res->has_answers);
  assert_false(res->changes.bounded);
  /* yes: care none, or a finding of a clear breach: one change, two ways */
  const whatif_target *yes = find_target(&res->changes, false, RV_YES, NULL);
  assert_non_null(yes);
  assert_int_equal(yes->size, 1);
  assert_int_equal(yes->nhits, 2);
  assert_true(yes->complete);
  assert_int_equal(yes->hits[0].changes[0].index, th_fact(p, "care"));
  assert_true(yes->hits[1].changes[0].finding);
  /* the path runs from the decided node down to where the change enters */
  assert_int_equal(yes->hits[0].path[0].node, th_node(p, "claim"));
  assert_int_equal(yes->hits[0].path[yes->hits[0].npath - 1].node, th_node(p, "breach"));
  /* unknown: custody in, leaving the arguable breach open */
  const whatif_target *unk = find_target(&res->changes, false, RV_UNKNOWN, NULL);
  assert_int_equal(unk->size, 1);
  assert_int_equal(unk->hits[0].changes[0].index, th_fact(p, "custody"));
  const whatif_target *rem = find_target(&res->changes, true, RV_UNKNOWN, "remand");
  assert_int_equal(rem->size, 1);
  whatif_free(res);

  /* the dissent reads a number fact it cannot vary: said, not searched */
  assert_int_equal(whatif_row(p, 1, &r.row, &o, &res, &e), 0);
  assert_int_equal(res->nleft_out, 1);
  assert_int_equal(res->left_out[0], th_fact(p, "age"));
  whatif_free(res);
  pack_free(p);
}

static void test_whatif_budget_bounds(void **state) {
  pack *p = load(*state);
  th_row r;
  th_row_init(&r, p, "x");
  th_yesno(&r, p, "duty", RV_NO);
  th_enum(&r, p, "care", "great");
  th_yesno(&r, p, "custody", RV_NO);
  whatif_result *res = NULL;
  err *e = NULL;
  whatif_options o = {3};
  assert_int_equal(whatif_row(p, 0, &r.row, &o, &res, &e), 0);
  assert_true(res->changes.bounded);
  assert_int_equal(res->changes.evals, 3);
  assert_int_equal(res->changes.searched, 0);
  whatif_free(res);
  pack_free(p);
}

static void test_whatif_answers_for_unknown(void **state) {
  pack *p = load(*state);
  th_row r;
  th_row_init(&r, p, "x");
  th_enum(&r, p, "care", "none"); /* duty unknown */
  whatif_result *res = NULL;
  err *e = NULL;
  assert_int_equal(whatif_row(p, 0, &r.row, NULL, &res, &e), 0);
  assert_int_equal(res->outcome, RV_UNKNOWN);
  assert_true(res->has_answers);
  assert_int_equal(res->answers.nvars, 2); /* duty and custody */
  const whatif_target *yes = find_target(&res->answers, false, RV_YES, NULL);
  assert_int_equal(yes->size, 1);
  assert_int_equal(yes->nhits, 1);
  assert_int_equal(yes->hits[0].changes[0].index, th_fact(p, "duty"));
  assert_int_equal(yes->hits[0].changes[0].to, RV_YES);
  whatif_free(res);
  pack_free(p);
}

static void test_whatif_row_error(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, "pack { name = \"f\" }\nfact \"a\" { yesno, ask = \"A?\" }\n"
                              "node \"x\" { rule = function(f) error(\"boom\") end }\n"
                              "opinion \"o\" { decides = \"x\" }\n");
  th_row r;
  th_row_init(&r, p, "x");
  whatif_result *res = NULL;
  err *e = NULL;
  assert_int_equal(whatif_row(p, 0, &r.row, NULL, &res, &e), -1);
  assert_null(res);
  assert_non_null(e);
  err_free(e);
  whatif_free(NULL);
  pack_free(p);
}

/* ---- the property test ------------------------------------------------------ */

typedef struct prop {
  const pack *p;
  eval_ctx *ec;
  int op;
  const case_row *base;
  const whatif_search *ws;
  bool answers;     /* only unknown facts may change */
  int *best;        /* per target: fewest changes found by brute force */
  int *count;       /* variants of that size */
  long checked;
} prop;

static int distance(const pack *p, const case_row *a, const case_row *b, bool answers, bool *allowed) {
  int d = 0;
  *allowed = true;
  for (int f = 0; f < p->nfacts; f++) {
    if (a->facts[f].v == b->facts[f].v) continue;
    d++;
    /* the search never blanks a known fact; answers only fill blanks */
    if (b->facts[f].v == RV_UNKNOWN || (answers && a->facts[f].v != RV_UNKNOWN)) *allowed = false;
  }
  for (int n = 0; n < p->nnodes; n++) {
    bool ha = a->has_finding[n], hb = b->has_finding[n];
    if (ha != hb || (ha && a->findings[n] != b->findings[n])) {
      d++;
      if (answers) *allowed = false;
    }
  }
  return d;
}

static void prop_variant(const case_row *row, void *ud) {
  prop *s = ud;
  bool allowed;
  int d = distance(s->p, s->base, row, s->answers, &allowed);
  if (d == 0 || !allowed) return;
  err *e = NULL;
  assert_int_equal(eval_row(s->ec, s->op, row, &e), 0);
  rval out = eval_outcome(s->ec);
  const char *disp = eval_disposition(s->ec);
  for (int t = 0; t < s->ws->ntargets; t++) {
    const whatif_target *tg = &s->ws->targets[t];
    bool hit = tg->is_disposition ? (disp && strcmp(disp, tg->disposition) == 0) : out == tg->outcome;
    if (!hit) continue;
    if (s->best[t] == 0 || d < s->best[t]) s->best[t] = d, s->count[t] = 0;
    if (d == s->best[t]) s->count[t]++;
  }
  s->checked++;
}

static void check_search(const pack *p, eval_ctx *ec, int op, th_row *base, const whatif_search *ws, bool answers) {
  bool use_fact[TH_MAX] = {0}, use_finding[TH_MAX] = {0};
  use_fact[th_fact(p, "duty")] = use_fact[th_fact(p, "care")] = use_fact[th_fact(p, "custody")] = true;
  use_finding[th_node(p, "breach")] = true;
  int best[32] = {0}, count[32] = {0};
  assert_true(ws->ntargets < 32);
  assert_false(ws->bounded);
  /* brute force over a copy: the variants walk mutates it */
  th_row work = *base;
  work.row.facts = work.facts;
  work.row.findings = work.findings;
  work.row.has_finding = work.has_finding;
  prop s = {p, ec, op, &base->row, ws, answers, best, count, 0};
  th_variants_rec(p, &work, use_fact, use_finding, 0, prop_variant, &s);
  for (int t = 0; t < ws->ntargets; t++) {
    const whatif_target *tg = &ws->targets[t];
    /* the fewest changes, and every tie */
    assert_int_equal(tg->size, best[t]);
    if (tg->size) {
      assert_true(tg->complete);
      assert_int_equal(tg->nhits + tg->more, count[t]);
    }
    /* every change listed, applied, gives the result it claims */
    whatif_rowbuf b;
    whatif_rowbuf_init(&b, p, &base->row);
    for (int h = 0; h < tg->nhits; h++) {
      const whatif_hit *hit = &tg->hits[h];
      assert_int_equal(hit->nchanges, tg->size);
      whatif_rowbuf_apply(&b, &base->row, hit->changes, hit->nchanges);
      err *e = NULL;
      assert_int_equal(eval_row(ec, op, &b.row, &e), 0);
      if (tg->is_disposition) assert_string_equal(eval_disposition(ec), tg->disposition);
      else assert_int_equal(eval_outcome(ec), tg->outcome);
      assert_int_equal(eval_outcome(ec), hit->outcome);
      for (int c = 0; c < hit->nchanges; c++) {
        assert_int_not_equal(hit->changes[c].from, hit->changes[c].to);
        if (answers) assert_int_equal(hit->changes[c].from, RV_UNKNOWN);
      }
    }
    whatif_rowbuf_free(&b);
  }
}

typedef struct prop_rows {
  const pack *p;
  eval_ctx *ec;
  int rows;
} prop_rows;

static void prop_base(const case_row *row, void *ud) {
  prop_rows *pr = ud;
  const pack *p = pr->p;
  th_row base;
  th_row_init(&base, p, "base");
  memcpy(base.facts, row->facts, sizeof *row->facts * (size_t)p->nfacts);
  memcpy(base.findings, row->findings, sizeof *row->findings * (size_t)p->nnodes);
  memcpy(base.has_finding, row->has_finding, sizeof *row->has_finding * (size_t)p->nnodes);
  for (int op = 0; op < p->nopinions; op++) {
    whatif_result *res = NULL;
    err *e = NULL;
    assert_int_equal(whatif_row(p, op, &base.row, NULL, &res, &e), 0);
    check_search(p, pr->ec, op, &base, &res->changes, false);
    if (res->has_answers) check_search(p, pr->ec, op, &base, &res->answers, true);
    whatif_free(res);
  }
  pr->rows++;
}

static void test_whatif_property_minimal_and_real(void **state) {
  pack *p = load(*state);
  eval_ctx *ec = eval_new(p);
  bool use_fact[TH_MAX] = {0}, use_finding[TH_MAX] = {0};
  use_fact[th_fact(p, "duty")] = use_fact[th_fact(p, "care")] = use_fact[th_fact(p, "custody")] = true;
  use_finding[th_node(p, "breach")] = true;
  th_row seed;
  th_row_init(&seed, p, "seed");
  prop_rows pr = {p, ec, 0};
  /* every base row: facts unknown or known, with or without a finding */
  th_variants_rec(p, &seed, use_fact, use_finding, 0, prop_base, &pr);
  assert_int_equal(pr.rows, 3 * 4 * 3 * 4);
  eval_free(ec);
  pack_free(p);
}

/* whatif_single: exactly the single changes that give another outcome,
 * each with the outcome it gives and a chain from the decided node; by
 * brute force over every base row of the small pack. */
static void prop_single(const case_row *row, void *ud) {
  prop_rows *pr = ud;
  const pack *p = pr->p;
  th_row base;
  th_row_init(&base, p, "base");
  memcpy(base.facts, row->facts, sizeof *row->facts * (size_t)p->nfacts);
  memcpy(base.findings, row->findings, sizeof *row->findings * (size_t)p->nnodes);
  memcpy(base.has_finding, row->has_finding, sizeof *row->has_finding * (size_t)p->nnodes);
  int breach = th_node(p, "breach");
  for (int op = 0; op < p->nopinions; op++) {
    whatif_flips *fl = NULL;
    err *e = NULL;
    assert_int_equal(whatif_single(p, op, &base.row, true, &fl, &e), 0);
    assert_int_equal(eval_row(pr->ec, op, &base.row, &e), 0);
    assert_int_equal(fl->outcome, eval_outcome(pr->ec));
    whatif_rowbuf b;
    whatif_rowbuf_init(&b, p, &base.row);
    int expected = 0;
    /* every change of one of the enumerable facts, and of the finding */
    const char *names[] = {"duty", "care", "custody"};
    for (int k = 0; k < 4; k++) {
      bool finding = k == 3;
      int index = finding ? breach : th_fact(p, names[k]);
      rval cur = finding ? (base.row.has_finding[breach] ? base.row.findings[breach] : RV_UNKNOWN)
                         : base.row.facts[index].v;
      int nv = finding ? p->nodes[breach].nvalues : p->facts[index].type == FACT_YESNO ? 2 : p->facts[index].nvalues;
      for (int v = finding ? -1 : 0; v < nv; v++) {
        if ((rval)v == cur || (v < 0 && cur == RV_UNKNOWN)) continue;
        whatif_change ch = {finding, index, cur, (rval)v};
        whatif_rowbuf_apply(&b, &base.row, &ch, 1);
        assert_int_equal(eval_row(pr->ec, op, &b.row, &e), 0);
        rval out = eval_outcome(pr->ec);
        const whatif_flip *listed = NULL;
        for (int i = 0; i < fl->nflips; i++)
          if (fl->flips[i].change.finding == finding && fl->flips[i].change.index == index && fl->flips[i].change.to == ch.to)
            listed = &fl->flips[i];
        if (out == fl->outcome) {
          assert_null(listed);
          continue;
        }
        expected++;
        assert_non_null(listed);
        assert_int_equal(listed->outcome, out);
        assert_int_equal(listed->change.from, cur);
        assert_true(listed->npath >= 1);
        assert_int_equal(listed->path[0].node, p->opinions[op].decides);
        assert_int_equal(listed->path[0].to, out);
      }
    }
    assert_int_equal(fl->nflips, expected);
    whatif_rowbuf_free(&b);
    whatif_flips_free(fl);
  }
  pr->rows++;
}

static void test_whatif_single_property(void **state) {
  pack *p = load(*state);
  eval_ctx *ec = eval_new(p);
  bool use_fact[TH_MAX] = {0}, use_finding[TH_MAX] = {0};
  use_fact[th_fact(p, "duty")] = use_fact[th_fact(p, "care")] = use_fact[th_fact(p, "custody")] = true;
  use_finding[th_node(p, "breach")] = true;
  th_row seed;
  th_row_init(&seed, p, "seed");
  prop_rows pr = {p, ec, 0};
  th_variants_rec(p, &seed, use_fact, use_finding, 0, prop_single, &pr);
  assert_int_equal(pr.rows, 3 * 4 * 3 * 4);
  eval_free(ec);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_rowbuf, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_whatif_row_davidson_like, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_whatif_budget_bounds, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_whatif_answers_for_unknown, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_whatif_row_error, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_whatif_property_minimal_and_real, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_whatif_single_property, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
