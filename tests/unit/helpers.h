/* helpers: what several unit tests share. Header-only (static inline), so
 * each test binary stays one .c file.
 *
 * A test that needs files uses th_dir_setup / th_dir_teardown as its cmocka
 * setup and teardown: the state is a th_dir holding a fresh folder under
 * /tmp, removed with everything in it after the test, pass or fail. */
#ifndef RATIO_TEST_HELPERS_H
#define RATIO_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cases.h"
#include "err.h"
#include "pack.h"

/* ---- temporary folders ---------------------------------------------------- */

typedef struct th_dir {
  char path[PATH_MAX];
} th_dir;

/* A fresh folder into *d. Returns 0, or -1 when none can be made. */
static inline int th_dir_make(th_dir *d) {
  snprintf(d->path, sizeof d->path, "/tmp/ratio-unit-XXXXXX");
  return mkdtemp(d->path) ? 0 : -1;
}

static inline int th_dir_setup(void **state) {
  th_dir *d = calloc(1, sizeof *d);
  if (!d) return -1;
  if (th_dir_make(d) != 0) {
    free(d);
    return -1;
  }
  *state = d;
  return 0;
}

/* A test fixture of type T that begins with a th_dir `dir`, zeroed, with
 * its folder made, as the cmocka state; returns -1 from the setup when the
 * folder cannot be made. */
#define TH_FIXTURE(T, f, state)                                  \
  T *f = calloc(1, sizeof *f);                                   \
  if (!f || th_dir_make(&f->dir) != 0) {                         \
    free(f);                                                     \
    return -1;                                                   \
  }                                                              \
  *(state) = f

static inline int th_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st;
  (void)flag;
  (void)ftw;
  return remove(path);
}

