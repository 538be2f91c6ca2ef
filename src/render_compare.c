/* render_compare: opinions side by side, and where each pair parts ways. */
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "html.h"
#include "render.h"
#include "render_jansson.h"

#define COMPARE_SCHEMA "ratio.compare/1"

typedef enum { REASON_TEXT, REASON_JSON, REASON_MD, REASON_HTML } reason_format;

/* The format's state; out and source follow the renderer's (report_of). */
typedef struct compare_report {
  reason_format f;
  FILE *out;
  const pack *p;
  const char *source;
  int rows; /* JSON: rows written, for the commas */
  render_json_tree *trees; /* JSON: the tree writer */
  char **shown;            /* text, md: each opinion as a reader names it, by pack index (owned) */
} compare_report;


/* A node's value in a tree, as a cell. */
static const char *cell(const explain_node *x, char *buf, size_t bufsz) {
  if (!x || x->state == NODE_NOT_REACHED) return "not reached";
  char v[96];
  render_spaced(x->value_name, v, sizeof v);
  const char *tag = x->state == NODE_FOUND ? " (found below)" : x->state == NODE_NO_FINDING ? " (no finding)"
                    : x->open ? " (left open)" : "";
  snprintf(buf, bufsz, "%s%s", v, tag);
  return buf;
}

/* Find node n in a tree (depth-first from x). */
static const explain_node *find_in(const explain_node *x, int n, int depth) {
  if (!x || depth > 256) return NULL;
  if (x->node == n) return x;
  for (int i = 0; i < x->nkids; i++) {
    const explain_node *r = find_in(x->kids[i], n, depth + 1);
    if (r) return r;
  }
  return NULL;
}

/* Walk one tree; a node no earlier tree holds goes right after the node
 * before it in this tree (its parent or an earlier sibling), so an element
 * only one opinion uses stands beside the element it belongs to. */
static void order_nodes(const explain_node *x, bool *seen, bool *walked, int *order, int *n, int *after,
                        int depth) {
  if (!x || depth > 256 || walked[x->node]) return;
  walked[x->node] = true;
  if (!seen[x->node]) {
    seen[x->node] = true;
    int at = *n;
    for (int i = 0; i < *n; i++)
      if (order[i] == *after) at = i + 1;
    memmove(order + at + 1, order + at, sizeof *order * (size_t)(*n - at));
    order[at] = x->node;
    (*n)++;
  }
  *after = x->node;
  for (int i = 0; i < x->nkids; i++) order_nodes(x->kids[i], seen, walked, order, n, after, depth + 1);
}

/* The nodes any opinion's tree holds: a depth-first walk of the first
 * tree, with what each other tree adds placed where it belongs. */
static int node_order(const compare_result *res, int *order) {
  int nn = res->p->nnodes;
  bool *seen = xcalloc((size_t)nn + 1, sizeof *seen), *walked = xcalloc((size_t)nn + 1, sizeof *walked);
  int n = 0;
  for (int i = 0; i < res->nopinions; i++) {
    memset(walked, 0, sizeof *walked * (size_t)nn);
    int after = -1;
    order_nodes(res->trees[i]->root, seen, walked, order, &n, &after, 0);
  }
  free(seen);
  free(walked);
  return n;
}

static void cites(FILE *out, const pack *p, const node_rule *r, const char *sep) {
  if (!r || r->nby == 0) {
    fputs("no authority given", out);
    return;
  }
  for (int i = 0; i < r->nby; i++) {
    char *cite = render_cite(&p->authorities[r->by[i]]);
    fprintf(out, "%s%s", i ? sep : "", cite);
    free(cite);
  }
}

static const char *op_name(const compare_result *res, int side) { return res->p->opinions[res->opinions[side]].name; }

/* An opinion as text and Markdown name it, as a casebook does: the
 * majority "the Court", a separate opinion by its judge ("Brennan"); the
 * opinion's own name where that would not tell two shown opinions apart
 * (the older law by the same hand). */
