/* csvin: streaming CSV rows with positions, over libcsv.
 *
 * The reader feeds libcsv one input line at a time, so every field knows the
 * line it started on; columns are field numbers (1-based), as a spreadsheet
 * counts them. Fields go straight to a sink as libcsv finds them (nothing is
 * copied), or, through csvin_next, into a row the reader keeps until the
 * next call. A malformed row (a stray quote) is reported and skipped, and
 * reading goes on with the next line. Memory does not grow with the file. */
#ifndef RATIO_CSVIN_H
#define RATIO_CSVIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"

/* The longest row (or quoted field) the reader accepts, in bytes: memory
 * stays bounded whatever the file holds. A longer one stops the reading
 * (csvin_pump returns -1). */
#define CSVIN_MAX_ROW ((size_t)8 << 20)

typedef struct csvin_field {
  const char *text; /* NUL-terminated; borrowed until the next csvin_next */
  size_t len;
  int line;         /* the line the field starts on */
  int col;          /* 1-based field number */
} csvin_field;

typedef struct csvin_row {
  csvin_field *fields; /* borrowed until the next csvin_next */
  int nfields;
  int line;            /* the line the row starts on */
} csvin_row;

typedef struct csvin_reader csvin_reader;

/* Receives fields and row ends as they are parsed. libcsv calls `field`
 * itself, with the sink as its last argument, so that a field costs one
 * call: `text` is not NUL-terminated (it may be NULL when len is 0) and is
 * valid only during the call. The field callback counts the row's fields in
 * `col`, one per call, so a row's first field is col 1; csvin reads the
 * count for its own messages and resets it when a row ends, after calling
 * `row` (which may be NULL). A malformed row's fields may have come without
 * a row end: a sink starts a new row at col 1. */
typedef struct csvin_sink {
  void (*field)(void *text, size_t len, void *sink);
  void (*row)(struct csvin_sink *sink);
  void *ud;
  int col;        /* the sink's count of the unfinished row's fields */
  bool row_ended; /* csvin's: a row ended during the current csvin_pump */
} csvin_sink;

/* The line a field handed to a sink starts on: call it only from the field
 * callback, with that call's text and length. */
int csvin_field_line(const csvin_reader *r, const char *text, size_t len);

/* Open `path` ("-" reads standard input). The caller closes the reader with
 * csvin_close. Returns NULL and sets *e when the file cannot be opened. */
csvin_reader *csvin_open(const char *path, err **e);

/* Read from an open stream; `name` is how messages call it. The stream is
 * not closed by csvin_close. */
csvin_reader *csvin_open_stream(FILE *f, const char *name);

/* The same, for a stream the reader owns: csvin_close closes it. */
csvin_reader *csvin_open_file(FILE *f, const char *name);

/* Read CSV text held in memory (not copied: it must outlive the reader),
 * counting lines from first_line. For parallel runs: a block of whole rows
 * cut from a file after its header. */
csvin_reader *csvin_open_memory(const char *buf, size_t len, const char *name, int first_line);

/* After some rows have been read: the bytes read from the file but not yet
 * parsed (borrowed until the next call), the line they start on, and the
 * stream the rest of the file comes from. Parsing must stand between rows. */
size_t csvin_unparsed(csvin_reader *r, const char **buf, int *line, FILE **rest);

/* Parse until the sink has been given one whole row (returns 1), the input
 * ends (0), a malformed row was skipped (2, with *e its error: call again
 * to go on), or the input cannot be read (-1, *e set). */
int csvin_pump(csvin_reader *r, csvin_sink *sink, err **e);

/* The next row, kept by the reader: 1 and *row filled, 0 at the end, 2 for a
 * malformed row (skipped, *e set), -1 on a read error. */
int csvin_next(csvin_reader *r, csvin_row *row, err **e);

/* The name messages use for the file. */
const char *csvin_name(const csvin_reader *r);

void csvin_close(csvin_reader *r);

#endif
