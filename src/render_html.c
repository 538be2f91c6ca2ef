/* render_html: decisions as one self-contained HTML page (ratio eval
 * --format html): per row, a summary of every opinion at the top, each
 * opinion's tree in collapsible sections, and the row's authorities
 * numbered, with their quotations. The page, its escaping and its style
 * are html.c's. */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "render.h"

typedef struct html_state {
  char **label;     /* per node, this opinion: where it was explained ("2.1."), or NULL */
  int *auth_num;    /* per authority, this row: its number, 0 before it is cited */
  int *auth_order;  /* the row's authorities in the order of their numbers */
  int nauth;
  char key[32];     /* the row's prefix for element ids: "r2" for line 2 */
} html_state;

/* A badge's class for a value: yes, no, unknown or plain. */
static const char *value_class(const char *value) {
  if (!value || strcmp(value, "unknown") == 0) return "badge v-unknown";
  if (strcmp(value, "yes") == 0) return "badge v-yes";
  if (strcmp(value, "no") == 0) return "badge v-no";
  return "badge";
}

static void badge(FILE *out, const char *value) {
  fprintf(out, "<span class=\"%s\">", value_class(value));
  html_put_spaced(out, value);
  fputs("</span>", out);
}

/* An authority's citation, with its number in the row's list (given one
 * at its first citation). */
static void cite(renderer *r, int a) {
  html_state *st = r->state;
  if (!st->auth_num[a]) {
    st->auth_order[st->nauth++] = a;
    st->auth_num[a] = st->nauth;
  }
  char *c = render_cite(&r->p->authorities[a]);
  html_put(r->out, c);
  free(c);
  fprintf(r->out, " <a class=\"cite-ref\" href=\"#%s-a%d\" aria-label=\"authority %d\">[%d]</a>", st->key,
          st->auth_num[a], st->auth_num[a], st->auth_num[a]);
}

static void authorities(renderer *r, const int *by, int nby) {
  if (!nby) return;
  fputs("<p class=\"auth\">Authority: ", r->out);
  for (int i = 0; i < nby; i++) {
    if (i) fputs("; ", r->out);
    cite(r, by[i]);
  }
  fputs("</p>\n", r->out);
}

static void facts(renderer *r, const explain_fact *f, int n) {
  if (!n) return;
  fputs("<p class=\"facts\">Facts: ", r->out);
  for (int i = 0; i < n; i++) {
    if (i) fputs(", ", r->out);
    fputs("<code>", r->out);
    html_put(r->out, r->p->facts[f[i].fact].name);
    fputs(" = ", r->out);
    html_put(r->out, f[i].value);
    fputs("</code>", r->out);
    if (f[i].presumed) fputs(" (presumed)", r->out);
  }
  fputs("</p>\n", r->out);
}

/* "a", "a and b", "a, b and c" */
static void fact_names(renderer *r, const explain_fact *f, int n) {
  for (int i = 0; i < n; i++) {
    if (i) fputs(i == n - 1 ? " and " : ", ", r->out);
    fputs("<code>", r->out);
    html_put(r->out, r->p->facts[f[i].fact].name);
    fputs("</code>", r->out);
  }
}

static void even_if(renderer *r, const char *title, const char *value, const explain_fact *f, int n) {
  if (!n) return;
  fputs("<p class=\"evenif\">Even if: ", r->out);
  fact_names(r, f, n);
  fputs(n == 1 ? " does not matter; either way, " : " do not matter; either way, ", r->out);
  html_put(r->out, title);
  fputs(" is ", r->out);
  html_put_spaced(r->out, value);
  fputs(".</p>\n", r->out);
}

