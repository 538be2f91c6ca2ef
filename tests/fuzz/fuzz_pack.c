/* Fuzz the pack loader: the input is the main file of a one-file pack,
 * loaded in the sandbox with small budgets. A pack either loads or comes
 * back with an error; nothing crashes, hangs or leaks. A pack that loads
 * then decides two rows of blank facts under every opinion, so that its
 * rule functions run against the sealed pack, and both rows must come out
 * the same: no row leaves anything behind for the next. */
#define _GNU_SOURCE /* memmem */
#include "fuzz_common.h"

#include "batch.h"
#include "render.h"
#include "row_handlers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void decide_twice(const pack *p, bool compare) {
  static const char rows[] = "id\na\nb\n";
  const char *path = fuzz_write("rows.csv", (const uint8_t *)rows, sizeof rows - 1);
  char *out = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&out, &len);
  FILE *null = fopen("/dev/null", "w");
  if (!mem || !null) abort();
  int ops[8];
  for (int i = 0; i < p->nopinions; i++) ops[i] = i;
  render_column col = {COLUMN_OUTCOME, -1};
  render_setup rs = {.out = mem, .diag = null, .p = p, .opinions = ops, .nopinions = p->nopinions, .columns = &col, .ncolumns = 1};
  err *e = NULL;
  renderer *r = render_new(RENDER_EVAL, "csv", &rs, &e);
  batch_options bo = {.handler = &row_handler_eval};
  render_summary sum;
  int rc = batch_run(p, &path, 1, &bo, r, &sum, &e);
  if (rc != 0 && !e) abort();
  render_free(r);
  fclose(mem);
  fclose(null);
  err_free(e);
  if (rc == 0) {
    if (sum.read != 2 || sum.read != sum.decided + sum.undecided + sum.failed) abort();
    /* the header, then "a,..." and "b,...": the same after the id */
    if (!compare) {
      free(out);
      return;
    }
    char *a = strchr(out, '\n'), *b = a ? strchr(a + 1, '\n') : NULL;
    char *end = b ? strchr(b + 1, '\n') : NULL;
    if (!end || a[1] != 'a' || b[1] != 'b' || end - b != b - a || memcmp(a + 2, b + 2, (size_t)(b - a - 2)) != 0)
      abort();
  }
  free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 65536) return 0;
  const char *path = fuzz_write("pack.lua", data, size);
  /* a short time limit: what steps cannot count (long string comparisons)
   * must end well within the fuzzer's own timeout */
  pack_options opts = {.limits = {.max_memory = 8u << 20, .max_steps = 200000, .max_time = 2}};
  err *e = NULL;
  pack *p = pack_load(path, &opts, &e);
  if (!p && !e) abort(); /* a refused pack always says why */
  /* a weak table given __mode after setmetatable keeps what the collector
   * left, which may differ between the rows */
  bool weak = memmem(data, size, "__mode", 6) != NULL;
  if (p && p->nrule_functions > 0 && p->nopinions > 0 && p->nopinions <= 8) decide_twice(p, !weak);
  pack_free(p);
  err_free(e);
  return 0;
}
