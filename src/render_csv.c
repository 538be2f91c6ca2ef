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
  char *line;      /* rows not yet written, reused */
  size_t len, cap;
  char ***outcome; /* per opinion, per value + 1 (0: unknown): ",name" */
  size_t **outcome_len;
  bool outcome_only;   /* the columns are the outcome alone */
  size_t *outcome_max; /* per opinion, its longest ",name" */
} csv_state;

#define FLUSH_AT 65536

/* Room for n more bytes and a line end after the first len. */
static void reserve(csv_state *st, size_t len, size_t n) {
  if (len + n + 2 <= st->cap) return;
  while (len + n + 2 > st->cap) st->cap = st->cap ? st->cap * 2 : 256;
  st->line = xrealloc(st->line, st->cap);
}

static void put(csv_state *st, size_t *len, const char *s, size_t n) {
  reserve(st, *len, n);
  memcpy(st->line + *len, s, n);
  *len += n;
}

/* Rows collect in one buffer, written in large pieces. */
static void csv_flush(renderer *r) {
  csv_state *st = r->state;
  if (st->len) fwrite(st->line, 1, st->len, r->out);
  st->len = 0;
}

/* A field quoted only when it must be: a comma, quote or line break. */
static void put_field(csv_state *st, size_t *len, const char *s) {
  size_t n = strcspn(s, ",\"\r\n");
  if (s[n] == '\0') {
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

static void csv_row(renderer *r, const case_row *row, const render_result *res, int n);

static void csv_item(renderer *r, const render_item *it) { csv_row(r, it->row, it->results, it->n); }

static void csv_row(renderer *r, const case_row *row, const render_result *res, int n) {
  csv_state *st = r->state;
  size_t len = st->len;
  put_field(st, &len, row->id);
  bool failed = false; /* or outside the pack: either way, not the common case */
  size_t most = 0;
  for (int i = 0; i < n; i++) {
    failed |= res[i].error != NULL || res[i].outside >= 0;
    most += st->outcome_max[res[i].opinion];
  }
  if (st->outcome_only && !failed) {
    /* the common case: each opinion's ",outcome", made once */
    reserve(st, len, most);
    for (int i = 0; i < n; i++) {
      int v = res[i].outcome + 1;
      size_t m = st->outcome_len[res[i].opinion][v];
      memcpy(st->line + len, st->outcome[res[i].opinion][v], m);
      len += m;
    }
  }
  for (int i = 0; i < n && !(st->outcome_only && !failed); i++) {
    int node_k = 0;
    if (res[i].error) {
      /* this opinion's rule failed on the row; its error goes to diag */
      for (int k = 0; k < st->ncols; k++) put(st, &len, ",error", 6);
      err_print(res[i].error, r->diag);
      continue;
    }
    if (res[i].outside >= 0) {
      /* outside the pack: every column says so (nodes are not reached) */
      for (int k = 0; k < st->ncols; k++)
        if (st->cols[k].kind == COLUMN_NODE) put(st, &len, ",not_reached", 12);
        else put(st, &len, ",outside", 8);
      continue;
    }
    for (int k = 0; k < st->ncols; k++) {
      const render_column *c = &st->cols[k];
      if (c->kind == COLUMN_OUTCOME) {
        int v = res[i].outcome + 1;
        put(st, &len, st->outcome[res[i].opinion][v], st->outcome_len[res[i].opinion][v]);
        continue;
      }
      const char *v = c->kind == COLUMN_DISPOSITION ? (res[i].disposition ? res[i].disposition : "")
                                                    : res[i].values[node_k++];
      put(st, &len, ",", 1);
      put(st, &len, v, strlen(v));
    }
  }
  st->line[len++] = '\n';
  st->len = len;
  if (len >= FLUSH_AT) csv_flush(r);
}

static void csv_row_error(renderer *r, const case_row *row, const err *e) {
  csv_state *st = r->state;
  size_t len = st->len;
  put_field(st, &len, row->id);
  for (int i = 0; i < r->nopinions * st->ncols; i++) put(st, &len, ",error", 6);
  st->line[len++] = '\n';
  st->len = len;
  if (len >= FLUSH_AT) csv_flush(r);
  err_print(e, r->diag);
}

static void csv_end(renderer *r, const render_summary *s) {
  csv_flush(r);
  render_summary_line(r->diag, s);
}

static void csv_free(renderer *r) {
  csv_state *st = r->state;
  for (int o = 0; o < r->p->nopinions; o++) {
    int nv = r->p->nodes[r->p->opinions[o].decides].nvalues;
    for (int v = 0; v <= nv; v++) free(st->outcome[o][v]);
    free(st->outcome[o]);
    free(st->outcome_len[o]);
  }
  free(st->outcome);
  free(st->outcome_len);
  free(st->outcome_max);
  free(st->cols);
  free(st->node_cols);
  free(st->line);
  free(st);
}

renderer *render_csv_new(const render_setup *s) {
  const pack *p = s->p;
  const render_column *cols = s->columns;
  int ncols = s->ncolumns;
  csv_state *st = xcalloc(1, sizeof *st);
  static const render_column outcome_only = {COLUMN_OUTCOME, -1};
  if (ncols == 0) {
    cols = &outcome_only;
    ncols = 1;
  }
  st->cols = xcalloc((size_t)ncols, sizeof *st->cols);
  memcpy(st->cols, cols, sizeof *cols * (size_t)ncols);
  st->ncols = ncols;
  st->outcome_only = ncols == 1 && cols[0].kind == COLUMN_OUTCOME;
  st->node_cols = xcalloc((size_t)ncols, sizeof *st->node_cols);
  for (int k = 0; k < ncols; k++)
    if (cols[k].kind == COLUMN_NODE) st->node_cols[st->nnode_cols++] = cols[k].node;
  /* ",value" for every outcome of every opinion, made once */
  st->outcome = xcalloc((size_t)p->nopinions + 1, sizeof *st->outcome);
  st->outcome_len = xcalloc((size_t)p->nopinions + 1, sizeof *st->outcome_len);
  st->outcome_max = xcalloc((size_t)p->nopinions + 1, sizeof *st->outcome_max);
  for (int o = 0; o < p->nopinions; o++) {
    const pack_node *d = &p->nodes[p->opinions[o].decides];
    st->outcome[o] = xcalloc((size_t)d->nvalues + 1, sizeof *st->outcome[o]);
    st->outcome_len[o] = xcalloc((size_t)d->nvalues + 1, sizeof *st->outcome_len[o]);
    for (int v = -1; v < d->nvalues; v++) {
      st->outcome[o][v + 1] = xasprintf(",%s", pack_node_value_name(d, (rval)v));
      st->outcome_len[o][v + 1] = strlen(st->outcome[o][v + 1]);
      if (st->outcome_len[o][v + 1] > st->outcome_max[o]) st->outcome_max[o] = st->outcome_len[o][v + 1];
    }
  }
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = st, .wants_tree = false,
                  .node_columns = st->node_cols, .nnode_columns = st->nnode_cols,
                  .begin = csv_begin, .item = csv_item, .row_error = csv_row_error, .end = csv_end,
                  .flush = csv_flush, .free = csv_free};
  return r;
}
