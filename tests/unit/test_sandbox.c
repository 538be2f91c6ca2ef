/* Unit tests for sandbox.c: the lua_State, its budgets, the registry and
 * calls to rule functions. */
#include "helpers.h"

#include <time.h>

#include <lua.h>

#include "sandbox.h"

static const char *RULES =
    "pack { name = \"s\" }\n"                                               /* 1 */
    "fact \"x\" { yesno }\n"                                                /* 2 */
    "node \"r_true\" { rule = function(f) return true end }\n"              /* 3 */
    "node \"r_nil\" { rule = function(f) return nil end }\n"                /* 4 */
    "node \"r_num\" { rule = function(f) return 2.5 end }\n"                /* 5 */
    "node \"r_str\" { rule = function(f) return 'neg' .. 'ligent' end }\n"  /* 6 */
    "node \"r_read\" { rule = function(f) return f.x end }\n"               /* 7 */
    "node \"r_table\" { rule = function(f) return {} end }\n"               /* 8 */
    "node \"r_error\" { rule = function(f)\n"                               /* 9 */
    "  error('broken rule') end }\n"                                        /* 10 */
    "node \"r_loop\" { rule = function(f) while true do end end }\n"        /* 11 */
    "node \"r_write\" { rule = function(f) f.x = 1 end }\n"                 /* 12 */
    "node \"r_index\" { rule = function(f) return f[{}] end }\n"             /* 13 */
    "node \"r_work\" { rule = function(f) local n = 0 for i = 1, 1500 do n = n + i end return n end }\n" /* 14 */
    "node \"r_grow\" { rule = function(f) local t = {} for i = 1, 1e9 do t[i] = ('y'):rep(64) .. i end end }\n"; /* 15 */

typedef struct refs {
  int ref[32];
  int n;
} refs;

/* Keep every node's rule function: runs inside sandbox_with_registry. */
static int take_refs(lua_State *L, void *ud, err **e) {
  (void)e;
  refs *r = ud;
  int reg = lua_gettop(L);
  lua_getfield(L, reg, "nodes");
  int n = (int)lua_rawlen(L, -1);
  for (int i = 1; i <= n && r->n < 32; i++) {
    lua_rawgeti(L, -1, i);
    lua_getfield(L, -1, "rule");
    r->ref[r->n++] = sandbox_ref(L, lua_gettop(L));
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  return 0;
}

static sandbox *loaded(const char *dir, const sandbox_limits *lim, refs *r) {
  th_write(dir, "pack.lua", RULES);
  err *e = NULL;
  sandbox *sb = sandbox_new(lim, &e);
  assert_non_null(sb);
  assert_null(e);
  if (sandbox_load_pack(sb, "pack.lua", dir, "shown", &e) != 0) {
    err_print(e, stderr);
    err_free(e);
    fail_msg("the rules did not load");
  }
  r->n = 0;
  assert_int_equal(sandbox_with_registry(sb, take_refs, r, &e), 0);
  assert_int_equal(r->n, 12);
  return sb;
}

/* A reader over one yes/no fact "x"; counts its calls. */
typedef struct reader_state {
  int calls;
  sandbox_value x;
  bool fail;
} reader_state;

static int read_x(void *ud, const char *name, sandbox_value *out, err **e) {
  reader_state *rs = ud;
  rs->calls++;
  if (rs->fail || strcmp(name, "x") != 0) {
    *e = err_new(NULL, 0, 0, "no fact '%s' here", name);
    return -1;
  }
  *out = rs->x;
  return 0;
}

static void test_new_and_free(void **state) {
  (void)state;
  err *e = NULL;
  sandbox *sb = sandbox_new(NULL, &e);
  assert_non_null(sb);
  assert_null(e);
  size_t used = sandbox_memory(sb);
  assert_true(used > 0);
  assert_true(used < SANDBOX_DEFAULT_MEMORY);
  sandbox_free(sb);
  sandbox_free(NULL);
  sandbox_limits lim = {.max_memory = (size_t)8 << 20, .max_steps = 5000};
  sb = sandbox_new(&lim, &e);
  assert_non_null(sb);
  sandbox_free(sb);
}

static void test_new_too_little_memory(void **state) {
  (void)state;
  sandbox_limits lim = {.max_memory = 2048};
  err *e = NULL;
  assert_null(sandbox_new(&lim, &e));
  assert_non_null(e);
  th_assert_has(e->msg, "memory");
  err_free(e);
}

static void test_load_missing_root(void **state) {
  th_dir *d = *state;
  err *e = NULL;
  sandbox *sb = sandbox_new(NULL, &e);
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "absent");
  assert_int_equal(sandbox_load_pack(sb, "pack.lua", path, "absent", &e), -1);
  assert_string_equal(e->file, "absent");
  th_assert_has(e->msg, "cannot open pack folder: No such file");
  err_free(e);
  sandbox_free(sb);
}

