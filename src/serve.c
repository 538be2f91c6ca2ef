/* serve: the page and the API (the app), behind libmicrohttpd (the server). */
#include "serve.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bufpool.h"
#include "cases.h"
#include "cli.h"
#include "explain.h"
#include "html.h"
#include "interview.h"
#include "quiz.h"
#include "reach.h"
#include "render.h"
#include "render_ask.h"
#include "render_jansson.h"
#include "row_handlers.h"
#include "whatif.h"

#include "serve.css.h"
#include "serve.html.h"
#include "serve.js.h"

/* ---- packs for the threads ------------------------------------------------ */

/* Rule functions run in the pack's Lua state, which one thread at a time may
 * use: a pack with them gets a copy per thread, as the row driver's workers
 * do; a pack without them is plain C data that every thread reads. */
/* A JSON renderer of eval, kept between requests: made once per set of
 * opinions (the bits of ops) on a pack, then pointed at each request's
 * memory with render_set_output. What it prepares once per pack (every
 * node's, fact's and authority's JSON) is most of a small row's work. */
#define POOL_RENDERERS 8
typedef struct kept_renderer {
  uint64_t ops;      /* the opinions it was made for, as bits */
  int depth;         /* and the depth of its trees (-1: all) */
  int *opinions;     /* owned: the same as a list, which the renderer borrows */
  renderer *r;       /* NULL: an empty place */
  void *state;       /* eval's handler state for r, kept with it: its
                      * analysis of the pack is made once */
} kept_renderer;

static void kept_free(kept_renderer *kr, const row_handler *h) {
  if (kr->state) h->close(kr->state);
  render_free(kr->r);
  free(kr->opinions);
  *kr = (kept_renderer){0};
}

typedef struct pack_pool {
  const pack **packs;
  pack **owned;      /* the copies, or NULL */
  kept_renderer (*kept)[POOL_RENDERERS]; /* per slot */
  bool *busy;
  int n;
  pthread_mutex_t mu;
  pthread_cond_t cv;
} pack_pool;

static int pool_init(pack_pool *pl, const pack *p, const serve_options *o, int n, err **e) {
  pl->n = n;
  pl->packs = xcalloc((size_t)n, sizeof *pl->packs);
  pl->busy = xcalloc((size_t)n, sizeof *pl->busy);
  pl->kept = xcalloc((size_t)n, sizeof *pl->kept);
  pthread_mutex_init(&pl->mu, NULL);
  pthread_cond_init(&pl->cv, NULL);
  if (p->nrule_functions > 0) {
    pl->owned = xcalloc((size_t)n, sizeof *pl->owned);
    for (int i = 0; i < n; i++) {
      if (!(pl->owned[i] = pack_load(o->pack_path, o->pack_opts, e))) return -1;
      pl->packs[i] = pl->owned[i];
    }
  } else {
    for (int i = 0; i < n; i++) pl->packs[i] = p;
  }
  return 0;
}

static int pool_take(pack_pool *pl) {
  pthread_mutex_lock(&pl->mu);
  int got = -1;
  for (;;) {
    for (int i = 0; i < pl->n && got < 0; i++)
      if (!pl->busy[i]) got = i;
    if (got >= 0) break;
    pthread_cond_wait(&pl->cv, &pl->mu);
  }
  pl->busy[got] = true;
  pthread_mutex_unlock(&pl->mu);
  return got;
}

static void pool_give(pack_pool *pl, int i) {
  pthread_mutex_lock(&pl->mu);
  pl->busy[i] = false;
  pthread_cond_signal(&pl->cv);
  pthread_mutex_unlock(&pl->mu);
}

static void pool_free(pack_pool *pl) {
  for (int i = 0; pl->kept && i < pl->n; i++)
    for (int k = 0; k < POOL_RENDERERS; k++) kept_free(&pl->kept[i][k], &row_handler_eval);
  free(pl->kept);
  for (int i = 0; pl->owned && i < pl->n; i++) pack_free(pl->owned[i]);
  free(pl->owned);
  free(pl->packs);
  free(pl->busy);
  pthread_mutex_destroy(&pl->mu);
  pthread_cond_destroy(&pl->cv);
}

/* ---- the app's documents --------------------------------------------------- */

struct serve_app {
  const pack *p;
  pack_pool pool;
  bufpool *bodies;             /* the API's reply bodies, reused */
  volatile sig_atomic_t *stop;
  char *facts, *layout, *rows; /* made once: GET /api/facts, /api/layout, /api/rows */
  size_t facts_len, layout_len, rows_len;
  int local_port;              /* > 0: only Host names of this machine, on this port */
  case_row **bases;            /* owned: the pack's own case rows, which a
                                * generated quiz varies (read once) */
  int nbases;
  err *bases_err;              /* owned: why they could not be read, or NULL */
};

static char *dump(json_t *j, size_t *len) {
  char *s = json_dumps(j, RENDER_DUMP_FLAGS);
  json_decref(j);
  size_t n = strlen(s);
  s = xrealloc(s, n + 2);
  s[n++] = '\n';
  s[n] = '\0';
  *len = n;
  return s;
}

static json_t *pack_head(const pack *p) {
  json_t *j = json_object();
  json_object_set_new(j, "name", render_jstr(p->name));
  json_object_set_new(j, "title", render_jstr(p->title));
  json_object_set_new(j, "case", render_jstr(p->case_name));
  return j;
}

/* ratio facts --format json, by its renderer. */
static char *facts_doc(const pack *p, size_t *len) {
  char *buf = NULL;
  FILE *m = xopen_memstream(&buf, len);
  render_setup rs = {.out = m, .p = p};
  err *e = NULL;
  renderer *r = render_new(RENDER_FACTS, "json", &rs, &e);
  render_item it = {.n = 0};
  r->item(r, &it);
  render_free(r);
  fclose(m);
  return buf;
}

/* The form's layout: the facts grouped by the element they feed (see
 * reach_groups), findings with the element whose node they supply, the
 * page's modes. */
