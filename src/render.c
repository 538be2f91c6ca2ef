/* render: what every output format shares. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

void render_begin(renderer *r, const char *source) {
  r->source = source;
  if (r->begin) r->begin(r);
}

void render_set_output(renderer *r, FILE *out, FILE *diag) {
  if (r->flush) r->flush(r);
  r->out = out;
  r->diag = diag ? diag : stderr;
}

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

const char *render_spaced(const char *s, char *buf, size_t bufsz) {
  snprintf(buf, bufsz, "%s", s ? s : "none");
  for (char *c = buf; *c; c++)
    if (*c == '_') *c = ' ';
  return buf;
}

const char *render_upper(const char *s, char *buf, size_t bufsz) {
  render_spaced(s, buf, bufsz);
  for (char *c = buf; *c; c++)
    if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
  return buf;
}

void render_put_spaced(FILE *out, const char *s) {
  for (; *s; s++) putc_unlocked(*s == '_' ? ' ' : *s, out);
}

void render_put_upper(FILE *out, const char *s) {
  for (; *s; s++) putc_unlocked(*s == '_' ? ' ' : (*s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s), out);
}

void render_put_md(FILE *out, const char *s) {
  for (; *s; s++) {
    if (*s == '|' || *s == '*' || *s == '_' || *s == '`') fputc('\\', out);
    fputc(*s, out);
  }
}

const char *render_place(const char *source, const case_row *row, bool prose, char *buf, size_t bufsz) {
  if (row->line <= 0) snprintf(buf, bufsz, "from --set");
  else snprintf(buf, bufsz, prose ? "%s, line %d" : "%s:%d", source, row->line);
  return buf;
}

void render_summary_line(FILE *out, const render_summary *s) {
  fprintf(out, "%d row%s: %d decided, %d undecided, ", s->read, s->read == 1 ? "" : "s", s->decided, s->undecided);
  if (s->outside) fprintf(out, "%d outside this pack, ", s->outside);
  fprintf(out, "%d failed\n", s->failed);
}