static char **shown_names(const pack *p, const int *ops, int nops) {
  char **names = xcalloc((size_t)p->nopinions + 1, sizeof *names);
  for (int k = 0; k < nops; k++) {
    const pack_opinion *o = &p->opinions[ops[k]];
    bool court = o->role && strcmp(o->role, "majority") == 0;
    const char *say = court ? "the Court" : o->author && o->author[0] ? o->author : NULL;
    for (int j = 0; j < nops && say; j++) {
      const pack_opinion *q = &p->opinions[ops[j]];
      bool same = court ? q->role && strcmp(q->role, "majority") == 0 : q->author && strcmp(q->author, o->author) == 0;
      if (j != k && same) say = NULL;
    }
    names[ops[k]] = xstrdup(say ? say : o->name);
  }
  return names;
}

/* The name at the start of a sentence: "The Court". */
static void put_first(FILE *out, const char *s) {
  if (*s >= 'a' && *s <= 'z') {
    fputc(*s - 'a' + 'A', out);
    s++;
  }
  fputs(s, out);
}

static const char *shown(const compare_report *r, const compare_result *res, int side) {
  const char *s = r->shown ? r->shown[res->opinions[side]] : NULL;
  return s ? s : op_name(res, side);
}

/* "Brennan's own rule for Deprivation", or that no rule differs. */
static void responsible(FILE *out, const compare_report *r, const compare_result *res, const compare_part *pt,
                        bool md) {
  const pack *p = res->p;
  const char *q = md ? "*" : "";
  int owners[2] = {pt->override_a, pt->override_b};
  int said = 0;
  char tbuf[128];
  for (int s = 0; s < 2; s++) {
    if (owners[s] < 0 || (s == 1 && owners[1] == owners[0])) continue;
    const char *who = r->shown && r->shown[owners[s]] ? r->shown[owners[s]] : p->opinions[owners[s]].name;
    fprintf(out, "%s%s's", said ? " and " : "", who);
    said++;
  }
  if (said)
    fprintf(out, " own rule%s for %s%s%s", said > 1 ? "s" : "", q, explain_node_title(&p->nodes[pt->node], tbuf, sizeof tbuf),
            q);
  else fprintf(out, "no rule of its own (both follow the element's common rule; a value below it differs)");
}

/* ---- text ------------------------------------------------------------------- */