static char *layout_doc(const pack *p, const char *source, size_t *len) {
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  int nops = pack_opinions_in_force(p, -1, ops);
  int *elements = xcalloc((size_t)p->nnodes + 1, sizeof *elements);
  int *group_of = xcalloc((size_t)p->nfacts + 1, sizeof *group_of);
  int *node_group_of = xcalloc((size_t)p->nnodes + 1, sizeof *node_group_of);
  int n = reach_groups(p, ops, nops, elements, group_of, node_group_of);
  json_t *top = json_object(), *groups = json_array();
  json_object_set_new(top, "schema", json_string("ratio.layout/1"));
  json_object_set_new(top, "pack", pack_head(p));
  json_object_set_new(top, "source", render_jstr(source));
  char tbuf[128];
  /* a group per element that takes a fact or a finding, then the rest */
  for (int g = 0; g <= n; g++) {
    json_t *facts = json_array(), *findings = json_array();
    for (int f = 0; f < p->nfacts; f++)
      if (group_of[f] == (g < n ? g : -1)) json_array_append_new(facts, json_string(p->facts[f].name));
    for (int i = 0; i < p->nnodes; i++)
      if (p->nodes[i].finding && node_group_of[i] == (g < n ? g : -1))
        json_array_append_new(findings, json_string(p->nodes[i].name));
    if (json_array_size(facts) + json_array_size(findings) == 0) {
      json_decref(facts);
      json_decref(findings);
      continue;
    }
    json_t *x = json_object();
    json_object_set_new(x, "node", g < n ? json_string(p->nodes[elements[g]].name) : json_null());
    json_object_set_new(x, "title",
                        json_string(g < n ? explain_node_title(&p->nodes[elements[g]], tbuf, sizeof tbuf) : "Other facts"));
    json_object_set_new(x, "facts", facts);
    json_object_set_new(x, "findings", findings);
    json_array_append_new(groups, x);
  }
  json_object_set_new(top, "groups", groups);
  /* the page's modes */
  json_t *modes = json_array();
  json_array_append_new(modes, json_string("form"));
  json_array_append_new(modes, json_string("ask"));
  json_array_append_new(modes, json_string("quiz"));
  json_object_set_new(top, "modes", modes);
  free(ops);
  free(elements);
  free(group_of);
  free(node_group_of);
  return dump(top, len);
}

/* A row's facts and findings as the cells that state them (blank ones
 * left out), so that the page can load it and send it back. */
static json_t *row_cells(const pack *p, const case_row *row) {
  json_t *j = json_object();
  char buf[64];
  for (int f = 0; f < p->nfacts; f++) {
    const case_value *v = &row->facts[f];
    if (v->v == RV_UNKNOWN) continue;
    const pack_fact *pf = &p->facts[f];
    const char *text = NULL;
    if (pf->type == FACT_NUMBER) {
      snprintf(buf, sizeof buf, "%.15g", v->num);
      text = buf;
    } else {
      text = explain_fact_text(p, row, f, buf, sizeof buf);
    }
    json_object_set_new(j, pf->name, json_string(text));
  }
  for (int n = 0; n < p->nnodes; n++)
    if (row->has_finding[n]) json_object_set_new(j, p->nodes[n].name, json_string(pack_node_value_name(&p->nodes[n], row->findings[n])));
  return j;
}

/* The rows of the case file, for the page's list; a row that cannot be
 * read is listed with its error. Returns NULL with *e set when the file
 * cannot be read at all. */
static char *rows_doc(const pack *p, const char *path, size_t *len, err **e) {
  json_t *top = json_object(), *rows = json_array();
  json_object_set_new(top, "schema", json_string("ratio.rows/1"));
  bool truncated = false;
  if (path) {
    case_reader *cr = cases_open(p, path, e);
    if (!cr) {
      json_decref(top);
      json_decref(rows);
      return NULL;
    }
    json_object_set_new(top, "source", json_string(cases_name(cr)));
    for (;;) {
      case_row row;
      err *re = NULL;
      int got = cases_next(cr, &row, &re);
      if (got == 0) break;
      if (got < 0) {
        *e = re;
        cases_close(cr);
        json_decref(top);
        json_decref(rows);
        return NULL;
      }
      if (json_array_size(rows) == SERVE_MAX_ROWS) {
        truncated = true;
        err_free(re);
        break;
      }
      json_t *x = json_object();
      json_object_set_new(x, "id", json_string(row.id ? row.id : ""));
      if (row.title && got == 1) json_object_set_new(x, "title", json_string(row.title));
      if (row.note && got == 1) json_object_set_new(x, "note", json_string(row.note));
      json_object_set_new(x, "line", json_integer(row.line));
      if (got == 2) {
        char *text = NULL;
        size_t n = 0;
        FILE *m = xopen_memstream(&text, &n);
        err_print(re, m);
        fclose(m);
        if (n && text[n - 1] == '\n') text[n - 1] = '\0';
        json_object_set_new(x, "error", json_string(text));
        free(text);
        err_free(re);
      } else {
        json_object_set_new(x, "facts", row_cells(p, &row));
      }
      json_array_append_new(rows, x);
    }
    cases_close(cr);
  } else {
    json_object_set_new(top, "source", json_null());
  }
  json_object_set_new(top, "rows", rows);
  json_object_set_new(top, "truncated", json_boolean(truncated));
  return dump(top, len);
}

serve_app *serve_app_new(const pack *p, const serve_options *o, int threads, err **e) {
  serve_app *a = xcalloc(1, sizeof *a);
  a->p = p;
  a->stop = o->stop;
  /* a body per request being decided and one per reply being sent */
  a->bodies = bufpool_new(2 * threads);
  if (pool_init(&a->pool, p, o, threads, e) != 0 ||
      !(a->rows = rows_doc(p, o->cases_path, &a->rows_len, e))) {
    serve_app_free(a);
    return NULL;
  }
  a->facts = facts_doc(p, &a->facts_len);
  json_t *src = NULL;
  size_t n = 0;
  char *doc = NULL;
  /* the layout names the same source as the rows */
  json_t *rows = json_loads(a->rows, 0, NULL);
  src = rows ? json_object_get(rows, "source") : NULL;
  doc = layout_doc(p, src && json_is_string(src) ? json_string_value(src) : NULL, &n);
  json_decref(rows);
  a->layout = doc;
  a->layout_len = n;
  /* as `ratio quiz PACK --generate N` without -f reads them; a file that
   * cannot be read fails only the requests that generate */
  if (quiz_read_bases(p, (const char *const *)p->cases, p->ncases, &a->bases, &a->nbases, &a->bases_err) != 0 &&
      !a->bases_err)
    a->bases_err = err_new(NULL, 0, 0, "the pack's case files cannot be read");
  return a;
}

void serve_app_free(serve_app *a) {
  if (!a) return;
  if (a->pool.packs) pool_free(&a->pool);
  bufpool_free(a->bodies);
  free(a->facts);
  free(a->layout);
  free(a->rows);
  quiz_bases_free(a->bases, a->nbases);
  err_free(a->bases_err);
  free(a);
}

void serve_app_local_only(serve_app *a, int port) { a->local_port = port; }

/* ---- replies ---------------------------------------------------------------- */

static void reply_text(serve_reply *rp, int status, const char *type, char *body, size_t len) {
  *rp = (serve_reply){.status = status, .type = type, .body = body, .len = len};
}

static void reply_static(serve_reply *rp, const char *type, const char *body, size_t len) {
  *rp = (serve_reply){.status = 200, .type = type, .body = (char *)body, .len = len, .is_static = true};
}

