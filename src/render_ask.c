/* render_ask: the interview's questions, replies, summary and transcript. */
#include "render_ask.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "case_write.h"
#include "explain.h"
#include "render.h"
#include "render_jansson.h"

#define WIDTH 78

/* Text wrapped to the interview's width (render_wrap). */
static void wrap(FILE *out, int first, int indent, const char *s) { render_wrap(out, s, WIDTH, first, indent); }



void render_ask_intro(FILE *out, const pack *p) {
  fprintf(out, "ratio ask: %s\n", p->title ? p->title : p->name ? p->name : p->dir);
  wrap(out, 0, 0,
       "Each question is asked only while its answer can still change how an opinion decides. "
       "Type an answer; ? or an empty line if it is not known; back to take back the last answer; "
       "why to see what the question decides.");
}

void render_ask_question(FILE *out, const pack *p, int number, int fact) {
  const pack_fact *f = &p->facts[fact];
  char buf[256];
  fprintf(out, "\n%d. ", number);
  int first = snprintf(buf, sizeof buf, "%d. ", number);
  if (f->ask) wrap(out, first, first, f->ask);
  else {
    char *q = xasprintf("What is the %s?", render_spaced(f->name, buf, sizeof buf));
    wrap(out, first, first, q);
    free(q);
  }
  if (f->help) {
    fprintf(out, "%*s", first, "");
    wrap(out, first, first, f->help);
  }
  fprintf(out, "%*sAnswers: ", first, "");
  switch (f->type) {
  case FACT_YESNO: fputs("yes, no\n", out); break;
  case FACT_ENUM: {
    size_t len = 0;
    for (int i = 0; i < f->nvalues; i++) len += strlen(f->values[i]) + 2;
    char *all = xcalloc(len + 1, 1);
    for (int i = 0; i < f->nvalues; i++) {
      if (i) strcat(all, ", ");
      strcat(all, f->values[i]);
    }
    wrap(out, first + 9, first + 9, all);
    free(all);
    break;
  }
  case FACT_NUMBER: fputs("a number, such as 8 or 2.5\n", out); break;
  case FACT_DATE: fputs("a date, YYYY-MM-DD\n", out); break;
  case FACT_TEXT: fputs("any text\n", out); break;
  }
}

void render_ask_echo(FILE *out, const char *line) { fprintf(out, "%s\n", line); }

void render_ask_refused(FILE *out, const err *e) {
  for (; e; e = e->next) {
    char *m = e->hint ? xasprintf("%s; %s", e->msg, e->hint) : xstrdup(e->msg);
    fputs("   ", out);
    wrap(out, 3, 3, m);
    free(m);
  }
}

void render_ask_back(FILE *out, const pack *p, const interview_step *undone) {
  if (!undone) {
    fputs("   Nothing to take back.\n", out);
    return;
  }
  const pack_fact *f = &p->facts[undone->fact];
  char *m = xasprintf("Taken back: %s (%s).", f->ask ? f->ask : f->name,
                      undone->answer[0] ? undone->answer : "unknown");
  fputs("   ", out);
  wrap(out, 3, 3, m);
  free(m);
}

/* "label; label; ..." after a lead-in, wrapped. */
static void why_line(FILE *out, const char *lead, char **items, int n) {
  size_t len = strlen(lead) + 2;
  for (int i = 0; i < n; i++) len += strlen(items[i]) + 2;
  char *s = xcalloc(len + 1, 1);
  strcpy(s, lead);
  for (int i = 0; i < n; i++) {
    strcat(s, i ? "; " : " ");
    strcat(s, items[i]);
  }
  strcat(s, ".");
  fputs("   ", out);
  wrap(out, 3, 5, s);
  free(s);
}

static void why_opinions(FILE *out, const pack *p, const char *lead, const int *ops, int n) {
  if (n == 0) return;
  char **items = xcalloc((size_t)n, sizeof *items);
  for (int i = 0; i < n; i++) items[i] = render_opinion_label(p, ops[i]);
  why_line(out, lead, items, n);
  for (int i = 0; i < n; i++) free(items[i]);
  free(items);
}

