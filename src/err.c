/* err: error values and the allocation helpers every module uses. */
#include "err.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void die_oom(void) {
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

/* ---- bounded messages ----------------------------------------------------- */

/* The length of s[0..n) cut back to the start of a UTF-8 character. */
static size_t utf8_cut(const char *s, size_t n) {
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  return n;
}

static bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Append s[0..n) to buf, cut to `keep` bytes and marked when longer. */
static void put_excerpt(FILE *buf, const char *s, size_t n, size_t keep) {
  if (n <= keep) {
    fwrite(s, 1, n, buf);
    return;
  }
  size_t k = utf8_cut(s, keep);
  fwrite(s, 1, k, buf);
  fprintf(buf, ERR_CUT_MARK, n - k);
}

char *err_bounded(const char *s) {
  size_t len = strlen(s);
  if (len <= ERR_EXCERPT_BYTES) return xstrdup(s);
  char *out = NULL;
  size_t out_len = 0;
  FILE *buf = xopen_memstream(&out, &out_len);
  /* Quoted text ('name', "path") is what came from a pack or a file: each
   * quotation keeps its first ERR_EXCERPT_BYTES. A quote opens after a
   * non-word byte and closes before one, so "pack's" opens nothing. Once
   * no closing quote of a kind is left, none is looked for again: the
   * walk stays linear. */
  bool no_close[2] = {false, false};
  size_t i = 0, copied = 0;
  while (i < len) {
    char q = s[i];
    int kind = q == '\'' ? 0 : q == '"' ? 1 : -1;
    if (kind < 0 || no_close[kind] || (i > 0 && word_char(s[i - 1]))) {
      i++;
      continue;
    }
    size_t j = i + 1;
    const char *close = NULL;
    while (j < len && (close = memchr(s + j, q, len - j)) != NULL) {
      size_t at = (size_t)(close - s);
      if (at + 1 == len || !word_char(s[at + 1])) break;
      j = at + 1;
      close = NULL;
    }
    if (!close) {
      no_close[kind] = true;
      i++;
      continue;
    }
    size_t at = (size_t)(close - s);
    fwrite(s + copied, 1, i + 1 - copied, buf);
    put_excerpt(buf, s + i + 1, at - i - 1, ERR_EXCERPT_BYTES);
    copied = i = at; /* the closing quote is copied with what follows */
    i++;
  }
  fwrite(s + copied, 1, len - copied, buf);
  fclose(buf);
  if (out_len > ERR_TEXT_BYTES) { /* unquoted, or too many quotations */
    char *whole = NULL;
    size_t whole_len = 0;
    buf = xopen_memstream(&whole, &whole_len);
    put_excerpt(buf, out, out_len, ERR_TEXT_BYTES);
    fclose(buf);
    free(out);
    out = whole;
  }
  return out;
}

err *err_newv(const char *file, int line, int col, const char *fmt, va_list ap) {
  err *e = xcalloc(1, sizeof *e);
  e->file = file ? xstrdup(file) : NULL;
  e->line = line;
  e->col = col;
  char *msg = xvasprintf(fmt, ap);
  e->msg = err_bounded(msg);
  free(msg);
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
  char *hint = xvasprintf(fmt, ap);
  va_end(ap);
  e->hint = err_bounded(hint);
  free(hint);
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

void err_put(FILE *out, const char *file, int line, int col, const char *severity, const char *msg,
             const char *hint) {
  if (file) {
    fputs(file, out);
    if (line > 0) fprintf(out, ":%d", line);
    if (line > 0 && col > 0) fprintf(out, ":%d", col);
    fputs(": ", out);
  } else {
    fputs("ratio: ", out);
  }
  fprintf(out, "%s: %s", severity, msg);
  if (hint) fprintf(out, "; %s", hint);
  fputc('\n', out);
}

err *err_copy(const err *e) {
  err *head = NULL;
  for (; e; e = e->next) {
    err *c = xcalloc(1, sizeof *c);
    c->file = e->file ? xstrdup(e->file) : NULL;
    c->line = e->line;
    c->col = e->col;
    c->node = e->node ? xstrdup(e->node) : NULL;
    c->msg = xstrdup(e->msg);
    c->hint = e->hint ? xstrdup(e->hint) : NULL;
    err_append(&head, c);
  }
  return head;
}

void err_print(const err *e, FILE *out) {
  for (; e; e = e->next) err_put(out, e->file, e->line, e->col, "error", e->msg, e->hint);
}
