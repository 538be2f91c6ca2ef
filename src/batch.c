/* batch: the streaming loop from case rows to rendered results. */
#include "batch.h"

#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "explain.h"

/* Per-opinion result storage, reused from row to row. */
typedef struct slots {
  render_result *res;
  explain_tree **trees;
  const char **values; /* nopinions * ncolumns */
} slots;

static void slots_init(slots *s, const pack *p, const renderer *r, int nops) {
  s->res = xcalloc((size_t)nops + 1, sizeof *s->res);
  s->trees = xcalloc((size_t)nops + 1, sizeof *s->trees);
  s->values = xcalloc((size_t)(nops * r->nnode_columns) + 1, sizeof *s->values);
  for (int i = 0; i < nops; i++) {
    if (r->wants_tree) s->trees[i] = explain_new(p);
    s->res[i].tree = s->trees[i];
    s->res[i].values = s->values + i * r->nnode_columns;
  }
}

static void slots_free(slots *s, int nops) {
  for (int i = 0; i < nops; i++) explain_free(s->trees[i]);
  free(s->trees);
  free(s->res);
  free(s->values);
}

/* Decide one row under every opinion into s. Returns 0, or -1 with *e. */
static int decide(const pack *p, eval_ctx *ec, const renderer *r, const batch_options *opts,
                  const case_row *row, slots *s, bool *unknown, err **e) {
  *unknown = false;
  for (int i = 0; i < opts->nopinions; i++) {
    int op = opts->opinions[i];
    if (eval_row(ec, op, row, e) != 0) return -1;
    render_result *res = &s->res[i];
    res->opinion = op;
    res->outcome = eval_outcome(ec);
    res->outcome_name = pack_node_value_name(&p->nodes[p->opinions[op].decides], res->outcome);
    res->disposition = eval_disposition(ec);
    const char **vals = s->values + i * r->nnode_columns;
    for (int k = 0; k < r->nnode_columns; k++) {
      int n = r->node_columns[k];
      vals[k] = eval_node_state(ec, n) == NODE_NOT_REACHED ? "not_reached"
                                                           : pack_node_value_name(&p->nodes[n], eval_node_value(ec, n));
    }
    if (r->wants_tree) explain_build(s->trees[i], ec, row);
    *unknown |= res->outcome == RV_UNKNOWN;
  }
  return 0;
}

int batch_run(const pack *p, const char *cases_path, const batch_options *opts, renderer *r,
              render_summary *sum, err **e) {
  memset(sum, 0, sizeof *sum);
  case_reader *cr = cases_open(p, cases_path, e);
  if (!cr) return -1;
  int rc = 0;
  eval_ctx *ec = eval_new(p);
  /* outcomes alone need no record of how each node was decided */
  eval_values_only(ec, !r->wants_tree && r->nnode_columns == 0);
  slots s;
  slots_init(&s, p, r, opts->nopinions);
  r->source = cases_name(cr);
  r->opinions = opts->opinions;
  r->nopinions = opts->nopinions;
  r->begin(r);
  bool row_found = false;
  for (;;) {
    case_row row;
    err *re = NULL;
    int got = cases_next(cr, &row, &re);
    if (got == 0) break;
    if (got < 0) {
      /* the file itself is broken past this point: stop, and say so */
      *e = re;
      rc = -1;
      break;
    }
    if (opts->row_id && strcmp(row.id, opts->row_id) != 0) {
      err_free(re);
      continue;
    }
    row_found = true;
    sum->read++;
    bool unknown = false;
    if (got == 2 || decide(p, ec, r, opts, &row, &s, &unknown, &re) != 0) {
      r->row_error(r, &row, re);
      err_free(re);
      sum->failed++;
      continue;
    }
    r->row(r, &row, s.res, opts->nopinions);
    if (unknown) sum->undecided++;
    else sum->decided++;
  }
  if (rc == 0 && opts->row_id && !row_found) {
    *e = err_hint(err_new(cases_name(cr), 0, 0, "no row has the id '%s'", opts->row_id),
                  "ids are in the file's id column");
    rc = -1;
  }
  if (rc == 0) r->end(r, sum);
  slots_free(&s, opts->nopinions);
  eval_free(ec);
  cases_close(cr);
  return rc;
}
