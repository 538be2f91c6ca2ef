/* render_schema: a pack's fact schema, findings and opinions, as text for
 * people and JSON for tools (`ratio facts`). */
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "render_jansson.h"

static const char *type_name(const pack_fact *f) {
  switch (f->type) {
  case FACT_YESNO: return "yes/no";
  case FACT_ENUM: return "one of";
  case FACT_NUMBER: return "number";
  case FACT_DATE: return "date";
  case FACT_TEXT: return "text";
  }
  return "?";
}

static void print_values(FILE *out, char *const *values, int n) {
  for (int i = 0; i < n; i++) fprintf(out, "%s%s", i ? ", " : "", values[i]);
}

/* A fact's sentence as the pack wrote it: {name} where the answer goes. */
static char *says_text(const pack_fact *f, int answer) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = xopen_memstream(&buf, &len);
  const tmpl *t = &f->says[answer];
  for (int i = 0; i < t->nparts; i++) {
    if (t->parts[i].text) fwrite(t->parts[i].text, 1, (size_t)t->parts[i].len, m);
    else fprintf(m, "{%s}", f->name); /* a fact's sentence shows only its own answer */
  }
  fclose(m);
  return buf;
}

/* The answers a fact's sentences are for, by index (as pack_fact.says). */
static int says_answers(const pack_fact *f, const char **names, int cap) {
  if (f->type == FACT_YESNO) {
    names[0] = "no";
    names[1] = "yes";
    return 2;
  }
  if (f->type == FACT_ENUM) {
    int n = f->nvalues < cap ? f->nvalues : cap;
    for (int i = 0; i < n; i++) names[i] = f->values[i];
    return n;
  }
  names[0] = NULL; /* one sentence, for any answer */
  return 1;
}

/* The pack's own sentences, one a line, yes before no as a reader expects;
 * answers the pack leaves to the default are not shown. */
static void print_says(FILE *out, const pack_fact *f) {
  const char *names[64] = {0};
  int n = says_answers(f, names, 64);
  for (int k = 0; k < n; k++) {
    int a = f->type == FACT_YESNO ? 1 - k : k;
    if (!pack_fact_says(f, a)) continue;
    char *s = says_text(f, a);
    fprintf(out, "      %s: %s\n", names[a] ? names[a] : "says", s);
    free(s);
  }
}

/* Whom each outcome favours, for each node an opinion decides (once per
 * node), as `ratio brief` and `distinguish` read it. */
static void print_favours(FILE *out, const pack *p) {
  bool any = false;
  for (int i = 0; i < p->nopinions; i++) {
    int d = p->opinions[i].decides;
    bool again = false;
    for (int j = 0; j < i; j++) again |= p->opinions[j].decides == d;
    const pack_node *n = &p->nodes[d];
    if (again || !n->favours) continue;
    if (!any) fputs("\nWhom each outcome favours:\n", out);
    any = true;
    fprintf(out, "  %s ", n->name);
    const char *sep = " ";
    for (int v = 0; v < n->nvalues; v++) {
      const char *who = pack_party_name(n->favours[v]);
      if (!who) continue;
      fprintf(out, "%s%s: %s", sep, n->values[v], who);
      sep = "; ";
    }
    fputc('\n', out);
  }
}

/* The case files the pack lists, the decided cases marked. */
static void print_cases(FILE *out, const pack *p) {
  if (!p->ncases) return;
  fprintf(out, "\nCase files (%d):\n", p->ncases);
  for (int i = 0; i < p->ncases; i++)
    fprintf(out, "  %s%s\n", p->case_rels[i], p->case_decided && p->case_decided[i] ? "  (decided cases)" : "");
}

static void render_schema_text(FILE *out, const pack *p) {
  fprintf(out, "Pack %s", p->name ? p->name : p->dir);
  if (p->title) fprintf(out, ": %s", p->title);
  fputc('\n', out);
  if (p->case_name) fprintf(out, "Case: %s\n", p->case_name);
  fprintf(out, "\nFacts (%d):\n", p->nfacts);
  for (int i = 0; i < p->nfacts; i++) {
    const pack_fact *f = &p->facts[i];
    fprintf(out, "  %s  %s", f->name, type_name(f));
    if (f->type == FACT_ENUM) {
      fputs(": ", out);
      print_values(out, f->values, f->nvalues);
    }
    if (f->optional) fputs("  (optional)", out);
    fputc('\n', out);
    if (f->ask) fprintf(out, "      %s\n", f->ask);
    if (f->help) fprintf(out, "      %s\n", f->help);
    print_says(out, f);
  }
  int nfind = 0;
  for (int i = 0; i < p->nnodes; i++) nfind += p->nodes[i].finding;
  if (nfind) {
    fprintf(out, "\nFindings a row may supply (%d):\n", nfind);
    for (int i = 0; i < p->nnodes; i++) {
      const pack_node *n = &p->nodes[i];
      if (!n->finding) continue;
      fprintf(out, "  %s  ", n->name);
      print_values(out, n->values, n->nvalues);
      fputc('\n', out);
      if (n->ask) fprintf(out, "      %s\n", n->ask);
    }
  }
  fprintf(out, "\nOpinions (%d):\n", p->nopinions);
  for (int i = 0; i < p->nopinions; i++) {
    const pack_opinion *o = &p->opinions[i];
    fprintf(out, "  %s", o->name);
    if (o->author) fprintf(out, "  %s", o->author);
    if (o->role) fprintf(out, ", %s", o->role);
    if (o->date) fprintf(out, ", %s", o->date);
    if (o->until_date) fprintf(out, " until %s", o->until_date);
    if (o->displaced_by) fprintf(out, " (then %s)", o->displaced_by);
    if (o->base >= 0) fprintf(out, "; builds on %s", p->opinions[o->base].name);
    fputc('\n', out);
  }
  print_favours(out, p);
  print_cases(out, p);
  fputs("\nA blank cell is unknown. Yes/no cells take yes/no, y/n, true/false or 1/0.\n", out);
}



