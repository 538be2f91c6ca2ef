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
  int outside;   /* the row is outside the pack (`outside` in the pack) */
  int failed;    /* the row could not be read or a rule failed */
  int duplicate_ids; /* rows whose id an earlier row already had */
  /* The same per row and opinion (render_summary_count): an opinion decided
   * a row when it reached an outcome or, leaving it open, still disposed of
   * the judgment (a remand); a row that could not be read failed under each. */
  int opinions_decided, opinions_undecided, opinions_outside, opinions_failed;
} render_summary;

/* One row's result under one opinion. */
typedef struct render_result {
  int opinion;
  rval outcome;
  const char *outcome_name;  /* the decided node's value name, or "unknown" */
  const char *disposition;   /* NULL when the opinion gives none */
  explain_tree *tree;        /* the explanation; NULL unless wants_tree */
  const char *const *values; /* the values of the nodes in `columns` */
  err *error;                /* the opinion's rule failed on this row: no result */
  int outside;               /* the pack's `outside` the row met, or -1 */
} render_result;

/* A column of the csv format: the outcome, the disposition or a node. */
typedef enum { COLUMN_OUTCOME, COLUMN_DISPOSITION, COLUMN_NODE } column_kind;
typedef struct render_column {
  column_kind kind;
  int node;
} render_column;

typedef struct renderer renderer;
struct renderer {
  FILE *out;
  FILE *diag;         /* where a format writes what is not its output (csv: errors) */
  const char *separator; /* written between rows by the batch (json: ",\n"), or NULL */
  const pack *p;
  const char *source; /* the case file's name */
  void *state;        /* owned by the format */
  bool wants_tree;    /* the batch builds explanation trees only for these */
  const int *node_columns; /* nodes whose values results must carry */
  int nnode_columns;
  const int *opinions; /* set by the batch before begin: the opinions, in order */
  int nopinions;
  void (*begin)(renderer *r);
  void (*row)(renderer *r, const case_row *row, const render_result *res, int n);
  void (*row_error)(renderer *r, const case_row *row, const err *e);
  void (*end)(renderer *r, const render_summary *s);
  /* Write what the format holds back (NULL when it holds nothing back); the
   * batch calls it before r->out changes or the run ends. */
  void (*flush)(renderer *r);
  void (*free)(renderer *r);
};

/* The formats. Each returns a renderer the caller frees with render_free. */
renderer *render_text_new(FILE *out, const pack *p, const char *source);
/* The text format's choices (render_text_new takes the defaults). */
typedef struct render_text_options {
  int depth;  /* levels of elements shown below each outcome; -1: all */
  bool brief; /* the summary of each row only, no reasoning */
} render_text_options;
renderer *render_text_new_with(FILE *out, const pack *p, const char *source, const render_text_options *opts);
renderer *render_json_new(FILE *out, const pack *p, const char *source);
/* One line per row: id, then for each opinion its columns (default: the
 * outcome). Failed rows get "error" in every column; their errors and the
 * summary go to `diag`. */
renderer *render_csv_new(FILE *out, const pack *p, const char *source, const render_column *cols,
                         int ncols, FILE *diag);
void render_free(renderer *r);

/* The explanation tree of `ratio eval --format json`, for other commands'
 * JSON documents: the same writer, so the schema stays one. */
typedef struct render_json_tree render_json_tree;
render_json_tree *render_json_tree_new(const pack *p);
/* A tree node and its children as JSON text; the caller frees it. */
char *render_json_tree_text(render_json_tree *t, const explain_node *x);
void render_json_tree_free(render_json_tree *t);

/* A pack's schema (facts, findings, opinions) for `ratio facts`. */
void render_schema_text(FILE *out, const pack *p);
void render_schema_json(FILE *out, const pack *p);

/* A citation with its pin cite, whole however long: "Daniels v. Williams,
 * 474 U.S. 327, 328 (1986)". The caller frees it. */
char *render_cite(const pack_authority *a);

/* A name for reading: "vacate_and_remand" as "vacate and remand" (upper:
 * "VACATE AND REMAND"), written into buf (cut to bufsz, never unterminated)
 * and returned; NULL reads "none". */
const char *render_spaced(const char *s, char *buf, size_t bufsz);
const char *render_upper(const char *s, char *buf, size_t bufsz);

/* The same, straight to a stream, whole, by putc_unlocked: the caller holds
 * the stream's lock (flockfile) or is its only writer. */
void render_put_spaced(FILE *out, const char *s);
void render_put_upper(FILE *out, const char *s);

/* Count one row's results under its n opinions into s's opinion counts;
 * res NULL: the row could not be read, and failed under each. */
void render_summary_count(render_summary *s, const render_result *res, int n);

/* The summary line: "2 rows under 3 opinions: 6 decided, 0 undecided, 0
 * failed", with "N outside this pack" before "failed" when some are; a
 * summary without opinion counts gives the rows' ("2 rows: 2 decided, ..."). */
void render_summary_line(FILE *out, const render_summary *s);

/* How text names an opinion, as a casebook heads it: a title that names its
 * author ("Brennan, J., dissenting"); for one of the case's own opinions
 * (`own`, pack_case_opinions) its author and role ("Rehnquist, J., for the
 * Court"); else its title, its author and role, or its name. The caller
 * frees it. */
char *render_opinion_name(const pack_opinion *o, bool own);

/* The span an opinion was the law, for older or later law: "the law from
 * 1981 until Daniels, 1986", "the law from 2015"; NULL when it has no
 * dates. The caller frees it. */
char *render_opinion_span(const pack_opinion *o);

#endif