/* The values a node unknown on its face can still take. */
static void range(renderer *r, const explain_node *x) {
  const pack_node *nd = &r->p->nodes[x->node];
  int n = __builtin_popcountll(x->range), i = 0;
  if (!x->settled || x->value != RV_UNKNOWN || n == 0 || n >= nd->nvalues) return;
  fputs(" <span class=\"tags\">(", r->out);
  for (uint64_t bits = x->range; bits; bits &= bits - 1, i++) {
    if (i) fputs(i == n - 1 && !x->range_open ? " or " : ", ", r->out);
    html_put_spaced(r->out, pack_node_value_name(nd, (rval)__builtin_ctzll(bits)));
  }
  fputs(x->range_open ? " or open, as the blank facts are answered)</span>" : ", as the blank facts are answered)</span>",
        r->out);
}

static const char *title_of(const pack *p, const explain_node *x, char *buf, size_t bufsz) {
  return x->title ? x->title : explain_node_title(&p->nodes[x->node], buf, bufsz);
}

/* What qualifies a value: found below, left open, even if. */
static void tags(FILE *out, const explain_node *x) {
  const char *t = x->state == NODE_FOUND ? "found below" : x->state == NODE_NO_FINDING ? "no finding supplied"
                  : x->open ? "left open" : NULL;
  if (t) fprintf(out, " <span class=\"tags\">(%s)</span>", t);
  if (x->set_aside) fputs(" <span class=\"tags\">(the finding below was set aside)</span>", out);
  if (x->even_if) fputs(" <span class=\"tags\">(even if)</span>", out);
}

static void node(renderer *r, int t, const explain_node *x, const char *label, int depth) {
  html_state *st = r->state;
  FILE *out = r->out;
  char tbuf[128];
  const char *title = title_of(r->p, x, tbuf, sizeof tbuf);
  if (st->label[x->node]) {
    fprintf(out, "<li><span class=\"label\">%s</span> ", label);
    html_put(out, title);
    fputs(": ", out);
    badge(out, x->value_name);
    fprintf(out, " <a href=\"#%s-o%d-n%d\">(see %s)</a></li>\n", st->key, t, x->node, st->label[x->node]);
    return;
  }
  st->label[x->node] = xstrdup(label);
  if (x->state == NODE_NOT_REACHED) {
    fprintf(out, "<li id=\"%s-o%d-n%d\"><span class=\"label\">%s</span> ", st->key, t, x->node, label);
    html_put(out, title);
    fputs(": <span class=\"badge v-nr\">not reached</span></li>\n", out);
    return;
  }
  fprintf(out, "<li id=\"%s-o%d-n%d\"><details open><summary><span class=\"label\">%s</span> ", st->key, t, x->node,
          label);
  html_put(out, title);
  fputs(": ", out);
  badge(out, x->value_name);
  tags(out, x);
  range(r, x);
  if (x->search_cut) fputs(" <span class=\"tags\">(the search over the blank facts was cut short)</span>", out);
  fputs("</summary>\n<div class=\"node-body\">\n", out);
  if (x->sentence) {
    fputs("<p>", out);
    html_put(out, x->sentence);
    fputs("</p>\n", out);
  }
  facts(r, x->facts, x->nfacts);
  if (x->even_if) even_if(r, title, x->value_name, x->immaterial, x->nimmaterial);
  authorities(r, x->by, x->nby);
  fputs("</div>\n", out);
  if (x->nkids && depth < 256) {
    fputs("<ol>\n", out);
    for (int i = 0; i < x->nkids; i++) {
      char sub[64];
      snprintf(sub, sizeof sub, "%s%d.", label, i + 1);
      node(r, t, x->kids[i], sub, depth + 1);
    }
    fputs("</ol>\n", out);
  }
  fputs("</details></li>\n", out);
}

/* For an undecided outcome: the blank facts that would decide it. */
/* The undecided section's markup: a paragraph and a list per group. */
static void html_group(void *ud, const char *heading) {
  renderer *r = ud;
  fprintf(r->out, "<p>Undecided: %s</p>\n<ul>\n", heading);
}

