/* render_brief: an argument outline for one side, as text, Markdown or
 * JSON. */
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "render.h"
#include "render_argue.h"
#include "render_jansson.h"

#define BRIEF_SCHEMA "ratio.brief/1"
#define BELOW_DEPTH 2 /* how far below an element its view shows the reasoning */

/* ---- what every format needs ------------------------------------------------------ */

static pack_party other_side(pack_party s) { return s == PARTY_PLAINTIFF ? PARTY_DEFENDANT : PARTY_PLAINTIFF; }

/* Whether node k, as x has it, sets view v apart from the other views of
 * element e: some opinion of another view does not reach it, or decides
 * it otherwise. */
static bool sets_apart(const brief_result *r, const brief_element *e, const brief_view *v, const explain_node *k) {
  for (int i = 0; i < e->nviews; i++) {
    const brief_view *w = &e->views[i];
    if (w == v) continue;
    for (int j = 0; j < w->nops; j++) {
      const explain_node *y = NULL;
      const explain_tree *t = r->trees[w->ops[j]];
      /* the same walk the brief made: root, then the disposition */
      const explain_node *stack[512];
      int sp = 0;
      if (t->root) stack[sp++] = t->root;
      if (t->disposition_root) stack[sp++] = t->disposition_root;
      int guard = 0;
      while (sp > 0 && !y && guard++ < 100000) {
        const explain_node *z = stack[--sp];
        if (z->node == k->node) y = z;
        for (int q = 0; q < z->nkids && sp < 512; q++) stack[sp++] = z->kids[q];
      }
      if (!y || y->state == NODE_NOT_REACHED || y->value != k->value) return true;
    }
  }
  return false;
}

/* The nodes a view shows below its element: reached, with a sentence, at
 * most BELOW_DEPTH down, each once, in the order of the explanation, and
 * only those that set it apart from the other views (what they share is
 * no argument for either). */
static void below(const brief_result *r, const brief_element *e, const brief_view *v, const explain_node *x,
                  int depth, const explain_node **out, int *n, int cap) {
  if (depth >= BELOW_DEPTH || !e->parted) return;
  for (int i = 0; i < x->nkids; i++) {
    const explain_node *k = x->kids[i];
    if (k->state == NODE_NOT_REACHED || !k->sentence || !sets_apart(r, e, v, k)) continue;
    bool seen = false;
    for (int j = 0; j < *n && !seen; j++) seen = out[j] == k;
    if (!seen && *n < cap) out[(*n)++] = k;
    below(r, e, v, k, depth + 1, out, n, cap);
  }
}

/* The facts the element and the nodes shown below it read, each once. */
static int relied_on(const pack *p, const explain_node *x, const explain_node *const *shown, int nshown,
                     const explain_fact **out) {
  int n = 0;
  for (int s = -1; s < nshown; s++) {
    const explain_node *y = s < 0 ? x : shown[s];
    for (int i = 0; i < y->nfacts; i++) {
      bool seen = false;
      for (int j = 0; j < n && !seen; j++) seen = out[j]->fact == y->facts[i].fact;
      if (!seen && n < p->nfacts) out[n++] = &y->facts[i];
    }
  }
  return n;
}

/* The authorities of the element and of the nodes shown below it, each once. */
static int authorities(const pack *p, const explain_node *x, const explain_node *const *shown, int nshown, int *out) {
  int n = 0;
  for (int s = -1; s < nshown; s++) {
    const explain_node *y = s < 0 ? x : shown[s];
    for (int i = 0; i < y->nby; i++) {
      bool seen = false;
      for (int j = 0; j < n && !seen; j++) seen = out[j] == y->by[i];
      if (!seen && n < p->nauthorities) out[n++] = y->by[i];
    }
  }
  return n;
}

/* A value as words: "yes", "negligent (found below)", "unknown (left open)". */
static void value_words(FILE *out, const pack *p, const explain_node *x) {
  char vb[200];
  fputs(render_spaced(pack_node_value_name(&p->nodes[x->node], x->value), vb, sizeof vb), out);
  if (x->state == NODE_FOUND) fputs(" (found below)", out);
  if (x->open) fputs(" (left open)", out);
  if (x->even_if) fputs(" (even if)", out);
}

static void step_words(FILE *out, const pack *p, int node, node_state st, rval v) {
  char vb[200];
  fputs(st == NODE_NOT_REACHED ? "not reached" : render_spaced(pack_node_value_name(&p->nodes[node], v), vb, sizeof vb),
        out);
}

/* An answer a change gives: a fact's sentence, or a finding's. */
static char *change_sentence(const pack *p, const whatif_change *c, rval v) {
  if (!c->finding) {
    if (v == RV_UNKNOWN) return xasprintf("%s Not stated.", p->facts[c->index].ask ? p->facts[c->index].ask : p->facts[c->index].name);
    return render_answer(p, false, c->index, v, NODE_DERIVED);
  }
  char tb[200];
  if (v == RV_UNKNOWN)
    return xasprintf("No finding below of %s: the pack derives it from the facts.",
                     explain_node_title(&p->nodes[c->index], tb, sizeof tb));
  return render_answer(p, true, c->index, v, NODE_FOUND);
}

