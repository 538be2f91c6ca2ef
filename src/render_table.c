/* render_table: decision tables, one grid per outcome. */
#include "render_table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "html.h"
#include "reach.h"
#include "render.h"
#include "render_jansson.h"

#define TABLE_SCHEMA "ratio.table/1"


static const char *value_name(const pack_fact *f, int v) {
  return f->type == FACT_YESNO ? value_yesno_name((rval)v) : f->values[v];
}

const char *render_table_cell(const table *t, int row, int var, char *buf, size_t bufsz) {
  const pack_fact *f = &t->p->facts[t->vars[var]];
  uint64_t m = table_cell(t, row, var), full = table_full_mask(t, var);
  int nv = reach_nvalues(f);
  if (m == full) return "-";
  size_t len = 0;
  buf[0] = '\0';
  if (__builtin_popcountll(full & ~m) == 1 && nv > 2) {
    snprintf(buf, bufsz, "not %s", value_name(f, __builtin_ctzll(full & ~m)));
    return buf;
  }
  for (int v = 0; v < nv; v++) {
    if (!((m >> v) & 1)) continue;
    int w = snprintf(buf + len, bufsz - len, "%s%s", len ? "|" : "", value_name(f, v));
    if (w < 0 || (size_t)w >= bufsz - len) break;
    len += (size_t)w;
  }
  return buf;
}

/* "Due process claim = yes", or with two opinions "majority: no, blackmun: yes". */
static void class_name(FILE *out, const table *t, const table_class *c) {
  const pack *p = t->p;
  char b[128], tb[128];
  const pack_node *da = &p->nodes[p->opinions[t->op_a].decides];
  if (t->op_b < 0) {
    fprintf(out, "%s = %s", explain_node_title(da, tb, sizeof tb), render_spaced(pack_node_value_name(da, c->a), b, sizeof b));
    return;
  }
  const pack_node *db = &p->nodes[p->opinions[t->op_b].decides];
  fprintf(out, "%s: %s", p->opinions[t->op_a].name, render_spaced(pack_node_value_name(da, c->a), b, sizeof b));
  fprintf(out, ", %s: %s", p->opinions[t->op_b].name, render_spaced(pack_node_value_name(db, c->b), b, sizeof b));
}

/* Columns that some row of the class constrains. */
static int class_columns(const table *t, const table_class *c, int *cols) {
  int n = 0;
  for (int v = 0; v < t->nvars; v++) {
    bool used = false;
    for (int r = c->row0; r < c->row0 + c->nrows && !used; r++) used = table_cell(t, r, v) != table_full_mask(t, v);
    if (used) cols[n++] = v;
  }
  return n;
}

static void opinion_line(FILE *out, const pack *p, int op) {
  const pack_opinion *o = &p->opinions[op];
  fputs(o->name, out);
  if (o->author || o->role || o->date) {
    fputs(" (", out);
    int k = 0;
    if (o->author) fprintf(out, "%s%s", k++ ? ", " : "", o->author);
    if (o->role) fprintf(out, "%s%s", k++ ? ", " : "", o->role);
    if (o->date) fprintf(out, "%s%s", k++ ? ", " : "", o->date);
    fputc(')', out);
  }
}