static void text_row(compare_report *r, const compare_result *res) {
  const pack *p = r->p;
  const case_row *row = res->row;
  char place[RENDER_PLACE_MAX];
  fprintf(r->out, "== %s%s%s (%s) ==\n\n", row->id, row->title ? ": " : "", row->title ? row->title : "",
          render_place(r->source, row, false, place, sizeof place));
  int *order = xcalloc((size_t)p->nnodes + 1, sizeof *order);
  int nn = node_order(res, order);
  int nops = res->nopinions;
  /* column widths */
  int w0 = (int)strlen("Disposition");
  char tbuf[128], cbuf[160];
  for (int i = 0; i < nn; i++) {
    int l = (int)strlen(explain_node_title(&p->nodes[order[i]], tbuf, sizeof tbuf));
    if (l > w0) w0 = l;
  }
  int *w = xcalloc((size_t)nops + 1, sizeof *w);
  for (int k = 0; k < nops; k++) {
    const explain_tree *t = res->trees[k];
    w[k] = (int)strlen(shown(r, res, k));
    int l = (int)strlen(render_spaced(t->disposition, cbuf, sizeof cbuf));
    if (l > w[k]) w[k] = l;
    for (int i = 0; i < nn; i++) {
      l = (int)strlen(cell(find_in(t->root, order[i], 0), cbuf, sizeof cbuf));
      if (l > w[k]) w[k] = l;
    }
  }
  fprintf(r->out, "%-*s", w0, "");
  for (int k = 0; k < nops; k++) {
    fputs("  ", r->out);
    put_first(r->out, shown(r, res, k));
    if (k < nops - 1) fprintf(r->out, "%*s", w[k] - (int)strlen(shown(r, res, k)), "");
  }
  fputc('\n', r->out);
  fprintf(r->out, "%-*s", w0, "Disposition");
  for (int k = 0; k < nops; k++)
    fprintf(r->out, "  %-*s", k == nops - 1 ? 0 : w[k], render_spaced(res->trees[k]->disposition, cbuf, sizeof cbuf));
  fputc('\n', r->out);
  for (int i = 0; i < nn; i++) {
    fprintf(r->out, "%-*s", w0, explain_node_title(&p->nodes[order[i]], tbuf, sizeof tbuf));
    for (int k = 0; k < nops; k++)
      fprintf(r->out, "  %-*s", k == nops - 1 ? 0 : w[k], cell(find_in(res->trees[k]->root, order[i], 0), cbuf, sizeof cbuf));
    fputc('\n', r->out);
  }
  fputc('\n', r->out);
  if (res->nparts == 0) fputs(nops > 1 ? "The opinions agree.\n" : "One opinion: nothing to compare.\n", r->out);
  for (int i = 0; i < res->nparts; i++) {
    const compare_part *pt = &res->parts[i];
    const char *a = shown(r, res, pt->a), *b = shown(r, res, pt->b);
    if (pt->node < 0) {
      put_first(r->out, a);
      fprintf(r->out, " and %s decide different questions, so they part at the top.\n", b);
      continue;
    }
    char va[160], vb[160];
    put_first(r->out, a);
    fprintf(r->out, " and %s part at %s: %s says %s; %s says %s.\n", b,
            explain_node_title(&p->nodes[pt->node], tbuf, sizeof tbuf), a, cell(pt->xa, va, sizeof va), b,
            cell(pt->xb, vb, sizeof vb));
    fputs("  Responsible: ", r->out);
    responsible(r->out, r, res, pt, false);
    fputs(".\n", r->out);
    fputs("  ", r->out);
    put_first(r->out, a);
    fputs(" relies on: ", r->out);
    cites(r->out, p, pt->rule_a, "; ");
    fputs("\n  ", r->out);
    put_first(r->out, b);
    fputs(" relies on: ", r->out);
    cites(r->out, p, pt->rule_b, "; ");
    fputc('\n', r->out);
  }
  fputc('\n', r->out);
  free(w);
  free(order);
}

/* ---- Markdown --------------------------------------------------------------- */

static void md_text(FILE *out, const char *s) { render_put_md(out, s); }

