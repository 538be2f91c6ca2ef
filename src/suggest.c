/* suggest: "did you mean" by optimal-string-alignment distance. */
#include "suggest.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORD 64

int suggest_distance(const char *a, size_t alen, const char *b, size_t blen) {
  if (alen > MAX_WORD || blen > MAX_WORD) return MAX_WORD * 2;
  int d[MAX_WORD + 1][MAX_WORD + 1];
  for (size_t i = 0; i <= alen; i++) d[i][0] = (int)i;
  for (size_t j = 0; j <= blen; j++) d[0][j] = (int)j;
  for (size_t i = 1; i <= alen; i++) {
    for (size_t j = 1; j <= blen; j++) {
      int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
      int cost = ca != cb;
      int best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
      if (d[i - 1][j - 1] + cost < best) best = d[i - 1][j - 1] + cost;
      if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
          tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  }
  return d[alen][blen];
}

const char *suggest_closest(const char *word, size_t len, const char *const *candidates, int n) {
  const char *best = NULL;
  int best_d = 0;
  /* no name we suggest is this long: a word past it is no typo of one */
  if (len > MAX_WORD) return NULL;
  /* A typo changes about one letter in four; more than that is a new word. */
  int limit = len <= 3 ? 1 : (int)(len + 3) / 4 + 1;
  for (int i = 0; (n < 0 || i < n) && candidates[i]; i++) {
    size_t clen = strlen(candidates[i]);
    int d = suggest_distance(word, len, candidates[i], clen);
    /* a prefix of the right word ("neglig" for "negligent") is a likely slip */
    if (d > limit && len >= 4 && clen > len && strncasecmp(candidates[i], word, len) == 0)
      d = limit;
    if (d <= limit && (!best || d < best_d)) {
      best = candidates[i];
      best_d = d;
    }
  }
  return best;
}