/* What a pivot's answers would be: one sentence, or for several answers
 * to a finding its values ("State of mind, as found below: intentional,
 * deliberate indifference or reckless."), or the sentences in turn. */
static char *pivot_then(const pack *p, const brief_pivot *pv) {
  const whatif_change *c = &pv->change;
  if (pv->nto <= 1) return change_sentence(p, c, c->to);
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  char tb[200], vb[200];
  if (c->finding) {
    fprintf(m, "%s, as found below: ", explain_node_title(&p->nodes[c->index], tb, sizeof tb));
    for (int i = 0; i < pv->nto; i++)
      fprintf(m, "%s%s", i == 0 ? "" : i == pv->nto - 1 ? " or " : ", ",
              pv->to[i] == RV_UNKNOWN ? "no finding" : render_spaced(pack_node_value_name(&p->nodes[c->index], pv->to[i]), vb, sizeof vb));
    fputc('.', m);
  } else {
    for (int i = 0; i < pv->nto; i++) {
      whatif_change one = *c;
      one.to = pv->to[i];
      char *s = change_sentence(p, &one, one.to);
      fprintf(m, "%s%s", i ? " Or: " : "", s);
      free(s);
    }
  }
  fclose(m);
  return buf;
}

/* ---- text and Markdown ------------------------------------------------------------------ */

typedef struct doc {
  FILE *out;
  const pack *p;
  const brief_result *r;
  bool md;
  argue_doc a;
} doc;

/* "Blackmun, J., dissenting [blackmun]": the opinion as every text output
 * heads it (render_opinion_label), and the name the options take. */
static void op_label(doc *d, int k) {
  int op = d->r->ops[k];
  char *label = render_opinion_label(d->p, op);
  const char *name = d->p->opinions[op].name;
  fputs(label, d->out);
  /* the name the options take, unless the label already begins with it */
  if (strncmp(label, name, strlen(name)) != 0) fprintf(d->out, d->md ? " (`%s`)" : " [%s]", name);
  free(label);
}

/* A view's opinions: the first by its label, the others by name. */
static void view_label(doc *d, const brief_view *v) {
  if (d->md) fputs("*", d->out);
  op_label(d, v->ops[0]);
  if (d->md) fputs("*", d->out);
  if (v->nops > 1) {
    fputs(d->md ? " (and " : " (and ", d->out);
    for (int i = 1; i < v->nops; i++)
      fprintf(d->out, d->md ? "%s`%s`" : "%s%s", i == 1 ? "" : i == v->nops - 1 ? " and " : ", ",
              d->p->opinions[d->r->ops[v->ops[i]]].name);
    fputc(')', d->out);
  }
}

static void heading(doc *d, int level, const char *text) {
  if (d->md) {
    for (int i = 0; i < level; i++) fputc('#', d->out);
    fprintf(d->out, " %s\n\n", text);
  } else if (level <= 2) {
    fprintf(d->out, "%s\n", text);
    for (size_t i = 0; i < strlen(text); i++) fputc(level == 1 ? '=' : '-', d->out);
    fputs("\n\n", d->out);
  } else {
    fprintf(d->out, "%s\n\n", text);
  }
}

static void cite_list(doc *d, const int *auth, int n) {
  for (int i = 0; i < n; i++) {
    const pack_authority *a = &d->p->authorities[auth[i]];
    char *cite = render_cite(a);
    fprintf(d->out, "%s%s%s%s", i ? "; " : "", d->md ? "*" : "", cite, d->md ? "*" : "");
    if (a->quote) fprintf(d->out, " (\"%s\")", a->quote);
    free(cite);
  }
}

static void fact_sentence(doc *d, const explain_fact *f) {
  const pack_fact *pf = &d->p->facts[f->fact];
  if (strcmp(f->value, "unknown") == 0) {
    fprintf(d->out, "not stated: %s", pf->ask ? pf->ask : pf->name);
    return;
  }
  char *s = pack_fact_sentence(d->p, f->fact, f->value);
  fputs(s ? s : f->value, d->out);
  if (f->presumed) fputs(" (presumed)", d->out);
  free(s);
}

/* A decided case in which the element came out as the view has it; for
 * the other side's case, what sets it apart. Lines begin with pad. */
