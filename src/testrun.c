/* testrun: expectations of case files, checked row by row. */
#include "testrun.h"

#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "eval.h"
#include "expectation.h"

static const char *node_value_text(const pack *p, const eval_ctx *c, int n) {
  if (eval_node_state(c, n) == NODE_NOT_REACHED) return "not_reached";
  return pack_node_value_name(&p->nodes[n], eval_node_value(c, n));
}

/* The nodes that led to a node's value: from it, down through the first
 * reached child that did not simply hold, as a reader would look for why. */
static void build_chain(const pack *p, const eval_ctx *c, int n, test_result *r) {
  r->nchain = 0;
  while (n >= 0 && r->nchain < TEST_CHAIN_MAX) {
    test_link *l = &r->chain[r->nchain++];
    node_state st = eval_node_state(c, n);
    l->node = p->nodes[n].name;
    l->value = st == NODE_NOT_REACHED ? "not reached" : pack_node_value_name(&p->nodes[n], eval_node_value(c, n));
    l->how = st == NODE_FOUND ? "found below"
             : eval_node_set_aside(c, n) ? "finding set aside"
             : eval_node_open(c, n) ? "left open" : NULL;
    if (st != NODE_DERIVED) break;
    const int *kids;
    int nk = eval_node_kids(c, n, &kids);
    int next = -1, last = -1;
    for (int i = 0; i < nk; i++) {
      if (eval_node_state(c, kids[i]) == NODE_NOT_REACHED) continue;
      last = kids[i];
      if (eval_node_value(c, kids[i]) != RV_YES || p->nodes[kids[i]].valued) {
        next = kids[i];
        break;
      }
    }
    n = next >= 0 ? next : last;
  }
}

struct testrun {
  const pack *p;
  const test_options *opts;
  eval_ctx *ec;
  const char *file;             /* the current file's name */
  const case_expect_col *cols;  /* and its expectation columns */
  int ncols;
};

testrun *testrun_new(const pack *p, const test_options *opts) {
  testrun *t = xcalloc(1, sizeof *t);
  t->p = p;
  t->opts = opts;
  t->ec = eval_new(p);
  return t;
}

void testrun_file(testrun *t, const case_reader *cr) {
  t->file = cases_name(cr);
  t->cols = cases_expect_cols(cr, &t->ncols);
}

void testrun_row(testrun *t, const case_row *row, test_emit emit, void *ud) {
  const pack *p = t->p;
  const test_options *opts = t->opts;
  eval_ctx *ec = t->ec;
  const case_expect_col *cols = t->cols;
  int ncols = t->ncols;
  err *re = NULL;
  test_result r;
  if (p->nrule_functions > 0) sandbox_start_row(p->sb); /* --max-time is per row */
  for (int k = 0; k < opts->nopinions; k++) {
    int op = opts->opinions[k];
    const pack_opinion *o = &p->opinions[op];
    bool any = false;
    for (int i = 0; i < ncols; i++) any |= row->expect[i] && (cols[i].opinion < 0 || cols[i].opinion == op);
    if (!any && !opts->cov) continue;
    int ok = eval_row(ec, op, row, &re);
    if (ok == 0 && opts->cov) coverage_add(opts->cov, ec);
    for (int i = 0; i < ncols; i++) {
      const case_expect_col *col = &cols[i];
      if (!row->expect[i] || (col->opinion >= 0 && col->opinion != op)) continue;
      memset(&r, 0, sizeof r);
      r.file = t->file;
      r.line = row->line;
      r.row_id = row->id;
      r.opinion = o->name;
      r.expected = row->expect[i];
      r.target = col->kind == EXPECT_OUTCOME ? "outcome"
                 : col->kind == EXPECT_DISPOSITION ? "disposition" : p->nodes[col->node].name;
      if (ok != 0) {
        r.error = re;
      } else {
        int n = col->kind == EXPECT_OUTCOME ? o->decides : col->kind == EXPECT_NODE ? col->node : o->disposition_node;
        bool outside = eval_outside(ec) >= 0;
        if (outside) {
          r.got = col->kind == EXPECT_NODE ? "not_reached" : "outside";
          n = -1; /* nothing was reached: no chain */
        } else if (col->kind == EXPECT_DISPOSITION) {
          r.got = eval_disposition(ec);
          if (!r.got) r.problem = "the opinion gives no disposition";
        } else {
          r.got = node_value_text(p, ec, n);
        }
        if (!r.problem) r.problem = expectation_problem(p, col, op, r.expected);
        r.pass = !r.problem && r.got && expectation_same(r.expected, r.got);
        if (!r.pass && n >= 0) build_chain(p, ec, n, &r);
      }
      emit(ud, &r);
    }
    if (ok != 0) {
      err_free(re);
      re = NULL;
    }
  }
}

void testrun_free(testrun *t) {
  if (!t) return;
  eval_free(t->ec);
  free(t);
}
