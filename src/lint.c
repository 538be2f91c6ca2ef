/* lint: the checks of `ratio check`, over the loaded pack model. */
#include "lint.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cases.h"
#include "expectation.h"
#include "suggest.h"

/* ---- the report ----------------------------------------------------------- */

lint_report *lint_new(void) { return xcalloc(1, sizeof(lint_report)); }

void lint_free(lint_report *r) {
  if (!r) return;
  for (int i = 0; i < r->n; i++) {
    free(r->items[i].file);
    free(r->items[i].message);
    free(r->items[i].hint);
  }
  free(r->items);
  free(r);
}

static lint_finding *add_v(lint_report *r, const char *file, int line, int col, lint_severity sev,
                           const char *hint, const char *fmt, va_list ap) {
  if (r->n == r->cap) {
    r->cap = r->cap ? r->cap * 2 : 16;
    r->items = xrealloc(r->items, sizeof *r->items * (size_t)r->cap);
  }
  lint_finding *f = &r->items[r->n];
  va_list aq;
  va_copy(aq, ap);
  int len = vsnprintf(NULL, 0, fmt, aq);
  va_end(aq);
  f->message = xmalloc((size_t)(len > 0 ? len : 0) + 1);
  vsnprintf(f->message, (size_t)(len > 0 ? len : 0) + 1, fmt, ap);
  f->file = file ? xstrdup(file) : NULL;
  f->line = line;
  f->col = col > 0 ? col : line > 0 ? 1 : 0;
  f->severity = sev;
  f->hint = hint ? xstrdup(hint) : NULL;
  f->seq = r->n++;
  f->kind = fmt;
  return f;
}

void lint_add(lint_report *r, const char *file, int line, int col, lint_severity sev,
              const char *hint, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  add_v(r, file, line, col, sev, hint, fmt, ap);
  va_end(ap);
}

/* The errors of a chain as findings of one kind (NULL: never capped). */
static void add_errors_of_kind(lint_report *r, const err *e, const char *where, const char *kind) {
  for (; e; e = e->next) {
    lint_add(r, e->file ? e->file : where, e->line, e->col, LINT_ERROR, e->hint, "%s", e->msg);
    r->items[r->n - 1].kind = kind;
  }
}

/* A chain made elsewhere is bounded where it is made (a pack's mistakes,
 * a header's): shown whole. */
void lint_add_errors(lint_report *r, const err *e, const char *where) { add_errors_of_kind(r, e, where, NULL); }

/* Kinds of case-file errors, one finding per row: capped when printed. */
static const char row_error_kind[] = "a row that cannot be read";
static const char dup_id_kind[] = "an id used again";

int lint_count(const lint_report *r, lint_severity sev) {
  int n = 0;
  for (int i = 0; i < r->n; i++) n += r->items[i].severity == sev;
  return n;
}

/* The kinds seen while printing: a short list, as a pack's checks have a
 * few dozen messages in all. */
typedef struct kind_count {
  const char *kind;
  const lint_finding *first;
  long n;
} kind_count;

static kind_count *count_kind(kind_count **kinds, int *nkinds, const lint_finding *f) {
  for (int k = 0; k < *nkinds; k++)
    if ((*kinds)[k].kind == f->kind) return &(*kinds)[k];
  *kinds = xrealloc(*kinds, sizeof **kinds * (size_t)(*nkinds + 1));
  (*kinds)[*nkinds] = (kind_count){f->kind, f, 0};
  return &(*kinds)[(*nkinds)++];
}

void lint_print(const lint_report *r, FILE *out) {
  kind_count *kinds = NULL;
  int nkinds = 0;
  for (int i = 0; i < r->n; i++) {
    const lint_finding *f = &r->items[i];
    if (f->kind && count_kind(&kinds, &nkinds, f)->n++ >= LINT_SHOWN) continue;
    /* a finding names a whole line when it has no column: column 1 */
    err_put(out, f->file, f->line, f->col > 0 ? f->col : 1, f->severity == LINT_ERROR ? "error" : "warning",
            f->message, f->hint);
  }
  for (int k = 0; k < nkinds; k++) {
    if (kinds[k].n <= LINT_SHOWN) continue;
    char *like = err_bounded(kinds[k].first->message);
    fprintf(out, "ratio: and %ld more %ss like '%s'\n", kinds[k].n - LINT_SHOWN,
            kinds[k].first->severity == LINT_ERROR ? "error" : "warning", like);
    free(like);
  }
  free(kinds);
}