static void view_precedent(doc *d, const brief_element *e, const brief_view *v, const char *pad) {
  const brief_result *r = d->r;
  const distinguish_precedent *c = &r->precedents->precedents[v->precedent];
  char *name = render_case_name(c->row);
  char tb[200], vb[200];
  pack_party won = v->lean > 0 ? r->side : other_side(r->side);
  fprintf(d->out, "%s%sThe closest case for %s here: %s%s%s (%s%s%s). There too %s%s%s was %s under %s, and the case went "
                  "for %s.\n",
          pad, d->md ? "- " : "", render_party(won), d->md ? "*" : "", name, d->md ? "*" : "", d->md ? "`" : "",
          c->row->id, d->md ? "`" : "", d->md ? "*" : "", explain_node_title(&d->p->nodes[e->node], tb, sizeof tb),
          d->md ? "*" : "", render_spaced(pack_node_value_name(&d->p->nodes[e->node], v->x->value), vb, sizeof vb),
          d->p->opinions[r->ops[v->precedent_op]].name, render_party(won));
  if (v->lean < 0) {
    char inner[40];
    snprintf(inner, sizeof inner, "%s  ", pad);
    int n = 0;
    for (int i = 0; i < c->ndistinctions; i++) {
      const distinguish_fact *f = &c->distinctions[i];
      bool helps = false;
      for (int j = 0; j < f->nops && !helps; j++)
        helps = f->helps[j] == HELPS_BOTH ||
                f->helps[j] == (r->side == PARTY_PLAINTIFF ? HELPS_PLAINTIFF : HELPS_DEFENDANT);
      if (!helps) continue;
      if (!n++) fprintf(d->out, "%s%sDistinguish %s:\n", inner, d->md ? "- " : "", name);
      char deeper[48];
      snprintf(deeper, sizeof deeper, "%s  ", inner);
      render_argue_distinction(&d->a, c, f, deeper);
    }
    if (!n)
      fprintf(d->out, "%s%sNothing that matters sets %s apart for %s: it must be met on the rule, not on the facts.\n",
              inner, d->md ? "- " : "", name, render_party(r->side));
  }
  free(name);
}

static void view(doc *d, const brief_element *e, const brief_view *v) {
  FILE *out = d->out;
  const brief_result *r = d->r;
  const char *pad = d->md ? "  " : "    ";
  const char *item = d->md ? "- " : "";
  fputs(d->md ? "- " : "  - ", out);
  view_label(d, v);
  fputs(": ", out);
  value_words(out, d->p, v->x);
  fputs(".", out);
  if (v->x->sentence) fprintf(out, " %s", v->x->sentence);
  fputc('\n', out);
  const explain_node *shown[64];
  int nshown = 0;
  below(r, e, v, v->x, 0, shown, &nshown, 64);
  for (int i = 0; i < nshown; i++) {
    char tb[200];
    fprintf(out, "%s%sBecause %s%s%s: ", pad, item, d->md ? "*" : "",
            explain_node_title(&d->p->nodes[shown[i]->node], tb, sizeof tb), d->md ? "*" : "");
    value_words(out, d->p, shown[i]);
    fprintf(out, ". %s\n", shown[i]->sentence);
  }
  const explain_fact **facts = xcalloc((size_t)d->p->nfacts + 1, sizeof *facts);
  int nf = relied_on(d->p, v->x, shown, nshown, facts);
  if (nf && e->parted) {
    fprintf(out, "%s%sThe facts relied on: ", pad, item);
    for (int i = 0; i < nf; i++) {
      fputs(i ? " " : "", out);
      fact_sentence(d, facts[i]);
    }
    fputc('\n', out);
  }
  free(facts);
  int *auth = xcalloc((size_t)d->p->nauthorities + 1, sizeof *auth);
  int na = authorities(d->p, v->x, shown, nshown, auth);
  if (na) {
    fprintf(out, "%s%sAuthority: ", pad, item);
    cite_list(d, auth, na);
    fputs(".\n", out);
  }
  free(auth);
  if (v->precedent >= 0) {
    view_precedent(d, e, v, pad);
  } else if (e->parted && v->lean != 0) {
    char tb[200];
    fprintf(out, "%s%sNo decided case in the library came out %s at %s%s%s with the case going for %s.\n", pad, item,
            pack_node_value_name(&d->p->nodes[e->node], v->x->value), d->md ? "*" : "",
            explain_node_title(&d->p->nodes[e->node], tb, sizeof tb), d->md ? "*" : "",
            render_party(v->lean > 0 ? r->side : other_side(r->side)));
  }
}

