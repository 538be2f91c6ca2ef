/* Unit tests for seal.c: tables made read-only in place, and the watch
 * list of locals and metamethods, on a bare Lua state. */
#include "helpers.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "seal.h"

/* The pack stand-in: `root` holds a nested table, a sequence, a table with
 * a metatable, and closures over the locals n, nan and mt; `trusted` is a
 * function over a local of its own, from the trusted chunk. */
static const char *PACK =
    "local n, nan = 0, 0/0\n"                                          /* 1 */
    "local mt = { __index = function(t, k) return k .. '!' end }\n"    /* 2 */
    "local root = { inner = { a = 1 }, list = { 10, 20, 30 },\n"       /* 3 */
    "  magic = setmetatable({}, mt), mt = mt }\n"                      /* 4 */
    "root.bump = function() n = n + 1 return n end\n"                  /* 5 */
    "root.peek = function() return n, nan end\n"                       /* 6 */
    "local helpers = { bump = root.bump }\n"                           /* 7 */
    "root.via = function() return helpers.bump() end\n"                /* 8 */
    "root.self = setmetatable({}, { __index = function(t) return t end })\n" /* 9 */
    "return root\n";
static const char *TRUSTED = "local hidden = 0\n"
                             "return function() hidden = hidden + 1 return hidden end\n";

typedef struct fixture {
  lua_State *L;
  int root, trusted, watch, nwatch;
} fixture;

static void load_chunk(lua_State *L, const char *src, const char *name) {
  if (luaL_loadbufferx(L, src, strlen(src), name, "t") != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK)
    fail_msg("chunk %s: %s", name, lua_tostring(L, -1));
}

static int rule_entries(lua_State *L) {
  int **out = lua_touserdata(L, 4);
  lua_pushinteger(L, seal_rule_entries(L, 1, (int)lua_tointeger(L, 2), 3, "=trusted", out));
  return 1;
}

static int seal_both(lua_State *L) {
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 2);
  lua_pushinteger(L, seal_pack(L, 2, "=trusted"));
  return 2;
}

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  f->L = luaL_newstate();
  luaL_openlibs(f->L);
  load_chunk(f->L, PACK, "@x.lua");
  f->root = lua_gettop(f->L);
  load_chunk(f->L, TRUSTED, "=trusted");
  f->trusted = lua_gettop(f->L);
  lua_pushcfunction(f->L, seal_both);
  lua_pushvalue(f->L, f->root);
  lua_pushvalue(f->L, f->trusted);
  if (lua_pcall(f->L, 2, 2, 0) != LUA_OK) fail_msg("seal: %s", lua_tostring(f->L, -1));
  f->nwatch = (int)lua_tointeger(f->L, -1);
  lua_pop(f->L, 1);
  f->watch = lua_gettop(f->L);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  lua_close(f->L);
  free(f);
  return 0;
}

/* Run `code` with `root` as its only global; returns the error, or NULL
 * when it ran; its results are left on the stack. */
static const char *run(fixture *f, const char *code) {
  lua_State *L = f->L;
  if (luaL_loadbufferx(L, code, strlen(code), "@rule.lua", "t") != LUA_OK) return lua_tostring(L, -1);
  lua_newtable(L);
  lua_pushvalue(L, f->root);
  lua_setfield(L, -2, "root");
  lua_getglobal(L, "pairs");
  lua_setfield(L, -2, "pairs");
  lua_getglobal(L, "ipairs");
  lua_setfield(L, -2, "ipairs");
  lua_getglobal(L, "table");
  lua_setfield(L, -2, "table");
  lua_getglobal(L, "rawequal");
  lua_setfield(L, -2, "rawequal");
  lua_pushcfunction(L, seal_next);
  lua_setfield(L, -2, "next");
  lua_setupvalue(L, -2, 1);
  if (lua_pcall(L, 0, LUA_MULTRET, 0) != LUA_OK) return lua_tostring(L, -1);
  return NULL;
}

