/* What the fuzz targets share: a scratch folder made once per process, a
 * fixed pack written into it, and writing the input to a file there.
 * Header-only, so each target stays one .c file. Fuzz targets may keep
 * process-wide state: libFuzzer calls them in one process, one at a time. */
#ifndef RATIO_FUZZ_COMMON_H
#define RATIO_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "pack.h"

/* A pack with a fact of every type, findings, a rule function and two
 * opinions: enough for the CSV reader and the evaluator to reach their
 * branches. */
static const char fuzz_pack_src[] =
    "pack { name = \"fuzz\" }\n"
    "authority \"a\" { cite = \"A v. B, 1 U.S. 1 (1900)\", pin = \"2\" }\n"
    "fact \"served\" { yesno, ask = \"Served?\" }\n"
    "fact \"method\" { oneof { \"personal\", \"mail\", \"posting\" }, ask = \"How?\" }\n"
    "fact \"days\" { number, ask = \"Days?\" }\n"
    "fact \"on\" { date, ask = \"When?\" }\n"
    "fact \"remark\" { text, ask = \"Else?\", optional = true }\n"
    "node \"proper\" { finding = true, rule = is(\"method\", \"personal\", \"mail\"), by = \"a\",\n"
    "  yes = \"Served properly ({method}).\", no = \"Not properly.\" }\n"
    "node \"late\" { rule = function(f) if f.days == nil then return nil end return f.days > 10 end }\n"
    "node \"timely\" { rule = unless(all { \"served\", \"proper\", lt(\"days\", 30) }, \"late\"), by = \"a\",\n"
    "  yes = \"In time.\", no = \"Not in time.\" }\n"
    "node \"disposition\" { values = { \"affirm\", \"reverse\" },\n"
    "  rule = first { when(\"timely\"):gives \"affirm\", otherwise \"reverse\" } }\n"
    "opinion \"majority\" { decides = \"timely\", disposition = \"disposition\", date = \"2000-01-01\" }\n"
    "opinion \"dissent\" { role = \"dissent\", base = \"majority\",\n"
    "  override \"timely\" { rule = all { \"served\", gt(\"on\", \"1999-01-01\") } } }\n";

static char fuzz_dir[64];

/* The scratch folder, made on first use and removed at exit. */
static inline void fuzz_rm_dir(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir);
  if (system(cmd) != 0) {}
}

static inline const char *fuzz_scratch(void) {
  if (!fuzz_dir[0]) {
    snprintf(fuzz_dir, sizeof fuzz_dir, "/tmp/ratio-fuzz-XXXXXX");
    if (!mkdtemp(fuzz_dir)) abort();
    atexit(fuzz_rm_dir);
  }
  return fuzz_dir;
}

/* Write data to NAME in the scratch folder; returns the path (static). */
static inline const char *fuzz_write(const char *name, const uint8_t *data, size_t size) {
  static char path[128];
  snprintf(path, sizeof path, "%s/%s", fuzz_scratch(), name);
  FILE *f = fopen(path, "wb");
  if (!f) abort();
  if (size && fwrite(data, 1, size, f) != size) abort();
  if (fclose(f) != 0) abort();
  return path;
}

/* The fixed pack, loaded once. */
static inline pack *fuzz_pack(void) {
  static pack *p;
  if (!p) {
    const char *path = fuzz_write("pack.lua", (const uint8_t *)fuzz_pack_src, strlen(fuzz_pack_src));
    err *e = NULL;
    p = pack_load(path, NULL, &e);
    if (!p) {
      err_print(e, stderr);
      abort();
    }
  }
  return p;
}

#endif
