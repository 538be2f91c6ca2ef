/* lint: what `ratio check` finds in a pack and its case files.
 *
 * The checks read the loaded pack model (and, for rule functions, the text
 * of the function in its file) and collect findings: a position, a
 * severity, a message in the author's terms and a fix when one is known.
 * Nothing here prints except lint_print; the command decides the exit code. */
#ifndef RATIO_LINT_H
#define RATIO_LINT_H

#include <stdio.h>

#include "err.h"
#include "pack.h"

typedef enum { LINT_ERROR, LINT_WARNING } lint_severity;

typedef struct lint_finding {
  char *file;    /* owned; NULL when the finding has no file */
  int line;      /* 1-based; 0 when unknown */
  int col;       /* 1-based; 1 when only the line is known, 0 with no line */
  lint_severity severity;
  char *message; /* owned; never NULL */
  char *hint;    /* owned; the fix, or NULL */
  int seq;       /* order of discovery, for a stable sort */
  const char *kind; /* borrowed: the message's format, which tells findings
                     * of one kind apart from the others */
} lint_finding;

typedef struct lint_report {
  lint_finding *items; /* owned */
  int n, cap;
} lint_report;

/* A new, empty report. The caller frees it with lint_free. */
lint_report *lint_new(void);
void lint_free(lint_report *r);

/* Add a finding (the text is copied). */
void lint_add(lint_report *r, const char *file, int line, int col, lint_severity sev,
              const char *hint, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Every error of a chain (a pack that did not load, a case file that could
 * not be read) as an error finding; `where` names the file of errors that
 * carry none. */
void lint_add_errors(lint_report *r, const err *e, const char *where);

/* Sort the findings from index `from` on by file, line and column, keeping
 * the order of discovery among equals. */
void lint_sort(lint_report *r, int from);

/* The checks of a loaded pack: unused facts and authorities, nodes without
 * an authority, nodes no opinion reaches, values no rule names, first
 * branches an earlier branch shadows, and what rule functions read (names
 * that are neither facts nor nodes, cycles through them). Findings are
 * sorted by file and line. */
void lint_pack(const pack *p, lint_report *r);

/* Read a case file against the pack: every header and row error, every
 * repeated row id, and every expect.* cell whose value the target cannot
 * take, in file order. Returns 0, or -1 when the file cannot be opened
 * (reported as a finding too). */
int lint_cases(const pack *p, const char *path, lint_report *r);

/* Counts by severity. */
int lint_count(const lint_report *r, lint_severity sev);

/* "file:line:col: error|warning: message; hint", one per line: at most
 * LINT_SHOWN findings of one kind, then one line that counts the rest of
 * that kind ("ratio: and 4,990 more like 'node x cites no authority'"). */
#define LINT_SHOWN 20
void lint_print(const lint_report *r, FILE *out);

#endif