static json_t *names(char *const *values, int n) {
  json_t *a = json_array();
  for (int i = 0; i < n; i++) json_array_append_new(a, json_string(values[i]));
  return a;
}

/* The pack's own sentences: an object by answer (yes before no) for a
 * yes/no or one-of fact, the one sentence for any other; null without. */
static json_t *says_json(const pack_fact *f) {
  if (!f->says) return json_null();
  const char *names[64] = {0};
  int n = says_answers(f, names, 64);
  if (!names[0]) {
    if (!pack_fact_says(f, 0)) return json_null();
    char *s = says_text(f, 0);
    json_t *j = json_string(s);
    free(s);
    return j;
  }
  json_t *o = json_object();
  for (int k = 0; k < n; k++) {
    int a = f->type == FACT_YESNO ? 1 - k : k;
    if (!pack_fact_says(f, a)) continue;
    char *s = says_text(f, a);
    json_object_set_new(o, names[a], json_string(s));
    free(s);
  }
  return o;
}

static void render_schema_json(FILE *out, const pack *p) {
  static const char *const types[] = {"yesno", "oneof", "number", "date", "text"};
  json_t *j = json_object();
  json_object_set_new(j, "schema", json_string("ratio.facts/1"));
  json_object_set_new(j, "pack", render_jstr(p->name));
  json_object_set_new(j, "title", render_jstr(p->title));
  json_object_set_new(j, "case", render_jstr(p->case_name));
  json_t *facts = json_array();
  for (int i = 0; i < p->nfacts; i++) {
    const pack_fact *f = &p->facts[i];
    json_t *x = json_object();
    json_object_set_new(x, "name", json_string(f->name));
    json_object_set_new(x, "type", json_string(types[f->type]));
    if (f->type == FACT_ENUM) json_object_set_new(x, "values", names(f->values, f->nvalues));
    json_object_set_new(x, "ask", render_jstr(f->ask));
    json_object_set_new(x, "help", render_jstr(f->help));
    json_object_set_new(x, "optional", json_boolean(f->optional));
    json_object_set_new(x, "says", says_json(f));
    json_array_append_new(facts, x);
  }
  json_object_set_new(j, "facts", facts);
  json_t *findings = json_array();
  for (int i = 0; i < p->nnodes; i++) {
    const pack_node *n = &p->nodes[i];
    if (!n->finding) continue;
    json_t *x = json_object();
    json_object_set_new(x, "name", json_string(n->name));
    json_object_set_new(x, "values", names(n->values, n->nvalues));
    json_object_set_new(x, "ask", render_jstr(n->ask));
    json_array_append_new(findings, x);
  }
  json_object_set_new(j, "findings", findings);
  json_t *ops = json_array();
  for (int i = 0; i < p->nopinions; i++) {
    const pack_opinion *o = &p->opinions[i];
    json_t *x = json_object();
    json_object_set_new(x, "name", json_string(o->name));
    json_object_set_new(x, "author", render_jstr(o->author));
    json_object_set_new(x, "role", render_jstr(o->role));
    json_object_set_new(x, "date", render_jstr(o->date));
    json_object_set_new(x, "until_date", render_jstr(o->until_date));
    json_object_set_new(x, "base", o->base >= 0 ? json_string(p->opinions[o->base].name) : json_null());
    json_object_set_new(x, "decides", json_string(p->nodes[o->decides].name));
    json_object_set_new(x, "displaced_by", render_jstr(o->displaced_by));
    const pack_node *dn = &p->nodes[o->decides];
    json_t *fav = json_null();
    if (dn->favours) {
      fav = json_object();
      for (int v = 0; v < dn->nvalues; v++)
        if (pack_party_name(dn->favours[v])) json_object_set_new(fav, dn->values[v], json_string(pack_party_name(dn->favours[v])));
    }
    json_object_set_new(x, "favours", fav);
    json_array_append_new(ops, x);
  }
  json_object_set_new(j, "opinions", ops);
  json_t *files = json_array();
  for (int i = 0; i < p->ncases; i++) {
    json_t *x = json_object();
    json_object_set_new(x, "file", json_string(p->case_rels[i]));
    json_object_set_new(x, "decided", json_boolean(p->case_decided && p->case_decided[i]));
    json_array_append_new(files, x);
  }
  json_object_set_new(j, "cases", files);
  json_dumpf(j, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', out);
  json_decref(j);
}

/* The schema is the whole document: one item, from the pack alone. */
static void facts_item(renderer *r, const render_item *it) {
  (void)it;
  if (r->state) render_schema_json(r->out, r->p);
  else render_schema_text(r->out, r->p);
}

renderer *render_facts_new(const render_setup *s, const char *format) {
  (void)s;
  renderer *r = xcalloc(1, sizeof *r);
  /* the state is only the choice: non-NULL for JSON */
  *r = (renderer){.state = strcmp(format, "json") == 0 ? (void *)r : NULL, .item = facts_item};
  return r;
}
