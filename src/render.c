/* render: what every output format shares. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

void render_free(renderer *r) {
  if (!r) return;
  if (r->free) r->free(r);
  free(r);
}

const char *render_cite(const pack_authority *a, char *buf, size_t bufsz) {
  const char *cite = a->cite ? a->cite : a->name;
  if (!a->pin) {
    snprintf(buf, bufsz, "%s", cite);
    return buf;
  }
  /* "X v. Y, 474 U.S. 327 (1986)" + pin -> "X v. Y, 474 U.S. 327, 328 (1986)" */
  size_t n = strlen(cite);
  const char *paren = n && cite[n - 1] == ')' ? strrchr(cite, '(') : NULL;
  if (paren && paren > cite && paren[-1] == ' ')
    snprintf(buf, bufsz, "%.*s, %s %s", (int)(paren - 1 - cite), cite, a->pin, paren);
  else
    snprintf(buf, bufsz, "%s, %s", cite, a->pin);
  return buf;
}

void render_summary_line(FILE *out, const render_summary *s) {
  fprintf(out, "%d row%s: %d decided, %d undecided, %d failed\n", s->read, s->read == 1 ? "" : "s",
          s->decided, s->undecided, s->failed);
}