static void test_tables_read_as_before(void **state) {
  fixture *f = *state;
  lua_State *L = f->L;
  const char *msg = run(f, "local s = 0\n"
                           "for _, v in ipairs(root.list) do s = s + v end\n"
                           "local keys = 0\n"
                           "for k in pairs(root) do keys = keys + 1 end\n"
                           "return s, #root.list, keys, root.inner.a, root.magic.x,\n"
                           "  table.concat(root.list, ',')");
  assert_null(msg);
  assert_int_equal(lua_tointeger(L, -6), 60);
  assert_int_equal(lua_tointeger(L, -5), 3);
  assert_int_equal(lua_tointeger(L, -4), 8); /* inner list magic mt bump peek via self */
  assert_int_equal(lua_tointeger(L, -3), 1);
  assert_string_equal(lua_tostring(L, -2), "x!"); /* __index of the old metatable */
  assert_string_equal(lua_tostring(L, -1), "10,20,30");
  lua_pop(L, 6);
  /* the table itself is empty: its contents moved to the hidden table */
  lua_pushnil(L);
  assert_int_equal(lua_next(L, f->root), 0);
}

/* Array and hash parts both move, whatever their sizes. */
static void test_mixed_table_keeps_every_field(void **state) {
  fixture *f = *state;
  lua_State *L = f->L;
  assert_null(run(f, "local t = root.inner\n"
                     "local n = 0 for k, v in pairs(t) do n = n + 1 end\n"
                     "local s = 0 for k, v in pairs(root.list) do s = s + k * v end\n"
                     "return n, s"));
  assert_int_equal(lua_tointeger(L, -2), 1);
  assert_int_equal(lua_tointeger(L, -1), 10 + 40 + 90);
  lua_pop(L, 2);
  assert_true(seal_push_contents(L, f->root));
  assert_int_equal(lua_getfield(L, -1, "list"), LUA_TTABLE);
  assert_true(seal_push_contents(L, -1));
  assert_int_equal(lua_rawlen(L, -1), 3);
  lua_pop(L, 3);
}

static void test_writes_are_refused(void **state) {
  fixture *f = *state;
  th_assert_has(run(f, "root.inner.a = 2"), "rule.lua:1: a rule cannot change the pack's tables "
                                             "(tried to set 'a')");
  lua_pop(f->L, 1);
  th_assert_has(run(f, "root.fresh = 1"), "(tried to set 'fresh')");
  lua_pop(f->L, 1);
  th_assert_has(run(f, "root.list[4] = 1"), "(tried to set [4])");
  lua_pop(f->L, 1);
  th_assert_has(run(f, "table.insert(root.list, 5)"), "cannot change the pack's tables");
  lua_pop(f->L, 1);
  assert_null(run(f, "return root.inner.a"));
  assert_int_equal(lua_tointeger(f->L, -1), 1);
  lua_pop(f->L, 1);
}

/* Neither pairs' state nor the first argument of an __index function is
 * the hidden contents: a rule never holds a table it could write to. */
static void test_contents_never_reach_pack_code(void **state) {
  fixture *f = *state;
  lua_State *L = f->L;
  assert_null(run(f, "local iter, s, k = pairs(root.list)\n"
                     "local k1, v1 = iter(s, k)\n"
                     "return rawequal(s, root.list), k1, v1, rawequal(root.self.x, root.self)"));
  assert_true(lua_toboolean(L, -4));
  assert_int_equal(lua_tointeger(L, -3), 1);
  assert_int_equal(lua_tointeger(L, -2), 10);
  assert_true(lua_toboolean(L, -1));
  lua_pop(L, 4);
  th_assert_has(run(f, "local _, s = pairs(root.inner) s.a = 2"), "(tried to set 'a')");
  lua_pop(L, 1);
  th_assert_has(run(f, "root.self.x.y = 1"), "(tried to set 'y')");
  lua_pop(L, 1);
}

