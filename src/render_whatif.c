/* render_whatif: the smallest changes that change a result, per opinion. */
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "html.h"
#include "render.h"
#include "render_jansson.h"

#define WHATIF_SCHEMA "ratio.whatif/1"



/* The value a change names: a fact's value or a finding's. */
static const char *change_value(const pack *p, const whatif_change *c, rval v) {
  if (c->finding) return v == RV_UNKNOWN ? "no finding" : p->nodes[c->index].values[v];
  const pack_fact *f = &p->facts[c->index];
  if (v == RV_UNKNOWN) return "unknown";
  return f->type == FACT_YESNO ? value_yesno_name(v) : f->values[v];
}

static const char *change_name(const pack *p, const whatif_change *c) {
  return c->finding ? p->nodes[c->index].name : p->facts[c->index].name;
}

static const char *step_value(const pack *p, int node, node_state s, rval v) {
  return s == NODE_NOT_REACHED ? "not reached" : pack_node_value_name(&p->nodes[node], v);
}

/* The step whose authority a hit shows: the lowest node on its path that
 * its rule decided after the change, where the change takes effect (each
 * step above it follows from the one below); -1 when none. */
static int hit_step(const whatif_hit *h) {
  for (int i = h->npath - 1; i >= 0; i--)
    if (h->path[i].to_state == NODE_DERIVED) return i;
  return -1;
}

/* A rule's authorities as whole citations. */
static json_t *cites_json(const pack *p, const node_rule *r) {
  json_t *auth = json_array();
  for (int i = 0; r && i < r->nby; i++) {
    char *cite = render_cite(&p->authorities[r->by[i]]);
    json_array_append_new(auth, json_string(cite));
    free(cite);
  }
  return auth;
}

static bool same_hits(const whatif_target *a, const whatif_target *b) {
  if (a->size != b->size || a->nhits != b->nhits || a->more != b->more || !a->complete || !b->complete) return false;
  for (int i = 0; i < a->nhits; i++) {
    if (a->hits[i].nchanges != b->hits[i].nchanges) return false;
    if (memcmp(a->hits[i].changes, b->hits[i].changes, sizeof *a->hits[i].changes * (size_t)a->hits[i].nchanges)) return false;
  }
  return true;
}

/* What a target aims at, for headings: "Due process claim unknown" or
 * "the disposition REVERSE". */
static void target_name(FILE *out, const pack *p, const pack_opinion *o, const whatif_target *t) {
  char buf[160], tb[128];
  if (t->is_disposition)
    fprintf(out, "the disposition %s", render_upper(t->disposition, buf, sizeof buf));
  else
    fprintf(out, "%s %s", explain_node_title(&p->nodes[o->decides], tb, sizeof tb),
            render_spaced(pack_node_value_name(&p->nodes[o->decides], t->outcome), buf, sizeof buf));
}

/* ---- text and Markdown -------------------------------------------------------- */

typedef struct doc {
  FILE *out;
  const pack *p;
  bool md;
} doc;

static void print_hit(doc *d, int op, const whatif_hit *h, int num) {
  const pack *p = d->p;
  FILE *out = d->out;
  char b1[160], b2[160], tb[128];
  fprintf(out, d->md ? "%d. " : "  %d. ", num);
  for (int i = 0; i < h->nchanges; i++) {
    const whatif_change *c = &h->changes[i];
    fprintf(out, d->md ? "%s`%s`%s: %s → %s" : "%s%s%s: %s -> %s", i ? "; " : "", change_name(p, c),
            c->finding ? " (finding below)" : "", change_value(p, c, c->from), change_value(p, c, c->to));
  }
  fputc('\n', out);
  const char *pad = d->md ? "   " : "     ";
  fprintf(out, "%sFlips: ", pad);
  for (int i = h->npath - 1; i >= 0; i--) {
    const whatif_step *s = &h->path[i];
    fprintf(out, "%s%s %s %s %s", i == h->npath - 1 ? "" : ", so ", explain_node_title(&p->nodes[s->node], tb, sizeof tb),
            render_spaced(step_value(p, s->node, s->from_state, s->from), b1, sizeof b1), d->md ? "→" : "->",
            render_spaced(step_value(p, s->node, s->to_state, s->to), b2, sizeof b2));
  }
  if (h->disposition) fprintf(out, " (disposition: %s)", render_upper(h->disposition, b1, sizeof b1));
  fputs(".\n", out);
  int at = hit_step(h);
  const node_rule *r = at >= 0 ? p->opinions[op].rules[h->path[at].node] : NULL;
  if (r && r->nby) {
    fprintf(out, "%sAuthority (%s): ", pad, explain_node_title(&p->nodes[h->path[at].node], tb, sizeof tb));
    for (int i = 0; i < r->nby; i++) {
      char *cite = render_cite(&p->authorities[r->by[i]]);
      fprintf(out, "%s%s", i ? "; " : "", cite);
      free(cite);
    }
    fputc('\n', out);
  }
}

