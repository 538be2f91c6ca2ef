/* csvin: streaming CSV rows with positions, over libcsv. */
#include "csvin.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#define READ_CHUNK 65536

/* Fields of completed rows, queued until csvin_next hands them out. Texts live
 * in one buffer and are addressed by offset, since the buffer may move. */
typedef struct qfield {
  size_t off, len;
  int line, col;
} qfield;

typedef struct qrow {
  int first;  /* index of its first field in fields */
  int nfields;
  int line;
} qrow;

struct csvin_reader {
  FILE *f;
  bool own_file;
  char *name;
  struct csv_parser parser;
  bool at_start; /* a BOM is skipped only at the very start */
  bool eof;
  int line;      /* the line being fed to libcsv */
  bool quoted;   /* the line being fed has a quote: a field may span lines */
  char *chunk;
  size_t chunk_len, chunk_pos;
  char *text;    /* field texts of queued rows */
  size_t text_len, text_cap;
  qfield *fields;
  int nfields, fields_cap;
  int row_first; /* first field of the row being built */
  qrow *rows;
  int nrows, rows_cap, next_row;
  csvin_field *out; /* handed out by csvin_next */
  int out_cap;
  err *fail;     /* set by a callback that cannot go on */
};

static void on_field(void *data, size_t len, void *ctx) {
  csvin_reader *r = ctx;
  if (r->text_len + len + 1 > r->text_cap) {
    while (r->text_len + len + 1 > r->text_cap) r->text_cap = r->text_cap ? r->text_cap * 2 : 4096;
    r->text = xrealloc(r->text, r->text_cap);
  }
  memcpy(r->text + r->text_len, data ? data : "", len);
  r->text[r->text_len + len] = '\0';
  if (r->nfields == r->fields_cap) {
    r->fields_cap = r->fields_cap ? r->fields_cap * 2 : 64;
    r->fields = xrealloc(r->fields, sizeof *r->fields * (size_t)r->fields_cap);
  }
  /* The field ends on the line being fed; it started as many lines earlier
   * as it holds newlines, which only a quoted field can. */
  int nl = 0;
  if (r->quoted)
    for (const char *s = data, *end = s + len; s && (s = memchr(s, '\n', (size_t)(end - s))) != NULL; s++) nl++;
  int col = r->nfields - r->row_first + 1;
  r->fields[r->nfields++] = (qfield){r->text_len, len, r->line - nl, col};
  r->text_len += len + 1;
}

static void on_row(int c, void *ctx) {
  (void)c;
  csvin_reader *r = ctx;
  if (r->nrows == r->rows_cap) {
    r->rows_cap = r->rows_cap ? r->rows_cap * 2 : 64;
    r->rows = xrealloc(r->rows, sizeof *r->rows * (size_t)r->rows_cap);
  }
  int n = r->nfields - r->row_first;
  r->rows[r->nrows++] = (qrow){r->row_first, n, n ? r->fields[r->row_first].line : r->line};
  r->row_first = r->nfields;
}

csvin_reader *csvin_open_stream(FILE *f, const char *name) {
  csvin_reader *r = xcalloc(1, sizeof *r);
  r->f = f;
  r->name = xstrdup(name);
  r->at_start = true;
  r->line = 1;
  r->chunk = xmalloc(READ_CHUNK);
  /* Strict: a stray quote is an error, not silently kept. */
  csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI);
  return r;
}

csvin_reader *csvin_open(const char *path, err **e) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) {
    *e = err_new(path, 0, 0, "cannot open case file: %s", strerror(errno));
    return NULL;
  }
  csvin_reader *r = csvin_open_stream(f, strcmp(path, "-") == 0 ? "<stdin>" : path);
  r->own_file = f != stdin;
  return r;
}

const char *csvin_name(const csvin_reader *r) { return r->name; }

void csvin_close(csvin_reader *r) {
  if (!r) return;
  if (r->own_file) fclose(r->f);
  csv_free(&r->parser);
  err_free(r->fail);
  free(r->name);
  free(r->chunk);
  free(r->text);
  free(r->fields);
  free(r->rows);
  free(r->out);
  free(r);
}

/* Feed one piece (at most one line, its newline included) to libcsv. */
static int feed(csvin_reader *r, const char *s, size_t len, err **e) {
  size_t done = csv_parse(&r->parser, s, len, on_field, on_row, r);
  if (done != len) {
    int col = 1;
    for (size_t i = 0; i < done; i++) col += s[i] == ',';
    *e = err_new(r->name, r->line, col, "malformed quotes in this field");
    err_hint(*e, "quote a whole field (\"like, this\") and double any quote inside it (\"\")");
    return -1;
  }
  return 0;
}

/* Read and parse until at least one row is queued or the input ends. */
static int fill(csvin_reader *r, err **e) {
  while (r->next_row >= r->nrows && !r->eof) {
    if (r->chunk_pos >= r->chunk_len) {
      r->chunk_len = fread(r->chunk, 1, READ_CHUNK, r->f);
      r->chunk_pos = 0;
      if (r->chunk_len == 0) {
        if (ferror(r->f)) {
          *e = err_new(r->name, r->line, 0, "read error: %s", strerror(errno));
          return -1;
        }
        r->eof = true;
        if (csv_fini(&r->parser, on_field, on_row, r) != 0) {
          *e = err_new(r->name, r->line, 0, "the file ends inside a quoted field");
          err_hint(*e, "close the quote that was opened on an earlier line");
          return -1;
        }
        break;
      }
      if (r->at_start) {
        r->at_start = false;
        if (r->chunk_len >= 3 && memcmp(r->chunk, "\xEF\xBB\xBF", 3) == 0) r->chunk_pos = 3;
      }
    }
    const char *s = r->chunk + r->chunk_pos;
    size_t avail = r->chunk_len - r->chunk_pos;
    const char *nl = memchr(s, '\n', avail);
    size_t len = nl ? (size_t)(nl - s) + 1 : avail;
    r->quoted = memchr(s, '"', len) != NULL;
    if (feed(r, s, len, e) != 0) return -1;
    r->chunk_pos += len;
    if (nl) r->line++;
  }
  return 0;
}

int csvin_next(csvin_reader *r, csvin_row *row, err **e) {
  if (r->next_row >= r->nrows) {
    /* Everything queued was handed out: keep only the row in progress,
     * moved to the front, so the buffers never grow with the file. */
    int keep = r->nfields - r->row_first;
    if (keep > 0 && r->row_first > 0) {
      size_t base = r->fields[r->row_first].off;
      memmove(r->text, r->text + base, r->text_len - base);
      r->text_len -= base;
      memmove(r->fields, r->fields + r->row_first, sizeof *r->fields * (size_t)keep);
      for (int i = 0; i < keep; i++) r->fields[i].off -= base;
    } else if (keep == 0) {
      r->text_len = 0;
    }
    r->nfields = keep;
    r->row_first = 0;
    r->nrows = r->next_row = 0;
    if (fill(r, e) != 0) return -1;
    if (r->nrows == 0) return 0;
  }
  qrow *q = &r->rows[r->next_row++];
  if (q->nfields > r->out_cap) {
    r->out_cap = q->nfields * 2;
    r->out = xrealloc(r->out, sizeof *r->out * (size_t)r->out_cap);
  }
  for (int i = 0; i < q->nfields; i++) {
    qfield *f = &r->fields[q->first + i];
    r->out[i] = (csvin_field){r->text + f->off, f->len, f->line, f->col};
  }
  row->fields = r->out;
  row->nfields = q->nfields;
  row->line = q->line;
  return 1;
}
