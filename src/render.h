/* render: output formats for decided rows. A renderer turns explanation
 * trees into bytes; it never evaluates.
 *
 * Every command's output goes through the one interface below: text, JSON,
 * CSV, Markdown, TAP and JUnit are formats of it, and each format says
 * which kinds of results it renders. */
#ifndef RATIO_RENDER_H
#define RATIO_RENDER_H

#include <stdio.h>

#include "brief.h"
#include "cases.h"
#include "compare.h"
#include "coverage.h"
#include "distinguish.h"
#include "err.h"
#include "explain.h"
#include "pack.h"
#include "quiz.h"
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

/* What a renderer renders: the results of one command. */
typedef enum {
  RENDER_EVAL,    /* decisions with their explanations (ratio eval) */
  RENDER_COMPARE, /* opinions side by side (ratio compare) */
  RENDER_WHATIF,  /* the changes that would change a row (ratio whatif) */
  RENDER_TEST,    /* expectations checked (ratio test) */
  RENDER_TABLE,   /* decision tables, a whole document (ratio table) */
  RENDER_FACTS,   /* a pack's facts, findings and opinions (ratio facts) */
  RENDER_QUIZ,    /* a quiz: fact patterns, questions, grades (ratio quiz) */
  RENDER_DISTINGUISH, /* the closest decided cases and the argument by analogy (ratio distinguish) */
  RENDER_BRIEF,   /* an argument outline for one side (ratio brief) */
} render_kind;

/* RENDER_QUIZ: one step of a quiz, in the order they happen. */
typedef enum {
  QUIZ_SHOW,    /* a fact pattern and the choices */
  QUIZ_ASK,     /* a question: an opinion's outcome or its element */
  QUIZ_ANSWER,  /* what the student answered (shown when not typed on a terminal) */
  QUIZ_RETRY,   /* an answer that is none of the choices */
  QUIZ_GRADED,  /* the grades, and the explanation of every miss */
  QUIZ_STOPPED  /* the student quit, or the answers ended, before the grades */
} quiz_step;

/* A student's answers to one opinion's questions, and their grade. */
typedef struct quiz_answer {
  rval outcome;          /* a value, RV_UNKNOWN, or QUIZ_NO_ANSWER */
  int element;           /* a node, or QUIZ_NO_ANSWER */
  quiz_grade grade;
} quiz_answer;

typedef struct render_quiz {
  quiz_step step;
  const quiz_round *round;
  const quiz_hyp *hyp;     /* a generated fact pattern: its boundary; NULL
                            * for a case file's row */
  int number, count;       /* the fact pattern's number (from 1); how many
                            * there are (0: as many as the file holds) */
  bool generated;          /* the quiz's fact patterns were drawn ... */
  uint64_t seed;           /* ... from this seed */
  int key;                 /* ASK, ANSWER, RETRY: the opinion (a key) */
  bool element;            /*   the question is its element, not its outcome */
  const char *text;        /* ANSWER, RETRY: what the student typed */
  bool echo;               /* answers are not typed on a terminal: ANSWER shows them */
  const quiz_answer *answers; /* GRADED: one per key */
  bool ended;              /* STOPPED: the answers ended (else: quit) */
} render_quiz;

/* One thing to render, of the renderer's kind: a row's results or, for
 * RENDER_TABLE, the whole document (row is NULL). Borrowed for the call. */
typedef struct render_item {
  const case_row *row;
  const render_result *results;        /* RENDER_EVAL: one per opinion */
  const compare_result *compare;       /* RENDER_COMPARE */
  whatif_result *const *whatifs;       /* RENDER_WHATIF: one per opinion */
  const test_result *test;             /* RENDER_TEST: one expectation */
  table *const *tables;                /* RENDER_TABLE */
  const render_quiz *quiz;             /* RENDER_QUIZ: one step */
  int n;                               /* results, whatifs or tables */
  const distinguish_result *distinguish; /* RENDER_DISTINGUISH */
  const brief_result *brief;           /* RENDER_BRIEF */
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
  bool limit_depth;        /* eval text: show only `depth` levels of elements */
  int depth;               /* below each outcome */
  bool brief;              /* eval text: the summary of each row only, no reasoning */
  bool reasoning_only;     /* eval text: only each opinion's reasoning (another
                            * output has shown the row and the results) */
  const coverage *cov;     /* test: what the rows exercised, shown at the end */
  bool continues;          /* quiz csv: the output goes on a file that
                            * already has its header */
  int top;                 /* distinguish: precedents shown in full (0: 5) */
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
  int top;               /* distinguish: precedents shown in full */
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

/* For the formats that write one whole document per row (whatif, brief,
 * distinguish): a row the command could not handle writes no document,
 * its error goes to diag. */
void render_row_error_to_diag(renderer *r, const case_row *row, const err *e);

/* A format's free for a state that is one allocation. */
void render_free_state(renderer *r);

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
renderer *render_quiz_new(const render_setup *s, const char *format);
renderer *render_distinguish_new(const render_setup *s, const char *format);
renderer *render_brief_new(const render_setup *s, const char *format);

/* One fact pattern of the page's quiz (POST /api/quiz), outside the
 * renderer interface as the page asks for one at a time: schema
 * ratio.quiz-step/1, one line. With q->step QUIZ_SHOW, the question: the
 * fact pattern and the choices, nothing of the answer key, no boundary;
 * with QUIZ_GRADED, the grades too, the fact pattern then exactly as
 * `ratio quiz --format json` writes it in its transcript. The caller frees
 * the text, which ends in a line break; *len is its length. */
char *render_quiz_step_json(const pack *p, const render_quiz *q, size_t *len);

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

/* Text in lines of at most `width` columns, broken at spaces, then a line
 * end: the first line after `first` columns already written, the others
 * indented by `indent`. A word longer than a line stays whole. */
void render_wrap(FILE *out, const char *s, int width, int first, int indent);

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

/* An opinion as every text output heads it: render_opinion_name, the
 * case's own opinions (pack_case_opinions) by their judges, other law with
 * its span ("Parratt v. Taylor, ..., the law from 1981 until Daniels,
 * 1986"). The caller frees it. */
char *render_opinion_label(const pack *p, int op);

/* The span an opinion was the law, for older or later law: "the law from
 * 1981 until Daniels, 1986", "the law from 2015"; NULL when it has no
 * dates. The caller frees it. */
char *render_opinion_span(const pack_opinion *o);

#endif
