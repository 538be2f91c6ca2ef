/* suggest: "did you mean" for misspelt names. */
#ifndef RATIO_SUGGEST_H
#define RATIO_SUGGEST_H

#include <stddef.h>

/* The candidate closest to `word` (edit distance with transpositions,
 * case-insensitive), or NULL when none is close enough to be a likely typo.
 * Candidates are a NULL-terminated list or `n` entries, whichever ends
 * first; the result is borrowed from the list. */
const char *suggest_closest(const char *word, size_t len, const char *const *candidates, int n);

/* Edit distance between two strings, counting a swap of neighbours as one. */
int suggest_distance(const char *a, size_t alen, const char *b, size_t blen);

#endif