/* One change and what it does, opinion by opinion. */
static void pivot(doc *d, const brief_pivot *pv, bool defend) {
  FILE *out = d->out;
  const pack *p = d->p;
  const brief_result *r = d->r;
  const whatif_change *c = &pv->change;
  const char *pad = d->md ? "  " : "    ";
  const char *item = d->md ? "- " : "";
  char *now = change_sentence(p, c, c->from), *then = pivot_then(p, pv);
  fprintf(out, d->md ? "- `%s`%s: %s\n" : "  - %s%s: %s\n", c->finding ? p->nodes[c->index].name : p->facts[c->index].name,
          c->finding ? " (a finding below)" : "", now);
  fprintf(out, "%s%sIf instead: %s\n", pad, item, then);
  bool *done = xcalloc((size_t)pv->neffects + 1, sizeof *done);
  for (int i = 0; i < pv->neffects; i++) {
    if (done[i]) continue;
    const brief_effect *ef = &pv->effects[i];
    int op = r->ops[ef->op];
    char tb[200];
    fprintf(out, "%s%s", pad, item);
    op_label(d, ef->op);
    /* opinions the change moves the same way, with the same words, on one line */
    int more = 0;
    for (int j = i + 1; j < pv->neffects; j++) {
      const brief_effect *g = &pv->effects[j];
      if (g->before != ef->before || g->after != ef->after || g->node != ef->node || g->to != ef->to ||
          g->to_state != ef->to_state || (g->sentence == NULL) != (ef->sentence == NULL) ||
          (g->sentence && strcmp(g->sentence, ef->sentence) != 0))
        continue;
      done[j] = true;
      const char *name = d->p->opinions[r->ops[g->op]].name;
      if (d->md) fprintf(out, more++ ? ", `%s`" : " (and `%s`", name);
      else fprintf(out, more++ ? ", %s" : " (and %s", name);
    }
    if (more) fputc(')', out);
    fputs(": ", out);
    render_outcome_words(out, p, op, ef->before, NULL, false);
    fputs(d->md ? " → " : " -> ", out);
    render_outcome_words(out, p, op, ef->after, NULL, false);
    fprintf(out, ", at %s%s%s (", d->md ? "*" : "", explain_node_title(&p->nodes[ef->node], tb, sizeof tb),
            d->md ? "*" : "");
    step_words(out, p, ef->node, ef->from_state, ef->from);
    fputs(d->md ? " → " : " -> ", out);
    step_words(out, p, ef->node, ef->to_state, ef->to);
    fputs(")", out);
    if (ef->sentence) fprintf(out, ": %s", ef->sentence);
    else fputc('.', out);
    fputc('\n', out);
  }
  free(done);
  if (pv->nunmoved) {
    fprintf(out, "%s%s%s", pad, item, defend ? "Even so, " : "Whichever way it goes, ");
    for (int i = 0; i < pv->nunmoved; i++) {
      fputs(i == 0 ? "" : i == pv->nunmoved - 1 ? " and " : ", ", out);
      op_label(d, pv->unmoved[i]);
    }
    fprintf(out, " %s for %s.\n", defend ? "would still decide" : "decides", render_party(r->side));
  }
  free(now);
  free(then);
}

static void subheading(doc *d, const char *text) {
  if (d->md) fprintf(d->out, "**%s**\n\n", text);
  else fprintf(d->out, "  %s:\n", text);
}

static void element_section(doc *d, int num, const brief_element *e) {
  FILE *out = d->out;
  const brief_result *r = d->r;
  char tb[200], title[400], label[200];
  snprintf(title, sizeof title, "%d. %s", num, explain_node_title(&d->p->nodes[e->node], tb, sizeof tb));
  heading(d, 3, title);
  const char *side = render_party(r->side), *other = render_party(other_side(r->side));
  if (e->parted) {
    /* one side's opinions, then those that leave it open, then the other's */
    for (int g = 1; g >= -1; g--) {
      int n = 0;
      for (int i = 0; i < e->nviews; i++) n += e->views[i].lean == g;
      if (!n) continue;
      if (g > 0) snprintf(label, sizeof label, "The argument for %s", side);
      else if (g < 0) snprintf(label, sizeof label, "What %s will answer", other);
      else snprintf(label, sizeof label, "Opinions that leave the outcome open");
      subheading(d, label);
      for (int i = 0; i < e->nviews; i++)
        if (e->views[i].lean == g) view(d, e, &e->views[i]);
      fputc('\n', out);
    }
  } else {
    if (e->nviews == 0) {
      fprintf(out, "%sNo opinion reaches it on these facts; the changes below would bring it in.\n\n", d->md ? "" : "  ");
    } else {
      subheading(d, e->nviews > 1                ? "How the opinions decide it"
                    : e->views[0].nops > 1       ? "The opinions agree"
                                                 : "How the opinion decides it");
      for (int i = 0; i < e->nviews; i++) view(d, e, &e->views[i]);
      fputc('\n', out);
    }
  }
  if (e->ndefend) {
    snprintf(label, sizeof label, "Facts %s must defend", side);
    subheading(d, label);
    for (int i = 0; i < e->ndefend; i++) pivot(d, &e->defend[i], true);
    fputc('\n', out);
  }
  if (e->npress) {
    snprintf(label, sizeof label, "Facts %s must defend, where %s can press", other, side);
    subheading(d, label);
    for (int i = 0; i < e->npress; i++) pivot(d, &e->press[i], false);
    fputc('\n', out);
  }
}

static void short_answer(doc *d, int k) {
  FILE *out = d->out;
  const brief_result *r = d->r;
  const explain_tree *t = r->trees[k];
  fputs(d->md ? "- **" : "- ", out);
  op_label(d, k);
  fputs(d->md ? "**: " : ": ", out);
  if (t->outside >= 0) {
    const pack_outside *s = &d->p->outside[t->outside];
    fprintf(out, "outside this pack. %s\n", s->says ? s->says : "");
    return;
  }
  render_outcome_words(out, d->p, r->ops[k], t->outcome, t->disposition, false);
  fputs(".", out);
  if (t->root && t->root->sentence) fprintf(out, " %s", t->root->sentence);
  /* where it turns: the first element where the opinions part that this
   * opinion reaches, or for an open outcome the first it leaves open */
  for (int i = 0; i < r->nelements; i++) {
    const brief_element *e = &r->elements[i];
    for (int v = 0; v < e->nviews; v++) {
      for (int j = 0; j < e->views[v].nops; j++) {
        if (e->views[v].ops[j] != k || !e->parted) continue;
        if (t->outcome == RV_UNKNOWN && e->views[v].x->value != RV_UNKNOWN) continue;
        char tb[200];
        fprintf(out, " Where it turns: %s%s%s, ", d->md ? "*" : "", explain_node_title(&d->p->nodes[e->node], tb, sizeof tb),
                d->md ? "*" : "");
        value_words(out, d->p, e->views[v].x);
        fputs(".\n", out);
        return;
      }
    }
  }
  fputc('\n', out);
}