static int cmp_finding(const void *a, const void *b) {
  const lint_finding *x = a, *y = b;
  int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
  if (c) return c;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void lint_sort(lint_report *r, int from) {
  if (from < r->n) qsort(r->items + from, (size_t)(r->n - from), sizeof *r->items, cmp_finding);
}

/* ---- rule functions: what their text reads ------------------------------- */

/* A rule function's reads are found in its source: `f.name` and
 * `f["name"]`, where f is its first parameter. Static and approximate (a
 * name built at run time is not seen), but it keeps the checks from calling
 * a fact unused when only a function reads it. */

/* A name a rule function assigns to (or whose table it writes into)
 * without declaring it: a local of the pack's file or a global. */
typedef struct func_write {
  char *name;
  int line;
  bool into_table; /* name.x = ..., name[k] = ... */
} func_write;

typedef struct func_reads {
  const expr *x;
  char **names;
  int *lines;
  int n;
  char *body; /* the function's text, for quoted values */
  func_write *writes;
  int nwrites;
} func_reads;

typedef struct lint_ctx {
  const pack *p;
  lint_report *r;
  func_reads *funcs;
  int nfuncs;
} lint_ctx;

/* A pack file's text, as the sandbox read it when the pack loaded (the same
 * size cap and path rules): never read a second time. */
static const char *file_text(lint_ctx *c, const char *name) { return sandbox_source(c->p->sb, name, NULL); }

typedef enum { TK_END, TK_NAME, TK_STRING, TK_PUNCT } tk_kind;

typedef struct lexer {
  const char *s;
  int line;
  tk_kind kind;
  const char *start; /* the token's text (a string's contents) */
  size_t len;
  int tline;
} lexer;

/* The level of a long bracket at s ("[[" is 0, "[==[" is 2), or -1. */
static int long_bracket(const char *s) {
  if (*s != '[') return -1;
  int n = 0;
  while (s[1 + n] == '=') n++;
  return s[1 + n] == '[' ? n : -1;
}

/* Skip past the closing bracket of level n; counts lines. */
static const char *skip_long(lexer *lx, const char *s, int level) {
  for (; *s; s++) {
    if (*s == '\n') lx->line++;
    if (*s == ']') {
      int n = 0;
      while (s[1 + n] == '=') n++;
      if (n == level && s[1 + n] == ']') return s + 2 + n;
    }
  }
  return s;
}

static void lex_next(lexer *lx) {
  const char *s = lx->s;
  for (;;) {
    while (*s && isspace((unsigned char)*s)) {
      if (*s == '\n') lx->line++;
      s++;
    }
    if (s[0] == '-' && s[1] == '-') {
      int level = long_bracket(s + 2);
      if (level >= 0) s = skip_long(lx, s + 2 + level + 2, level);
      else
        while (*s && *s != '\n') s++;
      continue;
    }
    break;
  }
  lx->tline = lx->line;
  if (!*s) {
    lx->kind = TK_END;
    lx->s = s;
    return;
  }
  if (isalpha((unsigned char)*s) || *s == '_') {
    lx->start = s;
    while (isalnum((unsigned char)*s) || *s == '_') s++;
    lx->kind = TK_NAME;
    lx->len = (size_t)(s - lx->start);
  } else if (*s == '"' || *s == '\'') {
    char q = *s++;
    lx->start = s;
    while (*s && *s != q && *s != '\n') {
      if (*s == '\\' && s[1]) s++;
      s++;
    }
    lx->kind = TK_STRING;
    lx->len = (size_t)(s - lx->start);
    if (*s == q) s++;
  } else if (long_bracket(s) >= 0) {
    int level = long_bracket(s);
    lx->start = s + level + 2;
    const char *end = skip_long(lx, lx->start, level);
    lx->kind = TK_STRING;
    lx->len = (size_t)(end - lx->start) - (*end || end[-1] == ']' ? (size_t)level + 2 : 0);
    s = end;
  } else {
    lx->kind = TK_PUNCT;
    lx->start = s++;
    lx->len = 1;
  }
  lx->s = s;
}

static bool tk_is(const lexer *lx, const char *word) {
  return lx->kind == TK_NAME && strlen(word) == lx->len && strncmp(lx->start, word, lx->len) == 0;
}

static bool tk_punct(const lexer *lx, char ch) { return lx->kind == TK_PUNCT && *lx->start == ch; }

static void reads_add(func_reads *fr, const char *s, size_t len, int line) {
  fr->names = xrealloc(fr->names, sizeof *fr->names * (size_t)(fr->n + 1));
  fr->lines = xrealloc(fr->lines, sizeof *fr->lines * (size_t)(fr->n + 1));
  fr->names[fr->n] = xstrndup(s, len);
  fr->lines[fr->n++] = line;
}

/* Names the function declares: its locals, loop variables and the
 * parameters of functions inside it, all as one set (block scopes are not
 * told apart), and the assignments it makes. */
typedef struct scope_scan {
  char **locals;
  int nlocals;
  /* per local, the name of the table it was taken from when that is not
   * the function's own (local _, raw = pairs(t); local sub = t.list), or
   * NULL: writing into the local writes into that table */
  char **alias_of;
  func_write *writes;
  int nwrites;
} scope_scan;

static void scope_declare(scope_scan *sc, const lexer *lx) {
  sc->locals = xrealloc(sc->locals, sizeof *sc->locals * (size_t)(sc->nlocals + 1));
  sc->alias_of = xrealloc(sc->alias_of, sizeof *sc->alias_of * (size_t)(sc->nlocals + 1));
  sc->alias_of[sc->nlocals] = NULL;
  sc->locals[sc->nlocals++] = xstrndup(lx->start, lx->len);
}

/* After `local a, b` (locals from `first` on): if the value is taken from
 * a table by name, `= t`, `= t.k`, `= t[k]`, `= pairs(t)`, `= next(t)` or
 * `= ipairs(t)`, note that these locals lead into t. */
static void scope_aliases(scope_scan *sc, lexer ahead, int first) {
  lexer *lx = &ahead;
  if (!tk_punct(lx, '=')) return;
  lex_next(lx);
  bool walker = lx->kind == TK_NAME && (tk_is(lx, "pairs") || tk_is(lx, "next") || tk_is(lx, "ipairs"));
  if (walker) {
    lex_next(lx);
    if (!tk_punct(lx, '(')) return;
    lex_next(lx);
  }
  if (lx->kind != TK_NAME || tk_is(lx, "function") || tk_is(lx, "not") || tk_is(lx, "nil") ||
      tk_is(lx, "true") || tk_is(lx, "false"))
    return;
  lexer name = *lx;
  lex_next(lx);
  if (walker) {
    if (!tk_punct(lx, ')')) return;
  } else {
    /* t.a.b or t[k], not called: a call (t.new(), t:get()) makes a value */
    for (;;) {
      if (tk_punct(lx, '.')) {
        lex_next(lx);
        if (lx->kind != TK_NAME) return;
        lex_next(lx);
      } else if (tk_punct(lx, '[') && long_bracket(lx->start) < 0) {
        int depth = 1;
        lex_next(lx);
        while (lx->kind != TK_END && depth > 0) {
          depth += tk_punct(lx, '[') - tk_punct(lx, ']');
          lex_next(lx);
        }
      } else {
        break;
      }
    }
    if (tk_punct(lx, '(') || tk_punct(lx, ':') || tk_punct(lx, '{') || lx->kind == TK_STRING) return;
  }
  for (int k = first; k < sc->nlocals; k++) {
    free(sc->alias_of[k]);
    sc->alias_of[k] = xstrndup(name.start, name.len);
  }
}

static void scope_write(scope_scan *sc, const char *name, size_t len, int line, bool into_table) {
  sc->writes = xrealloc(sc->writes, sizeof *sc->writes * (size_t)(sc->nwrites + 1));
  sc->writes[sc->nwrites++] = (func_write){xstrndup(name, len), line, into_table};
}

/* After `local`, `for` or a function's "(": declare the names of the list. */
static void scope_declare_list(scope_scan *sc, lexer *lx) {
  while (lx->kind == TK_NAME) {
    scope_declare(sc, lx);
    lex_next(lx);
    if (tk_punct(lx, '<')) { /* an attribute: <const>, <close> */
      while (lx->kind != TK_END && !tk_punct(lx, '>')) lex_next(lx);
      lex_next(lx);
    }
    if (!tk_punct(lx, ',')) return;
    lex_next(lx);
  }
}

/* At a name: if it starts a target of an assignment (`n = ...`,
 * `t.k = ...`, `t[k] = ...`), record it. Reads ahead on a copy of the
 * lexer, so that the scan itself still sees every token. */
static void scope_target(scope_scan *sc, lexer ahead) {
  lexer *lx = &ahead;
  const char *name = lx->start;
  size_t len = lx->len;
  int line = lx->tline;
  bool into_table = false;
  lex_next(lx);
  for (;;) {
    if (tk_punct(lx, '.')) {
      lex_next(lx);
      if (lx->kind != TK_NAME) return;
      lex_next(lx);
      into_table = true;
    } else if (tk_punct(lx, '[') && long_bracket(lx->start) < 0) {
      int depth = 1;
      lex_next(lx);
      while (lx->kind != TK_END && depth > 0) {
        depth += tk_punct(lx, '[') - tk_punct(lx, ']');
        lex_next(lx);
      }
      into_table = true;
    } else {
      break;
    }
  }
  if (!tk_punct(lx, '=')) return;
  lex_next(lx);
  if (tk_punct(lx, '=')) return; /* == */
  scope_write(sc, name, len, line, into_table);
}

/* The local named `name` (its last declaration), or -1. */
static int scope_local(const scope_scan *sc, const char *name) {
  for (int k = sc->nlocals - 1; k >= 0; k--)
    if (strcmp(sc->locals[k], name) == 0) return k;
  return -1;
}

/* Keep the writes whose name the function does not declare, and the
 * writes into a local that leads into a table it does not declare (as
 * writes into that table). */
static void scope_finish(scope_scan *sc, func_reads *fr, const char *param) {
  for (int i = 0; i < sc->nwrites; i++) {
    func_write *w = &sc->writes[i];
    int k = strcmp(w->name, param) == 0 ? -2 : scope_local(sc, w->name);
    const char *via = k >= 0 && w->into_table ? sc->alias_of[k] : NULL;
    if (via && strcmp(via, param) != 0 && scope_local(sc, via) < 0) {
      free(w->name);
      w->name = xstrdup(via);
    } else if (k != -1) {
      free(w->name);
      continue;
    }
    fr->writes = xrealloc(fr->writes, sizeof *fr->writes * (size_t)(fr->nwrites + 1));
    fr->writes[fr->nwrites++] = *w;
  }
  for (int k = 0; k < sc->nlocals; k++) {
    free(sc->locals[k]);
    free(sc->alias_of[k]);
  }
  free(sc->locals);
  free(sc->alias_of);
  free(sc->writes);
}

/* Scan the function that starts on line x->line of its file. */
static void scan_function(lint_ctx *c, func_reads *fr) {
  const expr *x = fr->x;
  const char *text = x->file ? file_text(c, x->file) : NULL;
  if (!text || x->line <= 0) return;
  const char *s = text;
  for (int l = 1; l < x->line && *s; s++)
    if (*s == '\n') l++;
  lexer lx = {s, x->line, TK_END, NULL, 0, 0};
  lex_next(&lx);
  while (lx.kind != TK_END && !tk_is(&lx, "function")) lex_next(&lx);
  if (lx.kind == TK_END) return;
  const char *body_start = lx.start;
  lex_next(&lx);
  while (lx.kind == TK_NAME || tk_punct(&lx, '.') || tk_punct(&lx, ':')) lex_next(&lx);
  if (!tk_punct(&lx, '(')) return;
  lex_next(&lx);
  char param[64] = "";
  if (lx.kind == TK_NAME && lx.len < sizeof param) {
    memcpy(param, lx.start, lx.len);
    param[lx.len] = '\0';
  }
  while (lx.kind != TK_END && !tk_punct(&lx, ')')) lex_next(&lx);
  int depth = 1, braces = 0;
  bool after_dot = false; /* the previous token was '.' or ':' */
  scope_scan sc = {0};
  lex_next(&lx);
  while (lx.kind != TK_END && depth > 0) {
    bool dot = tk_punct(&lx, '.') || tk_punct(&lx, ':');
    if (tk_is(&lx, "local") || tk_is(&lx, "for")) {
      bool is_local = tk_is(&lx, "local");
      lex_next(&lx);
      if (!tk_is(&lx, "function")) { /* else: as below */
        int first = sc.nlocals;
        scope_declare_list(&sc, &lx);
        if (is_local) scope_aliases(&sc, lx, first);
      }
      after_dot = false;
      continue;
    }
    if (tk_is(&lx, "function")) {
      depth++;
      lex_next(&lx);
      /* function t.f() ... end and function t:f() ... end write into t */
      if (lx.kind == TK_NAME) {
        lexer ahead = lx;
        lex_next(&ahead);
        if (tk_punct(&ahead, '.') || tk_punct(&ahead, ':')) scope_write(&sc, lx.start, lx.len, lx.tline, true);
      }
      while (lx.kind == TK_NAME || tk_punct(&lx, '.') || tk_punct(&lx, ':')) lex_next(&lx);
      if (tk_punct(&lx, '(')) {
        lex_next(&lx);
        scope_declare_list(&sc, &lx);
      }
      after_dot = false;
      continue;
    }
    if (tk_is(&lx, "if") || tk_is(&lx, "do") || tk_is(&lx, "repeat")) {
      depth++;
    } else if (tk_is(&lx, "end") || tk_is(&lx, "until")) {
      depth--;
    } else if (tk_punct(&lx, '{') || tk_punct(&lx, '}')) {
      braces += tk_punct(&lx, '{') ? 1 : -1;
    } else if (lx.kind == TK_NAME && !after_dot && braces == 0 && !(param[0] && tk_is(&lx, param)) &&
               !tk_is(&lx, "return") && !tk_is(&lx, "then") && !tk_is(&lx, "else") && !tk_is(&lx, "not") &&
               !tk_is(&lx, "and") && !tk_is(&lx, "or") && !tk_is(&lx, "in") && !tk_is(&lx, "while")) {
      scope_target(&sc, lx);
    } else if (param[0] && tk_is(&lx, param)) {
      lex_next(&lx);
      if (tk_punct(&lx, '.')) {
        lex_next(&lx);
        if (lx.kind == TK_NAME) reads_add(fr, lx.start, lx.len, lx.tline);
      } else if (tk_punct(&lx, '[')) {
        lex_next(&lx);
        if (lx.kind == TK_STRING) reads_add(fr, lx.start, lx.len, lx.tline);
      }
      after_dot = false;
      continue;
    }
    after_dot = dot;
    lex_next(&lx);
  }
  scope_finish(&sc, fr, param);
  fr->body = xstrndup(body_start, (size_t)(lx.s - body_start));
}

static const func_reads *reads_of(lint_ctx *c, const expr *x) {
  for (int i = 0; i < c->nfuncs; i++)
    if (c->funcs[i].x == x) return &c->funcs[i];
  c->funcs = xrealloc(c->funcs, sizeof *c->funcs * (size_t)(c->nfuncs + 1));
  func_reads *fr = &c->funcs[c->nfuncs++];
  memset(fr, 0, sizeof *fr);
  fr->x = x;
  scan_function(c, fr);
  return fr;
}

/* ---- walking every rule of the pack --------------------------------------- */

typedef void (*expr_visit)(lint_ctx *c, const expr *x, int node, void *ud);

static void walk_expr(lint_ctx *c, const expr *x, int node, expr_visit fn, void *ud) {
  if (!x) return;
  fn(c, x, node, ud);
  for (int i = 0; i < x->nkids; i++) walk_expr(c, x->kids[i], node, fn, ud);
}

/* Every rule the pack holds, once: node rules, open conditions, finding
 * conditions, and each override's own rule and open condition. */
static void walk_all(lint_ctx *c, expr_visit fn, void *ud) {
  const pack *p = c->p;
  for (int i = 0; i < p->noutside; i++) walk_expr(c, p->outside[i].when, -1, fn, ud); /* node -1: no node's rule */
  for (int n = 0; n < p->nnodes; n++) {
    walk_expr(c, p->nodes[n].base.rule, n, fn, ud);
    walk_expr(c, p->nodes[n].base.open, n, fn, ud);
    walk_expr(c, p->nodes[n].finding_unless, n, fn, ud);
  }
  for (int o = 0; o < p->nopinions; o++)
    for (int k = 0; k < p->opinions[o].noverrides; k++) {
      const pack_override *ov = &p->opinions[o].overrides[k];
      if (!ov->rule.rule_borrowed) walk_expr(c, ov->rule.rule, ov->node, fn, ud);
      if (!ov->rule.open_borrowed) walk_expr(c, ov->rule.open, ov->node, fn, ud);
    }
}

/* Every node_rule of the pack, once: node bases and overrides. */
static int all_rules(const pack *p, const node_rule **out, int *node) {
  int n = 0;
  for (int i = 0; i < p->nnodes; i++) node[n] = i, out[n++] = &p->nodes[i].base;
  for (int o = 0; o < p->nopinions; o++)
    for (int k = 0; k < p->opinions[o].noverrides; k++)
      node[n] = p->opinions[o].overrides[k].node, out[n++] = &p->opinions[o].overrides[k].rule;
  return n;
}

static int count_rules(const pack *p) {
  int n = p->nnodes;
  for (int o = 0; o < p->nopinions; o++) n += p->opinions[o].noverrides;
  return n;
}

/* ---- usage: facts, authorities, values ------------------------------------ */

typedef struct usage {
  bool *fact_used;
  uint64_t *fact_tested;  /* per fact: values named in is(...) */
  bool *fact_in_func;     /* a rule function reads it */
  uint64_t *node_named;   /* per node: values named in is(...) or given */
  bool *auth_used;
} usage;

static void mark_ref(lint_ctx *c, usage *u, const char *name) {
  int i = pack_fact_index(c->p, name);
  if (i >= 0) {
    u->fact_used[i] = true;
    u->fact_in_func[i] = true;
  }
}

static void visit_usage(lint_ctx *c, const expr *x, int node, void *ud) {
  usage *u = ud;
  const pack *p = c->p;
  switch (x->kind) {
  case EXPR_REF:
  case EXPR_IS:
  case EXPR_CMP:
    if (!x->ref.is_node) u->fact_used[x->ref.index] = true;
    if (x->kind == EXPR_IS) {
      if (x->ref.is_node) u->node_named[x->ref.index] |= x->set;
      else u->fact_tested[x->ref.index] |= x->set;
    }
    break;
  case EXPR_FIRST:
    for (int i = 0; i < x->nkids && node >= 0; i++)
      if (x->gives[i] >= 0 && x->gives[i] < 64) u->node_named[node] |= (uint64_t)1 << x->gives[i];
    break;
  case EXPR_LUA: {
    const func_reads *fr = reads_of(c, x);
    for (int i = 0; i < fr->n; i++) mark_ref(c, u, fr->names[i]);
    break;
  }
  default: break;
  }
  (void)p;
}

static void mark_tmpl(usage *u, const tmpl *t) {
  for (int i = 0; i < t->nparts; i++)
    if (!t->parts[i].text && !t->parts[i].ref.is_node) u->fact_used[t->parts[i].ref.index] = true;
}

/* Is the value quoted in the body of a function that reads the fact? */
static bool func_quotes(lint_ctx *c, const char *fact, const char *value) {
  for (int i = 0; i < c->nfuncs; i++) {
    const func_reads *fr = &c->funcs[i];
    bool reads = false;
    for (int k = 0; k < fr->n && !reads; k++) reads = strcmp(fr->names[k], fact) == 0;
    if (!reads || !fr->body) continue;
    size_t vl = strlen(value);
    for (const char *s = fr->body; (s = strstr(s, value)) != NULL; s += vl)
      if (s > fr->body && (s[-1] == '"' || s[-1] == '\'') && s[vl] == s[-1]) return true;
  }
  return false;
}

static char *quoted_list(char *const *values, int n, uint64_t mask) {
  size_t len = 1;
  for (int v = 0; v < n; v++)
    if ((mask >> v) & 1) len += strlen(values[v]) + 4;
  char *s = xmalloc(len);
  s[0] = '\0';
  bool first = true;
  for (int v = 0; v < n; v++) {
    if (!((mask >> v) & 1)) continue;
    if (!first) strcat(s, ", ");
    strcat(s, "'");
    strcat(s, values[v]);
    strcat(s, "'");
    first = false;
  }
  return s;
}

static void check_usage(lint_ctx *c) {
  const pack *p = c->p;
  usage u;
  u.fact_used = xcalloc((size_t)p->nfacts + 1, sizeof *u.fact_used);
  u.fact_tested = xcalloc((size_t)p->nfacts + 1, sizeof *u.fact_tested);
  u.fact_in_func = xcalloc((size_t)p->nfacts + 1, sizeof *u.fact_in_func);
  u.node_named = xcalloc((size_t)p->nnodes + 1, sizeof *u.node_named);
  u.auth_used = xcalloc((size_t)p->nauthorities + 1, sizeof *u.auth_used);
  walk_all(c, visit_usage, &u);

  int nr = count_rules(p);
  const node_rule **rules = xcalloc((size_t)nr + 1, sizeof *rules);
  int *rnode = xcalloc((size_t)nr + 1, sizeof *rnode);
  all_rules(p, rules, rnode);
  for (int i = 0; i < nr; i++) {
    const node_rule *r = rules[i];
    for (int k = 0; k < r->nby; k++) u.auth_used[r->by[k]] = true;
  }
  for (int i = 0; i < p->noutside; i++) {
    const pack_outside *s = &p->outside[i];
    for (int k = 0; k < s->nby; k++) u.auth_used[s->by[k]] = true;
  }
  for (int i = 0; i < nr; i++) {
    const node_rule *r = rules[i];
    for (int v = 0; v < p->nodes[rnode[i]].nvalues; v++) mark_tmpl(&u, &r->says[v]);
    mark_tmpl(&u, &r->says_unknown);
  }
  /* dispositions name values of the decided node; a disposition node's
   * values are all shown */
  for (int o = 0; o < p->nopinions; o++) {
    const pack_opinion *op = &p->opinions[o];
    if (op->disposition_node >= 0) u.node_named[op->disposition_node] = ~(uint64_t)0;
    if (op->disposition && op->decides >= 0)
      for (int v = 0; v < p->nodes[op->decides].nvalues; v++)
        if (op->disposition[v]) u.node_named[op->decides] |= (uint64_t)1 << v;
  }

  for (int i = 0; i < p->nfacts; i++) {
    const pack_fact *f = &p->facts[i];
    if (!u.fact_used[i]) {
      char *hint = f->type == FACT_ENUM
                       ? xasprintf("test it in a rule, e.g. is(\"%s\", \"%s\"), or remove the declaration",
                                   f->name, f->values[0])
                   : f->type == FACT_YESNO
                       ? xasprintf("use it in a rule, e.g. all { ..., \"%s\" }, or remove the declaration", f->name)
                   : f->type == FACT_TEXT
                       ? xasprintf("show it in a sentence, e.g. yes = \"... {%s} ...\", or remove the declaration", f->name)
                       : xasprintf("compare it in a rule, e.g. ge(\"%s\", 1), or remove the declaration", f->name);
      lint_add(c->r, f->file, f->line, 1, LINT_WARNING, hint,
               "fact %s is never used: no rule reads it and no sentence shows it", f->name);
      free(hint);
      continue;
    }
    if (f->type != FACT_ENUM) continue;
    uint64_t missing = 0;
    int nmissing = 0;
    for (int v = 0; v < f->nvalues && v < 64; v++) {
      if ((u.fact_tested[i] >> v) & 1) continue;
      if (u.fact_in_func[i] && func_quotes(c, f->name, f->values[v])) continue;
      missing |= (uint64_t)1 << v;
      nmissing++;
    }
    /* One value no is(...) names is the rest, "none of the above"; two or
     * more are values no rule can tell apart. */
    if (!u.fact_tested[i] && !u.fact_in_func[i]) {
      char *hint = xasprintf("test it in a rule, e.g. is(\"%s\", \"%s\"), or make it a text fact", f->name, f->values[0]);
      lint_add(c->r, f->file, f->line, 1, LINT_WARNING, hint,
               "fact %s: no rule tests its value (only sentences show it)", f->name);
      free(hint);
    } else if (nmissing >= 2) {
      char *list = quoted_list(f->values, f->nvalues, missing);
      char *hint = xasprintf("name them in an is(\"%s\", ...) where they should lead to different results, "
                             "or merge them into one value", f->name);
      lint_add(c->r, f->file, f->line, 1, LINT_WARNING, hint,
               "fact %s: no rule tells apart the values %s, since no is(...) names them", f->name, list);
      free(hint);
      free(list);
    }
  }
  for (int n = 0; n < p->nnodes; n++) {
    const pack_node *nd = &p->nodes[n];
    if (!nd->valued) continue;
    uint64_t missing = 0;
    int nmissing = 0;
    for (int v = 0; v < nd->nvalues && v < 64; v++)
      if (!((u.node_named[n] >> v) & 1)) missing |= (uint64_t)1 << v, nmissing++;
    /* a rule function may give any value */
    bool has_func = false;
    for (int i = 0; i < nr; i++)
      if (rnode[i] == n && rules[i]->rule && rules[i]->rule->kind == EXPR_LUA) has_func = true;
    if (nmissing && !has_func) {
      char *list = quoted_list(nd->values, nd->nvalues, missing);
      char *hint = xasprintf("give %s from a branch of first, or test %s with is(\"%s\", ...), or drop %s from values",
                             nmissing == 1 ? "it" : "them", nmissing == 1 ? "it" : "them", nd->name,
                             nmissing == 1 ? "it" : "them");
      lint_add(c->r, nd->file, nd->line, 1, LINT_WARNING, hint,
               "node %s: no rule gives or tests the value%s %s", nd->name, nmissing == 1 ? "" : "s", list);
      free(hint);
      free(list);
    }
  }
  for (int a = 0; a < p->nauthorities; a++) {
    if (u.auth_used[a]) continue;
    const pack_authority *au = &p->authorities[a];
    char *hint = xasprintf("cite it from a node with by = \"%s\", or remove it", au->name);
    lint_add(c->r, au->file, au->line, 1, LINT_WARNING, hint, "authority %s is never cited by any node",
             au->name);
    free(hint);
  }
  for (int n = 0; n < p->nnodes; n++) {
    const pack_node *nd = &p->nodes[n];
    if (nd->base.nby) continue;
    char *hint = p->nauthorities
                     ? xasprintf("add by = \"%s\" or another authority the pack declares", p->authorities[0].name)
                     : xstrdup("declare one with authority \"name\" { cite = ... } and add by = \"name\"");
    lint_add(c->r, nd->file, nd->line, 1, LINT_WARNING, hint, "node %s cites no authority", nd->name);
    free(hint);
  }
  free(rules);
  free(rnode);
  free(u.fact_used);
  free(u.fact_tested);
  free(u.fact_in_func);
  free(u.node_named);
  free(u.auth_used);
}

/* ---- rule functions: names they read -------------------------------------- */

static void visit_func_names(lint_ctx *c, const expr *x, int node, void *ud) {
  (void)ud;
  if (x->kind != EXPR_LUA) return;
  const pack *p = c->p;
  const func_reads *fr = reads_of(c, x);
  for (int i = 0; i < fr->n; i++) {
    const char *name = fr->names[i];
    if (pack_fact_index(p, name) >= 0 || pack_node_index(p, name) >= 0) continue;
    /* report each misspelling once */
    bool seen = false;
    for (int k = 0; k < i && !seen; k++) seen = strcmp(fr->names[k], name) == 0;
    if (seen) continue;
    const char **cands = xcalloc((size_t)(p->nfacts + p->nnodes + 1), sizeof *cands);
    int nc = 0;
    for (int k = 0; k < p->nfacts; k++) cands[nc++] = p->facts[k].name;
    for (int k = 0; k < p->nnodes; k++) cands[nc++] = p->nodes[k].name;
    const char *best = suggest_closest(name, strlen(name), cands, nc);
    char *hint = best ? xasprintf("did you mean '%s'?", best)
                      : xasprintf("declare it with fact \"%s\" { ... }, or read a fact the pack declares", name);
    lint_add(c->r, x->file, fr->lines[i], 1, LINT_ERROR, hint,
             "the rule function of node %s reads '%s', which is neither a fact nor a node", p->nodes[node].name,
             name);
    free(hint);
    free(cands);
  }
}

/* ---- rule functions: what they change -------------------------------------- */

/* Once rows are decided, a rule function that changes a local of the
 * pack's file or one of its tables fails the row (see seal.h); a global
 * cannot be set at all. Found by reading the source, so a warning. */
static void visit_func_writes(lint_ctx *c, const expr *x, int node, void *ud) {
  (void)ud;
  if (x->kind != EXPR_LUA) return;
  const func_reads *fr = reads_of(c, x);
  const char *nd = c->p->nodes[node].name;
  for (int i = 0; i < fr->nwrites; i++) {
    const func_write *w = &fr->writes[i];
    if (w->into_table)
      lint_add(c->r, x->file, w->line, 1, LINT_WARNING,
               "build a new table inside the function (local t = { ... }) and change that one",
               "the rule function of node %s changes the table '%s', which it did not make; "
               "the pack's tables are read-only while rows are decided",
               nd, w->name);
    else {
      char *hint = xasprintf("declare it inside the function (local %s = ...), so that each row starts afresh",
                             w->name);
      lint_add(c->r, x->file, w->line, 1, LINT_WARNING, hint,
               "the rule function of node %s assigns '%s', which it does not declare; every row "
               "shares the pack's locals, so a rule may not change one",
               nd, w->name);
      free(hint);
    }
  }
}

/* ---- reachability and cycles ---------------------------------------------- */

typedef struct graph {
  int **deps; /* per node: the nodes its rule under the opinion reads */
  int *ndeps;
  bool **via_func;
} graph;

static void dep_add(graph *g, int n, int m, bool func) {
  for (int i = 0; i < g->ndeps[n]; i++)
    if (g->deps[n][i] == m) {
      g->via_func[n][i] |= func;
      return;
    }
  g->deps[n] = xrealloc(g->deps[n], sizeof **g->deps * (size_t)(g->ndeps[n] + 1));
  g->via_func[n] = xrealloc(g->via_func[n], sizeof **g->via_func * (size_t)(g->ndeps[n] + 1));
  g->deps[n][g->ndeps[n]] = m;
  g->via_func[n][g->ndeps[n]++] = func;
}

typedef struct dep_ctx {
  graph *g;
  int from;
} dep_ctx;

static void visit_deps(lint_ctx *c, const expr *x, int node, void *ud) {
  (void)node;
  dep_ctx *d = ud;
  if ((x->kind == EXPR_REF || x->kind == EXPR_IS) && x->ref.is_node) dep_add(d->g, d->from, x->ref.index, false);
  if (x->kind == EXPR_LUA) {
    const func_reads *fr = reads_of(c, x);
    for (int i = 0; i < fr->n; i++) {
      int m = pack_node_index(c->p, fr->names[i]);
      if (m >= 0) dep_add(d->g, d->from, m, true);
    }
  }
}

static graph *graph_of(lint_ctx *c, const pack_opinion *o) {
  const pack *p = c->p;
  graph *g = xcalloc(1, sizeof *g);
  g->deps = xcalloc((size_t)p->nnodes + 1, sizeof *g->deps);
  g->ndeps = xcalloc((size_t)p->nnodes + 1, sizeof *g->ndeps);
  g->via_func = xcalloc((size_t)p->nnodes + 1, sizeof *g->via_func);
  for (int n = 0; n < p->nnodes; n++) {
    dep_ctx d = {g, n};
    walk_expr(c, o->rules[n]->rule, n, visit_deps, &d);
    walk_expr(c, o->rules[n]->open, n, visit_deps, &d);
    walk_expr(c, p->nodes[n].finding_unless, n, visit_deps, &d);
  }
  return g;
}

static void graph_free(graph *g, int nnodes) {
  for (int n = 0; n < nnodes; n++) {
    free(g->deps[n]);
    free(g->via_func[n]);
  }
  free(g->deps);
  free(g->ndeps);
  free(g->via_func);
  free(g);
}

static void reach(const graph *g, int n, bool *seen) {
  if (n < 0 || seen[n]) return;
  seen[n] = true;
  for (int i = 0; i < g->ndeps[n]; i++) reach(g, g->deps[n][i], seen);
}

/* A cycle through a rule function (the loader finds the others). */
static bool find_cycle(const graph *g, int n, char *state, int *path, int depth, int *start) {
  state[n] = 1;
  path[depth] = n;
  for (int i = 0; i < g->ndeps[n]; i++) {
    int m = g->deps[n][i];
    if (state[m] == 1) {
      *start = m;
      path[depth + 1] = m;
      return true;
    }
    if (state[m] == 0 && find_cycle(g, m, state, path, depth + 1, start)) return true;
  }
  state[n] = 2;
  return false;
}

static void check_graph(lint_ctx *c) {
  const pack *p = c->p;
  bool *reached = xcalloc((size_t)p->nnodes + 1, sizeof *reached);
  bool *seen = xcalloc((size_t)p->nnodes + 1, sizeof *seen);
  char *state = xcalloc((size_t)p->nnodes + 1, 1);
  int *path = xcalloc((size_t)p->nnodes + 2, sizeof *path);
  char **reported = xcalloc((size_t)p->nopinions + 1, sizeof *reported);
  int nreported = 0;
  for (int o = 0; o < p->nopinions; o++) {
    const pack_opinion *op = &p->opinions[o];
    graph *g = graph_of(c, op);
    memset(seen, 0, sizeof *seen * (size_t)p->nnodes);
    reach(g, op->decides, seen);
    reach(g, op->disposition_node, seen);
    for (int n = 0; n < p->nnodes; n++) reached[n] |= seen[n];
    memset(state, 0, (size_t)p->nnodes);
    for (int n = 0; n < p->nnodes; n++) {
      int start = -1;
      if (state[n] || !find_cycle(g, n, state, path, 0, &start)) continue;
      int from = 0;
      while (path[from] != start) from++;
      size_t len = 1;
      for (int i = from;; i++) {
        len += strlen(p->nodes[path[i]].name) + 4;
        if (i > from && path[i] == start) break;
      }
      char *chain = xmalloc(len);
      chain[0] = '\0';
      for (int i = from;; i++) {
        strcat(chain, p->nodes[path[i]].name);
        if (i > from && path[i] == start) break;
        strcat(chain, " -> ");
      }
      bool dup = false;
      for (int k = 0; k < nreported && !dup; k++) dup = strcmp(reported[k], chain) == 0;
      if (!dup) {
        const node_rule *r = op->rules[start];
        lint_add(c->r, r->file, r->line, 1, LINT_ERROR,
                 "a node cannot depend on itself; break the loop",
                 "cycle among nodes through a rule function%s%s: %s", p->nopinions > 1 ? " under opinion " : "",
                 p->nopinions > 1 ? op->name : "", chain);
        reported[nreported++] = chain;
      } else {
        free(chain);
      }
      break;
    }
    graph_free(g, p->nnodes);
  }
  for (int n = 0; n < p->nnodes; n++) {
    if (reached[n]) continue;
    const pack_node *nd = &p->nodes[n];
    char *hint = xasprintf("use it in the rule of a node an opinion decides, e.g. all { ..., \"%s\" }, or remove it",
                           nd->name);
    lint_add(c->r, nd->file, nd->line, 1, LINT_WARNING, hint,
             "node %s is never reached: no opinion's decided node or disposition depends on it", nd->name);
    free(hint);
  }
  for (int k = 0; k < nreported; k++) free(reported[k]);
  free(reported);
  free(reached);
  free(seen);
  free(state);
  free(path);
}

/* ---- first { ... }: shadowed branches ------------------------------------- */

static bool same_expr(const expr *a, const expr *b) {
  if (!a || !b) return a == b;
  if (a->kind != b->kind || a->nkids != b->nkids) return false;
  switch (a->kind) {
  case EXPR_CONST: return a->constant == b->constant;
  case EXPR_REF: return a->ref.is_node == b->ref.is_node && a->ref.index == b->ref.index;
  case EXPR_IS:
    return a->ref.is_node == b->ref.is_node && a->ref.index == b->ref.index && a->set == b->set;
  case EXPR_CMP:
    return a->ref.index == b->ref.index && a->cmp == b->cmp && a->number == b->number;
  case EXPR_LUA: return a->lua_ref == b->lua_ref;
  case EXPR_FIRST:
    for (int i = 0; i < a->nkids; i++)
      if (a->gives[i] != b->gives[i]) return false;
    break;
  default: break;
  }
  for (int i = 0; i < a->nkids; i++)
    if (!same_expr(a->kids[i], b->kids[i])) return false;
  return true;
}

static bool same_ref(const expr *a, const expr *b) {
  return a->ref.is_node == b->ref.is_node && a->ref.index == b->ref.index;
}

/* Does `a` hold whenever it holds that... rather: whenever a is yes, is b
 * yes too? Sound but incomplete: false means "not shown". */
static bool implies(const expr *a, const expr *b) {
  if (same_expr(a, b)) return true;
  if (b->kind == EXPR_CONST) return b->constant == RV_YES;
  /* a yes/no reference is is(x, "yes") */
  if ((a->kind == EXPR_IS || a->kind == EXPR_REF) && (b->kind == EXPR_IS || b->kind == EXPR_REF) &&
      same_ref(a, b)) {
    uint64_t sa = a->kind == EXPR_IS ? a->set : 2, sb = b->kind == EXPR_IS ? b->set : 2;
    return (sa & ~sb) == 0;
  }
  if (a->kind == EXPR_CMP && b->kind == EXPR_CMP && same_ref(a, b)) {
    double x = a->number, y = b->number;
    switch (b->cmp) {
    case CMP_GT: return (a->cmp == CMP_GT && x >= y) || ((a->cmp == CMP_GE || a->cmp == CMP_EQ) && x > y);
    case CMP_GE: return (a->cmp == CMP_GT || a->cmp == CMP_GE || a->cmp == CMP_EQ) && x >= y;
    case CMP_LT: return (a->cmp == CMP_LT && x <= y) || ((a->cmp == CMP_LE || a->cmp == CMP_EQ) && x < y);
    case CMP_LE: return (a->cmp == CMP_LT || a->cmp == CMP_LE || a->cmp == CMP_EQ) && x <= y;
    case CMP_EQ: return a->cmp == CMP_EQ && x == y;
    case CMP_NE: return (a->cmp == CMP_EQ && x != y) || (a->cmp == CMP_NE && x == y) ||
                        (a->cmp == CMP_GT && x >= y) || (a->cmp == CMP_LT && x <= y);
    }
  }
  if (b->kind == EXPR_ALL) {
    for (int i = 0; i < b->nkids; i++)
      if (!implies(a, b->kids[i])) goto not_all;
    return true;
  }
not_all:
  if (a->kind == EXPR_ANY) {
    for (int i = 0; i < a->nkids; i++)
      if (!implies(a->kids[i], b)) goto not_any;
    return true;
  }
not_any:
  if (a->kind == EXPR_ALL)
    for (int i = 0; i < a->nkids; i++)
      if (implies(a->kids[i], b)) return true;
  if (b->kind == EXPR_ANY)
    for (int i = 0; i < b->nkids; i++)
      if (implies(a, b->kids[i])) return true;
  if (a->kind == EXPR_UNLESS && implies(a->kids[0], b)) return true;
  if (a->kind == EXPR_NOT && b->kind == EXPR_NOT) return implies(b->kids[0], a->kids[0]);
  return false;
}

static void check_firsts(lint_ctx *c) {
  const pack *p = c->p;
  for (int f = 0; f < p->nfirsts; f++) {
    const expr *x = p->firsts[f].x;
    const char *node = p->nodes[p->firsts[f].node].name;
    for (int j = 1; j < x->nkids; j++) {
      const expr *cj = x->kids[j];
      if (!cj) continue;
      for (int i = 0; i < j; i++) {
        const expr *ci = x->kids[i];
        if (!ci || !implies(cj, ci)) continue;
        const pack_node *nd = &p->nodes[p->firsts[f].node];
        char *hint = xasprintf("branch %d (line %d) holds whenever this one does; move this branch above it, "
                               "or make its condition narrower",
                               i + 1, ci->line);
        lint_add(c->r, cj->file, cj->line, 1, LINT_WARNING, hint,
                 "node %s: branch %d of first, which gives '%s', can never be taken", node, j + 1,
                 pack_node_value_name(nd, x->gives[j]));
        free(hint);
        break;
      }
    }
  }
}

/* ---- the pack ------------------------------------------------------------- */

/* ---- the pack's source: slips Lua lets through ---------------------------- */

/* The column of a token: bytes from the start of its line, plus one. */
static int token_col(const char *text, const char *at) {
  const char *s = at;
  while (s > text && s[-1] != '\n') s--;
  return (int)(at - s) + 1;
}

static bool declared_name(const pack *p, const char *s, size_t len) {
  char *name = xstrndup(s, len);
  bool found = pack_fact_index(p, name) >= 0 || pack_node_index(p, name) >= 0;
  free(name);
  return found;
}

#define TABLE_DEPTH 64
#define TABLE_KEYS 64

/* Keys written in the table constructors open at one point of the scan. */
typedef struct table_keys {
  const char *key[TABLE_KEYS];
  size_t len[TABLE_KEYS];
  int n;
} table_keys;

/* Two slips that load without a word, because they are valid Lua:
 *   - `and`, `or` or `not` on rule names: `rule = "arrest" and "force"` is
 *     just "force" (Lua's `and` gives its second operand);
 *   - a field written twice in one table: Lua keeps the last.
 * Found in the text of the pack's files, where the author wrote them. */
static void check_source(lint_ctx *c) {
  const pack *p = c->p;
  table_keys *stack = xcalloc(TABLE_DEPTH, sizeof *stack);
  for (int f = 0; f < p->nfiles; f++) {
    const char *file = p->files[f];
    const char *text = file_text(c, file);
    if (!text) continue;
    lexer lx = {text, 1, TK_END, NULL, 0, 1};
    int depth = 0;
    bool item_start = false; /* the token follows `{`, `,` or `;` */
    lex_next(&lx);
    while (lx.kind != TK_END) {
      lexer ahead = lx;
      lex_next(&ahead);
      bool is_string = lx.kind == TK_STRING && declared_name(p, lx.start, lx.len);
      if (is_string && (tk_is(&ahead, "and") || tk_is(&ahead, "or"))) {
        lint_add(c->r, file, lx.tline, token_col(text, lx.start - 1), LINT_ERROR,
                 "combine rules with all { ... }, any { ... } and no(...): Lua's and/or between names keeps only one",
                 "Lua's '%.*s' after \"%.*s\" does not combine rules: the expression is one name or the other",
                 (int)ahead.len, ahead.start, (int)lx.len, lx.start);
      } else if (tk_is(&lx, "not") && ahead.kind == TK_STRING && declared_name(p, ahead.start, ahead.len)) {
        lint_add(c->r, file, lx.tline, token_col(text, lx.start), LINT_ERROR,
                 "write no \"name\" for a rule that negates a name",
                 "Lua's 'not' before \"%.*s\" is always false: a name in quotes is a true value to Lua",
                 (int)ahead.len, ahead.start);
      }
      if (tk_punct(&lx, '{')) {
        if (depth < TABLE_DEPTH) stack[depth].n = 0;
        depth++;
        item_start = true;
      } else if (tk_punct(&lx, '}')) {
        if (depth > 0) depth--;
        item_start = false;
      } else {
        if (item_start && lx.kind == TK_NAME && tk_punct(&ahead, '=') && ahead.s[0] != '=' && depth > 0 &&
            depth <= TABLE_DEPTH) {
          table_keys *t = &stack[depth - 1];
          bool twice = false;
          for (int k = 0; k < t->n && !twice; k++) twice = t->len[k] == lx.len && memcmp(t->key[k], lx.start, lx.len) == 0;
          if (twice)
            lint_add(c->r, file, lx.tline, token_col(text, lx.start), LINT_ERROR,
                     "keep one of them: Lua keeps the last and drops the other without a word",
                     "field '%.*s' is written twice in the same braces", (int)lx.len, lx.start);
          else if (t->n < TABLE_KEYS) {
            t->key[t->n] = lx.start;
            t->len[t->n++] = lx.len;
          }
        }
        item_start = tk_punct(&lx, ',') || tk_punct(&lx, ';');
      }
      lx = ahead;
    }
  }
  free(stack);
}

/* A fact that phrases some of its answers and not the others: likely an
 * answer forgotten, as the default then reads unlike its neighbours. A
 * fact without says is fine: the default serves every answer. */
static void check_says(lint_ctx *c) {
  const pack *p = c->p;
  for (int i = 0; i < p->nfacts; i++) {
    const pack_fact *f = &p->facts[i];
    if (!f->says || (f->type != FACT_YESNO && f->type != FACT_ENUM)) continue;
    static char *const yesno[] = {"no", "yes"};
    char *const *values = f->type == FACT_YESNO ? yesno : f->values;
    int n = f->type == FACT_YESNO ? 2 : f->nvalues;
    uint64_t missing = 0;
    int nmissing = 0, first = -1;
    for (int k = 0; k < n && k < 64; k++) {
      int v = f->type == FACT_YESNO ? 1 - k : k; /* yes before no, as written */
      if (pack_fact_says(f, v)) continue;
      missing |= (uint64_t)1 << v;
      nmissing++;
      if (first < 0) first = v;
    }
    if (!nmissing) continue;
    char *list = quoted_list(values, n, missing);
    char *hint = xasprintf("add %s = \"...\" to says, or the default (the question and the answer) is used",
                           values[first]);
    lint_add(c->r, f->file, f->line, 1, LINT_WARNING, hint, "fact %s: says gives no sentence for %s", f->name, list);
    free(hint);
    free(list);
  }
}

/* A node an opinion decides whose answers do not say which party they
 * favour: ratio brief cannot tell who wins. Once per node, naming the
 * first opinion that decides it. */
static void check_favours(lint_ctx *c) {
  const pack *p = c->p;
  for (int i = 0; i < p->nopinions; i++) {
    int n = p->opinions[i].decides;
    bool seen = false;
    for (int k = 0; k < i && !seen; k++) seen = p->opinions[k].decides == n;
    if (n < 0 || seen) continue;
    const pack_node *nd = &p->nodes[n];
    if (!nd->favours) {
      char *hint = nd->valued
                       ? xasprintf("add favours = { %s = \"plaintiff\", ..., %s = \"defendant\" }, a party "
                                   "(or \"neither\") for each value",
                                   nd->values[0], nd->values[nd->nvalues - 1])
                       : xstrdup("add favours = { yes = \"plaintiff\", no = \"defendant\" } (or the other way round)");
      lint_add(c->r, nd->file, nd->line, 1, LINT_WARNING, hint,
               "node %s (the outcome of opinion %s) does not say which party its answers favour: ratio brief "
               "cannot tell who wins",
               nd->name, p->opinions[i].name);
      free(hint);
      continue;
    }
    uint64_t missing = 0;
    int first = -1;
    for (int v = 0; v < nd->nvalues && v < 64; v++)
      if (nd->favours[v] == PARTY_UNSAID) {
        missing |= (uint64_t)1 << v;
        if (first < 0) first = v;
      }
    if (!missing) continue;
    char *list = quoted_list(nd->values, nd->nvalues, missing);
    char *hint = xasprintf("add %s = \"plaintiff\", \"defendant\" or \"neither\" to its favours", nd->values[first]);
    lint_add(c->r, nd->file, nd->line, 1, LINT_WARNING, hint,
             "node %s (the outcome of opinion %s): favours says nothing for %s: ratio brief cannot tell who wins then",
             nd->name, p->opinions[i].name, list);
    free(hint);
    free(list);
  }
}

void lint_pack(const pack *p, lint_report *r) {
  lint_ctx c = {p, r, NULL, 0};
  int before = r->n;
  check_usage(&c);
  check_says(&c);
  check_favours(&c);
  walk_all(&c, visit_func_names, NULL);
  walk_all(&c, visit_func_writes, NULL);
  check_graph(&c);
  check_firsts(&c);
  check_source(&c);
  lint_sort(r, before);
  for (int i = 0; i < c.nfuncs; i++) {
    for (int k = 0; k < c.funcs[i].nwrites; k++) free(c.funcs[i].writes[k].name);
    free(c.funcs[i].writes);
    for (int k = 0; k < c.funcs[i].n; k++) free(c.funcs[i].names[k]);
    free(c.funcs[i].names);
    free(c.funcs[i].lines);
    free(c.funcs[i].body);
  }
  free(c.funcs);
}

/* ---- case files ----------------------------------------------------------- */

/* Check one expect cell against every opinion it applies to. */
static void check_expect_cell(const pack *p, const char *file, int line, const case_expect_col *col,
                              const char *text, lint_report *r) {
  if (!expectation_problem(p, col, -1, text)) return;
  const char **vals;
  int nv = expectation_values(p, col, -1, &vals);
  bool scoped = p->noutside > 0 && col->kind != EXPECT_NODE;
  if (scoped) {
    vals = xrealloc(vals, sizeof *vals * (size_t)(nv + 1));
    vals[nv++] = "outside";
  }
  size_t len = 32;
  for (int k = 0; k < nv; k++) len += strlen(vals[k]) + 2;
  char *all = xmalloc(len);
  all[0] = '\0';
  for (int k = 0; k < nv; k++) {
    strcat(all, vals[k]);
    strcat(all, ", ");
  }
  strcat(all, col->kind == EXPECT_NODE ? "not_reached, unknown" : "unknown");
  const char *best = suggest_closest(text, strlen(text), vals, nv);
  char *hint = best ? xasprintf("did you mean '%s'?", best) : NULL;
  lint_add(r, file, line, col->col, LINT_ERROR, hint, "%s: '%s' is not one of %s", col->header, text, all);
  free(hint);
  free(all);
  free(vals);
}

/* Could the case file be opened at all (so its header is what failed)?
 * Asked without reading from it: a pipe the user gave would lose what its
 * writer sent, and a file the pack lists opens only under the pack's rules
 * (a regular file inside its folder, which is safe to open again). */
static bool case_file_opens(const pack *p, const char *path) {
  if (strcmp(path, "-") == 0) return true;
  int listed = pack_case_index(p, path);
  if (listed < 0) return access(path, R_OK) == 0;
  err *e = NULL;
  FILE *f = pack_open_case(p, listed, &e);
  err_free(e);
  if (!f) return false;
  fclose(f);
  return true;
}

int lint_cases(const pack *p, const char *path, lint_report *r) {
  err *e = NULL;
  case_reader *cr = cases_open(p, path, &e);
  if (!cr) {
    lint_add_errors(r, e, path);
    err_free(e);
    return case_file_opens(p, path) ? 0 : -1;
  }
  int ncols;
  const case_expect_col *cols = cases_expect_cols(cr, &ncols);
  case_row row;
  int rc;
  /* ids must be unique: results and test lines are named by them */
  case_ids *ids = case_ids_new();
  while ((rc = cases_next(cr, &row, &e)) != 0) {
    int first = rc >= 1 ? case_ids_check(ids, row.id, row.line) : 0;
    if (first) {
      err *dup = case_ids_error(cases_name(cr), row.line, row.id_col, row.id, first);
      add_errors_of_kind(r, dup, cases_name(cr), dup_id_kind);
      err_free(dup);
    }
    if (rc != 1) {
      add_errors_of_kind(r, e, cases_name(cr), row_error_kind);
      err_free(e);
      e = NULL;
      if (rc < 0) break;
      continue;
    }
    for (int i = 0; i < ncols; i++)
      if (row.expect[i] && row.expect[i][0])
        check_expect_cell(p, cases_name(cr), row.line, &cols[i], row.expect[i], r);
  }
  case_ids_free(ids);
  cases_close(cr);
  return 0;
}
