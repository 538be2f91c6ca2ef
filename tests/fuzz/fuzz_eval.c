/* Fuzz the evaluator and the renderers: a fixed pack, and rows built from
 * the input (a fixed header, then the input as the data rows). Every row
 * is decided under both opinions, explained, and rendered as text, JSON
 * and CSV to /dev/null. */
#include "fuzz_common.h"

#include "batch.h"
#include "render.h"
#include "row_handlers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char header[] = "id,title,served,method,days,on,remark,proper\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 65536) return 0;
  pack *p = fuzz_pack();
  uint8_t *buf = malloc(sizeof header - 1 + size + 1);
  if (!buf) abort();
  memcpy(buf, header, sizeof header - 1);
  if (size) memcpy(buf + sizeof header - 1, data, size);
  const char *path = fuzz_write("rows.csv", buf, sizeof header - 1 + size);
  free(buf);
  FILE *null = fopen("/dev/null", "w");
  if (!null) abort();
  int ops[2] = {0, 1};
  render_column cols[3] = {{COLUMN_OUTCOME, -1}, {COLUMN_DISPOSITION, -1}, {COLUMN_NODE, pack_node_index(p, "late")}};
  for (int fmt = 0; fmt < 3; fmt++) {
    static const char *const formats[3] = {"text", "json", "csv"};
    render_setup rs = {.out = null, .diag = null, .p = p, .opinions = ops, .nopinions = 2, .columns = cols, .ncolumns = 3};
    err *e = NULL;
    renderer *r = render_new(RENDER_EVAL, formats[fmt], &rs, &e);
    batch_options bo = {.handler = &row_handler_eval};
    render_summary sum;
    if (batch_run(p, &path, 1, &bo, r, &sum, &e) == 0) {
      if (sum.read != sum.decided + sum.undecided + sum.failed) abort(); /* nothing lost */
    } else if (!e) {
      abort();
    }
    err_free(e);
    render_free(r);
  }
  fclose(null);
  return 0;
}
