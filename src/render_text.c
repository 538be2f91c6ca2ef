/* render_text: explanations as short paragraphs of analysis, per opinion. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

typedef struct text_state {
  char **label;  /* per pack node: where it was explained ("2.1"), or NULL */
  int nnodes;
  /* made once, not per row: each node's title, each authority's line */
  char **title;
  char **authority_line; /* "Authority: <cite>\n" */
} text_state;

/* text_row holds the stream's lock for the whole row (flockfile), so
 * single characters go out by putc_unlocked. */
static void put(FILE *out, const char *s) { fputs(s, out); }


static void indent(FILE *out, int n) {
  static const char spaces[] = "                                                                ";
  for (; n > 0; n -= (int)sizeof spaces - 1)
    fwrite(spaces, 1, n < (int)sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1, out);
}

/* A node's heading under this opinion: its override's title, or its own. */
static const char *title_of(const text_state *st, const explain_node *x) {
  return x->title ? x->title : st->title[x->node];
}

static void print_authorities(renderer *r, const explain_node *x, int pad) {
  const text_state *st = r->state;
  for (int i = 0; i < x->nby; i++) {
    indent(r->out, pad);
    put(r->out, st->authority_line[x->by[i]]);
  }
}

static void print_facts(renderer *r, const explain_node *x, int pad) {
  if (!x->nfacts) return;
  indent(r->out, pad);
  putc_unlocked('[', r->out);
  for (int i = 0; i < x->nfacts; i++) {
    if (i) put(r->out, ", ");
    put(r->out, r->p->facts[x->facts[i].fact].name);
    put(r->out, " = ");
    put(r->out, x->facts[i].value);
    if (x->facts[i].presumed) put(r->out, " (presumed)");
  }
  put(r->out, "]\n");
}

/* "a", "a and b", "a, b and c" */
static void fact_list(renderer *r, const explain_fact *f, int n) {
  for (int i = 0; i < n; i++) {
    if (i) put(r->out, i == n - 1 ? " and " : ", ");
    put(r->out, r->p->facts[f[i].fact].name);
  }
}

/* The values a node unknown on its face can still take: "reckless or
 * negligent", "or left open". */
static void print_range(renderer *r, const explain_node *x) {
  const pack_node *nd = &r->p->nodes[x->node];
  int n = __builtin_popcountll(x->range), i = 0;
  /* all of a node's values say nothing: only a narrower range is news */
  if (!x->settled || x->value != RV_UNKNOWN || n == 0 || n >= nd->nvalues) return;
  put(r->out, " (");
  for (uint64_t bits = x->range; bits; bits &= bits - 1, i++) {
    if (i) put(r->out, i == n - 1 && !x->range_open ? " or " : ", ");
    render_put_spaced(r->out, pack_node_value_name(nd, (rval)__builtin_ctzll(bits)));
  }
  put(r->out, x->range_open ? " or open, as the blank facts are answered)" : ", as the blank facts are answered)");
}

/* The "even if" note: which blank facts do not matter, and why. */
static void print_even_if(renderer *r, const char *title, const char *value, const explain_fact *f, int n, int pad) {
  if (n == 0) return;
  indent(r->out, pad);
  put(r->out, "Even if: ");
  fact_list(r, f, n);
  put(r->out, n == 1 ? " does not matter; either way, " : " do not matter; either way, ");
  put(r->out, title);
  put(r->out, " is ");
  render_put_spaced(r->out, value);
  put(r->out, ".\n");
}

static void print_node(renderer *r, const explain_node *x, const char *label, int depth) {
  text_state *st = r->state;
  int pad = depth * 3;
  indent(r->out, pad);
  put(r->out, label);
  putc_unlocked(' ', r->out);
  put(r->out, title_of(st, x));
  put(r->out, ": ");
  if (st->label[x->node]) {
    render_put_spaced(r->out, x->value_name);
    put(r->out, " (see ");
    put(r->out, st->label[x->node]);
    put(r->out, ")\n");
    return;
  }
  st->label[x->node] = xstrdup(label);
  render_put_spaced(r->out, x->value_name);
  if (x->state == NODE_FOUND) fputs(" (found below)", r->out);
  else if (x->state == NODE_NO_FINDING) fputs(" (no finding supplied)", r->out);
  else if (x->open) fputs(" (left open)", r->out);
  if (x->set_aside) fputs(" (the finding below was set aside)", r->out);
  if (x->even_if) fputs(" (even if)", r->out);
  print_range(r, x);
  if (x->search_cut) fputs(" (the search over the blank facts was cut short)", r->out);
  fputc('\n', r->out);
  if (x->state == NODE_NOT_REACHED) return;
  pad += (int)strlen(label) + 1;
  if (x->sentence) {
    indent(r->out, pad);
    put(r->out, x->sentence);
    putc_unlocked('\n', r->out);
  }
  print_facts(r, x, pad);
  if (x->even_if) print_even_if(r, title_of(st, x), x->value_name, x->immaterial, x->nimmaterial, pad);
  print_authorities(r, x, pad);
  for (int i = 0; i < x->nkids; i++) {
    char sub[64];
    snprintf(sub, sizeof sub, "%s%d.", label, i + 1);
    print_node(r, x->kids[i], sub, depth + 1);
  }
}

