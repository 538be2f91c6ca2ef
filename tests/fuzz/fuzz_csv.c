/* Fuzz the CSV layer: the input is a case file. csvin reads it from memory
 * row by row; then cases reads it against a fixed pack, typing every cell
 * and checking ids, as `ratio eval` does. Neither may crash, leak or read
 * out of bounds, and the row accounting must add up. Each yes/no and one-of
 * fact of a row cases reads must be what the reference parsers make of the
 * row's raw cell, which a second csvin reader gives (the case reader reads
 * the common answers its own, faster way, and resets cells lazily). */
#include "fuzz_common.h"

#include "cases.h"
#include "csvin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The raw rows of the same file, in step with the case reader. */
typedef struct oracle {
  csvin_reader *r;
  int fact_of_col[64]; /* per header column: the yes/no or one-of fact, or -1 */
  int ncols;
  csvin_row row;
  int rc;
} oracle;

static void oracle_open(oracle *o, const pack *p, const char *path) {
  err *e = NULL;
  o->r = csvin_open(path, &e);
  if (!o->r) abort();
  o->rc = csvin_next(o->r, &o->row, &e);
  err_free(e);
  o->ncols = o->rc == 1 && o->row.nfields < 64 ? o->row.nfields : 0;
  for (int i = 0; i < o->ncols; i++) {
    int f = pack_fact_index(p, o->row.fields[i].text);
    o->fact_of_col[i] = f >= 0 && (p->facts[f].type == FACT_YESNO || p->facts[f].type == FACT_ENUM) ? f : -1;
  }
}

/* Check a row cases read whole against the raw row that starts on its line. */
static void oracle_check(oracle *o, const pack *p, const case_row *crow) {
  err *e = NULL;
  while (o->rc > 0 && (o->rc != 1 || o->row.line < crow->line)) {
    o->rc = csvin_next(o->r, &o->row, &e);
    err_free(e);
    e = NULL;
  }
  if (o->rc != 1 || o->row.line != crow->line) abort(); /* cases read a row csvin did not */
  for (int i = 0; i < o->ncols; i++) {
    int f = o->fact_of_col[i];
    if (f < 0) continue;
    rval want = RV_UNKNOWN;
    if (i < o->row.nfields && o->row.fields[i].len) {
      const csvin_field *c = &o->row.fields[i];
      if (p->facts[f].type == FACT_YESNO) {
        if (value_parse_yesno(c->text, c->len, &want) != 0) abort(); /* cases took a cell it should refuse */
      } else if ((want = (rval)pack_fact_value(&p->facts[f], c->text, c->len)) < 0) {
        abort();
      }
    }
    if (crow->facts[f].v != want) abort();
  }
  o->rc = csvin_next(o->r, &o->row, &e);
  err_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* csvin alone, over memory */
  csvin_reader *r = csvin_open_memory((const char *)data, size, "fuzz.csv", 1);
  csvin_row row;
  err *e = NULL;
  int rc;
  while ((rc = csvin_next(r, &row, &e)) > 0) {
    for (int i = 0; rc == 1 && i < row.nfields; i++)
      if (row.fields[i].text[row.fields[i].len] != '\0' || row.fields[i].col != i + 1) abort();
    err_free(e);
    e = NULL;
  }
  err_free(e);
  csvin_close(r);

  /* cases, from a file, against the pack */
  pack *p = fuzz_pack();
  const char *path = fuzz_write("cases.csv", data, size);
  e = NULL;
  case_reader *cr = cases_open(p, path, &e);
  if (!cr) {
    if (!e) abort(); /* a refused file always says why */
    err_free(e);
    return 0;
  }
  case_ids *ids = case_ids_new();
  oracle o;
  oracle_open(&o, p, path);
  int prev_line = 0;
  for (;;) {
    case_row crow;
    e = NULL;
    rc = cases_next(cr, &crow, &e);
    if (rc == 0) break;
    if (rc < 0 || rc == 2) {
      if (!e) abort(); /* every failed row has its error record */
      err_free(e);
      if (rc < 0) break;
    }
    if (!crow.id || crow.line < prev_line) abort(); /* rows come in order */
    prev_line = crow.line;
    if (rc == 1) oracle_check(&o, p, &crow);
    case_ids_check(ids, crow.id, crow.line);
  }
  case_ids_free(ids);
  csvin_close(o.r);
  cases_close(cr);
  return 0;
}