static void text_table(FILE *out, const table *t, bool md) {
  const pack *p = t->p;
  char tb[128];
  fputs(md ? "## Decision table: " : "Decision table: ", out);
  opinion_line(out, p, t->op_a);
  if (t->op_b >= 0) {
    fputs(" vs ", out);
    opinion_line(out, p, t->op_b);
  }
  fputs(md ? "\n\n" : "\n", out);
  fprintf(out, "Decides: %s. ", explain_node_title(&p->nodes[p->opinions[t->op_a].decides], tb, sizeof tb));
  fprintf(out, "Space: %d yes/no and one-of facts, %.0f combinations, every fact answered; split into %d pieces by %ld evaluations.\n",
          t->nvars, t->space, t->npieces, t->evals);
  if (md) fputc('\n', out);
  if (t->nleft_out) {
    fputs("Left out (number, date or text facts, held unknown): ", out);
    for (int i = 0; i < t->nleft_out; i++) fprintf(out, "%s%s", i ? ", " : "", p->facts[t->left_out[i]].name);
    fputs(".\n", out);
    if (md) fputc('\n', out);
  }
  if (t->lua) {
    fputs("A rule function is reachable: every fact of the pack counts as readable.\n", out);
    if (md) fputc('\n', out);
  }
  if (p->noutside) {
    /* the table is the opinions' rules; the pack's scope is a test apart */
    fputs("Rows the pack puts outside its scope (", out);
    for (int i = 0; i < p->noutside; i++) fprintf(out, "%s%s", i ? ", " : "", p->outside[i].name);
    fputs(") are decided by no opinion; the table shows how the rules would decide the rest.\n", out);
    if (md) fputc('\n', out);
  }
  fputs("'-' means any value; 'a|b' either value. Facts no rule reads are not columns.\n", out);
  if (t->op_b >= 0) {
    fprintf(out, "The opinions agree on %.0f of %.0f combinations; they disagree on %.0f, below.\n", t->agree, t->space,
            t->space - t->agree);
  }
  fputc('\n', out);
  if (t->nclasses == 0) fputs(t->op_b >= 0 ? "They never disagree.\n\n" : "No outcome.\n\n", out);
  int *cols = xcalloc((size_t)t->nvars + 1, sizeof *cols);
  int *w = xcalloc((size_t)t->nvars + 1, sizeof *w);
  char cb[512];
  for (int k = 0; k < t->nclasses; k++) {
    const table_class *c = &t->classes[k];
    if (md) fputs("### ", out);
    class_name(out, t, c);
    fprintf(out, ": %d row%s, %.0f of %.0f combinations\n", c->nrows, c->nrows == 1 ? "" : "s", c->points, t->space);
    if (md) fputc('\n', out);
    int nc = class_columns(t, c, cols);
    if (nc == 0) {
      fputs(md ? "Every combination.\n\n" : "  every combination\n\n", out);
      continue;
    }
    for (int i = 0; i < nc; i++) {
      w[i] = (int)strlen(p->facts[t->vars[cols[i]]].name);
      for (int r = c->row0; r < c->row0 + c->nrows; r++) {
        int l = (int)strlen(render_table_cell(t, r, cols[i], cb, sizeof cb));
        if (l > w[i]) w[i] = l;
      }
    }
    if (md) {
      fputs("| # |", out);
      for (int i = 0; i < nc; i++) fprintf(out, " %s |", p->facts[t->vars[cols[i]]].name);
      fputs("\n| ---: |", out);
      for (int i = 0; i < nc; i++) fputs(" --- |", out);
      fputc('\n', out);
      for (int r = c->row0; r < c->row0 + c->nrows; r++) {
        fprintf(out, "| %d |", r - c->row0 + 1);
        for (int i = 0; i < nc; i++) fprintf(out, " %s |", render_table_cell(t, r, cols[i], cb, sizeof cb));
        fputc('\n', out);
      }
      fputc('\n', out);
      continue;
    }
    fprintf(out, "  %3s", "#");
    for (int i = 0; i < nc; i++) fprintf(out, "  %-*s", i == nc - 1 ? 0 : w[i], p->facts[t->vars[cols[i]]].name);
    fputc('\n', out);
    for (int r = c->row0; r < c->row0 + c->nrows; r++) {
      fprintf(out, "  %3d", r - c->row0 + 1);
      for (int i = 0; i < nc; i++) fprintf(out, "  %-*s", i == nc - 1 ? 0 : w[i], render_table_cell(t, r, cols[i], cb, sizeof cb));
      fputc('\n', out);
    }
    fputc('\n', out);
  }
  free(cols);
  free(w);
}


/* ---- HTML --------------------------------------------------------------------- */

