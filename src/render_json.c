/* render_json: the whole explanation tree, in the schema docs/json-schema.md
 * documents. One JSON document; rows are written as they are decided, one
 * per line, so memory does not grow with the file. */
#include "render.h"

#include <jansson.h>
#include <string.h>

#define JSON_SCHEMA "ratio.eval/1"
#define DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0)

static json_t *jstr(const char *s) { return s ? json_string(s) : json_null(); }

static const char *state_name(node_state s) {
  switch (s) {
  case NODE_NOT_REACHED: return "not_reached";
  case NODE_DERIVED: return "derived";
  case NODE_FOUND: return "found_below";
  case NODE_NO_FINDING: return "no_finding";
  case NODE_EVALUATING: break;
  }
  return "derived";
}

static json_t *authority_json(const pack_authority *a) {
  char buf[512];
  json_t *j = json_object();
  json_object_set_new(j, "name", json_string(a->name));
  json_object_set_new(j, "cite", jstr(a->cite));
  json_object_set_new(j, "pin", jstr(a->pin));
  json_object_set_new(j, "full", json_string(render_cite(a, buf, sizeof buf)));
  if (a->quote) json_object_set_new(j, "quote", json_string(a->quote));
  return j;
}

static json_t *node_json(const pack *p, const explain_node *x, int depth) {
  const pack_node *nd = &p->nodes[x->node];
  char tbuf[128];
  json_t *j = json_object();
  json_object_set_new(j, "node", json_string(nd->name));
  json_object_set_new(j, "title", json_string(explain_node_title(nd, tbuf, sizeof tbuf)));
  json_object_set_new(j, "value", x->state == NODE_NOT_REACHED ? json_null() : json_string(x->value_name));
  json_object_set_new(j, "state", json_string(state_name(x->state)));
  if (x->open) json_object_set_new(j, "open", json_true());
  if (x->set_aside) json_object_set_new(j, "finding_set_aside", json_true());
  if (x->sentence) json_object_set_new(j, "sentence", json_string(x->sentence));
  json_t *auth = json_array();
  for (int i = 0; i < x->nby; i++) json_array_append_new(auth, authority_json(&p->authorities[x->by[i]]));
  json_object_set_new(j, "authorities", auth);
  json_t *facts = json_array();
  for (int i = 0; i < x->nfacts; i++) {
    json_t *f = json_object();
    json_object_set_new(f, "fact", json_string(p->facts[x->facts[i].fact].name));
    json_object_set_new(f, "value", json_string(x->facts[i].value));
    json_array_append_new(facts, f);
  }
  json_object_set_new(j, "facts", facts);
  json_t *kids = json_array();
  for (int i = 0; i < x->nkids && depth < 256; i++) json_array_append_new(kids, node_json(p, x->kids[i], depth + 1));
  json_object_set_new(j, "children", kids);
  return j;
}

static void json_begin(renderer *r) {
  const pack *p = r->p;
  json_t *head = json_object();
  json_object_set_new(head, "name", jstr(p->name));
  json_object_set_new(head, "title", jstr(p->title));
  json_object_set_new(head, "case", jstr(p->case_name));
  char *ph = json_dumps(head, DUMP_FLAGS);
  json_t *src = json_string(r->source);
  char *sh = json_dumps(src, JSON_ENCODE_ANY);
  fprintf(r->out, "{\"schema\":\"%s\",\"pack\":%s,\"source\":%s,\"rows\":[\n", JSON_SCHEMA, ph, sh);
  free(ph);
  free(sh);
  json_decref(head);
  json_decref(src);
}

static void emit(renderer *r, json_t *j) {
  json_dumpf(j, r->out, DUMP_FLAGS);
  json_decref(j);
}

static json_t *row_head(const case_row *row) {
  json_t *j = json_object();
  json_object_set_new(j, "id", json_string(row->id ? row->id : ""));
  if (row->title) json_object_set_new(j, "title", json_string(row->title));
  if (row->note) json_object_set_new(j, "note", json_string(row->note));
  json_object_set_new(j, "line", json_integer(row->line));
  return j;
}

static void json_row(renderer *r, const case_row *row, const render_result *results_in, int ntrees) {
  const pack *p = r->p;
  json_t *j = row_head(row);
  json_t *results = json_array();
  for (int t = 0; t < ntrees; t++) {
    const explain_tree *tr = results_in[t].tree;
    const pack_opinion *o = &p->opinions[tr->opinion];
    json_t *one = json_object();
    json_object_set_new(one, "opinion", json_string(o->name));
    json_object_set_new(one, "author", jstr(o->author));
    json_object_set_new(one, "role", jstr(o->role));
    json_object_set_new(one, "date", jstr(o->date));
    json_object_set_new(one, "decides", json_string(p->nodes[o->decides].name));
    json_object_set_new(one, "outcome", json_string(tr->outcome_name));
    json_object_set_new(one, "disposition", jstr(tr->disposition));
    if (tr->outcome == RV_UNKNOWN) {
      json_t *dec = json_object(), *facts = json_array();
      for (int i = 0; i < tr->ndeciding; i++)
        json_array_append_new(facts, json_string(p->facts[tr->deciding[i].fact].name));
      json_object_set_new(dec, "facts", facts);
      json_object_set_new(dec, "any_one_decides", json_boolean(tr->deciding_alone));
      json_object_set_new(one, "undecided", dec);
    }
    json_object_set_new(one, "tree", node_json(p, tr->root, 0));
    if (tr->disposition_root) json_object_set_new(one, "disposition_tree", node_json(p, tr->disposition_root, 0));
    json_array_append_new(results, one);
  }
  json_object_set_new(j, "results", results);
  emit(r, j);
}

static void json_row_error(renderer *r, const case_row *row, const err *e) {
  json_t *j = row_head(row);
  json_t *errs = json_array();
  for (; e; e = e->next) {
    json_t *x = json_object();
    json_object_set_new(x, "file", jstr(e->file));
    json_object_set_new(x, "line", json_integer(e->line));
    json_object_set_new(x, "column", json_integer(e->col));
    if (e->node) json_object_set_new(x, "node", json_string(e->node));
    json_object_set_new(x, "message", json_string(e->msg));
    json_object_set_new(x, "hint", jstr(e->hint));
    json_array_append_new(errs, x);
  }
  json_object_set_new(j, "errors", errs);
  emit(r, j);
}

static void json_end(renderer *r, const render_summary *s) {
  fprintf(r->out, "%s],\"summary\":{\"read\":%d,\"decided\":%d,\"undecided\":%d,\"failed\":%d}}\n",
          s->read ? "\n" : "", s->read, s->decided, s->undecided, s->failed);
}

renderer *render_json_new(FILE *out, const pack *p, const char *source) {
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.out = out, .p = p, .source = source, .state = NULL, .separator = ",\n",
                  .wants_tree = true, .begin = json_begin, .row = json_row, .row_error = json_row_error,
                  .end = json_end, .free = NULL};
  return r;
}