/* The facts the row states that some opinion read, and its findings. */
static void facts_section(doc *d) {
  const pack *p = d->p;
  const brief_result *r = d->r;
  bool *read = xcalloc((size_t)p->nfacts + 1, sizeof *read);
  /* a fact matters here when some opinion's evaluation read it */
  for (int k = 0; k < r->nops; k++) {
    const explain_node *stack[512];
    int sp = 0;
    if (r->trees[k]->root) stack[sp++] = r->trees[k]->root;
    if (r->trees[k]->disposition_root) stack[sp++] = r->trees[k]->disposition_root;
    int guard = 0;
    while (sp > 0 && guard++ < 100000) {
      const explain_node *x = stack[--sp];
      for (int i = 0; i < x->nfacts; i++) read[x->facts[i].fact] = true;
      for (int i = 0; i < x->nkids && sp < 512; i++) stack[sp++] = x->kids[i];
    }
  }
  heading(d, 2, "The facts");
  int n = 0;
  for (int f = 0; f < p->nfacts; f++) {
    if (!read[f] || r->row->facts[f].v == RV_UNKNOWN) continue;
    char buf[64];
    const char *v = explain_fact_text(p, r->row, f, buf, sizeof buf);
    char *s = pack_fact_sentence(p, f, v);
    fprintf(d->out, "%s%s", n++ ? " " : "", s ? s : v);
    free(s);
  }
  for (int node = 0; node < p->nnodes; node++) {
    if (!r->row->has_finding[node]) continue;
    char *s = render_answer(p, true, node, r->row->findings[node], NODE_FOUND);
    fprintf(d->out, "%s%s", n++ ? " " : "", s);
    free(s);
  }
  fputs(n ? "\n\n" : "The row states no fact an opinion reads.\n\n", d->out);
  free(read);
}

static void even_if_section(doc *d) {
  const brief_result *r = d->r;
  const pack *p = d->p;
  FILE *out = d->out;
  heading(d, 2, "Even if");
  int n = 0;
  /* one line per fact and answer, whatever elements it was filed under:
   * the opinions that stay for the side, and those it matters to */
  typedef struct line {
    int list;
    const brief_pivot *pv;
    char *fact;
    bool *stay, *matters;
  } line;
  line *lines = NULL;
  int nlines = 0;
  for (int list = 0; list < 2; list++) {
    for (int i = 0; i < r->nelements; i++) {
      const brief_element *e = &r->elements[i];
      if (list && !e->parted) continue; /* granting a fact no opinion disputes argues nothing */
      const brief_pivot *pvs = list ? e->press : e->defend;
      int np = list ? e->npress : e->ndefend;
      for (int j = 0; j < np; j++) {
        const brief_pivot *pv = &pvs[j];
        if (!pv->nunmoved) continue;
        /* against the side: even if it were otherwise; for it: even
         * granting the other side the fact as it stands */
        char *fact = list ? change_sentence(p, &pv->change, pv->change.from) : pivot_then(p, pv);
        line *l = NULL;
        for (int k = 0; k < nlines && !l; k++)
          if (lines[k].list == list && strcmp(lines[k].fact, fact) == 0) l = &lines[k];
        if (l) {
          free(fact);
        } else {
          lines = xrealloc(lines, sizeof *lines * (size_t)(nlines + 1));
          l = &lines[nlines++];
          *l = (line){list, pv, fact, xcalloc((size_t)r->nops + 1, sizeof(bool)), xcalloc((size_t)r->nops + 1, sizeof(bool))};
        }
        for (int k = 0; k < pv->nunmoved; k++) l->stay[pv->unmoved[k]] = true;
        for (int k = 0; k < pv->neffects; k++) l->matters[pv->effects[k].op] = true;
      }
    }
  }
  for (int i = 0; i < nlines; i++) {
    line *l = &lines[i];
    if (l->list)
      fprintf(out, "- Even granting %s: %s%s%s ", render_party(other_side(r->side)), d->md ? "*" : "", l->fact,
              d->md ? "*" : "");
    else
      fprintf(out, "- Even if: %s%s%s ", d->md ? "*" : "", l->fact, d->md ? "*" : "");
    int nstay = 0, shown = 0;
    for (int k = 0; k < r->nops; k++) nstay += l->stay[k];
    for (int k = 0; k < r->nops; k++) {
      if (!l->stay[k]) continue;
      fputs(shown == 0 ? "" : shown == nstay - 1 ? " and " : ", ", out);
      op_label(d, k);
      shown++;
    }
    fprintf(out, " %s for %s", l->list ? (nstay > 1 ? "decide" : "decides") : "would still decide", render_party(r->side));
    if (l->list) {
      fprintf(out, "; %s relies on it under ", render_party(other_side(r->side)));
      for (int k = 0, m = 0; k < r->nops; k++)
        if (l->matters[k]) fprintf(out, d->md ? "%s`%s`" : "%s%s", m++ ? ", " : "", p->opinions[r->ops[k]].name);
    }
    fputs(".\n", out);
    free(l->fact);
    free(l->stay);
    free(l->matters);
    n++;
  }
  free(lines);
  for (int i = 0; i < r->neven_if; i++) {
    const brief_even_if *ev = &r->even_if[i];
    char tb[200];
    fputs("- Under ", out);
    op_label(d, ev->op);
    fprintf(out, ", %s is ", explain_node_title(&p->nodes[ev->x->node], tb, sizeof tb));
    value_words(out, p, ev->x);
    fputs(" whichever way these are answered: ", out);
    for (int k = 0; k < ev->x->nimmaterial; k++)
      fprintf(out, d->md ? "%s`%s`" : "%s%s", k ? ", " : "", p->facts[ev->x->immaterial[k].fact].name);
    fputs(".\n", out);
    n++;
  }
  if (!n) fprintf(out, "No \"even if\" argument is available to %s on these facts: every fact that would defeat it under one opinion favouring it defeats it under all of them.\n", render_party(r->side));
  fputc('\n', out);
}

