/* case_write: a row appended to a case file, in the file's own columns. */
#include "case_write.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvin.h"

char *case_write_fact(const pack *p, const case_row *row, int fact) {
  const pack_fact *f = &p->facts[fact];
  const case_value *v = &row->facts[fact];
  if (v->v == RV_UNKNOWN) return xstrdup("");
  switch (f->type) {
  case FACT_YESNO: return xstrdup(v->v == RV_YES ? "yes" : "no");
  case FACT_ENUM: return xstrdup(f->values[v->v]);
  case FACT_NUMBER: {
    /* the shortest text that reads back as the same number */
    char buf[64];
    for (int prec = 1; prec <= 17; prec++) {
      snprintf(buf, sizeof buf, "%.*g", prec, v->num);
      if (strtod(buf, NULL) == v->num) break;
    }
    return xstrdup(buf);
  }
  case FACT_DATE:
  case FACT_TEXT: return xstrdup(v->text ? v->text : "");
  }
  return xstrdup("");
}

char *case_write_finding(const pack *p, const case_row *row, int node) {
  if (!row->has_finding[node]) return xstrdup("");
  return xstrdup(pack_node_value_name(&p->nodes[node], row->findings[node]));
}

/* A CSV cell: quoted when it holds a comma, a quote, a line break or
 * surrounding blanks, with quotes doubled. */
static void put_cell(FILE *out, const char *s) {
  size_t len = strlen(s);
  bool quote = len && (s[0] == ' ' || s[len - 1] == ' ' || strpbrk(s, ",\"\r\n"));
  if (!quote) {
    fputs(s, out);
    return;
  }
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"') fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

/* The cell of column `name` for the row. */
static char *column_cell(const pack *p, const case_row *row, const char *id, const char *name) {
  if (strcmp(name, "id") == 0) return xstrdup(id);
  int k = pack_fact_index(p, name);
  if (k >= 0) return case_write_fact(p, row, k);
  k = pack_node_index(p, name);
  if (k >= 0 && p->nodes[k].finding) return case_write_finding(p, row, k);
  return xstrdup(""); /* title, note, an expectation */
}

/* The header of an existing, non-empty file as its column names (the
 * caller frees them), or -1 with *e set; 0 columns for an empty file. */
static int read_header(const pack *p, const char *path, char ***names, err **e) {
  *names = NULL;
  /* a file the pack lists is opened as the pack opens its own */
  int k = pack_case_index(p, path);
  FILE *f = k >= 0 ? pack_open_case(p, k, e) : fopen(path, "rb");
  if (!f) {
    if (k < 0) *e = err_new(path, 0, 0, "cannot read the case file: %s", strerror(errno));
    return -1;
  }
  csvin_reader *r = csvin_open_file(f, path);
  csvin_row row;
  int got = csvin_next(r, &row, e), n = 0;
  if (got == 1) {
    *names = xcalloc((size_t)row.nfields + 1, sizeof **names);
    for (int i = 0; i < row.nfields; i++) (*names)[n++] = xstrdup(row.fields[i].text);
  }
  csvin_close(r);
  if (got < 0 || got == 2) return -1;
  return n;
}

/* Whether the file's text ends in a line break (or is empty). */
static bool ends_in_newline(FILE *f) {
  if (fseek(f, -1, SEEK_END) != 0) return true; /* empty */
  return getc(f) == '\n';
}

int case_write_append(const pack *p, const char *path, const case_row *row, const char *id, err **e) {
  *e = NULL;
  /* the id as a case file's id cell, checked by the same code */
  char *set = xasprintf("id=%s", id);
  case_row *check = cases_set_row(p, row, (const char *const *)&set, 1, e);
  free(set);
  if (!check) {
    for (err *x = *e; x; x = x->next) {
      free(x->file); /* it is placed at a --set option, which this is not */
      x->file = NULL;
    }
    return -1;
  }
  cases_row_free(check);
  char **names = NULL;
  int ncols = 0, rc = -1;
  /* a regular file or none: never standard input, a pipe or a device */
  struct stat st;
  bool fresh = stat(path, &st) != 0;
  if (strcmp(path, "-") == 0 || (fresh && errno != ENOENT) || (!fresh && !S_ISREG(st.st_mode))) {
    *e = err_hint(err_new(path, 0, 0, "cannot save to this: %s",
                          fresh && errno != ENOENT ? strerror(errno) : "not a regular file"),
                  "name a case file (.csv), new or to add to");
    return -1;
  }
  /* a new file is made only under a case file's name: a stray answer
   * read as a file name ("no") makes nothing */
  size_t plen = strlen(path);
  if (fresh && (plen < 5 || strcmp(path + plen - 4, ".csv") != 0)) {
    *e = err_hint(err_new(path, 0, 0, "there is no such case file, and a new one is named NAME.csv"),
                  "name a case file (.csv), new or to add to");
    return -1;
  }
  if (!fresh) fresh = st.st_size == 0;
  bool newline = true;
  if (!fresh) {
    /* the header must suit the pack, and the id must be new in the file */
    case_reader *cr = cases_open(p, path, e);
    if (!cr) goto done;
    case_row r;
    err *re = NULL;
    int got;
    int first = 0;
    while ((got = cases_next(cr, &r, &re)) != 0) {
      err_free(re); /* a row the file cannot give is no concern of this one */
      re = NULL;
      if (got < 0) break;
      if (r.id && strcmp(r.id, id) == 0 && !first) first = r.line;
    }
    cases_close(cr);
    if (first) {
      *e = err_hint(err_new(path, first, 0, "the file already has a row with the id '%s'", id),
                    "give the row an id of its own");
      goto done;
    }
    if ((ncols = read_header(p, path, &names, e)) < 0) goto done;
    FILE *f = fopen(path, "rb");
    if (f) {
      newline = ends_in_newline(f);
      fclose(f);
    }
  }
  FILE *out = fopen(path, "ab");
  if (!out) {
    *e = err_new(path, 0, 0, "cannot write the case file: %s", strerror(errno));
    goto done;
  }
  if (fresh) {
    char *header = cases_template_header(p);
    fprintf(out, "%s\n", header);
    free(header);
    put_cell(out, id);
    fputs(",,", out); /* title, note */
    for (int i = 0; i < p->nfacts; i++) {
      char *c = case_write_fact(p, row, i);
      fputc(',', out);
      put_cell(out, c);
      free(c);
    }
    for (int i = 0; i < p->nnodes; i++) {
      if (!p->nodes[i].finding) continue;
      char *c = case_write_finding(p, row, i);
      fputc(',', out);
      put_cell(out, c);
      free(c);
    }
  } else {
    if (!newline) fputc('\n', out);
    for (int i = 0; i < ncols; i++) {
      char *c = column_cell(p, row, id, names[i]);
      if (i) fputc(',', out);
      put_cell(out, c);
      free(c);
    }
  }
  fputc('\n', out);
  bool bad = ferror(out) != 0;
  if (fclose(out) != 0 || bad) {
    *e = err_new(path, 0, 0, "cannot write the case file: %s", strerror(errno ? errno : EIO));
    goto done;
  }
  rc = 0;
done:
  for (int i = 0; i < ncols; i++) free(names[i]);
  free(names);
  return rc;
}