static void print_target(doc *d, int op, const whatif_search *ws, int ti, const char *verb) {
  const pack *p = d->p;
  const pack_opinion *o = &p->opinions[op];
  const whatif_target *t = &ws->targets[ti];
  FILE *out = d->out;
  if (d->md) fputs("**", out);
  fprintf(out, "%s ", verb);
  target_name(out, p, o, t);
  if (d->md) fputs("**", out);
  if (t->size == 0) {
    if (ws->searched == 0)
      fputs(": none found before the budget ran out.\n", out);
    else if (ws->bounded || ws->searched < ws->nvars)
      fprintf(out, ": no change of up to %d fact%s gives it.\n", ws->searched, ws->searched == 1 ? "" : "s");
    else
      fputs(": no change of the facts searched gives it.\n", out);
    if (d->md) fputc('\n', out);
    return;
  }
  /* a disposition that follows the outcome: say so instead of repeating */
  if (t->is_disposition) {
    for (int j = 0; j < ws->ntargets; j++) {
      const whatif_target *u = &ws->targets[j];
      if (u->is_disposition || !same_hits(t, u)) continue;
      fputs(": the same changes as ", out);
      target_name(out, p, o, u);
      fputs(".\n", out);
      if (d->md) fputc('\n', out);
      return;
    }
  }
  int ways = t->nhits + t->more;
  fprintf(out, ": %d change%s, %d way%s%s\n", t->size, t->size == 1 ? "" : "s", ways, ways == 1 ? "" : "s",
          t->complete ? "" : " found before the budget ran out (there may be more)");
  if (d->md) fputc('\n', out);
  for (int i = 0; i < t->nhits; i++) print_hit(d, op, &t->hits[i], i + 1);
  if (t->more) fprintf(out, "%s... and %d more of the same size.\n", d->md ? "" : "  ", t->more);
  if (d->md) fputc('\n', out);
}

static void print_searched(doc *d, const whatif_search *ws, const char *what) {
  FILE *out = d->out;
  fprintf(out, "Searched %d %s: ", ws->nvars, what);
  if (ws->searched >= ws->nvars) fprintf(out, "every combination");
  else if (ws->searched == 0) fprintf(out, "single changes, in part");
  else fprintf(out, "every set of up to %d change%s", ws->searched, ws->searched == 1 ? "" : "s");
  fprintf(out, " (%ld evaluation%s).\n", ws->evals, ws->evals == 1 ? "" : "s");
  if (ws->bounded)
    fprintf(out, "The search stopped at its budget of %ld evaluations: sets of %d change%s were tried only in part, "
                 "larger sets not at all (raise it with --budget).\n",
            ws->budget, ws->searched + 1, ws->searched + 1 == 1 ? "" : "s");
}