static void doc_render(doc *d, const char *source, const case_row *row) {
  const brief_result *r = d->r;
  const pack *p = d->p;
  FILE *out = d->out;
  char place[RENDER_PLACE_MAX], title[600];
  const char *side = render_party(r->side);
  snprintf(title, sizeof title, "Brief for %s: %s%s%s", side, row->id, row->title ? ", " : "",
           row->title ? row->title : "");
  heading(d, 1, title);
  fprintf(out, d->md ? "*%s; %d opinion%s: " : "%s; %d opinion%s: ", render_place(source, row, true, place, sizeof place),
          r->nops, r->nops == 1 ? "" : "s");
  for (int k = 0; k < r->nops; k++) fprintf(out, "%s%s", k ? ", " : "", p->opinions[r->ops[k]].name);
  fputs(d->md ? ".*\n\n" : ".\n\n", out);

  heading(d, 2, "Question presented");
  if (p->title) fprintf(out, "%s", p->title);
  if (p->case_name) fprintf(out, "%s(%s)", p->title ? " " : "", p->case_name);
  if (p->title || p->case_name) fputs("\n\n", out);
  for (int k = 0; k < r->nops; k++) {
    int dn = p->opinions[r->ops[k]].decides;
    bool seen = false;
    for (int j = 0; j < k && !seen; j++) seen = p->opinions[r->ops[j]].decides == dn;
    if (!seen && p->nodes[dn].ask) fprintf(out, "On these facts: %s\n\n", p->nodes[dn].ask);
  }

  heading(d, 2, "Short answer");
  for (int k = 0; k < r->nops; k++) short_answer(d, k);
  fputc('\n', out);

  facts_section(d);

  heading(d, 2, "Argument");
  if (!r->nelements) fputs("No element is contested: the opinions agree, and no single fact changes any outcome.\n\n", out);
  for (int i = 0; i < r->nelements; i++) element_section(d, i + 1, &r->elements[i]);

  even_if_section(d);

  heading(d, 2, "Precedents");
  const distinguish_result *dr = r->precedents;
  if (!dr->decided) {
    fputs("The row is outside this pack under every opinion: no decided case is argued from.\n", out);
    return;
  }
  fprintf(out, "From %d decided case%s, ranked by how close they are to this case in the facts that matter (ratio "
               "distinguish shows the comparison in full).\n\n",
          dr->nprecedents, dr->nprecedents == 1 ? "" : "s");
  if (r->argument) render_argue_moves(&d->a, r->argument);
}

/* ---- JSON ------------------------------------------------------------------------------ */

static json_t *node_json(const pack *p, const explain_node *x) {
  json_t *j = json_object();
  json_object_set_new(j, "node", json_string(p->nodes[x->node].name));
  json_object_set_new(j, "value", json_string(pack_node_value_name(&p->nodes[x->node], x->value)));
  json_object_set_new(j, "found", json_boolean(x->state == NODE_FOUND));
  json_object_set_new(j, "open", json_boolean(x->open));
  json_object_set_new(j, "even_if", json_boolean(x->even_if));
  json_object_set_new(j, "sentence", render_jstr(x->sentence));
  return j;
}

static json_t *authorities_json(const pack *p, const int *auth, int n) {
  json_t *a = json_array();
  for (int i = 0; i < n; i++) {
    const pack_authority *au = &p->authorities[auth[i]];
    json_t *x = json_object();
    char *cite = render_cite(au);
    json_object_set_new(x, "cite", json_string(cite));
    json_object_set_new(x, "quote", render_jstr(au->quote));
    free(cite);
    json_array_append_new(a, x);
  }
  return a;
}

static json_t *ops_json(const pack *p, const brief_result *r, const int *ops, int n) {
  json_t *a = json_array();
  for (int i = 0; i < n; i++) json_array_append_new(a, json_string(p->opinions[r->ops[ops[i]]].name));
  return a;
}

