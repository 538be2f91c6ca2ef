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
    fputc('\n', out);
  }
  fputs("\nA blank cell is unknown. Yes/no cells take yes/no, y/n, true/false or 1/0.\n", out);
}



static json_t *names(char *const *values, int n) {
  json_t *a = json_array();
  for (int i = 0; i < n; i++) json_array_append_new(a, json_string(values[i]));
  return a;
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
    json_array_append_new(ops, x);
  }
  json_object_set_new(j, "opinions", ops);
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
