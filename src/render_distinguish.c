/* render_distinguish: the decided cases closest to a problem, and the
 * argument by analogy, as text, Markdown or JSON. */
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "render.h"
#include "render_argue.h"
#include "render_jansson.h"

#define DISTINGUISH_SCHEMA "ratio.distinguish/1"

/* ---- text and Markdown -------------------------------------------------------- */

typedef struct doc {
  FILE *out;
  const pack *p;
  const distinguish_result *r;
  bool md;
  int top;
  argue_doc a; /* the same, for the shared pieces */
} doc;

/* The problem's results, or a precedent's: "majority no, for the defendant
 * (affirm); brennan ..." */
static void results_line(doc *d, const rval *outcome, const char *const *disp, const bool *outside) {
  const distinguish_result *r = d->r;
  for (int k = 0; k < r->nops; k++) {
    fprintf(d->out, "%s%s ", k ? "; " : "", d->p->opinions[r->ops[k]].name);
    render_outcome_words(d->out, d->p, r->ops[k], outcome[k], disp[k], outside[k]);
  }
}

/* In Markdown the title is bold, except in a heading. */
static void case_label(doc *d, const distinguish_precedent *c, bool heading) {
  char place[RENDER_PLACE_MAX];
  if (d->md)
    fprintf(d->out, heading ? "%s (`%s`, %s)" : "**%s** (`%s`, %s)", c->row->title ? c->row->title : c->row->id,
            c->row->id, render_place(c->source, c->row, true, place, sizeof place));
  else
    fprintf(d->out, "%s: %s (%s)", c->row->id, c->row->title ? c->row->title : c->row->id,
            render_place(c->source, c->row, false, place, sizeof place));
}

static void carries_line(doc *d, const distinguish_precedent *c) {
  const distinguish_result *r = d->r;
  int *yes = xcalloc((size_t)r->nops + 1, sizeof *yes), *no = xcalloc((size_t)r->nops + 1, sizeof *no);
  int ny = 0, nn = 0;
  for (int k = 0; k < r->nops; k++) {
    if (c->outside[k] || r->outside[k]) continue;
    if (c->carries[k]) yes[ny++] = k;
    else no[nn++] = k;
  }
  if (ny && !nn) {
    fputs("Its result carries over: the problem comes out the same under ", d->out);
    render_opinion_names(d->out, d->p, r->ops, yes, ny);
  } else if (!ny && nn) {
    fputs("Its result does not carry over: the problem comes out otherwise under ", d->out);
    render_opinion_names(d->out, d->p, r->ops, no, nn);
  } else if (ny) {
    fputs("Its result carries over under ", d->out);
    render_opinion_names(d->out, d->p, r->ops, yes, ny);
    fputs("; not under ", d->out);
    render_opinion_names(d->out, d->p, r->ops, no, nn);
  } else {
    fputs("No opinion decides both it and the problem", d->out);
  }
  fputs(".\n", d->out);
  free(yes);
  free(no);
}

static void precedent_full(doc *d, int rank) {
  const distinguish_precedent *c = &d->r->precedents[rank];
  FILE *out = d->out;
  const char *pad = d->md ? "" : "   ";
  if (d->md) fprintf(out, "### %d. ", rank + 1);
  else fprintf(out, "%d. ", rank + 1);
  case_label(d, c, true);
  fputs(d->md ? "\n\n" : "\n", out);
  fprintf(out, "%sOf the facts that matter: %d in common, %d that differ%s.\n%s", pad, c->nanalogy, c->ndistinctions,
          c->ndistinctions == 1 ? "s" : "", d->md ? "\n" : "");
  fprintf(out, "%sIts result: ", pad);
  results_line(d, c->outcome, c->disposition, c->outside);
  fputs(d->md ? ".\n\n" : ".\n", out);
  fputs(pad, out);
  carries_line(d, c);
  if (d->md) fputc('\n', out);
  if (c->nanalogy) {
    fprintf(out, d->md ? "Alike (the analogy):\n\n" : "%sAlike (the analogy):\n", pad);
    for (int i = 0; i < c->nanalogy; i++) render_argue_analogy(&d->a, &c->analogy[i], d->md ? "" : "     ");
    if (d->md) fputc('\n', out);
  }
  if (c->ndistinctions) {
    fprintf(out, d->md ? "Unlike (the distinctions):\n\n" : "%sUnlike (the distinctions):\n", pad);
    for (int i = 0; i < c->ndistinctions; i++) render_argue_distinction(&d->a, c, &c->distinctions[i], d->md ? "" : "     ");
    if (d->md) fputc('\n', out);
  }
  if (!d->md) fputc('\n', out);
}