static void test_load_shows_display_root(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", "pack { name = 'x' }\nlocal y = nope\n");
  err *e = NULL;
  sandbox *sb = sandbox_new(NULL, &e);
  assert_int_equal(sandbox_load_pack(sb, "pack.lua", d->path, "rules/mine", &e), -1);
  assert_string_equal(e->file, "rules/mine/pack.lua");
  assert_int_equal(e->line, 2);
  assert_string_equal(e->msg, "unknown name 'nope'");
  err_free(e);
  sandbox_free(sb);
}

static void test_sources_kept(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", "pack { name = 'x' }\ninclude 'more.lua'\n");
  th_write(d->path, "more.lua", "fact 'a' { yesno }\n");
  err *e = NULL;
  sandbox *sb = sandbox_new(NULL, &e);
  assert_int_equal(sandbox_load_pack(sb, "pack.lua", d->path, "rules/mine", &e), 0);
  size_t len = 0;
  const char *text = sandbox_source(sb, "rules/mine/more.lua", &len);
  assert_non_null(text);
  assert_int_equal(len, strlen("fact 'a' { yesno }\n"));
  assert_string_equal(text, "fact 'a' { yesno }\n"); /* terminated */
  assert_non_null(sandbox_source(sb, "rules/mine/pack.lua", NULL));
  assert_null(sandbox_source(sb, "rules/mine/absent.lua", NULL));
  sandbox_free(sb);
}

static void test_memory_grows_with_load(void **state) {
  th_dir *d = *state;
  err *e = NULL;
  sandbox *sb = sandbox_new(NULL, &e);
  size_t before = sandbox_memory(sb);
  th_write(d->path, "pack.lua", "local t = {} for i = 1, 10000 do t[i] = i end\nkeep = nil\n");
  /* the assignment fails, but the table was built first */
  assert_int_equal(sandbox_load_pack(sb, "pack.lua", d->path, "p", &e), -1);
  err_free(e);
  assert_true(sandbox_memory(sb) >= before);
  sandbox_free(sb);
}

static int fails_with_err(lua_State *L, void *ud, err **e) {
  (void)L;
  (void)ud;
  *e = err_new("reg", 3, 0, "registry problem");
  return -1;
}

static int fails_without_err(lua_State *L, void *ud, err **e) {
  (void)L;
  (void)ud;
  (void)e;
  return -1;
}

static int raises(lua_State *L, void *ud, err **e) {
  (void)ud;
  (void)e;
  lua_pushstring(L, "raised inside");
  lua_error(L);
  return 0;
}

static void test_with_registry_errors(void **state) {
  th_dir *d = *state;
  refs r;
  sandbox *sb = loaded(d->path, NULL, &r);
  err *e = NULL;
  assert_int_equal(sandbox_with_registry(sb, fails_with_err, NULL, &e), -1);
  assert_string_equal(e->msg, "registry problem");
  assert_int_equal(e->line, 3);
  err_free(e);
  e = NULL;
  assert_int_equal(sandbox_with_registry(sb, fails_without_err, NULL, &e), -1);
  assert_string_equal(e->msg, "cannot read the pack");
  err_free(e);
  e = NULL;
  assert_int_equal(sandbox_with_registry(sb, raises, NULL, &e), -1);
  th_assert_has(e->msg, "raised inside");
  err_free(e);
  sandbox_free(sb);
}