/* One blank fact's answers and the outcome each gives. */
static void print_answers(renderer *r, const explain_deciding *d, const pack_node *decides) {
  const pack_fact *f = &r->p->facts[d->fact];
  fprintf(r->out, "\n  %s", f->name);
  if (f->ask) fprintf(r->out, ": %s", f->ask);
  if (d->kind == DECIDES_NEVER) return;
  put(r->out, " (");
  for (int a = 0; a < d->nanswers; a++) {
    if (a) put(r->out, "; ");
    put(r->out, explain_answer_name(f, (rval)a));
    put(r->out, ": ");
    if (d->outcome[a] == RV_UNKNOWN) put(r->out, "still open");
    else render_put_spaced(r->out, pack_node_value_name(decides, d->outcome[a]));
  }
  put(r->out, ")");
}

/* For an undecided outcome: the blank facts that would decide it, by how. */
static void print_undecided(renderer *r, const explain_tree *tr, const pack_opinion *o) {
  if (tr->outcome != RV_UNKNOWN) return;
  static const char *const heading[] = {
      [DECIDES_ALWAYS] = "Undecided: answering any one of these would decide it:",
      [DECIDES_SOMETIMES] = "Undecided: some answers to these would decide it:",
      [DECIDES_NEVER] = "Undecided: it turns on these facts together:"};
  const pack_node *decides = &r->p->nodes[o->decides];
  bool any = false;
  for (int k = DECIDES_ALWAYS; k <= DECIDES_NEVER; k++) {
    /* facts that never decide alone are listed only when none does */
    if (k == DECIDES_NEVER && any) break;
    bool head = false;
    for (int i = 0; i < tr->ndeciding; i++) {
      if (tr->deciding[i].kind != (decides_kind)k) continue;
      if (!head) put(r->out, heading[k]);
      head = any = true;
      print_answers(r, &tr->deciding[i], decides);
    }
    if (head) put(r->out, "\n");
  }
  if (tr->nuntried) {
    put(r->out, any ? "Undecided: it also turns on these facts (numbers, dates or text):"
                    : "Undecided: it turns on these facts together:");
    for (int i = 0; i < tr->nuntried; i++) {
      const pack_fact *f = &r->p->facts[tr->untried[i].fact];
      fprintf(r->out, "\n  %s", f->name);
      if (f->ask) fprintf(r->out, ": %s", f->ask);
    }
    put(r->out, "\n");
    any = true;
  }
  if (!any) fputs("Undecided: no missing fact would decide it; the opinion's rule leaves the question open.\n", r->out);
  if (tr->search_cut) fputs("The search over the blank facts was cut short: more answers might decide it.\n", r->out);
}

/* A row the pack does not decide: which of its `outside` it meets, and why. */
static void print_outside(renderer *r, const pack_outside *s) {
  const text_state *st = r->state;
  put(r->out, "Outside this pack");
  if (s->title) {
    put(r->out, ": ");
    put(r->out, s->title);
  }
  put(r->out, ".\n");
  if (s->says) {
    put(r->out, s->says);
    put(r->out, "\n");
  }
  for (int i = 0; i < s->nby; i++) put(r->out, st->authority_line[s->by[i]]);
}

static void text_begin(renderer *r) { (void)r; }

static void text_row(renderer *r, const case_row *row, const render_result *res, int ntrees);

static void text_item(renderer *r, const render_item *it) { text_row(r, it->row, it->results, it->n); }

