/* render_argue: phrases the argument renderers share. */
#include "render_argue.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "render.h"

const char *render_party(pack_party party) {
  switch (party) {
  case PARTY_PLAINTIFF: return "the plaintiff";
  case PARTY_DEFENDANT: return "the defendant";
  default: return "neither side";
  }
}

const char *render_item_name(const pack *p, bool finding, int index) {
  return finding ? p->nodes[index].name : p->facts[index].name;
}

char *render_answer(const pack *p, bool finding, int index, rval v, node_state state) {
  if (!finding) return v == RV_UNKNOWN ? NULL : pack_fact_sentence(p, index, explain_answer_name(&p->facts[index], v));
  const pack_node *n = &p->nodes[index];
  char tb[200], vb[200];
  if (state == NODE_NOT_REACHED) return xasprintf("%s: not reached.", explain_node_title(n, tb, sizeof tb));
  return xasprintf("%s: %s%s.", explain_node_title(n, tb, sizeof tb),
                   render_spaced(pack_node_value_name(n, v), vb, sizeof vb),
                   state == NODE_FOUND ? ", as found below" : "");
}

char *render_case_name(const case_row *row) {
  const char *t = row->title;
  if (!t || !*t) return xstrdup(row->id ? row->id : "");
  /* the name ends where the reporter's volume begins: ", 474 U.S." */
  for (const char *s = t; (s = strstr(s, ", ")) != NULL; s += 2)
    if (isdigit((unsigned char)s[2])) return xstrndup(t, (size_t)(s - t));
  return xstrdup(t);
}

void render_opinion_names(FILE *out, const pack *p, const int *all, const int *ops, int n) {
  for (int i = 0; i < n; i++)
    fprintf(out, "%s%s", i == 0 ? "" : i == n - 1 ? " and " : ", ", p->opinions[all[ops[i]]].name);
}

void render_outcome_words(FILE *out, const pack *p, int op, rval outcome, const char *disposition, bool outside) {
  if (outside) {
    fputs("outside this pack", out);
    return;
  }
  char vb[200];
  fputs(render_spaced(pack_node_value_name(&p->nodes[p->opinions[op].decides], outcome), vb, sizeof vb), out);
  pack_party w = distinguish_winner(p, op, outcome, false);
  if (w == PARTY_PLAINTIFF || w == PARTY_DEFENDANT) fprintf(out, ", for %s", render_party(w));
  /* a disposition node left unknown says nothing the outcome does not */
  if (disposition && strcmp(disposition, "unknown") != 0) fprintf(out, " (%s)", render_spaced(disposition, vb, sizeof vb));
}

/* ---- a distinction, a fact in common, the three moves ------------------------- */

/* What the swap of one distinction does, opinion by opinion, grouped: "helps
 * the plaintiff under majority and blackmun; alone it changes neither
 * outcome under brennan". A pack that does not say who wins gets only
 * whether the swap moves an outcome. */
static void helps_line(const argue_doc *d, const distinguish_precedent *c, const distinguish_fact *f) {
  const distinguish_result *r = d->r;
  int *ops = xcalloc((size_t)f->nops + 1, sizeof *ops);
  bool first = true;
  enum { PLAINTIFF, DEFENDANT, BOTH, MOVES, NONE };
  static const char *const words[] = {"helps the plaintiff under ", "helps the defendant under ",
                                      "cuts both ways under ", "alone it changes an outcome under ",
                                      "alone it changes neither outcome under "};
  for (int o = PLAINTIFF; o <= NONE; o++) {
    int n = 0;
    for (int i = 0; i < f->nops; i++) {
      int k = f->ops[i];
      bool moves = f->problem_if[i] != r->outcome[k] || f->precedent_if[i] != c->outcome[k];
      int cat = f->helps[i] == HELPS_PLAINTIFF   ? PLAINTIFF
                : f->helps[i] == HELPS_DEFENDANT ? DEFENDANT
                : f->helps[i] == HELPS_BOTH      ? BOTH
                : moves && !r->favours           ? MOVES
                                                 : NONE;
      if (cat == o) ops[n++] = k;
    }
    if (!n) continue;
    fprintf(d->out, "%s%c%s", first ? "" : "; ", first ? words[o][0] - 'a' + 'A' : words[o][0], words[o] + 1);
    render_opinion_names(d->out, d->p, r->ops, ops, n);
    first = false;
  }
  fputs(".\n", d->out);
  free(ops);
}

static void answer_text(const argue_doc *d, const distinguish_fact *f, rval v, node_state st, const char *who, const char *pad) {
  char *s = render_answer(d->p, f->finding, f->index, v, st);
  if (d->md)
    fprintf(d->out, "%s- %s: %s\n", pad, who, s ? s : "does not say.");
  else
    fprintf(d->out, "%s%s: %s\n", pad, who, s ? s : "does not say.");
  free(s);
}