static void test_call_rule_results(void **state) {
  th_dir *d = *state;
  refs r;
  sandbox *sb = loaded(d->path, NULL, &r);
  reader_state rs = {0};
  sandbox_value v;
  err *e = NULL;
  assert_int_equal(sandbox_call_rule(sb, r.ref[0], "r_true", read_x, &rs, &v, &e), 0);
  assert_int_equal(v.kind, SV_BOOL);
  assert_true(v.b);
  assert_int_equal(sandbox_call_rule(sb, r.ref[1], "r_nil", read_x, &rs, &v, &e), 0);
  assert_int_equal(v.kind, SV_NIL);
  assert_int_equal(sandbox_call_rule(sb, r.ref[2], "r_num", read_x, &rs, &v, &e), 0);
  assert_int_equal(v.kind, SV_NUMBER);
  assert_float_equal(v.num, 2.5, 0);
  assert_int_equal(sandbox_call_rule(sb, r.ref[3], "r_str", read_x, &rs, &v, &e), 0);
  assert_int_equal(v.kind, SV_STRING);
  assert_string_equal(v.str, "negligent");
  assert_int_equal(v.len, 9);
  assert_null(e);
  assert_int_equal(rs.calls, 0);
  sandbox_free(sb);
}

static void test_call_rule_reads_facts(void **state) {
  th_dir *d = *state;
  refs r;
  sandbox *sb = loaded(d->path, NULL, &r);
  reader_state rs = {.x = {.kind = SV_BOOL}};
  sandbox_value v;
  err *e = NULL;
  assert_int_equal(sandbox_call_rule(sb, r.ref[4], "r_read", read_x, &rs, &v, &e), 0);
  assert_int_equal(rs.calls, 1);
  assert_int_equal(v.kind, SV_BOOL);
  assert_false(v.b);
  rs.x = (sandbox_value){.kind = SV_STRING, .str = "prisoner", .len = 8};
  assert_int_equal(sandbox_call_rule(sb, r.ref[4], "r_read", read_x, &rs, &v, &e), 0);
  assert_int_equal(v.kind, SV_STRING);
  assert_string_equal(v.str, "prisoner");
  rs.x = (sandbox_value){.kind = SV_NUMBER, .num = 8};
  assert_int_equal(sandbox_call_rule(sb, r.ref[4], "r_read", read_x, &rs, &v, &e), 0);
  assert_float_equal(v.num, 8, 0);
  rs.x = (sandbox_value){.kind = SV_NIL};
  assert_int_equal(sandbox_call_rule(sb, r.ref[4], "r_read", read_x, &rs, &v, &e), 0);
  assert_int_equal(v.kind, SV_NIL);
  /* the reader's own error comes back, naming the node */
  rs.fail = true;
  assert_int_equal(sandbox_call_rule(sb, r.ref[4], "r_read", read_x, &rs, &v, &e), -1);
  assert_non_null(e);
  assert_string_equal(e->msg, "no fact 'x' here");
  assert_string_equal(e->node, "r_read");
  err_free(e);
  sandbox_free(sb);
}