static void doc_opinion(doc *d, const whatif_result *r) {
  const pack *p = d->p;
  const pack_opinion *o = &p->opinions[r->opinion];
  FILE *out = d->out;
  char b1[160], tb[128];
  char *name = render_opinion_label(p, r->opinion);
  fprintf(out, d->md ? "## %s" : "Opinion: %s", name);
  if (o->date && !strstr(name, "the law ")) fprintf(out, ", %s", o->date);
  fputs(d->md ? "\n\n" : "\n", out);
  free(name);
  if (r->outside >= 0) {
    const pack_outside *s = &p->outside[r->outside];
    fprintf(out, "Outside this pack%s%s: nothing to search. %s\n", s->title ? ": " : "", s->title ? s->title : "",
            s->says ? s->says : "");
    if (!d->md) fputc('\n', out);
    return;
  }
  fprintf(out, "Now: %s: %s.", explain_node_title(&p->nodes[o->decides], tb, sizeof tb),
          render_spaced(pack_node_value_name(&p->nodes[o->decides], r->outcome), b1, sizeof b1));
  if (r->disposition) fprintf(out, " Disposition: %s.", render_upper(r->disposition, b1, sizeof b1));
  fputc('\n', out);
  print_searched(d, &r->changes, r->changes.nvars == 1 ? "changeable fact or finding" : "changeable facts and findings");
  if (r->nleft_out) {
    fputs("Not searched (number, date or text facts): ", out);
    for (int i = 0; i < r->nleft_out; i++) fprintf(out, "%s%s", i ? ", " : "", p->facts[r->left_out[i]].name);
    fputs(".\n", out);
  }
  fputc('\n', out);
  for (int t = 0; t < r->changes.ntargets; t++)
    if (!r->changes.targets[t].is_disposition) print_target(d, r->opinion, &r->changes, t, "To make");
  for (int t = 0; t < r->changes.ntargets; t++)
    if (r->changes.targets[t].is_disposition) print_target(d, r->opinion, &r->changes, t, "For");
  if (r->has_answers) {
    const whatif_search *a = &r->answers;
    fputs(d->md ? "### Undecided: the answers that would decide it\n\n" : "Undecided: the answers that would decide it\n", out);
    if (a->nvars == 0) {
      fputs("No fact the opinion can reach is left unknown: the opinion's rule leaves the question open.\n", out);
    } else {
      print_searched(d, a, a->nvars == 1 ? "fact left unknown" : "facts left unknown");
      if (d->md) fputc('\n', out);
      bool any = false;
      for (int t = 0; t < a->ntargets; t++) any |= a->targets[t].size > 0;
      if (!any && !a->bounded)
        fputs("No answers to them would decide it: the opinion's rule leaves the question open.\n", out);
      else
        for (int t = 0; t < a->ntargets; t++) print_target(d, r->opinion, a, t, "To decide");
    }
  }
  if (!d->md) fputc('\n', out);
}

static void doc_render(doc *d, const char *source, const case_row *row, whatif_result *const *res, int n) {
  char place[RENDER_PLACE_MAX];
  FILE *out = d->out;
  if (d->md) {
    fprintf(out, "# What if: %s%s%s\n\n*%s*\n\n", row->id, row->title ? ": " : "", row->title ? row->title : "",
            render_place(source, row, true, place, sizeof place));
  } else {
    fprintf(out, "== %s%s%s (%s) ==\n\n", row->id, row->title ? ": " : "", row->title ? row->title : "",
            render_place(source, row, false, place, sizeof place));
  }
  for (int i = 0; i < n; i++) doc_opinion(d, res[i]);
}


/* ---- HTML ------------------------------------------------------------------------- */

/* The page reuses the text's sentences: each is written by the same code
 * into memory and escaped (html_capture), inside the page's structure. */

static void html_hit(FILE *out, const pack *p, int op, const whatif_hit *h) {
  char b1[160], b2[160], tb[128];
  html_capture c;
  fputs("<li><p><strong>", out);
  FILE *t = html_capture_open(&c);
  for (int i = 0; i < h->nchanges; i++) {
    const whatif_change *ch = &h->changes[i];
    fprintf(t, "%s%s%s: %s \xe2\x86\x92 %s", i ? "; " : "", change_name(p, ch), ch->finding ? " (finding below)" : "",
            change_value(p, ch, ch->from), change_value(p, ch, ch->to));
  }
  html_capture_put(&c, out);
  fputs("</strong></p>\n<p>Flips: ", out);
  t = html_capture_open(&c);
  for (int i = h->npath - 1; i >= 0; i--) {
    const whatif_step *s = &h->path[i];
    fprintf(t, "%s%s %s \xe2\x86\x92 %s", i == h->npath - 1 ? "" : ", so ", explain_node_title(&p->nodes[s->node], tb, sizeof tb),
            render_spaced(step_value(p, s->node, s->from_state, s->from), b1, sizeof b1),
            render_spaced(step_value(p, s->node, s->to_state, s->to), b2, sizeof b2));
  }
  if (h->disposition) fprintf(t, " (disposition: %s)", render_upper(h->disposition, b1, sizeof b1));
  fputc('.', t);
  html_capture_put(&c, out);
  fputs("</p>\n", out);
  int at = hit_step(h);
  const node_rule *r = at >= 0 ? p->opinions[op].rules[h->path[at].node] : NULL;
  if (r && r->nby) {
    t = html_capture_open(&c);
    fprintf(t, "Authority (%s): ", explain_node_title(&p->nodes[h->path[at].node], tb, sizeof tb));
    for (int i = 0; i < r->nby; i++) {
      char *cite = render_cite(&p->authorities[r->by[i]]);
      fprintf(t, "%s%s", i ? "; " : "", cite);
      free(cite);
    }
    fputs("<p class=\"auth\">", out);
    html_capture_put(&c, out);
    fputs("</p>\n", out);
  }
  fputs("</li>\n", out);
}

