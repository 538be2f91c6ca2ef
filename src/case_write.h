/* case_write: a row written into a case file, for `ratio ask` to save an
 * interview's answers where `ratio eval -f` reads them.
 *
 * A new file gets the header `ratio facts --template` writes; an existing
 * one keeps its own columns, checked against the pack as the reader
 * checks them, and the row is appended in that order (blank under
 * expectations, which a saved row has none of). */
#ifndef RATIO_CASE_WRITE_H
#define RATIO_CASE_WRITE_H

#include "cases.h"
#include "err.h"
#include "pack.h"

/* The cell a case file holds for the row's fact: "yes", a value's name, a
 * number, a date or text as written; "" when blank. The caller frees it. */
char *case_write_fact(const pack *p, const case_row *row, int fact);

/* The same for a finding: the value's name, "" when the row supplies none. */
char *case_write_finding(const pack *p, const case_row *row, int node);

/* Append the row's facts and findings under the id `id` (no title or note)
 * to the case file at `path`, making it when it does not exist (its name
 * must then end in .csv). Refused, with nothing written: an id a case file
 * cannot hold, or one the file already has; a file whose header does not
 * suit the pack; anything but a regular file. Returns 0, or -1 with *e
 * set. */
int case_write_append(const pack *p, const char *path, const case_row *row, const char *id, err **e);

#endif