static void test_call_rule_errors(void **state) {
  th_dir *d = *state;
  refs r;
  sandbox *sb = loaded(d->path, NULL, &r);
  reader_state rs = {0};
  sandbox_value v;
  err *e = NULL;
  assert_int_equal(sandbox_call_rule(sb, r.ref[5], "r_table", read_x, &rs, &v, &e), -1);
  assert_string_equal(e->msg, "node r_table: its rule function returned a table; return true, false, "
                              "nil (unknown) or one of the node's values");
  assert_string_equal(e->node, "r_table");
  err_free(e);
  e = NULL;
  assert_int_equal(sandbox_call_rule(sb, r.ref[6], "r_error", read_x, &rs, &v, &e), -1);
  assert_string_equal(e->msg, "broken rule");
  assert_string_equal(e->file, "shown/pack.lua");
  assert_int_equal(e->line, 10);
  assert_string_equal(e->node, "r_error");
  err_free(e);
  e = NULL;
  assert_int_equal(sandbox_call_rule(sb, r.ref[8], "r_write", read_x, &rs, &v, &e), -1);
  th_assert_has(e->msg, "a rule cannot change facts (tried to set 'x')");
  assert_int_equal(e->line, 12);
  err_free(e);
  e = NULL;
  assert_int_equal(sandbox_call_rule(sb, r.ref[9], "r_index", read_x, &rs, &v, &e), -1);
  th_assert_has(e->msg, "facts are read by name");
  err_free(e);
  /* after errors the sandbox still works */
  e = NULL;
  assert_int_equal(sandbox_call_rule(sb, r.ref[0], "r_true", read_x, &rs, &v, &e), 0);
  assert_true(v.b);
  sandbox_free(sb);
}

static void test_call_rule_step_budget(void **state) {
  th_dir *d = *state;
  refs r;
  sandbox_limits lim = {.max_steps = 10000};
  sandbox *sb = loaded(d->path, &lim, &r);
  reader_state rs = {0};
  sandbox_value v;
  err *e = NULL;
  assert_int_equal(sandbox_call_rule(sb, r.ref[7], "r_loop", read_x, &rs, &v, &e), -1);
  assert_string_equal(e->msg, "the pack went over its step budget of 10000 steps in node r_loop");
  assert_string_equal(e->file, "shown/pack.lua");
  assert_int_equal(e->line, 11);
  assert_string_equal(e->node, "r_loop");
  err_free(e);
  /* the budget starts afresh for each call: a rule using most of it runs
   * again and again */
  for (int i = 0; i < 5; i++) {
    e = NULL;
    if (sandbox_call_rule(sb, r.ref[10], "r_work", read_x, &rs, &v, &e) != 0) {
      err_print(e, stderr);
      err_free(e);
      fail_msg("call %d ran out of budget", i);
    }
    assert_float_equal(v.num, 1500.0 * 1501 / 2, 0);
  }
  sandbox_free(sb);
}

static void test_call_rule_memory_cap(void **state) {
  th_dir *d = *state;
  refs r;
  sandbox_limits lim = {.max_memory = (size_t)6 << 20};
  sandbox *sb = loaded(d->path, &lim, &r);
  reader_state rs = {0};
  sandbox_value v;
  err *e = NULL;
  assert_int_equal(sandbox_call_rule(sb, r.ref[11], "r_grow", read_x, &rs, &v, &e), -1);
  assert_string_equal(e->msg, "the pack went over its memory limit of 6 MiB in node r_grow");
  assert_int_equal(e->line, 15);
  err_free(e);
  assert_true(sandbox_memory(sb) <= lim.max_memory);
  sandbox_free(sb);
}

/* Once sealed, no call leaves anything behind for the next. */
static const char *STATEFUL =
    "pack { name = \"s\" }\n"                                                  /* 1 */
    "local n, t = 0, { k = 1, list = { 1, 2 } }\n"                               /* 2 */
    "node \"count\" { rule = function(f) n = n + 1 return true end }\n"         /* 3 */
    "node \"peek\" { rule = function(f) return n end }\n"                       /* 4 */
    "node \"twrite\" { rule = function(f)\n"                                    /* 5 */
    "  t.k = 2 end }\n"                                                          /* 6 */
    "node \"reads\" { rule = function(f) return next(t) ~= nil and rawlen(t.list) == 2\n" /* 7 */
    "  and #t.list == 2 and t.k == 1 and string.format('%d', 1) == '1' end }\n"   /* 8 */
    "node \"global\" { rule = function(f) pairs = nil end }\n"                  /* 9 */
    "node \"fails\" { rule = function(f) n = 5 error('boom') end }\n"           /* 10 */
    "node \"meta\" { rule = function(f) setmetatable(t, nil) end }\n"           /* 11 */
    "node \"weak\" { rule = function(f) setmetatable({}, { __mode = 'k' }) end }\n"; /* 12 */