/* The same sentences as the text, escaped, around real tables. */
static void html_table(FILE *out, const table *t) {
  const pack *p = t->p;
  char tb[128], cb[512];
  html_capture c;
  FILE *w = html_capture_open(&c);
  fputs("Decision table: ", w);
  opinion_line(w, p, t->op_a);
  if (t->op_b >= 0) {
    fputs(" vs ", w);
    opinion_line(w, p, t->op_b);
  }
  fputs("<section class=\"opinion\">\n<h2>", out);
  html_capture_put(&c, out);
  fputs("</h2>\n<p>", out);
  w = html_capture_open(&c);
  fprintf(w, "Decides: %s. ", explain_node_title(&p->nodes[p->opinions[t->op_a].decides], tb, sizeof tb));
  fprintf(w, "Space: %d yes/no and one-of facts, %.0f combinations, every fact answered; split into %d pieces by %ld evaluations.",
          t->nvars, t->space, t->npieces, t->evals);
  if (t->nleft_out) {
    fputs(" Left out (number, date or text facts, held unknown): ", w);
    for (int i = 0; i < t->nleft_out; i++) fprintf(w, "%s%s", i ? ", " : "", p->facts[t->left_out[i]].name);
    fputc('.', w);
  }
  if (t->lua) fputs(" A rule function is reachable: every fact of the pack counts as readable.", w);
  if (p->noutside) {
    fputs(" Rows the pack puts outside its scope (", w);
    for (int i = 0; i < p->noutside; i++) fprintf(w, "%s%s", i ? ", " : "", p->outside[i].name);
    fputs(") are decided by no opinion; the table shows how the rules would decide the rest.", w);
  }
  fputs(" '-' means any value; 'a|b' either value. Facts no rule reads are not columns.", w);
  if (t->op_b >= 0)
    fprintf(w, " The opinions agree on %.0f of %.0f combinations; they disagree on %.0f, below.", t->agree, t->space,
            t->space - t->agree);
  html_capture_put(&c, out);
  fputs("</p>\n", out);
  if (t->nclasses == 0) fputs(t->op_b >= 0 ? "<p>They never disagree.</p>\n" : "<p>No outcome.</p>\n", out);
  int *cols = xcalloc((size_t)t->nvars + 1, sizeof *cols);
  for (int k = 0; k < t->nclasses; k++) {
    const table_class *cl = &t->classes[k];
    w = html_capture_open(&c);
    class_name(w, t, cl);
    fprintf(w, ": %d row%s, %.0f of %.0f combinations", cl->nrows, cl->nrows == 1 ? "" : "s", cl->points, t->space);
    fputs("<h3>", out);
    html_capture_put(&c, out);
    fputs("</h3>\n", out);
    int nc = class_columns(t, cl, cols);
    if (nc == 0) {
      fputs("<p>Every combination.</p>\n", out);
      continue;
    }
    fputs("<div class=\"grid-wrap\"><table>\n<thead><tr><th scope=\"col\">#</th>", out);
    for (int i = 0; i < nc; i++) {
      fputs("<th scope=\"col\">", out);
      html_put(out, p->facts[t->vars[cols[i]]].name);
      fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int r = cl->row0; r < cl->row0 + cl->nrows; r++) {
      fprintf(out, "<tr><th scope=\"row\">%d</th>", r - cl->row0 + 1);
      for (int i = 0; i < nc; i++) {
        fputs("<td>", out);
        html_put(out, render_table_cell(t, r, cols[i], cb, sizeof cb));
        fputs("</td>", out);
      }
      fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table></div>\n", out);
  }
  free(cols);
  fputs("</section>\n", out);
}

static json_t *table_json(const table *t) {
  const pack *p = t->p;
  json_t *j = json_object(), *facts = json_array(), *left = json_array(), *classes = json_array();
  json_object_set_new(j, "opinion", json_string(p->opinions[t->op_a].name));
  json_object_set_new(j, "vs", t->op_b >= 0 ? json_string(p->opinions[t->op_b].name) : json_null());
  json_object_set_new(j, "decides", json_string(p->nodes[p->opinions[t->op_a].decides].name));
  for (int v = 0; v < t->nvars; v++) json_array_append_new(facts, json_string(p->facts[t->vars[v]].name));
  json_object_set_new(j, "facts", facts);
  for (int i = 0; i < t->nleft_out; i++) json_array_append_new(left, json_string(p->facts[t->left_out[i]].name));
  json_object_set_new(j, "left_out", left);
  json_object_set_new(j, "rule_function_reachable", json_boolean(t->lua));
  json_object_set_new(j, "combinations", json_real(t->space));
  if (t->op_b >= 0) json_object_set_new(j, "agree", json_real(t->agree));
  json_object_set_new(j, "pieces", json_integer(t->npieces));
  json_object_set_new(j, "evaluations", json_integer(t->evals));
  for (int k = 0; k < t->nclasses; k++) {
    const table_class *c = &t->classes[k];
    json_t *x = json_object(), *rows = json_array();
    const pack_node *da = &p->nodes[p->opinions[t->op_a].decides];
    json_object_set_new(x, "outcome", json_string(pack_node_value_name(da, c->a)));
    if (t->op_b >= 0)
      json_object_set_new(x, "vs_outcome", json_string(pack_node_value_name(&p->nodes[p->opinions[t->op_b].decides], c->b)));
    json_object_set_new(x, "combinations", json_real(c->points));
    for (int r = c->row0; r < c->row0 + c->nrows; r++) {
      json_t *row = json_object();
      for (int v = 0; v < t->nvars; v++) {
        uint64_t m = table_cell(t, r, v);
        if (m == table_full_mask(t, v)) continue;
        const pack_fact *f = &p->facts[t->vars[v]];
        json_t *vals = json_array();
        for (int b = 0; b < reach_nvalues(f); b++)
          if ((m >> b) & 1) json_array_append_new(vals, json_string(value_name(f, b)));
        json_object_set_new(row, f->name, vals);
      }
      json_array_append_new(rows, row);
    }
    json_object_set_new(x, "rows", rows);
    json_array_append_new(classes, x);
  }
  json_object_set_new(j, "outcomes", classes);
  return j;
}

typedef enum { TABLE_TEXT, TABLE_JSON, TABLE_MD, TABLE_HTML } table_format;

/* The whole document: the tables come as one item. */
static void table_item(renderer *r, const render_item *it) {
  table_format f = (table_format)(intptr_t)r->state;
  FILE *out = r->out;
  const pack *p = r->p;
  table *const *tables = it->tables;
  int n = it->n;
  if (f == TABLE_JSON) {
    json_t *top = json_object(), *pk = json_object(), *arr = json_array();
    json_object_set_new(top, "schema", json_string(TABLE_SCHEMA));
    json_object_set_new(pk, "name", render_jstr(p->name));
    json_object_set_new(pk, "title", render_jstr(p->title));
    json_object_set_new(pk, "case", render_jstr(p->case_name));
    json_object_set_new(top, "pack", pk);
    for (int i = 0; i < n; i++) json_array_append_new(arr, table_json(tables[i]));
    json_object_set_new(top, "tables", arr);
    json_dumpf(top, out, RENDER_DUMP_FLAGS | JSON_REAL_PRECISION(17));
    fputc('\n', out);
    json_decref(top);
    return;
  }
  if (f == TABLE_HTML) {
    html_report_begin(out, "decision table", p->name ? p->name : p->dir, p->title ? p->title : p->name ? p->name : p->dir,
                      p->case_name);
    for (int i = 0; i < n; i++) html_table(out, tables[i]);
    html_report_end(out);
    return;
  }
  if (f == TABLE_MD) fprintf(out, "# %s\n\n", p->title ? p->title : p->name ? p->name : p->dir);
  for (int i = 0; i < n; i++) text_table(out, tables[i], f == TABLE_MD);
}

renderer *render_table_new(const render_setup *s, const char *format) {
  (void)s;
  table_format f = strcmp(format, "json") == 0 ? TABLE_JSON : strcmp(format, "md") == 0 ? TABLE_MD
                    : strcmp(format, "html") == 0 ? TABLE_HTML : TABLE_TEXT;
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = (void *)(intptr_t)f, .item = table_item};
  return r;
}