/* next walks a sealed table's contents, and a plain table as Lua's does. */
static void test_next(void **state) {
  fixture *f = *state;
  lua_State *L = f->L;
  assert_null(run(f, "local n = 0 local k, v = next(root.inner)\n"
                     "while k do n = n + 1 k, v = next(root.inner, k) end\n"
                     "local plain = { 5 }\n"
                     "local a, b = next(plain)\n"
                     "return n, a, b, next({})"));
  assert_int_equal(lua_tointeger(L, -4), 1);
  assert_int_equal(lua_tointeger(L, -3), 1); /* next(plain) gives 1, 5 */
  assert_int_equal(lua_tointeger(L, -2), 5);
  assert_true(lua_isnil(L, -1));
  lua_pop(L, 4);
  th_assert_has(run(f, "return next(3)"), "table expected");
  lua_pop(L, 1);
}

static void test_push_contents(void **state) {
  fixture *f = *state;
  lua_State *L = f->L;
  assert_true(seal_push_contents(L, f->root));
  assert_int_equal(lua_type(L, -1), LUA_TTABLE);
  assert_int_equal(lua_getfield(L, -1, "inner"), LUA_TTABLE); /* raw contents */
  lua_pop(L, 2);
  lua_newtable(L);
  assert_false(seal_push_contents(L, -1));
  lua_pushinteger(L, 3);
  assert_false(seal_push_contents(L, -1));
  lua_pop(L, 2);
}

/* The entry seal_changed finds (one must have changed), described; then
 * everything is set back and nothing differs any more. */
static bool restore_change(fixture *f, char *name, size_t size) {
  int entry = seal_changed(f->L, f->watch, f->nwatch);
  assert_true(entry > 0);
  bool field = seal_describe(f->L, f->watch, entry, name, size);
  seal_restore(f->L, f->watch, f->nwatch);
  assert_int_equal(seal_changed(f->L, f->watch, f->nwatch), 0);
  return field;
}

static void test_changed_local_is_found_and_restored(void **state) {
  fixture *f = *state;
  lua_State *L = f->L;
  assert_int_equal(seal_changed(L, f->watch, f->nwatch), 0);
  assert_null(run(f, "return root.bump()"));
  lua_pop(L, 1);
  char name[64];
  assert_false(restore_change(f, name, sizeof name));
  assert_string_equal(name, "n");
  assert_null(run(f, "return root.peek()"));
  assert_int_equal(lua_tointeger(L, -2), 0);
  lua_pop(L, 2);
}

static void test_nan_is_unchanged(void **state) {
  fixture *f = *state;
  assert_null(run(f, "local n, nan = root.peek() return nan ~= nan"));
  assert_true(lua_toboolean(f->L, -1));
  lua_pop(f->L, 1);
  assert_int_equal(seal_changed(f->L, f->watch, f->nwatch), 0);
}

static void test_metamethods_stay_raw_and_watched(void **state) {
  fixture *f = *state;
  lua_State *L = f->L;
  assert_null(run(f, "root.mt.__index = function() return 'changed' end return root.magic.x"));
  assert_string_equal(lua_tostring(L, -1), "x!"); /* the sealed copy still answers */
  lua_pop(L, 1);
  char name[64];
  assert_true(restore_change(f, name, sizeof name));
  assert_string_equal(name, "'__index'");
}

/* The entries of the watch list a call of fn can change. */
static int entries_of(fixture *f, const char *field, int **out) {
  lua_State *L = f->L;
  assert_true(seal_push_contents(L, f->root));
  lua_getfield(L, -1, field);
  lua_pushcfunction(L, rule_entries);
  lua_pushvalue(L, f->watch);
  lua_pushinteger(L, f->nwatch);
  lua_pushvalue(L, -4);
  lua_pushlightuserdata(L, out);
  assert_int_equal(lua_pcall(L, 4, 1, 0), LUA_OK);
  int n = (int)lua_tointeger(L, -1);
  lua_pop(L, 3);
  return n;
}