/* Call a rule that must fail at `line`; returns its message (a static
 * copy, so that the error can be freed here). */
static const char *failed_call(sandbox *sb, int ref, const char *node, int line) {
  static char msg[512];
  reader_state rs = {0};
  sandbox_value v;
  err *e = NULL;
  assert_int_equal(sandbox_call_rule(sb, ref, node, read_x, &rs, &v, &e), -1);
  assert_non_null(e);
  assert_int_equal(e->line, line);
  assert_string_equal(e->node, node);
  snprintf(msg, sizeof msg, "%s", e->msg);
  err_free(e);
  return msg;
}

static void test_sealed_calls_keep_rows_apart(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", STATEFUL);
  err *e = NULL;
  sandbox *sb = sandbox_new(NULL, &e);
  assert_int_equal(sandbox_load_pack(sb, "pack.lua", d->path, "p", &e), 0);
  refs r = {.n = 0};
  assert_int_equal(sandbox_with_registry(sb, take_refs, &r, &e), 0);
  assert_int_equal(r.n, 8);
  reader_state rs = {0};
  sandbox_value v;
  /* before sealing, a local carries over (what sealing is for) */
  assert_int_equal(sandbox_call_rule(sb, r.ref[0], "count", read_x, &rs, &v, &e), 0);
  assert_int_equal(sandbox_call_rule(sb, r.ref[1], "peek", read_x, &rs, &v, &e), 0);
  assert_float_equal(v.num, 1, 0);
  assert_int_equal(sandbox_seal(sb, &e), 0);
  assert_int_equal(sandbox_seal(sb, &e), 0); /* once is enough */
  for (int i = 0; i < 2; i++) {
    assert_int_equal(sandbox_call_rule(sb, r.ref[0], "count", read_x, &rs, &v, &e), -1);
    assert_string_equal(e->msg, "a rule function changed 'n', a local of the pack's file that every row shares");
    th_assert_has(e->hint, "set back for the next row");
    assert_string_equal(e->file, "p/pack.lua");
    assert_int_equal(e->line, 3);
    assert_string_equal(e->node, "count");
    err_free(e);
    e = NULL;
    assert_int_equal(sandbox_call_rule(sb, r.ref[1], "peek", read_x, &rs, &v, &e), 0);
    assert_float_equal(v.num, 1, 0); /* as it was sealed */
  }
  th_assert_has(failed_call(sb, r.ref[2], "twrite", 6), "a rule cannot change the pack's tables (tried to set 'k')");
  assert_int_equal(sandbox_call_rule(sb, r.ref[3], "reads", read_x, &rs, &v, &e), 0);
  assert_true(v.b);
  th_assert_has(failed_call(sb, r.ref[4], "global", 9), "assignment to global 'pairs'");
  /* a failing call keeps its own error, and is set back too */
  th_assert_has(failed_call(sb, r.ref[5], "fails", 10), "boom");
  assert_int_equal(sandbox_call_rule(sb, r.ref[1], "peek", read_x, &rs, &v, &e), 0);
  assert_float_equal(v.num, 1, 0);
  th_assert_has(failed_call(sb, r.ref[6], "meta", 11), "cannot change the metatable of the pack's tables");
  /* what a weak table keeps depends on when Lua collected: refused */
  th_assert_has(failed_call(sb, r.ref[7], "weak", 12), "weak tables (__mode) are not allowed in rule packs");
  sandbox_free(sb);
}

/* The wall-clock limit stops a rule the step budget would let run for
 * hours; a signal's flag stops it at once. */