/* One target: the same sentence as the text's heading line, then its ways. */
static void html_target(FILE *out, const pack *p, int op, const whatif_search *ws, int ti, const char *verb) {
  const whatif_target *t = &ws->targets[ti];
  html_capture c;
  doc d = {html_capture_open(&c), p, false};
  /* the text's heading line for the target; its ways are written below */
  print_target(&d, op, ws, ti, verb);
  fputs("<h4>", out);
  fclose(c.f);
  char *nl = c.buf ? strchr(c.buf, '\n') : NULL;
  if (nl) *nl = '\0';
  html_put(out, c.buf);
  free(c.buf);
  fputs("</h4>\n", out);
  if (t->size == 0 || t->nhits == 0) return;
  fputs("<ol>\n", out);
  for (int i = 0; i < t->nhits; i++) html_hit(out, p, op, &t->hits[i]);
  fputs("</ol>\n", out);
  if (t->more) fprintf(out, "<p>... and %d more of the same size.</p>\n", t->more);
}

static void html_opinion(FILE *out, const pack *p, const whatif_result *r) {
  const pack_opinion *o = &p->opinions[r->opinion];
  char b1[160], tb[128];
  html_capture c;
  FILE *t = html_capture_open(&c);
  fprintf(t, "Opinion: %s", o->name);
  if (o->author) fprintf(t, ", %s", o->author);
  if (o->role) fprintf(t, ", %s", o->role);
  if (o->date) fprintf(t, ", %s", o->date);
  fputs("<section class=\"opinion\">\n<h3>", out);
  html_capture_put(&c, out);
  fputs("</h3>\n", out);
  if (r->outside >= 0) {
    const pack_outside *s = &p->outside[r->outside];
    fprintf(html_capture_open(&c), "Outside this pack%s%s: nothing to search. %s", s->title ? ": " : "",
            s->title ? s->title : "", s->says ? s->says : "");
    fputs("<p>", out);
    html_capture_put(&c, out);
    fputs("</p>\n</section>\n", out);
    return;
  }
  t = html_capture_open(&c);
  fprintf(t, "Now: %s: %s.", explain_node_title(&p->nodes[o->decides], tb, sizeof tb),
          render_spaced(pack_node_value_name(&p->nodes[o->decides], r->outcome), b1, sizeof b1));
  if (r->disposition) fprintf(t, " Disposition: %s.", render_upper(r->disposition, b1, sizeof b1));
  fputs("<p class=\"outcome\">", out);
  html_capture_put(&c, out);
  fputs("</p>\n<p class=\"place\">", out);
  doc d = {html_capture_open(&c), p, false};
  print_searched(&d, &r->changes, r->changes.nvars == 1 ? "changeable fact or finding" : "changeable facts and findings");
  if (r->nleft_out) {
    fputs("Not searched (number, date or text facts): ", c.f);
    for (int i = 0; i < r->nleft_out; i++) fprintf(c.f, "%s%s", i ? ", " : "", p->facts[r->left_out[i]].name);
    fputs(".", c.f);
  }
  html_capture_put(&c, out);
  fputs("</p>\n", out);
  for (int i = 0; i < r->changes.ntargets; i++)
    if (!r->changes.targets[i].is_disposition) html_target(out, p, r->opinion, &r->changes, i, "To make");
  for (int i = 0; i < r->changes.ntargets; i++)
    if (r->changes.targets[i].is_disposition) html_target(out, p, r->opinion, &r->changes, i, "For");
  if (r->has_answers) {
    const whatif_search *a = &r->answers;
    fputs("<div class=\"undecided\">\n<h4>Undecided: the answers that would decide it</h4>\n", out);
    if (a->nvars == 0) {
      fputs("<p>No fact the opinion can reach is left unknown: the opinion's rule leaves the question open.</p>\n", out);
    } else {
      d.out = html_capture_open(&c);
      print_searched(&d, a, a->nvars == 1 ? "fact left unknown" : "facts left unknown");
      fputs("<p>", out);
      html_capture_put(&c, out);
      fputs("</p>\n", out);
      bool any = false;
      for (int i = 0; i < a->ntargets; i++) any |= a->targets[i].size > 0;
      if (!any && !a->bounded)
        fputs("<p>No answers to them would decide it: the opinion's rule leaves the question open.</p>\n", out);
      else
        for (int i = 0; i < a->ntargets; i++) html_target(out, p, r->opinion, a, i, "To decide");
    }
    fputs("</div>\n", out);
  }
  fputs("</section>\n", out);
}