static void html_fact(renderer *r, const pack_fact *f) {
  fputs("<li><code>", r->out);
  html_put(r->out, f->name);
  fputs("</code>", r->out);
  if (f->ask) {
    fputs(": ", r->out);
    html_put(r->out, f->ask);
  }
}

static void html_deciding(void *ud, const explain_deciding *d, const pack_node *decides) {
  renderer *r = ud;
  FILE *out = r->out;
  const pack_fact *f = &r->p->facts[d->fact];
  html_fact(r, f);
  if (d->kind != DECIDES_NEVER) {
    fputs(" (", out);
    for (int a = 0; a < d->nanswers; a++) {
      if (a) fputs("; ", out);
      html_put(out, explain_answer_name(f, (rval)a));
      fputs(": ", out);
      if (d->outcome[a] == RV_UNKNOWN) fputs("still open", out);
      else html_put_spaced(out, pack_node_value_name(decides, d->outcome[a]));
    }
    fputs(")", out);
  }
  fputs("</li>\n", out);
}

static void html_untried(void *ud, const pack_fact *f) {
  html_fact(ud, f);
  fputs("</li>\n", ((renderer *)ud)->out);
}

static void html_group_end(void *ud) { fputs("</ul>\n", ((renderer *)ud)->out); }

static void html_line(void *ud, bool undecided, const char *text) {
  fprintf(((renderer *)ud)->out, "<p>%s%s</p>\n", undecided ? "Undecided: " : "", text);
}

static void undecided(renderer *r, const explain_tree *tr, const pack_opinion *o) {
  if (tr->outcome != RV_UNKNOWN) return;
  render_undecided_out out = {html_group, html_deciding, html_untried, html_group_end, html_line, r};
  fputs("<div class=\"undecided\">\n", r->out);
  render_undecided(r->p, tr, o, &out);
  fputs("</div>\n", r->out);
}

static void outside(renderer *r, const pack_outside *s) {
  FILE *out = r->out;
  fputs("<p class=\"outcome\">Outside this pack", out);
  if (s->title) {
    fputs(": ", out);
    html_put(out, s->title);
  }
  fputs(".</p>\n", out);
  if (s->says) {
    fputs("<p>", out);
    html_put(out, s->says);
    fputs("</p>\n", out);
  }
  authorities(r, s->by, s->nby);
}

/* "Rehnquist, 1986-01-21; joined by ..." */
static void opinion_who(FILE *out, const pack_opinion *o) {
  int k = 0;
  if (o->author) {
    html_put(out, o->author);
    k++;
  }
  if (o->role && strcmp(o->role, o->name) != 0) {
    fputs(k++ ? ", " : "", out);
    html_put(out, o->role);
  }
  if (o->date) {
    fputs(k++ ? ", " : "", out);
    html_put(out, o->date);
  }
  if (o->joined) {
    fputs("; joined by ", out);
    html_put(out, o->joined);
  }
}

static const char *result_value(const render_result *res) {
  if (res->error) return "error";
  if (res->tree && res->tree->outside >= 0) return "outside";
  return res->outcome_name;
}

/* The top of a row: every opinion's outcome and disposition. */
static void summary(renderer *r, const render_result *res, int n) {
  const html_state *st = r->state;
  FILE *out = r->out;
  char tbuf[128];
  fputs("<table class=\"summary\">\n<caption>How each opinion decides it</caption>\n"
        "<thead><tr><th scope=\"col\">Opinion</th><th scope=\"col\">Outcome</th><th scope=\"col\">Disposition</th></tr></thead>\n<tbody>\n",
        out);
  for (int t = 0; t < n; t++) {
    const pack_opinion *o = &r->p->opinions[res[t].opinion];
    fprintf(out, "<tr><th scope=\"row\"><a href=\"#%s-o%d\">", st->key, t);
    html_put(out, o->name);
    fputs("</a><span class=\"who\">", out);
    opinion_who(out, o);
    fputs("</span></th><td>", out);
    html_put(out, explain_node_title(&r->p->nodes[o->decides], tbuf, sizeof tbuf));
    fputs(": ", out);
    badge(out, result_value(&res[t]));
    fputs("</td><td>", out);
    if (res[t].disposition && !res[t].error) html_put_upper(out, res[t].disposition);
    else fputs("&mdash;", out);
    fputs("</td></tr>\n", out);
  }
  fputs("</tbody>\n</table>\n", out);
}