/* A body from the app's pool, which goes back once the reply is sent. */
static void reply_pooled(serve_reply *rp, int status, const char *type, pooled_buf *b) {
  *rp = (serve_reply){.status = status, .type = type, .body = b->data, .len = b->len, .pooled = b};
}

/* A copy of a document made once. */
static void reply_doc(serve_reply *rp, const char *doc, size_t len) {
  char *copy = xmalloc(len + 1);
  memcpy(copy, doc, len + 1);
  reply_text(rp, 200, "application/json", copy, len);
}

/* {"error":{"status":N,"message":"..."[,"errors":[...]]}} */
static void reply_error(serve_reply *rp, int status, json_t *errors, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void reply_error(serve_reply *rp, int status, json_t *errors, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char buf[2048];
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  const char *msg = buf;
  json_t *top = json_object(), *x = json_object();
  json_object_set_new(x, "status", json_integer(status));
  json_object_set_new(x, "message", json_string(msg));
  if (errors) json_object_set_new(x, "errors", errors);
  json_object_set_new(top, "error", x);
  size_t len;
  char *body = dump(top, &len);
  reply_text(rp, status, "application/json", body, len);
}

void serve_reply_free(serve_reply *rp) {
  if (rp->pooled) bufpool_give(rp->pooled);
  else if (!rp->is_static) free(rp->body);
  rp->body = NULL;
  rp->pooled = NULL;
}

/* ---- the API ---------------------------------------------------------------- */

/* What a request decides a row for: a command's handler and renderer, or
 * an endpoint of its own. */
typedef struct api_kind {
  const char *path;
  render_kind kind;
  const row_handler *handler; /* NULL: `own` answers */
  void (*own)(serve_app *a, const serve_request *rq, serve_reply *rp); /* the interview, the quiz */
} api_kind;

/* A fact's value in a request as the text of its cell; NULL when the JSON
 * value cannot be one. */
static char *cell_text(const json_t *v) {
  switch (json_typeof(v)) {
  case JSON_STRING: return xstrdup(json_string_value(v));
  case JSON_NULL: return xstrdup("");
  case JSON_TRUE: return xstrdup("yes");
  case JSON_FALSE: return xstrdup("no");
  case JSON_INTEGER: return xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
  case JSON_REAL: return xasprintf("%.17g", json_real_value(v));
  default: return NULL;
  }
}

/* The errors of a row made from a request, as the API reports them: each
 * with the fact it names (from the --set position cases_set_row gives it),
 * its message and its hint, the same words as the command line's. */
static json_t *row_errors(const err *e, char **first) {
  json_t *arr = json_array();
  *first = NULL;
  for (int k = 0; e; e = e->next, k++) {
    if (k == 20) break; /* enough to fix; the rest are like them */
    json_t *x = json_object();
    const char *opt = e->file && strncmp(e->file, "--set ", 6) == 0 ? e->file + 6 : NULL;
    const char *eq = opt ? strchr(opt, '=') : NULL;
    if (opt) {
      char *name = eq ? xstrndup(opt, (size_t)(eq - opt)) : xstrdup(opt);
      json_object_set_new(x, "fact", json_string(name));
      free(name);
    }
    json_object_set_new(x, "message", json_string(e->msg));
    json_object_set_new(x, "hint", render_jstr(e->hint));
    if (!*first) *first = e->hint ? xasprintf("%s; %s", e->msg, e->hint) : xstrdup(e->msg);
    json_array_append_new(arr, x);
  }
  return arr;
}

static void free_sets(char **sets, int n) {
  for (int i = 0; i < n; i++) free(sets[i]);
  free(sets);
}

/* The row of a request as --set options: id, title and note, then each fact
 * in the order given. `own` names the keys an endpoint read and took out
 * before (NULL: none), for the message that refuses an unknown key.
 * Returns the count, or -1 after replying. */
static int request_sets_own(const json_t *req, const char *own, char ***out, serve_reply *rp) {
  static const char *const keys[] = {"id", "title", "note", "facts", "opinion", "as_of", "all_opinions"};
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)req, key, v) {
    size_t k = 0;
    while (k < sizeof keys / sizeof keys[0] && strcmp(key, keys[k]) != 0) k++;
    if (k == sizeof keys / sizeof keys[0]) {
      reply_error(rp, 400, NULL, "unknown key '%s' in the request (keys: id, title, note, facts, opinion, as_of, all_opinions%s%s)",
                  key, own ? ", " : "", own ? own : "");
      return -1;
    }
    if (k == 6 && !json_is_boolean(v) && !json_is_null(v)) {
      reply_error(rp, 400, NULL, "'all_opinions' must be true or false");
      return -1;
    }
    if (k != 3 && k != 6 && !json_is_string(v) && !json_is_null(v)) {
      reply_error(rp, 400, NULL, "'%s' must be a string", key);
      return -1;
    }
  }
  const json_t *facts = json_object_get(req, "facts");
  if (facts && !json_is_object(facts) && !json_is_null(facts)) {
    reply_error(rp, 400, NULL, "'facts' must be an object of FACT: VALUE, e.g. {\"status\": \"free\"}");
    return -1;
  }
  size_t nfacts = facts && json_is_object(facts) ? json_object_size(facts) : 0;
  if (nfacts > CLI_MAX_SETS) {
    reply_error(rp, 400, NULL, "more than %d facts in one request", CLI_MAX_SETS);
    return -1;
  }
  char **sets = xcalloc(nfacts + 4, sizeof *sets);
  int n = 0;
  for (int k = 0; k < 3; k++) {
    const json_t *s = json_object_get(req, keys[k]);
    if (s && json_is_string(s)) sets[n++] = xasprintf("%s=%s", keys[k], json_string_value(s));
  }
  if (nfacts) {
    json_object_foreach((json_t *)facts, key, v) {
      char *text = cell_text(v);
      if (!text) {
        reply_error(rp, 400, NULL, "facts.%s: a value must be a string (or null for unknown)", key);
        free_sets(sets, n);
        return -1;
      }
      if (strchr(key, '=')) {
        /* it would be split there; no fact has one in its name */
        reply_error(rp, 400, NULL, "unknown fact '%.200s'", key);
        free(text);
        free_sets(sets, n);
        return -1;
      }
      sets[n++] = xasprintf("%s=%s", key, text);
      free(text);
    }
  }
  *out = sets;
  return n;
}

/* A request's body as a JSON object; NULL after replying. */
static json_t *request_body(const serve_request *rq, serve_reply *rp) {
  json_error_t jerr;
  json_t *req = json_loadb(rq->body ? rq->body : "", rq->len, JSON_REJECT_DUPLICATES, &jerr);
  if (!req) {
    reply_error(rp, 400, NULL, "the body is not JSON: %s (line %d, column %d)", jerr.text, jerr.line, jerr.column);
    return NULL;
  }
  if (!json_is_object(req)) {
    json_decref(req);
    reply_error(rp, 400, NULL, "the body must be a JSON object: {\"id\": \"...\", \"facts\": {\"FACT\": \"VALUE\"}}");
    return NULL;
  }
  return req;
}