/* A call can change only what it reaches: bump reaches n; peek reaches n
 * and nan; via reaches its table of helpers, and through bump in it, n. */
static void test_rule_entries(void **state) {
  fixture *f = *state;
  lua_State *L = f->L;
  int *bump = NULL, *peek = NULL, *via = NULL;
  assert_int_equal(entries_of(f, "bump", &bump), 1);
  assert_int_equal(entries_of(f, "peek", &peek), 2);
  assert_int_equal(entries_of(f, "via", &via), 2); /* its own helper table, the helper's n */
  char name[64];
  assert_false(seal_describe(L, f->watch, bump[0], name, sizeof name));
  assert_string_equal(name, "n");
  assert_int_equal(seal_changed_among(L, f->watch, bump, 1), 0);
  assert_null(run(f, "return root.via()"));
  lua_pop(L, 1);
  assert_int_equal(seal_changed_among(L, f->watch, via, 2), bump[0]);
  assert_int_equal(seal_changed_among(L, f->watch, peek + 1, 1), 0); /* nan: unchanged */
  seal_restore(L, f->watch, f->nwatch);
  free(bump);
  free(peek);
  free(via);
}

/* How many entries sealing the value `src` returns puts in the watch list. */
static int watches_of(const char *src) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  load_chunk(L, src, "@w.lua");
  lua_pushcfunction(L, seal_both);
  lua_insert(L, -2);
  lua_pushnil(L);
  assert_int_equal(lua_pcall(L, 2, 2, 0), LUA_OK);
  int n = (int)lua_tointeger(L, -1);
  lua_close(L);
  return n;
}

/* A metatable pack code cannot name is not watched; one it can, is. */
static void test_hidden_metatables_are_not_watched(void **state) {
  (void)state;
  assert_int_equal(watches_of("return { hidden = setmetatable({}, { __index = { a = 1 } }) }"), 0);
  assert_int_equal(watches_of("local mt = { __index = { a = 1 } }\n"
                              "return { shown = setmetatable({}, mt), mt = mt }"), 1); /* mt.__index */
}

static void test_trusted_code_is_not_watched(void **state) {
  fixture *f = *state;
  lua_State *L = f->L;
  lua_pushvalue(L, f->trusted);
  assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
  assert_int_equal(lua_tointeger(L, -1), 1);
  lua_pop(L, 1);
  assert_int_equal(seal_changed(L, f->watch, f->nwatch), 0);
}

static void test_empty_roots(void **state) {
  (void)state;
  lua_State *L = luaL_newstate();
  lua_pushinteger(L, 7); /* below the roots: left alone */
  lua_pushinteger(L, 1);
  lua_pushliteral(L, "text");
  assert_int_equal(seal_pack(L, 2, "=trusted"), 0);
  assert_int_equal(lua_gettop(L), 2); /* the watch list replaced the roots */
  assert_int_equal(lua_type(L, -1), LUA_TTHREAD);
  assert_int_equal(lua_tointeger(L, 1), 7);
  assert_int_equal(seal_changed(L, -1, 0), 0);
  lua_close(L);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_tables_read_as_before),
      T(test_mixed_table_keeps_every_field),
      T(test_writes_are_refused),
      T(test_push_contents),
      T(test_contents_never_reach_pack_code),
      T(test_next),
      T(test_changed_local_is_found_and_restored),
      T(test_nan_is_unchanged),
      T(test_rule_entries),
      T(test_metamethods_stay_raw_and_watched),
      T(test_trusted_code_is_not_watched),
      cmocka_unit_test(test_hidden_metatables_are_not_watched),
      cmocka_unit_test(test_empty_roots),
  };
  return cmocka_run_group_tests_name("seal", tests, NULL, NULL);
}