static json_t *view_json(const pack *p, const brief_result *r, const brief_element *e, const brief_view *v) {
  json_t *j = node_json(p, v->x);
  json_object_set_new(j, "opinions", ops_json(p, r, v->ops, v->nops));
  const explain_node *shown[64];
  int nshown = 0;
  below(r, e, v, v->x, 0, shown, &nshown, 64);
  json_t *bl = json_array();
  for (int i = 0; i < nshown; i++) json_array_append_new(bl, node_json(p, shown[i]));
  json_object_set_new(j, "below", bl);
  const explain_fact **facts = xcalloc((size_t)p->nfacts + 1, sizeof *facts);
  int nf = relied_on(p, v->x, shown, nshown, facts);
  json_t *fa = json_array();
  for (int i = 0; i < nf; i++) {
    json_t *x = json_object();
    json_object_set_new(x, "fact", json_string(p->facts[facts[i]->fact].name));
    bool blank = strcmp(facts[i]->value, "unknown") == 0;
    json_object_set_new(x, "value", blank ? json_null() : json_string(facts[i]->value));
    char *s = blank ? NULL : pack_fact_sentence(p, facts[i]->fact, facts[i]->value);
    json_object_set_new(x, "sentence", render_jstr(s));
    free(s);
    json_array_append_new(fa, x);
  }
  free(facts);
  json_object_set_new(j, "relies_on", fa);
  int *auth = xcalloc((size_t)p->nauthorities + 1, sizeof *auth);
  int na = authorities(p, v->x, shown, nshown, auth);
  json_object_set_new(j, "authorities", authorities_json(p, auth, na));
  free(auth);
  if (v->precedent >= 0) {
    json_t *x = json_object();
    json_object_set_new(x, "id", json_string(r->precedents->precedents[v->precedent].row->id));
    json_object_set_new(x, "rank", json_integer(v->precedent + 1));
    json_object_set_new(x, "opinion", json_string(p->opinions[r->ops[v->precedent_op]].name));
    json_object_set_new(j, "precedent", x);
  } else {
    json_object_set_new(j, "precedent", json_null());
  }
  return j;
}

static json_t *change_value_json(const pack *p, const whatif_change *c, rval v) {
  if (v == RV_UNKNOWN) return json_null();
  if (c->finding) return json_string(pack_node_value_name(&p->nodes[c->index], v));
  return json_string(explain_answer_name(&p->facts[c->index], v));
}

static json_t *pivots_json(const pack *p, const brief_result *r, const brief_pivot *list, int n) {
  json_t *a = json_array();
  for (int i = 0; i < n; i++) {
    const brief_pivot *pv = &list[i];
    const whatif_change *c = &pv->change;
    json_t *j = json_object(), *eff = json_array();
    json_object_set_new(j, c->finding ? "finding" : "fact",
                        json_string(c->finding ? p->nodes[c->index].name : p->facts[c->index].name));
    json_object_set_new(j, "now", change_value_json(p, c, c->from));
    json_t *ifs = json_array();
    for (int t = 0; t < pv->nto; t++) json_array_append_new(ifs, change_value_json(p, c, pv->to[t]));
    json_object_set_new(j, "if", ifs);
    char *now = change_sentence(p, c, c->from), *then = pivot_then(p, pv);
    json_object_set_new(j, "now_sentence", render_jstr(now));
    json_object_set_new(j, "if_sentence", render_jstr(then));
    free(now);
    free(then);
    for (int e = 0; e < pv->neffects; e++) {
      const brief_effect *ef = &pv->effects[e];
      int op = r->ops[ef->op];
      const pack_node *dn = &p->nodes[p->opinions[op].decides];
      json_t *x = json_object();
      json_object_set_new(x, "opinion", json_string(p->opinions[op].name));
      json_object_set_new(x, "outcome_now", json_string(pack_node_value_name(dn, ef->before)));
      json_object_set_new(x, "outcome_if", json_string(pack_node_value_name(dn, ef->after)));
      json_object_set_new(x, "at", json_string(p->nodes[ef->node].name));
      json_object_set_new(x, "from", ef->from_state == NODE_NOT_REACHED ? json_null()
                                                                        : json_string(pack_node_value_name(&p->nodes[ef->node], ef->from)));
      json_object_set_new(x, "to", ef->to_state == NODE_NOT_REACHED ? json_null()
                                                                    : json_string(pack_node_value_name(&p->nodes[ef->node], ef->to)));
      json_object_set_new(x, "sentence", render_jstr(ef->sentence));
      json_array_append_new(eff, x);
    }
    json_object_set_new(j, "effects", eff);
    json_object_set_new(j, "even_if", ops_json(p, r, pv->unmoved, pv->nunmoved));
    json_array_append_new(a, j);
  }
  return a;
}

