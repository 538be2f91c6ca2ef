/* err: error values and the allocation helpers every module uses. */
#include "err.h"

#include <stdlib.h>
#include <string.h>

static void die_oom(void) {
  fputs("ratio: out of memory\n", stderr);
  abort();
}

FILE *xopen_memstream(char **buf, size_t *len) {
  FILE *f = open_memstream(buf, len);
  if (!f) die_oom();
  return f;
}

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) die_oom();
  return p;
}

void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) die_oom();
  return p;
}

void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) die_oom();
  return q;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n) {
  char *p = xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

static char *xvasprintf(const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) n = 0;
  char *s = xmalloc((size_t)n + 1);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  return s;
}

char *xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = xvasprintf(fmt, ap);
  va_end(ap);
  return s;
}

err *err_newv(const char *file, int line, int col, const char *fmt, va_list ap) {
  err *e = xcalloc(1, sizeof *e);
  e->file = file ? xstrdup(file) : NULL;
  e->line = line;
  e->col = col;
  e->msg = xvasprintf(fmt, ap);
  return e;
}

err *err_new(const char *file, int line, int col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err *e = err_newv(file, line, col, fmt, ap);
  va_end(ap);
  return e;
}

err *err_hint(err *e, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  free(e->hint);
  e->hint = xvasprintf(fmt, ap);
  va_end(ap);
  return e;
}

err *err_node(err *e, const char *node) {
  free(e->node);
  e->node = node ? xstrdup(node) : NULL;
  return e;
}

void err_append(err **head, err *e2) {
  while (*head) head = &(*head)->next;
  *head = e2;
}

int err_count(const err *e) {
  int n = 0;
  for (; e; e = e->next) n++;
  return n;
}

void err_free(err *e) {
  while (e) {
    err *next = e->next;
    free(e->file);
    free(e->node);
    free(e->msg);
    free(e->hint);
    free(e);
    e = next;
  }
}

void err_print(const err *e, FILE *out) {
  for (; e; e = e->next) {
    if (e->file) {
      fputs(e->file, out);
      if (e->line > 0) fprintf(out, ":%d", e->line);
      if (e->line > 0 && e->col > 0) fprintf(out, ":%d", e->col);
      fputs(": ", out);
    } else {
      fputs("ratio: ", out);
    }
    fputs(e->msg, out);
    if (e->hint) fprintf(out, "; %s", e->hint);
    fputc('\n', out);
  }
}
