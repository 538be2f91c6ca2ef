/* Property tests of the "even if" semantics (eval.c) and of what-if chains
 * (whatif.c), on generated packs and rows.
 *
 * Each generated pack has five yes/no facts, one one-of fact, a valued
 * ladder and yes/no nodes with random rules (all, any, no, unless, first,
 * is, open); one opinion per node decides it, so every node's value is an
 * outcome. For every generated row:
 *   - a decided value never changes when the blank facts are filled in
 *     (checked against every completion, evaluated with no blanks);
 *   - an unknown value that some completion decides changes for at least
 *     one filling of the blank facts the explanation lists;
 *   - each listed fact's answers give the outcomes listed;
 *   - values-only mode (the csv path) agrees with the full evaluation;
 *   - every what-if chain step is justified by the rule of its parent;
 *   - an interview (ratio ask) answered from the row ends with the row's
 *     own outcome and disposition under every opinion, asking no fact
 *     twice.
 * The same checks run over every row of the shipped case library. */
#include "helpers.h"

#include "cases.h"
#include "eval.h"
#include "interview.h"
#include "whatif.h"

#define NFACTS 6   /* y0..y4 yes/no, e0 one of p, q, r */
#define NYESNO 5
#define NNODES 7   /* n0..n5 yes/no, v0 valued */
#define PACKS 40
#define ROWS 24

/* ---- generating packs --------------------------------------------------------- */

typedef struct gen {
  uint64_t state;
  char *buf;
  size_t len, cap;
} gen;

static unsigned rnd(gen *g, unsigned n) {
  g->state = g->state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)(g->state >> 33) % n;
}

static void out(gen *g, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[512];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  assert_true(n >= 0 && n < (int)sizeof tmp);
  if (g->len + (size_t)n + 1 > g->cap) {
    g->cap = (g->len + (size_t)n + 1) * 2;
    g->buf = realloc(g->buf, g->cap);
  }
  memcpy(g->buf + g->len, tmp, (size_t)n + 1);
  g->len += (size_t)n;
}

/* A condition over the facts and the nodes declared before node `k`. */
static void cond(gen *g, int k, int depth) {
  unsigned pick = rnd(g, depth >= 2 ? 4 : 9);
  switch (pick) {
  case 0: case 1: out(g, "\"y%u\"", rnd(g, NYESNO)); return;
  case 2: out(g, "is(\"e0\", \"%s\")", rnd(g, 2) ? "p" : "q"); return;
  case 3:
    if (k > 0 && k <= NNODES - 1) out(g, "\"n%u\"", rnd(g, (unsigned)(k < 6 ? k : 6)));
    else out(g, "\"y%u\"", rnd(g, NYESNO));
    return;
  case 4: out(g, "no("); cond(g, k, depth + 1); out(g, ")"); return;
  case 5: case 6: {
    out(g, pick == 5 ? "all { " : "any { ");
    int n = 2 + (int)rnd(g, 2);
    for (int i = 0; i < n; i++) {
      if (i) out(g, ", ");
      cond(g, k, depth + 1);
    }
    out(g, " }");
    return;
  }
  case 7: out(g, "unless("); cond(g, k, depth + 1); out(g, ", "); cond(g, k, depth + 1); out(g, ")"); return;
  default:
    if (k < 0) out(g, "\"y%u\"", rnd(g, NYESNO)); /* v0's own ladder */
    else out(g, "is(\"v0\", \"hi\", \"mid\")");
    return;
  }
}

/* v0 is declared first, so every yes/no node may test it. */
static char *gen_pack(gen *g) {
  g->len = 0;
  out(g, "pack { name = \"gen\", title = \"Generated\" }\n");
  for (int i = 0; i < NYESNO; i++) out(g, "fact \"y%d\" { yesno }\n", i);
  out(g, "fact \"e0\" { oneof { \"p\", \"q\", \"r\" } }\n");
  out(g, "node \"v0\" { values = { \"hi\", \"mid\", \"lo\" }, rule = first {\n");
  int nb = 1 + (int)rnd(g, 3);
  static const char *const vals[] = {"hi", "mid", "lo", "unknown"};
  for (int i = 0; i < nb; i++) {
    out(g, "  when(");
    cond(g, -1, 1);
    out(g, "):gives \"%s\",\n", vals[rnd(g, 3)]);
  }
  out(g, "  otherwise \"%s\" } }\n", vals[rnd(g, 4)]);
  for (int k = 0; k < NNODES - 1; k++) {
    out(g, "node \"n%d\" { rule = ", k);
    if (rnd(g, 6) == 0) {
      out(g, "first { when(");
      cond(g, k, 1);
      out(g, "):gives \"yes\", otherwise \"no\" }");
    } else {
      cond(g, k, 0);
    }
    if (rnd(g, 5) == 0) {
      out(g, ", open = ");
      cond(g, k, 1);
    }
    out(g, " }\n");
  }
  out(g, "opinion \"ov\" { decides = \"v0\" }\n");
  for (int k = 0; k < NNODES - 1; k++) out(g, "opinion \"o%d\" { decides = \"n%d\" }\n", k, k);
  return g->buf;
}

