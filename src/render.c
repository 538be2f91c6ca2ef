/* render: what every output format shares. */
#include "render.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void render_begin(renderer *r, const char *source) {
  r->source = source;
  if (r->begin) r->begin(r);
}

void render_set_output(renderer *r, FILE *out, FILE *diag) {
  if (r->flush) r->flush(r);
  r->out = out;
  r->diag = diag ? diag : stderr;
}

void render_row_error_to_diag(renderer *r, const case_row *row, const err *e) {
  (void)row;
  err_print(e, r->diag);
}

void render_free_state(renderer *r) { free(r->state); }

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

void render_wrap(FILE *out, const char *s, int width, int first, int indent) {
  int col = first;
  bool line_start = true;
  while (*s) {
    while (*s == ' ') s++;
    if (!*s) break;
    size_t w = strcspn(s, " ");
    if (!line_start && col + 1 + (int)w > width) {
      fprintf(out, "\n%*s", indent, "");
      col = indent;
      line_start = true;
    }
    if (!line_start) {
      fputc(' ', out);
      col++;
    }
    fwrite(s, 1, w, out);
    col += (int)w;
    s += w;
    line_start = false;
  }
  fputc('\n', out);
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

void render_summary_count(render_summary *s, const render_result *res, int n) {
  if (!res) {
    s->opinions_failed += n;
    return;
  }
  for (int i = 0; i < n; i++) {
    const render_result *x = &res[i];
    if (x->error) s->opinions_failed++;
    else if (x->outside >= 0) s->opinions_outside++;
    /* an open outcome still decides the row when the opinion disposes of
     * the judgment: Brennan would vacate and remand */
    else if (x->outcome != RV_UNKNOWN || (x->disposition && strcmp(x->disposition, "unknown") != 0))
      s->opinions_decided++;
    else s->opinions_undecided++;
  }
}

void render_summary_line(FILE *out, const render_summary *s) {
  int total = s->opinions_decided + s->opinions_undecided + s->opinions_outside + s->opinions_failed;
  fprintf(out, "%d row%s", s->read, s->read == 1 ? "" : "s");
  if (total && s->read) {
    /* every row counts once under each opinion of the run */
    int per_row = total / s->read;
    fprintf(out, " under %d opinion%s: %d decided, %d undecided, ", per_row, per_row == 1 ? "" : "s",
            s->opinions_decided, s->opinions_undecided);
    if (s->opinions_outside) fprintf(out, "%d outside this pack, ", s->opinions_outside);
    fprintf(out, "%d failed\n", s->opinions_failed);
    return;
  }
  fprintf(out, ": %d decided, %d undecided, ", s->decided, s->undecided);
  if (s->outside) fprintf(out, "%d outside this pack, ", s->outside);
  fprintf(out, "%d failed\n", s->failed);
}

/* ---- naming opinions --------------------------------------------------------- */

/* What a casebook says after a judge's name for a role; NULL for a role it
 * has no words for ("circuit rule"). */
static const char *role_words(const char *role) {
  static const char *const words[][2] = {
      {"majority", "for the Court"},      {"plurality", "for a plurality"},
      {"dissent", "dissenting"},          {"dissenting", "dissenting"},
      {"concurrence", "concurring"},      {"concurring", "concurring"},
      {"concurrence in the judgment", "concurring in the judgment"},
      {"concurring in the judgment", "concurring in the judgment"},
      {"dissent in part", "concurring in part and dissenting in part"},
  };
  for (size_t i = 0; role && i < sizeof words / sizeof words[0]; i++)
    if (strcmp(role, words[i][0]) == 0) return words[i][1];
  return NULL;
}

/* "Rehnquist, J., for the Court", or NULL when the author is not a judge
 * ("the Court") or the role has no words. An author written with a comma
 * carries its own title ("Burger, C.J."). The caller frees it. */
static char *judge_name(const pack_opinion *o) {
  const char *words = role_words(o->role);
  if (!o->author || !o->author[0] || !words || strncasecmp(o->author, "the ", 4) == 0) return NULL;
  return xasprintf("%s%s, %s", o->author, strchr(o->author, ',') ? "" : ", J.", words);
}

char *render_opinion_name(const pack_opinion *o, bool own) {
  if (o->title && o->author && o->author[0] && strstr(o->title, o->author)) return xstrdup(o->title);
  char *judge = judge_name(o);
  if (judge && (own || !o->title)) return judge;
  free(judge);
  if (o->title) return xstrdup(o->title);
  /* the role, unless the opinion is named after it ("majority") */
  bool role = o->role && strcmp(o->role, o->name) != 0;
  return xasprintf("%s%s%s%s", o->name, role ? " (" : "", role ? o->role : "", role ? ")" : "");
}

char *render_opinion_label(const pack *p, int op) {
  int *own = xcalloc((size_t)p->nopinions + 1, sizeof *own);
  bool is_own = false;
  for (int i = 0, n = pack_case_opinions(p, own); i < n; i++) is_own |= own[i] == op;
  free(own);
  const pack_opinion *o = &p->opinions[op];
  char *name = render_opinion_name(o, is_own);
  char *span = is_own ? NULL : render_opinion_span(o);
  if (!span) return name;
  char *label = xasprintf("%s, %s", name, span);
  free(name);
  free(span);
  return label;
}

char *render_opinion_span(const pack_opinion *o) {
  /* years are how a casebook dates the law: "from 1981 until Daniels, 1986" */
  const char *by = o->displaced_by ? o->displaced_by : "", *comma = o->displaced_by ? ", " : "";
  if (o->date && o->until_date) return xasprintf("the law from %.4s until %s%s%.4s", o->date, by, comma, o->until_date);
  if (o->date) return xasprintf("the law from %.4s", o->date);
  if (o->until_date) return xasprintf("the law until %s%s%.4s", by, comma, o->until_date);
  return NULL;
}

void render_undecided(const pack *p, const explain_tree *tr, const pack_opinion *o, const render_undecided_out *out) {
  if (tr->outcome != RV_UNKNOWN) return;
  static const char *const heading[] = {[DECIDES_ALWAYS] = "answering any one of these would decide it:",
                                        [DECIDES_SOMETIMES] = "some answers to these would decide it:",
                                        [DECIDES_NEVER] = "it turns on these facts together:"};
  const pack_node *decides = &p->nodes[o->decides];
  bool any = false;
  for (int k = DECIDES_ALWAYS; k <= DECIDES_NEVER; k++) {
    /* facts that never decide alone are listed only when none does */
    if (k == DECIDES_NEVER && any) break;
    bool head = false;
    for (int i = 0; i < tr->ndeciding; i++) {
      if (tr->deciding[i].kind != (decides_kind)k) continue;
      if (!head) out->group(out->ud, heading[k]);
      head = any = true;
      out->deciding(out->ud, &tr->deciding[i], decides);
    }
    if (head) out->group_end(out->ud);
  }
  if (tr->nuntried) {
    out->group(out->ud, any ? "it also turns on these facts (numbers, dates or text):" : heading[DECIDES_NEVER]);
    for (int i = 0; i < tr->nuntried; i++) out->untried(out->ud, &p->facts[tr->untried[i].fact]);
    out->group_end(out->ud);
    any = true;
  }
  if (!any) out->line(out->ud, true, "no missing fact would decide it; the opinion's rule leaves the question open.");
  if (tr->search_cut) out->line(out->ud, false, "The search over the blank facts was cut short: more answers might decide it.");
}