static void opinion(renderer *r, int t, const render_result *res) {
  html_state *st = r->state;
  const pack *p = r->p;
  FILE *out = r->out;
  const pack_opinion *o = &p->opinions[res->opinion];
  const explain_tree *tr = res->tree;
  char tbuf[128];
  for (int i = 0; i < p->nnodes; i++) {
    free(st->label[i]);
    st->label[i] = NULL;
  }
  fprintf(out, "<section class=\"opinion\" id=\"%s-o%d\">\n<details open><summary><h3>Opinion: ", st->key, t);
  html_put(out, o->name);
  fputs("</h3> ", out);
  badge(out, result_value(res));
  fputs("</summary>\n<p class=\"who\">", out);
  opinion_who(out, o);
  fputs("</p>\n", out);
  if (res->error) {
    fputs("<p>Not decided under this opinion: a rule failed.</p>\n<pre class=\"error\">", out);
    html_capture c;
    err_print(res->error, html_capture_open(&c));
    html_capture_put(&c, out);
    fputs("</pre>\n</details>\n</section>\n", out);
    return;
  }
  if (tr->outside >= 0) {
    outside(r, &p->outside[tr->outside]);
    fputs("</details>\n</section>\n", out);
    return;
  }
  if (tr->maybe_outside >= 0) {
    const pack_outside *s = &p->outside[tr->maybe_outside];
    fputs("<p class=\"note\">Note: some answers to the blank facts would put this row outside the pack (", out);
    html_put(out, s->title ? s->title : s->name);
    fputs(").</p>\n", out);
  }
  const explain_node *root = tr->root;
  const char *title = title_of(p, root, tbuf, sizeof tbuf);
  fputs("<p class=\"outcome\">Outcome: ", out);
  html_put(out, title);
  fputs(": ", out);
  badge(out, tr->outcome_name);
  if (root->even_if) fputs(" <span class=\"tags\">(even if)</span>", out);
  range(r, root);
  fputs(".", out);
  if (tr->disposition) {
    fputs(" Disposition: <strong>", out);
    html_put_upper(out, tr->disposition);
    fputs("</strong>.", out);
  }
  fputs("</p>\n", out);
  if (tr->disposition_root && tr->disposition_root->sentence) {
    fputs("<p>", out);
    html_put(out, tr->disposition_root->sentence);
    fputs("</p>\n", out);
  }
  if (root->sentence) {
    fputs("<p>", out);
    html_put(out, root->sentence);
    fputs("</p>\n", out);
  }
  st->label[root->node] = xstrdup("the outcome");
  if (root->state == NODE_FOUND) fputs("<p class=\"tags\">(found below)</p>\n", out);
  if (root->even_if) even_if(r, title, tr->outcome_name, root->immaterial, root->nimmaterial);
  facts(r, root->facts, root->nfacts);
  authorities(r, root->by, root->nby);
  if (root->nkids) {
    fputs("<ol class=\"tree\">\n", out);
    for (int i = 0; i < root->nkids; i++) {
      char label[32];
      snprintf(label, sizeof label, "%d.", i + 1);
      node(r, t, root->kids[i], label, 0);
    }
    fputs("</ol>\n", out);
  }
  undecided(r, tr, o);
  fputs("</details>\n</section>\n", out);
}

