/* render: what every output format shares. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

void render_free(renderer *r) {
  if (!r) return;
  if (r->free) r->free(r);
  free(r);
}

char *render_cite(const pack_authority *a) {
  const char *cite = a->cite ? a->cite : a->name;
  if (!a->pin) return xstrdup(cite);
  /* The pin follows the first page, before the parentheticals:
   * "X v. Y, 474 U.S. 344 (1986) (Brennan, J., dissenting)" + 349 ->
   * "X v. Y, 474 U.S. 344, 349 (1986) (Brennan, J., dissenting)" */
  const char *paren = strstr(cite, " (");
  if (paren) return xasprintf("%.*s, %s%s", (int)(paren - cite), cite, a->pin, paren);
  return xasprintf("%s, %s", cite, a->pin);
}

void render_summary_line(FILE *out, const render_summary *s) {
  fprintf(out, "%d row%s: %d decided, %d undecided, ", s->read, s->read == 1 ? "" : "s", s->decided, s->undecided);
  if (s->outside) fprintf(out, "%d outside this pack, ", s->outside);
  fprintf(out, "%d failed\n", s->failed);
}
