/* render_text: a row as a student reads it. First what happened: the row's
 * note and stated facts, then one line per opinion (its judge and role, the
 * outcome, the disposition, and the element it turns on, with its
 * sentence). Then, unless --brief, each opinion's reasoning as short
 * paragraphs of analysis, element by element, with authorities as numbered
 * references ("[3]") listed once, with their quotations, at the end of the
 * row. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

typedef struct text_state {
  struct {
    int depth;  /* levels of elements shown below each outcome; -1: all */
    bool brief; /* the summary of each row only */
    bool reasoning_only; /* no heading, facts or summary lines */
  } opts;
  int nnodes;
  /* Per row, for each opinion's slot (its place among the row's results)
   * and pack node, at [slot * nnodes + node], room for `slots` opinions: */
  int slots;
  char **label;                 /* where the node was printed ("2.1."), or NULL */
  bool *full;                   /* printed in full there, not as a reference */
  const explain_node **node_of; /* the slot's tree node for it, or NULL */
  signed char *same;            /* for the slot being printed: whether its node's
                                 * subtree is that slot's (1), is not (-1), or
                                 * is not known yet (0) */
  int slot;                     /* the opinion being printed */
  const render_result *res;     /* the row's results */
  /* made once, not per row */
  char **title;          /* each node's title */
  char **fact_name;      /* each fact's name for reading: "state actor" */
  char **cite;           /* each authority's citation with its pin */
  char **opinion_name;   /* "Rehnquist, J., for the Court" */
  char **opinion_head;   /* the heading of the opinion's reasoning */
  /* per row: the number each authority was given (0: none yet) and the
   * authorities in the order they were numbered */
  int *ref;
  int *order;
  int nrefs;
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

/* A positive number, without printf: a row prints hundreds of them. */
static void put_int(FILE *out, int n) {
  char buf[16];
  int i = (int)sizeof buf;
  do buf[--i] = (char)('0' + n % 10);
  while ((n /= 10) > 0 && i > 0);
  fwrite(buf + i, 1, sizeof buf - (size_t)i, out);
}

/* " [1, 4]": the numbers of authorities, each numbered the first time the
 * row cites it. */
static void put_refs(renderer *r, const int *by, int nby) {
  text_state *st = r->state;
  if (nby == 0) return;
  put(r->out, " [");
  for (int i = 0; i < nby; i++) {
    int a = by[i];
    if (!st->ref[a]) {
      st->order[st->nrefs++] = a;
      st->ref[a] = st->nrefs;
    }
    if (i) put(r->out, ", ");
    put_int(r->out, st->ref[a]);
  }
  putc_unlocked(']', r->out);
}

/* The authorities the row cited, once each, numbered, with quotations. */
static void print_authorities(renderer *r) {
  text_state *st = r->state;
  if (st->nrefs == 0) return;
  put(r->out, "\nAuthorities:\n");
  for (int i = 0; i < st->nrefs; i++) {
    const pack_authority *a = &r->p->authorities[st->order[i]];
    fprintf(r->out, "[%d] %s", i + 1, st->cite[st->order[i]]);
    if (a->quote) {
      /* a quotation within the quotation takes single quotes */
      put(r->out, ": \"");
      for (const char *c = a->quote; *c; c++) putc_unlocked(*c == '"' ? '\'' : *c, r->out);
      putc_unlocked('"', r->out);
    }
    putc_unlocked('\n', r->out);
  }
}

/* "state actor: yes; status: convicted prisoner" */
static void print_facts(renderer *r, const explain_node *x, int pad) {
  if (!x->nfacts) return;
  indent(r->out, pad);
  const text_state *st = r->state;
  put(r->out, "Facts: ");
  for (int i = 0; i < x->nfacts; i++) {
    if (i) put(r->out, "; ");
    put(r->out, st->fact_name[x->facts[i].fact]);
    put(r->out, ": ");
    render_put_spaced(r->out, x->facts[i].value);
    if (x->facts[i].presumed) put(r->out, " (presumed)");
  }
  put(r->out, ".\n");
}

