/* render_json: the whole explanation tree, in the schema docs/json-schema.md
 * documents. One JSON document; rows are written as they are decided, one
 * per line, so memory does not grow with the file.
 *
 * What does not change from row to row (a node's name and title, an
 * authority, an opinion's header) is serialized once when the renderer is
 * made; a row only adds values, sentences and facts. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "jsonw.h"

#define JSON_SCHEMA "ratio.eval/1"

/* A piece of JSON text made once. */
typedef struct frag {
  char *s;
  size_t n;
} frag;

typedef struct json_state {
  jsonw row;          /* the row being written, reused */
  const pack *p;
  frag *node_head;    /* per node: {"node":"x","title":"T","value": */
  frag **node_value;  /* per node, per value: "v" */
  frag *fact_head;    /* per fact: {"fact":"x","value": */
  /* per fact, for each yes/no or one-of value: the text explain gives for
   * it (compared by address) and the whole {"fact":"x","value":"v"} */
  const char ***fact_text;
  frag **fact_whole;
  int *nfact_whole;
  frag *fact_key;     /* per fact: "x": for a row's "facts" object */
  frag **fact_value;  /* per fact, for each yes/no or one-of value: "v" */
  frag *authority;    /* per authority: its object */
  frag *opinion_head; /* per opinion: {"opinion":...,"decides":"n", */
  int depth;          /* --depth: levels of elements below an outcome; -1: all */
} json_state;

static frag fragment(jsonw *b) {
  size_t n = b->len;
  return (frag){jsonw_take(b), n};
}

static inline void put(jsonw *b, frag f) { jsonw_raw(b, f.s, f.n); }

static const char *state_name(node_state s) {
  switch (s) {
  case NODE_NOT_REACHED: return "\"not_reached\"";
  case NODE_DERIVED: return "\"derived\"";
  case NODE_FOUND: return "\"found_below\"";
  case NODE_NO_FINDING: return "\"no_finding\"";
  case NODE_EVALUATING: break;
  }
  return "\"derived\"";
}

/* key and string, or nothing when s is NULL */
static void optional_str(jsonw *b, const char *key, const char *s) {
  if (!s) return;
  jsonw_lit(b, key);
  jsonw_str(b, s);
}

