/* render_md: decisions as a Markdown handout (ratio eval --format md): per
 * row, a table of every opinion's outcome, then each opinion's reasoning as
 * a nested list, and the row's authorities numbered, with quotations. */
#include <stdlib.h>
#include <string.h>

#include "render.h"

typedef struct md_state {
  char **label;    /* per node, this opinion: where it was explained, or NULL */
  int *auth_num;   /* per authority, this row: its number, 0 before it is cited */
  int *auth_order;
  int nauth;
} md_state;

static void put(FILE *out, const char *s) { render_put_md(out, s); }

/* A value as read: "vacate and remand", escaped. */
static void spaced(FILE *out, const char *s) {
  char buf[160];
  put(out, render_spaced(s, buf, sizeof buf));
}

static void authorities(renderer *r, const int *by, int nby) {
  md_state *st = r->state;
  if (!nby) return;
  fputs(" *Authority:* ", r->out);
  for (int i = 0; i < nby; i++) {
    int a = by[i];
    if (!st->auth_num[a]) {
      st->auth_order[st->nauth++] = a;
      st->auth_num[a] = st->nauth;
    }
    char *c = render_cite(&r->p->authorities[a]);
    fputs(i ? "; " : "", r->out);
    put(r->out, c);
    fprintf(r->out, " [%d]", st->auth_num[a]);
    free(c);
  }
  fputc('.', r->out);
}

static void facts(renderer *r, const explain_fact *f, int n) {
  if (!n) return;
  fputs(" *Facts:* ", r->out);
  for (int i = 0; i < n; i++) {
    fprintf(r->out, "%s`%s = %s`%s", i ? ", " : "", r->p->facts[f[i].fact].name, f[i].value,
            f[i].presumed ? " (presumed)" : "");
  }
  fputc('.', r->out);
}

static void even_if(renderer *r, const char *title, const char *value, const explain_fact *f, int n) {
  if (!n) return;
  fputs(" *Even if:* ", r->out);
  for (int i = 0; i < n; i++) fprintf(r->out, "%s`%s`", i == 0 ? "" : i == n - 1 ? " and " : ", ", r->p->facts[f[i].fact].name);
  fputs(n == 1 ? " does not matter; either way, " : " do not matter; either way, ", r->out);
  put(r->out, title);
  fputs(" is ", r->out);
  spaced(r->out, value);
  fputc('.', r->out);
}

static void range(renderer *r, const explain_node *x) {
  const pack_node *nd = &r->p->nodes[x->node];
  int n = __builtin_popcountll(x->range), i = 0;
  if (!x->settled || x->value != RV_UNKNOWN || n == 0 || n >= nd->nvalues) return;
  fputs(" (", r->out);
  for (uint64_t bits = x->range; bits; bits &= bits - 1, i++) {
    if (i) fputs(i == n - 1 && !x->range_open ? " or " : ", ", r->out);
    spaced(r->out, pack_node_value_name(nd, (rval)__builtin_ctzll(bits)));
  }
  fputs(x->range_open ? " or open, as the blank facts are answered)" : ", as the blank facts are answered)", r->out);
}

static const char *title_of(const pack *p, const explain_node *x, char *buf, size_t bufsz) {
  return x->title ? x->title : explain_node_title(&p->nodes[x->node], buf, bufsz);
}

static void node(renderer *r, const explain_node *x, const char *label, int depth) {
  md_state *st = r->state;
  FILE *out = r->out;
  char tbuf[128];
  const char *title = title_of(r->p, x, tbuf, sizeof tbuf);
  for (int i = 0; i < depth; i++) fputs("  ", out);
  fprintf(out, "- **%s ", label);
  put(out, title);
  fputs(": ", out);
  if (st->label[x->node]) {
    spaced(out, x->value_name);
    fprintf(out, "** (see %s)\n", st->label[x->node]);
    return;
  }
  st->label[x->node] = xstrdup(label);
  if (x->state == NODE_NOT_REACHED) {
    fputs("not reached**\n", out);
    return;
  }
  spaced(out, x->value_name);
  fputs("**", out);
  if (x->state == NODE_FOUND) fputs(" (found below)", out);
  else if (x->state == NODE_NO_FINDING) fputs(" (no finding supplied)", out);
  else if (x->open) fputs(" (left open)", out);
  if (x->set_aside) fputs(" (the finding below was set aside)", out);
  if (x->even_if) fputs(" (even if)", out);
  range(r, x);
  if (x->search_cut) fputs(" (the search over the blank facts was cut short)", out);
  if (x->sentence) {
    fputs(" \xe2\x80\x94 ", out); /* an em dash between the heading and its sentence */
    put(out, x->sentence);
  }
  facts(r, x->facts, x->nfacts);
  if (x->even_if) even_if(r, title, x->value_name, x->immaterial, x->nimmaterial);
  authorities(r, x->by, x->nby);
  fputc('\n', out);
  for (int i = 0; i < x->nkids && depth < 256; i++) {
    char sub[64];
    snprintf(sub, sizeof sub, "%s%d.", label, i + 1);
    node(r, x->kids[i], sub, depth + 1);
  }
}