/* The errors of a request's row or opinions as a 400, in the command
 * line's words. Frees e. */
static void reply_row_errors(serve_reply *rp, err *e) {
  char *first = NULL;
  json_t *errs = row_errors(e, &first);
  reply_error(rp, 400, errs, "%s", first);
  free(first);
  err_free(e);
}

/* The opinions a request decides under, into ops (room for every opinion):
 * as the command line, the case's own unless it names an opinion, a date
 * or all of them. Returns the count, or -1 after replying. */
static int request_opinions(const pack *p, const json_t *req, int *ops, serve_reply *rp) {
  const json_t *jall = json_object_get(req, "all_opinions");
  bool all = jall && json_is_true(jall);
  const json_t *jo = json_object_get(req, "opinion"), *ja = json_object_get(req, "as_of");
  const char *opinion = jo && json_is_string(jo) ? json_string_value(jo) : NULL;
  const char *as_of = ja && json_is_string(ja) ? json_string_value(ja) : NULL;
  err *e = NULL;
  int nops = !opinion && !as_of && !all ? pack_case_opinions(p, ops) : cli_opinions(p, opinion, as_of, ops, &e);
  if (nops < 0) reply_row_errors(rp, e);
  return nops;
}

/* A request's opinions (request_opinions), with its facts checked before
 * anything is decided, as the command line checks every --set first.
 * Returns the count of opinions, or -1 after replying. */
static int request_row(const pack *p, const json_t *req, char **sets, int nsets, int *ops, case_row **row,
                       serve_reply *rp) {
  int nops = request_opinions(p, req, ops, rp);
  if (nops < 0) return -1;
  err *e = NULL;
  /* a pack's copies read a row as the pack does: it can be decided on any */
  if (!(*row = cases_set_row(p, NULL, (const char *const *)sets, nsets, &e))) {
    reply_row_errors(rp, e);
    return -1;
  }
  return nops;
}


/* eval's own key, "depth": the levels of elements below each outcome, as
 * `--depth N` (0: the outcome alone), or -1 when absent; it is taken out of
 * the request. Returns 0, or -1 after replying. */
static int request_depth(json_t *req, int *depth, serve_reply *rp) {
  *depth = -1;
  const json_t *jd = json_object_get(req, "depth");
  if (!jd || json_is_null(jd)) {
    json_object_del(req, "depth");
    return 0;
  }
  if (!json_is_integer(jd) || json_integer_value(jd) < 0 || json_integer_value(jd) > 1000) {
    reply_error(rp, 400, NULL, "'depth' must be a whole number from 0 to 1000 (0: the outcome alone)");
    return -1;
  }
  *depth = (int)json_integer_value(jd);
  json_object_del(req, "depth");
  return 0;
}

static void api_decide(serve_app *a, const api_kind *k, const serve_request *rq, serve_reply *rp) {
  json_t *req = request_body(rq, rp);
  if (!req) return;
  int depth = -1;
  if (k->kind == RENDER_EVAL && request_depth(req, &depth, rp) != 0) {
    json_decref(req);
    return;
  }
  char **sets = NULL;
  int nsets = request_sets_own(req, k->kind == RENDER_EVAL ? "depth" : NULL, &sets, rp);
  if (nsets < 0) {
    json_decref(req);
    return;
  }
  const pack *p = a->p;
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  err *e = NULL;
  case_row *row = NULL;
  int nops = request_row(p, req, sets, nsets, ops, &row, rp);
  if (nops >= 0) {
    int slot = pool_take(&a->pool);
    const pack *sp = a->pool.packs[slot];
    pooled_buf *body = bufpool_take(a->bodies);
    char *diag = NULL;
    size_t diag_len = 0;
    FILE *mo = bufpool_stream(body), *md = xopen_memstream(&diag, &diag_len);
    render_setup rs = {.out = mo, .diag = md, .p = sp, .opinions = ops, .nopinions = nops,
                       .limit_depth = depth >= 0, .depth = depth};
    /* eval's renderer holds nothing from row to row but what it prepared
     * for the pack: it is kept for the next request with these opinions */
    uint64_t bits = 0;
    bool keep = k->kind == RENDER_EVAL && p->nopinions <= 64;
    for (int i = 0; keep && i < nops; i++) bits |= (uint64_t)1 << ops[i];
    kept_renderer *kr = NULL;
    for (int i = 0; keep && i < POOL_RENDERERS && !kr; i++)
      if (a->pool.kept[slot][i].ops == bits && a->pool.kept[slot][i].depth == depth && a->pool.kept[slot][i].r)
        kr = &a->pool.kept[slot][i];
    for (int i = 0; keep && i < POOL_RENDERERS && !kr; i++)
      if (!a->pool.kept[slot][i].r) kr = &a->pool.kept[slot][i];
    if (keep && !kr) {
      /* full: the oldest makes room */
      kept_free(&a->pool.kept[slot][0], k->handler);
      memmove(&a->pool.kept[slot][0], &a->pool.kept[slot][1], sizeof *kr * (POOL_RENDERERS - 1));
      kr = &a->pool.kept[slot][POOL_RENDERERS - 1];
      *kr = (kept_renderer){0};
    }
    renderer *r = NULL;
    if (kr && kr->r) {
      r = kr->r;
      render_set_output(r, mo, md);
    } else if (kr) {
      kr->ops = bits;
      kr->depth = depth;
      kr->opinions = xcalloc((size_t)nops + 1, sizeof *kr->opinions);
      memcpy(kr->opinions, ops, sizeof *ops * (size_t)nops);
      rs.opinions = kr->opinions;
      r = kr->r = render_new(k->kind, "json", &rs, &e);
      kr->state = k->handler->open(k->handler->ud, sp, r);
    } else {
      r = render_new(k->kind, "json", &rs, &e);
    }
    whatif_options wo = {WHATIF_DEFAULT_BUDGET};
    row_handler h = *k->handler;
    if (k->kind == RENDER_WHATIF) h.ud = &wo;
    batch_options bo = {.handler = &h, .row = row, .handler_state = kr ? kr->state : NULL, .stop = a->stop};
    render_summary sum;
    int rc = batch_run(sp, NULL, 0, &bo, r, &sum, &e);
    if (!kr) render_free(r);
    fclose(mo);
    fclose(md);
    pool_give(&a->pool, slot);
    if (rc != 0) {
      reply_error(rp, 503, NULL, "%s", e ? e->msg : "the row could not be decided");
      err_free(e);
      bufpool_give(body);
    } else if (body->len == 0) {
      /* whatif: a rule failed, and the reason went where the command line
       * prints it */
      if (diag_len && diag[diag_len - 1] == '\n') diag[diag_len - 1] = '\0';
      reply_error(rp, 422, NULL, "%s", diag_len ? diag : "a rule failed on the row");
      bufpool_give(body);
    } else {
      reply_pooled(rp, 200, "application/json", body);
    }
    free(diag);
  }
  cases_row_free(row);
  free(ops);
  free_sets(sets, nsets);
  json_decref(req);
}