static void test_call_rule_time_limit_and_stop(void **state) {
  th_dir *d = *state;
  refs r;
  volatile sig_atomic_t flag = 0;
  sandbox_limits lim = {.max_steps = (long long)1e15, .max_time = 0.2, .stop = &flag};
  sandbox *sb = loaded(d->path, &lim, &r);
  reader_state rs = {0};
  sandbox_value v;
  err *e = NULL;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  assert_int_equal(sandbox_call_rule(sb, r.ref[7], "r_loop", read_x, &rs, &v, &e), -1);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  assert_string_equal(e->msg, "the pack went over its time limit of 0.2 seconds in node r_loop");
  th_assert_has(e->hint, "--max-time");
  assert_int_equal(e->line, 11);
  err_free(e);
  e = NULL;
  double took = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  assert_true(took >= 0.2 && took < 2);
  /* the clock starts afresh for each call */
  assert_int_equal(sandbox_call_rule(sb, r.ref[10], "r_work", read_x, &rs, &v, &e), 0);
  flag = 15;
  assert_int_equal(sandbox_call_rule(sb, r.ref[7], "r_loop", read_x, &rs, &v, &e), -1);
  assert_string_equal(e->msg, "interrupted in node r_loop");
  assert_null(e->hint);
  err_free(e);
  sandbox_free(sb);
}

/* Once rows are timed, the limit is for a row's calls together: a call
 * made after the row's time is spent stops at its first check; a new row
 * has the whole limit again. */
static void test_time_limit_per_row(void **state) {
  th_dir *d = *state;
  refs r;
  sandbox_limits lim = {.max_time = 0.2};
  sandbox *sb = loaded(d->path, &lim, &r);
  reader_state rs = {0};
  sandbox_value v;
  err *e = NULL;
  sandbox_start_row(sb);
  assert_int_equal(sandbox_call_rule(sb, r.ref[10], "r_work", read_x, &rs, &v, &e), 0);
  struct timespec pause = {0, 250 * 1000 * 1000};
  nanosleep(&pause, NULL);
  assert_int_equal(sandbox_call_rule(sb, r.ref[10], "r_work", read_x, &rs, &v, &e), -1);
  th_assert_has(e->msg, "time limit of 0.2 seconds in node r_work");
  err_free(e);
  e = NULL;
  sandbox_start_row(sb);
  assert_int_equal(sandbox_call_rule(sb, r.ref[10], "r_work", read_x, &rs, &v, &e), 0);
  sandbox_free(sb);
}

/* One instruction can be slow (comparing strings of megabytes): the hook
 * then looks at the clock at every instruction, so the limit is kept to
 * within a few of them, not a thousand. */
static void test_time_limit_with_slow_instructions(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua",
           "pack { name = 'slow' }\n"
           "local big = ('a'):rep(4e6)\n"
           "node 'cmp' { rule = function(f) local x, y = big .. 'x', big .. 'y' local n = 0\n"
           "  for i = 1, 1e9 do if x < y then n = n + 1 end end return n end }\n");
  sandbox_limits lim = {.max_time = 0.2};
  err *e = NULL;
  sandbox *sb = sandbox_new(&lim, &e);
  assert_int_equal(sandbox_load_pack(sb, "pack.lua", d->path, "p", &e), 0);
  refs r = {.n = 0};
  assert_int_equal(sandbox_with_registry(sb, take_refs, &r, &e), 0);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  th_assert_has(failed_call(sb, r.ref[0], "cmp", 4), "time limit of 0.2 seconds");
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double took = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  assert_true(took < 1.5);
  sandbox_free(sb);
}

/* Library calls that work long inside C are charged for their work: a few
 * calls on big arguments spend a budget that the same number of calls on
 * small ones barely touches. A __call that is not a function is refused. */
static const char *CHARGED =
    "pack { name = \"c\" }\n"                                                       /* 1 */
    "local big = ('a'):rep(1e5)\n"                                                  /* 2 */
    "local t = {} for i = 1, 1e4 do t[i] = i end\n"                                 /* 3 */
    "node \"upper\" { rule = function(f) for i = 1, 100 do big:upper() end end }\n"  /* 4 */
    "node \"insert\" { rule = function(f) local u = { table.unpack(t) }\n"          /* 5 */
    "  for i = 1, 100 do table.insert(u, 1, i) end end }\n"                          /* 6 */
    "node \"find\" { rule = function(f) for i = 1, 10 do\n"                         /* 7 */
    "  big:find(('a'):rep(100) .. 'b', 1, true) end end }\n"                         /* 8 */
    "node \"calm\" { rule = function(f) local s = ('b'):rep(100) local n = 0\n"     /* 9 */
    "  for i = 1, 100 do n = n + #s:upper() + utf8.len(s) + #s:sub(2) + (s:find('b', 1, true)) end\n" /* 10 */
    "  return n end }\n"                                                            /* 11 */
    "node \"chain\" { rule = function(f) local c = {} setmetatable(c, { __call = c }) return c() end }\n"; /* 12 */