static void prepare(json_state *st, const pack *p) {
  jsonw b = {0};
  char tbuf[128];
  st->p = p;
  st->node_head = xcalloc((size_t)p->nnodes + 1, sizeof *st->node_head);
  st->node_value = xcalloc((size_t)p->nnodes + 1, sizeof *st->node_value);
  for (int n = 0; n < p->nnodes; n++) {
    const pack_node *nd = &p->nodes[n];
    jsonw_lit(&b, "{\"node\":");
    jsonw_str(&b, nd->name);
    jsonw_lit(&b, ",\"title\":");
    jsonw_str(&b, explain_node_title(nd, tbuf, sizeof tbuf));
    jsonw_lit(&b, ",\"value\":");
    st->node_head[n] = fragment(&b);
    st->node_value[n] = xcalloc((size_t)nd->nvalues + 1, sizeof *st->node_value[n]);
    for (int v = 0; v < nd->nvalues; v++) {
      jsonw_str(&b, nd->values[v]);
      st->node_value[n][v] = fragment(&b);
    }
  }
  st->fact_head = xcalloc((size_t)p->nfacts + 1, sizeof *st->fact_head);
  for (int f = 0; f < p->nfacts; f++) {
    jsonw_lit(&b, "{\"fact\":");
    jsonw_str(&b, p->facts[f].name);
    jsonw_lit(&b, ",\"value\":");
    st->fact_head[f] = fragment(&b);
  }
  st->fact_text = xcalloc((size_t)p->nfacts + 1, sizeof *st->fact_text);
  st->fact_whole = xcalloc((size_t)p->nfacts + 1, sizeof *st->fact_whole);
  st->nfact_whole = xcalloc((size_t)p->nfacts + 1, sizeof *st->nfact_whole);
  for (int f = 0; f < p->nfacts; f++) {
    const pack_fact *pf = &p->facts[f];
    int nv = pf->type == FACT_YESNO ? 2 : pf->type == FACT_ENUM ? pf->nvalues : 0;
    st->fact_text[f] = xcalloc((size_t)nv + 1, sizeof *st->fact_text[f]);
    st->fact_whole[f] = xcalloc((size_t)nv + 1, sizeof *st->fact_whole[f]);
    st->nfact_whole[f] = nv;
    for (int v = 0; v < nv; v++) {
      const char *text = pf->type == FACT_YESNO ? value_yesno_name((rval)v) : pf->values[v];
      st->fact_text[f][v] = text;
      put(&b, st->fact_head[f]);
      jsonw_str(&b, text);
      jsonw_lit(&b, "}");
      st->fact_whole[f][v] = fragment(&b);
    }
  }
  st->fact_key = xcalloc((size_t)p->nfacts + 1, sizeof *st->fact_key);
  st->fact_value = xcalloc((size_t)p->nfacts + 1, sizeof *st->fact_value);
  for (int f = 0; f < p->nfacts; f++) {
    jsonw_str(&b, p->facts[f].name);
    jsonw_raw(&b, ":", 1);
    st->fact_key[f] = fragment(&b);
    int nv = st->nfact_whole[f];
    st->fact_value[f] = xcalloc((size_t)nv + 1, sizeof *st->fact_value[f]);
    for (int v = 0; v < nv; v++) {
      jsonw_str(&b, st->fact_text[f][v]);
      st->fact_value[f][v] = fragment(&b);
    }
  }
  st->authority = xcalloc((size_t)p->nauthorities + 1, sizeof *st->authority);
  for (int a = 0; a < p->nauthorities; a++) {
    const pack_authority *au = &p->authorities[a];
    jsonw_lit(&b, "{\"name\":");
    jsonw_str(&b, au->name);
    jsonw_lit(&b, ",\"cite\":");
    jsonw_str(&b, au->cite);
    jsonw_lit(&b, ",\"pin\":");
    jsonw_str(&b, au->pin);
    jsonw_lit(&b, ",\"full\":");
    char *full = render_cite(au);
    jsonw_str(&b, full);
    free(full);
    if (au->quote) {
      jsonw_lit(&b, ",\"quote\":");
      jsonw_str(&b, au->quote);
    }
    jsonw_lit(&b, "}");
    st->authority[a] = fragment(&b);
  }
  st->opinion_head = xcalloc((size_t)p->nopinions + 1, sizeof *st->opinion_head);
  /* the case's own opinions are named by their judges, other law by its
   * title and the span it held (render_opinion_name) */
  int *own = xcalloc((size_t)p->nopinions + 1, sizeof *own);
  bool *is_own = xcalloc((size_t)p->nopinions + 1, sizeof *is_own);
  for (int i = 0, n = pack_case_opinions(p, own); i < n; i++) is_own[own[i]] = true;
  for (int o = 0; o < p->nopinions; o++) {
    const pack_opinion *op = &p->opinions[o];
    jsonw_lit(&b, "{\"opinion\":");
    jsonw_str(&b, op->name);
    jsonw_lit(&b, ",\"author\":");
    jsonw_str(&b, op->author);
    jsonw_lit(&b, ",\"role\":");
    jsonw_str(&b, op->role);
    jsonw_lit(&b, ",\"date\":");
    jsonw_str(&b, op->date);
    jsonw_lit(&b, ",\"decides\":");
    jsonw_str(&b, p->nodes[op->decides].name);
    /* the keys added since the first schema are left out when empty: every
     * result carries them */
    optional_str(&b, ",\"title\":", op->title);
    optional_str(&b, ",\"joined\":", op->joined);
    optional_str(&b, ",\"until_date\":", op->until_date);
    optional_str(&b, ",\"displaced_by\":", op->displaced_by);
    char *name = render_opinion_name(op, is_own[o]);
    char *span = is_own[o] ? NULL : render_opinion_span(op);
    jsonw_lit(&b, ",\"heading\":");
    jsonw_str(&b, name);
    jsonw_lit(&b, is_own[o] ? ",\"case_opinion\":true" : ",\"case_opinion\":false");
    optional_str(&b, ",\"span\":", span);
    free(name);
    free(span);
    jsonw_lit(&b, ",");
    st->opinion_head[o] = fragment(&b);
  }
  free(own);
  free(is_own);
  jsonw_free(&b);
}