/* ---- the interview: POST /api/ask -------------------------------------------- */

/* The facts a request leaves unknown on purpose ("unknown": [FACT, ...]),
 * as fact indexes into *out (the caller frees it). Returns the count, or -1
 * after replying. */
static int request_unknown(const pack *p, const json_t *ju, int **out, serve_reply *rp) {
  *out = NULL;
  if (!ju || json_is_null(ju)) return 0;
  if (!json_is_array(ju)) {
    reply_error(rp, 400, NULL, "'unknown' must be a list of fact names, e.g. [\"status\"]");
    return -1;
  }
  size_t n = json_array_size(ju);
  if (n > CLI_MAX_SETS) {
    reply_error(rp, 400, NULL, "more than %d facts in one request", CLI_MAX_SETS);
    return -1;
  }
  int *facts = xcalloc(n + 1, sizeof *facts);
  for (size_t i = 0; i < n; i++) {
    const json_t *v = json_array_get(ju, i);
    int f = json_is_string(v) ? pack_fact_index(p, json_string_value(v)) : -1;
    if (f < 0) {
      if (json_is_string(v)) reply_error(rp, 400, NULL, "unknown fact '%.200s' in 'unknown'", json_string_value(v));
      else reply_error(rp, 400, NULL, "'unknown' must be a list of fact names, e.g. [\"status\"]");
      free(facts);
      return -1;
    }
    facts[i] = f;
  }
  *out = facts;
  return (int)n;
}

/* One step of the interview, without a session: the answers so far are the
 * starting row, the facts answered unknown are answered so again, and the
 * interview library chooses the next question as `ratio ask` does. */
static void api_ask(serve_app *a, const serve_request *rq, serve_reply *rp) {
  json_t *req = request_body(rq, rp);
  if (!req) return;
  const pack *p = a->p;
  int *unknown = NULL;
  int nunknown = request_unknown(p, json_object_get(req, "unknown"), &unknown, rp);
  if (nunknown < 0) {
    json_decref(req);
    return;
  }
  /* the interview's own key is read; the rest is a request as eval's */
  json_object_del(req, "unknown");
  char **sets = NULL;
  int nsets = request_sets_own(req, "unknown", &sets, rp);
  if (nsets < 0) {
    free(unknown);
    json_decref(req);
    return;
  }
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  err *e = NULL;
  case_row *start = NULL;
  int nops = request_row(p, req, sets, nsets, ops, &start, rp);
  if (nops >= 0) {
    int slot = pool_take(&a->pool);
    const pack *sp = a->pool.packs[slot];
    interview *iv = interview_new(sp, ops, nops, start, INTERVIEW_BUDGET);
    for (int i = 0; i < nunknown; i++) {
      err *ue = NULL;
      if (interview_answer(iv, unknown[i], "", &ue) != 0) err_free(ue); /* "" is always an answer */
    }
    interview_result *res = xcalloc((size_t)nops + 1, sizeof *res);
    int fact = -1;
    int rc = interview_next(iv, &fact, &e);
    if (rc == 0) rc = interview_results(iv, res, &e);
    char *out = NULL;
    size_t len = 0;
    if (rc == 0) {
      interview_why w = {0};
      if (fact >= 0) interview_why_of(iv, fact, &w);
      render_ask_step st = {.fact = fact, .why = &w, .opinions = interview_opinions(iv), .results = res,
                            .nresults = nops};
      out = render_ask_step_json(sp, &st, &len);
      if (fact >= 0) interview_why_free(&w);
    }
    free(res);
    interview_free(iv);
    cases_row_free(start);
    pool_give(&a->pool, slot);
    if (rc != 0) {
      reply_error(rp, 422, NULL, "%s", e ? e->msg : "a rule failed on the answers");
      err_free(e);
    } else {
      reply_text(rp, 200, "application/json", out, len);
    }
  }
  free(ops);
  free(unknown);
  free_sets(sets, nsets);
  json_decref(req);
}

/* ---- the quiz: POST /api/quiz ------------------------------------------------ */

/* What a quiz request asks beyond a row: a fact pattern drawn as `ratio
 * quiz --generate N --seed S` draws them, and answers to grade. */
typedef struct quiz_request {
  int generate;     /* N, the fact patterns drawn; 0: the request's row */
  uint64_t seed;
  int number;       /* the one of them asked about, from 1 */
  json_t *answers;  /* owned reference, or NULL: the question only */
} quiz_request;

/* A whole number from lo to hi; -1 when v is none. */
static json_int_t request_count(const json_t *v, json_int_t lo, json_int_t hi) {
  if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi) return -1;
  return json_integer_value(v);
}

/* A seed as --seed takes it: a whole number to 2^63 - 1, in JSON or as
 * its digits in a string (a page's script keeps numbers past 2^53 only as
 * text). Returns 0, or -1 when v is none. */
static int request_seed(const json_t *v, uint64_t *out) {
  if (json_is_integer(v)) {
    if (json_integer_value(v) < 0) return -1;
    *out = (uint64_t)json_integer_value(v);
    return 0;
  }
  if (!json_is_string(v)) return -1;
  const char *t = json_string_value(v);
  char *end;
  errno = 0;
  unsigned long long n = strtoull(t, &end, 10);
  if (t[0] < '0' || t[0] > '9' || *end || errno || n > 9223372036854775807ULL) return -1;
  *out = n;
  return 0;
}

/* The quiz's own keys, read and taken out of req: what is left is a
 * request as eval's. Returns 0, or -1 after replying. */