static void test_library_calls_are_charged(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", CHARGED);
  sandbox_limits lim = {.max_steps = 200000};
  err *e = NULL;
  sandbox *sb = sandbox_new(&lim, &e);
  assert_int_equal(sandbox_load_pack(sb, "pack.lua", d->path, "p", &e), 0);
  refs r = {.n = 0};
  assert_int_equal(sandbox_with_registry(sb, take_refs, &r, &e), 0);
  assert_int_equal(r.n, 5);
  th_assert_has(failed_call(sb, r.ref[0], "upper", 4), "step budget of 200000 steps");
  th_assert_has(failed_call(sb, r.ref[1], "insert", 6), "step budget of 200000 steps");
  th_assert_has(failed_call(sb, r.ref[2], "find", 8), "step budget of 200000 steps");
  reader_state rs = {0};
  sandbox_value v;
  assert_int_equal(sandbox_call_rule(sb, r.ref[3], "calm", read_x, &rs, &v, &e), 0);
  assert_float_equal(v.num, 100 * (100 + 100 + 99 + 1), 0);
  th_assert_has(failed_call(sb, r.ref[4], "chain", 12), "__call must be a function, not a table");
  sandbox_free(sb);
}

/* What sandbox_open_file says of `rel` in the loaded pack folder; the
 * reason it gives is copied to why (when not NULL). Every test path ends
 * at once: alarm() ends the binary should an open ever wait. */
static sandbox_path open_in_pack(const sandbox *sb, const char *rel, bool open_it, char *why, size_t whysz) {
  FILE *f = NULL;
  const char *reason = NULL;
  alarm(10);
  sandbox_path got = sandbox_open_file(sb, rel, open_it ? &f : NULL, &reason);
  alarm(0);
  if (got == SANDBOX_PATH_OK) {
    assert_null(reason);
    if (open_it) {
      assert_non_null(f);
      fclose(f);
    }
  } else {
    assert_null(f);
    assert_non_null(reason);
  }
  if (why) snprintf(why, whysz, "%s", reason ? reason : "");
  return got;
}

/* The one test of "inside the pack" (include and the case files a pack
 * lists share it): the words of the path, then where its links lead, then
 * what it names, and nothing but a regular file is ever opened. */