static void errors_json(jsonw *b, const err *e);

/* ["a","b"] */
static void fact_names(jsonw *b, const pack *p, const explain_fact *f, int n) {
  jsonw_raw(b, "[", 1);
  for (int i = 0; i < n; i++) {
    if (i) jsonw_raw(b, ",", 1);
    jsonw_str(b, p->facts[f[i].fact].name);
  }
  jsonw_raw(b, "]", 1);
}

/* For an undecided outcome: "facts", the blank facts any one of which would
 * decide it (else every one the search tried), and "answers", each tried
 * fact with the outcome each of its answers gives. */
static void undecided_json(jsonw *b, const pack *p, const explain_tree *tr) {
  static const char *const kind[] = {[DECIDES_ALWAYS] = "\"always\"", [DECIDES_SOMETIMES] = "\"sometimes\"",
                                     [DECIDES_NEVER] = "\"never\""};
  bool alone = false;
  for (int i = 0; i < tr->ndeciding; i++) alone |= tr->deciding[i].kind == DECIDES_ALWAYS;
  jsonw_lit(b, ",\"undecided\":{\"facts\":[");
  int k = 0;
  for (int i = 0; i < tr->ndeciding; i++) {
    if (alone && tr->deciding[i].kind != DECIDES_ALWAYS) continue;
    if (k++) jsonw_raw(b, ",", 1);
    jsonw_str(b, p->facts[tr->deciding[i].fact].name);
  }
  for (int i = 0; i < tr->nuntried && !alone; i++) {
    if (k++) jsonw_raw(b, ",", 1);
    jsonw_str(b, p->facts[tr->untried[i].fact].name);
  }
  jsonw_lit(b, alone ? "],\"any_one_decides\":true" : "],\"any_one_decides\":false");
  jsonw_lit(b, ",\"answers\":[");
  const pack_node *decides = &p->nodes[p->opinions[tr->opinion].decides];
  for (int i = 0; i < tr->ndeciding; i++) {
    const explain_deciding *d = &tr->deciding[i];
    const pack_fact *f = &p->facts[d->fact];
    if (i) jsonw_raw(b, ",", 1);
    jsonw_lit(b, "{\"fact\":");
    jsonw_str(b, f->name);
    jsonw_lit(b, ",\"decides\":");
    jsonw_lit(b, kind[d->kind]);
    jsonw_lit(b, ",\"outcomes\":{");
    for (int a = 0; a < d->nanswers; a++) {
      if (a) jsonw_raw(b, ",", 1);
      jsonw_str(b, explain_answer_name(f, (rval)a));
      jsonw_raw(b, ":", 1);
      jsonw_str(b, pack_node_value_name(decides, d->outcome[a]));
    }
    jsonw_lit(b, "}}");
  }
  jsonw_lit(b, "],\"untried\":");
  fact_names(b, p, tr->untried, tr->nuntried);
  jsonw_lit(b, tr->search_cut ? ",\"search_cut\":true}" : ",\"search_cut\":false}");
}

/* What the search over blank facts found for a node unknown on its face. */
static void settled_json(jsonw *b, const pack *p, const explain_node *x) {
  if (!x->settled) return;
  if (x->even_if) {
    jsonw_lit(b, ",\"even_if\":");
    fact_names(b, p, x->immaterial, x->nimmaterial);
  } else if (x->value == RV_UNKNOWN) {
    jsonw_lit(b, ",\"range\":[");
    int i = 0;
    for (uint64_t bits = x->range; bits; bits &= bits - 1) {
      if (i++) jsonw_raw(b, ",", 1);
      jsonw_str(b, pack_node_value_name(&p->nodes[x->node], (rval)__builtin_ctzll(bits)));
    }
    jsonw_lit(b, x->range_open ? "],\"range_open\":true" : "],\"range_open\":false");
  }
  if (x->search_cut) jsonw_lit(b, ",\"search_cut\":true");
}

/* [ authority objects ] of a list of authority indexes. */
static void authorities_json(jsonw *b, const json_state *st, const int *by, int nby) {
  jsonw_raw(b, "[", 1);
  for (int i = 0; i < nby; i++) {
    if (i) jsonw_raw(b, ",", 1);
    put(b, st->authority[by[i]]);
  }
  jsonw_raw(b, "]", 1);
}