static int quiz_request_read(json_t *req, quiz_request *qr, serve_reply *rp) {
  const json_t *jg = json_object_get(req, "generate"), *js = json_object_get(req, "seed"),
               *jn = json_object_get(req, "number"), *ja = json_object_get(req, "answers");
  *qr = (quiz_request){0};
  if (jg && !json_is_null(jg) && (qr->generate = (int)request_count(jg, 1, SERVE_MAX_GENERATE)) < 0) {
    reply_error(rp, 400, NULL, "'generate' must be a count from 1 to %d (the fact patterns drawn)", SERVE_MAX_GENERATE);
    return -1;
  }
  bool seeded = js && !json_is_null(js), numbered = jn && !json_is_null(jn);
  if (!qr->generate && (seeded || numbered)) {
    reply_error(rp, 400, NULL, "'%s' goes with 'generate'", seeded ? "seed" : "number");
    return -1;
  }
  if (seeded && request_seed(js, &qr->seed) != 0) {
    reply_error(rp, 400, NULL, "'seed' must be a whole number from 0 to 9223372036854775807");
    return -1;
  }
  if (qr->generate && !seeded) qr->seed = quiz_fresh_seed();
  qr->number = 1;
  if (numbered && (qr->number = (int)request_count(jn, 1, qr->generate)) < 0) {
    reply_error(rp, 400, NULL, "'number' must be from 1 to %d: which of the %d fact patterns drawn", qr->generate,
                qr->generate);
    return -1;
  }
  static const char *const row_keys[] = {"facts", "id", "title", "note"};
  for (size_t i = 0; qr->generate && i < sizeof row_keys / sizeof row_keys[0]; i++) {
    const json_t *v = json_object_get(req, row_keys[i]);
    if (v && !json_is_null(v)) {
      reply_error(rp, 400, NULL, "'generate' draws the fact pattern: give '%s' or 'generate', not both", row_keys[i]);
      return -1;
    }
  }
  if (ja && !json_is_null(ja) && !json_is_object(ja)) {
    reply_error(rp, 400, NULL, "'answers' must be an object: {\"OPINION\": {\"outcome\": \"...\", \"element\": \"...\"}}");
    return -1;
  }
  if (ja && json_is_object(ja)) qr->answers = json_incref((json_t *)ja);
  static const char *const own_keys[] = {"generate", "seed", "number", "answers"};
  for (size_t i = 0; i < sizeof own_keys / sizeof own_keys[0]; i++) json_object_del(req, own_keys[i]);
  return 0;
}

/* An answer's text: a string, or a choice's number; "" when not answered
 * (absent, null or empty); NULL when it can be neither. The caller frees it. */
static char *answer_text(const json_t *v) {
  if (!v || json_is_null(v)) return xstrdup("");
  if (json_is_string(v)) return xstrdup(json_string_value(v));
  if (json_is_integer(v)) return xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
  return NULL;
}

/* The choices an answer may name, for the message that refuses one. */
static char *choices_text(const pack *p, const quiz_round *rd, int k, bool element) {
  char *text = NULL;
  size_t len = 0;
  FILE *m = xopen_memstream(&text, &len);
  if (element) {
    fprintf(m, "a number from 1 to %d, or an element's name or title, or the start of one:", rd->nelements);
    for (int i = 0; i < rd->nelements; i++) fprintf(m, "%s %s", i ? "," : "", p->nodes[rd->elements[i]].name);
  } else {
    int n = quiz_outcome_choices(rd, k);
    const pack_node *d = &p->nodes[p->opinions[rd->keys[k].opinion].decides];
    fprintf(m, "a number from 1 to %d, or", n);
    for (int i = 0; i < n; i++) fprintf(m, "%s %s", i ? "," : "", pack_node_value_name(d, quiz_outcome_choice(rd, k, i)));
  }
  fclose(m);
  return text;
}

/* One opinion's answers ({"outcome": ..., "element": ...}) into *a, read
 * as the command line reads typed ones, and graded; the element only when
 * it is asked, as the command line asks it. Returns 0, or -1 after
 * replying (422 for a text that is none of the choices). */
static int quiz_answer_read(const pack *p, const quiz_round *rd, int k, const json_t *v, quiz_answer *a,
                            serve_reply *rp) {
  const char *name = p->opinions[rd->keys[k].opinion].name;
  const char *key;
  json_t *x;
  if (!json_is_object(v)) {
    reply_error(rp, 400, NULL, "answers.%s must be an object: {\"outcome\": \"...\", \"element\": \"...\"}", name);
    return -1;
  }
  json_object_foreach((json_t *)v, key, x) {
    if (strcmp(key, "outcome") != 0 && strcmp(key, "element") != 0) {
      reply_error(rp, 400, NULL, "unknown key '%.100s' in answers.%s (keys: outcome, element)", key, name);
      return -1;
    }
  }
  for (int element = 0; element < 2; element++) {
    if (element && !quiz_asks_element(rd, k)) break;
    char *text = answer_text(json_object_get(v, element ? "element" : "outcome"));
    int rc = text ? 0 : -1;
    if (!text) reply_error(rp, 400, NULL, "answers.%s.%s must be a string or a number", name, element ? "element" : "outcome");
    else if (text[strspn(text, " \t")] == '\0') rc = 0; /* not answered */
    else if (element ? quiz_parse_element(rd, text, &a->element) : quiz_parse_outcome(rd, k, text, &a->outcome)) {
      char *choices = choices_text(p, rd, k, element);
      reply_error(rp, 422, NULL, "%s: '%.200s' %s: answer with %s", name, text,
                  element ? "names no element, or the start of several" : "is not one of the outcomes", choices);
      free(choices);
      rc = -1;
    }
    free(text);
    if (rc) return -1;
  }
  a->grade = quiz_grade_answer(rd, k, a->outcome, a->element);
  return 0;
}

/* Every opinion's answers, by the opinion's name; one not answered is
 * graded as the command line grades an answer not given. Returns 0, or
 * -1 after replying. */
static int quiz_answers_read(const pack *p, const quiz_round *rd, const json_t *answers, quiz_answer *out,
                             serve_reply *rp) {
  for (int k = 0; k < rd->nkeys; k++) {
    out[k] = (quiz_answer){QUIZ_NO_ANSWER, QUIZ_NO_ANSWER, {false, false}};
    out[k].grade = quiz_grade_answer(rd, k, QUIZ_NO_ANSWER, QUIZ_NO_ANSWER);
  }
  const char *name;
  json_t *v;
  json_object_foreach((json_t *)answers, name, v) {
    int k = 0;
    while (k < rd->nkeys && strcmp(p->opinions[rd->keys[k].opinion].name, name) != 0) k++;
    if (k == rd->nkeys) {
      char *list = NULL;
      size_t len = 0;
      FILE *m = xopen_memstream(&list, &len);
      for (int j = 0; j < rd->nkeys; j++) fprintf(m, "%s%s", j ? ", " : "", p->opinions[rd->keys[j].opinion].name);
      fclose(m);
      reply_error(rp, 400, NULL, "answers: '%.200s' is not an opinion of this quiz (its opinions: %s)", name, list);
      free(list);
      return -1;
    }
    /* a fact pattern outside the pack, or an opinion a rule failed under, asks nothing */
    if (rd->outside >= 0 || rd->keys[k].error) continue;
    if (quiz_answer_read(p, rd, k, v, &out[k], rp) != 0) return -1;
  }
  return 0;
}