static void md_row(compare_report *r, const compare_result *res) {
  const pack *p = r->p;
  const case_row *row = res->row;
  fputs("## ", r->out);
  md_text(r->out, row->id);
  if (row->title) {
    fputs(": ", r->out);
    md_text(r->out, row->title);
  }
  char place[RENDER_PLACE_MAX];
  fprintf(r->out, "\n\n*%s*\n\n|  |", render_place(r->source, row, true, place, sizeof place));
  for (int k = 0; k < res->nopinions; k++) {
    fputc(' ', r->out);
    put_first(r->out, shown(r, res, k));
    fputs(" |", r->out);
  }
  fputs("\n| --- |", r->out);
  for (int k = 0; k < res->nopinions; k++) fputs(" --- |", r->out);
  char tbuf[128], cbuf[160];
  fputs("\n| **Disposition** |", r->out);
  for (int k = 0; k < res->nopinions; k++) fprintf(r->out, " %s |", render_spaced(res->trees[k]->disposition, cbuf, sizeof cbuf));
  fputc('\n', r->out);
  int *order = xcalloc((size_t)p->nnodes + 1, sizeof *order);
  int nn = node_order(res, order);
  for (int i = 0; i < nn; i++) {
    fputs("| ", r->out);
    md_text(r->out, explain_node_title(&p->nodes[order[i]], tbuf, sizeof tbuf));
    fputs(" |", r->out);
    for (int k = 0; k < res->nopinions; k++)
      fprintf(r->out, " %s |", cell(find_in(res->trees[k]->root, order[i], 0), cbuf, sizeof cbuf));
    fputc('\n', r->out);
  }
  free(order);
  fputc('\n', r->out);
  if (res->nparts == 0) fputs(res->nopinions > 1 ? "The opinions agree.\n\n" : "One opinion: nothing to compare.\n\n", r->out);
  for (int i = 0; i < res->nparts; i++) {
    const compare_part *pt = &res->parts[i];
    const char *a = shown(r, res, pt->a), *b = shown(r, res, pt->b);
    if (pt->node < 0) {
      fputs("- **", r->out);
      put_first(r->out, a);
      fprintf(r->out, "** and **%s** decide different questions, so they part at the top.\n", b);
      continue;
    }
    char va[160], vb[160];
    fputs("- **", r->out);
    put_first(r->out, a);
    fprintf(r->out, "** and **%s** part at *%s*: %s says %s; %s says %s.\n  Responsible: ", b,
            explain_node_title(&p->nodes[pt->node], tbuf, sizeof tbuf), a, cell(pt->xa, va, sizeof va), b,
            cell(pt->xb, vb, sizeof vb));
    responsible(r->out, r, res, pt, true);
    fputs(".\n  - ", r->out);
    put_first(r->out, a);
    fputs(" relies on: ", r->out);
    cites(r->out, p, pt->rule_a, "; ");
    fputs("\n  - ", r->out);
    put_first(r->out, b);
    fputs(" relies on: ", r->out);
    cites(r->out, p, pt->rule_b, "; ");
    fputc('\n', r->out);
  }
  if (res->nparts) fputc('\n', r->out);
}


/* ---- HTML ------------------------------------------------------------------- */

/* A cell's class: yes, no, unknown or plain, as the eval page colours them. */
static const char *cell_class(const explain_node *x) {
  if (!x || x->state == NODE_NOT_REACHED) return "badge v-nr";
  if (x->value == RV_UNKNOWN) return "badge v-unknown";
  if (strcmp(x->value_name, "yes") == 0) return "badge v-yes";
  if (strcmp(x->value_name, "no") == 0) return "badge v-no";
  return "badge";
}

static void html_row_head(compare_report *r, const case_row *row, const char *suffix) {
  char place[RENDER_PLACE_MAX];
  fprintf(r->out, "<article class=\"row\" id=\"r%d\">\n<h2>", row->line);
  html_put(r->out, row->id && row->id[0] ? row->id : "(no id)");
  if (row->title) {
    fputs(": ", r->out);
    html_put(r->out, row->title);
  }
  if (suffix) fputs(suffix, r->out);
  fputs("</h2>\n<p class=\"place\">", r->out);
  html_put(r->out, render_place(r->source, row, true, place, sizeof place));
  fputs("</p>\n", r->out);
}