static void gen_row(gen *g, const pack *p, th_row *r) {
  th_row_init(r, p, "g");
  for (int f = 0; f < p->nfacts; f++) {
    int nv = p->facts[f].type == FACT_YESNO ? 2 : p->facts[f].nvalues;
    unsigned x = rnd(g, (unsigned)nv + 2); /* blank about half the time */
    r->facts[f].v = x < (unsigned)nv ? (rval)x : RV_UNKNOWN;
  }
}

/* ---- the properties ----------------------------------------------------------- */

static rval decide(eval_ctx *c, int op, const case_row *row) {
  err *e = NULL;
  if (eval_row(c, op, row, &e) != 0) {
    err_print(e, stderr);
    err_free(e);
    fail_msg("eval_row failed");
  }
  return eval_outcome(c);
}

static int nanswers(const pack *p, int f) { return p->facts[f].type == FACT_YESNO ? 2 : p->facts[f].nvalues; }

/* Every completion of the row's blanks among the facts in `only` (all when
 * NULL): calls back with the filled row. Returns the number of rows. */
typedef void (*fill_fn)(const case_row *row, void *ud);
static int fill(const pack *p, th_row *r, int f, const bool *only, fill_fn fn, void *ud) {
  if (f == p->nfacts) {
    fn(&r->row, ud);
    return 1;
  }
  /* numbers, dates and text stay blank: the search does not try them */
  bool tried = p->facts[f].type == FACT_YESNO || p->facts[f].type == FACT_ENUM;
  if (r->facts[f].v != RV_UNKNOWN || !tried || (only && !only[f])) return fill(p, r, f + 1, only, fn, ud);
  int n = 0;
  for (int x = 0; x < nanswers(p, f); x++) {
    r->facts[f].v = (rval)x;
    n += fill(p, r, f + 1, only, fn, ud);
  }
  r->facts[f].v = RV_UNKNOWN;
  return n;
}

typedef struct seen {
  eval_ctx *kleene; /* settles nothing: the rows it sees have no blanks */
  int op;
  uint64_t vals;    /* outcomes the completions give */
  bool unknown;
} seen;

static void collect(const case_row *row, void *ud) {
  seen *s = ud;
  rval v = decide(s->kleene, s->op, row);
  if (v == RV_UNKNOWN) s->unknown = true;
  else s->vals |= (uint64_t)1 << v;
}

/* Returns whether the row's outcome was decided "even if". */
static bool check_row(const pack *p, eval_ctx *c, eval_ctx *kleene, eval_ctx *fast, int op, th_row *r, int *serial) {
  rval v = decide(c, op, &r->row);
  bool even_if = v != RV_UNKNOWN && decide(kleene, op, &r->row) == RV_UNKNOWN;
  /* the csv path gives the same outcome; a new number makes it a new row
   * for the values-only memo, which knows rows by address, number and line */
  r->row.number = ++*serial;
  assert_int_equal(decide(fast, op, &r->row), v);
  seen all = {kleene, op, 0, false};
  fill(p, r, 0, NULL, collect, &all);
  if (v != RV_UNKNOWN) {
    /* decided: every completion gives the same value */
    assert_false(all.unknown);
    assert_int_equal(all.vals, (uint64_t)1 << v);
    return even_if;
  }
  /* unknown: the completions disagree, or some leave it open */
  assert_true(all.unknown || (all.vals & (all.vals - 1)) != 0);
  const eval_deciding_fact *d;
  bool cut;
  int nd = eval_deciding(c, &d, &cut);
  assert_false(cut);
  bool listed[TH_MAX] = {false};
  for (int i = 0; i < nd; i++) {
    assert_int_equal(r->facts[d[i].fact].v, RV_UNKNOWN);
    listed[d[i].fact] = true;
  }
  /* each answer listed is the outcome that answer gives */
  eval_deciding_fact copy[TH_MAX];
  memcpy(copy, d, sizeof *d * (size_t)nd);
  for (int i = 0; i < nd; i++) {
    for (int x = 0; x < copy[i].nanswers; x++) {
      r->facts[copy[i].fact].v = (rval)x;
      assert_int_equal(decide(c, op, &r->row), copy[i].outcome[x]);
    }
    r->facts[copy[i].fact].v = RV_UNKNOWN;
  }
  /* where some completion decides it, filling in the listed facts can */
  if (all.vals) {
    seen part = {c, op, 0, false};
    fill(p, r, 0, listed, collect, &part);
    assert_true(part.vals != 0);
  }
  return false;
}