/* "a", "a and b", "a, b and c" */
static void fact_list(renderer *r, const explain_fact *f, int n) {
  const text_state *st = r->state;
  for (int i = 0; i < n; i++) {
    if (i) put(r->out, i == n - 1 ? " and " : ", ");
    put(r->out, st->fact_name[f[i].fact]);
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

/* How a node was decided, after its value: found below, left open, ... */
static void print_how(renderer *r, const explain_node *x) {
  if (x->state == NODE_FOUND) fputs(" (found below)", r->out);
  else if (x->state == NODE_NO_FINDING) fputs(" (no finding supplied)", r->out);
  else if (x->open) fputs(" (left open)", r->out);
  if (x->set_aside) fputs(" (the finding below was set aside)", r->out);
  if (x->even_if) fputs(" (even if)", r->out);
  print_range(r, x);
  if (x->search_cut) fputs(" (the search over the blank facts was cut short)", r->out);
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

/* A node's sentence and the numbers of its authorities, on one line; the
 * numbers alone when the pack gives no sentence. */
static void print_sentence(renderer *r, const explain_node *x, int pad) {
  if (!x->sentence && !x->nby) return;
  indent(r->out, pad);
  if (x->sentence) put(r->out, x->sentence);
  else put(r->out, "Authority:");
  put_refs(r, x->by, x->nby);
  putc_unlocked('\n', r->out);
}

/* Whether two opinions' explanations of a node say the same, all the way
 * down. Memoized per node for the pair of slots, so a node many parents
 * share is compared once. */
static bool same_subtree(text_state *st, int other, const explain_node *a, const explain_node *b, int depth) {
  signed char *memo = &st->same[other * st->nnodes + a->node];
  if (*memo) return *memo > 0;
  bool eq = a->node == b->node && a->state == b->state && a->value == b->value && a->open == b->open &&
            a->set_aside == b->set_aside && a->settled == b->settled && a->even_if == b->even_if &&
            a->range == b->range && a->range_open == b->range_open && a->search_cut == b->search_cut &&
            !a->sentence == !b->sentence && (!a->sentence || strcmp(a->sentence, b->sentence) == 0) &&
            !a->title == !b->title && (!a->title || strcmp(a->title, b->title) == 0) && a->nby == b->nby &&
            (!a->nby || memcmp(a->by, b->by, sizeof *a->by * (size_t)a->nby) == 0) && a->nfacts == b->nfacts &&
            a->nimmaterial == b->nimmaterial && a->nkids == b->nkids && depth < 256;
  for (int i = 0; eq && i < a->nfacts; i++)
    eq = a->facts[i].fact == b->facts[i].fact && a->facts[i].presumed == b->facts[i].presumed &&
         strcmp(a->facts[i].value, b->facts[i].value) == 0;
  for (int i = 0; eq && i < a->nimmaterial; i++) eq = a->immaterial[i].fact == b->immaterial[i].fact;
  for (int i = 0; eq && i < a->nkids; i++) eq = same_subtree(st, other, a->kids[i], b->kids[i], depth + 1);
  *memo = eq ? 1 : -1;
  return eq;
}

/* An earlier opinion of the row that explained the node in full exactly as
 * this one would, or -1. */
static int explained_before(text_state *st, const explain_node *x) {
  for (int s = 0; s < st->slot; s++) {
    size_t at = (size_t)s * (size_t)st->nnodes + (size_t)x->node;
    if (st->full[at] && same_subtree(st, s, x, st->node_of[at], 0)) return s;
  }
  return -1;
}

/* The nodes under x that this opinion leaves to slot s's explanation:
 * references to them point there. */
static void label_from(renderer *r, int s, const explain_node *x, int depth) {
  text_state *st = r->state;
  for (int i = 0; i < x->nkids && depth < 256; i++) {
    int n = x->kids[i]->node;
    char **mine = &st->label[(size_t)st->slot * (size_t)st->nnodes + (size_t)n];
    const char *there = st->label[(size_t)s * (size_t)st->nnodes + (size_t)n];
    if (*mine || !there) continue;
    *mine = xasprintf("%s under %s", there, st->opinion_name[st->res[s].opinion]);
    label_from(r, s, x->kids[i], depth + 1);
  }
}

static void print_node(renderer *r, const explain_node *x, const char *label, int depth) {
  text_state *st = r->state;
  int pad = depth * 3;
  size_t at = (size_t)st->slot * (size_t)st->nnodes + (size_t)x->node;
  indent(r->out, pad);
  put(r->out, label);
  putc_unlocked(' ', r->out);
  put(r->out, title_of(st, x));
  put(r->out, ": ");
  render_put_spaced(r->out, x->value_name);
  if (st->label[at]) {
    put(r->out, " (see ");
    put(r->out, st->label[at]);
    put(r->out, ")\n");
    return;
  }
  st->label[at] = xstrdup(label);
  /* what an earlier opinion of the row explained the same way is not
   * repeated: the reader sees where the opinions differ */
  int s = x->state == NODE_NOT_REACHED ? -1 : explained_before(st, x);
  if (s >= 0) {
    fprintf(r->out, ", as under %s (%s)\n", st->opinion_name[st->res[s].opinion],
            st->label[(size_t)s * (size_t)st->nnodes + (size_t)x->node]);
    label_from(r, s, x, depth);
    return;
  }
  st->full[at] = true;
  print_how(r, x);
  fputc('\n', r->out);
  if (x->state == NODE_NOT_REACHED) return;
  pad += (int)strlen(label) + 1;
  print_sentence(r, x, pad);
  print_facts(r, x, pad);
  if (x->even_if) print_even_if(r, title_of(st, x), x->value_name, x->immaterial, x->nimmaterial, pad);
  /* --depth N: N levels of elements below the outcome */
  if (st->opts.depth >= 0 && depth + 1 >= st->opts.depth) return;
  for (int i = 0; i < x->nkids; i++) {
    char sub[64];
    snprintf(sub, sizeof sub, "%s%d.", label, i + 1);
    print_node(r, x->kids[i], sub, depth + 1);
  }
}

/* One blank fact's answers and the outcome each gives. */
/* The undecided section's markup: a heading line, each fact on its own
 * indented line with what each answer makes of the outcome. */
static void text_group(void *ud, const char *heading) {
  renderer *r = ud;
  put(r->out, "Undecided: ");
  put(r->out, heading);
}

static void text_fact(renderer *r, const pack_fact *f) {
  put(r->out, "\n  ");
  render_put_spaced(r->out, f->name);
  if (f->ask) fprintf(r->out, ": %s", f->ask);
}

static void text_deciding(void *ud, const explain_deciding *d, const pack_node *decides) {
  renderer *r = ud;
  const pack_fact *f = &r->p->facts[d->fact];
  text_fact(r, f);
  if (d->kind == DECIDES_NEVER) return;
  put(r->out, " (");
  for (int a = 0; a < d->nanswers; a++) {
    if (a) put(r->out, "; ");
    render_put_spaced(r->out, explain_answer_name(f, (rval)a));
    put(r->out, ": ");
    if (d->outcome[a] == RV_UNKNOWN) put(r->out, "still open");
    else render_put_spaced(r->out, pack_node_value_name(decides, d->outcome[a]));
  }
  put(r->out, ")");
}

static void text_untried(void *ud, const pack_fact *f) { text_fact(ud, f); }

static void text_group_end(void *ud) { put(((renderer *)ud)->out, "\n"); }

static void text_line(void *ud, bool undecided, const char *text) {
  renderer *r = ud;
  if (undecided) put(r->out, "Undecided: ");
  put(r->out, text);
  put(r->out, "\n");
}

/* For an undecided outcome: the blank facts that would decide it, by how. */
static void print_undecided(renderer *r, const explain_tree *tr, const pack_opinion *o) {
  render_undecided_out out = {text_group, text_deciding, text_untried, text_group_end, text_line, r};
  render_undecided(r->p, tr, o, &out);
}

/* A row the pack does not decide: which of its `outside` it meets, and why. */
static void print_outside(renderer *r, const pack_outside *s) {
  put(r->out, "Outside this pack");
  if (s->title) {
    put(r->out, ": ");
    put(r->out, s->title);
  }
  put(r->out, ".\n");
  if (s->says || s->nby) {
    if (s->says) put(r->out, s->says);
    else put(r->out, "Authority:");
    put_refs(r, s->by, s->nby);
    putc_unlocked('\n', r->out);
  }
}

/* ---- the row: what happened ------------------------------------------------- */

/* The facts the row states, in the pack's order, and the findings below it
 * supplies: "Facts: state actor: yes; ...", "Found below: State of mind:
 * negligent." */
static void print_row_facts(renderer *r, const case_row *row) {
  const text_state *st = r->state;
  const pack *p = r->p;
  char buf[64];
  int n = 0;
  for (int f = 0; f < p->nfacts; f++) {
    if (row->facts[f].v == RV_UNKNOWN) continue;
    put(r->out, n++ ? "; " : "Facts: ");
    put(r->out, st->fact_name[f]);
    put(r->out, ": ");
    render_put_spaced(r->out, explain_fact_text(p, row, f, buf, sizeof buf));
  }
  if (n) put(r->out, ".\n");
  n = 0;
  for (int k = 0; k < p->nnodes; k++) {
    if (!row->has_finding[k]) continue;
    put(r->out, n++ ? "; " : "Found below: ");
    put(r->out, st->title[k]);
    put(r->out, ": ");
    render_put_spaced(r->out, pack_node_value_name(&p->nodes[k], row->findings[k]));
  }
  if (n) put(r->out, ".\n");
}

/* An outcome and disposition: "Section 1983 claim: no; AFFIRM". */
static void print_outcome(renderer *r, const explain_tree *tr) {
  put(r->out, title_of(r->state, tr->root));
  put(r->out, ": ");
  render_put_spaced(r->out, tr->outcome_name);
  print_how(r, tr->root);
  /* no blank fact would decide it: the opinion's own rule leaves it open */
  if (tr->outcome == RV_UNKNOWN && !tr->root->open && !tr->ndeciding && !tr->nuntried && !tr->search_cut)
    put(r->out, " (left open)");
  if (!tr->disposition) return;
  put(r->out, "; ");
  if (strcmp(tr->disposition, "unknown") == 0) put(r->out, "disposition unknown");
  else render_put_upper(r->out, tr->disposition);
}

/* The element the outcome turns on, with its sentence. */
static void print_turn(renderer *r, const explain_tree *tr) {
  const text_state *st = r->state;
  const explain_node *x = tr->turns_on;
  if (x == tr->root) {
    /* no element below settles it alone: the outcome's own sentence */
    if (x->sentence && x->nkids && x->value != RV_UNKNOWN) fprintf(r->out, "   Because: %s\n", x->sentence);
    return;
  }
  put(r->out, "   Turns on ");
  put(r->out, title_of(st, x));
  put(r->out, ": ");
  render_put_spaced(r->out, x->value_name);
  print_how(r, x);
  put(r->out, x->sentence ? ". " : ".");
  if (x->sentence) put(r->out, x->sentence);
  putc_unlocked('\n', r->out);
}

/* One opinion's line of the summary, and the element it turns on. */
static void print_summary(renderer *r, const render_result *res) {
  const text_state *st = r->state;
  const explain_tree *tr = res->tree;
  put(r->out, st->opinion_name[res->opinion]);
  put(r->out, " — ");
  if (res->error) {
    put(r->out, "not decided: a rule failed.\n");
    if (st->opts.brief) err_print(res->error, r->out);
    return;
  }
  print_outcome(r, tr);
  put(r->out, ".\n");
  print_turn(r, tr);
  /* an undecided outcome: the blank facts any one of which decides it */
  int n = 0;
  for (int i = 0; i < tr->ndeciding; i++) {
    if (tr->deciding[i].kind != DECIDES_ALWAYS) continue;
    put(r->out, n++ ? ", " : "   Answering any one of these would decide it: ");
    render_put_spaced(r->out, r->p->facts[tr->deciding[i].fact].name);
  }
  if (n) put(r->out, ".\n");
}

/* One opinion's reasoning: its heading, the outcome and disposition with
 * their sentences, the tree of elements, and what would decide it. */
static void print_reasoning(renderer *r, const render_result *res) {
  text_state *st = r->state;
  const pack *p = r->p;
  const explain_tree *tr = res->tree;
  const pack_opinion *o = &p->opinions[res->opinion];
  memset(st->same, 0, (size_t)st->slot * (size_t)st->nnodes);
  fprintf(r->out, "\n%s\n", st->opinion_head[res->opinion]);
  if (res->error) {
    fputs("Not decided under this opinion: a rule failed.\n", r->out);
    err_print(res->error, r->out);
    return;
  }
  if (tr->maybe_outside >= 0) {
    const pack_outside *s = &p->outside[tr->maybe_outside];
    fprintf(r->out, "Note: some answers to the blank facts would put this row outside the pack (%s).\n",
            s->title ? s->title : s->name);
  }
  put(r->out, "Outcome: ");
  print_outcome(r, tr);
  put(r->out, ".\n");
  if (tr->disposition_root && tr->disposition_root->sentence)
    fprintf(r->out, "%s\n", tr->disposition_root->sentence);
  const explain_node *root = tr->root;
  print_sentence(r, root, 0);
  st->label[(size_t)st->slot * (size_t)st->nnodes + (size_t)root->node] = xstrdup("the outcome");
  /* the note goes where the reason is: at the outcome only for blank
   * facts no element below explains */
  if (root->even_if)
    print_even_if(r, title_of(st, root), tr->outcome_name, root->immaterial, root->nimmaterial, 0);
  print_facts(r, root, 0);
  for (int i = 0; i < root->nkids && st->opts.depth != 0; i++) {
    char label[32];
    snprintf(label, sizeof label, "%d.", i + 1);
    print_node(r, root->kids[i], label, 0);
  }
  print_undecided(r, tr, o);
}

static void text_begin(renderer *r) { (void)r; }

/* Whether the pack put the row outside its scope (for every opinion that
 * did not fail): it is then reported once, not per opinion. */
static int row_outside(const render_result *res, int n) {
  int outside = -1;
  for (int t = 0; t < n; t++) {
    if (res[t].error) continue;
    if (res[t].tree->outside < 0) return -1;
    outside = res[t].tree->outside;
  }
  return outside;
}

/* Each tree's node for each pack node, to compare opinions by. */
static void index_tree(text_state *st, int slot, const explain_node *x, int depth) {
  const explain_node **at = &st->node_of[(size_t)slot * (size_t)st->nnodes + (size_t)x->node];
  if (*at || depth > 256) return;
  *at = x;
  for (int i = 0; i < x->nkids; i++) index_tree(st, slot, x->kids[i], depth + 1);
}

static void text_row(renderer *r, const case_row *row, const render_result *res, int ntrees);

static void text_item(renderer *r, const render_item *it) { text_row(r, it->row, it->results, it->n); }

static void text_row(renderer *r, const case_row *row, const render_result *res, int ntrees) {
  text_state *st = r->state;
  flockfile(r->out);
  for (int i = 0; i < st->nrefs; i++) st->ref[st->order[i]] = 0;
  st->nrefs = 0;
  size_t cells = (size_t)ntrees * (size_t)st->nnodes;
  if (ntrees > st->slots) {
    /* room for the run's opinions, made at the first row that needs it */
    st->label = xrealloc(st->label, sizeof *st->label * cells);
    memset(st->label + (size_t)st->slots * (size_t)st->nnodes, 0,
           sizeof *st->label * (size_t)(ntrees - st->slots) * (size_t)st->nnodes);
    st->full = xrealloc(st->full, sizeof *st->full * cells);
    st->node_of = xrealloc((void *)st->node_of, sizeof *st->node_of * cells);
    st->same = xrealloc(st->same, sizeof *st->same * cells);
    st->slots = ntrees;
  }
  for (size_t i = 0; i < cells; i++) {
    free(st->label[i]);
    st->label[i] = NULL;
  }
  memset(st->full, 0, sizeof *st->full * cells);
  memset((void *)st->node_of, 0, sizeof *st->node_of * cells);
  st->res = res;
  for (int t = 0; t < ntrees; t++)
    if (!res[t].error && res[t].tree->outside < 0) index_tree(st, t, res[t].tree->root, 0);
  if (!st->opts.reasoning_only) {
    char place[RENDER_PLACE_MAX];
    fprintf(r->out, "== %s%s%s (%s) ==\n", row->id, row->title ? ": " : "", row->title ? row->title : "",
            render_place(r->source, row, false, place, sizeof place));
    if (row->note && row->note[0]) fprintf(r->out, "Note: %s\n", row->note);
    print_row_facts(r, row);
    putc_unlocked('\n', r->out);
  }
  int outside = row_outside(res, ntrees);
  if (st->opts.reasoning_only && outside < 0) {
    for (st->slot = 0; st->slot < ntrees; st->slot++) print_reasoning(r, &res[st->slot]);
  } else if (outside >= 0) {
    print_outside(r, &r->p->outside[outside]);
    for (int t = 0; t < ntrees; t++)
      if (res[t].error) print_summary(r, &res[t]);
  } else {
    for (int t = 0; t < ntrees; t++) print_summary(r, &res[t]);
    for (st->slot = 0; st->slot < ntrees && !st->opts.brief; st->slot++) print_reasoning(r, &res[st->slot]);
  }
  print_authorities(r);
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

static void free_list(char **list, int n) {
  for (int i = 0; i < n; i++) free(list[i]);
  free(list);
}

static void text_free(renderer *r) {
  text_state *st = r->state;
  free_list(st->label, st->slots * st->nnodes);
  free(st->full);
  free((void *)st->node_of);
  free(st->same);
  free_list(st->title, st->nnodes);
  free_list(st->fact_name, r->p->nfacts);
  free_list(st->cite, r->p->nauthorities);
  free_list(st->opinion_name, r->p->nopinions);
  free_list(st->opinion_head, r->p->nopinions);
  free(st->ref);
  free(st->order);
  free(st);
}

/* The heading of an opinion's reasoning: "-- NAME: TITLE, DATE; joined by
 * ... --", the title only where the name is not it; for law other than the
 * case's own, the span it was the law in place of the date. The caller
 * frees it. */
static char *opinion_head(const pack_opinion *o, const char *name, const char *span, bool own) {
  const char *when = own ? o->date : span;
  bool titled = o->title && strcmp(o->title, name) != 0;
  return xasprintf("-- %s%s%s%s%s%s%s --", name, titled ? ": " : "", titled ? o->title : "", when ? ", " : "",
                   when ? when : "", o->joined ? "; joined by " : "", o->joined ? o->joined : "");
}

renderer *render_text_new(const render_setup *s) {
  const pack *p = s->p;
  renderer *r = xcalloc(1, sizeof *r);
  text_state *st = xcalloc(1, sizeof *st);
  st->opts.depth = s->limit_depth ? s->depth : -1;
  st->opts.brief = s->brief;
  st->opts.reasoning_only = s->reasoning_only;
  st->nnodes = p->nnodes;
  st->title = xcalloc((size_t)p->nnodes + 1, sizeof *st->title);
  for (int n = 0; n < p->nnodes; n++) {
    char tbuf[128];
    st->title[n] = xstrdup(explain_node_title(&p->nodes[n], tbuf, sizeof tbuf));
  }
  st->fact_name = xcalloc((size_t)p->nfacts + 1, sizeof *st->fact_name);
  for (int f = 0; f < p->nfacts; f++) {
    st->fact_name[f] = xstrdup(p->facts[f].name);
    for (char *c = st->fact_name[f]; *c; c++)
      if (*c == '_') *c = ' ';
  }
  st->cite = xcalloc((size_t)p->nauthorities + 1, sizeof *st->cite);
  for (int a = 0; a < p->nauthorities; a++) st->cite[a] = render_cite(&p->authorities[a]);
  st->ref = xcalloc((size_t)p->nauthorities + 1, sizeof *st->ref);
  st->order = xcalloc((size_t)p->nauthorities + 1, sizeof *st->order);
  /* the case's own opinions go by their judges' names; other law by its
   * title and the years it held */
  int *own = xcalloc((size_t)p->nopinions + 1, sizeof *own);
  bool *is_own = xcalloc((size_t)p->nopinions + 1, sizeof *is_own);
  for (int i = 0, n = pack_case_opinions(p, own); i < n; i++) is_own[own[i]] = true;
  st->opinion_name = xcalloc((size_t)p->nopinions + 1, sizeof *st->opinion_name);
  st->opinion_head = xcalloc((size_t)p->nopinions + 1, sizeof *st->opinion_head);
  for (int i = 0; i < p->nopinions; i++) {
    const pack_opinion *o = &p->opinions[i];
    char *name = render_opinion_name(o, is_own[i]);
    char *span = is_own[i] ? NULL : render_opinion_span(o);
    st->opinion_name[i] = span ? xasprintf("%s, %s", name, span) : xstrdup(name);
    st->opinion_head[i] = opinion_head(o, name, span, is_own[i]);
    free(name);
    free(span);
  }
  free(own);
  free(is_own);
  *r = (renderer){.state = st, .wants_tree = true, .begin = text_begin, .item = text_item,
                  .row_error = text_row_error, .end = text_end, .free = text_free};
  return r;
}