/* A row the pack does not decide: no outcome and no tree, but the reason. */
static void outside_json(jsonw *b, const json_state *st, const pack_outside *s) {
  jsonw_lit(b, "\"outcome\":null,\"disposition\":null,\"outside\":{\"name\":");
  jsonw_str(b, s->name);
  jsonw_lit(b, ",\"title\":");
  jsonw_str(b, s->title);
  jsonw_lit(b, ",\"says\":");
  jsonw_str(b, s->says);
  jsonw_lit(b, ",\"authorities\":");
  authorities_json(b, st, s->by, s->nby);
  jsonw_lit(b, "},\"tree\":null}");
}

static void node_json(jsonw *b, const json_state *st, const explain_node *x, int depth) {
  if (x->title) {
    /* the opinion names the element its own way */
    jsonw_lit(b, "{\"node\":");
    jsonw_str(b, st->p->nodes[x->node].name);
    jsonw_lit(b, ",\"title\":");
    jsonw_str(b, x->title);
    jsonw_lit(b, ",\"value\":");
  } else {
    put(b, st->node_head[x->node]);
  }
  if (x->state == NODE_NOT_REACHED) jsonw_lit(b, "null");
  else if (x->value >= 0) put(b, st->node_value[x->node][x->value]);
  else jsonw_lit(b, "\"unknown\"");
  jsonw_lit(b, ",\"state\":");
  jsonw_lit(b, state_name(x->state));
  if (x->open) jsonw_lit(b, ",\"open\":true");
  if (x->set_aside) jsonw_lit(b, ",\"finding_set_aside\":true");
  settled_json(b, st->p, x);
  if (x->sentence) {
    jsonw_lit(b, ",\"sentence\":");
    jsonw_str(b, x->sentence);
  }
  jsonw_lit(b, ",\"authorities\":");
  authorities_json(b, st, x->by, x->nby);
  jsonw_lit(b, ",\"facts\":[");
  for (int i = 0; i < x->nfacts; i++) {
    if (i) jsonw_raw(b, ",", 1);
    int f = x->facts[i].fact, k = 0;
    while (k < st->nfact_whole[f] && st->fact_text[f][k] != x->facts[i].value) k++;
    if (x->facts[i].presumed) {
      /* a blank the pack presumes an answer for: say so */
      put(b, st->fact_head[f]);
      jsonw_str(b, x->facts[i].value);
      jsonw_lit(b, ",\"presumed\":true}");
      continue;
    }
    if (k < st->nfact_whole[f]) {
      put(b, st->fact_whole[f][k]);
      continue;
    }
    put(b, st->fact_head[f]);
    jsonw_str(b, x->facts[i].value);
    jsonw_raw(b, "}", 1);
  }
  if (st->depth >= 0 && depth >= st->depth && x->nkids) {
    /* --depth: the elements below are left out, and the node says so */
    jsonw_lit(b, "],\"children\":[],\"cut\":true}");
    return;
  }
  jsonw_lit(b, "],\"children\":[");
  for (int i = 0; i < x->nkids && depth < 256; i++) {
    if (i) jsonw_raw(b, ",", 1);
    node_json(b, st, x->kids[i], depth + 1);
  }
  jsonw_lit(b, "]}");
}

static void json_begin(renderer *r) {
  const pack *p = r->p;
  jsonw b = {0};
  jsonw_lit(&b, "{\"schema\":\"" JSON_SCHEMA "\",\"pack\":{\"name\":");
  jsonw_str(&b, p->name);
  jsonw_lit(&b, ",\"title\":");
  jsonw_str(&b, p->title);
  jsonw_lit(&b, ",\"case\":");
  jsonw_str(&b, p->case_name);
  jsonw_lit(&b, ",\"date\":");
  jsonw_str(&b, p->date);
  jsonw_lit(&b, "},\"source\":");
  jsonw_str(&b, r->source);
  jsonw_lit(&b, ",\"rows\":[\n");
  fwrite(b.s, 1, b.len, r->out);
  jsonw_free(&b);
}

