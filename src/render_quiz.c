/* render_quiz: a quiz as it happens. Text shows each fact pattern as
 * prose, the choices, the questions and the grades, with ratio eval's
 * explanation for every miss; json keeps the same as one transcript
 * written at the end; csv writes one line per answer (the record an
 * instructor collects). In json and csv the fact patterns and questions
 * go to standard error, so the student still sees them. */
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "render_jansson.h"

#define QUIZ_SCHEMA "ratio.quiz/1"
#define QUIZ_STEP_SCHEMA "ratio.quiz-step/1"
#define WRAP 76

typedef enum { QF_TEXT, QF_JSON, QF_CSV } quiz_format;

typedef struct quiz_state {
  quiz_format format;
  bool continues;          /* csv: the file has its header */
  renderer *eval_text;     /* ratio eval's text, for the explanation of a miss */
  render_json_tree *jt;    /* json: the explanation trees */
  json_t *doc, *patterns, *pattern; /* json: the transcript, and the pattern now */
  int right, asked, graded;
  bool stopped;
  bool generated;          /* json: what the first fact pattern said of the quiz */
  uint64_t seed;
  char *source;            /* owned: r->source, which the case reader owns
                            * and may have freed by the end */
} quiz_state;

/* Where the quiz talks to the student: the output in text, standard
 * error when the output is a document. */
static FILE *talk(const renderer *r) {
  const quiz_state *st = r->state;
  return st->format == QF_TEXT ? r->out : r->diag;
}


static const char *node_title(const pack *p, int n, char *buf, size_t bufsz) {
  return explain_node_title(&p->nodes[n], buf, bufsz);
}

static int key_decides(const quiz_round *rd, int k) { return rd->p->opinions[rd->keys[k].opinion].decides; }

/* An outcome as a student reads it: "yes", "unknown (left open)". */
static void put_outcome(FILE *out, const pack_node *d, rval v) {
  if (v == QUIZ_NO_ANSWER) fputs("no answer", out);
  else if (v == RV_UNKNOWN) fputs("unknown (left open)", out);
  else render_put_spaced(out, pack_node_value_name(d, v));
}

/* Text wrapped at WRAP columns (render_wrap), words never split; the
 * first line indented by `first` spaces, the others by `indent`; nothing
 * for text without a word. */
static void put_wrapped(FILE *out, const char *s, int first, int indent) {
  if (s[strspn(s, " ")] == '\0') return;
  fprintf(out, "%*s", first, "");
  render_wrap(out, s, WRAP, first, indent);
}

/* A memory stream for a paragraph, then the paragraph wrapped. */
static FILE *para_open(char **buf, size_t *len) { return xopen_memstream(buf, len); }

static void para_close(FILE *m, char *const *buf, FILE *out, int first, int indent) {
  fclose(m);
  put_wrapped(out, *buf, first, indent);
  free(*buf);
}

/* The sentence stating fact f's answer in the row, or NULL when the row
 * leaves it blank and the pack presumes nothing. The caller frees it. */
static char *fact_sentence(const pack *p, const case_row *row, int f) {
  if (row->facts[f].v == RV_UNKNOWN && !explain_presumed(p, row, f)) return NULL;
  char buf[64];
  return pack_fact_sentence(p, f, explain_fact_text(p, row, f, buf, sizeof buf));
}

/* The fact pattern as prose: each answer's sentence in the pack's order,
 * then what the court below found. Facts left blank are not mentioned. */
static char *prose(const pack *p, const case_row *row) {
  char *text = NULL;
  size_t len = 0;
  FILE *m = xopen_memstream(&text, &len);
  for (int f = 0; f < p->nfacts; f++) {
    char *s = fact_sentence(p, row, f);
    if (!s) continue;
    fprintf(m, "%s ", s);
    free(s);
  }
  for (int n = 0; n < p->nnodes; n++) {
    if (!row->has_finding[n]) continue;
    char tb[128];
    const char *t = node_title(p, n, tb, sizeof tb);
    /* mid-sentence: "the state of mind", but "the DNA test" */
    fprintf(m, "The court below found the %c%s: ", t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'a' && t[1] <= 'z' ? t[0] - 'A' + 'a' : t[0],
            t + 1);
    render_put_spaced(m, pack_node_value_name(&p->nodes[n], row->findings[n]));
    fputs(". ", m);
  }
  fclose(m);
  return text;
}