void render_ask_why(FILE *out, const pack *p, const interview_why *w) {
  int n = w->nnodes + w->noutside;
  if (n) {
    char **items = xcalloc((size_t)n, sizeof *items);
    char buf[256];
    for (int i = 0; i < w->nnodes; i++) items[i] = xstrdup(explain_node_title(&p->nodes[w->nodes[i]], buf, sizeof buf));
    for (int i = 0; i < w->noutside; i++) {
      const pack_outside *o = &p->outside[w->outside[i]];
      items[w->nnodes + i] = xasprintf("whether the case is outside the pack (%s)", o->title ? o->title : o->name);
    }
    why_line(out, "It feeds:", items, n);
    for (int i = 0; i < n; i++) free(items[i]);
    free(items);
  }
  why_opinions(out, p, "An answer can decide:", w->decides, w->ndecides);
  why_opinions(out, p, "It can change, with other answers:", w->bears, w->nbears);
  if (w->ndecides + w->nbears == 0) fputs("   No opinion turns on it any more.\n", out);
}

/* ---- the summary -------------------------------------------------------------- */

static bool asked_unknown(const render_ask_end *end, int fact) {
  for (int i = 0; i < end->nsteps; i++)
    if (end->steps[i].fact == fact && !end->steps[i].answer[0]) return true;
  return false;
}

void render_ask_summary(FILE *out, const pack *p, const render_ask_end *end) {
  fputs("\nThe facts:\n", out);
  int stated = 0;
  for (int f = 0; f < p->nfacts; f++) {
    bool blank = end->row->facts[f].v == RV_UNKNOWN;
    if (blank && !asked_unknown(end, f)) continue;
    char *cell = case_write_fact(p, end->row, f);
    char *s = pack_fact_sentence(p, f, cell);
    fputs("  ", out);
    wrap(out, 2, 4, s ? s : cell);
    free(s);
    free(cell);
    stated++;
  }
  /* findings below the starting row supplied: decided on, so shown */
  char fb[256];
  for (int n = 0; n < p->nnodes; n++) {
    if (!p->nodes[n].finding || !end->row->has_finding[n]) continue;
    char *s = xasprintf("Found below: %s: %s.", explain_node_title(&p->nodes[n], fb, sizeof fb),
                        pack_node_value_name(&p->nodes[n], end->row->findings[n]));
    fputs("  ", out);
    wrap(out, 2, 4, s);
    free(s);
    stated++;
  }
  if (!stated) fputs("  None stated.\n", out);
  fputs("\nHow each opinion decides:\n", out);
  char buf[256];
  for (int i = 0; i < end->nresults; i++) {
    const interview_result *r = &end->results[i];
    const pack_opinion *o = &p->opinions[r->opinion];
    char *label = render_opinion_label(p, r->opinion);
    char *line;
    if (r->outside >= 0) {
      const pack_outside *x = &p->outside[r->outside];
      line = xasprintf("%s: outside the pack (%s).%s%s", label, x->title ? x->title : x->name, x->says ? " " : "",
                       x->says ? x->says : "");
    } else {
      const char *claim = explain_node_title(&p->nodes[o->decides], buf, sizeof buf);
      char *d = NULL;
      if (r->disposition) {
        char sp[256];
        d = xasprintf(" Disposition: %s.", render_spaced(r->disposition, sp, sizeof sp));
      }
      line = xasprintf("%s: %s: %s.%s", label, claim, r->outcome_name, d ? d : "");
      free(d);
    }
    fputs("  ", out);
    wrap(out, 2, 4, line);
    free(line);
    free(label);
    bool at_root = r->turns_on == p->opinions[r->opinion].decides;
    if (r->outside < 0 && r->turns_on >= 0 && !(at_root && !r->turns_on_says)) {
      const char *sentence = r->turns_on_says;
      /* as ratio eval says it: no element below settles the outcome alone */
      char *t = at_root ? xasprintf("Because: %s", sentence)
                        : xasprintf("It turns on %s: %s.%s%s", explain_node_title(&p->nodes[r->turns_on], buf, sizeof buf),
                                    r->turns_on_value_name, sentence ? " " : "", sentence ? sentence : "");
      fputs("    ", out);
      wrap(out, 4, 4, t);
      free(t);
    }
  }
  char *last = xasprintf("%d question%s answered; the pack has %d facts.%s", end->nsteps,
                         end->nsteps == 1 ? "" : "s", p->nfacts,
                         end->stopped     ? " The answers ended before the interview did."
                         : !end->complete ? " Nothing left to ask could decide the rest."
                                          : "");
  fputc('\n', out);
  wrap(out, 0, 0, last);
  free(last);
}

