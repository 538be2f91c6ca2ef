/* value: Kleene's three-valued logic and the parsing of plain values. */
#include "value.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

rval value_and(rval a, rval b) {
  if (a == RV_NO || b == RV_NO) return RV_NO;
  if (a == RV_UNKNOWN || b == RV_UNKNOWN) return RV_UNKNOWN;
  return RV_YES;
}

rval value_or(rval a, rval b) {
  if (a == RV_YES || b == RV_YES) return RV_YES;
  if (a == RV_UNKNOWN || b == RV_UNKNOWN) return RV_UNKNOWN;
  return RV_NO;
}

rval value_not(rval a) {
  if (a == RV_UNKNOWN) return RV_UNKNOWN;
  return a == RV_YES ? RV_NO : RV_YES;
}

const char *value_yesno_name(rval v) {
  return v == RV_YES ? "yes" : v == RV_NO ? "no" : "unknown";
}

int value_parse_number(const char *s, size_t len, double *out) {
  char buf[64];
  if (len == 0 || len >= sizeof buf) return -1;
  memcpy(buf, s, len);
  buf[len] = '\0';
  char *end;
  double d = strtod(buf, &end);
  if (*end != '\0' || !isfinite(d)) return -1;
  /* strtod also takes hex and "inf"; a case file means plain decimals */
  for (size_t i = 0; i < len; i++) {
    char c = buf[i];
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
      return -1;
  }
  *out = d;
  return 0;
}