/* One distinction: the fact, each side's answer, whom it helps. */
void render_argue_distinction(const argue_doc *d, const distinguish_precedent *c, const distinguish_fact *f, const char *pad) {
  char *name = render_case_name(c->row);
  char inner[32];
  if (d->md) {
    fprintf(d->out, "%s- `%s`%s\n", pad, render_item_name(d->p, f->finding, f->index),
            f->finding ? " (a finding below)" : "");
    snprintf(inner, sizeof inner, "%s  ", pad);
  } else {
    fprintf(d->out, "%s- %s%s\n", pad, render_item_name(d->p, f->finding, f->index),
            f->finding ? " (a finding below)" : "");
    snprintf(inner, sizeof inner, "%s    ", pad);
  }
  answer_text(d, f, f->problem, f->problem_state, "The problem", inner);
  answer_text(d, f, f->precedent, f->precedent_state, name, inner);
  fprintf(d->out, "%s%s", inner, d->md ? "- " : "");
  helps_line(d, c, f);
  free(name);
}

/* One fact in common, with the opinions it matters under when not all. */
void render_argue_analogy(const argue_doc *d, const distinguish_fact *f, const char *pad) {
  char *s = render_answer(d->p, f->finding, f->index, f->problem, f->problem_state);
  fprintf(d->out, "%s- %s", pad, s ? s : render_item_name(d->p, f->finding, f->index));
  free(s);
  if (f->nops < d->r->nops) {
    fputs(" (matters under ", d->out);
    render_opinion_names(d->out, d->p, d->r->ops, f->ops, f->nops);
    fputc(')', d->out);
  }
  fputc('\n', d->out);
}

/* ---- the three moves ------------------------------------------------------------- */

static void move_facts(const argue_doc *d, const distinguish_move *m, bool distinctions, const char *pad) {
  const distinguish_precedent *c = &d->r->precedents[m->precedent];
  for (int i = 0; i < m->nfacts; i++) {
    if (distinctions) render_argue_distinction(d, c, &c->distinctions[m->facts[i]], pad);
    else render_argue_analogy(d, &c->analogy[m->facts[i]], pad);
  }
}

static void cite_words(const argue_doc *d, const distinguish_move *m, pack_party side) {
  const distinguish_precedent *c = &d->r->precedents[m->precedent];
  char *name = render_case_name(c->row);
  fprintf(d->out, d->md ? "*%s* (`%s`), decided for %s under " : "%s (%s), decided for %s under ", name, c->row->id,
          render_party(side));
  render_opinion_names(d->out, d->p, d->r->ops, m->ops, m->nops);
  free(name);
}

void render_argue_moves(const argue_doc *d, const distinguish_argument *a) {
  FILE *out = d->out;
  pack_party side = a->side, other = side == PARTY_PLAINTIFF ? PARTY_DEFENDANT : PARTY_PLAINTIFF;
  const char *pad = d->md ? "   " : "     ";
  const char *list = d->md ? "   " : "       ";
  if (d->md) fprintf(out, "### For %s\n\n", render_party(side));
  else fprintf(out, "For %s:\n", render_party(side));
  char *cite_name = a->cite.precedent >= 0 ? render_case_name(d->r->precedents[a->cite.precedent].row) : NULL;
  char *counter_name =
      a->counter.precedent >= 0 ? render_case_name(d->r->precedents[a->counter.precedent].row) : NULL;
  /* 1 */
  fputs(d->md ? "1. " : "  1. ", out);
  if (a->cite.precedent < 0) {
    fprintf(out, "No decided case in the library came out for %s under these opinions.\n", render_party(side));
  } else {
    fputs("Cite ", out);
    cite_words(d, &a->cite, side);
    fputs(".\n", out);
    if (a->cite.nfacts) {
      fprintf(out, "%sLike the problem:\n", pad);
      move_facts(d, &a->cite, false, list);
    }
  }
  if (d->md) fputc('\n', out);
  /* 2 */
  fputs(d->md ? "2. " : "  2. ", out);
  if (a->counter.precedent < 0) {
    fprintf(out, "%s has no counter-example: no other decided case came out for %s.\n", render_party(other),
            render_party(other));
  } else {
    fprintf(out, "%c%s answers with ", 'T', render_party(other) + 1);
    cite_words(d, &a->counter, other);
    fputs(".\n", out);
    if (a->counter.nfacts) {
      fprintf(out, "%sLike the problem:\n", pad);
      move_facts(d, &a->counter, false, list);
    }
  }
  if (a->cite.precedent >= 0) {
    if (a->answer.nfacts) {
      fprintf(out, "%sAnd %s is unlike the problem:\n", pad, cite_name);
      move_facts(d, &a->answer, true, list);
    } else {
      fprintf(out, "%sNothing that matters sets %s apart for %s.\n", pad, cite_name, render_party(other));
    }
  }
  if (d->md) fputc('\n', out);
  /* 3 */
  if (a->counter.precedent >= 0) {
    fputs(d->md ? "3. " : "  3. ", out);
    if (a->rebut.nfacts) {
      fprintf(out, "%c%s distinguishes %s:\n", 'T', render_party(side) + 1, counter_name);
      move_facts(d, &a->rebut, true, list);
    } else {
      fprintf(out, "Nothing that matters sets %s apart for %s: it must be met on the rule, not on the facts.\n",
              counter_name, render_party(side));
    }
    if (d->md) fputc('\n', out);
  }
  if (!d->md) fputc('\n', out);
  free(cite_name);
  free(counter_name);
}


