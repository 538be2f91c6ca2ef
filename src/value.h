/* value: the values rules compute with, and Kleene's three-valued logic.
 *
 * A value is a small integer: RV_UNKNOWN, or the index of a value among the
 * values of its fact or node. Yes/no facts and nodes have two values,
 * RV_NO (0) and RV_YES (1), so the same integer serves both. */
#ifndef RATIO_VALUE_H
#define RATIO_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int16_t rval;
#define RV_UNKNOWN ((rval)-1)
#define RV_NO ((rval)0)
#define RV_YES ((rval)1)

/* Kleene's strong connectives: false AND unknown is false, true OR unknown
 * is true, NOT unknown is unknown. */
rval value_and(rval a, rval b);
rval value_or(rval a, rval b);
rval value_not(rval a);

/* The name of a yes/no value: "yes", "no" or "unknown". */
const char *value_yesno_name(rval v);

/* Parse a number cell (decimal, optional sign and fraction). */
int value_parse_number(const char *s, size_t len, double *out);

/* Case-insensitive equality with a lower-case word of letters of the same
 * length: OR-ing 0x20 folds exactly 'A'-'Z' onto 'a'-'z' among the bytes
 * that can equal a letter after folding. */
static inline bool value_same_word_(const char *s, const char *lower, size_t len) {
  for (size_t i = 0; i < len; i++)
    if ((s[i] | 0x20) != lower[i]) return false;
  return true;
}

/* Parse a yes/no cell: yes/no, y/n, true/false, 1/0 in any case. Returns 0
 * and sets *out, or -1 when the text is none of those. Blank text is not
 * accepted here: the caller decides that blank means unknown. Inline, and
 * by length first: it runs for every yes/no cell of every row. */
static inline __attribute__((always_inline)) int value_parse_yesno(const char *s, size_t len, rval *out) {
  rval v;
  switch (len) {
  case 1:
    if (s[0] == '1' || s[0] == 'y' || s[0] == 'Y') v = RV_YES;
    else if (s[0] == '0' || s[0] == 'n' || s[0] == 'N') v = RV_NO;
    else return -1;
    break;
  case 2: if (!value_same_word_(s, "no", 2)) return -1; v = RV_NO; break;
  case 3: if (!value_same_word_(s, "yes", 3)) return -1; v = RV_YES; break;
  case 4: if (!value_same_word_(s, "true", 4)) return -1; v = RV_YES; break;
  case 5: if (!value_same_word_(s, "false", 5)) return -1; v = RV_NO; break;
  default: return -1;
  }
  *out = v;
  return 0;
}

#endif