static void row_head(jsonw *b, const case_row *row) {
  jsonw_lit(b, "{\"id\":");
  jsonw_str(b, row->id ? row->id : "");
  if (row->title) {
    jsonw_lit(b, ",\"title\":");
    jsonw_str(b, row->title);
  }
  if (row->note) {
    jsonw_lit(b, ",\"note\":");
    jsonw_str(b, row->note);
  }
  jsonw_lit(b, ",\"line\":");
  jsonw_int(b, row->line);
}

/* What a read row states: "facts", each fact it gives a value, and
 * "findings", each finding below it supplies, as objects in the pack's
 * order. */
static void row_stated(jsonw *b, const json_state *st, const case_row *row) {
  const pack *p = st->p;
  char buf[64];
  jsonw_lit(b, ",\"facts\":{");
  int n = 0;
  for (int f = 0; f < p->nfacts; f++) {
    rval v = row->facts[f].v;
    if (v == RV_UNKNOWN) continue;
    if (n++) jsonw_raw(b, ",", 1);
    put(b, st->fact_key[f]);
    if (v >= 0 && v < st->nfact_whole[f]) put(b, st->fact_value[f][v]); /* yes/no, one of */
    else jsonw_str(b, explain_fact_text(p, row, f, buf, sizeof buf));
  }
  jsonw_lit(b, "},\"findings\":{");
  n = 0;
  for (int k = 0; k < p->nnodes; k++) {
    if (!row->has_finding[k]) continue;
    if (n++) jsonw_raw(b, ",", 1);
    jsonw_str(b, p->nodes[k].name);
    jsonw_raw(b, ":", 1);
    jsonw_str(b, pack_node_value_name(&p->nodes[k], row->findings[k]));
  }
  jsonw_raw(b, "}", 1);
}

static void json_row(renderer *r, const case_row *row, const render_result *res, int n);

static void json_item(renderer *r, const render_item *it) { json_row(r, it->row, it->results, it->n); }

static void json_row(renderer *r, const case_row *row, const render_result *res, int n) {
  json_state *st = r->state;
  const pack *p = r->p;
  jsonw *b = &st->row;
  b->len = 0;
  row_head(b, row);
  row_stated(b, st, row);
  jsonw_lit(b, ",\"results\":[");
  for (int t = 0; t < n; t++) {
    const explain_tree *tr = res[t].tree;
    if (t) jsonw_raw(b, ",", 1);
    put(b, st->opinion_head[res[t].opinion]);
    if (res[t].error) {
      /* the opinion's rule failed on this row; the other opinions stand */
      jsonw_lit(b, "\"outcome\":null,\"disposition\":null,\"errors\":");
      errors_json(b, res[t].error);
      jsonw_raw(b, "}", 1);
      continue;
    }
    if (tr->outside >= 0) {
      outside_json(b, st, &p->outside[tr->outside]);
      continue;
    }
    jsonw_lit(b, "\"outcome\":");
    int dn = p->opinions[res[t].opinion].decides;
    if (tr->outcome >= 0 && tr->outcome < p->nodes[dn].nvalues) put(b, st->node_value[dn][tr->outcome]);
    else jsonw_str(b, tr->outcome_name);
    jsonw_lit(b, ",\"disposition\":");
    jsonw_str(b, tr->disposition);
    if (tr->maybe_outside >= 0) {
      jsonw_lit(b, ",\"maybe_outside\":");
      jsonw_str(b, p->outside[tr->maybe_outside].name);
    }
    if (tr->root->even_if) {
      jsonw_lit(b, ",\"even_if\":");
      fact_names(b, p, tr->outcome_immaterial, tr->noutcome_immaterial);
    }
    if (tr->outcome == RV_UNKNOWN) undecided_json(b, p, tr);
    jsonw_lit(b, ",\"turns_on\":");
    jsonw_str(b, p->nodes[tr->turns_on->node].name);
    jsonw_lit(b, ",\"tree\":");
    node_json(b, st, tr->root, 0);
    if (tr->disposition_root) {
      jsonw_lit(b, ",\"disposition_tree\":");
      node_json(b, st, tr->disposition_root, 0);
    }
    jsonw_raw(b, "}", 1);
  }
  jsonw_lit(b, "]}");
  fwrite(b->s, 1, b->len, r->out);
}