void render_ask_save_offer(FILE *out) {
  fputs("\nSave the answers as a row of a case file? Its name (empty: do not save):\n", out);
}

void render_ask_id_prompt(FILE *out) { fputs("An id for the row:\n", out); }

void render_ask_saved(FILE *out, const char *pack_path, const char *file, const char *id) {
  fprintf(out, "Saved as row '%s' of %s. To decide it again: ratio eval %s -f %s --row %s\n", id, file, pack_path,
          file, id);
}

void render_ask_not_saved(FILE *out, const err *e) {
  for (; e; e = e->next) {
    char where[64] = "";
    if (e->line && e->col) snprintf(where, sizeof where, ":%d:%d", e->line, e->col);
    else if (e->line) snprintf(where, sizeof where, ":%d", e->line);
    char *m = xasprintf("Not saved: %s%s%s%s%s%s", e->file ? e->file : "", e->file ? where : "", e->file ? ": " : "",
                        e->msg, e->hint ? "; " : "", e->hint ? e->hint : "");
    fputs("   ", out);
    wrap(out, 3, 3, m);
    free(m);
  }
}

/* ---- the transcript ---------------------------------------------------------- */

/* Each opinion's result and what it turns on; with `st`, whether it is
 * settled too (the page's step, which comes before the end). */
static json_t *results_json(const pack *p, const interview_result *res, int n, const interview_opinion *st) {
  json_t *results = json_array();
  for (int i = 0; i < n; i++) {
    const interview_result *r = &res[i];
    const pack_opinion *o = &p->opinions[r->opinion];
    json_t *x = json_object();
    json_object_set_new(x, "opinion", json_string(o->name));
    json_object_set_new(x, "title", render_jstr(o->title));
    json_object_set_new(x, "author", render_jstr(o->author));
    json_object_set_new(x, "role", render_jstr(o->role));
    json_object_set_new(x, "outside", r->outside >= 0 ? json_string(p->outside[r->outside].name) : json_null());
    json_object_set_new(x, "outcome", r->outside >= 0 ? json_null() : json_string(r->outcome_name));
    json_object_set_new(x, "disposition", render_jstr(r->disposition));
    json_t *t = json_null();
    if (r->outside < 0 && r->turns_on >= 0) {
      t = json_object();
      json_object_set_new(t, "node", json_string(p->nodes[r->turns_on].name));
      json_object_set_new(t, "title", render_jstr(p->nodes[r->turns_on].title));
      json_object_set_new(t, "value", json_string(r->turns_on_value_name));
      json_object_set_new(t, "says", render_jstr(r->turns_on_says));
    }
    json_object_set_new(x, "turns_on", t);
    if (st) {
      json_object_set_new(x, "settled", json_boolean(st[i].settled));
      json_object_set_new(x, "cut", json_boolean(st[i].cut));
    }
    json_array_append_new(results, x);
  }
  return results;
}

char *render_ask_json(const pack *p, const render_ask_end *end) {
  json_t *j = json_object();
  json_object_set_new(j, "schema", json_string("ratio.ask/1"));
  json_object_set_new(j, "pack", render_jstr(p->name));
  json_t *start = json_object();
  json_object_set_new(start, "file", render_jstr(end->start_file));
  json_object_set_new(start, "row", render_jstr(end->start_row));
  json_t *sets = json_array();
  for (int i = 0; i < end->nsets; i++) json_array_append_new(sets, json_string(end->sets[i]));
  json_object_set_new(start, "set", sets);
  json_object_set_new(j, "start", start);
  json_t *qs = json_array();
  for (int i = 0; i < end->nsteps; i++) {
    const interview_step *s = &end->steps[i];
    json_t *q = json_object();
    json_object_set_new(q, "fact", json_string(p->facts[s->fact].name));
    json_object_set_new(q, "ask", render_jstr(p->facts[s->fact].ask));
    json_object_set_new(q, "answer", s->answer[0] ? json_string(s->answer) : json_null());
    json_array_append_new(qs, q);
  }
  json_object_set_new(j, "questions", qs);
  json_t *facts = json_object();
  for (int f = 0; f < p->nfacts; f++) {
    if (end->row->facts[f].v == RV_UNKNOWN) continue;
    char *cell = case_write_fact(p, end->row, f);
    json_object_set_new(facts, p->facts[f].name, json_string(cell));
    free(cell);
  }
  json_object_set_new(j, "facts", facts);
  json_t *findings = json_object();
  for (int n = 0; n < p->nnodes; n++) {
    if (!p->nodes[n].finding || !end->row->has_finding[n]) continue;
    json_object_set_new(findings, p->nodes[n].name,
                        json_string(pack_node_value_name(&p->nodes[n], end->row->findings[n])));
  }
  json_object_set_new(j, "findings", findings);
  json_object_set_new(j, "results", results_json(p, end->results, end->nresults, NULL));
  json_object_set_new(j, "end", json_string(end->stopped    ? "answers_ended"
                                            : end->complete ? "decided"
                                                            : "nothing_left"));
  json_t *saved = json_null();
  if (end->saved_file) {
    saved = json_object();
    json_object_set_new(saved, "file", json_string(end->saved_file));
    json_object_set_new(saved, "id", json_string(end->saved_id));
  }
  json_object_set_new(j, "saved", saved);
  char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER); /* one document, read by people too */
  json_decref(j);
  char *out = xasprintf("%s\n", s);
  free(s);
  return out;
}