static inline void th_rm_rf(const char *path) {
  nftw(path, th_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static inline int th_dir_teardown(void **state) {
  th_dir *d = *state;
  if (d) {
    th_rm_rf(d->path);
    free(d);
  }
  return 0;
}

/* `dir/rel` into buf; returns buf. */
static inline const char *th_path(char *buf, size_t bufsz, const char *dir, const char *rel) {
  int n = snprintf(buf, bufsz, "%s/%s", dir, rel);
  assert_true(n > 0 && (size_t)n < bufsz);
  return buf;
}

/* Write `len` bytes to dir/rel, making the folders on the way. */
static inline void th_write_n(const char *dir, const char *rel, const char *text, size_t len) {
  char path[PATH_MAX];
  th_path(path, sizeof path, dir, rel);
  for (char *s = path + strlen(dir) + 1; (s = strchr(s, '/')) != NULL; s++) {
    *s = '\0';
    if (mkdir(path, 0700) != 0) assert_int_equal(errno, EEXIST);
    *s = '/';
  }
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(text, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
}

static inline void th_write(const char *dir, const char *rel, const char *text) {
  th_write_n(dir, rel, text, strlen(text));
}

/* ---- packs ---------------------------------------------------------------- */

/* Write `src` as dir/pack.lua and load the folder. */
static inline pack *th_pack_try(const char *dir, const char *src, const pack_options *opts, err **e) {
  th_write(dir, "pack.lua", src);
  *e = NULL;
  return pack_load(dir, opts, e);
}

/* The same, for a pack that must load: fails the test with the errors. */
static inline pack *th_pack(const char *dir, const char *src) {
  err *e = NULL;
  pack *p = th_pack_try(dir, src, NULL, &e);
  if (!p) {
    err_print(e, stderr);
    err_free(e);
    fail_msg("the test pack did not load");
  }
  assert_null(e);
  return p;
}

/* Load, expecting failure; returns the error chain, which the caller frees. */
static inline err *th_pack_err(const char *dir, const char *src, const pack_options *opts) {
  err *e = NULL;
  pack *p = th_pack_try(dir, src, opts, &e);
  if (p) {
    pack_free(p);
    fail_msg("the pack loaded but should not have");
  }
  assert_non_null(e);
  return e;
}

/* Is `needle` in any message or hint of the chain? */
static inline const err *th_err_find(const err *e, const char *needle) {
  for (; e; e = e->next)
    if (strstr(e->msg, needle) || (e->hint && strstr(e->hint, needle))) return e;
  return NULL;
}

/* Assert that some error of the chain says `needle`; returns it. */
static inline const err *th_err_has(const err *e, const char *needle) {
  const err *hit = th_err_find(e, needle);
  if (!hit) {
    err_print(e, stderr);
    fail_msg("no error says \"%s\"", needle);
  }
  return hit;
}

/* Does the string end with `suffix`? */
static inline bool th_ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* ---- hand-made case rows -------------------------------------------------- */

#define TH_MAX 64

/* A case_row with its own storage, every fact unknown and no findings. */
typedef struct th_row {
  case_row row;
  case_value facts[TH_MAX];
  rval findings[TH_MAX];
  bool has_finding[TH_MAX];
  const char *expect[TH_MAX];
} th_row;

static inline void th_row_init(th_row *r, const pack *p, const char *id) {
  assert_true(p->nfacts <= TH_MAX && p->nnodes <= TH_MAX);
  memset(r, 0, sizeof *r);
  for (int i = 0; i < TH_MAX; i++) r->facts[i] = (case_value){.v = RV_UNKNOWN};
  r->row.id = id;
  r->row.line = 2;
  r->row.number = 1;
  r->row.facts = r->facts;
  r->row.findings = r->findings;
  r->row.has_finding = r->has_finding;
  r->row.expect = r->expect;
}

static inline int th_fact(const pack *p, const char *name) {
  int i = pack_fact_index(p, name);
  if (i < 0) fail_msg("no fact %s in the test pack", name);
  return i;
}

static inline int th_node(const pack *p, const char *name) {
  int i = pack_node_index(p, name);
  if (i < 0) fail_msg("no node %s in the test pack", name);
  return i;
}

/* Set a yes/no fact. */
static inline void th_yesno(th_row *r, const pack *p, const char *fact, rval v) {
  int f = th_fact(p, fact);
  r->facts[f].v = v;
  r->facts[f].col = f + 2;
}

/* Set a one-of fact by value name. */
static inline void th_enum(th_row *r, const pack *p, const char *fact, const char *value) {
  int f = th_fact(p, fact);
  int v = pack_fact_value(&p->facts[f], value, strlen(value));
  if (v < 0) fail_msg("fact %s has no value %s", fact, value);
  r->facts[f].v = (rval)v;
  r->facts[f].col = f + 2;
}

/* Set a number fact (or a date fact as a day number with its text). */
static inline void th_num(th_row *r, const pack *p, const char *fact, double num, const char *text) {
  int f = th_fact(p, fact);
  r->facts[f].v = RV_YES;
  r->facts[f].num = num;
  r->facts[f].text = text;
  r->facts[f].col = f + 2;
}

/* Supply a finding for a node by value name. */
static inline void th_finding(th_row *r, const pack *p, const char *node, const char *value) {
  int n = th_node(p, node);
  int v = pack_node_value(&p->nodes[n], value, strlen(value));
  if (v < 0) fail_msg("node %s has no value %s", node, value);
  r->findings[n] = (rval)v;
  r->has_finding[n] = true;
}

/* ---- a small due-process pack ------------------------------------------------- */

/* A pack in the shape of the real ones, for explain, render and batch tests.
 * Line numbers are in the comments. */
static inline const char *th_dp_pack(void) {
  return "pack { name = \"dp\", title = \"Due process\", case = \"Davidson v. Cannon, 474 U.S. 344 (1986)\" }\n" /* 1 */
         "authority \"daniels\" { cite = \"Daniels v. Williams, 474 U.S. 327 (1986)\", pin = \"328\" }\n"      /* 2 */
         "fact \"state_actor\" { yesno, ask = \"Were they officials?\" }\n"                                     /* 3 */
         "fact \"status\" { oneof { \"prisoner\", \"pretrial_detainee\", \"free\" } }\n"                   /* 4 */
         "fact \"notice\" { yesno, ask = \"Did they know?\" }\n"                                                /* 5 */
         "fact \"days\" { number }\n"                                                                            /* 6 */
         "node \"state_action\" { rule = \"state_actor\", yes = \"the officials acted for the State\" }\n"   /* 7 */
         "node \"custody\" { title = \"In custody\", rule = is(\"status\", \"prisoner\", \"pretrial_detainee\"),\n" /* 8 */
         "  yes = \"a {status} is in custody\", no = \"a {status} person is not in custody\" }\n"               /* 9 */
         "node \"culpability\" { values = { \"deliberate_indifference\", \"negligent\" }, finding = true,\n" /* 10 */
         "  rule = first { when \"notice\" :gives \"deliberate_indifference\", otherwise \"negligent\" } }\n" /* 11 */
         "node \"deprivation\" { by = \"daniels\", rule = is(\"culpability\", \"deliberate_indifference\"),\n" /* 12 */
         "  yes = \"{culpability} conduct deprives\", no = \"conduct that is merely {culpability} does not deprive\",\n" /* 13 */
         "  unknown = \"it is open whether {culpability} conduct deprives\" }\n"                                 /* 14 */
         "node \"claim\" { rule = all { \"state_action\", \"custody\", \"deprivation\" } }\n"               /* 15 */
         "node \"lua_fail\" { rule = function(f)\n"                                                               /* 16 */
         "  if f.days and f.days > 100 then error(\"too many days\") end return true end }\n"                    /* 17 */
         "opinion \"majority\" { author = \"Rehnquist\", role = \"majority\", date = \"1986-01-21\", decides = \"claim\",\n"
         "  disposition = { yes = \"reverse\", no = \"affirm\", unknown = \"vacate_and_remand\" } }\n"
         "opinion \"dissent\" { author = \"Brennan\", role = \"dissent\", base = \"majority\",\n"
         "  override \"deprivation\" { rule = is(\"culpability\", \"deliberate_indifference\", \"negligent\") } }\n"
         "opinion \"lua_op\" { decides = \"lua_fail\", until_date = \"1986-01-21\" }\n";
}

/* ---- output captured in memory ---------------------------------------------- */

typedef struct th_mem {
  FILE *f;
  char *buf;
  size_t len;
} th_mem;

static inline void th_mem_open(th_mem *m) {
  m->buf = NULL;
  m->len = 0;
  m->f = open_memstream(&m->buf, &m->len);
  assert_non_null(m->f);
}

/* Close the stream; m->buf then holds the NUL-terminated text. */
static inline const char *th_mem_close(th_mem *m) {
  assert_int_equal(fclose(m->f), 0);
  m->f = NULL;
  return m->buf;
}

static inline void th_mem_free(th_mem *m) {
  if (m->f) fclose(m->f);
  free(m->buf);
  m->buf = NULL;
}

/* Assert that `hay` contains `needle`, showing both when it does not. */
#define th_assert_has(hay, needle)                                                    \
  do {                                                                                \
    const char *th_h_ = (hay), *th_n_ = (needle);                                     \
    if (!th_h_ || !strstr(th_h_, th_n_))                                              \
      fail_msg("expected to find \"%s\" in:\n%s", th_n_, th_h_ ? th_h_ : "(null)");   \
  } while (0)

#define th_assert_lacks(hay, needle)                                                  \
  do {                                                                                \
    const char *th_h_ = (hay), *th_n_ = (needle);                                     \
    if (th_h_ && strstr(th_h_, th_n_))                                                \
      fail_msg("did not expect \"%s\" in:\n%s", th_n_, th_h_);                        \
  } while (0)

#endif
