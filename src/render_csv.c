/* render_csv: one line per row for spreadsheets and pipelines:
 * id, then each opinion's columns (by default its outcome). */
#include "render.h"

#include <stdlib.h>
#include <string.h>

typedef struct csv_state {
  render_column *cols;
  int ncols;
  int *node_cols;  /* the COLUMN_NODE nodes, for the batch */
  int nnode_cols;
  char *line;      /* reused line buffer */
  size_t cap;
} csv_state;

static void put(csv_state *st, size_t *len, const char *s, size_t n) {
  if (*len + n + 2 > st->cap) {
    while (*len + n + 2 > st->cap) st->cap = st->cap ? st->cap * 2 : 256;
    st->line = xrealloc(st->line, st->cap);
  }
  memcpy(st->line + *len, s, n);
  *len += n;
}

/* A field quoted only when it must be: a comma, quote or line break. */
static void put_field(csv_state *st, size_t *len, const char *s) {
  size_t n = strlen(s);
  if (strcspn(s, ",\"\r\n") == n) {
    put(st, len, s, n);
    return;
  }
  put(st, len, "\"", 1);
  for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
    put(st, len, s, (size_t)(q - s) + 1);
    put(st, len, "\"", 1);
  }
  put(st, len, s, strlen(s));
  put(st, len, "\"", 1);
}

static void csv_begin(renderer *r) {
  csv_state *st = r->state;
  const pack *p = r->p;
  fputs("id", r->out);
  for (int i = 0; i < r->nopinions; i++) {
    const char *op = p->opinions[r->opinions[i]].name;
    for (int k = 0; k < st->ncols; k++) {
      const render_column *c = &st->cols[k];
      if (c->kind == COLUMN_OUTCOME) fprintf(r->out, ",%s", op);
      else if (c->kind == COLUMN_DISPOSITION) fprintf(r->out, ",%s.disposition", op);
      else fprintf(r->out, ",%s.%s", op, p->nodes[c->node].name);
    }
  }
  fputc('\n', r->out);
}

static void csv_row(renderer *r, const case_row *row, const render_result *res, int n) {
  csv_state *st = r->state;
  size_t len = 0;
  put_field(st, &len, row->id);
  for (int i = 0; i < n; i++) {
    int node_k = 0;
    for (int k = 0; k < st->ncols; k++) {
      const render_column *c = &st->cols[k];
      const char *v = c->kind == COLUMN_OUTCOME ? res[i].outcome_name
                      : c->kind == COLUMN_DISPOSITION ? (res[i].disposition ? res[i].disposition : "")
                                                      : res[i].values[node_k++];
      put(st, &len, ",", 1);
      put(st, &len, v, strlen(v));
    }
  }
  st->line[len++] = '\n';
  fwrite(st->line, 1, len, r->out);
}

static void csv_row_error(renderer *r, const case_row *row, const err *e) {
  csv_state *st = r->state;
  size_t len = 0;
  put_field(st, &len, row->id);
  for (int i = 0; i < r->nopinions * st->ncols; i++) put(st, &len, ",error", 6);
  st->line[len++] = '\n';
  fwrite(st->line, 1, len, r->out);
  err_print(e, r->diag);
}

static void csv_end(renderer *r, const render_summary *s) { render_summary_line(r->diag, s); }

static void csv_free(renderer *r) {
  csv_state *st = r->state;
  free(st->cols);
  free(st->node_cols);
  free(st->line);
  free(st);
}

renderer *render_csv_new(FILE *out, const pack *p, const char *source, const render_column *cols,
                         int ncols, FILE *diag) {
  csv_state *st = xcalloc(1, sizeof *st);
  static const render_column outcome_only = {COLUMN_OUTCOME, -1};
  if (ncols == 0) {
    cols = &outcome_only;
    ncols = 1;
  }
  st->cols = xcalloc((size_t)ncols, sizeof *st->cols);
  memcpy(st->cols, cols, sizeof *cols * (size_t)ncols);
  st->ncols = ncols;
  st->node_cols = xcalloc((size_t)ncols, sizeof *st->node_cols);
  for (int k = 0; k < ncols; k++)
    if (cols[k].kind == COLUMN_NODE) st->node_cols[st->nnode_cols++] = cols[k].node;
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.out = out, .diag = diag, .p = p, .source = source, .state = st, .wants_tree = false,
                  .node_columns = st->node_cols, .nnode_columns = st->nnode_cols,
                  .begin = csv_begin, .row = csv_row, .row_error = csv_row_error, .end = csv_end,
                  .free = csv_free};
  return r;
}
