/* csvin: streaming CSV rows with positions, over libcsv.
 *
 * The reader feeds libcsv one input line at a time, so every field knows the
 * line it started on; columns are field numbers (1-based), as a spreadsheet
 * counts them. Memory stays bounded by the longest run of rows in one read
 * buffer, not by the file. */
#ifndef RATIO_CSVIN_H
#define RATIO_CSVIN_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

typedef struct csvin_field {
  const char *text; /* NUL-terminated; borrowed until the next csvin_next */
  size_t len;
  int line;         /* the line the field starts on */
  int col;          /* 1-based field number */
} csvin_field;

typedef struct csvin_row {
  csvin_field *fields; /* borrowed until the next csvin_next */
  int nfields;
  int line;          /* the line the row starts on */
} csvin_row;

typedef struct csvin_reader csvin_reader;

/* Open `path` ("-" reads standard input). The caller closes the reader with
 * csvin_close. Returns NULL and sets *e when the file cannot be opened. */
csvin_reader *csvin_open(const char *path, err **e);

/* Read from an open stream; `name` is how messages call it. The stream is
 * not closed by csvin_close. */
csvin_reader *csvin_open_stream(FILE *f, const char *name);

/* The next row: 1 and *row filled, 0 at the end, -1 with *e set on a
 * malformed file (an unterminated quote, a stray quote, a read error). */
int csvin_next(csvin_reader *r, csvin_row *row, err **e);

/* The name messages use for the file. */
const char *csvin_name(const csvin_reader *r);

void csvin_close(csvin_reader *r);

#endif