/* ---- JSON ---------------------------------------------------------------------- */

static json_t *value_json(const pack *p, bool finding, int index, rval v) {
  if (v == RV_UNKNOWN) return json_null();
  if (finding) return json_string(pack_node_value_name(&p->nodes[index], v));
  return json_string(explain_answer_name(&p->facts[index], v));
}

json_t *render_argue_opinions_json(const pack *p, const distinguish_result *r, const int *ops, int n) {
  json_t *a = json_array();
  for (int i = 0; i < n; i++) json_array_append_new(a, json_string(p->opinions[r->ops[ops[i]]].name));
  return a;
}

static const char *helps_name(distinguish_helps h) {
  switch (h) {
  case HELPS_PLAINTIFF: return "plaintiff";
  case HELPS_DEFENDANT: return "defendant";
  case HELPS_BOTH: return "both";
  default: return NULL;
  }
}

json_t *render_argue_fact_json(const pack *p, const distinguish_result *r, const distinguish_fact *f) {
  json_t *j = json_object();
  json_object_set_new(j, f->finding ? "finding" : "fact", json_string(render_item_name(p, f->finding, f->index)));
  json_object_set_new(j, "problem", value_json(p, f->finding, f->index, f->problem));
  json_object_set_new(j, "precedent", value_json(p, f->finding, f->index, f->precedent));
  if (f->finding) {
    json_object_set_new(j, "problem_found", json_boolean(f->problem_state == NODE_FOUND));
    json_object_set_new(j, "precedent_found", json_boolean(f->precedent_state == NODE_FOUND));
  }
  char *ps = render_answer(p, f->finding, f->index, f->problem, f->problem_state);
  char *cs = render_answer(p, f->finding, f->index, f->precedent, f->precedent_state);
  json_object_set_new(j, "problem_sentence", render_jstr(ps));
  json_object_set_new(j, "precedent_sentence", render_jstr(cs));
  free(ps);
  free(cs);
  json_object_set_new(j, "opinions", render_argue_opinions_json(p, r, f->ops, f->nops));
  if (f->helps) {
    json_t *eff = json_array();
    for (int i = 0; i < f->nops; i++) {
      int op = r->ops[f->ops[i]];
      const pack_node *dn = &p->nodes[p->opinions[op].decides];
      json_t *x = json_object();
      json_object_set_new(x, "opinion", json_string(p->opinions[op].name));
      json_object_set_new(x, "helps", render_jstr(helps_name(f->helps[i])));
      json_object_set_new(x, "problem_if", json_string(pack_node_value_name(dn, f->problem_if[i])));
      json_object_set_new(x, "precedent_if", json_string(pack_node_value_name(dn, f->precedent_if[i])));
      json_array_append_new(eff, x);
    }
    json_object_set_new(j, "effects", eff);
  }
  return j;
}

json_t *render_argue_move_json(const pack *p, const distinguish_result *r, const distinguish_move *m, bool distinctions) {
  if (m->precedent < 0) return json_null();
  const distinguish_precedent *c = &r->precedents[m->precedent];
  json_t *j = json_object(), *facts = json_array();
  json_object_set_new(j, "id", json_string(c->row->id));
  json_object_set_new(j, "rank", json_integer(m->precedent + 1));
  json_object_set_new(j, "opinions", render_argue_opinions_json(p, r, m->ops, m->nops));
  for (int i = 0; i < m->nfacts; i++) {
    const distinguish_fact *f = distinctions ? &c->distinctions[m->facts[i]] : &c->analogy[m->facts[i]];
    json_t *x = json_object();
    json_object_set_new(x, f->finding ? "finding" : "fact", json_string(render_item_name(p, f->finding, f->index)));
    json_array_append_new(facts, x);
  }
  json_object_set_new(j, distinctions ? "distinctions" : "analogy", facts);
  return j;
}


json_t *render_argue_json(const pack *p, const distinguish_result *r, const distinguish_argument *a, bool with_side) {
  json_t *x = json_object();
  if (with_side) json_object_set_new(x, "side", json_string(pack_party_name(a->side)));
  json_object_set_new(x, "cite", render_argue_move_json(p, r, &a->cite, false));
  json_object_set_new(x, "counter", render_argue_move_json(p, r, &a->counter, false));
  json_object_set_new(x, "answer", render_argue_move_json(p, r, &a->answer, true));
  json_object_set_new(x, "rebut", render_argue_move_json(p, r, &a->rebut, true));
  return x;
}