/* The fact pattern's question or its grades, on the thread's own pack:
 * the request's row, or the qr->number-th of the fact patterns drawn. */
static void quiz_reply(serve_app *a, const quiz_request *qr, const case_row *asked, const int *ops, int nops,
                      serve_reply *rp) {
  if (qr->generate && a->bases_err) {
    const err *be = a->bases_err;
    reply_error(rp, 500, NULL, "the pack's case files cannot be read to draw fact patterns: %s%s%s", be->file ? be->file : "",
                be->file ? ": " : "", be->msg);
    return;
  }
  int slot = pool_take(&a->pool);
  const pack *sp = a->pool.packs[slot];
  err *e = NULL;
  quiz_hyp *hyps = NULL;
  const case_row *row = NULL;
  if (qr->generate) {
    /* the N drawn, as the command line draws them, for the one asked:
     * each depends on those before it */
    if (quiz_generate(sp, ops, nops, (const case_row *const *)a->bases, a->nbases, qr->seed, qr->generate, &hyps, &e) == 0)
      row = hyps[qr->number - 1].row;
  } else {
    row = asked;
  }
  if (!row) {
    reply_error(rp, 422, NULL, "%s%s", e ? e->msg : "no fact pattern", qr->generate ? "; try another seed" : "");
    err_free(e);
  } else {
    quiz *q = quiz_new(sp, ops, nops);
    const quiz_round *rd = quiz_round_build(q, row);
    quiz_answer *answers = xcalloc((size_t)nops + 1, sizeof *answers);
    if (!qr->answers || quiz_answers_read(sp, rd, qr->answers, answers, rp) == 0) {
      render_quiz rq = {.step = qr->answers ? QUIZ_GRADED : QUIZ_SHOW, .round = rd,
                        .hyp = hyps ? &hyps[qr->number - 1] : NULL, .number = qr->number, .count = qr->generate,
                        .generated = qr->generate > 0, .seed = qr->seed, .answers = answers};
      size_t len = 0;
      char *out = render_quiz_step_json(sp, &rq, &len);
      reply_text(rp, 200, "application/json", out, len);
    }
    free(answers);
    quiz_free(q);
  }
  quiz_hyps_free(hyps, hyps ? qr->generate : 0);
  pool_give(&a->pool, slot);
}

/* A fact pattern of the quiz, without a session: its question, or with
 * the answers, their grades, as `ratio quiz` grades them. */
static void api_quiz(serve_app *a, const serve_request *rq, serve_reply *rp) {
  json_t *req = request_body(rq, rp);
  if (!req) return;
  quiz_request qr;
  char **sets = NULL;
  int nsets = 0;
  int *ops = xcalloc((size_t)a->p->nopinions + 1, sizeof *ops);
  if (quiz_request_read(req, &qr, rp) == 0 && (nsets = request_sets_own(req, "generate, seed, number, answers", &sets, rp)) >= 0) {
    case_row *row = NULL;
    int nops = request_row(a->p, req, sets, nsets, ops, &row, rp);
    if (nops >= 0) quiz_reply(a, &qr, row, ops, nops, rp);
    cases_row_free(row);
  }
  free(ops);
  free_sets(sets, nsets);
  json_decref(qr.answers);
  json_decref(req);
}

/* ---- routes ----------------------------------------------------------------- */

/* Whether Host names this machine, on the port served. */
static bool host_is_local(const char *host, int port) {
  if (!host) return false;
  static const char *const names[] = {"127.0.0.1", "localhost", "[::1]"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    size_t n = strlen(names[i]);
    if (strncmp(host, names[i], n) != 0) continue;
    if (host[n] == '\0') return port == 80;
    if (host[n] == ':' && atoi(host + n + 1) == port) return true;
  }
  return false;
}

static const api_kind api_kinds[] = {
    {"/api/eval", RENDER_EVAL, &row_handler_eval, NULL},
    {"/api/compare", RENDER_COMPARE, &row_handler_compare, NULL},
    {"/api/whatif", RENDER_WHATIF, &row_handler_whatif_base, NULL},
    {"/api/ask", RENDER_EVAL, NULL, api_ask},
    {"/api/quiz", RENDER_QUIZ, NULL, api_quiz},
};

void serve_app_handle(serve_app *a, const serve_request *rq, serve_reply *rp) {
  const char *path = rq->path ? rq->path : "";
  bool get = strcmp(rq->method, "GET") == 0 || strcmp(rq->method, "HEAD") == 0;
  bool post = strcmp(rq->method, "POST") == 0;
  if (a->local_port > 0 && !host_is_local(rq->host, a->local_port)) {
    reply_error(rp, 421, NULL,
                "this server answers only to this machine's own names (127.0.0.1, localhost); "
                "start it with --bind to serve other machines");
    return;
  }
  for (size_t i = 0; i < sizeof api_kinds / sizeof api_kinds[0]; i++) {
    if (strcmp(path, api_kinds[i].path) != 0) continue;
    if (!post) {
      reply_error(rp, 405, NULL, "%s takes POST with a JSON row", path);
      rp->allow = "POST";
      return;
    }
    /* a form posted from another site cannot say it is JSON */
    if (!rq->content_type || strncmp(rq->content_type, "application/json", 16) != 0) {
      reply_error(rp, 415, NULL, "send the row as Content-Type: application/json");
      return;
    }
    if (api_kinds[i].own) api_kinds[i].own(a, rq, rp);
    else api_decide(a, &api_kinds[i], rq, rp);
    return;
  }
  struct {
    const char *path;
    const char *type;
    const char *body;
    size_t len;
  } docs[] = {
      {"/", "text/html; charset=utf-8", ratio_serve_html, ratio_serve_html_len},
      {"/serve.js", "text/javascript; charset=utf-8", ratio_serve_js, ratio_serve_js_len},
      {"/serve.css", "text/css; charset=utf-8", ratio_serve_css, ratio_serve_css_len},
      {"/report.css", "text/css; charset=utf-8", html_style(NULL), 0},
      {"/api/facts", "application/json", a->facts, a->facts_len},
      {"/api/layout", "application/json", a->layout, a->layout_len},
      {"/api/rows", "application/json", a->rows, a->rows_len},
  };
  html_style(&docs[3].len);
  for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
    if (strcmp(path, docs[i].path) != 0) continue;
    if (!get) {
      reply_error(rp, 405, NULL, "%s takes GET", path);
      rp->allow = "GET, HEAD";
      return;
    }
    if (strncmp(path, "/api/", 5) == 0) reply_doc(rp, docs[i].body, docs[i].len);
    else reply_static(rp, docs[i].type, docs[i].body, docs[i].len);
    rp->page = i == 0;
    return;
  }
  reply_error(rp, 404, NULL, "no such page: %.200s (the page is /, the API under /api/)", path);
}

/* ---- the server ----------------------------------------------------------------- */