static void test_open_file_inside_the_pack(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", "pack { name = 'x' }\n");
  th_write(d->path, "cases/a.csv", "id\n");
  char path[PATH_MAX];
  assert_int_equal(symlink("/etc/passwd", th_path(path, sizeof path, d->path, "out.csv")), 0);
  assert_int_equal(symlink("/etc", th_path(path, sizeof path, d->path, "etc")), 0);
  assert_int_equal(symlink("cases/a.csv", th_path(path, sizeof path, d->path, "in.csv")), 0);
  assert_int_equal(symlink("..", th_path(path, sizeof path, d->path, "up")), 0);
  assert_int_equal(mkfifo(th_path(path, sizeof path, d->path, "pipe.csv"), 0600), 0);
  assert_int_equal(symlink("pipe.csv", th_path(path, sizeof path, d->path, "to_pipe.csv")), 0);
  err *e = NULL;
  sandbox *sb = sandbox_new(NULL, &e);
  FILE *f = NULL;
  const char *why = NULL;
  /* before a pack folder is known, nothing is inside it */
  assert_int_equal(sandbox_open_file(sb, "cases/a.csv", &f, &why), SANDBOX_PATH_OUTSIDE);
  assert_int_equal(sandbox_load_pack(sb, "pack.lua", d->path, "rules/x", &e), 0);

  char w[256];
  assert_int_equal(open_in_pack(sb, "cases/a.csv", true, w, sizeof w), SANDBOX_PATH_OK);
  assert_int_equal(open_in_pack(sb, "cases/a.csv", false, w, sizeof w), SANDBOX_PATH_OK);
  assert_int_equal(open_in_pack(sb, "./cases//a.csv", true, w, sizeof w), SANDBOX_PATH_OK);
  assert_int_equal(open_in_pack(sb, "in.csv", true, w, sizeof w), SANDBOX_PATH_OK); /* a link that stays */

  assert_int_equal(open_in_pack(sb, "/etc/passwd", true, w, sizeof w), SANDBOX_PATH_OUTSIDE);
  assert_string_equal(w, "an absolute path");
  assert_int_equal(open_in_pack(sb, "../x.csv", true, w, sizeof w), SANDBOX_PATH_OUTSIDE);
  assert_string_equal(w, "a path that climbs out with '..'");
  assert_int_equal(open_in_pack(sb, "cases/../cases/a.csv", true, w, sizeof w), SANDBOX_PATH_OUTSIDE);
  assert_int_equal(open_in_pack(sb, "out.csv", false, w, sizeof w), SANDBOX_PATH_OUTSIDE);
  assert_string_equal(w, "a link that points outside the pack folder");
  assert_int_equal(open_in_pack(sb, "etc/passwd", true, w, sizeof w), SANDBOX_PATH_OUTSIDE); /* a folder link */
  /* out through a link and back in: where the path ends is what counts */
  char back[PATH_MAX];
  snprintf(back, sizeof back, "up/%s/cases/a.csv", strrchr(d->path, '/') + 1);
  assert_int_equal(open_in_pack(sb, back, true, w, sizeof w), SANDBOX_PATH_OK);
  assert_int_equal(open_in_pack(sb, ".", true, w, sizeof w), SANDBOX_PATH_OUTSIDE);
  assert_string_equal(w, "the pack folder itself, not a file");
  assert_int_equal(open_in_pack(sb, "", true, w, sizeof w), SANDBOX_PATH_OUTSIDE);

  assert_int_equal(open_in_pack(sb, "none.csv", true, w, sizeof w), SANDBOX_PATH_MISSING);
  th_assert_has(w, "No such file");
  assert_int_equal(open_in_pack(sb, "cases", true, w, sizeof w), SANDBOX_PATH_NOT_REGULAR);
  assert_string_equal(w, "not a regular file but a folder, device or pipe");
  assert_int_equal(open_in_pack(sb, "pipe.csv", true, w, sizeof w), SANDBOX_PATH_NOT_REGULAR);
  assert_int_equal(open_in_pack(sb, "pipe.csv", false, w, sizeof w), SANDBOX_PATH_NOT_REGULAR);
  assert_int_equal(open_in_pack(sb, "to_pipe.csv", true, w, sizeof w), SANDBOX_PATH_NOT_REGULAR);
  sandbox_free(sb);
}

#define T(f) cmocka_unit_test_setup_teardown(f, th_dir_setup, th_dir_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_new_and_free),
      cmocka_unit_test(test_new_too_little_memory),
      T(test_load_missing_root),
      T(test_load_shows_display_root),
      T(test_sources_kept),
      T(test_memory_grows_with_load),
      T(test_with_registry_errors),
      T(test_call_rule_results),
      T(test_call_rule_reads_facts),
      T(test_call_rule_errors),
      T(test_call_rule_step_budget),
      T(test_call_rule_memory_cap),
      T(test_sealed_calls_keep_rows_apart),
      T(test_call_rule_time_limit_and_stop),
      T(test_time_limit_per_row),
      T(test_time_limit_with_slow_instructions),
      T(test_library_calls_are_charged),
      T(test_open_file_inside_the_pack),
  };
  return cmocka_run_group_tests_name("sandbox", tests, NULL, NULL);
}