static void html_row(compare_report *r, const compare_result *res) {
  const pack *p = r->p;
  FILE *out = r->out;
  char tbuf[128], cbuf[160];
  html_row_head(r, res->row, NULL);
  fputs("<div class=\"grid-wrap\"><table>\n<caption>Each element under each opinion</caption>\n<thead><tr><td></td>", out);
  for (int k = 0; k < res->nopinions; k++) {
    fputs("<th scope=\"col\">", out);
    char *who = xstrdup(shown(r, res, k));
    if (who[0] >= 'a' && who[0] <= 'z') who[0] = (char)(who[0] - 'a' + 'A');
    html_put(out, who);
    free(who);
    fputs("</th>", out);
  }
  fputs("</tr></thead>\n<tbody>\n<tr><th scope=\"row\">Disposition</th>", out);
  for (int k = 0; k < res->nopinions; k++) {
    fputs("<td><strong>", out);
    html_put_upper(out, res->trees[k]->disposition ? res->trees[k]->disposition : "none");
    fputs("</strong></td>", out);
  }
  fputs("</tr>\n", out);
  int *order = xcalloc((size_t)p->nnodes + 1, sizeof *order);
  int nn = node_order(res, order);
  for (int i = 0; i < nn; i++) {
    fputs("<tr><th scope=\"row\">", out);
    html_put(out, explain_node_title(&p->nodes[order[i]], tbuf, sizeof tbuf));
    fputs("</th>", out);
    for (int k = 0; k < res->nopinions; k++) {
      const explain_node *x = find_in(res->trees[k]->root, order[i], 0);
      fprintf(out, "<td><span class=\"%s\">", cell_class(x));
      html_put(out, cell(x, cbuf, sizeof cbuf));
      fputs("</span></td>", out);
    }
    fputs("</tr>\n", out);
  }
  free(order);
  fputs("</tbody>\n</table></div>\n", out);
  if (res->nparts == 0)
    fputs(res->nopinions > 1 ? "<p>The opinions agree.</p>\n" : "<p>One opinion: nothing to compare.</p>\n", out);
  else
    fputs("<h3>Where they part</h3>\n<ul class=\"partings\">\n", out);
  for (int i = 0; i < res->nparts; i++) {
    const compare_part *pt = &res->parts[i];
    const char *a = shown(r, res, pt->a), *b = shown(r, res, pt->b);
    html_capture c;
    FILE *t = html_capture_open(&c);
    if (pt->node < 0) {
      put_first(t, a);
      fprintf(t, " and %s decide different questions, so they part at the top.", b);
      fputs("<li>", out);
      html_capture_put(&c, out);
      fputs("</li>\n", out);
      continue;
    }
    char va[160], vb[160];
    put_first(t, a);
    fprintf(t, " and %s part at %s: %s says %s; %s says %s.", b,
            explain_node_title(&p->nodes[pt->node], tbuf, sizeof tbuf), a, cell(pt->xa, va, sizeof va), b,
            cell(pt->xb, vb, sizeof vb));
    fputs("<li><p><strong>", out);
    html_capture_put(&c, out);
    fputs("</strong></p>\n<p>Responsible: ", out);
    responsible(html_capture_open(&c), r, res, pt, false);
    html_capture_put(&c, out);
    fputs(".</p>\n<p>", out);
    put_first(html_capture_open(&c), a);
    fputs(" relies on: ", c.f);
    cites(c.f, p, pt->rule_a, "; ");
    html_capture_put(&c, out);
    fputs("</p>\n<p>", out);
    put_first(html_capture_open(&c), b);
    fputs(" relies on: ", c.f);
    cites(c.f, p, pt->rule_b, "; ");
    html_capture_put(&c, out);
    fputs("</p></li>\n", out);
  }
  if (res->nparts) fputs("</ul>\n", out);
  fputs("</article>\n", out);
}

/* ---- JSON --------------------------------------------------------------------- */

static const char *state_name(node_state s) {
  switch (s) {
  case NODE_NOT_REACHED: return "not_reached";
  case NODE_FOUND: return "found_below";
  case NODE_NO_FINDING: return "no_finding";
  case NODE_DERIVED:
  case NODE_EVALUATING: break;
  }
  return "derived";
}

static json_t *authorities_json(const pack *p, const int *by, int nby) {
  json_t *arr = json_array();
  for (int i = 0; i < nby; i++) {
    const pack_authority *a = &p->authorities[by[i]];
    json_t *j = json_object();
    json_object_set_new(j, "name", json_string(a->name));
    json_object_set_new(j, "cite", render_jstr(a->cite));
    json_object_set_new(j, "pin", render_jstr(a->pin));
    char *full = render_cite(a);
    json_object_set_new(j, "full", json_string(full));
    free(full);
    if (a->quote) json_object_set_new(j, "quote", json_string(a->quote));
    json_array_append_new(arr, j);
  }
  return arr;
}

/* A node of `ratio eval --format json`, by the same writer. */
static json_t *tree_json(compare_report *r, const explain_node *x) {
  char *text = render_json_tree_text(r->trees, x);
  json_t *j = json_loads(text, 0, NULL);
  free(text);
  return j ? j : json_null();
}