/* The undecided section's markup: a bold heading, a list item per fact. */
static void md_group(void *ud, const char *heading) {
  renderer *r = ud;
  fputs("\n**Undecided:** ", r->out);
  fputs(heading, r->out);
  fputs("\n\n", r->out);
}

static void md_fact(renderer *r, const pack_fact *f) {
  fprintf(r->out, "- `%s`", f->name);
  if (f->ask) {
    fputs(": ", r->out);
    put(r->out, f->ask);
  }
}

static void md_deciding(void *ud, const explain_deciding *d, const pack_node *decides) {
  renderer *r = ud;
  FILE *out = r->out;
  const pack_fact *f = &r->p->facts[d->fact];
  md_fact(r, f);
  if (d->kind != DECIDES_NEVER) {
    fputs(" (", out);
    for (int a = 0; a < d->nanswers; a++) {
      fprintf(out, "%s%s: ", a ? "; " : "", explain_answer_name(f, (rval)a));
      if (d->outcome[a] == RV_UNKNOWN) fputs("still open", out);
      else spaced(out, pack_node_value_name(decides, d->outcome[a]));
    }
    fputs(")", out);
  }
  fputc('\n', out);
}

static void md_untried(void *ud, const pack_fact *f) {
  md_fact(ud, f);
  fputc('\n', ((renderer *)ud)->out);
}

static void md_group_end(void *ud) { (void)ud; }

static void md_line(void *ud, bool undecided, const char *text) {
  renderer *r = ud;
  fputs(undecided ? "\n**Undecided:** " : "\n", r->out);
  fputs(text, r->out);
  fputc('\n', r->out);
}

static void undecided(renderer *r, const explain_tree *tr, const pack_opinion *o) {
  render_undecided_out out = {md_group, md_deciding, md_untried, md_group_end, md_line, r};
  render_undecided(r->p, tr, o, &out);
}

static void opinion_who(FILE *out, const pack_opinion *o) {
  if (o->author) fprintf(out, ", %s", o->author);
  if (o->role && strcmp(o->role, o->name) != 0) fprintf(out, ", %s", o->role);
  if (o->date) fprintf(out, ", %s", o->date);
  if (o->joined) fprintf(out, "; joined by %s", o->joined);
}

static const char *result_value(const render_result *res) {
  if (res->error) return "error";
  if (res->tree && res->tree->outside >= 0) return "outside";
  return res->outcome_name;
}

static void opinion(renderer *r, const render_result *res) {
  md_state *st = r->state;
  const pack *p = r->p;
  FILE *out = r->out;
  const pack_opinion *o = &p->opinions[res->opinion];
  const explain_tree *tr = res->tree;
  char tbuf[128], b[160];
  for (int i = 0; i < p->nnodes; i++) {
    free(st->label[i]);
    st->label[i] = NULL;
  }
  fputs("### Opinion: ", out);
  put(out, o->name);
  opinion_who(out, o);
  fputs("\n\n", out);
  if (res->error) {
    fputs("Not decided under this opinion: a rule failed.\n\n```\n", out);
    err_print(res->error, out);
    fputs("```\n\n", out);
    return;
  }
  if (tr->outside >= 0) {
    const pack_outside *s = &p->outside[tr->outside];
    fputs("Outside this pack", out);
    if (s->title) {
      fputs(": ", out);
      put(out, s->title);
    }
    fputc('.', out);
    if (s->says) {
      fputc(' ', out);
      put(out, s->says);
    }
    authorities(r, s->by, s->nby);
    fputs("\n\n", out);
    return;
  }
  if (tr->maybe_outside >= 0) {
    const pack_outside *s = &p->outside[tr->maybe_outside];
    fputs("*Note: some answers to the blank facts would put this row outside the pack (", out);
    put(out, s->title ? s->title : s->name);
    fputs(").*\n\n", out);
  }
  const explain_node *root = tr->root;
  const char *title = title_of(p, root, tbuf, sizeof tbuf);
  fputs("**Outcome: ", out);
  put(out, title);
  fputs(": ", out);
  spaced(out, tr->outcome_name);
  fputs("**", out);
  if (root->even_if) fputs(" (even if)", out);
  range(r, root);
  fputc('.', out);
  if (tr->disposition) fprintf(out, " Disposition: **%s**.", render_upper(tr->disposition, b, sizeof b));
  fputs("\n\n", out);
  if (tr->disposition_root && tr->disposition_root->sentence) {
    put(out, tr->disposition_root->sentence);
    fputs("\n\n", out);
  }
  if (root->sentence) put(out, root->sentence);
  if (root->state == NODE_FOUND) fputs(" (found below)", out);
  if (root->even_if) even_if(r, title, tr->outcome_name, root->immaterial, root->nimmaterial);
  facts(r, root->facts, root->nfacts);
  authorities(r, root->by, root->nby);
  fputs("\n\n", out);
  st->label[root->node] = xstrdup("the outcome");
  for (int i = 0; i < root->nkids; i++) {
    char label[32];
    snprintf(label, sizeof label, "%d.", i + 1);
    node(r, root->kids[i], label, 0);
  }
  undecided(r, tr, o);
  fputc('\n', out);
}

