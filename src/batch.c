/* batch: the streaming loop from case rows to rendered results. */
#include "batch.h"

#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "explain.h"

int batch_run(const pack *p, const char *cases_path, const batch_options *opts, renderer *r,
              render_summary *sum, err **e) {
  memset(sum, 0, sizeof *sum);
  case_reader *cr = cases_open(p, cases_path, e);
  if (!cr) return -1;
  int rc = 0;
  eval_ctx *ec = eval_new(p);
  explain_tree **trees = xcalloc((size_t)opts->nopinions + 1, sizeof *trees);
  for (int i = 0; i < opts->nopinions; i++) trees[i] = explain_new(p);
  r->source = cases_name(cr);
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
    if (got == 2) {
      r->row_error(r, &row, re);
      err_free(re);
      sum->failed++;
      continue;
    }
    bool unknown = false, failed = false;
    for (int i = 0; i < opts->nopinions && !failed; i++) {
      if (eval_row(ec, opts->opinions[i], &row, &re) != 0) {
        failed = true;
        break;
      }
      explain_build(trees[i], ec, &row);
      unknown |= eval_outcome(ec) == RV_UNKNOWN;
    }
    if (failed) {
      r->row_error(r, &row, re);
      err_free(re);
      sum->failed++;
      continue;
    }
    r->row(r, &row, trees, opts->nopinions);
    if (unknown) sum->undecided++;
    else sum->decided++;
  }
  if (rc == 0 && opts->row_id && !row_found) {
    *e = err_hint(err_new(cases_name(cr), 0, 0, "no row has the id '%s'", opts->row_id),
                  "ids are in the file's id column");
    rc = -1;
  }
  if (rc == 0) r->end(r, sum);
  for (int i = 0; i < opts->nopinions; i++) explain_free(trees[i]);
  free(trees);
  eval_free(ec);
  cases_close(cr);
  return rc;
}