static void text_row(renderer *r, const case_row *row, const render_result *res, int ntrees) {
  text_state *st = r->state;
  const pack *p = r->p;
  char place[RENDER_PLACE_MAX];
  flockfile(r->out);
  fprintf(r->out, "== %s%s%s (%s) ==\n", row->id, row->title ? ": " : "", row->title ? row->title : "",
          render_place(r->source, row, false, place, sizeof place));
  for (int t = 0; t < ntrees; t++) {
    const explain_tree *tr = res[t].tree;
    const pack_opinion *o = &p->opinions[res[t].opinion];
    for (int i = 0; i < st->nnodes; i++) {
      free(st->label[i]);
      st->label[i] = NULL;
    }
    fprintf(r->out, "\nOpinion: %s", o->name);
    if (o->author) fprintf(r->out, ", %s", o->author);
    /* the role, unless the opinion is named after it ("majority") */
    if (o->role && strcmp(o->role, o->name) != 0) fprintf(r->out, ", %s", o->role);
    if (o->date) fprintf(r->out, ", %s", o->date);
    if (o->joined) fprintf(r->out, "; joined by %s", o->joined);
    fputs("\n", r->out);
    if (res[t].error) {
      fputs("Not decided under this opinion: a rule failed.\n", r->out);
      err_print(res[t].error, r->out);
      continue;
    }
    if (tr->outside >= 0) {
      print_outside(r, &p->outside[tr->outside]);
      continue;
    }
    if (tr->maybe_outside >= 0) {
      const pack_outside *s = &p->outside[tr->maybe_outside];
      fprintf(r->out, "Note: some answers to the blank facts would put this row outside the pack (%s).\n",
              s->title ? s->title : s->name);
    }
    put(r->out, "Outcome: ");
    put(r->out, title_of(st, tr->root));
    put(r->out, ": ");
    render_put_spaced(r->out, tr->outcome_name);
    if (tr->root->even_if) fputs(" (even if)", r->out);
    print_range(r, tr->root);
    fputc('.', r->out);
    if (tr->disposition) {
      fputs(" Disposition: ", r->out);
      render_put_upper(r->out, tr->disposition);
      fputc('.', r->out);
    }
    fputc('\n', r->out);
    if (tr->disposition_root && tr->disposition_root->sentence)
      fprintf(r->out, "%s\n", tr->disposition_root->sentence);
    const explain_node *root = tr->root;
    if (root->sentence) fprintf(r->out, "%s\n", root->sentence);
    st->label[root->node] = xstrdup("the outcome");
    if (root->state == NODE_FOUND) fputs("(found below)\n", r->out);
    /* the note goes where the reason is: at the outcome only for blank
     * facts no element below explains */
    if (root->even_if)
      print_even_if(r, title_of(st, root), tr->outcome_name, root->immaterial,
                    root->nimmaterial, 0);
    print_facts(r, root, 0);
    print_authorities(r, root, 0);
    for (int i = 0; i < root->nkids; i++) {
      char label[32];
      snprintf(label, sizeof label, "%d.", i + 1);
      print_node(r, root->kids[i], label, 0);
    }
    print_undecided(r, tr, o);
  }
  putc_unlocked('\n', r->out);
  funlockfile(r->out);
}

static void text_row_error(renderer *r, const case_row *row, const err *e) {
  char place[RENDER_PLACE_MAX];
  fprintf(r->out, "== %s (%s): not decided ==\n", row->id && row->id[0] ? row->id : "(no id)",
          render_place(r->source, row, false, place, sizeof place));
  err_print(e, r->out);
  fputc('\n', r->out);
}

static void text_end(renderer *r, const render_summary *s) { render_summary_line(r->out, s); }

static void text_free(renderer *r) {
  text_state *st = r->state;
  for (int i = 0; i < st->nnodes; i++) {
    free(st->label[i]);
    free(st->title[i]);
  }
  for (int a = 0; a < r->p->nauthorities; a++) free(st->authority_line[a]);
  free(st->label);
  free(st->title);
  free(st->authority_line);
  free(st);
}

renderer *render_text_new(const render_setup *s) {
  const pack *p = s->p;
  renderer *r = xcalloc(1, sizeof *r);
  text_state *st = xcalloc(1, sizeof *st);
  st->nnodes = p->nnodes;
  st->label = xcalloc((size_t)p->nnodes + 1, sizeof *st->label);
  st->title = xcalloc((size_t)p->nnodes + 1, sizeof *st->title);
  for (int n = 0; n < p->nnodes; n++) {
    char tbuf[128];
    st->title[n] = xstrdup(explain_node_title(&p->nodes[n], tbuf, sizeof tbuf));
  }
  st->authority_line = xcalloc((size_t)p->nauthorities + 1, sizeof *st->authority_line);
  for (int a = 0; a < p->nauthorities; a++) {
    char *cite = render_cite(&p->authorities[a]);
    st->authority_line[a] = xasprintf("Authority: %s\n", cite);
    free(cite);
  }
  *r = (renderer){.state = st, .wants_tree = true, .begin = text_begin, .item = text_item, .row_error = text_row_error, .end = text_end,
                  .free = text_free};
  return r;
}
