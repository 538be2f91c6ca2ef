/* render_reasoning: the reports of `ratio compare`, `ratio whatif` and
 * `ratio table`, in text, JSON and Markdown. Renderers format what compare.c,
 * whatif.c and table.c computed; they never evaluate. */
#ifndef RATIO_RENDER_REASONING_H
#define RATIO_RENDER_REASONING_H

#include <stdio.h>

#include "compare.h"
#include "err.h"
#include "pack.h"
#include "table.h"
#include "whatif.h"

typedef enum { REASON_TEXT, REASON_JSON, REASON_MD } reason_format;

/* "text", "json" or "md" (also "markdown"). Returns 0, or -1 when unknown. */
int reason_format_parse(const char *name, reason_format *out);

/* ---- compare (render_compare.c): streaming, one row at a time ------------ */

typedef struct compare_report compare_report;

/* A report on out for rows of `source`; free with render_compare_free after
 * render_compare_end. */
compare_report *render_compare_new(reason_format f, FILE *out, const pack *p, const char *source);
void render_compare_row(compare_report *r, const compare_result *res);
void render_compare_error(compare_report *r, const case_row *row, const err *e);
/* The closing lines: rows read, rows on which opinions disagree, rows failed. */
void render_compare_end(compare_report *r, int read, int disagree, int failed);
void render_compare_free(compare_report *r);

/* ---- whatif (render_whatif.c) ------------------------------------------- */

/* One row's searches, one result per opinion, as a whole document. */
void render_whatif(reason_format f, FILE *out, const pack *p, const char *source, const case_row *row,
                   whatif_result *const *res, int n);

/* ---- table (render_table.c) --------------------------------------------- */

/* One or more tables as a whole document. */
void render_table(reason_format f, FILE *out, const pack *p, table *const *tables, int n);

/* A cell as text: "-" for any value, a value name, "not X", or "a|b";
 * written into buf and returned. */
const char *render_table_cell(const table *t, int row, int var, char *buf, size_t bufsz);

#endif