static void json_render(FILE *out, const pack *p, const char *source, const case_row *row, const brief_result *r) {
  json_t *top = json_object(), *pk = json_object(), *rw = json_object();
  json_object_set_new(top, "schema", json_string(BRIEF_SCHEMA));
  json_object_set_new(pk, "name", render_jstr(p->name));
  json_object_set_new(pk, "title", render_jstr(p->title));
  json_object_set_new(pk, "case", render_jstr(p->case_name));
  json_object_set_new(top, "pack", pk);
  json_object_set_new(top, "source", json_string(source));
  json_object_set_new(rw, "id", json_string(row->id ? row->id : ""));
  if (row->title) json_object_set_new(rw, "title", json_string(row->title));
  json_object_set_new(rw, "line", json_integer(row->line));
  json_object_set_new(top, "row", rw);
  json_object_set_new(top, "side", json_string(pack_party_name(r->side)));
  json_t *q = json_array();
  for (int k = 0; k < r->nops; k++) {
    int dn = p->opinions[r->ops[k]].decides;
    bool seen = false;
    for (int j = 0; j < k && !seen; j++) seen = p->opinions[r->ops[j]].decides == dn;
    if (seen) continue;
    json_t *x = json_object();
    json_object_set_new(x, "node", json_string(p->nodes[dn].name));
    json_object_set_new(x, "ask", render_jstr(p->nodes[dn].ask));
    json_array_append_new(q, x);
  }
  json_object_set_new(top, "questions", q);
  json_t *sa = json_array();
  for (int k = 0; k < r->nops; k++) {
    const explain_tree *t = r->trees[k];
    int op = r->ops[k];
    json_t *x = json_object();
    json_object_set_new(x, "opinion", json_string(p->opinions[op].name));
    json_object_set_new(x, "title", render_jstr(p->opinions[op].title));
    bool outside = t->outside >= 0;
    json_object_set_new(x, "outcome", outside ? json_null() : json_string(t->outcome_name));
    json_object_set_new(x, "disposition", render_jstr(outside ? NULL : t->disposition));
    json_object_set_new(x, "favours", render_jstr(pack_party_name(distinguish_winner(p, op, t->outcome, outside))));
    json_object_set_new(x, "for_side", json_integer(r->lean[k]));
    json_object_set_new(x, "sentence", render_jstr(t->root && !outside ? t->root->sentence : NULL));
    json_array_append_new(sa, x);
  }
  json_object_set_new(top, "short_answers", sa);
  json_t *els = json_array();
  for (int i = 0; i < r->nelements; i++) {
    const brief_element *e = &r->elements[i];
    json_t *x = json_object(), *ours = json_array(), *open = json_array(), *theirs = json_array();
    json_object_set_new(x, "node", json_string(p->nodes[e->node].name));
    char tb[200];
    json_object_set_new(x, "title", json_string(explain_node_title(&p->nodes[e->node], tb, sizeof tb)));
    json_object_set_new(x, "parted", json_boolean(e->parted));
    for (int v = 0; v < e->nviews; v++)
      json_array_append_new(e->views[v].lean > 0 ? ours : e->views[v].lean < 0 ? theirs : open,
                            view_json(p, r, e, &e->views[v]));
    json_object_set_new(x, "argument", ours);
    json_object_set_new(x, "open", open);
    json_object_set_new(x, "answer", theirs);
    json_object_set_new(x, "defend", pivots_json(p, r, e->defend, e->ndefend));
    json_object_set_new(x, "press", pivots_json(p, r, e->press, e->npress));
    json_array_append_new(els, x);
  }
  json_object_set_new(top, "elements", els);
  json_t *ev = json_array();
  for (int i = 0; i < r->neven_if; i++) {
    const brief_even_if *e = &r->even_if[i];
    json_t *x = node_json(p, e->x), *im = json_array();
    json_object_set_new(x, "opinion", json_string(p->opinions[r->ops[e->op]].name));
    for (int k = 0; k < e->x->nimmaterial; k++) json_array_append_new(im, json_string(p->facts[e->x->immaterial[k].fact].name));
    json_object_set_new(x, "whatever", im);
    json_array_append_new(ev, x);
  }
  json_object_set_new(top, "even_if", ev);
  const distinguish_result *dr = r->precedents;
  if (r->argument) {
    json_object_set_new(top, "precedents", render_argue_json(p, dr, r->argument, false));
  } else {
    json_object_set_new(top, "precedents", json_null());
  }
  json_dumpf(top, out, RENDER_DUMP_FLAGS);
  fputc('\n', out);
  json_decref(top);
}

/* ---- the renderer ------------------------------------------------------------------------ */

typedef struct brief_state {
  bool json, md;
} brief_state;

static void brief_item(renderer *r, const render_item *it) {
  const brief_state *st = r->state;
  if (st->json) {
    json_render(r->out, r->p, r->source, it->row, it->brief);
    return;
  }
  doc d = {r->out, r->p, it->brief, st->md, {r->out, r->p, it->brief->precedents, st->md}};
  doc_render(&d, r->source, it->row);
}

renderer *render_brief_new(const render_setup *s, const char *format) {
  (void)s;
  brief_state *st = xcalloc(1, sizeof *st);
  st->json = strcmp(format, "json") == 0;
  st->md = strcmp(format, "md") == 0;
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = st, .item = brief_item, .row_error = render_row_error_to_diag, .free = render_free_state};
  return r;
}