static void precedent_line(doc *d, int rank) {
  const distinguish_precedent *c = &d->r->precedents[rank];
  fprintf(d->out, "%d. ", rank + 1);
  case_label(d, c, false);
  fprintf(d->out, ": %d in common, %d that differ%s; ", c->nanalogy, c->ndistinctions, c->ndistinctions == 1 ? "s" : "");
  results_line(d, c->outcome, c->disposition, c->outside);
  fputs(".\n", d->out);
}

static void doc_render(doc *d, const char *source, const case_row *row) {
  const distinguish_result *r = d->r;
  FILE *out = d->out;
  char place[RENDER_PLACE_MAX];
  if (d->md)
    fprintf(out, "# Distinguishing %s%s%s\n\n*%s*\n\n", row->id, row->title ? ": " : "", row->title ? row->title : "",
            render_place(source, row, true, place, sizeof place));
  else
    fprintf(out, "== %s%s%s (%s) ==\n\n", row->id, row->title ? ": " : "", row->title ? row->title : "",
            render_place(source, row, false, place, sizeof place));
  fputs("The problem: ", out);
  results_line(d, r->outcome, r->disposition, r->outside);
  fputs(d->md ? ".\n\n" : ".\n", out);
  fprintf(out, "Compared with %d decided case%s under %d opinion%s, in the facts that matter: a fact matters under "
               "an opinion when changing it alone changes that opinion's outcome for the problem or for the decided "
               "case. The closest have the fewest distinctions, each counted under every opinion it matters under "
               "(half when a case does not say, or when it alone changes neither outcome), then the most facts in "
               "common.\n",
          r->nprecedents, r->nprecedents == 1 ? "" : "s", r->nops, r->nops == 1 ? "" : "s");
  if (d->md) fputc('\n', out);
  for (int i = 0; i < r->nleft_out; i++) {
    fprintf(out, "Left out: %s (%s): %s.\n", r->left_out[i].row->id,
            render_place(r->left_out[i].source, r->left_out[i].row, false, place, sizeof place), r->left_out[i].why);
  }
  if (!r->decided)
    fputs("The problem is outside this pack under every opinion: no fact matters to any outcome, so nothing is "
          "compared and no side is argued.\n",
          out);
  else if (!r->favours)
    fputs("The pack does not say which party its outcomes favour (see ratio check), so no side is argued.\n", out);
  fputc('\n', out);
  fputs(d->md ? "## The closest decided cases\n\n" : "The closest decided cases\n\n", out);
  int full = r->nprecedents < d->top ? r->nprecedents : d->top;
  for (int i = 0; i < full; i++) precedent_full(d, i);
  if (full < r->nprecedents) {
    fputs(d->md ? "### The others\n\n" : "The others:\n", out);
    for (int i = full; i < r->nprecedents; i++) precedent_line(d, i);
    fputc('\n', out);
  }
  if (!r->favours) return;
  fputs(d->md ? "## The argument by analogy, in three moves\n\n" : "The argument by analogy, in three moves\n\n", out);
  render_argue_moves(&d->a, &r->args[0]);
  render_argue_moves(&d->a, &r->args[1]);
}

/* ---- JSON ---------------------------------------------------------------------------- */

static json_t *results_json(const pack *p, const distinguish_result *r, const rval *outcome, const char *const *disp,
                            const bool *outside, const bool *carries) {
  json_t *a = json_array();
  for (int k = 0; k < r->nops; k++) {
    int op = r->ops[k];
    json_t *j = json_object();
    json_object_set_new(j, "opinion", json_string(p->opinions[op].name));
    json_object_set_new(j, "outcome", outside[k] ? json_null()
                                                 : json_string(pack_node_value_name(&p->nodes[p->opinions[op].decides], outcome[k])));
    json_object_set_new(j, "disposition", render_jstr(outside[k] ? NULL : disp[k]));
    json_object_set_new(j, "favours", render_jstr(pack_party_name(distinguish_winner(p, op, outcome[k], outside[k]))));
    json_object_set_new(j, "outside", json_boolean(outside[k]));
    if (carries) json_object_set_new(j, "carries_over", json_boolean(carries[k]));
    json_array_append_new(a, j);
  }
  return a;
}