/* ---- text ------------------------------------------------------------------------ */

static void text_header(renderer *r, const render_quiz *q, FILE *out) {
  const pack *p = r->p;
  const quiz_state *st = r->state;
  fprintf(out, "Quiz: %s\n", p->title ? p->title : p->name);
  if (q->generated)
    fprintf(out,
            "%d fact pattern%s drawn near the boundaries, where the opinions part ways or\n"
            "one fact changes an outcome; seed %llu gives the same %s again.\n",
            q->count, q->count == 1 ? "" : "s", (unsigned long long)q->seed, q->count == 1 ? "one" : "ones");
  else
    fprintf(out, "Fact patterns from %s.\n", st->source ? st->source : "the case file");
  fputs("For each opinion, predict the outcome and the element it turns on. Answer\n"
        "with a choice's number or its name; 'quit' ends the quiz.\n",
        out);
}

static void text_show(renderer *r, const render_quiz *q) {
  const pack *p = r->p;
  const quiz_round *rd = q->round;
  const case_row *row = rd->row;
  FILE *out = talk(r);
  char tb[128];
  if (q->number == 1) text_header(r, q, out);
  fprintf(out, "\n== Fact pattern %d", q->number);
  if (q->count) fprintf(out, " of %d", q->count);
  fprintf(out, " (%s)%s%s ==\n\n", row->id, row->title ? ": " : "", row->title ? row->title : "");
  char *text = prose(p, row);
  put_wrapped(out, text, 0, 0);
  free(text);
  fputs("Facts not stated are not known.\n", out);
  if (rd->outside >= 0) {
    const pack_outside *o = &p->outside[rd->outside];
    fprintf(out, "\nThis fact pattern is outside the pack (%s)", o->title ? o->title : o->name);
    if (o->says) fprintf(out, ": %s", o->says);
    fputs("\nThere is nothing to predict.\n", out);
    return;
  }
  int root = rd->nkeys ? key_decides(rd, 0) : -1;
  bool one = true;
  for (int k = 1; k < rd->nkeys; k++) one &= key_decides(rd, k) == root;
  if (root >= 0 && one) {
    fprintf(out, "\nThe question: %s.\nOutcomes:", node_title(p, root, tb, sizeof tb));
    for (int i = 0, n = quiz_outcome_choices(rd, 0); i < n; i++) {
      fprintf(out, "%s %d ", i ? "," : "", i + 1);
      put_outcome(out, &p->nodes[root], quiz_outcome_choice(rd, 0, i));
    }
    fputc('\n', out);
  }
  if (rd->nelements) {
    fputs("Elements:\n", out);
    for (int i = 0; i < rd->nelements; i++)
      fprintf(out, "%4d  %*s%s\n", i + 1, 2 * rd->element_depth[i], "", node_title(p, rd->elements[i], tb, sizeof tb));
  }
  fputc('\n', out);
}

static void text_ask(renderer *r, const render_quiz *q) {
  const quiz_round *rd = q->round;
  FILE *out = talk(r);
  char *label = render_opinion_label(r->p, rd->keys[q->key].opinion);
  if (q->element)
    fprintf(out, "%s: the element it turns on? [1-%d] ", label, rd->nelements);
  else
    fprintf(out, "%s: outcome? [1-%d] ", label, quiz_outcome_choices(rd, q->key));
  free(label);
}

static void text_retry(renderer *r, const render_quiz *q) {
  const quiz_round *rd = q->round;
  int n = q->element ? rd->nelements : quiz_outcome_choices(rd, q->key);
  fprintf(talk(r), "'%s' is not one of the choices: answer with a number from 1 to %d, or %s.\n", q->text, n,
          q->element ? "an element's name (the start of it is enough)" : "the outcome's name");
}