static void html_render(FILE *out, const pack *p, const char *source, const case_row *row, whatif_result *const *res,
                        int n) {
  char place[RENDER_PLACE_MAX];
  fprintf(out, "<article class=\"row\" id=\"r%d\">\n<h2>What if: ", row->line);
  html_put(out, row->id);
  if (row->title) {
    fputs(": ", out);
    html_put(out, row->title);
  }
  fputs("</h2>\n<p class=\"place\">", out);
  html_put(out, render_place(source, row, true, place, sizeof place));
  fputs("</p>\n", out);
  for (int i = 0; i < n; i++) html_opinion(out, p, res[i]);
  fputs("</article>\n", out);
}

/* ---- JSON -------------------------------------------------------------------------- */

static json_t *hit_json(const pack *p, int op, const whatif_hit *h) {
  json_t *j = json_object(), *set = json_array(), *flips = json_array();
  for (int i = 0; i < h->nchanges; i++) {
    const whatif_change *c = &h->changes[i];
    json_t *x = json_object();
    json_object_set_new(x, c->finding ? "finding" : "fact", json_string(change_name(p, c)));
    json_object_set_new(x, "from", c->from == RV_UNKNOWN ? json_null() : json_string(change_value(p, c, c->from)));
    json_object_set_new(x, "to", c->to == RV_UNKNOWN ? json_null() : json_string(change_value(p, c, c->to)));
    json_array_append_new(set, x);
  }
  json_object_set_new(j, "changes", set);
  json_object_set_new(j, "outcome", json_string(pack_node_value_name(&p->nodes[p->opinions[op].decides], h->outcome)));
  json_object_set_new(j, "disposition", render_jstr(h->disposition));
  for (int i = 0; i < h->npath; i++) {
    const whatif_step *s = &h->path[i];
    json_t *x = json_object();
    json_object_set_new(x, "node", json_string(p->nodes[s->node].name));
    json_object_set_new(x, "from", s->from_state == NODE_NOT_REACHED ? json_null() : json_string(step_value(p, s->node, s->from_state, s->from)));
    json_object_set_new(x, "to", s->to_state == NODE_NOT_REACHED ? json_null() : json_string(step_value(p, s->node, s->to_state, s->to)));
    if (s->to_state == NODE_DERIVED) json_object_set_new(x, "authorities", cites_json(p, p->opinions[op].rules[s->node]));
    json_array_append_new(flips, x);
  }
  json_object_set_new(j, "flips", flips);
  int at = hit_step(h);
  json_object_set_new(j, "authorities", cites_json(p, at >= 0 ? p->opinions[op].rules[h->path[at].node] : NULL));
  return j;
}

static json_t *targets_json(const pack *p, int op, const whatif_search *ws, bool disp) {
  json_t *arr = json_array();
  for (int t = 0; t < ws->ntargets; t++) {
    const whatif_target *tg = &ws->targets[t];
    if (tg->is_disposition != disp) continue;
    json_t *j = json_object();
    if (disp) json_object_set_new(j, "disposition", json_string(tg->disposition));
    else json_object_set_new(j, "outcome", json_string(pack_node_value_name(&p->nodes[p->opinions[op].decides], tg->outcome)));
    json_object_set_new(j, "fewest_changes", tg->size ? json_integer(tg->size) : json_null());
    json_object_set_new(j, "complete", json_boolean(tg->size ? tg->complete : !ws->bounded));
    json_t *hits = json_array();
    for (int h = 0; h < tg->nhits; h++) json_array_append_new(hits, hit_json(p, op, &tg->hits[h]));
    json_object_set_new(j, "ways", hits);
    json_object_set_new(j, "more", json_integer(tg->more));
    json_array_append_new(arr, j);
  }
  return arr;
}

static json_t *search_json(const whatif_search *ws) {
  json_t *j = json_object();
  json_object_set_new(j, "changeable", json_integer(ws->nvars));
  json_object_set_new(j, "complete_up_to", json_integer(ws->searched));
  json_object_set_new(j, "bounded", json_boolean(ws->bounded));
  json_object_set_new(j, "evaluations", json_integer(ws->evals));
  json_object_set_new(j, "budget", json_integer(ws->budget));
  return j;
}