/* ---- what-if chains ------------------------------------------------------------ */

static void check_chains(const pack *p, eval_ctx *c, int op, const case_row *row, const whatif_search *ws) {
  whatif_rowbuf b;
  whatif_rowbuf_init(&b, p, row);
  rval before[TH_MAX], now[TH_MAX], scratch[TH_MAX];
  decide(c, op, row);
  for (int n = 0; n < p->nnodes; n++)
    before[n] = eval_node_state(c, n) == NODE_NOT_REACHED ? RV_UNKNOWN : eval_node_value(c, n);
  for (int t = 0; t < ws->ntargets; t++) {
    for (int h = 0; h < ws->targets[t].nhits; h++) {
      const whatif_hit *hit = &ws->targets[t].hits[h];
      whatif_rowbuf_apply(&b, row, hit->changes, hit->nchanges);
      decide(c, op, &b.row);
      for (int n = 0; n < p->nnodes; n++)
        now[n] = eval_node_state(c, n) == NODE_NOT_REACHED ? RV_UNKNOWN : eval_node_value(c, n);
      for (int i = 0; i + 1 < hit->npath; i++) {
        const whatif_step *up = &hit->path[i], *down = &hit->path[i + 1];
        /* the step names the values the evaluation gives */
        assert_int_equal(up->to, now[up->node]);
        /* never through an unknown to a decided parent */
        if (up->to != RV_UNKNOWN) assert_int_not_equal(down->to, RV_UNKNOWN);
        /* justified by the parent's rule: without the child's change the
         * parent's value would differ, or the child's change alone gives it */
        rval ref = eval_rule_given(p, op, up->node, &b.row, now);
        if (ref == EVAL_NOT_GIVEN || ref != up->to) continue; /* decided "even if" at the parent itself */
        rval keep = now[down->node];
        now[down->node] = before[down->node];
        bool cause = eval_rule_given(p, op, up->node, &b.row, now) != up->to;
        now[down->node] = keep;
        memcpy(scratch, before, sizeof *scratch * (size_t)p->nnodes);
        scratch[down->node] = now[down->node];
        bool alone = eval_rule_given(p, op, up->node, &b.row, scratch) == up->to;
        if (!cause && !alone) fail_msg("chain step %s -> %s is not justified", p->nodes[up->node].name, p->nodes[down->node].name);
      }
    }
  }
  whatif_rowbuf_free(&b);
}

/* The interview over every opinion, answered from the row (a blank is
 * answered "unknown"): it must end where the row itself is decided. */
static void check_interview(const pack *p, eval_ctx *c, const case_row *truth) {
  int ops[NNODES + 1], nops = pack_opinions_in_force(p, -1, ops);
  interview *iv = interview_new(p, ops, nops, NULL, 0);
  bool asked[NFACTS] = {false};
  int f;
  err *e = NULL;
  while (interview_next(iv, &f, &e) == 0 && f >= 0) {
    assert_false(asked[f]);
    asked[f] = true;
    rval v = truth->facts[f].v;
    const char *text = v == RV_UNKNOWN ? "" : p->facts[f].type == FACT_ENUM ? p->facts[f].values[v] : v == RV_YES ? "yes" : "no";
    assert_int_equal(interview_answer(iv, f, text, &e), 0);
  }
  assert_null(e);
  interview_result res[NNODES + 1];
  assert_int_equal(interview_results(iv, res, &e), 0);
  for (int k = 0; k < nops; k++) {
    assert_int_equal(eval_row(c, ops[k], truth, &e), 0);
    if (eval_outcome(c) != res[k].outcome)
      fail_msg("opinion %s: the interview ends with %s, the row has %s", p->opinions[ops[k]].name,
               res[k].outcome_name, pack_node_value_name(&p->nodes[p->opinions[ops[k]].decides], eval_outcome(c)));
    const char *d = eval_disposition(c);
    assert_true(d == res[k].disposition || (d && res[k].disposition && strcmp(d, res[k].disposition) == 0));
  }
  interview_free(iv);
}

