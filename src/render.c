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
  /* The pin follows the first page, before the parentheticals:
   * "X v. Y, 474 U.S. 344 (1986) (Brennan, J., dissenting)" + 349 ->
   * "X v. Y, 474 U.S. 344, 349 (1986) (Brennan, J., dissenting)" */
  const char *paren = strstr(cite, " (");
  if (paren)
    snprintf(buf, bufsz, "%.*s, %s%s", (int)(paren - cite), cite, a->pin, paren);
  else
    snprintf(buf, bufsz, "%s, %s", cite, a->pin);
  return buf;
}

void render_summary_line(FILE *out, const render_summary *s) {
  fprintf(out, "%d row%s: %d decided, %d undecided, %d failed\n", s->read, s->read == 1 ? "" : "s",
          s->decided, s->undecided, s->failed);
}
