/* serve: the classroom's web page and its JSON API (ratio serve).
 *
 * Two parts. The app answers one request at a time, without a network: it
 * routes a method and a path to the page's assets (compiled in), to the
 * documents made once from the pack (its facts, the layout of its form, the
 * rows of a case file), or to the API, which decides a row given as JSON by
 * the CLI's own machinery: the row is made by cases_set_row, as --set makes
 * it, decided by the row driver with the command's handler, and rendered by
 * the command's JSON renderer into memory, so a reply is byte for byte what
 * `ratio eval PACK --set ... --format json` writes; the interview and the
 * quiz answer a step at a time, each request bringing what a session would
 * keep, through the same library calls as `ratio ask` and `ratio quiz`.
 * The server puts the app behind libmicrohttpd: a pool of threads, capped
 * URLs and bodies, and only the machine's own addresses by default. */
#ifndef RATIO_SERVE_H
#define RATIO_SERVE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "pack.h"

#define SERVE_MAX_BODY ((size_t)64 << 10) /* bytes of a request body */
#define SERVE_MAX_URL 8192                 /* bytes of a path and its query */
#define SERVE_MAX_ROWS 10000               /* rows of -f the page lists */
#define SERVE_DEFAULT_PORT 8080
#define SERVE_MAX_GENERATE 50             /* fact patterns one quiz request draws */

typedef struct serve_options {
  const char *pack_path;         /* for the copies of a pack with rule functions */
  const pack_options *pack_opts; /* its budgets (and the stop flag) */
  const char *cases_path;        /* -f: rows the page can load, or NULL */
  const char *bind;              /* the address to listen on; NULL: 127.0.0.1 */
  int port;                      /* 0: a free port the kernel picks */
  int threads;                   /* requests decided at once; 0: two per processor */
  volatile sig_atomic_t *stop;   /* set by a signal: evaluations stop */
} serve_options;

/* ---- the app ------------------------------------------------------------- */

typedef struct serve_app serve_app;

/* An app for pack p (borrowed: it must outlive the app). Loads a copy of
 * the pack per thread when it has rule functions, reads the rows of
 * o->cases_path. Returns NULL with *e set when either fails. Free with
 * serve_app_free. */
serve_app *serve_app_new(const pack *p, const serve_options *o, int threads, err **e);
void serve_app_free(serve_app *a);

/* Only requests naming this machine (Host: 127.0.0.1, localhost, [::1])
 * are answered, with the port given: a page elsewhere cannot reach a
 * server that serves this machine alone by a name of its own. */
void serve_app_local_only(serve_app *a, int port);

typedef struct serve_request {
  const char *method;
  const char *path;         /* without the query */
  const char *host;         /* the Host header, or NULL */
  const char *content_type; /* or NULL */
  const char *body;
  size_t len;
} serve_request;

typedef struct serve_reply {
  int status;
  const char *type;         /* Content-Type */
  char *body;               /* owned unless is_static */
  size_t len;
  bool is_static;           /* body is an asset compiled in: not freed */
  struct pooled_buf *pooled; /* or the body is this buffer of the app's pool,
                              * given back by serve_reply_free */
  const char *allow;        /* 405: the methods allowed, or NULL */
  bool page;                /* the page: sent with its security policy */
} serve_reply;

/* Answer a request. Safe to call from several threads at once. */
void serve_app_handle(serve_app *a, const serve_request *rq, serve_reply *rp);

/* A reply's body, for one that is not static; NULL is fine. */
void serve_reply_free(serve_reply *rp);

/* ---- the server ------------------------------------------------------------ */

typedef struct server server;

/* Listen on o->bind and o->port and answer with a new app for p. Returns
 * the server, or NULL with *e set (the address is not one, or cannot be
 * used; the app cannot be made). Stop it with serve_stop. */
server *serve_start(const pack *p, const serve_options *o, err **e);

/* The port it listens on (the one the kernel picked for port 0). */
int serve_port(const server *s);

/* Whether only this machine can reach it (a loopback address). */
bool serve_local(const server *s);

/* Stop listening, finish the requests under way, free it all. */
void serve_stop(server *s);

#endif
