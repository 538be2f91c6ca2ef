/* Fuzz the CSV layer: the input is a case file. csvin reads it from memory
 * row by row; then cases reads it against a fixed pack, typing every cell
 * and checking ids, as `ratio eval` does. Neither may crash, leak or read
 * out of bounds, and the row accounting must add up. */
#include "fuzz_common.h"

#include "cases.h"
#include "csvin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
    case_ids_check(ids, crow.id, crow.line);
  }
  case_ids_free(ids);
  cases_close(cr);
  return 0;
}
