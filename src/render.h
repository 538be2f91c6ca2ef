/* render: output formats for decided rows. A renderer turns explanation
 * trees into bytes; it never evaluates.
 *
 * Every command's output goes through the one interface below: text, JSON,
 * CSV, Markdown, TAP and JUnit are formats of it, and each format says
 * which kinds of results it renders. */
#ifndef RATIO_RENDER_H
#define RATIO_RENDER_H

#include <stdio.h>

#include "cases.h"
#include "compare.h"
#include "coverage.h"
#include "err.h"
#include "explain.h"
#include "pack.h"
#include "table.h"
#include "testrun.h"
#include "whatif.h"

typedef struct render_summary {
  int read;      /* data rows read */
  int decided;   /* every opinion reached an outcome */
  int undecided; /* some opinion's outcome is unknown */
  int outside;   /* the row is outside the pack (`outside` in the pack) */
  int failed;    /* the row could not be read or a rule failed */
  int duplicate_ids; /* rows whose id an earlier row already had */
  int parted;    /* compare: rows on which some opinions part ways */
  int passed, expect_failed; /* test: expectations that held and that did not */
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

/* What a renderer renders: the results of one command. */
typedef enum {
  RENDER_EVAL,    /* decisions with their explanations (ratio eval) */
  RENDER_COMPARE, /* opinions side by side (ratio compare) */
  RENDER_WHATIF,  /* the changes that would change a row (ratio whatif) */
  RENDER_TEST,    /* expectations checked (ratio test) */
  RENDER_TABLE,   /* decision tables, a whole document (ratio table) */
  RENDER_FACTS,   /* a pack's facts, findings and opinions (ratio facts) */
} render_kind;

/* One thing to render, of the renderer's kind: a row's results or, for
 * RENDER_TABLE, the whole document (row is NULL). Borrowed for the call. */
typedef struct render_item {
  const case_row *row;
  const render_result *results;        /* RENDER_EVAL: one per opinion */
  const compare_result *compare;       /* RENDER_COMPARE */
  whatif_result *const *whatifs;       /* RENDER_WHATIF: one per opinion */
  const test_result *test;             /* RENDER_TEST: one expectation */
  table *const *tables;                /* RENDER_TABLE */
  int n;                               /* results, whatifs or tables */
} render_item;

/* What a renderer is made from. Borrowed: it must outlive the renderer. */
typedef struct render_setup {
  FILE *out;
  FILE *diag;              /* what is not output (csv: errors); NULL: stderr */
  const pack *p;
  const int *opinions;     /* the opinions rows are decided under, in order */
  int nopinions;
  const render_column *columns; /* eval csv: the columns (NULL: the outcome) */
  int ncolumns;
  bool quiet;              /* test text: only the failures and the summary */
  const coverage *cov;     /* test: what the rows exercised, shown at the end */
} render_setup;

/* A renderer: made by its format's maker from a render_setup, which alone
 * writes its fields (render_begin and render_set_output aside). The row
 * driver calls render_begin once, then item or row_error once per row
 * (with `separator` between rows when set), then end. */
typedef struct renderer renderer;
struct renderer {
  render_kind kind;
  FILE *out;
  FILE *diag;
  const char *separator; /* written between rows by the driver (json: ",\n"), or NULL */
  const pack *p;
  const char *source;    /* the case file's name, from render_begin */
  const int *opinions;   /* the opinions, in order */
  int nopinions;
  void *state;           /* owned by the format */
  /* RENDER_EVAL: what the results must carry */
  bool wants_tree;       /* explanation trees */
  const int *node_columns; /* the values of these nodes */
  int nnode_columns;
  bool quiet;
  const coverage *cov;
  void (*begin)(renderer *r);
  void (*item)(renderer *r, const render_item *it);
  /* A row that could not be read, or (compare, whatif) on which a rule failed. */
  void (*row_error)(renderer *r, const case_row *row, const err *e);
  void (*end)(renderer *r, const render_summary *s);
  /* Write what the format holds back (NULL when it holds nothing back); the
   * driver calls it before r->out changes or the run ends. */
  void (*flush)(renderer *r);
  void (*free)(renderer *r);
};

/* A renderer of `kind` in the format named `format` ("text", "json", ...).
 * Returns NULL with *e set (the formats there are) when the kind has no
 * such format. Free with render_free. */
renderer *render_new(render_kind kind, const char *format, const render_setup *s, err **e);

/* Whether a kind has the format `format`. */
bool render_has_format(render_kind kind, const char *format);

/* The formats of a kind, for help and messages: "text, json, csv". */
const char *render_formats(render_kind kind);

/* Start the output of rows read from `source`. */
void render_begin(renderer *r, const char *source);

/* Write to other streams from now on (a worker's block in memory); flushes
 * first what the format holds back. */
void render_set_output(renderer *r, FILE *out, FILE *diag);

void render_free(renderer *r);

/* The makers, one per format file, called by render_new. */
renderer *render_text_new(const render_setup *s);
renderer *render_json_new(const render_setup *s);
renderer *render_csv_new(const render_setup *s);
renderer *render_html_new(const render_setup *s);
renderer *render_md_new(const render_setup *s);
renderer *render_compare_new(const render_setup *s, const char *format);
renderer *render_whatif_new(const render_setup *s, const char *format);
renderer *render_test_new(const render_setup *s, const char *format);
renderer *render_table_new(const render_setup *s, const char *format);
renderer *render_facts_new(const render_setup *s, const char *format);

/* The explanation tree of `ratio eval --format json`, for other commands'
 * JSON documents: the same writer, so the schema stays one. */
typedef struct render_json_tree render_json_tree;
render_json_tree *render_json_tree_new(const pack *p);
/* A tree node and its children as JSON text; the caller frees it. */
char *render_json_tree_text(render_json_tree *t, const explain_node *x);
void render_json_tree_free(render_json_tree *t);


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

/* Text for Markdown: the characters that would start emphasis, code or a
 * table cell are escaped with a backslash. */
void render_put_md(FILE *out, const char *s);

/* Where a row comes from, for a heading: "cases.csv:3" (prose: "cases.csv,
 * line 3"), or "from --set" for the row --set options made without a file
 * (line 0). Written into buf and returned. */
#define RENDER_PLACE_MAX 4200
const char *render_place(const char *source, const case_row *row, bool prose, char *buf, size_t bufsz);

/* The summary line: "2 rows: 2 decided, 0 undecided, 0 failed", with "N
 * outside this pack" before "failed" when some row is. */
void render_summary_line(FILE *out, const render_summary *s);

#endif
