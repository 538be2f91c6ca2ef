/* csvin: streaming CSV rows with positions, over libcsv. */
#include "csvin.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#define READ_CHUNK 65536

/* csvin_next's own sink keeps the fields of one row; texts live in one
 * buffer and are addressed by offset, since the buffer may move. */
typedef struct kept_field {
  size_t off, len;
  int line, col;
} kept_field;

struct csvin_reader {
  FILE *f;
  bool own_file;
  char *name;
  struct csv_parser parser;
  bool at_start;    /* a BOM is skipped only at the very start */
  bool eof, done;
  int line;         /* the line being fed to libcsv */
  bool quoted;      /* the line being fed has a quote: a field may span lines */
  bool last_cr;     /* the last piece ended with a lone CR (an LF may follow) */
  size_t row_bytes; /* bytes fed to the unfinished row */
  int row_start;    /* the line the unfinished row starts on, 0 if none */
  bool ended_nl;    /* the last piece fed ended a line */
  csvin_sink *sink; /* the sink of the current csvin_pump */
  char *chunk;
  size_t chunk_len, chunk_pos;
  bool borrowed;    /* chunk is the caller's memory: the whole input */
  bool chunk_cr;    /* the chunk holds a CR / a quote somewhere: only then */
  bool chunk_quote; /* is each line searched for one */
  /* for csvin_next */
  char *text;
  size_t text_len, text_cap;
  kept_field *kept;
  int nkept, kept_cap;
  csvin_field *out;
  int out_cap;
};

/* ---- from libcsv to the sink ---------------------------------------------- */

/* Newlines inside a field; only a quoted field can hold one. */
static int field_newlines(const char *s, size_t len) {
  int nl = 0;
  for (const char *end = s + len; s && (s = memchr(s, '\n', (size_t)(end - s))) != NULL; s++) nl++;
  return nl;
}

int csvin_field_line(const csvin_reader *r, const char *text, size_t len) {
  /* the field ends on the line being fed; it started as many lines earlier
   * as it holds newlines */
  return r->quoted ? r->line - field_newlines(text, len) : r->line;
}

static void on_row(int c, void *data) {
  (void)c;
  csvin_sink *s = data;
  if (s->row) s->row(s);
  s->col = 0;
  s->row_ended = true;
}

/* ---- reading -------------------------------------------------------------- */

/* libcsv grows a field's buffer by a fixed block; the default (128 bytes)
 * makes a long field cost a realloc per 128 bytes, quadratic in its length.
 * Strict: a stray quote is an error, not silently kept. */
#define FIELD_BLOCK ((size_t)256 << 10)