static void row_head(renderer *r, const case_row *row, const char *suffix) {
  FILE *out = r->out;
  char place[RENDER_PLACE_MAX];
  fputs("## ", out);
  put(out, row->id && row->id[0] ? row->id : "(no id)");
  if (row->title) {
    fputs(": ", out);
    put(out, row->title);
  }
  if (suffix) fputs(suffix, out);
  fputs("\n\n*", out);
  put(out, render_place(r->source, row, true, place, sizeof place));
  fputs("*\n\n", out);
  if (row->note) {
    fputs("> ", out);
    put(out, row->note);
    fputs("\n\n", out);
  }
}

static void md_item(renderer *r, const render_item *it) {
  md_state *st = r->state;
  const pack *p = r->p;
  FILE *out = r->out;
  char tbuf[128], b[160];
  for (int i = 0; i < st->nauth; i++) st->auth_num[st->auth_order[i]] = 0;
  st->nauth = 0;
  row_head(r, it->row, NULL);
  fputs("| Opinion | Outcome | Disposition |\n| --- | --- | --- |\n", out);
  for (int t = 0; t < it->n; t++) {
    const render_result *res = &it->results[t];
    const pack_opinion *o = &p->opinions[res->opinion];
    fputs("| ", out);
    put(out, o->name);
    fputs(" | ", out);
    put(out, explain_node_title(&p->nodes[o->decides], tbuf, sizeof tbuf));
    fputs(": ", out);
    spaced(out, result_value(res));
    fprintf(out, " | %s |\n", res->disposition && !res->error ? render_upper(res->disposition, b, sizeof b) : "-");
  }
  fputc('\n', out);
  for (int t = 0; t < it->n; t++) opinion(r, &it->results[t]);
  if (st->nauth) {
    fputs("#### Authorities\n\n", out);
    for (int i = 0; i < st->nauth; i++) {
      const pack_authority *a = &p->authorities[st->auth_order[i]];
      char *c = render_cite(a);
      fprintf(out, "%d. ", i + 1);
      put(out, c);
      free(c);
      if (a->quote) {
        fputs("\n   > ", out);
        put(out, a->quote);
      }
      fputc('\n', out);
    }
    fputc('\n', out);
  }
}

static void md_row_error(renderer *r, const case_row *row, const err *e) {
  row_head(r, row, ": not decided");
  fputs("```\n", r->out);
  err_print(e, r->out);
  fputs("```\n\n", r->out);
}

static void md_begin(renderer *r) {
  const pack *p = r->p;
  fputs("# ", r->out);
  put(r->out, p->title ? p->title : p->name ? p->name : p->dir);
  fputs("\n\n", r->out);
  if (p->case_name) {
    fputc('*', r->out);
    put(r->out, p->case_name);
    fputs("*. ", r->out);
  }
  fputs("Rows from ", r->out);
  put(r->out, r->source);
  fputs(".\n\n", r->out);
}

static void md_end(renderer *r, const render_summary *s) {
  fputc('*', r->out);
  char *line = NULL;
  size_t len = 0;
  FILE *m = xopen_memstream(&line, &len);
  render_summary_line(m, s);
  fclose(m);
  if (len && line[len - 1] == '\n') line[len - 1] = '\0';
  fputs(line, r->out);
  fputs("*\n", r->out);
  free(line);
}

static void md_free(renderer *r) {
  md_state *st = r->state;
  for (int i = 0; i < r->p->nnodes; i++) free(st->label[i]);
  free(st->label);
  free(st->auth_num);
  free(st->auth_order);
  free(st);
}

renderer *render_md_new(const render_setup *s) {
  const pack *p = s->p;
  md_state *st = xcalloc(1, sizeof *st);
  st->label = xcalloc((size_t)p->nnodes + 1, sizeof *st->label);
  st->auth_num = xcalloc((size_t)p->nauthorities + 1, sizeof *st->auth_num);
  st->auth_order = xcalloc((size_t)p->nauthorities + 1, sizeof *st->auth_order);
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = st, .wants_tree = true, .begin = md_begin, .item = md_item, .row_error = md_row_error,
                  .end = md_end, .free = md_free};
  return r;
}