/* ---- a step of the page's interview -------------------------------------------- */

static json_t *opinion_names(const pack *p, const int *ops, int n) {
  json_t *a = json_array();
  for (int i = 0; i < n; i++) json_array_append_new(a, json_string(p->opinions[ops[i]].name));
  return a;
}

static json_t *question_json(const pack *p, int fact, const interview_why *w) {
  static const char *const types[] = {"yesno", "oneof", "number", "date", "text"};
  const pack_fact *f = &p->facts[fact];
  char buf[256];
  json_t *q = json_object();
  json_object_set_new(q, "fact", json_string(f->name));
  /* the words `ratio ask` puts to a fact with no question of its own */
  char *ask = f->ask ? xstrdup(f->ask) : xasprintf("What is the %s?", render_spaced(f->name, buf, sizeof buf));
  json_object_set_new(q, "ask", json_string(ask));
  free(ask);
  json_object_set_new(q, "help", render_jstr(f->help));
  json_object_set_new(q, "type", json_string(types[f->type]));
  json_t *answers = json_array();
  if (f->type == FACT_YESNO) {
    json_array_append_new(answers, json_string("yes"));
    json_array_append_new(answers, json_string("no"));
  }
  for (int i = 0; f->type == FACT_ENUM && i < f->nvalues; i++) json_array_append_new(answers, json_string(f->values[i]));
  json_object_set_new(q, "answers", answers);
  json_t *why = json_object(), *feeds = json_array(), *outside = json_array();
  for (int i = 0; i < w->nnodes; i++) {
    json_t *x = json_object();
    json_object_set_new(x, "node", json_string(p->nodes[w->nodes[i]].name));
    json_object_set_new(x, "title", json_string(explain_node_title(&p->nodes[w->nodes[i]], buf, sizeof buf)));
    json_array_append_new(feeds, x);
  }
  for (int i = 0; i < w->noutside; i++) {
    const pack_outside *o = &p->outside[w->outside[i]];
    json_t *x = json_object();
    json_object_set_new(x, "name", json_string(o->name));
    json_object_set_new(x, "title", render_jstr(o->title));
    json_array_append_new(outside, x);
  }
  json_object_set_new(why, "feeds", feeds);
  json_object_set_new(why, "outside", outside);
  json_object_set_new(why, "decides", opinion_names(p, w->decides, w->ndecides));
  json_object_set_new(why, "bears", opinion_names(p, w->bears, w->nbears));
  json_object_set_new(q, "why", why);
  return q;
}

char *render_ask_step_json(const pack *p, const render_ask_step *s, size_t *len) {
  json_t *j = json_object();
  json_object_set_new(j, "schema", json_string("ratio.ask-step/1"));
  json_object_set_new(j, "pack", render_jstr(p->name));
  bool settled = true;
  for (int i = 0; i < s->nresults; i++) settled &= s->opinions[i].settled;
  json_object_set_new(j, "settled", json_boolean(settled));
  json_object_set_new(j, "question", s->fact >= 0 ? question_json(p, s->fact, s->why) : json_null());
  json_object_set_new(j, "results", results_json(p, s->results, s->nresults, s->opinions));
  char *t = json_dumps(j, RENDER_DUMP_FLAGS);
  json_decref(j);
  char *out = xasprintf("%s\n", t);
  free(t);
  *len = strlen(out);
  return out;
}