static void json_render(FILE *out, const pack *p, const char *source, const case_row *row, const distinguish_result *r) {
  json_t *top = json_object(), *pk = json_object(), *rw = json_object(), *ops = json_array();
  json_object_set_new(top, "schema", json_string(DISTINGUISH_SCHEMA));
  json_object_set_new(pk, "name", render_jstr(p->name));
  json_object_set_new(pk, "title", render_jstr(p->title));
  json_object_set_new(pk, "case", render_jstr(p->case_name));
  json_object_set_new(top, "pack", pk);
  json_object_set_new(top, "source", json_string(source));
  json_object_set_new(rw, "id", json_string(row->id ? row->id : ""));
  if (row->title) json_object_set_new(rw, "title", json_string(row->title));
  json_object_set_new(rw, "line", json_integer(row->line));
  json_object_set_new(rw, "results", results_json(p, r, r->outcome, r->disposition, r->outside, NULL));
  json_object_set_new(top, "row", rw);
  for (int k = 0; k < r->nops; k++) json_array_append_new(ops, json_string(p->opinions[r->ops[k]].name));
  json_object_set_new(top, "opinions", ops);
  json_object_set_new(top, "favours", json_boolean(r->favours));
  json_t *left = json_array();
  for (int i = 0; i < r->nleft_out; i++) {
    json_t *x = json_object();
    json_object_set_new(x, "id", json_string(r->left_out[i].row->id));
    json_object_set_new(x, "source", json_string(r->left_out[i].source));
    json_object_set_new(x, "line", json_integer(r->left_out[i].row->line));
    json_object_set_new(x, "why", json_string(r->left_out[i].why));
    json_array_append_new(left, x);
  }
  json_object_set_new(top, "left_out", left);
  json_t *precs = json_array();
  for (int i = 0; i < r->nprecedents; i++) {
    const distinguish_precedent *c = &r->precedents[i];
    json_t *x = json_object(), *an = json_array(), *di = json_array();
    json_object_set_new(x, "rank", json_integer(i + 1));
    json_object_set_new(x, "id", json_string(c->row->id));
    json_object_set_new(x, "title", render_jstr(c->row->title));
    json_object_set_new(x, "source", json_string(c->source));
    json_object_set_new(x, "line", json_integer(c->row->line));
    json_object_set_new(x, "shared_weight", json_integer(c->shared));
    json_object_set_new(x, "distinction_weight", json_integer(c->distance));
    json_object_set_new(x, "results", results_json(p, r, c->outcome, c->disposition, c->outside, c->carries));
    for (int f = 0; f < c->nanalogy; f++) json_array_append_new(an, render_argue_fact_json(p, r, &c->analogy[f]));
    for (int f = 0; f < c->ndistinctions; f++) json_array_append_new(di, render_argue_fact_json(p, r, &c->distinctions[f]));
    json_object_set_new(x, "analogy", an);
    json_object_set_new(x, "distinctions", di);
    json_array_append_new(precs, x);
  }
  json_object_set_new(top, "precedents", precs);
  if (r->favours) {
    json_t *args = json_array();
    for (int s = 0; s < 2; s++) {
      const distinguish_argument *a = &r->args[s];
      json_array_append_new(args, render_argue_json(p, r, a, true));
    }
    json_object_set_new(top, "arguments", args);
  } else {
    json_object_set_new(top, "arguments", json_null());
  }
  json_dumpf(top, out, RENDER_DUMP_FLAGS);
  fputc('\n', out);
  json_decref(top);
}

/* ---- the renderer ------------------------------------------------------------------- */

typedef struct distinguish_state {
  bool json, md;
} distinguish_state;

static void distinguish_item(renderer *r, const render_item *it) {
  const distinguish_state *st = r->state;
  if (st->json) {
    json_render(r->out, r->p, r->source, it->row, it->distinguish);
    return;
  }
  doc d = {r->out, r->p, it->distinguish, st->md, r->top, {r->out, r->p, it->distinguish, st->md}};
  doc_render(&d, r->source, it->row);
}

renderer *render_distinguish_new(const render_setup *s, const char *format) {
  (void)s;
  distinguish_state *st = xcalloc(1, sizeof *st);
  st->json = strcmp(format, "json") == 0;
  st->md = strcmp(format, "md") == 0;
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = st, .item = distinguish_item, .row_error = render_row_error_to_diag,
                  .free = render_free_state};
  return r;
}