static json_t *row_head(const case_row *row) {
  json_t *j = json_object();
  json_object_set_new(j, "id", json_string(row->id ? row->id : ""));
  if (row->title) json_object_set_new(j, "title", json_string(row->title));
  json_object_set_new(j, "line", json_integer(row->line));
  return j;
}

static void json_emit(compare_report *r, json_t *j) {
  if (r->rows++) fputs(",\n", r->out);
  json_dumpf(j, r->out, RENDER_DUMP_FLAGS);
  json_decref(j);
}

static json_t *side_json(const compare_result *res, int side, const explain_node *x, int owner, const node_rule *rule) {
  const pack *p = res->p;
  json_t *j = json_object();
  char cbuf[160];
  json_object_set_new(j, "opinion", json_string(op_name(res, side)));
  json_object_set_new(j, "value", x && x->state != NODE_NOT_REACHED ? json_string(x->value_name) : json_null());
  json_object_set_new(j, "state", json_string(x ? state_name(x->state) : "not_reached"));
  json_object_set_new(j, "reads", json_string(cell(x, cbuf, sizeof cbuf)));
  json_object_set_new(j, "override_by", owner >= 0 ? json_string(p->opinions[owner].name) : json_null());
  json_object_set_new(j, "authorities", rule ? authorities_json(p, rule->by, rule->nby) : json_array());
  return j;
}

static void json_row(compare_report *r, const compare_result *res) {
  const pack *p = r->p;
  json_t *j = row_head(res->row);
  json_t *results = json_array();
  for (int k = 0; k < res->nopinions; k++) {
    const explain_tree *t = res->trees[k];
    const pack_opinion *o = &p->opinions[t->opinion];
    json_t *x = json_object();
    json_object_set_new(x, "opinion", json_string(o->name));
    json_object_set_new(x, "author", render_jstr(o->author));
    json_object_set_new(x, "role", render_jstr(o->role));
    json_object_set_new(x, "date", render_jstr(o->date));
    json_object_set_new(x, "decides", json_string(p->nodes[o->decides].name));
    json_object_set_new(x, "outcome", json_string(t->outcome_name));
    json_object_set_new(x, "disposition", render_jstr(t->disposition));
    json_object_set_new(x, "tree", tree_json(r, t->root));
    json_array_append_new(results, x);
  }
  json_object_set_new(j, "results", results);
  json_t *parts = json_array();
  for (int i = 0; i < res->nparts; i++) {
    const compare_part *pt = &res->parts[i];
    json_t *x = json_object();
    json_t *pair = json_array();
    json_array_append_new(pair, json_string(op_name(res, pt->a)));
    json_array_append_new(pair, json_string(op_name(res, pt->b)));
    json_object_set_new(x, "opinions", pair);
    json_object_set_new(x, "node", pt->node >= 0 ? json_string(p->nodes[pt->node].name) : json_null());
    json_object_set_new(x, "rules_differ", json_boolean(pt->rules_differ));
    if (pt->node >= 0) {
      json_t *sides = json_array();
      json_array_append_new(sides, side_json(res, pt->a, pt->xa, pt->override_a, pt->rule_a));
      json_array_append_new(sides, side_json(res, pt->b, pt->xb, pt->override_b, pt->rule_b));
      json_object_set_new(x, "sides", sides);
    }
    json_array_append_new(parts, x);
  }
  json_object_set_new(j, "partings", parts);
  json_emit(r, j);
}

/* ---- the report ------------------------------------------------------------- */

static compare_report *report_of(renderer *rr) {
  compare_report *r = rr->state;
  r->out = rr->out;
  r->source = rr->source;
  return r;
}