/* The element a student named, and whether it counts. */
static void put_element(FILE *out, const pack *p, int node) {
  char tb[128];
  if (node == QUIZ_NO_ANSWER) fputs("no answer", out);
  else fputs(node_title(p, node, tb, sizeof tb), out);
}

/* The boundary a generated fact pattern lies on. */
static void text_boundary(renderer *r, const render_quiz *q, FILE *out) {
  const quiz_hyp *h = q->hyp;
  const pack *p = r->p;
  const quiz_round *rd = q->round;
  if (!h) return;
  char *buf = NULL;
  size_t len = 0;
  FILE *m = para_open(&buf, &len);
  fputs("The boundary:", m);
  if (h->disagree) fputs(" the opinions part ways here.", m);
  if (h->flip_opinion >= 0) {
    char tb[128];
    const pack_fact *f = &p->facts[h->flip_fact];
    char *s = pack_fact_sentence(p, h->flip_fact, explain_answer_name(f, h->flip_to));
    char *label = render_opinion_label(p, rd->keys[h->flip_opinion].opinion);
    int root = key_decides(rd, h->flip_opinion);
    fprintf(m, " One fact changes an outcome: if instead \"%s\", %s would decide %s: ", s ? s : f->name, label,
            node_title(p, root, tb, sizeof tb));
    put_outcome(m, &p->nodes[root], h->flip_outcome);
    fputc('.', m);
    free(label);
    free(s);
  }
  fputc('\n', out);
  para_close(m, &buf, out, 0, 0);
}

/* ratio eval's explanation of one opinion, without its heading (the quiz
 * has shown the fact pattern). */
static void text_explain(renderer *r, const quiz_key *key) {
  quiz_state *st = r->state;
  char *buf = NULL;
  size_t len = 0;
  FILE *m = xopen_memstream(&buf, &len);
  render_set_output(st->eval_text, m, r->diag);
  render_result res = {.opinion = key->opinion, .outcome = key->outcome, .outcome_name = key->outcome_name,
                       .disposition = key->disposition, .tree = key->tree, .outside = -1};
  render_item it = {.row = key->tree->row, .results = &res, .n = 1};
  st->eval_text->item(st->eval_text, &it);
  fclose(m);
  fputs(buf, r->out);
  free(buf);
}

