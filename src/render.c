/* render: what every output format shares. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

/* Every format of every kind: render_new's table, and the one place that
 * knows which formats a command has. */
typedef struct format_entry {
  render_kind kind;
  const char *name;
  renderer *(*make)(const render_setup *s, const char *format);
} format_entry;

static renderer *make_text(const render_setup *s, const char *f) { (void)f; return render_text_new(s); }
static renderer *make_json(const render_setup *s, const char *f) { (void)f; return render_json_new(s); }
static renderer *make_csv(const render_setup *s, const char *f) { (void)f; return render_csv_new(s); }

static const format_entry formats[] = {
    {RENDER_EVAL, "text", make_text},
    {RENDER_EVAL, "json", make_json},
    {RENDER_EVAL, "csv", make_csv},
    {RENDER_COMPARE, "text", render_compare_new},
    {RENDER_COMPARE, "json", render_compare_new},
    {RENDER_COMPARE, "md", render_compare_new},
    {RENDER_WHATIF, "text", render_whatif_new},
    {RENDER_WHATIF, "json", render_whatif_new},
    {RENDER_WHATIF, "md", render_whatif_new},
    {RENDER_TEST, "text", render_test_new},
    {RENDER_TEST, "tap", render_test_new},
    {RENDER_TEST, "junit", render_test_new},
    {RENDER_TABLE, "text", render_table_new},
    {RENDER_TABLE, "json", render_table_new},
    {RENDER_TABLE, "md", render_table_new},
    {RENDER_FACTS, "text", render_facts_new},
    {RENDER_FACTS, "json", render_facts_new},
    {RENDER_QUIZ, "text", render_quiz_new},
    {RENDER_QUIZ, "json", render_quiz_new},
    {RENDER_QUIZ, "csv", render_quiz_new},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

const char *render_formats(render_kind kind) {
  switch (kind) {
  case RENDER_EVAL: return "text, json, csv";
  case RENDER_TEST: return "text, tap, junit";
  case RENDER_FACTS: return "text, json";
  case RENDER_QUIZ: return "text, json, csv";
  default: return "text, json, md";
  }
}

static const format_entry *find_format(render_kind kind, const char *format) {
  /* "markdown" is a long name for md */
  const char *name = strcmp(format, "markdown") == 0 ? "md" : format;
  for (size_t i = 0; i < NFORMATS; i++)
    if (formats[i].kind == kind && strcmp(formats[i].name, name) == 0) return &formats[i];
  return NULL;
}

bool render_has_format(render_kind kind, const char *format) { return find_format(kind, format) != NULL; }

renderer *render_new(render_kind kind, const char *format, const render_setup *s, err **e) {
  const format_entry *f = find_format(kind, format);
  if (f) {
    renderer *r = f->make(s, f->name);
    r->kind = kind;
    r->p = s->p;
    r->out = s->out;
    r->diag = s->diag ? s->diag : stderr;
    r->opinions = s->opinions;
    r->nopinions = s->nopinions;
    r->quiet = s->quiet;
    r->cov = s->cov;
    return r;
  }
  *e = err_new(NULL, 0, 0, "unknown format '%s' (formats: %s)", format, render_formats(kind));
  return NULL;
}

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

void render_summary_line(FILE *out, const render_summary *s) {
  fprintf(out, "%d row%s: %d decided, %d undecided, ", s->read, s->read == 1 ? "" : "s", s->decided, s->undecided);
  if (s->outside) fprintf(out, "%d outside this pack, ", s->outside);
  fprintf(out, "%d failed\n", s->failed);
}
