/* Fuzz the pack loader: the input is the main file of a one-file pack,
 * loaded in the sandbox with small budgets. A pack either loads or comes
 * back with an error; nothing crashes, hangs or leaks. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 65536) return 0;
  const char *path = fuzz_write("pack.lua", data, size);
  pack_options opts = {{8u << 20, 200000}};
  err *e = NULL;
  pack *p = pack_load(path, &opts, &e);
  if (!p && !e) abort(); /* a refused pack always says why */
  pack_free(p);
  err_free(e);
  return 0;
}
