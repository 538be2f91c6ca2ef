/* Fuzz the evaluator and the renderers: a fixed pack, and rows built from
 * the input (a fixed header, then the input as the data rows). Every row
 * is decided under both opinions, explained, and rendered as text, JSON
 * and CSV to /dev/null. */
#include "fuzz_common.h"

#include "batch.h"
#include "render.h"

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
    renderer *r = fmt == 0   ? render_text_new(null, p, path)
                  : fmt == 1 ? render_json_new(null, p, path)
                             : render_csv_new(null, p, path, cols, 3, null);
    if (fmt != 2) r->diag = null;
    batch_options bo = {ops, 2, NULL, 1, NULL, NULL, path, NULL, NULL};
    render_summary sum;
    err *e = NULL;
    if (batch_run(p, path, &bo, r, &sum, &e) == 0) {
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
