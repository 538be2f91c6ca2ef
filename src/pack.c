/* pack: load a rule pack and check it into a C model.
 *
 * The sandbox runs the pack's files; the declarations they leave in the
 * registry are read here, in one protected pass, into plain C structures.
 * Every name is resolved and every type checked in that pass, and each
 * mistake is reported at the pack line that made it, with a did-you-mean. */
#include "pack.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lua.h>

#include "suggest.h"

static const char *const yesno_values[] = {"no", "yes"};

/* ---- the loader's state --------------------------------------------------- */

typedef struct loader {
  pack *p;
  err *errs;
  err **tail;   /* where the next error goes: a long chain is never walked */
  int nerrs;
  long more;    /* errors past MAX_LOAD_ERRORS, counted, not kept */
} loader;

/* A pack with thousands of mistakes reports the first ones and a count:
 * the output stays short, and no did-you-mean is searched for the rest
 * (each is a walk over every name). */
#define MAX_LOAD_ERRORS 50

static void add_err(loader *ld, const char *file, int line, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void add_err(loader *ld, const char *file, int line, const char *hint, const char *fmt, ...) {
  if (ld->nerrs >= MAX_LOAD_ERRORS) {
    ld->more++;
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  err *e = err_newv(file, line, 0, fmt, ap);
  va_end(ap);
  if (hint) err_hint(e, "%s", hint);
  if (!ld->tail) ld->tail = &ld->errs;
  *ld->tail = e;
  ld->tail = &e->next;
  ld->nerrs++;
}

/* Pack file names are kept once; exprs and rules borrow them. */
static const char *intern_file(pack *p, const char *file) {
  for (int i = 0; i < p->nfiles; i++)
    if (strcmp(p->files[i], file) == 0) return p->files[i];
  p->files = xrealloc(p->files, sizeof *p->files * (size_t)(p->nfiles + 1));
  p->files[p->nfiles] = xstrdup(file);
  return p->files[p->nfiles++];
}

/* ---- reading Lua tables --------------------------------------------------- */

/* A string field of the table at idx, copied; NULL when absent. */
static char *get_str(loader *ld, lua_State *L, int idx, const char *key, const char *file,
                     int line, const char *what) {
  char *out = NULL;
  lua_getfield(L, idx, key);
  if (lua_type(L, -1) == LUA_TSTRING) out = xstrdup(lua_tostring(L, -1));
  else if (!lua_isnil(L, -1))
    add_err(ld, file, line, NULL, "%s: '%s' must be text in quotes, not a %s; write %s = \"...\"", what, key,
            luaL_typename(L, -1), key);
  lua_pop(L, 1);
  return out;
}

static int get_int(lua_State *L, int idx, const char *key) {
  lua_getfield(L, idx, key);
  int v = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  return v;
}

static bool get_bool(lua_State *L, int idx, const char *key) {
  lua_getfield(L, idx, key);
  bool v = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return v;
}

/* The file and line a declaration table recorded. */
static void get_pos(loader *ld, lua_State *L, int idx, const char **file, int *line) {
  lua_getfield(L, idx, "file");
  *file = intern_file(ld->p, lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?");
  lua_pop(L, 1);
  *line = get_int(L, idx, "line");
}

/* Read a list of strings (array part) into a new array; *n gets the count. */
static char **get_str_list(lua_State *L, int idx, int *n) {
  int len = (int)lua_rawlen(L, idx);
  char **out = xcalloc((size_t)len + 1, sizeof *out);
  int k = 0;
  for (int i = 1; i <= len; i++) {
    lua_rawgeti(L, idx, i);
    if (lua_type(L, -1) == LUA_TSTRING) out[k++] = xstrdup(lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  *n = k;
  return out;
}

/* ---- names ---------------------------------------------------------------- */

/* Each kind of name has an open-addressing table of indexes (+1; 0 is
 * empty), kept as the lists grow while the pack is read: a pack of tens of
 * thousands of declarations is read in linear time, not quadratic. A list
 * the table does not cover (a pack built by hand) is searched in order. */
enum { NAMES_FACTS, NAMES_NODES, NAMES_OPINIONS, NAMES_AUTHORITIES, NAMES_KINDS };

typedef struct name_table {
  int *slots;
  size_t mask;
  int count; /* entries 0..count-1 of the list are in the table */
} name_table;

struct pack_names {
  name_table kinds[NAMES_KINDS];
};

static const char *name_of(const pack *p, int kind, int i) {
  switch (kind) {
  case NAMES_FACTS: return p->facts[i].name;
  case NAMES_NODES: return p->nodes[i].name;
  case NAMES_OPINIONS: return p->opinions[i].name;
  default: return p->authorities[i].name;
  }
}

static int list_length(const pack *p, int kind) {
  switch (kind) {
  case NAMES_FACTS: return p->nfacts;
  case NAMES_NODES: return p->nnodes;
  case NAMES_OPINIONS: return p->nopinions;
  default: return p->nauthorities;
  }
}

static size_t name_hash(const char *s) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return (size_t)h;
}

static void table_put(name_table *t, const pack *p, int kind, int i) {
  const char *name = name_of(p, kind, i);
  if (!name) return;
  size_t at = name_hash(name) & t->mask;
  while (t->slots[at]) at = (at + 1) & t->mask;
  t->slots[at] = i + 1;
}

/* Entry i of the list (the one just appended) goes into the table. */
static void names_add(pack *p, int kind, int i) {
  if (!p->names) p->names = xcalloc(1, sizeof *p->names);
  name_table *t = &p->names->kinds[kind];
  if (t->count != i) return; /* out of step: lookups search the list */
  if (!t->slots || (size_t)(i + 1) * 2 > t->mask + 1) {
    size_t size = t->slots ? (t->mask + 1) * 2 : 64;
    free(t->slots);
    t->slots = xcalloc(size, sizeof *t->slots);
    t->mask = size - 1;
    for (int k = 0; k < i; k++) table_put(t, p, kind, k);
  }
  table_put(t, p, kind, i);
  t->count = i + 1;
}

static int names_find(const pack *p, int kind, const char *name) {
  if (!name) return -1;
  int n = list_length(p, kind);
  const name_table *t = p->names ? &p->names->kinds[kind] : NULL;
  if (!t || !t->slots || t->count != n) {
    for (int i = 0; i < n; i++) {
      const char *s = name_of(p, kind, i);
      if (s && strcmp(s, name) == 0) return i;
    }
    return -1;
  }
  for (size_t at = name_hash(name) & t->mask;; at = (at + 1) & t->mask) {
    int k = t->slots[at] - 1;
    if (k < 0) return -1;
    if (strcmp(name_of(p, kind, k), name) == 0) return k;
  }
}

static void names_free(struct pack_names *names) {
  if (!names) return;
  for (int k = 0; k < NAMES_KINDS; k++) free(names->kinds[k].slots);
  free(names);
}

int pack_fact_index(const pack *p, const char *name) { return names_find(p, NAMES_FACTS, name); }
int pack_node_index(const pack *p, const char *name) { return names_find(p, NAMES_NODES, name); }
int pack_opinion_index(const pack *p, const char *name) { return names_find(p, NAMES_OPINIONS, name); }
int pack_authority_index(const pack *p, const char *name) { return names_find(p, NAMES_AUTHORITIES, name); }

static int value_index(char *const *values, int n, const char *name, size_t len) {
  /* no strlen: this runs for every one-of cell of every row; and the name
   * may hold a NUL byte, so the value's own end is checked at every step */
  for (int i = 0; i < n; i++) {
    const char *v = values[i];
    size_t j = 0;
    while (j < len && v[j] && v[j] == name[j]) j++;
    if (j == len && v[len] == '\0') return i;
  }
  return -1;
}

int pack_fact_value(const pack_fact *f, const char *name, size_t len) {
  return value_index(f->values, f->nvalues, name, len);
}

int pack_node_value(const pack_node *n, const char *name, size_t len) {
  return value_index(n->values, n->nvalues, name, len);
}

/* " did you mean 'x'?" for a name among facts and nodes, or NULL (also
 * once the loader reports no more errors). */
static char *did_you_mean(const loader *ld, const char *name, bool facts, bool nodes) {
  if (ld->nerrs >= MAX_LOAD_ERRORS) return NULL;
  const pack *p = ld->p;
  int n = 0;
  const char **cands = xcalloc((size_t)(p->nfacts + p->nnodes + 1), sizeof *cands);
  if (facts)
    for (int i = 0; i < p->nfacts; i++) cands[n++] = p->facts[i].name;
  if (nodes)
    for (int i = 0; i < p->nnodes; i++) cands[n++] = p->nodes[i].name;
  const char *best = suggest_closest(name, strlen(name), cands, n);
  char *hint = best ? xasprintf("did you mean '%s'?", best) : NULL;
  free(cands);
  return hint;
}

static char *did_you_mean_in(const loader *ld, const char *name, char *const *list, int n) {
  if (ld->nerrs >= MAX_LOAD_ERRORS) return NULL;
  const char *best = suggest_closest(name, strlen(name), (const char *const *)list, n);
  return best ? xasprintf("did you mean '%s'?", best) : NULL;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char *join(char *const *list, int n) {
  size_t len = 1;
  for (int i = 0; i < n; i++) len += strlen(list[i]) + 2;
  char *s = xmalloc(len);
  s[0] = '\0';
  for (int i = 0; i < n; i++) {
    if (i) strcat(s, ", ");
    strcat(s, list[i]);
  }
  return s;
}

/* Resolve a name used in a rule; reports and returns false when unknown. */
/* The line where a rule names `name` in quotes: a name written as a plain
 * string in a rule is known only by the line of its declaration (or of the
 * combinator around it), so look for it in the pack's text from there, a
 * few lines on at most. Falls back to `line`. */
static int line_of_name(const loader *ld, const char *file, int line, const char *name) {
  size_t len = 0;
  const char *text = file && ld->p->sb ? sandbox_source(ld->p->sb, file, &len) : NULL;
  if (!text || line < 1) return line;
  const char *s = text, *end = text + len;
  for (int l = 1; l < line && s < end; s++)
    if (*s == '\n') l++;
  size_t n = strlen(name);
  for (int l = line; l < line + 40 && s < end; l++) {
    const char *eol = memchr(s, '\n', (size_t)(end - s));
    if (!eol) eol = end;
    for (const char *q = s; q + n + 2 <= eol; q++)
      if ((*q == '"' || *q == '\'') && q[n + 1] == *q && memcmp(q + 1, name, n) == 0) return l;
    s = eol + 1;
  }
  return line;
}

static bool resolve(loader *ld, const char *name, const char *file, int line, pack_ref *out) {
  int i = pack_fact_index(ld->p, name);
  if (i >= 0) {
    *out = (pack_ref){false, i};
    return true;
  }
  i = pack_node_index(ld->p, name);
  if (i >= 0) {
    *out = (pack_ref){true, i};
    return true;
  }
  char *hint = did_you_mean(ld, name, true, true);
  add_err(ld, file, line_of_name(ld, file, line, name), hint, "unknown fact or node '%s'", name);
  free(hint);
  return false;
}

/* The values a reference can take, for `is` and `first`. */
static void ref_values(const pack *p, pack_ref r, char *const **values, int *n) {
  if (r.is_node) {
    *values = p->nodes[r.index].values;
    *n = p->nodes[r.index].nvalues;
  } else if (p->facts[r.index].type == FACT_ENUM) {
    *values = p->facts[r.index].values;
    *n = p->facts[r.index].nvalues;
  } else if (p->facts[r.index].type == FACT_YESNO) {
    *values = (char *const *)yesno_values;
    *n = 2;
  } else {
    *values = NULL;
    *n = 0;
  }
}

static bool ref_is_yesno(const pack *p, pack_ref r) {
  return r.is_node ? !p->nodes[r.index].valued : p->facts[r.index].type == FACT_YESNO;
}

/* ---- rules ---------------------------------------------------------------- */

static void expr_free(expr *x) {
  if (!x) return;
  for (int i = 0; i < x->nkids; i++) expr_free(x->kids[i]);
  free(x->kids);
  free(x->gives);
  free(x);
}

/* The values a rule must produce: yes/no, or the values of a valued node. */
typedef struct want {
  char *const *values;
  int nvalues;
  bool valued;
  const char *node;
} want;

static expr *conv_expr(loader *ld, lua_State *L, int idx, const want *w);

static expr *conv_bool(loader *ld, lua_State *L, int idx, const char *node) {
  want w = {(char *const *)yesno_values, 2, false, node};
  return conv_expr(ld, L, idx, &w);
}

static expr *conv_kids(loader *ld, lua_State *L, int idx, expr *x, const char *node) {
  lua_getfield(L, idx, "args");
  int list = lua_gettop(L);
  int n = (int)lua_rawlen(L, list);
  x->kids = xcalloc((size_t)n, sizeof *x->kids);
  x->nkids = n;
  bool ok = true;
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, list, i + 1);
    x->kids[i] = conv_bool(ld, L, lua_gettop(L), node);
    if (!x->kids[i]) ok = false;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (!ok) {
    expr_free(x);
    return NULL;
  }
  return x;
}

static rval value_of_name(const want *w, const char *name) {
  if (strcmp(name, "unknown") == 0) return RV_UNKNOWN;
  return (rval)value_index(w->values, w->nvalues, name, strlen(name));
}

static expr *conv_first(loader *ld, lua_State *L, int idx, expr *x, const want *w) {
  lua_getfield(L, idx, "branches");
  int list = lua_gettop(L);
  int n = (int)lua_rawlen(L, list);
  x->kids = xcalloc((size_t)n, sizeof *x->kids);
  x->gives = xcalloc((size_t)n, sizeof *x->gives);
  x->nkids = n;
  bool ok = true, saw_otherwise = false;
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, list, i + 1);
    int b = lua_gettop(L);
    const char *file;
    int line;
    get_pos(ld, L, b, &file, &line);
    lua_getfield(L, b, "cond");
    bool has_cond = !lua_isnil(L, -1);
    if (has_cond && !(x->kids[i] = conv_bool(ld, L, lua_gettop(L), w->node))) ok = false;
    lua_pop(L, 1);
    if (!has_cond) saw_otherwise = true;
    if (!has_cond && i != n - 1) {
      add_err(ld, file, line, "move otherwise to the end of the list",
              "otherwise must be the last branch of first { ... }; the branches after it are never used");
      ok = false;
    }
    lua_getfield(L, b, "gives");
    const char *g = lua_tostring(L, -1);
    if (!g) {
      add_err(ld, file, line, NULL, "a branch of first gives a %s; give a value name in quotes",
              luaL_typename(L, -1));
      ok = false;
    } else if ((x->gives[i] = value_of_name(w, g)) == RV_UNKNOWN && strcmp(g, "unknown") != 0) {
      char *all = join(w->values, w->nvalues);
      char *hint = did_you_mean_in(ld, g, w->values, w->nvalues);
      add_err(ld, file, line, hint ? hint : "give one of the node's values in quotes, or add the value to its values",
              "node %s: '%s' is not one of its values (%s, or unknown)", w->node, g, all);
      free(hint);
      free(all);
      ok = false;
    }
    lua_pop(L, 2);
    if (!has_cond) x->kids[i] = NULL;
    if (i == n - 1 && has_cond && !saw_otherwise) {
      add_err(ld, file, line, "end the list with otherwise \"value\"",
              "first { ... } needs otherwise \"value\" as its last branch, for when no condition holds");
      ok = false;
    }
  }
  lua_pop(L, 1);
  if (!ok) {
    expr_free(x);
    return NULL;
  }
  return x;
}

static expr *conv_is(loader *ld, lua_State *L, int idx, expr *x, const char *refname) {
  char *const *values;
  int nvalues;
  ref_values(ld->p, x->ref, &values, &nvalues);
  if (!values) {
    add_err(ld, x->file, x->line, "compare numbers and dates with gt, ge, lt, le, eq or ne",
            "is(\"%s\", ...): %s is not a yes/no or one-of fact or node", refname, refname);
    expr_free(x);
    return NULL;
  }
  if (nvalues > 64) {
    add_err(ld, x->file, x->line, NULL, "%s has more than 64 values; split it", refname);
    expr_free(x);
    return NULL;
  }
  lua_getfield(L, idx, "values");
  int list = lua_gettop(L);
  int n = (int)lua_rawlen(L, list);
  bool ok = true;
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    const char *v = lua_tostring(L, -1);
    int k = v ? value_index(values, nvalues, v, strlen(v)) : -1;
    if (k < 0) {
      char *all = join(values, nvalues);
      char *hint = v ? did_you_mean_in(ld, v, values, nvalues) : NULL;
      add_err(ld, x->file, x->line, hint, "is(\"%s\", ...): '%s' is not one of %s", refname,
              v ? v : "?", all);
      free(hint);
      free(all);
      ok = false;
    } else {
      x->set |= (uint64_t)1 << k;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (!ok) {
    expr_free(x);
    return NULL;
  }
  return x;
}

static expr *conv_cmp(loader *ld, lua_State *L, int idx, expr *x, const char *refname) {
  static const char *const ops[] = {"gt", "ge", "lt", "le", "eq", "ne"};
  lua_getfield(L, idx, "cmp");
  const char *op = lua_tostring(L, -1);
  for (int i = 0; i < 6; i++)
    if (op && strcmp(op, ops[i]) == 0) x->cmp = (cmp_op)i;
  lua_pop(L, 1);
  const pack_fact *f = x->ref.is_node ? NULL : &ld->p->facts[x->ref.index];
  if (!f || (f->type != FACT_NUMBER && f->type != FACT_DATE)) {
    char *hint = f && f->type == FACT_ENUM
                     ? xasprintf("test a one-of fact with is(\"%s\", \"%s\")", refname, f->values[0])
                 : f && f->type == FACT_YESNO
                     ? xasprintf("test a yes/no fact by its name alone, \"%s\", or with no \"%s\"", refname, refname)
                 : f ? xasprintf("a text fact can only be shown in sentences, not compared")
                     : xasprintf("%s is a node: test it by its name alone, or with is(\"%s\", ...) if it has values",
                                 refname, refname);
    add_err(ld, x->file, x->line, hint, "%s(\"%s\", ...): %s is not a number or date fact", op ? op : "cmp",
            refname, refname);
    free(hint);
    expr_free(x);
    return NULL;
  }
  lua_getfield(L, idx, "value");
  bool ok = true;
  if (f->type == FACT_NUMBER) {
    if (lua_type(L, -1) != LUA_TNUMBER) {
      add_err(ld, x->file, x->line, NULL, "%s(\"%s\", ...) compares a number fact; give a number without quotes, e.g. %s(\"%s\", 10)",
              op, refname, op, refname);
      ok = false;
    } else {
      x->number = lua_tonumber(L, -1);
    }
  } else {
    size_t len = 0;
    const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
    int d = s ? pack_parse_date(s, len) : -1;
    if (d < 0) {
      add_err(ld, x->file, x->line, "write dates as \"YYYY-MM-DD\"",
              "%s(\"%s\", ...) compares a date fact; give a date", op, refname);
      ok = false;
    }
    x->number = d;
  }
  lua_pop(L, 1);
  if (!ok) {
    expr_free(x);
    return NULL;
  }
  return x;
}

/* Convert the rule at idx (a combinator table or a function). Returns NULL
 * after reporting the mistake. */
static expr *conv_expr(loader *ld, lua_State *L, int idx, const want *w) {
  expr *x = xcalloc(1, sizeof *x);
  if (lua_type(L, idx) == LUA_TFUNCTION) {
    x->kind = EXPR_LUA;
    x->lua_ref = sandbox_ref(L, idx);
    ld->p->nrule_functions++;
    lua_Debug ar;
    lua_pushvalue(L, idx);
    if (lua_getinfo(L, ">S", &ar) && ar.source[0] == '@') {
      x->file = intern_file(ld->p, ar.source + 1);
      x->line = ar.linedefined;
    }
    return x;
  }
  get_pos(ld, L, idx, &x->file, &x->line);
  lua_getfield(L, idx, "op");
  const char *op = lua_tostring(L, -1);
  lua_pop(L, 1);
  if (!op) op = "";
  if (strcmp(op, "first") == 0) {
    x->kind = EXPR_FIRST;
    return conv_first(ld, L, idx, x, w);
  }
  if (w->valued) {
    add_err(ld, x->file, x->line, "write rule = first { when(...):gives \"value\", ..., otherwise \"value\" }",
            "node %s has values, so its rule must choose one of them", w->node);
    expr_free(x);
    return NULL;
  }
  if (strcmp(op, "const") == 0) {
    x->kind = EXPR_CONST;
    x->constant = get_bool(L, idx, "value") ? RV_YES : RV_NO;
    return x;
  }
  if (strcmp(op, "all") == 0 || strcmp(op, "any") == 0 || strcmp(op, "not") == 0 ||
      strcmp(op, "unless") == 0) {
    x->kind = op[0] == 'a' ? (op[1] == 'l' ? EXPR_ALL : EXPR_ANY) : op[0] == 'n' ? EXPR_NOT : EXPR_UNLESS;
    return conv_kids(ld, L, idx, x, w->node);
  }
  lua_getfield(L, idx, "ref");
  char *refname = lua_type(L, -1) == LUA_TSTRING ? xstrdup(lua_tostring(L, -1)) : NULL;
  lua_pop(L, 1);
  if (!refname) {
    add_err(ld, x->file, x->line, NULL, "%s expects a fact or node name in quotes", op);
    expr_free(x);
    return NULL;
  }
  if (!resolve(ld, refname, x->file, x->line, &x->ref)) {
    free(refname);
    expr_free(x);
    return NULL;
  }
  expr *out = x;
  if (strcmp(op, "ref") == 0) {
    x->kind = EXPR_REF;
    if (!ref_is_yesno(ld->p, x->ref)) {
      char *const *values;
      int n;
      ref_values(ld->p, x->ref, &values, &n);
      char *hint = n ? xasprintf("test it with is(\"%s\", \"%s\")", refname, values[0])
                     : xasprintf("compare it with gt, ge, lt, le, eq or ne");
      add_err(ld, x->file, line_of_name(ld, x->file, x->line, refname), hint,
              "'%s' is not yes/no, so it cannot stand alone as a condition", refname);
      free(hint);
      expr_free(x);
      out = NULL;
    }
  } else if (strcmp(op, "is") == 0) {
    x->kind = EXPR_IS;
    out = conv_is(ld, L, idx, x, refname);
  } else if (strcmp(op, "cmp") == 0) {
    x->kind = EXPR_CMP;
    out = conv_cmp(ld, L, idx, x, refname);
  } else {
    add_err(ld, x->file, x->line, NULL, "unknown rule form '%s'", op);
    expr_free(x);
    out = NULL;
  }
  free(refname);
  return out;
}

/* ---- templates ------------------------------------------------------------ */

/* Templates live as long as the pack: their texts and parts are kept here
 * and freed with it. */
typedef struct strpool {
  void **s;
  int n;
} strpool;

static void *pool_keep(strpool *pool, void *ptr) {
  pool->s = xrealloc(pool->s, sizeof *pool->s * (size_t)(pool->n + 1));
  pool->s[pool->n++] = ptr;
  return ptr;
}


/* Parse "text {name} text" into parts; names must be facts or nodes. The
 * literal parts point into `src`, which the caller keeps alive. A fact's
 * own sentence (`only` >= 0, that fact) is read without a row, so it may
 * show that fact's answer and nothing else. */
static bool parse_tmpl(loader *ld, strpool *pool, const char *src, const char *file, int line, int only,
                       tmpl *out) {
  int cap = 4;
  out->parts = xcalloc((size_t)cap, sizeof *out->parts);
  out->nparts = 0;
  const char *p = src;
  bool ok = true;
  while (*p) {
    if (out->nparts + 2 > cap) out->parts = xrealloc(out->parts, sizeof *out->parts * (size_t)(cap *= 2));
    const char *open = strchr(p, '{');
    if (!open) {
      out->parts[out->nparts++] = (tmpl_part){p, (int)strlen(p), {false, 0}};
      break;
    }
    if (open > p) out->parts[out->nparts++] = (tmpl_part){p, (int)(open - p), {false, 0}};
    const char *close = strchr(open, '}');
    if (!close) {
      add_err(ld, file, line, "close it: {name} shows the value of the fact or node name",
              "a sentence has '{' with no matching '}'");
      ok = false;
      break;
    }
    char *name = xstrndup(open + 1, (size_t)(close - open - 1));
    pack_ref r;
    if (only >= 0 && pack_fact_index(ld->p, name) != only) {
      const char *own = ld->p->facts[only].name;
      char *hint = xasprintf("write {%s} where the answer goes", own);
      add_err(ld, file, line, hint, "fact %s: its sentence shows {%s}, but a fact's sentence shows only its own answer, {%s}",
              own, name, own);
      free(hint);
      ok = false;
    } else if (pack_fact_index(ld->p, name) < 0 && pack_node_index(ld->p, name) < 0) {
      char *hint = did_you_mean(ld, name, true, true);
      add_err(ld, file, line, hint ? hint : "put the name of a fact or node between { and }",
              "a sentence shows {%s}, but '%s' is no fact or node", name, name);
      free(hint);
      ok = false;
    } else if (resolve(ld, name, file, line, &r)) out->parts[out->nparts++] = (tmpl_part){NULL, 0, r};
    else ok = false;
    free(name);
    p = close + 1;
  }
  pool_keep(pool, out->parts);
  return ok;
}

/* ---- node rules ----------------------------------------------------------- */

/* The `by` list of the declaration at idx: authority indexes into *by. */
static void read_by(loader *ld, lua_State *L, int idx, const char *kind, const char *name, const char *file, int line,
                    int **by, int *nby) {
  lua_getfield(L, idx, "by");
  if (lua_istable(L, -1)) {
    int cnt;
    char **names = get_str_list(L, lua_gettop(L), &cnt);
    *by = xcalloc((size_t)cnt + 1, sizeof **by);
    for (int i = 0; i < cnt; i++) {
      int a = pack_authority_index(ld->p, names[i]);
      if (a < 0) {
        char **all = xcalloc((size_t)ld->p->nauthorities + 1, sizeof *all);
        for (int k = 0; k < ld->p->nauthorities; k++) all[k] = ld->p->authorities[k].name;
        char *hint = did_you_mean_in(ld, names[i], all, ld->p->nauthorities);
        if (!hint) hint = xasprintf("declare it with authority \"%s\" { cite = ..., pin = ... }", names[i]);
        add_err(ld, file, line, hint, "%s %s: unknown authority '%s'", kind, name, names[i]);
        free(hint);
        free(all);
      } else {
        (*by)[(*nby)++] = a;
      }
      free(names[i]);
    }
    free(names);
  }
  lua_pop(L, 1);
}

static void read_rule(loader *ld, lua_State *L, int idx, const pack_node *n, node_rule *r,
                      strpool *pool, bool is_override) {
  char *const *values = n->values;
  want w = {values, n->nvalues, n->valued, n->name};
  get_pos(ld, L, idx, &r->file, &r->line);
  lua_getfield(L, idx, "rule");
  if (!lua_isnil(L, -1)) r->rule = conv_expr(ld, L, lua_gettop(L), &w);
  lua_pop(L, 1);
  lua_getfield(L, idx, "open");
  if (!lua_isnil(L, -1)) r->open = conv_bool(ld, L, lua_gettop(L), n->name);
  lua_pop(L, 1);
  if (r->open && n->valued) {
    add_err(ld, r->file, r->line, "give \"unknown\" from a branch of first instead",
            "node %s: open applies to yes/no nodes only", n->name);
  }
  read_by(ld, L, idx, is_override ? "override" : "node", n->name, r->file, r->line, &r->by, &r->nby);
  /* Sentences: yes/no/unknown for yes/no nodes; says = { value = ... }. */
  r->says = xcalloc((size_t)n->nvalues, sizeof *r->says);
  char *what = xasprintf("%s %s", is_override ? "override" : "node", n->name);
  for (int v = 0; v < n->nvalues; v++) {
    const char *key = values[v];
    char *s = NULL;
    if (!n->valued) s = get_str(ld, L, idx, key, r->file, r->line, what);
    else {
      lua_getfield(L, idx, "says");
      if (lua_istable(L, -1)) s = get_str(ld, L, lua_gettop(L), key, r->file, r->line, what);
      lua_pop(L, 1);
    }
    if (s) parse_tmpl(ld, pool, pool_keep(pool, s), r->file, r->line, -1, &r->says[v]);
  }
  char *u = get_str(ld, L, idx, "unknown", r->file, r->line, what);
  free(what);
  if (u) parse_tmpl(ld, pool, pool_keep(pool, u), r->file, r->line, -1, &r->says_unknown);
}

static void rule_free(node_rule *r) {
  free(r->title);
  expr_free(r->rule);
  expr_free(r->open);
  free(r->by);
  free(r->says);
}

/* ---- declarations --------------------------------------------------------- */

static bool check_unique(loader *ld, const char *kind, const char *name, const char *file,
                         int line, int found) {
  if (found < 0) return true;
  if (strcmp(kind, "fact and node") == 0)
    add_err(ld, file, line, "rename one of them", "'%s' is declared both as a fact and as a node", name);
  else
    add_err(ld, file, line, "rename one of them", "%s '%s' is declared twice", kind, name);
  return false;
}

/* default = value: what a blank cell of a yes/no or one-of fact is presumed
 * to say (the court below applied the right test unless the row says not). */
static void read_default(loader *ld, lua_State *L, int t, pack_fact *f) {
  lua_getfield(L, t, "default");
  int type = lua_type(L, -1);
  if (type != LUA_TNIL) {
    const char *s = type == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    rval v = RV_UNKNOWN;
    if (f->type == FACT_YESNO && type == LUA_TBOOLEAN) v = lua_toboolean(L, -1) ? RV_YES : RV_NO;
    else if (f->type == FACT_YESNO && s) v = strcmp(s, "yes") == 0 ? RV_YES : strcmp(s, "no") == 0 ? RV_NO : RV_UNKNOWN;
    else if (f->type == FACT_ENUM && s) v = (rval)pack_fact_value(f, s, strlen(s));
    if (f->type != FACT_YESNO && f->type != FACT_ENUM) {
      add_err(ld, f->file, f->line, "give a default only to a yes/no or one-of fact",
              "fact %s: a %s fact cannot have a default", f->name, f->type == FACT_NUMBER ? "number" : f->type == FACT_DATE ? "date" : "text");
    } else if (v < 0) {
      char *vals = f->type == FACT_ENUM ? join(f->values, f->nvalues) : xstrdup("yes, no");
      add_err(ld, f->file, f->line, NULL, "fact %s: default %s%s%s is not one of its values (%s)", f->name,
              s ? "'" : "", s ? s : lua_typename(L, type), s ? "'" : "", vals);
      free(vals);
    } else {
      f->has_default = true;
      f->def = v;
    }
  }
  lua_pop(L, 1);
}

static void read_facts(loader *ld, lua_State *L, int reg) {
  pack *p = ld->p;
  lua_getfield(L, reg, "facts");
  int list = lua_gettop(L);
  int n = (int)lua_rawlen(L, list);
  p->facts = xcalloc((size_t)n + 1, sizeof *p->facts);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    int t = lua_gettop(L);
    const char *file;
    int line;
    get_pos(ld, L, t, &file, &line);
    char *name = get_str(ld, L, t, "name", file, line, "fact");
    if (!check_unique(ld, "fact", name, file, line, pack_fact_index(p, name))) {
      free(name);
      lua_pop(L, 1);
      continue;
    }
    pack_fact *f = &p->facts[p->nfacts++];
    f->name = name;
    names_add(p, NAMES_FACTS, p->nfacts - 1);
    f->file = xstrdup(file);
    f->line = line;
    char *what = xasprintf("fact %s", name);
    f->ask = get_str(ld, L, t, "ask", file, line, what);
    f->help = get_str(ld, L, t, "help", file, line, what);
    f->optional = get_bool(L, t, "optional");
    char *type = get_str(ld, L, t, "type", file, line, what);
    free(what);
    static const char *const types[] = {"yesno", "enum", "number", "date", "text"};
    for (int k = 0; k < 5; k++)
      if (type && strcmp(type, types[k]) == 0) f->type = (fact_type)k;
    free(type);
    if (f->type == FACT_ENUM) {
      lua_getfield(L, t, "values");
      f->values = get_str_list(L, lua_gettop(L), &f->nvalues);
      lua_pop(L, 1);
      if (f->nvalues > 64)
        add_err(ld, file, line, "split the fact in two", "fact %s has more than 64 values", name);
      for (int a = 0; a < f->nvalues; a++)
        for (int b = 0; b < a; b++)
          if (strcmp(f->values[a], f->values[b]) == 0)
            add_err(ld, file, line, "remove one of them", "fact %s lists the value '%s' twice", name, f->values[a]);
    }
    read_default(ld, L, t, f);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* The answers a fact's sentences are given for, by index: no and yes for a
 * yes/no fact, its values for a one-of fact, the one answer of any other. */
static int says_count(const pack_fact *f) {
  return f->type == FACT_YESNO ? 2 : f->type == FACT_ENUM ? f->nvalues : 1;
}

/* An example of says for a fact, for hints. */
static char *says_example(const pack_fact *f) {
  if (f->type == FACT_YESNO) return xstrdup("write says = { yes = \"...\", no = \"...\" }");
  if (f->type == FACT_ENUM && f->nvalues >= 2)
    return xasprintf("write says = { %s = \"...\", %s = \"...\" }", f->values[0], f->values[1]);
  if (f->type == FACT_ENUM) return xasprintf("write says = { %s = \"...\" }", f->nvalues ? f->values[0] : "value");
  return xasprintf("write says = \"... {%s} ...\"", f->name);
}

/* says = ...: how the fact's answers read as sentences. Read after every
 * fact and node is named, so a sentence's {name} can be told apart from a
 * misspelling. A yes/no or one-of fact gives a table, one sentence per
 * answer (any may be left out: the default serves); any other fact one
 * sentence that shows its answer. */
static void read_fact_says(loader *ld, lua_State *L, int t, pack_fact *f, int fi, strpool *pool) {
  lua_getfield(L, t, "says");
  int says = lua_gettop(L);
  int type = lua_type(L, says);
  bool per_answer = f->type == FACT_YESNO || f->type == FACT_ENUM;
  char *example = says_example(f);
  if (type == LUA_TNIL) {
    /* the default serves every answer */
  } else if (per_answer && type != LUA_TTABLE) {
    add_err(ld, f->file, f->line, example, "fact %s: says must give a sentence per answer, not a %s", f->name,
            luaL_typename(L, says));
  } else if (!per_answer && type != LUA_TSTRING) {
    add_err(ld, f->file, f->line, example, "fact %s: says must be one sentence in quotes that shows {%s}, not a %s",
            f->name, f->name, luaL_typename(L, says));
  } else {
    int n = says_count(f);
    f->says = xcalloc((size_t)n, sizeof *f->says);
    char *what = xasprintf("fact %s: says", f->name);
    for (int a = 0; a < n; a++) {
      char *s = NULL;
      if (per_answer) s = get_str(ld, L, says, f->type == FACT_YESNO ? yesno_values[a] : f->values[a], f->file, f->line, what);
      else s = xstrdup(lua_tostring(L, says));
      if (!s) continue;
      if (!s[0]) {
        add_err(ld, f->file, f->line, "write the sentence, or leave the answer out for the default",
                "%s: the sentence for %s is empty", what, per_answer ? (f->type == FACT_YESNO ? yesno_values[a] : f->values[a]) : f->name);
        free(s);
        continue;
      }
      pool_keep(pool, s);
      if (!parse_tmpl(ld, pool, s, f->file, f->line, fi, &f->says[a])) continue;
      bool shows = false;
      for (int k = 0; k < f->says[a].nparts; k++) shows |= !f->says[a].parts[k].text;
      if (!per_answer && !shows) {
        char *hint = xasprintf("put {%s} where the answer goes", f->name);
        add_err(ld, f->file, f->line, hint, "fact %s: its sentence does not show the answer", f->name);
        free(hint);
      }
    }
    free(what);
    if (per_answer) {
      /* Keys that are no answer, in sorted order so the first reported
       * does not depend on the table's hash order. */
      int nbad = 0, cap = 0;
      char **bad = NULL;
      bool unnamed = false;
      lua_pushnil(L);
      while (lua_next(L, says) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
          unnamed = true;
          continue;
        }
        const char *k = lua_tostring(L, -1);
        bool known = f->type == FACT_YESNO ? strcmp(k, "yes") == 0 || strcmp(k, "no") == 0
                                           : pack_fact_value(f, k, strlen(k)) >= 0;
        if (known) continue;
        if (nbad == cap) bad = xrealloc(bad, sizeof *bad * (size_t)(cap = cap ? cap * 2 : 4));
        bad[nbad++] = xstrdup(k);
      }
      if (unnamed)
        add_err(ld, f->file, f->line, example, "fact %s: says lists a sentence without the answer it is for", f->name);
      if (nbad) qsort(bad, (size_t)nbad, sizeof *bad, cmp_str); /* bad is NULL when none */
      char *const *values = f->type == FACT_YESNO ? (char *const *)yesno_values : f->values;
      int nvalues = f->type == FACT_YESNO ? 2 : f->nvalues;
      char *all = join(values, nvalues);
      for (int i = 0; i < nbad; i++) {
        char *hint = did_you_mean_in(ld, bad[i], values, nvalues);
        if (!hint) hint = xasprintf("give sentences for its values only: %s", all);
        add_err(ld, f->file, f->line, hint, "fact %s: says gives a sentence for '%s', which is not one of its values (%s)",
                f->name, bad[i], all);
        free(hint);
        free(bad[i]);
      }
      free(all);
      free(bad);
    }
  }
  free(example);
  lua_pop(L, 1);
}

static void read_facts_says(loader *ld, lua_State *L, int reg, strpool *pool) {
  pack *p = ld->p;
  lua_getfield(L, reg, "facts");
  int list = lua_gettop(L);
  int n = (int)lua_rawlen(L, list);
  /* read_facts kept the declarations in order and skipped each repeat of
   * a name (reported there), so the next fact kept is the next one whose
   * name is not an earlier fact's */
  for (int i = 1, kept = 0; i <= n && kept < p->nfacts; i++) {
    lua_rawgeti(L, list, i);
    lua_getfield(L, -1, "name");
    const char *name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    bool next = name && pack_fact_index(p, name) == kept;
    lua_pop(L, 1);
    if (next) {
      read_fact_says(ld, L, lua_gettop(L), &p->facts[kept], kept, pool);
      kept++;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static void read_authorities(loader *ld, lua_State *L, int reg) {
  pack *p = ld->p;
  lua_getfield(L, reg, "authorities");
  int list = lua_gettop(L);
  int n = (int)lua_rawlen(L, list);
  p->authorities = xcalloc((size_t)n + 1, sizeof *p->authorities);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    int t = lua_gettop(L);
    const char *file;
    int line;
    get_pos(ld, L, t, &file, &line);
    char *name = get_str(ld, L, t, "name", file, line, "authority");
    if (!check_unique(ld, "authority", name, file, line, pack_authority_index(p, name))) {
      free(name);
      lua_pop(L, 1);
      continue;
    }
    pack_authority *a = &p->authorities[p->nauthorities++];
    a->name = name;
    names_add(p, NAMES_AUTHORITIES, p->nauthorities - 1);
    a->file = xstrdup(file);
    a->line = line;
    char *what = xasprintf("authority %s", name);
    a->cite = get_str(ld, L, t, "cite", file, line, what);
    a->pin = get_str(ld, L, t, "pin", file, line, what);
    a->quote = get_str(ld, L, t, "quote", file, line, what);
    free(what);
    if (!a->cite) {
      char *hint = xasprintf("write authority \"%s\" { cite = \"Case v. Case, 1 U.S. 1 (1900)\", pin = \"5\" }", name);
      add_err(ld, file, line, hint, "authority %s has no citation", name);
      free(hint);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static const char *const party_names[] = {NULL, "plaintiff", "defendant", "neither"};

const char *pack_party_name(pack_party party) {
  return party > PARTY_UNSAID && party <= PARTY_NEITHER ? party_names[party] : NULL;
}

/* favours = { yes = "plaintiff", no = "defendant" }: which party each answer
 * of the node favours, so that a brief knows who wins. */
static void read_favours(loader *ld, lua_State *L, int t, pack_node *nd) {
  lua_getfield(L, t, "favours");
  int ft = lua_gettop(L);
  if (lua_isnil(L, ft)) {
    lua_pop(L, 1);
    return;
  }
  char *example = nd->valued ? xasprintf("favours = { %s = \"plaintiff\", %s = \"defendant\" }", nd->values[0],
                                         nd->values[nd->nvalues - 1])
                             : xstrdup("favours = { yes = \"plaintiff\", no = \"defendant\" }");
  if (!lua_istable(L, ft)) {
    char *hint = xasprintf("write %s", example);
    add_err(ld, nd->file, nd->line, hint, "node %s: favours must be a table from each answer to the party it favours, "
            "not a %s", nd->name, luaL_typename(L, ft));
    free(hint);
    free(example);
    lua_pop(L, 1);
    return;
  }
  nd->favours = xcalloc((size_t)nd->nvalues + 1, sizeof *nd->favours);
  /* keys in sorted order, so the first mistake reported does not depend on
   * the table's hash order */
  int nkeys = 0;
  char **keys = NULL;
  lua_pushnil(L);
  while (lua_next(L, ft)) {
    keys = xrealloc(keys, sizeof *keys * (size_t)(nkeys + 1));
    keys[nkeys++] = xstrdup(lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?");
    lua_pop(L, 1);
  }
  qsort(keys, (size_t)nkeys, sizeof *keys, cmp_str);
  static char *const parties[] = {"defendant", "neither", "plaintiff"};
  for (int k = 0; k < nkeys; k++) {
    int v = pack_node_value(nd, keys[k], strlen(keys[k]));
    if (v < 0) {
      char *all = join(nd->values, nd->nvalues);
      char *hint = did_you_mean_in(ld, keys[k], nd->values, nd->nvalues);
      add_err(ld, nd->file, nd->line, hint ? hint : example,
              "node %s: favours names '%s', which is not one of its values (%s)", nd->name, keys[k], all);
      free(hint);
      free(all);
      continue;
    }
    lua_getfield(L, ft, keys[k]);
    const char *party = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    int which = PARTY_UNSAID;
    for (int q = PARTY_PLAINTIFF; party && q <= PARTY_NEITHER; q++)
      if (strcmp(party, party_names[q]) == 0) which = q;
    if (which == PARTY_UNSAID) {
      char *hint = party ? did_you_mean_in(ld, party, parties, 3) : NULL;
      add_err(ld, nd->file, nd->line, hint ? hint : "write \"plaintiff\", \"defendant\" or \"neither\"",
              "node %s: favours: the party for '%s' must be \"plaintiff\", \"defendant\" or \"neither\", not %s%s%s",
              nd->name, keys[k], party ? "'" : "a ", party ? party : luaL_typename(L, -1), party ? "'" : "");
      free(hint);
    }
    nd->favours[v] = (pack_party)which;
    lua_pop(L, 1);
  }
  for (int k = 0; k < nkeys; k++) free(keys[k]);
  free(keys);
  free(example);
  lua_pop(L, 1);
}

/* First pass over nodes: names and values, so rules can refer to any node
 * whatever the order of declaration. */
static void read_node_heads(loader *ld, lua_State *L, int reg) {
  pack *p = ld->p;
  lua_getfield(L, reg, "nodes");
  int list = lua_gettop(L);
  int n = (int)lua_rawlen(L, list);
  p->nodes = xcalloc((size_t)n + 1, sizeof *p->nodes);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    int t = lua_gettop(L);
    const char *file;
    int line;
    get_pos(ld, L, t, &file, &line);
    char *name = get_str(ld, L, t, "name", file, line, "node");
    if (!check_unique(ld, "node", name, file, line, pack_node_index(p, name)) ||
        !check_unique(ld, "fact and node", name, file, line, pack_fact_index(p, name))) {
      free(name);
      name = xasprintf("(duplicate %d)", i);
    }
    pack_node *nd = &p->nodes[p->nnodes++];
    nd->name = name;
    names_add(p, NAMES_NODES, p->nnodes - 1);
    nd->file = xstrdup(file);
    nd->line = line;
    char *what = xasprintf("node %s", name);
    nd->ask = get_str(ld, L, t, "ask", file, line, what);
    nd->title = get_str(ld, L, t, "title", file, line, what);
    free(what);
    nd->finding = get_bool(L, t, "finding");
    lua_getfield(L, t, "values");
    if (lua_istable(L, -1)) {
      nd->values = get_str_list(L, lua_gettop(L), &nd->nvalues);
      nd->valued = true;
      if (nd->nvalues < 2 || nd->nvalues > 64)
        add_err(ld, file, line, "list at least two, e.g. values = { \"clear\", \"none\" }, or leave values out for a yes/no node",
                "node %s needs between 2 and 64 values (it lists %d)", name, nd->nvalues);
      for (int v = 0; v < nd->nvalues; v++)
        if (strcmp(nd->values[v], "unknown") == 0)
          add_err(ld, file, line, "leave 'unknown' out: every node may be unknown",
                  "node %s lists 'unknown' as a value", name);
    } else {
      nd->values = xcalloc(3, sizeof *nd->values);
      nd->values[0] = xstrdup("no");
      nd->values[1] = xstrdup("yes");
      nd->nvalues = 2;
    }
    lua_pop(L, 1);
    read_favours(ld, L, t, nd);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static void read_node_rules(loader *ld, lua_State *L, int reg, strpool *pool) {
  pack *p = ld->p;
  lua_getfield(L, reg, "nodes");
  int list = lua_gettop(L);
  for (int i = 0; i < p->nnodes; i++) {
    lua_rawgeti(L, list, i + 1);
    pack_node *nd = &p->nodes[i];
    lua_getfield(L, -1, "rule");
    bool has_rule = !lua_isnil(L, -1);
    lua_pop(L, 1);
    read_rule(ld, L, lua_gettop(L), nd, &nd->base, pool, false);
    lua_getfield(L, -1, "finding_unless");
    if (!lua_isnil(L, -1)) nd->finding_unless = conv_bool(ld, L, lua_gettop(L), nd->name);
    lua_pop(L, 1);
    if (!has_rule && !nd->finding)
      add_err(ld, nd->file, nd->line, "give it rule = ..., or finding = true if only a court's finding decides it",
              "node %s has no rule", nd->name);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static void read_opinions(loader *ld, lua_State *L, int reg, strpool *pool) {
  pack *p = ld->p;
  lua_getfield(L, reg, "opinions");
  int list = lua_gettop(L);
  int n = (int)lua_rawlen(L, list);
  p->opinions = xcalloc((size_t)n + 1, sizeof *p->opinions);
  /* names first, so a base may be declared after the opinion that uses it */
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    int t = lua_gettop(L);
    const char *file;
    int line;
    get_pos(ld, L, t, &file, &line);
    pack_opinion *o = &p->opinions[p->nopinions];
    o->name = get_str(ld, L, t, "name", file, line, "opinion");
    if (!check_unique(ld, "opinion", o->name, file, line, pack_opinion_index(p, o->name))) {
      free(o->name);
      o->name = xasprintf("(duplicate %d)", i);
    }
    o->file = xstrdup(file);
    o->line = line;
    o->disposition_node = -1;
    p->nopinions++;
    names_add(p, NAMES_OPINIONS, p->nopinions - 1);
    lua_pop(L, 1);
  }
  for (int i = 0; i < p->nopinions; i++) {
    lua_rawgeti(L, list, i + 1);
    int t = lua_gettop(L);
    pack_opinion *o = &p->opinions[i];
    const char *file = o->file;
    int line = o->line;
    char *what = xasprintf("opinion %s", o->name);
    o->author = get_str(ld, L, t, "author", file, line, what);
    o->role = get_str(ld, L, t, "role", file, line, what);
    o->title = get_str(ld, L, t, "title", file, line, what);
    o->joined = get_str(ld, L, t, "joined", file, line, what);
    o->date = get_str(ld, L, t, "date", file, line, what);
    o->until_date = get_str(ld, L, t, "until_date", file, line, what);
    o->displaced_by = get_str(ld, L, t, "displaced_by", file, line, what);
    if (o->displaced_by && !o->until_date)
      add_err(ld, file, line, "give the day it stopped being the law as well, e.g. until_date = \"1986-01-21\"",
              "opinion %s: displaced_by without until_date", o->name);
    o->date_days = o->date ? pack_parse_date(o->date, strlen(o->date)) : 0;
    o->until_days = o->until_date ? pack_parse_date(o->until_date, strlen(o->until_date)) : -1;
    if (o->date && o->date_days < 0)
      add_err(ld, file, line, "write dates as \"YYYY-MM-DD\"", "opinion %s: date '%s' is not a date", o->name, o->date);
    if (o->until_date && o->until_days < 0)
      add_err(ld, file, line, "write dates as \"YYYY-MM-DD\"", "opinion %s: until_date '%s' is not a date", o->name, o->until_date);
    else if (o->until_date && o->date && o->date_days >= 0 && o->until_days <= o->date_days)
      /* in force from date until until_date: an empty span is a slip */
      add_err(ld, file, line, "until_date is the first day the opinion no longer holds; give a date after its date",
              "opinion %s: until_date %s is not after its date %s, so it is never in force", o->name, o->until_date,
              o->date);
    char *base = get_str(ld, L, t, "base", file, line, what);
    o->base = -1;
    if (base) {
      o->base = pack_opinion_index(p, base);
      if (o->base < 0) {
        char **all = xcalloc((size_t)p->nopinions + 1, sizeof *all);
        for (int k = 0; k < p->nopinions; k++) all[k] = p->opinions[k].name;
        char *hint = did_you_mean_in(ld, base, all, p->nopinions);
        add_err(ld, file, line, hint, "opinion %s: unknown base opinion '%s'", o->name, base);
        free(hint);
        free(all);
      }
      free(base);
    }
    char *decides = get_str(ld, L, t, "decides", file, line, what);
    o->decides = -1;
    if (decides) {
      o->decides = pack_node_index(p, decides);
      if (o->decides < 0) {
        char *hint = did_you_mean(ld, decides, false, true);
        add_err(ld, file, line, hint, "opinion %s decides unknown node '%s'", o->name, decides);
        free(hint);
      }
      free(decides);
    }
    /* overrides */
    lua_getfield(L, t, "overrides");
    int ol = lua_gettop(L);
    int no = (int)lua_rawlen(L, ol);
    o->overrides = xcalloc((size_t)no + 1, sizeof *o->overrides);
    for (int k = 1; k <= no; k++) {
      lua_rawgeti(L, ol, k);
      int ot = lua_gettop(L);
      const char *ofile;
      int oline;
      get_pos(ld, L, ot, &ofile, &oline);
      char *target = get_str(ld, L, ot, "node", ofile, oline, what);
      int ni = target ? pack_node_index(p, target) : -1;
      if (ni < 0) {
        char *hint = target ? did_you_mean(ld, target, false, true) : NULL;
        add_err(ld, ofile, oline, hint, "opinion %s overrides unknown node '%s'", o->name,
                target ? target : "?");
        free(hint);
      } else {
        pack_override *ov = &o->overrides[o->noverrides++];
        ov->node = ni;
        read_rule(ld, L, ot, &p->nodes[ni], &ov->rule, pool, true);
        /* an opinion may name the element its own way */
        char *owhat = xasprintf("override %s", p->nodes[ni].name);
        ov->rule.title = get_str(ld, L, ot, "title", ov->rule.file, ov->rule.line, owhat);
        free(owhat);
      }
      free(target);
      lua_pop(L, 1);
    }
    free(what);
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
}

/* Dispositions are read after bases are known, since they are inherited. */
static void read_dispositions(loader *ld, lua_State *L, int reg) {
  pack *p = ld->p;
  lua_getfield(L, reg, "opinions");
  int list = lua_gettop(L);
  for (int i = 0; i < p->nopinions; i++) {
    pack_opinion *o = &p->opinions[i];
    if (o->decides < 0) continue;
    const pack_node *d = &p->nodes[o->decides];
    lua_rawgeti(L, list, i + 1);
    lua_getfield(L, -1, "disposition");
    if (lua_type(L, -1) == LUA_TSTRING) {
      /* the disposition is the value of a node, e.g. one that weighs the
       * outcome against who won below */
      const char *name = lua_tostring(L, -1);
      o->disposition_node = pack_node_index(p, name);
      if (o->disposition_node < 0) {
        char *hint = did_you_mean(ld, name, false, true);
        add_err(ld, o->file, o->line,
                hint ? hint : "name a node with values such as affirm and reverse, or give a table: "
                              "disposition = { yes = \"affirm\", no = \"reverse\" }",
                "opinion %s: disposition names unknown node '%s'", o->name, name);
        free(hint);
      }
    } else if (lua_istable(L, -1)) {
      int t = lua_gettop(L);
      char what[300];
      snprintf(what, sizeof what, "opinion %s: disposition", o->name);
      o->disposition = xcalloc((size_t)d->nvalues + 1, sizeof *o->disposition);
      for (int v = 0; v <= d->nvalues; v++)
        o->disposition[v] = get_str(ld, L, t, v < d->nvalues ? d->values[v] : "unknown", o->file,
                                    o->line, what);
      lua_pushnil(L);
      while (lua_next(L, t)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
        if (strcmp(k, "unknown") != 0 && pack_node_value(d, k, strlen(k)) < 0) {
          char *all = join(d->values, d->nvalues);
          char *hint = did_you_mean_in(ld, k, d->values, d->nvalues);
          add_err(ld, o->file, o->line, hint,
                  "opinion %s: disposition for '%s', which is not a value of %s (%s, unknown)",
                  o->name, k, d->name, all);
          free(hint);
          free(all);
        }
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
}

/* ---- resolution and checks ------------------------------------------------ */

static int opinion_depth_ok(loader *ld, int i) {
  pack *p = ld->p;
  int steps = 0;
  for (int b = p->opinions[i].base; b >= 0; b = p->opinions[b].base) {
    if (++steps > p->nopinions) {
      add_err(ld, p->opinions[i].file, p->opinions[i].line, "break the chain of base opinions",
              "opinion %s is its own base, through other opinions", p->opinions[i].name);
      return 0;
    }
  }
  return 1;
}

/* The rule each node follows under an opinion: the node's own, then the
 * overrides of the base chain from the root down to the opinion itself. */
static void resolve_opinion(pack *p, pack_opinion *o, int depth) {
  if (depth > p->nopinions) return;
  if (o->base >= 0) {
    pack_opinion *b = &p->opinions[o->base];
    if (!b->rules) resolve_opinion(p, b, depth + 1);
  }
  o->rules = xcalloc((size_t)p->nnodes + 1, sizeof *o->rules);
  for (int n = 0; n < p->nnodes; n++)
    o->rules[n] = o->base >= 0 && p->opinions[o->base].rules ? p->opinions[o->base].rules[n]
                                                             : &p->nodes[n].base;
  for (int k = 0; k < o->noverrides; k++) {
    pack_override *ov = &o->overrides[k];
    const node_rule *prev = o->rules[ov->node];
    /* An override inherits what it leaves out: sentences and authorities
     * always, the open question only when it keeps the rule. */
    o->rules[ov->node] = &ov->rule;
    int nv = p->nodes[ov->node].nvalues;
    for (int v = 0; v < nv; v++)
      if (!ov->rule.says[v].parts) ov->rule.says[v] = prev->says[v];
    if (!ov->rule.says_unknown.parts) ov->rule.says_unknown = prev->says_unknown;
    if (!ov->rule.title && prev->title) ov->rule.title = xstrdup(prev->title);
    if (!ov->rule.nby && prev->nby) {
      free(ov->rule.by);
      ov->rule.by = xcalloc((size_t)prev->nby, sizeof *ov->rule.by);
      memcpy(ov->rule.by, prev->by, sizeof *prev->by * (size_t)prev->nby);
      ov->rule.nby = prev->nby;
    }
    if (!ov->rule.rule) {
      ov->rule.rule_borrowed = true;
      ov->rule.rule = prev->rule;
      if (!ov->rule.open) {
        ov->rule.open = prev->open;
        ov->rule.open_borrowed = true;
      }
    }
  }
  if (o->decides < 0 && o->base >= 0) o->decides = p->opinions[o->base].decides;
  if (!o->disposition && o->disposition_node < 0 && o->base >= 0)
    o->disposition_node = p->opinions[o->base].disposition_node;
  if (!o->disposition && o->disposition_node < 0 && o->base >= 0 && p->opinions[o->base].disposition &&
      o->decides == p->opinions[o->base].decides) {
    const pack_node *d = &p->nodes[o->decides];
    o->disposition = xcalloc((size_t)d->nvalues + 1, sizeof *o->disposition);
    for (int v = 0; v <= d->nvalues; v++) {
      const char *s = p->opinions[o->base].disposition[v];
      o->disposition[v] = s ? xstrdup(s) : NULL;
    }
  }
  if (!o->date && o->base >= 0 && p->opinions[o->base].date) {
    o->date = xstrdup(p->opinions[o->base].date);
    o->date_days = p->opinions[o->base].date_days;
  }
}

static void deps_of(const expr *x, int *out, int *n, int cap) {
  if (!x) return;
  if ((x->kind == EXPR_REF || x->kind == EXPR_IS) && x->ref.is_node && *n < cap) out[(*n)++] = x->ref.index;
  for (int i = 0; i < x->nkids; i++) deps_of(x->kids[i], out, n, cap);
}

/* Depth-first search for a cycle through nodes under one opinion. */
static bool find_cycle(const pack *p, const pack_opinion *o, int n, char *state, int *path,
                       int depth, int *cycle_start) {
  state[n] = 1;
  path[depth] = n;
  int deps[256], nd = 0;
  deps_of(o->rules[n]->rule, deps, &nd, 128);
  deps_of(o->rules[n]->open, deps, &nd, 192);
  deps_of(p->nodes[n].finding_unless, deps, &nd, 256);
  for (int i = 0; i < nd; i++) {
    int m = deps[i];
    if (state[m] == 1) {
      *cycle_start = m;
      path[depth + 1] = m;
      return true;
    }
    if (state[m] == 0 && find_cycle(p, o, m, state, path, depth + 1, cycle_start)) return true;
  }
  state[n] = 2;
  return false;
}

static void check_cycles(loader *ld, const pack_opinion *o) {
  pack *p = ld->p;
  char *state = xcalloc((size_t)p->nnodes + 1, 1);
  int *path = xcalloc((size_t)p->nnodes + 2, sizeof *path);
  for (int n = 0; n < p->nnodes; n++) {
    int start = -1;
    if (state[n] == 0 && find_cycle(p, o, n, state, path, 0, &start)) {
      size_t len = 1;
      int i = 0;
      while (path[i] != start) i++;
      int from = i;
      for (; path[i] != start || i == from; i++) len += strlen(p->nodes[path[i]].name) + 4;
      len += strlen(p->nodes[start].name);
      char *chain = xmalloc(len + 1);
      chain[0] = '\0';
      for (i = from;; i++) {
        strcat(chain, p->nodes[path[i]].name);
        if (i > from && path[i] == start) break;
        strcat(chain, " -> ");
      }
      const node_rule *r = o->rules[start];
      add_err(ld, r->file, r->line, "a node cannot depend on itself; break the loop",
              "cycle among nodes%s%s: %s", o->noverrides ? " under opinion " : "",
              o->noverrides ? o->name : "", chain);
      free(chain);
      break;
    }
  }
  free(state);
  free(path);
}

/* Number every first { ... } so coverage can name its branches. */
static void number_firsts(pack *p, expr *x, int node, int opinion) {
  if (!x) return;
  if (x->kind == EXPR_FIRST) {
    p->firsts = xrealloc(p->firsts, sizeof *p->firsts * (size_t)(p->nfirsts + 1));
    p->firsts[p->nfirsts] = (pack_first){x, node, opinion};
    x->first_id = p->nfirsts++;
  }
  for (int i = 0; i < x->nkids; i++) number_firsts(p, x->kids[i], node, opinion);
}

static void number_all_firsts(pack *p) {
  for (int n = 0; n < p->nnodes; n++) {
    number_firsts(p, p->nodes[n].base.rule, n, -1);
    number_firsts(p, p->nodes[n].base.open, n, -1);
    number_firsts(p, p->nodes[n].finding_unless, n, -1);
  }
  for (int o = 0; o < p->nopinions; o++) {
    for (int k = 0; k < p->opinions[o].noverrides; k++) {
      node_rule *r = &p->opinions[o].overrides[k].rule;
      if (!r->rule_borrowed) number_firsts(p, r->rule, p->opinions[o].overrides[k].node, o);
      if (!r->open_borrowed) number_firsts(p, r->open, p->opinions[o].overrides[k].node, o);
    }
  }
}

/* outside "name" { when = ..., says = ..., by = ... }: the pack's scope. */
static void read_outside(loader *ld, lua_State *L, int reg) {
  pack *p = ld->p;
  lua_getfield(L, reg, "outside");
  int list = lua_gettop(L);
  int n = lua_istable(L, list) ? (int)lua_rawlen(L, list) : 0;
  p->outside = xcalloc((size_t)n + 1, sizeof *p->outside);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    int t = lua_gettop(L);
    const char *file;
    int line;
    get_pos(ld, L, t, &file, &line);
    char *name = get_str(ld, L, t, "name", file, line, "outside");
    bool dup = false;
    for (int k = 0; k < p->noutside && name; k++) dup |= strcmp(p->outside[k].name, name) == 0;
    if (!name || dup) {
      if (dup) add_err(ld, file, line, "rename one of them", "outside '%s' is declared twice", name);
      free(name);
      lua_pop(L, 1);
      continue;
    }
    pack_outside *s = &p->outside[p->noutside++];
    s->name = name;
    s->file = xstrdup(file);
    s->line = line;
    char *what = xasprintf("outside %s", name);
    s->title = get_str(ld, L, t, "title", file, line, what);
    s->says = get_str(ld, L, t, "says", file, line, what);
    free(what);
    lua_getfield(L, t, "when");
    s->when = conv_bool(ld, L, lua_gettop(L), name);
    lua_pop(L, 1);
    int node, nnode = 0;
    deps_of(s->when, &node, &nnode, 1); /* the first node it names, if any */
    if (nnode) {
      add_err(ld, file, line, "state the facts that take a row outside the pack, e.g. when = \"arrest\"",
              "outside %s: when reads node %s, but the pack's scope must turn on facts alone (a node's value "
              "depends on the opinion)", name, p->nodes[node].name);
    }
    read_by(ld, L, t, "outside", name, file, line, &s->by, &s->nby);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* decided = { "cases/decided.csv", ... }: the case files, among those the
 * pack lists, whose rows are decided cases rather than hypotheticals. */
static void read_decided(loader *ld, lua_State *L, int t, const char *file, int line) {
  pack *p = ld->p;
  lua_getfield(L, t, "decided");
  if (lua_istable(L, -1)) {
    int n;
    char **rels = get_str_list(L, lua_gettop(L), &n);
    p->case_decided = xcalloc((size_t)p->ncases + 1, sizeof *p->case_decided);
    for (int i = 0; i < n; i++) {
      int k = -1;
      for (int c = 0; c < p->ncases; c++)
        if (strcmp(p->case_rels[c], rels[i]) == 0) k = c;
      if (k >= 0) {
        p->case_decided[k] = true;
        continue;
      }
      char *hint = did_you_mean_in(ld, rels[i], p->case_rels, p->ncases);
      char *fix = hint ? hint : xasprintf("list it in cases = { ... } too, as \"%s\"", rels[i]);
      add_err(ld, file, line, fix, "pack: decided names '%s', which is not one of the pack's cases", rels[i]);
      free(fix);
    }
    for (int i = 0; i < n; i++) free(rels[i]);
    free(rels);
  } else if (!lua_isnil(L, -1)) {
    add_err(ld, file, line, "write decided = { \"cases/decided.csv\", ... }, naming files listed in cases",
            "pack: decided must be a list of case files");
  }
  lua_pop(L, 1);
}

static int read_registry(lua_State *L, void *ud, err **e) {
  loader *ld = ud;
  pack *p = ld->p;
  int reg = lua_gettop(L);
  strpool *pool = xcalloc(1, sizeof *pool);
  p->strings = pool;
  lua_getfield(L, reg, "pack");
  if (lua_istable(L, -1)) {
    const char *file;
    int line;
    get_pos(ld, L, lua_gettop(L), &file, &line);
    p->name = get_str(ld, L, lua_gettop(L), "name", file, line, "pack");
    p->title = get_str(ld, L, lua_gettop(L), "title", file, line, "pack");
    p->case_name = get_str(ld, L, lua_gettop(L), "case", file, line, "pack");
    p->date = get_str(ld, L, lua_gettop(L), "date", file, line, "pack");
    p->date_days = p->date ? pack_parse_date(p->date, strlen(p->date)) : -1;
    if (p->date && p->date_days < 0)
      add_err(ld, file, line, "write dates as \"YYYY-MM-DD\"", "pack: date '%s' is not a date", p->date);
    lua_getfield(L, -1, "cases");
    if (lua_istable(L, -1)) {
      p->case_rels = get_str_list(L, lua_gettop(L), &p->ncases);
      p->cases = xcalloc((size_t)p->ncases + 1, sizeof *p->cases);
      for (int i = 0; i < p->ncases; i++) {
        /* the pack's own files: inside its folder, regular (a pipe would
         * make reading it wait for ever); a missing one is reported when
         * it is read, as any case file is */
        const char *rel = p->case_rels[i], *why = NULL;
        p->cases[i] = xasprintf("%s/%s", p->dir, rel);
        switch (sandbox_open_file(p->sb, rel, NULL, &why)) {
        case SANDBOX_PATH_OUTSIDE: {
          char *fix = xasprintf("case files a pack lists must be inside its folder: move the file into %s/ "
                                "and list it from there, or give it on the command line: ratio test PACK FILE.csv",
                                p->dir);
          add_err(ld, file, line, fix, "cases \"%s\": %s", rel, why);
          free(fix);
          break;
        }
        case SANDBOX_PATH_NOT_REGULAR:
          add_err(ld, file, line, "list the pack's CSV files one by one", "cases \"%s\": %s", rel, why);
          break;
        default: break;
        }
      }
    } else if (!lua_isnil(L, -1)) {
      add_err(ld, file, line, "write cases = { \"cases/x.csv\", ... }", "pack: cases must be a list of case files");
    }
    lua_pop(L, 1);
    read_decided(ld, L, lua_gettop(L), file, line);
  } else {
    add_err(ld, p->main_file, 1, "begin the main file with pack { name = \"...\", title = \"...\" }",
            "the pack never declares itself");
  }
  lua_pop(L, 1);
  read_facts(ld, L, reg);
  read_authorities(ld, L, reg);
  read_node_heads(ld, L, reg);
  if (ld->errs) goto done; /* rules cannot be checked against broken names */
  read_facts_says(ld, L, reg, pool);
  read_node_rules(ld, L, reg, pool);
  read_outside(ld, L, reg);
  read_opinions(ld, L, reg, pool);
  read_dispositions(ld, L, reg);
  if (ld->errs) goto done;
  if (p->nopinions == 0)
    add_err(ld, p->main_file, 0, "add opinion \"majority\" { decides = \"...\", ... }", "the pack declares no opinion");
  for (int i = 0; i < p->nopinions; i++)
    if (opinion_depth_ok(ld, i) && !p->opinions[i].rules) resolve_opinion(p, &p->opinions[i], 0);
  for (int i = 0; i < p->nopinions && !ld->errs; i++) {
    pack_opinion *o = &p->opinions[i];
    if (o->decides < 0)
      add_err(ld, o->file, o->line, "add decides = \"node\" (or a base opinion that has one)",
              "opinion %s does not say which node it decides", o->name);
    else
      check_cycles(ld, o);
  }
  if (!ld->errs) number_all_firsts(p);
done:
  (void)e;
  return 0;
}

/* ---- loading -------------------------------------------------------------- */

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

pack *pack_load(const char *path, const pack_options *opts, err **e) {
  struct stat st;
  if (stat(path, &st) != 0) {
    *e = err_new(path, 0, 0, "cannot open pack: %s", strerror(errno));
    err_hint(*e, "give a pack folder (with pack.lua) or its main .lua file");
    return NULL;
  }
  pack *p = xcalloc(1, sizeof *p);
  p->date_days = -1;
  char *main_rel;
  bool is_dir = S_ISDIR(st.st_mode);
  if (is_dir) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    p->dir = xstrndup(path, n);
    main_rel = xstrdup("pack.lua");
  } else if (ends_with(path, ".lua")) {
    const char *slash = strrchr(path, '/');
    p->dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
    main_rel = xstrdup(slash ? slash + 1 : path);
  } else {
    *e = err_hint(err_new(path, 0, 0, "not a rule pack"),
                  "give a pack folder (with pack.lua) or a .lua file");
    free(p);
    return NULL;
  }
  p->main_file = strchr(path, '/') || is_dir ? xasprintf("%s/%s", p->dir, main_rel) : xstrdup(main_rel);
  if (is_dir && stat(p->main_file, &st) != 0) {
    *e = err_hint(err_new(p->dir, 0, 0, "the pack folder has no pack.lua"),
                  "a pack folder's main file is pack.lua");
    free(main_rel);
    pack_free(p);
    return NULL;
  }
  p->sb = sandbox_new(opts ? &opts->limits : NULL, e);
  /* a bare file name is shown as the user wrote it, not as "./file" */
  const char *display = strchr(path, '/') || is_dir ? p->dir : "";
  if (!p->sb || sandbox_load_pack(p->sb, main_rel, p->dir, display, e) != 0) {
    if (*e && !(*e)->file) {
      free((*e)->file);
      (*e)->file = xstrdup(p->main_file);
    }
    free(main_rel);
    pack_free(p);
    return NULL;
  }
  free(main_rel);
  loader ld = {.p = p};
  if (sandbox_with_registry(p->sb, read_registry, &ld, e) != 0 || ld.errs) {
    if (ld.errs) {
      err_free(*e);
      if (ld.more)
        *ld.tail = err_hint(err_new(p->main_file, 0, 0, "and %ld more mistakes in the pack", ld.more),
                            "fix the ones above first; the rest may follow from them");
      *e = ld.errs;
    }
    pack_free(p);
    return NULL;
  }
  /* from here on no row can leave anything behind for the next (only rule
   * functions run Lua code while rows are decided) */
  if (p->nrule_functions > 0 && sandbox_seal(p->sb, e) != 0) {
    if (!(*e)->file) (*e)->file = xstrdup(p->main_file);
    pack_free(p);
    return NULL;
  }
  return p;
}

void pack_free(pack *p) {
  if (!p) return;
  names_free(p->names);
  for (int i = 0; i < p->nfacts; i++) {
    pack_fact *f = &p->facts[i];
    free(f->name);
    for (int v = 0; v < f->nvalues; v++) free(f->values[v]);
    free(f->values);
    free(f->ask);
    free(f->help);
    free(f->file);
    free(f->says); /* its texts and parts are in p->strings */
  }
  free(p->facts);
  for (int i = 0; i < p->nauthorities; i++) {
    pack_authority *a = &p->authorities[i];
    free(a->name);
    free(a->cite);
    free(a->pin);
    free(a->quote);
    free(a->file);
  }
  free(p->authorities);
  for (int i = 0; i < p->nopinions; i++) {
    pack_opinion *o = &p->opinions[i];
    const pack_node *d = o->decides >= 0 && o->decides < p->nnodes ? &p->nodes[o->decides] : NULL;
    for (int k = 0; k < o->noverrides; k++) {
      node_rule *r = &o->overrides[k].rule;
      if (r->rule_borrowed) r->rule = NULL;
      if (r->open_borrowed) r->open = NULL;
      rule_free(r);
    }
    free(o->overrides);
    if (o->disposition && d)
      for (int v = 0; v <= d->nvalues; v++) free(o->disposition[v]);
    free(o->disposition);
    free(o->rules);
    free(o->name);
    free(o->author);
    free(o->role);
    free(o->title);
    free(o->joined);
    free(o->date);
    free(o->until_date);
    free(o->displaced_by);
    free(o->file);
  }
  free(p->opinions);
  for (int i = 0; i < p->nnodes; i++) {
    pack_node *n = &p->nodes[i];
    rule_free(&n->base);
    expr_free(n->finding_unless);
    free(n->favours);
    for (int v = 0; v < n->nvalues; v++) free(n->values[v]);
    free(n->values);
    free(n->name);
    free(n->ask);
    free(n->title);
    free(n->file);
  }
  free(p->nodes);
  if (p->strings) {
    for (int i = 0; i < p->strings->n; i++) free(p->strings->s[i]);
    free(p->strings->s);
    free(p->strings);
  }
  for (int i = 0; i < p->nfiles; i++) free(p->files[i]);
  free(p->files);
  free(p->firsts);
  for (int i = 0; i < p->noutside; i++) {
    pack_outside *s = &p->outside[i];
    free(s->name);
    free(s->title);
    free(s->says);
    expr_free(s->when);
    free(s->by);
    free(s->file);
  }
  free(p->outside);
  for (int i = 0; i < p->ncases; i++) {
    free(p->cases[i]);
    if (p->case_rels) free(p->case_rels[i]);
  }
  free(p->cases);
  free(p->case_rels);
  free(p->case_decided);
  free(p->name);
  free(p->title);
  free(p->case_name);
  free(p->date);
  free(p->dir);
  free(p->main_file);
  sandbox_free(p->sb);
  free(p);
}

FILE *pack_open_case(const pack *p, int i, err **e) {
  FILE *f = NULL;
  const char *why = "the pack lists no such case file";
  if (p->sb && p->case_rels && i >= 0 && i < p->ncases &&
      sandbox_open_file(p->sb, p->case_rels[i], &f, &why) == SANDBOX_PATH_OK)
    return f;
  *e = err_new(i >= 0 && i < p->ncases ? p->cases[i] : p->main_file, 0, 0, "cannot open case file: %s", why);
  return NULL;
}

int pack_case_index(const pack *p, const char *path) {
  for (int i = 0; i < p->ncases; i++)
    if (strcmp(p->cases[i], path) == 0) return i;
  return -1;
}

/* ---- dates and opinions in force ------------------------------------------ */

int pack_parse_date(const char *s, size_t len) {
  if (len != 10 || s[4] != '-' || s[7] != '-') return -1;
  int y = 0, m = 0, d = 0;
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) continue;
    if (s[i] < '0' || s[i] > '9') return -1;
  }
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap)) return -1;
  /* days since 0000-03-01, a proleptic Gregorian count (Howard Hinnant's) */
  y -= m <= 2;
  int era = y / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}


int pack_opinions_in_force(const pack *p, int date_days, int *out) {
  int n = 0;
  for (int i = 0; i < p->nopinions; i++) {
    const pack_opinion *o = &p->opinions[i];
    if (date_days >= 0) {
      if (o->date && o->date_days > date_days) continue;
      if (o->until_date && o->until_days <= date_days) continue;
    }
    out[n++] = i;
  }
  return n;
}

/* ---- a fact's answers as sentences ---------------------------------------- */

bool pack_fact_says(const pack_fact *f, int answer) {
  int n = f->type == FACT_YESNO ? 2 : f->type == FACT_ENUM ? f->nvalues : 1;
  return f->says && answer >= 0 && answer < n && f->says[answer].parts;
}

/* A value name reads as words: deliberate_indifference as "deliberate
 * indifference", as in node sentences; `words` false keeps '_' (a text
 * answer in the default, shown as given). */
static void put_answer(FILE *m, const char *s, bool words, bool capital) {
  for (const char *c = s; *c; c++) {
    char ch = words && *c == '_' ? ' ' : *c;
    if (capital && c == s && ch >= 'a' && ch <= 'z') ch = (char)(ch - 'a' + 'A');
    fputc(ch, m);
  }
}

/* The default: the question, then the answer, as two sentences ("Did the
 * officials know of the threat? Yes."); a question that does not end in
 * '?', or a fact without one, reads as a label ("Remedy: barred by
 * immunity."). `words` when the answer is a value name (or unknown), which
 * reads with spaces; a number, date or text is shown as given. */
static void default_sentence(FILE *m, const pack_fact *f, const char *answer, bool words) {
  const char *q = f->ask;
  size_t qn = q ? strlen(q) : 0;
  while (qn && (q[qn - 1] == ' ' || q[qn - 1] == '\t' || q[qn - 1] == '\n')) qn--;
  bool question = qn && q[qn - 1] == '?';
  if (question) {
    fwrite(q, 1, qn, m);
    fputc(' ', m);
  } else {
    while (qn && (q[qn - 1] == '.' || q[qn - 1] == ':')) qn--;
    if (qn) fwrite(q, 1, qn, m);
    else put_answer(m, f->name, true, true);
    fputs(": ", m);
  }
  put_answer(m, answer, words, question); /* a sentence begins after '?' */
  size_t an = strlen(answer);
  if (!an || !strchr(".?!", answer[an - 1])) fputc('.', m);
}

char *pack_fact_sentence(const pack *p, int fact, const char *value) {
  if (fact < 0 || fact >= p->nfacts) return NULL;
  const pack_fact *f = &p->facts[fact];
  size_t len = value ? strlen(value) : 0;
  const char *shown = "unknown"; /* what the sentence shows as the answer */
  bool words = true;
  int answer = -1;
  char num[64];
  if (len > 0) {
    switch (f->type) {
    case FACT_YESNO: {
      rval v;
      if (value_parse_yesno(value, len, &v) != 0) return NULL;
      answer = v;
      shown = value_yesno_name(v);
      break;
    }
    case FACT_ENUM:
      if ((answer = pack_fact_value(f, value, len)) < 0) return NULL;
      shown = f->values[answer];
      break;
    case FACT_NUMBER: {
      double d;
      if (value_parse_number(value, len, &d) != 0) return NULL;
      snprintf(num, sizeof num, "%g", d); /* as explanations show it */
      answer = 0;
      shown = num;
      words = false;
      break;
    }
    case FACT_DATE:
      if (pack_parse_date(value, len) < 0) return NULL;
      answer = 0;
      shown = value;
      words = false;
      break;
    case FACT_TEXT:
      answer = 0;
      shown = value;
      words = false;
      break;
    }
  }
  char *out = NULL;
  size_t outlen = 0;
  FILE *m = xopen_memstream(&out, &outlen);
  if (answer >= 0 && pack_fact_says(f, answer)) {
    const tmpl *t = &f->says[answer];
    for (int i = 0; i < t->nparts; i++) {
      if (t->parts[i].text) fwrite(t->parts[i].text, 1, (size_t)t->parts[i].len, m);
      else put_answer(m, shown, true, false); /* every hole is this fact */
    }
  } else {
    default_sentence(m, f, shown, words);
  }
  fclose(m);
  return out;
}

int pack_case_opinions(const pack *p, int *out) {
  if (p->date_days >= 0) {
    int n = pack_opinions_in_force(p, p->date_days, out);
    if (n > 0) return n;
  }
  /* no date, or none in force on it: the law as it stands */
  int n = 0;
  for (int i = 0; i < p->nopinions; i++)
    if (!p->opinions[i].until_date) out[n++] = i;
  return n ? n : pack_opinions_in_force(p, -1, out);
}
