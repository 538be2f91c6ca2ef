/* render: output formats for decided rows. A renderer turns explanation
 * trees into bytes; it never evaluates.
 *
 * Every format implements the same four calls, which the batch driver makes
 * in order: begin once, then row or row_error once per data row, then end. */
#ifndef RATIO_RENDER_H
#define RATIO_RENDER_H

#include <stdio.h>

#include "cases.h"
#include "err.h"
#include "explain.h"
#include "pack.h"

typedef struct render_summary {
  int read;      /* data rows read */
  int decided;   /* every opinion reached an outcome */
  int undecided; /* some opinion's outcome is unknown */
  int failed;    /* the row could not be read or a rule failed */
} render_summary;

typedef struct renderer renderer;
struct renderer {
  FILE *out;
  const pack *p;
  const char *source; /* the case file's name */
  void *state;        /* owned by the format */
  void (*begin)(renderer *r);
  void (*row)(renderer *r, const case_row *row, explain_tree *const *trees, int ntrees);
  void (*row_error)(renderer *r, const case_row *row, const err *e);
  void (*end)(renderer *r, const render_summary *s);
  void (*free)(renderer *r);
};

/* The formats. Each returns a renderer the caller frees with render_free. */
renderer *render_text_new(FILE *out, const pack *p, const char *source);
renderer *render_json_new(FILE *out, const pack *p, const char *source);
void render_free(renderer *r);

/* A pack's schema (facts, findings, opinions) for `ratio facts`. */
void render_schema_text(FILE *out, const pack *p);
void render_schema_json(FILE *out, const pack *p);

/* Format a citation with its pin cite: "Daniels v. Williams, 474 U.S. 327,
 * 328 (1986)". Writes into buf and returns it. */
const char *render_cite(const pack_authority *a, char *buf, size_t bufsz);

/* The summary line: "2 rows: 2 decided, 0 undecided, 0 failed". */
void render_summary_line(FILE *out, const render_summary *s);

#endif