static void parser_init(struct csv_parser *p) {
  csv_init(p, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_blk_size(p, FIELD_BLOCK);
}

csvin_reader *csvin_open_stream(FILE *f, const char *name) {
  csvin_reader *r = xcalloc(1, sizeof *r);
  r->f = f;
  r->name = xstrdup(name);
  r->at_start = true;
  r->line = 1;
  r->chunk = xmalloc(READ_CHUNK);
  parser_init(&r->parser);
  return r;
}

csvin_reader *csvin_open_file(FILE *f, const char *name) {
  csvin_reader *r = csvin_open_stream(f, name);
  r->own_file = true;
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

csvin_reader *csvin_open_memory(const char *buf, size_t len, const char *name, int first_line) {
  csvin_reader *r = xcalloc(1, sizeof *r);
  r->name = xstrdup(name);
  r->line = first_line;
  r->chunk = (char *)buf;
  r->chunk_len = len;
  r->borrowed = true;
  r->chunk_cr = memchr(buf, '\r', len) != NULL;
  r->chunk_quote = memchr(buf, '"', len) != NULL;
  parser_init(&r->parser);
  return r;
}

size_t csvin_unparsed(csvin_reader *r, const char **buf, int *line, FILE **rest) {
  *buf = r->chunk + r->chunk_pos;
  *line = r->line;
  *rest = r->borrowed ? NULL : r->f;
  size_t n = r->chunk_len - r->chunk_pos;
  r->chunk_pos = r->chunk_len;
  return n;
}

const char *csvin_name(const csvin_reader *r) { return r->name; }

void csvin_close(csvin_reader *r) {
  if (!r) return;
  if (r->own_file) fclose(r->f);
  csv_free(&r->parser);
  free(r->name);
  if (!r->borrowed) free(r->chunk);
  free(r->text);
  free(r->kept);
  free(r->out);
  free(r);
}

/* After a malformed row: a fresh parser, and the rest of the line dropped. */
static void restart(csvin_reader *r) {
  csv_free(&r->parser);
  parser_init(&r->parser);
  r->sink->col = 0;
  r->row_bytes = 0;
  r->row_start = 0;
}

/* The next piece of input: up to and including one line end (LF, CR or
 * CRLF), so that one piece ends at most one row. Returns its length, 0 at
 * the end of the input, or -1 on a read error. */
static long next_piece(csvin_reader *r, const char **piece, bool *ends_line, err **e) {
  if (r->chunk_pos >= r->chunk_len) {
    if (r->borrowed) return 0;
    r->chunk_len = fread(r->chunk, 1, READ_CHUNK, r->f);
    r->chunk_pos = 0;
    if (r->chunk_len == 0) {
      if (ferror(r->f)) {
        *e = err_new(r->name, r->line, 0, "read error: %s", strerror(errno));
        return -1;
      }
      return 0;
    }
    if (r->at_start) {
      r->at_start = false;
      if (r->chunk_len >= 3 && memcmp(r->chunk, "\xEF\xBB\xBF", 3) == 0) r->chunk_pos = 3;
    }
    r->chunk_cr = memchr(r->chunk, '\r', r->chunk_len) != NULL;
    r->chunk_quote = memchr(r->chunk, '"', r->chunk_len) != NULL;
  }
  const char *s = r->chunk + r->chunk_pos;
  size_t avail = r->chunk_len - r->chunk_pos;
  /* memchr is fast; a lone CR (old Mac files) is looked for only before
   * the LF, where it ends a line of its own */
  const char *lf = memchr(s, '\n', avail);
  size_t len = lf ? (size_t)(lf - s) : avail;
  const char *cr = r->chunk_cr ? memchr(s, '\r', len) : NULL;
  if (cr) len = (size_t)(cr - s);
  *ends_line = len < avail;
  if (len < avail) {
    /* CRLF is one line end; a CR at the end of the chunk may be followed by
     * an LF in the next one, which then arrives as an empty piece */
    len += (s[len] == '\r' && len + 1 < avail && s[len + 1] == '\n') ? 2 : 1;
  }
  *piece = s;
  r->chunk_pos += len;
  return (long)len;
}

int csvin_pump(csvin_reader *r, csvin_sink *sink, err **e) {
  if (r->done) return 0;
  r->sink = sink;
  sink->row_ended = false;
  while (!sink->row_ended) {
    const char *s;
    bool ends_line = false;
    long len = next_piece(r, &s, &ends_line, e);
    if (len < 0) return -1;
    if (len == 0) {
      r->done = true;
      int from = r->row_start ? r->row_start : r->line;
      int last = r->ended_nl ? r->line - 1 : r->line;
      if (last < from) last = from;
      if (csv_fini(&r->parser, sink->field, on_row, sink) != 0) {
        /* the open quote swallowed every line after it: say which */
        if (last > from)
          *e = err_new(r->name, from, sink->col + 1,
                       "the file ends inside a quoted field, so lines %d to %d are one unfinished row", from, last);
        else
          *e = err_new(r->name, from, sink->col + 1, "the file ends inside a quoted field");
        err_hint(*e, "close the quote that was opened on line %d", from);
        return 2;
      }
      return sink->row_ended ? 1 : 0;
    }
    r->quoted = r->chunk_quote && memchr(s, '"', (size_t)len) != NULL;
    size_t done = csv_parse(&r->parser, s, (size_t)len, sink->field, on_row, sink);
    /* what the row still being parsed has cost so far */
    if (sink->row_ended || r->parser.pstate == 0) {
      r->row_bytes = 0;
      r->row_start = 0;
    } else {
      if (!r->row_start) r->row_start = r->line;
      if ((r->row_bytes += (size_t)len) > CSVIN_MAX_ROW) {
        /* a row (or an unclosed quote) without end: stop before memory grows */
        *e = err_new(r->name, r->row_start, sink->col + 1, "this row is longer than %d MiB; reading stops here",
                     (int)(CSVIN_MAX_ROW >> 20));
        err_hint(*e, "look for a quote that is never closed, or split the text of the field");
        r->done = true;
        return -1;
      }
    }
    int line = r->line;
    /* a CRLF split across two reads counts as one line end */
    bool lf_after_cr = len == 1 && s[0] == '\n' && r->last_cr;
    if (ends_line && !lf_after_cr) r->line++;
    r->last_cr = ends_line && s[len - 1] == '\r';
    r->ended_nl = ends_line;
    if (done != (size_t)len) {
      if (r->row_start && r->row_start < line)
        *e = err_new(r->name, line, sink->col + 1, "malformed quotes in this field; the row, from line %d, is skipped",
                     r->row_start);
      else
        *e = err_new(r->name, line, sink->col + 1, "malformed quotes in this field; the row is skipped");
      err_hint(*e, "quote a whole field (\"like, this\") and double any quote inside it (\"\")");
      restart(r);
      return 2;
    }
  }
  return 1;
}

/* ---- csvin_next: a row kept by the reader ---------------------------------- */

static void keep_field(void *data, size_t len, void *sink) {
  csvin_sink *s = sink;
  csvin_reader *r = s->ud;
  const char *text = data ? data : "";
  int col = ++s->col;
  int line = csvin_field_line(r, text, len);
  if (col == 1) {
    r->nkept = 0;
    r->text_len = 0;
  }
  if (r->text_len + len + 1 > r->text_cap) {
    while (r->text_len + len + 1 > r->text_cap) r->text_cap = r->text_cap ? r->text_cap * 2 : 4096;
    r->text = xrealloc(r->text, r->text_cap);
  }
  memcpy(r->text + r->text_len, text, len);
  r->text[r->text_len + len] = '\0';
  if (r->nkept == r->kept_cap) {
    r->kept_cap = r->kept_cap ? r->kept_cap * 2 : 64;
    r->kept = xrealloc(r->kept, sizeof *r->kept * (size_t)r->kept_cap);
  }
  r->kept[r->nkept++] = (kept_field){r->text_len, len, line, col};
  r->text_len += len + 1;
}

int csvin_next(csvin_reader *r, csvin_row *row, err **e) {
  csvin_sink sink = {keep_field, NULL, r, 0, false};
  int rc = csvin_pump(r, &sink, e);
  if (rc != 1) return rc;
  if (r->nkept > r->out_cap) {
    r->out_cap = r->nkept * 2;
    r->out = xrealloc(r->out, sizeof *r->out * (size_t)r->out_cap);
  }
  for (int i = 0; i < r->nkept; i++) {
    kept_field *f = &r->kept[i];
    r->out[i] = (csvin_field){r->text + f->off, f->len, f->line, f->col};
  }
  row->fields = r->out;
  row->nfields = r->nkept;
  row->line = r->nkept ? r->kept[0].line : r->line;
  return 1;
}