struct server {
  serve_app *app;
  struct MHD_Daemon *d;
  int port;
  bool local;
};

/* A request's state across the calls libmicrohttpd makes for it. */
typedef struct conn_state {
  char *body;
  size_t len, cap;
  bool too_big;  /* past SERVE_MAX_BODY: what follows is dropped */
  bool answered; /* a reply was queued before the body came */
} conn_state;

static void give_back(void *body) { bufpool_give(body); }

static enum MHD_Result send_reply(struct MHD_Connection *c, serve_reply *rp) {
  struct MHD_Response *r =
      rp->pooled ? MHD_create_response_from_buffer_with_free_callback_cls(rp->len, rp->body, give_back, rp->pooled)
                 : MHD_create_response_from_buffer(rp->len, rp->body,
                                                   rp->is_static ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_FREE);
  if (!r) {
    serve_reply_free(rp);
    return MHD_NO;
  }
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rp->type ? rp->type : "application/json");
  MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(r, "X-Frame-Options", "DENY");
  if (rp->page)
    /* the page runs its own script and styles only, and talks to its own
     * server only */
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                            "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  if (rp->allow) MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, rp->allow);
  enum MHD_Result ok = MHD_queue_response(c, (unsigned)rp->status, r);
  MHD_destroy_response(r);
  return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg) {
  serve_reply rp;
  reply_error(&rp, status, NULL, "%s", msg);
  return send_reply(c, &rp);
}

/* Adds up the length of the query's arguments. */
static enum MHD_Result add_arg_len(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
  (void)kind;
  size_t *n = cls;
  *n += strlen(key) + (value ? strlen(value) : 0) + 2;
  return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls) {
  (void)version;
  server *s = cls;
  conn_state *cs = *con_cls;
  if (!cs) {
    cs = xcalloc(1, sizeof *cs);
    *con_cls = cs;
    size_t n = strlen(url);
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_arg_len, &n);
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (n > SERVE_MAX_URL) {
      cs->answered = true;
      return send_error(c, 414, "the address is too long (the limit is 8192 bytes)");
    }
    if (cl && strtoull(cl, NULL, 10) > SERVE_MAX_BODY) {
      cs->answered = true;
      return send_error(c, 413, "the request body is too large (the limit is 65536 bytes)");
    }
    return MHD_YES;
  }
  if (cs->answered) {
    *upload_size = 0;
    return MHD_YES;
  }
  if (*upload_size) {
    size_t n = *upload_size;
    *upload_size = 0;
    if (cs->too_big || cs->len + n > SERVE_MAX_BODY) {
      /* a body sent without its length: dropped once past the cap */
      cs->too_big = true;
      return MHD_YES;
    }
    if (cs->len + n + 1 > cs->cap) cs->body = xrealloc(cs->body, cs->cap = cs->len + n + 1 > 2 * cs->cap ? cs->len + n + 1 : 2 * cs->cap);
    memcpy(cs->body + cs->len, upload, n);
    cs->len += n;
    return MHD_YES;
  }
  cs->answered = true;
  if (cs->too_big) return send_error(c, 413, "the request body is too large (the limit is 65536 bytes)");
  serve_request rq = {.method = method, .path = url, .body = cs->body, .len = cs->len,
                      .host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST),
                      .content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE)};
  serve_reply rp = {0};
  serve_app_handle(s->app, &rq, &rp);
  return send_reply(c, &rp);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t) {
  (void)cls;
  (void)c;
  (void)t;
  conn_state *cs = *con_cls;
  if (!cs) return;
  free(cs->body);
  free(cs);
  *con_cls = NULL;
}

/* The listening socket, made here so that a port in use is reported as
 * such. Returns the socket, or -1 with *e set. */
static int listen_on(const char *bind_addr, int port, bool *local, bool *v6, err **e) {
  struct sockaddr_storage ss;
  memset(&ss, 0, sizeof ss);
  socklen_t len = 0;
  const char *addr = !bind_addr || strcmp(bind_addr, "localhost") == 0 ? "127.0.0.1" : bind_addr;
  struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
  struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
  if (inet_pton(AF_INET, addr, &in4->sin_addr) == 1) {
    in4->sin_family = AF_INET;
    in4->sin_port = htons((uint16_t)port);
    len = sizeof *in4;
    *local = (ntohl(in4->sin_addr.s_addr) >> 24) == 127;
    *v6 = false;
  } else if (inet_pton(AF_INET6, addr, &in6->sin6_addr) == 1) {
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons((uint16_t)port);
    len = sizeof *in6;
    *local = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
    *v6 = true;
  } else {
    *e = err_hint(err_new(NULL, 0, 0, "--bind '%s' is not an IP address", bind_addr),
                  "e.g. --bind 127.0.0.1 (this machine only, the default), --bind 0.0.0.0 (every IPv4 address) or --bind ::");
    return -1;
  }
  int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  int one = 1;
  if (fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (fd < 0 || bind(fd, (struct sockaddr *)&ss, len) != 0 || listen(fd, 512) != 0) {
    int code = errno;
    if (fd >= 0) close(fd);
    *e = err_new(NULL, 0, 0, "cannot listen on %s port %d: %s", addr, port, strerror(code));
    if (code == EADDRINUSE) err_hint(*e, "another program uses the port: pick another with --port N, or --port 0 for any free one");
    return -1;
  }
  return fd;
}

server *serve_start(const pack *p, const serve_options *o, err **e) {
  bool local = true, v6 = false;
  int fd = listen_on(o->bind, o->port, &local, &v6, e);
  if (fd < 0) return NULL;
  int threads = o->threads;
  if (threads <= 0) {
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    threads = ncpu > 0 ? (int)(2 * ncpu) : 4;
    if (threads > 64) threads = 64;
  }
  server *s = xcalloc(1, sizeof *s);
  s->local = local;
  if (!(s->app = serve_app_new(p, o, threads, e))) {
    close(fd);
    free(s);
    return NULL;
  }
  unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | (v6 ? MHD_USE_IPv6 : 0);
  s->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_LISTEN_SOCKET, fd,
                          MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads, MHD_OPTION_CONNECTION_LIMIT, 1000u,
                          MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32 << 10,
                          MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_END);
  if (!s->d) {
    *e = err_new(NULL, 0, 0, "cannot start the web server");
    close(fd);
    serve_app_free(s->app);
    free(s);
    return NULL;
  }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
  s->port = info ? info->port : o->port;
  if (local) serve_app_local_only(s->app, s->port);
  return s;
}

int serve_port(const server *s) { return s->port; }

bool serve_local(const server *s) { return s->local; }

void serve_stop(server *s) {
  if (!s) return;
  MHD_stop_daemon(s->d);
  serve_app_free(s->app);
  free(s);
}