static void compare_begin(renderer *rr) {
  compare_report *r = report_of(rr);
  const pack *p = r->p;
  FILE *out = r->out;
  if (r->f == REASON_JSON) {
    json_t *head = json_object();
    json_object_set_new(head, "name", render_jstr(p->name));
    json_object_set_new(head, "title", render_jstr(p->title));
    json_object_set_new(head, "case", render_jstr(p->case_name));
    char *ph = json_dumps(head, RENDER_DUMP_FLAGS);
    json_t *src = json_string(r->source);
    char *sh = json_dumps(src, JSON_ENCODE_ANY);
    fprintf(out, "{\"schema\":\"%s\",\"pack\":%s,\"source\":%s,\"rows\":[\n", COMPARE_SCHEMA, ph, sh);
    free(ph);
    free(sh);
    json_decref(head);
    json_decref(src);
  } else if (r->f == REASON_HTML) {
    const char *title = p->title ? p->title : p->name ? p->name : p->dir;
    html_report_begin(out, "opinions compared", p->name ? p->name : p->dir, title, p->case_name);
    fputs("<p class=\"place\">Rows from ", out);
    html_put(out, r->source);
    fputs("</p>\n", out);
  } else if (r->f == REASON_MD) {
    fputs("# Opinions compared: ", out);
    md_text(out, p->title ? p->title : p->name ? p->name : p->dir);
    fputs("\n\n", out);
  }
}

/* A row outside the pack: no opinion decides it, so nothing to compare. */
static void outside_row(compare_report *r, const compare_result *res, const pack_outside *s) {
  const case_row *row = res->row;
  char place[RENDER_PLACE_MAX];
  if (r->f == REASON_JSON) {
    json_t *j = row_head(row), *x = json_object();
    json_object_set_new(x, "name", json_string(s->name));
    json_object_set_new(x, "title", render_jstr(s->title));
    json_object_set_new(x, "says", render_jstr(s->says));
    json_object_set_new(x, "authorities", authorities_json(r->p, s->by, s->nby));
    json_object_set_new(j, "outside", x);
    json_object_set_new(j, "results", json_array());
    json_object_set_new(j, "partings", json_array());
    json_emit(r, j);
    return;
  }
  if (r->f == REASON_HTML) {
    html_row_head(r, row, NULL);
    html_capture c;
    FILE *t = html_capture_open(&c);
    fprintf(t, "Outside this pack%s%s. %s", s->title ? ": " : "", s->title ? s->title : "", s->says ? s->says : "");
    fputs("<p class=\"outcome\">", r->out);
    html_capture_put(&c, r->out);
    fputs("</p>\n", r->out);
    if (s->nby) {
      t = html_capture_open(&c);
      fputs("Authority: ", t);
      for (int i = 0; i < s->nby; i++) {
        char *cite = render_cite(&r->p->authorities[s->by[i]]);
        fprintf(t, "%s%s", i ? "; " : "", cite);
        free(cite);
      }
      fputs("<p class=\"auth\">", r->out);
      html_capture_put(&c, r->out);
      fputs("</p>\n", r->out);
    }
    fputs("</article>\n", r->out);
    return;
  }
  if (r->f == REASON_MD) {
    fputs("## ", r->out);
    md_text(r->out, row->id);
    if (row->title) {
      fputs(": ", r->out);
      md_text(r->out, row->title);
    }
    fprintf(r->out, "\n\n*%s*\n\n", render_place(r->source, row, true, place, sizeof place));
  } else {
    fprintf(r->out, "== %s%s%s (%s) ==\n\n", row->id, row->title ? ": " : "", row->title ? row->title : "",
            render_place(r->source, row, false, place, sizeof place));
  }
  fprintf(r->out, "Outside this pack%s%s. %s\n", s->title ? ": " : "", s->title ? s->title : "", s->says ? s->says : "");
  if (s->nby) {
    fputs(r->f == REASON_MD ? "\nAuthority: " : "Authority: ", r->out);
    for (int i = 0; i < s->nby; i++) {
      char *cite = render_cite(&r->p->authorities[s->by[i]]);
      fprintf(r->out, "%s%s", i ? "; " : "", cite);
      free(cite);
    }
    fputc('\n', r->out);
  }
  fputc('\n', r->out);
}

