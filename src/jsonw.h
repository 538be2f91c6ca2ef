/* jsonw: a byte buffer that JSON text is written into, fast.
 *
 * For the hot path of JSON output (one explanation tree after another)
 * building jansson objects per node costs more than the rest of Ratio put
 * together; renderers instead append pre-serialized fragments and escape
 * only the strings that change per row. Every output is checked by parsing
 * it back with jansson in the tests. */
#ifndef RATIO_JSONW_H
#define RATIO_JSONW_H

#include <stddef.h>
#include <string.h>

typedef struct jsonw {
  char *s;    /* owned; not NUL-terminated */
  size_t len, cap;
} jsonw;

/* Make room for n more bytes. */
void jsonw_reserve(jsonw *b, size_t n);

static inline void jsonw_raw(jsonw *b, const char *s, size_t n) {
  if (b->len + n > b->cap) jsonw_reserve(b, n);
  memcpy(b->s + b->len, s, n);
  b->len += n;
}

static inline void jsonw_lit(jsonw *b, const char *s) { jsonw_raw(b, s, strlen(s)); }

/* A JSON string with quotes, escaped as jansson escapes (control characters
 * as \b \f \n \r \t or \u00XX); invalid UTF-8 becomes U+FFFD. NULL writes
 * null. */
void jsonw_str(jsonw *b, const char *s);
void jsonw_strn(jsonw *b, const char *s, size_t n);

void jsonw_int(jsonw *b, long long v);

/* A copy of the buffer's text as a NUL-terminated string (the caller frees
 * it), and the buffer emptied. */
char *jsonw_take(jsonw *b);

void jsonw_free(jsonw *b);

#endif
