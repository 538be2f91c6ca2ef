/* err: the error value every module returns, printed once by the caller.
 *
 * An error carries where the problem is (file, line, column, node), what is
 * wrong in the user's terms, and a hint when the fix is known. Library code
 * builds errors and returns them; only the command layer prints them. */
#ifndef RATIO_ERR_H
#define RATIO_ERR_H

#include <stdarg.h>
#include <stdio.h>

/* Exit codes of the ratio binary, as the user guide documents them. */
typedef enum {
  RATIO_OK = 0,     /* success */
  RATIO_FAILED = 1, /* the run worked but something failed (a test, a row) */
  RATIO_USAGE = 2   /* usage or input error: bad option, file or pack */
} ratio_exit;

typedef struct err {
  char *file;    /* owned; NULL when the error has no file */
  int line;      /* 1-based; 0 when unknown */
  int col;       /* 1-based; 0 when unknown */
  char *node;    /* owned; the pack node or opinion involved, or NULL */
  char *msg;     /* owned; never NULL */
  char *hint;    /* owned; the fix when one is known, or NULL */
  struct err *next; /* owned; further errors found in the same pass */
} err;

/* A new error with a printf-style message; file may be NULL. The caller
 * owns the result and frees it with err_free. Never returns NULL. */
err *err_new(const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
err *err_newv(const char *file, int line, int col, const char *fmt, va_list ap);

/* Messages are bounded: whatever a pack or a file supplied is quoted in
 * part. Each quotation in a message or hint keeps its first
 * ERR_EXCERPT_BYTES bytes, and the whole text its first ERR_TEXT_BYTES,
 * each cut marked with how much was left out. */
#define ERR_EXCERPT_BYTES 80
#define ERR_TEXT_BYTES 320
#define ERR_CUT_MARK "\xe2\x80\xa6[%zu bytes cut]"

/* s bounded as above (cut on UTF-8 character boundaries), as a new string
 * the caller frees. err_new and err_hint apply it to every message. */
char *err_bounded(const char *s);

/* Set (replace) the hint or node of an error; returns e for chaining. */
err *err_hint(err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
err *err_node(err *e, const char *node);

/* Append e2 at the end of the chain that starts at *head. */
void err_append(err **head, err *e2);

/* Number of errors in a chain. */
int err_count(const err *e);

/* A copy of an error and the chain after it (NULL for NULL); the caller
 * frees it. */
err *err_copy(const err *e);

/* Free an error and the chain after it. NULL is fine. */
void err_free(err *e);

/* Print every error of the chain, one per line: "file:line:col: error:
 * message; hint" (the node is for structured output; messages name it
 * themselves). */
void err_print(const err *e, FILE *out);

/* One message in the format every command prints: "file:line:col:
 * SEVERITY: message; hint", without the column when col is 0, without
 * line and column when line is 0, and "ratio: SEVERITY: ..." without a
 * file. */
void err_put(FILE *out, const char *file, int line, int col, const char *severity, const char *msg,
             const char *hint);

/* xmalloc family: allocation failure is not recoverable for ratio itself
 * (packs have their own, capped allocator), so these abort with a message. */
void *xmalloc(size_t n);
/* Says that memory ran out, and aborts: for what fails only when memory
 * does. */
_Noreturn void die_oom(void);
/* open_memstream, which fails only when memory does. */
FILE *xopen_memstream(char **buf, size_t *len);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