static void text_graded(renderer *r, const render_quiz *q) {
  const pack *p = r->p;
  const quiz_round *rd = q->round;
  FILE *out = r->out;
  char tb[128], ub[160];
  fputs("\nThe answers:\n", out);
  for (int k = 0; k < rd->nkeys; k++) {
    const quiz_key *key = &rd->keys[k];
    const quiz_answer *a = &q->answers[k];
    const pack_node *d = &p->nodes[key_decides(rd, k)];
    char *label = render_opinion_label(p, key->opinion);
    if (key->error) {
      fprintf(out, "%s: not decided: a rule failed.\n", label);
      free(label);
      err_print(key->error, out);
      continue;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *m = para_open(&buf, &len);
    fprintf(m, "%s: %s ", label, node_title(p, key_decides(rd, k), tb, sizeof tb));
    free(label);
    put_outcome(m, d, key->outcome);
    if (key->disposition && strcmp(key->disposition, "unknown") != 0)
      fprintf(m, "; %s", render_upper(key->disposition, ub, sizeof ub));
    else if (key->disposition)
      fputs("; disposition unknown", m);
    fputc('.', m);
    para_close(m, &buf, out, 0, 2);
    fputs("  Outcome: you said ", out);
    put_outcome(out, d, a->outcome);
    fputs(a->grade.outcome_right ? ": right.\n" : ": wrong.\n", out);
    if (!quiz_asks_element(rd, k)) continue;
    m = para_open(&buf, &len);
    fputs("Element: you said ", m);
    put_element(m, p, a->element);
    fprintf(m, ": %s; it turns on %s.", a->grade.element_right ? "right" : "wrong",
            node_title(p, key->turns_on, tb, sizeof tb));
    if (!a->grade.element_right && key->naccepted > 1) {
      /* every element that counts, in the order of the choices */
      fputs(" Any of these counts: ", m);
      int shown = 0;
      for (int i = 0; i < rd->nelements; i++) {
        if (!key->accepted[rd->elements[i]]) continue;
        fprintf(m, "%s%s", shown++ ? ", " : "", node_title(p, rd->elements[i], tb, sizeof tb));
      }
      fputc('.', m);
    }
    para_close(m, &buf, out, 2, 4);
  }
  text_boundary(r, q, out);
  for (int k = 0; k < rd->nkeys; k++) {
    const quiz_answer *a = &q->answers[k];
    if (rd->keys[k].error || (a->grade.outcome_right && a->grade.element_right)) continue;
    char *label = render_opinion_label(p, rd->keys[k].opinion);
    fprintf(out, "\nWhy, for %s:\n", label);
    free(label);
    text_explain(r, &rd->keys[k]);
  }
}

/* ---- json -------------------------------------------------------------------------- */

static const char *outcome_json_name(const pack_node *d, rval v) { return pack_node_value_name(d, v); }

/* A generated fact pattern's boundary: whether the opinions part, and the
 * one change that turns an outcome. */
static json_t *boundary_json(const pack *p, const quiz_round *rd, const quiz_hyp *h) {
  json_t *b = json_object();
  json_object_set_new(b, "disagree", json_boolean(h->disagree));
  if (h->flip_opinion < 0) {
    json_object_set_new(b, "flip", json_null());
    return b;
  }
  const pack_fact *f = &p->facts[h->flip_fact];
  json_t *x = json_object();
  json_object_set_new(x, "fact", json_string(f->name));
  json_object_set_new(x, "from", h->flip_from == RV_UNKNOWN ? json_null() : json_string(explain_answer_name(f, h->flip_from)));
  json_object_set_new(x, "to", json_string(explain_answer_name(f, h->flip_to)));
  json_object_set_new(x, "opinion", json_string(p->opinions[rd->keys[h->flip_opinion].opinion].name));
  json_object_set_new(x, "outcome", json_string(outcome_json_name(&p->nodes[key_decides(rd, h->flip_opinion)], h->flip_outcome)));
  json_object_set_new(b, "flip", x);
  return b;
}

/* The facts the prose states, each with its sentence. */
static json_t *facts_json(const pack *p, const case_row *row) {
  json_t *facts = json_array();
  for (int f = 0; f < p->nfacts; f++) {
    char *s = fact_sentence(p, row, f);
    if (!s) continue;
    char buf[64];
    json_t *x = json_object();
    json_object_set_new(x, "fact", json_string(p->facts[f].name));
    json_object_set_new(x, "value", json_string(explain_fact_text(p, row, f, buf, sizeof buf)));
    json_object_set_new(x, "presumed", json_boolean(explain_presumed(p, row, f)));
    json_object_set_new(x, "sentence", json_string(s));
    json_array_append_new(facts, x);
    free(s);
  }
  return facts;
}

/* A fact pattern as the transcript holds it before its grades (`opinions`
 * empty). With `boundary` false the boundary is left out: the page's
 * question withholds it, since it tells part of the answer. */
static json_t *pattern_json(const pack *p, const render_quiz *q, bool boundary) {
  const quiz_round *rd = q->round;
  const case_row *row = rd->row;
  json_t *j = json_object(), *found = json_array();
  json_object_set_new(j, "id", json_string(row->id));
  json_object_set_new(j, "title", render_jstr(row->title));
  json_object_set_new(j, "number", json_integer(q->number));
  json_object_set_new(j, "facts", facts_json(p, row));
  for (int n = 0; n < p->nnodes; n++) {
    if (!row->has_finding[n]) continue;
    json_t *x = json_object();
    json_object_set_new(x, "node", json_string(p->nodes[n].name));
    json_object_set_new(x, "value", json_string(pack_node_value_name(&p->nodes[n], row->findings[n])));
    json_array_append_new(found, x);
  }
  json_object_set_new(j, "findings", found);
  char *text = prose(p, row);
  size_t len = strlen(text);
  if (len && text[len - 1] == ' ') text[len - 1] = '\0';
  json_object_set_new(j, "prose", json_string(text));
  free(text);
  json_object_set_new(j, "outside", rd->outside >= 0 ? json_string(p->outside[rd->outside].name) : json_null());
  json_t *choices = json_array();
  for (int i = 0; i < rd->nelements; i++) json_array_append_new(choices, json_string(p->nodes[rd->elements[i]].name));
  json_object_set_new(j, "elements", choices);
  if (boundary) json_object_set_new(j, "boundary", q->hyp ? boundary_json(p, rd, q->hyp) : json_null());
  json_object_set_new(j, "opinions", json_array());
  return j;
}

/* One opinion graded: its key, the answers, the grades, and for a miss
 * the explanation tree as ratio eval writes it. */
static json_t *graded_opinion_json(const pack *p, const quiz_round *rd, int k, const quiz_answer *a,
                                   render_json_tree *jt) {
  const quiz_key *key = &rd->keys[k];
  const pack_node *d = &p->nodes[key_decides(rd, k)];
  json_t *j = json_object();
  json_object_set_new(j, "opinion", json_string(p->opinions[key->opinion].name));
  if (key->error) {
    json_object_set_new(j, "error", json_string(key->error->msg));
    return j;
  }
  json_object_set_new(j, "outcome", json_string(outcome_json_name(d, key->outcome)));
  json_object_set_new(j, "disposition", render_jstr(key->disposition));
  bool asks = quiz_asks_element(rd, k);
  json_object_set_new(j, "turns_on", asks ? json_string(p->nodes[key->turns_on].name) : json_null());
  json_t *dec = json_array();
  for (int i = 0; i < rd->nelements; i++)
    if (key->accepted[rd->elements[i]]) json_array_append_new(dec, json_string(p->nodes[rd->elements[i]].name));
  json_object_set_new(j, "accepted", dec);
  json_t *ans = json_object();
  json_object_set_new(ans, "outcome", a->outcome == QUIZ_NO_ANSWER ? json_null() : json_string(outcome_json_name(d, a->outcome)));
  json_object_set_new(ans, "element", a->element == QUIZ_NO_ANSWER ? json_null() : json_string(p->nodes[a->element].name));
  json_object_set_new(j, "answer", ans);
  json_t *right = json_object();
  json_object_set_new(right, "outcome", json_boolean(a->grade.outcome_right));
  json_object_set_new(right, "element", asks ? json_boolean(a->grade.element_right) : json_null());
  json_object_set_new(j, "right", right);
  if (!a->grade.outcome_right || !a->grade.element_right) {
    char *text = render_json_tree_text(jt, key->tree->root);
    json_object_set_new(j, "explanation", json_loads(text, 0, NULL));
    free(text);
  } else {
    json_object_set_new(j, "explanation", json_null());
  }
  return j;
}

static json_t *graded_json(const pack *p, const render_quiz *q, render_json_tree *jt) {
  json_t *ops = json_array();
  for (int k = 0; k < q->round->nkeys; k++) json_array_append_new(ops, graded_opinion_json(p, q->round, k, &q->answers[k], jt));
  return ops;
}

static void json_show(renderer *r, const render_quiz *q) {
  quiz_state *st = r->state;
  st->pattern = pattern_json(r->p, q, true);
  json_array_append_new(st->patterns, st->pattern);
}

static void json_graded(renderer *r, const render_quiz *q) {
  quiz_state *st = r->state;
  json_object_set_new(st->pattern, "opinions", graded_json(r->p, q, st->jt));
}

/* ---- one fact pattern on its own, for the page ------------------------------------- */

/* The choices of the question, which the transcript leaves to the text:
 * the element outline with its titles and depths, and per opinion its
 * heading, the question it decides and the outcomes to pick from. Nothing
 * of the answer key. */
static json_t *question_json(const pack *p, const quiz_round *rd) {
  json_t *j = json_object(), *els = json_array(), *ops = json_array();
  char tb[128];
  if (rd->outside >= 0) {
    const pack_outside *o = &p->outside[rd->outside];
    json_t *x = json_object();
    json_object_set_new(x, "name", json_string(o->name));
    json_object_set_new(x, "title", render_jstr(o->title));
    json_object_set_new(x, "says", render_jstr(o->says));
    json_object_set_new(j, "outside", x);
  } else {
    json_object_set_new(j, "outside", json_null());
  }
  for (int i = 0; i < rd->nelements; i++) {
    json_t *x = json_object();
    json_object_set_new(x, "node", json_string(p->nodes[rd->elements[i]].name));
    json_object_set_new(x, "title", json_string(node_title(p, rd->elements[i], tb, sizeof tb)));
    json_object_set_new(x, "depth", json_integer(rd->element_depth[i]));
    json_array_append_new(els, x);
  }
  json_object_set_new(j, "elements", els);
  for (int k = 0; k < rd->nkeys && rd->outside < 0; k++) {
    const quiz_key *key = &rd->keys[k];
    int root = key_decides(rd, k);
    json_t *x = json_object(), *outs = json_array();
    char *label = render_opinion_label(p, key->opinion);
    json_object_set_new(x, "opinion", json_string(p->opinions[key->opinion].name));
    json_object_set_new(x, "heading", json_string(label));
    free(label);
    json_t *dec = json_object();
    json_object_set_new(dec, "node", json_string(p->nodes[root].name));
    json_object_set_new(dec, "title", json_string(node_title(p, root, tb, sizeof tb)));
    json_object_set_new(x, "decides", dec);
    for (int i = 0, n = key->error ? 0 : quiz_outcome_choices(rd, k); i < n; i++) {
      rval v = quiz_outcome_choice(rd, k, i);
      json_t *c = json_object();
      json_object_set_new(c, "value", json_string(outcome_json_name(&p->nodes[root], v)));
      json_object_set_new(c, "label", json_string(v == RV_UNKNOWN ? "unknown (left open)"
                                                  : render_spaced(pack_node_value_name(&p->nodes[root], v), tb, sizeof tb)));
      json_array_append_new(outs, c);
    }
    json_object_set_new(x, "outcomes", outs);
    json_object_set_new(x, "element", json_boolean(quiz_asks_element(rd, k)));
    json_object_set_new(x, "error", key->error ? json_string(key->error->msg) : json_null());
    json_array_append_new(ops, x);
  }
  json_object_set_new(j, "opinions", ops);
  return j;
}

/* The right answers of a graded fact pattern, and the questions asked. */
static void pattern_score(const quiz_round *rd, const quiz_answer *answers, int *right, int *asked) {
  for (int k = 0; k < rd->nkeys; k++) {
    if (rd->keys[k].error || rd->outside >= 0) continue;
    (*asked)++;
    *right += answers[k].grade.outcome_right;
    if (!quiz_asks_element(rd, k)) continue;
    (*asked)++;
    *right += answers[k].grade.element_right;
  }
}

char *render_quiz_step_json(const pack *p, const render_quiz *q, size_t *len) {
  bool graded = q->step == QUIZ_GRADED && q->round->outside < 0;
  json_t *j = json_object();
  json_object_set_new(j, "schema", json_string(QUIZ_STEP_SCHEMA));
  json_object_set_new(j, "pack", json_string(p->name ? p->name : p->dir));
  json_object_set_new(j, "seed", q->generated ? json_integer((json_int_t)q->seed) : json_null());
  json_object_set_new(j, "generate", q->generated ? json_integer(q->count) : json_null());
  json_t *pattern = pattern_json(p, q, q->step == QUIZ_GRADED);
  if (graded) {
    render_json_tree *jt = render_json_tree_new(p);
    json_object_set_new(pattern, "opinions", graded_json(p, q, jt));
    render_json_tree_free(jt);
  }
  json_object_set_new(j, "fact_pattern", pattern);
  json_object_set_new(j, "question", question_json(p, q->round));
  if (q->step == QUIZ_GRADED) {
    int right = 0, asked = 0;
    pattern_score(q->round, q->answers, &right, &asked);
    json_t *score = json_object();
    json_object_set_new(score, "right", json_integer(right));
    json_object_set_new(score, "asked", json_integer(asked));
    json_object_set_new(j, "score", score);
  } else {
    json_object_set_new(j, "score", json_null());
  }
  char *t = json_dumps(j, RENDER_DUMP_FLAGS);
  json_decref(j);
  char *out = xasprintf("%s\n", t);
  free(t);
  *len = strlen(out);
  return out;
}

/* ---- csv ------------------------------------------------------------------------------ */

static void csv_field(FILE *out, const char *s, bool last) {
  if (!s) s = "";
  if (strpbrk(s, ",\"\r\n")) {
    fputc('"', out);
    for (; *s; s++) {
      if (*s == '"') fputc('"', out);
      fputc(*s, out);
    }
    fputc('"', out);
  } else {
    fputs(s, out);
  }
  fputc(last ? '\n' : ',', out);
}

static void csv_line(renderer *r, const render_quiz *q, const quiz_key *key, const char *question, const char *answer,
                     const char *expected, const char *accepted, bool right) {
  char seed[32] = "";
  if (q->generated) snprintf(seed, sizeof seed, "%llu", (unsigned long long)q->seed);
  const quiz_state *st = r->state;
  csv_field(r->out, q->generated ? "generated" : st->source, false);
  csv_field(r->out, seed, false);
  csv_field(r->out, q->round->row->id, false);
  csv_field(r->out, r->p->opinions[key->opinion].name, false);
  csv_field(r->out, question, false);
  csv_field(r->out, answer, false);
  csv_field(r->out, expected, false);
  csv_field(r->out, accepted, false);
  csv_field(r->out, right ? "yes" : "no", true);
}

static void csv_graded(renderer *r, const render_quiz *q) {
  const pack *p = r->p;
  const quiz_round *rd = q->round;
  for (int k = 0; k < rd->nkeys; k++) {
    const quiz_key *key = &rd->keys[k];
    const quiz_answer *a = &q->answers[k];
    if (key->error) continue;
    const pack_node *d = &p->nodes[key_decides(rd, k)];
    const char *expected = outcome_json_name(d, key->outcome);
    csv_line(r, q, key, "outcome", a->outcome == QUIZ_NO_ANSWER ? "" : outcome_json_name(d, a->outcome), expected,
             expected, a->grade.outcome_right);
    if (!quiz_asks_element(rd, k)) continue;
    char *accepted = NULL;
    size_t len = 0;
    FILE *m = xopen_memstream(&accepted, &len);
    int shown = 0;
    for (int i = 0; i < rd->nelements; i++)
      if (key->accepted[rd->elements[i]]) fprintf(m, "%s%s", shown++ ? " " : "", p->nodes[rd->elements[i]].name);
    fclose(m);
    csv_line(r, q, key, "element", a->element == QUIZ_NO_ANSWER ? "" : p->nodes[a->element].name,
             p->nodes[key->turns_on].name, accepted, a->grade.element_right);
    free(accepted);
  }
}

/* ---- the renderer ------------------------------------------------------------------------ */

static void quiz_begin(renderer *r) {
  quiz_state *st = r->state;
  free(st->source);
  st->source = r->source ? xstrdup(r->source) : NULL;
  if (st->eval_text) render_begin(st->eval_text, st->source ? st->source : "");
  if (st->format == QF_CSV && !st->continues)
    fputs("source,seed,fact_pattern,opinion,question,answer,expected,accepted,right\n", r->out);
  if (st->format == QF_JSON) {
    st->doc = json_object();
    st->patterns = json_array();
  }
}

static void count(quiz_state *st, const render_quiz *q) {
  st->graded++;
  pattern_score(q->round, q->answers, &st->right, &st->asked);
}

static void quiz_item(renderer *r, const render_item *it) {
  quiz_state *st = r->state;
  const render_quiz *q = it->quiz;
  switch (q->step) {
  case QUIZ_SHOW:
    st->generated = q->generated;
    st->seed = q->seed;
    text_show(r, q);
    if (st->format == QF_JSON) json_show(r, q);
    break;
  case QUIZ_ASK: text_ask(r, q); break;
  case QUIZ_ANSWER:
    if (q->echo) fprintf(talk(r), "%s\n", q->text);
    break;
  case QUIZ_RETRY: text_retry(r, q); break;
  case QUIZ_GRADED:
    count(st, q);
    if (st->format == QF_TEXT) text_graded(r, q);
    else if (st->format == QF_JSON) json_graded(r, q);
    else csv_graded(r, q);
    break;
  case QUIZ_STOPPED:
    st->stopped = true;
    fprintf(talk(r), "\n%s\n", q->ended ? "The answers ended before this fact pattern was answered: it is not graded."
                                         : "The quiz ends here: this fact pattern is not graded.");
    break;
  }
}

static void quiz_row_error(renderer *r, const case_row *row, const err *e) {
  const quiz_state *st = r->state;
  FILE *out = talk(r);
  fprintf(out, "\n== %s (%s:%d): cannot be quizzed ==\n", row->id && row->id[0] ? row->id : "(no id)",
          st->source ? st->source : "", row->line);
  err_print(e, out);
}

static void quiz_end(renderer *r, const render_summary *s) {
  (void)s;
  quiz_state *st = r->state;
  if (st->format == QF_TEXT) {
    fprintf(r->out, "\nScore: %d of %d answer%s right, over %d fact pattern%s.\n", st->right, st->asked,
            st->asked == 1 ? "" : "s", st->graded, st->graded == 1 ? "" : "s");
  } else if (st->format == QF_JSON) {
    json_object_set_new(st->doc, "schema", json_string(QUIZ_SCHEMA));
    json_object_set_new(st->doc, "pack", json_string(r->p->name ? r->p->name : r->p->dir));
    json_object_set_new(st->doc, "source", st->generated ? json_null() : render_jstr(st->source));
    json_object_set_new(st->doc, "seed", st->generated ? json_integer((json_int_t)st->seed) : json_null());
    json_object_set_new(st->doc, "fact_patterns", st->patterns);
    st->patterns = NULL;
    json_t *score = json_object();
    json_object_set_new(score, "right", json_integer(st->right));
    json_object_set_new(score, "asked", json_integer(st->asked));
    json_object_set_new(score, "graded", json_integer(st->graded));
    json_object_set_new(st->doc, "score", score);
    json_object_set_new(st->doc, "stopped", json_boolean(st->stopped));
    char *text = json_dumps(st->doc, RENDER_DUMP_FLAGS);
    fprintf(r->out, "%s\n", text);
    free(text);
    json_decref(st->doc);
    st->doc = NULL;
  }
}

static void quiz_free_state(renderer *r) {
  quiz_state *st = r->state;
  render_free(st->eval_text);
  render_json_tree_free(st->jt);
  json_decref(st->doc);
  json_decref(st->patterns);
  free(st->source);
  free(st);
}

renderer *render_quiz_new(const render_setup *s, const char *format) {
  quiz_state *st = xcalloc(1, sizeof *st);
  st->format = strcmp(format, "json") == 0 ? QF_JSON : strcmp(format, "csv") == 0 ? QF_CSV : QF_TEXT;
  st->continues = s->continues;
  if (st->format == QF_TEXT) {
    err *e = NULL;
    render_setup reasoning = *s;
    reasoning.reasoning_only = true;
    st->eval_text = render_new(RENDER_EVAL, "text", &reasoning, &e);
    err_free(e);
  }
  if (st->format == QF_JSON) st->jt = render_json_tree_new(s->p);
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = st, .begin = quiz_begin, .item = quiz_item, .row_error = quiz_row_error,
                  .end = quiz_end, .free = quiz_free_state};
  return r;
}