static void test_generated_packs(void **state) {
  th_dir *dir = *state;
  gen g = {0x5eed, NULL, 0, 0};
  long rows = 0, decided_even_if = 0, chains = 0, interviews = 0;
  int serial = 0;
  for (int k = 0; k < PACKS; k++) {
    pack *p = th_pack(dir->path, gen_pack(&g));
    eval_ctx *c = eval_new(p), *kleene = eval_new(p), *fast = eval_new(p);
    eval_settle(kleene, EVAL_SETTLE_NONE, 0);
    eval_values_only(fast, true);
    for (int i = 0; i < ROWS; i++) {
      th_row r;
      gen_row(&g, p, &r);
      for (int op = 0; op < p->nopinions; op++) {
        decided_even_if += check_row(p, c, kleene, fast, op, &r, &serial);
        rows++;
        if (op == 0 && i % 3 == 0) {
          check_interview(p, c, &r.row);
          interviews++;
        }
        if (i % 4 == 0) {
          whatif_options o = {2000};
          whatif_result *res = NULL;
          err *e = NULL;
          assert_int_equal(whatif_row(p, op, &r.row, &o, &res, &e), 0);
          check_chains(p, c, op, &r.row, &res->changes);
          if (res->has_answers) check_chains(p, c, op, &r.row, &res->answers);
          chains += res->changes.ntargets;
          whatif_free(res);
        }
      }
    }
    eval_free(c);
    eval_free(kleene);
    eval_free(fast);
    pack_free(p);
  }
  free(g.buf);
  /* the generator must exercise what it tests */
  assert_int_equal(rows, (long)PACKS * ROWS * NNODES);
  assert_true(decided_even_if > rows / 50);
  assert_true(chains > 0);
  assert_int_equal(interviews, (long)PACKS * ((ROWS + 2) / 3));
}

/* ---- the shipped library ------------------------------------------------------- */

static int blanks(const pack *p, const case_row *row) {
  int n = 0;
  for (int f = 0; f < p->nfacts; f++)
    n += row->facts[f].v == RV_UNKNOWN && (p->facts[f].type == FACT_YESNO || p->facts[f].type == FACT_ENUM);
  return n;
}

/* Every row of the shipped case files under every opinion: the even-if
 * properties where the blanks are few enough to enumerate, and every
 * what-if chain. */
static void check_library(const char *pack_dir, const char *const *files, int nfiles, long *rows) {
  err *e = NULL;
  pack *p = pack_load(pack_dir, NULL, &e);
  if (!p) {
    err_print(e, stderr);
    fail_msg("the shipped pack %s does not load", pack_dir);
  }
  eval_ctx *c = eval_new(p), *kleene = eval_new(p), *fast = eval_new(p);
  eval_settle(kleene, EVAL_SETTLE_NONE, 0);
  eval_values_only(fast, true);
  int serial = 0;
  for (int i = 0; i < nfiles; i++) {
    case_reader *cr = cases_open(p, files[i], &e);
    if (!cr) fail_msg("cannot read %s", files[i]);
    case_row row;
    while (cases_next(cr, &row, &e) == 1) {
      th_row r;
      th_row_init(&r, p, "lib");
      memcpy(r.facts, row.facts, sizeof *row.facts * (size_t)p->nfacts);
      memcpy(r.findings, row.findings, sizeof *row.findings * (size_t)p->nnodes);
      memcpy(r.has_finding, row.has_finding, sizeof *row.has_finding * (size_t)p->nnodes);
      for (int op = 0; op < p->nopinions; op++) {
        if (blanks(p, &r.row) <= 10) check_row(p, c, kleene, fast, op, &r, &serial);
        whatif_options o = {4000};
        whatif_result *res = NULL;
        assert_int_equal(whatif_row(p, op, &r.row, &o, &res, &e), 0);
        check_chains(p, c, op, &r.row, &res->changes);
        if (res->has_answers) check_chains(p, c, op, &r.row, &res->answers);
        whatif_free(res);
        (*rows)++;
      }
    }
    cases_close(cr);
  }
  eval_free(c);
  eval_free(kleene);
  eval_free(fast);
  pack_free(p);
}

static void test_shipped_library(void **state) {
  (void)state;
  long rows = 0;
  /* every case file the shipped packs list */
  static const char *const packs[] = {"rules/due_process", "rules/negligence", "docs/examples/even_if"};
  for (size_t i = 0; i < sizeof packs / sizeof *packs; i++) {
    err *e = NULL;
    pack *p = pack_load(packs[i], NULL, &e);
    if (!p) fail_msg("the shipped pack %s does not load", packs[i]);
    assert_true(p->ncases > 0);
    check_library(packs[i], (const char *const *)p->cases, p->ncases, &rows);
    pack_free(p);
  }
  assert_true(rows > 500);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_generated_packs, th_dir_setup, th_dir_teardown),
      cmocka_unit_test(test_shipped_library),
  };
  return cmocka_run_group_tests_name("even_if", tests, NULL, NULL);
}
