/* cases: case files read against a pack: typed facts, findings and
 * expectations, one row at a time.
 *
 * The header is checked once (every column must be a fact, a finding, a
 * reserved column or an expectation); each data row then becomes a case_row
 * of typed values, or an error record with file:line:column, the allowed
 * values and a did-you-mean. */
#ifndef RATIO_CASES_H
#define RATIO_CASES_H

#include <stdbool.h>
#include <stdint.h>

#include "csvin.h"
#include "err.h"
#include "pack.h"

typedef enum { EXPECT_OUTCOME, EXPECT_DISPOSITION, EXPECT_NODE } expect_kind;

/* One expect.<target>[@<opinion>] column. */
typedef struct case_expect_col {
  int col;            /* 1-based column number */
  expect_kind kind;
  int node;           /* EXPECT_NODE: the node */
  int opinion;        /* the opinion, or -1 for every opinion */
  char *header;       /* owned: the column's header text */
} case_expect_col;

/* A fact's value in a row. `v` is RV_UNKNOWN for a blank cell; for yes/no
 * and one-of facts it is the value index; for numbers and dates it is RV_YES
 * when known and the value is in `num`; for text it is RV_YES and the text
 * is in `text`. */
typedef struct case_value {
  rval v;
  double num;
  const char *text; /* borrowed until the next row */
  int col;          /* the column it came from, 0 when the file has none */
} case_value;

/* A row. Arrays are owned by the reader and reused: valid until the next
 * cases_next. */
typedef struct case_row {
  const char *id;     /* never NULL for a read row; "" when the cell is blank */
  const char *title;  /* NULL when absent */
  const char *note;
  int line;
  int id_col;         /* the id's column */
  int number;         /* 1-based count of data rows */
  case_value *facts;  /* one per pack fact */
  rval *findings;     /* one per pack node; meaningful where has_finding */
  bool *has_finding;
  const char **expect; /* one per expect column; NULL when the cell is blank */
} case_row;

typedef struct case_reader case_reader;

/* Open a case file for a pack and check its header. Returns NULL and sets
 * *e (every header problem) when the file or its header is unusable. The
 * caller closes the reader with cases_close; the pack must outlive it.
 * A path the pack lists (one of p->cases) is opened by pack_open_case,
 * inside the pack folder and never from a pipe; any other path as given
 * ("-" is standard input). */
case_reader *cases_open(const pack *p, const char *path, err **e);

/* A reader of one block of rows in memory (whole rows, starting on line
 * first_line), with the header already read by `from`. For parallel runs;
 * the block must outlive the reader, and `from` too. */
case_reader *cases_open_block(const case_reader *from, const char *buf, size_t len, int first_line);

/* The reader's CSV reader, to take the unparsed rest of the file from. */
csvin_reader *cases_csv(case_reader *r);

/* The next row: 1 with *row filled; 0 at the end; 2 when the row could not
 * be read (*e is that row's error record, *row has its id and line, and the
 * next call goes on with the following row); -1 when the file itself is
 * broken and reading must stop (*e set). */
int cases_next(case_reader *r, case_row *row, err **e);

/* The expectation columns of the header. */
const case_expect_col *cases_expect_cols(const case_reader *r, int *n);

/* The file name messages use. */
const char *cases_name(const case_reader *r);

void cases_close(case_reader *r);

/* Duplicate ids, in memory that does not grow with the file: a fixed table
 * of the first CASE_IDS_MAX ids (by a 64-bit hash, with the line each was
 * on). Every row's id is checked against the ids kept; a duplicate is found
 * whenever the earlier row with that id is among the first CASE_IDS_MAX rows
 * with an id. */
#define CASE_IDS_MAX 65536
typedef struct case_ids case_ids;

/* A new, empty table; the caller frees it with case_ids_free. */
case_ids *case_ids_new(void);

/* Check `id` (read on `line`) and remember it while there is room. Returns
 * the line of an earlier row with the same id, or 0. Blank ids are ignored. */
int case_ids_check(case_ids *t, const char *id, int line);

/* The same in two steps, so that the table's memory can be on its way
 * while other work goes on: the id's hash (0 for a blank id, which is never
 * a duplicate), a hint to fetch what the check will read, and the check. */
uint64_t case_id_hash(const char *id);
void case_ids_prefetch(const case_ids *t, uint64_t hash);
int case_ids_check_hash(case_ids *t, uint64_t hash, int line);

void case_ids_free(case_ids *t);

/* The error for a row whose id `id` (at file:line:col) an earlier row on
 * line `first` already has; the caller frees it. */
err *case_ids_error(const char *file, int line, int col, const char *id, int first);

/* Reused ids, to report after the rows: the first CASE_DUPS_SHOWN in full,
 * then a count, so memory stays bounded however many there are. Start from
 * {0}; case_dups_free frees what it holds. */
#define CASE_DUPS_SHOWN 20
typedef struct case_dups {
  err *shown;
  int count;
} case_dups;
void case_dups_add(case_dups *d, const char *file, int line, int col, const char *id, int first);
void case_dups_print(const case_dups *d, FILE *out);
void case_dups_free(case_dups *d);

/* ---- rows from --set NAME=VALUE ------------------------------------------ */

/* The id of a row built from --set options alone. */
#define CASES_SET_ID "set"

/* A row built from options NAME=VALUE (`--set NAME=VALUE`, repeatable):
 * a copy of `base` (a row read from a case file) or, when base is NULL, an
 * empty row (every fact blank, so unknown; no findings; id CASES_SET_ID,
 * no title or note, line 0, number 1), with each option applied to it.
 *
 * NAME is what a case file's header may name: a fact, a finding (a node
 * with finding = true), or id, title or note (expectations are not for a
 * row made this way). VALUE is read as that column's cell is, by the same
 * code, with the same checks and messages; an empty VALUE blanks it (a
 * fact becomes unknown, a finding is left to the node's rule). A fact set
 * here has col 0, as it comes from no cell of a file. Naming one NAME
 * twice is an error. Every bad option is reported, each at the option
 * itself: "--set culpability=nope: culpability: 'nope' is not one of ...",
 * with a did-you-mean for a misspelt name or value.
 *
 * Returns the row, or NULL with *e set (then nothing is left to free).
 * The caller owns the row and frees it with cases_row_free. It owns all it
 * holds (base's texts are copied), so it stays valid after base's reader
 * moves on or is closed; base's expectations are dropped (row->expect is
 * NULL): they were written for the row as the file has it. A values-only
 * eval context tells rows apart by address, number and line (see
 * eval_values_only): give a row built where a freed one was its own
 * number. */
case_row *cases_set_row(const pack *p, const case_row *base, const char *const *sets, int nsets, err **e);

/* Free a row that cases_set_row returned (and no other); NULL is fine. */
void cases_row_free(case_row *row);

/* A blank CSV header for the pack: id, title, note, the facts, then the
 * findings. The caller frees the string. */
char *cases_template_header(const pack *p);

#endif