/* The row's authorities, numbered as cited, with their quotations. */
static void authority_list(renderer *r) {
  html_state *st = r->state;
  FILE *out = r->out;
  if (!st->nauth) return;
  fprintf(out, "<section class=\"authorities\" aria-labelledby=\"%s-auth\">\n<h4 id=\"%s-auth\">Authorities</h4>\n<ol>\n",
          st->key, st->key);
  for (int i = 0; i < st->nauth; i++) {
    const pack_authority *a = &r->p->authorities[st->auth_order[i]];
    char *c = render_cite(a);
    fprintf(out, "<li id=\"%s-a%d\"><cite>", st->key, i + 1);
    html_put(out, c);
    fputs("</cite>", out);
    free(c);
    if (a->quote) {
      fputs("<blockquote>", out);
      html_put(out, a->quote);
      fputs("</blockquote>", out);
    }
    fputs("</li>\n", out);
  }
  fputs("</ol>\n</section>\n", out);
}

/* A row's heading: its id and title, where it comes from, its note. */
static void row_head(renderer *r, const case_row *row, const char *suffix) {
  html_state *st = r->state;
  FILE *out = r->out;
  char place[RENDER_PLACE_MAX];
  snprintf(st->key, sizeof st->key, "r%d", row->line);
  fprintf(out, "<article class=\"row\" id=\"%s\">\n<h2>", st->key);
  html_put(out, row->id && row->id[0] ? row->id : "(no id)");
  if (row->title) {
    fputs(": ", out);
    html_put(out, row->title);
  }
  if (suffix) fputs(suffix, out);
  fputs("</h2>\n<p class=\"place\">", out);
  html_put(out, render_place(r->source, row, true, place, sizeof place));
  fputs("</p>\n", out);
  if (row->note) {
    fputs("<p class=\"note\">", out);
    html_put(out, row->note);
    fputs("</p>\n", out);
  }
}

static void html_item(renderer *r, const render_item *it) {
  html_state *st = r->state;
  for (int i = 0; i < st->nauth; i++) st->auth_num[st->auth_order[i]] = 0;
  st->nauth = 0;
  row_head(r, it->row, NULL);
  summary(r, it->results, it->n);
  for (int t = 0; t < it->n; t++) opinion(r, t, &it->results[t]);
  authority_list(r);
  fputs("</article>\n", r->out);
}

static void html_row_error(renderer *r, const case_row *row, const err *e) {
  row_head(r, row, ": not decided");
  fputs("<pre class=\"error\">", r->out);
  html_capture c;
  err_print(e, html_capture_open(&c));
  html_capture_put(&c, r->out);
  fputs("</pre>\n</article>\n", r->out);
}

static void html_begin(renderer *r) {
  const pack *p = r->p;
  html_report_begin(r->out, NULL, p->name ? p->name : p->dir, p->title ? p->title : p->name ? p->name : p->dir,
                    p->case_name);
  fputs("<p class=\"place\">Rows from ", r->out);
  html_put(r->out, r->source);
  fputs("</p>\n", r->out);
}

static void html_end(renderer *r, const render_summary *s) {
  fputs("<p class=\"summary-line\">", r->out);
  html_capture c;
  render_summary_line(html_capture_open(&c), s);
  html_capture_put(&c, r->out);
  fputs("</p>\n", r->out);
  html_report_end(r->out);
}

static void html_free(renderer *r) {
  html_state *st = r->state;
  for (int i = 0; i < r->p->nnodes; i++) free(st->label[i]);
  free(st->label);
  free(st->auth_num);
  free(st->auth_order);
  free(st);
}

renderer *render_html_new(const render_setup *s) {
  const pack *p = s->p;
  html_state *st = xcalloc(1, sizeof *st);
  st->label = xcalloc((size_t)p->nnodes + 1, sizeof *st->label);
  st->auth_num = xcalloc((size_t)p->nauthorities + 1, sizeof *st->auth_num);
  st->auth_order = xcalloc((size_t)p->nauthorities + 1, sizeof *st->auth_order);
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = st, .wants_tree = true, .begin = html_begin, .item = html_item,
                  .row_error = html_row_error, .end = html_end, .free = html_free};
  return r;
}