static void json_render(FILE *out, const pack *p, const char *source, const case_row *row, whatif_result *const *res, int n) {
  json_t *top = json_object(), *pk = json_object(), *rw = json_object(), *ops = json_array();
  json_object_set_new(top, "schema", json_string(WHATIF_SCHEMA));
  json_object_set_new(pk, "name", render_jstr(p->name));
  json_object_set_new(pk, "title", render_jstr(p->title));
  json_object_set_new(pk, "case", render_jstr(p->case_name));
  json_object_set_new(top, "pack", pk);
  json_object_set_new(top, "source", json_string(source));
  json_object_set_new(rw, "id", json_string(row->id ? row->id : ""));
  if (row->title) json_object_set_new(rw, "title", json_string(row->title));
  json_object_set_new(rw, "line", json_integer(row->line));
  json_object_set_new(top, "row", rw);
  for (int i = 0; i < n; i++) {
    const whatif_result *r = res[i];
    const pack_opinion *o = &p->opinions[r->opinion];
    json_t *j = json_object(), *left = json_array();
    json_object_set_new(j, "opinion", json_string(o->name));
    if (r->outside >= 0) {
      const pack_outside *s = &p->outside[r->outside];
      json_t *x = json_object();
      json_object_set_new(x, "name", json_string(s->name));
      json_object_set_new(x, "title", render_jstr(s->title));
      json_object_set_new(x, "says", render_jstr(s->says));
      json_object_set_new(j, "outside", x);
      json_object_set_new(j, "outcome", json_null());
      json_array_append_new(ops, j);
      json_decref(left);
      continue;
    }
    json_object_set_new(j, "outcome", json_string(pack_node_value_name(&p->nodes[o->decides], r->outcome)));
    json_object_set_new(j, "disposition", render_jstr(r->disposition));
    json_object_set_new(j, "search", search_json(&r->changes));
    for (int k = 0; k < r->nleft_out; k++) json_array_append_new(left, json_string(p->facts[r->left_out[k]].name));
    json_object_set_new(j, "left_out", left);
    json_object_set_new(j, "outcomes", targets_json(p, r->opinion, &r->changes, false));
    json_object_set_new(j, "dispositions", targets_json(p, r->opinion, &r->changes, true));
    if (r->has_answers) {
      json_t *a = json_object();
      json_object_set_new(a, "search", search_json(&r->answers));
      json_object_set_new(a, "outcomes", targets_json(p, r->opinion, &r->answers, false));
      json_object_set_new(j, "answers", a);
    } else {
      json_object_set_new(j, "answers", json_null());
    }
    json_array_append_new(ops, j);
  }
  json_object_set_new(top, "opinions", ops);
  json_dumpf(top, out, RENDER_DUMP_FLAGS);
  fputc('\n', out);
  json_decref(top);
}

/* The format is chosen once: the state is whether it is JSON or Markdown. */
typedef struct whatif_state {
  bool json, md, html;
} whatif_state;

static void whatif_item(renderer *r, const render_item *it) {
  const whatif_state *st = r->state;
  if (st->json) {
    json_render(r->out, r->p, r->source, it->row, it->whatifs, it->n);
    return;
  }
  if (st->html) {
    html_render(r->out, r->p, r->source, it->row, it->whatifs, it->n);
    return;
  }
  doc d = {r->out, r->p, st->md};
  doc_render(&d, r->source, it->row, it->whatifs, it->n);
}

/* HTML: the page around the rows. */
static void whatif_html_begin(renderer *r) {
  const pack *p = r->p;
  html_report_begin(r->out, "what if", p->name ? p->name : p->dir, p->title ? p->title : p->name ? p->name : p->dir,
                    p->case_name);
}

static void whatif_html_end(renderer *r, const render_summary *s) {
  (void)s;
  html_report_end(r->out);
}

renderer *render_whatif_new(const render_setup *s, const char *format) {
  (void)s;
  whatif_state *st = xcalloc(1, sizeof *st);
  st->json = strcmp(format, "json") == 0;
  st->md = strcmp(format, "md") == 0;
  st->html = strcmp(format, "html") == 0;
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = st, .item = whatif_item, .row_error = render_row_error_to_diag, .free = render_free_state};
  if (st->html) {
    r->begin = whatif_html_begin;
    r->end = whatif_html_end;
  }
  return r;
}
