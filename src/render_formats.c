/* render_formats: which formats each kind of output has, and making a
 * renderer of one. Above every format's file: the formats depend on
 * render.c's shared pieces, and this table on the formats. */
#include <stdlib.h>
#include <string.h>

#include "render.h"

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
static renderer *make_md(const render_setup *s, const char *f) { (void)f; return render_md_new(s); }
static renderer *make_html(const render_setup *s, const char *f) { (void)f; return render_html_new(s); }

static const format_entry formats[] = {
    {RENDER_EVAL, "text", make_text},
    {RENDER_EVAL, "json", make_json},
    {RENDER_EVAL, "csv", make_csv},
    {RENDER_EVAL, "md", make_md},
    {RENDER_EVAL, "html", make_html},
    {RENDER_COMPARE, "text", render_compare_new},
    {RENDER_COMPARE, "json", render_compare_new},
    {RENDER_COMPARE, "md", render_compare_new},
    {RENDER_COMPARE, "html", render_compare_new},
    {RENDER_WHATIF, "text", render_whatif_new},
    {RENDER_WHATIF, "json", render_whatif_new},
    {RENDER_WHATIF, "md", render_whatif_new},
    {RENDER_WHATIF, "html", render_whatif_new},
    {RENDER_TEST, "text", render_test_new},
    {RENDER_TEST, "tap", render_test_new},
    {RENDER_TEST, "junit", render_test_new},
    {RENDER_TABLE, "text", render_table_new},
    {RENDER_TABLE, "json", render_table_new},
    {RENDER_TABLE, "md", render_table_new},
    {RENDER_TABLE, "html", render_table_new},
    {RENDER_FACTS, "text", render_facts_new},
    {RENDER_FACTS, "json", render_facts_new},
    {RENDER_QUIZ, "text", render_quiz_new},
    {RENDER_QUIZ, "json", render_quiz_new},
    {RENDER_QUIZ, "csv", render_quiz_new},
    {RENDER_DISTINGUISH, "text", render_distinguish_new},
    {RENDER_DISTINGUISH, "json", render_distinguish_new},
    {RENDER_DISTINGUISH, "md", render_distinguish_new},
    {RENDER_BRIEF, "text", render_brief_new},
    {RENDER_BRIEF, "json", render_brief_new},
    {RENDER_BRIEF, "md", render_brief_new},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

const char *render_formats(render_kind kind) {
  switch (kind) {
  case RENDER_EVAL: return "text, json, csv, md, html";
  case RENDER_TEST: return "text, tap, junit";
  case RENDER_FACTS: return "text, json";
  case RENDER_QUIZ: return "text, json, csv";
  case RENDER_DISTINGUISH:
  case RENDER_BRIEF: return "text, json, md";
  default: return "text, json, md, html";
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
    r->top = s->top > 0 ? s->top : 5;
    return r;
  }
  *e = err_new(NULL, 0, 0, "unknown format '%s' (formats: %s)", format, render_formats(kind));
  return NULL;
}