static void errors_json(jsonw *b, const err *e) {
  jsonw_raw(b, "[", 1);
  for (const err *x = e; x; x = x->next) {
    if (x != e) jsonw_raw(b, ",", 1);
    jsonw_lit(b, "{\"file\":");
    jsonw_str(b, x->file);
    jsonw_lit(b, ",\"line\":");
    jsonw_int(b, x->line);
    jsonw_lit(b, ",\"column\":");
    jsonw_int(b, x->col);
    if (x->node) {
      jsonw_lit(b, ",\"node\":");
      jsonw_str(b, x->node);
    }
    jsonw_lit(b, ",\"message\":");
    jsonw_str(b, x->msg);
    jsonw_lit(b, ",\"hint\":");
    jsonw_str(b, x->hint);
    jsonw_raw(b, "}", 1);
  }
  jsonw_raw(b, "]", 1);
}

static void json_row_error(renderer *r, const case_row *row, const err *e) {
  json_state *st = r->state;
  jsonw *b = &st->row;
  b->len = 0;
  row_head(b, row);
  jsonw_lit(b, ",\"errors\":");
  errors_json(b, e);
  jsonw_lit(b, "}");
  fwrite(b->s, 1, b->len, r->out);
}

static void json_end(renderer *r, const render_summary *s) {
  fprintf(r->out, "%s],\"summary\":{\"read\":%d,\"decided\":%d,\"undecided\":%d,", s->read ? "\n" : "", s->read,
          s->decided, s->undecided);
  if (s->outside) fprintf(r->out, "\"outside\":%d,", s->outside);
  fprintf(r->out, "\"failed\":%d,\"opinions\":{\"decided\":%d,\"undecided\":%d,", s->failed, s->opinions_decided,
          s->opinions_undecided);
  if (s->opinions_outside) fprintf(r->out, "\"outside\":%d,", s->opinions_outside);
  fprintf(r->out, "\"failed\":%d}}}\n", s->opinions_failed);
}

static void free_list(frag *list, int n) {
  for (int i = 0; i < n; i++) free(list[i].s);
  free(list);
}

static void state_free(json_state *st, const pack *p) {
  for (int n = 0; n < p->nnodes; n++) free_list(st->node_value[n], p->nodes[n].nvalues);
  free(st->node_value);
  free_list(st->node_head, p->nnodes);
  free_list(st->fact_head, p->nfacts);
  for (int f = 0; f < p->nfacts; f++) free_list(st->fact_value[f], st->nfact_whole[f]);
  free(st->fact_value);
  free_list(st->fact_key, p->nfacts);
  for (int f = 0; f < p->nfacts; f++) {
    free_list(st->fact_whole[f], st->nfact_whole[f]);
    free(st->fact_text[f]);
  }
  free(st->fact_whole);
  free(st->fact_text);
  free(st->nfact_whole);
  free_list(st->authority, p->nauthorities);
  free_list(st->opinion_head, p->nopinions);
  jsonw_free(&st->row);
  free(st);
}

static void json_free(renderer *r) { state_free(r->state, r->p); }

/* ---- one tree, for other JSON documents (ratio compare) ------------------- */

struct render_json_tree {
  json_state *st;
  const pack *p;
};

render_json_tree *render_json_tree_new(const pack *p) {
  render_json_tree *t = xcalloc(1, sizeof *t);
  t->st = xcalloc(1, sizeof *t->st);
  prepare(t->st, p);
  t->st->depth = -1;
  t->p = p;
  return t;
}

char *render_json_tree_text(render_json_tree *t, const explain_node *x) {
  t->st->row.len = 0;
  node_json(&t->st->row, t->st, x, 0);
  return jsonw_take(&t->st->row);
}

void render_json_tree_free(render_json_tree *t) {
  if (!t) return;
  state_free(t->st, t->p);
  free(t);
}

renderer *render_json_new(const render_setup *s) {
  const pack *p = s->p;
  json_state *st = xcalloc(1, sizeof *st);
  prepare(st, p);
  st->depth = s->limit_depth ? s->depth : -1;
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = st, .separator = ",\n", .wants_tree = true, .begin = json_begin, .item = json_item,
                  .row_error = json_row_error,
                  .end = json_end, .free = json_free};
  return r;
}
