/* jsonw: appending JSON text to a buffer. */
#include "jsonw.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

void jsonw_reserve(jsonw *b, size_t n) {
  if (b->len + n <= b->cap) return;
  size_t cap = b->cap ? b->cap : 256;
  while (b->len + n > cap) cap *= 2;
  b->s = xrealloc(b->s, cap);
  b->cap = cap;
}

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t len;
  uint32_t cp;
  if (c < 0xC2) return 0;
  if (c < 0xE0) len = 2, cp = c & 0x1F;
  else if (c < 0xF0) len = 3, cp = c & 0x0F;
  else if (c < 0xF5) len = 4, cp = c & 0x07;
  else return 0;
  if (len > n) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

/* Whether 8 bytes need no escape: each is 0x20..0x7F and none is '"' or
 * '\\'. A word at a time, as the explanations' sentences are most of a
 * document and nearly all plain. (x - 0x01..) & ~x & 0x80.. is non-zero
 * exactly when some byte of x is zero. */
static inline bool plain8(const unsigned char *s) {
  uint64_t w;
  memcpy(&w, s, 8);
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
  uint64_t zero = ((quote - ones) & ~quote) | ((slash - ones) & ~slash);
  uint64_t low = w - ones * 0x20; /* a byte under 0x20 borrows into its high bit */
  return ((zero | low | w) & highs) == 0;
}

void jsonw_strn(jsonw *b, const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  jsonw_reserve(b, n + 2);
  b->s[b->len++] = '"';
  size_t i = 0;
  while (i < n) {
    /* copy the longest run that needs no escape at once */
    size_t run = i;
    while (run + 8 <= n && plain8(s + run)) run += 8;
    while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\') run++;
    if (run > i) {
      jsonw_raw(b, (const char *)s + i, run - i);
      i = run;
      continue;
    }
    unsigned char c = s[i];
    char esc[8];
    if (c == '"' || c == '\\') {
      esc[0] = '\\', esc[1] = (char)c;
      jsonw_raw(b, esc, 2);
      i++;
    } else if (c < 0x20) {
      const char *short_esc = c == '\b' ? "\\b" : c == '\f' ? "\\f" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
      if (short_esc) jsonw_raw(b, short_esc, 2);
      else {
        snprintf(esc, sizeof esc, "\\u%04X", c);
        jsonw_raw(b, esc, 6);
      }
      i++;
    } else {
      size_t len = utf8_len(s + i, n - i);
      if (len) {
        jsonw_raw(b, (const char *)s + i, len);
        i += len;
      } else {
        jsonw_raw(b, "\xEF\xBF\xBD", 3); /* U+FFFD for a byte that is not UTF-8 */
        i++;
      }
    }
  }
  jsonw_raw(b, "\"", 1);
}

void jsonw_str(jsonw *b, const char *s) {
  if (!s) jsonw_raw(b, "null", 4);
  else jsonw_strn(b, s, strlen(s));
}

void jsonw_int(jsonw *b, long long v) {
  char buf[32];
  int n = snprintf(buf, sizeof buf, "%lld", v);
  jsonw_raw(b, buf, (size_t)n);
}

char *jsonw_take(jsonw *b) {
  char *s = xmalloc(b->len + 1);
  memcpy(s, b->s, b->len);
  s[b->len] = '\0';
  b->len = 0;
  return s;
}

void jsonw_free(jsonw *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}