static void compare_item(renderer *rr, const render_item *it) {
  compare_report *r = report_of(rr);
  const compare_result *res = it->compare;
  if (res->nopinions && res->trees[0]->outside >= 0) {
    outside_row(r, res, &r->p->outside[res->trees[0]->outside]);
    return;
  }
  switch (r->f) {
  case REASON_TEXT: text_row(r, res); break;
  case REASON_MD: md_row(r, res); break;
  case REASON_JSON: json_row(r, res); break;
  case REASON_HTML: html_row(r, res); break;
  }
}

static void compare_row_error(renderer *rr, const case_row *row, const err *e) {
  compare_report *r = report_of(rr);
  const char *id = row->id && row->id[0] ? row->id : "(no id)";
  char place[RENDER_PLACE_MAX];
  if (r->f == REASON_JSON) {
    json_t *j = row_head(row);
    json_t *errs = json_array();
    for (; e; e = e->next) {
      json_t *x = json_object();
      json_object_set_new(x, "file", render_jstr(e->file));
      json_object_set_new(x, "line", json_integer(e->line));
      json_object_set_new(x, "column", json_integer(e->col));
      if (e->node) json_object_set_new(x, "node", json_string(e->node));
      json_object_set_new(x, "message", json_string(e->msg));
      json_object_set_new(x, "hint", render_jstr(e->hint));
      json_array_append_new(errs, x);
    }
    json_object_set_new(j, "errors", errs);
    json_emit(r, j);
    return;
  }
  if (r->f == REASON_HTML) {
    html_row_head(r, row, ": not decided");
    fputs("<pre class=\"error\">", r->out);
    html_capture c;
    err_print(e, html_capture_open(&c));
    html_capture_put(&c, r->out);
    fputs("</pre>\n</article>\n", r->out);
    return;
  }
  if (r->f == REASON_MD) fprintf(r->out, "## %s: not decided\n\n```\n", id);
  else fprintf(r->out, "== %s (%s): not decided ==\n", id, render_place(r->source, row, false, place, sizeof place));
  err_print(e, r->out);
  fputs(r->f == REASON_MD ? "```\n\n" : "\n", r->out);
}

static void compare_end(renderer *rr, const render_summary *s) {
  compare_report *r = report_of(rr);
  int read = s->read, disagree = s->parted, failed = s->failed;
  if (r->f == REASON_JSON) {
    fprintf(r->out, "%s],\"summary\":{\"read\":%d,\"disagree\":%d,\"failed\":%d}}\n", r->rows ? "\n" : "", read,
            disagree, failed);
    return;
  }
  if (r->f == REASON_HTML) {
    fprintf(r->out, "<p class=\"summary-line\">%d row%s: %d where the opinions disagree, %d failed</p>\n", read,
            read == 1 ? "" : "s", disagree, failed);
    html_report_end(r->out);
    return;
  }
  const char *em = r->f == REASON_MD ? "*" : "";
  fprintf(r->out, "%s%d row%s: %d where the opinions disagree, %d failed%s\n", em, read, read == 1 ? "" : "s",
          disagree, failed, em);
}

static void compare_report_free(renderer *rr) {
  compare_report *r = rr->state;
  render_json_tree_free(r->trees);
  for (int i = 0; r->shown && i < r->p->nopinions; i++) free(r->shown[i]);
  free(r->shown);
  free(r);
}

renderer *render_compare_new(const render_setup *s, const char *format) {
  compare_report *st = xcalloc(1, sizeof *st);
  st->f = strcmp(format, "json") == 0 ? REASON_JSON : strcmp(format, "md") == 0 ? REASON_MD
          : strcmp(format, "html") == 0 ? REASON_HTML : REASON_TEXT;
  st->p = s->p;
  if (st->f == REASON_JSON) st->trees = render_json_tree_new(s->p);
  else st->shown = shown_names(s->p, s->opinions, s->nopinions);
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = st, .begin = compare_begin, .item = compare_item, .row_error = compare_row_error,
                  .end = compare_end, .free = compare_report_free};
  return r;
}
