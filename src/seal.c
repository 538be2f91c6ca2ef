/* seal: a loaded pack's values, read-only to its rule functions. */
#include "seal.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

/* Its address keys, in a sealed table's metatable, the hidden table that
 * holds the contents: a light userdata, which pack code cannot make. */
static const char contents_key = 0;

static bool is_meta_name(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TSTRING) return false;
  const char *s = lua_tostring(L, idx);
  return s[0] == '_' && s[1] == '_';
}

/* "'name'", "[3]" or "a key of type boolean", for messages. */
static void describe_key(lua_State *L, int idx, char *buf, size_t size) {
  if (lua_type(L, idx) == LUA_TSTRING) snprintf(buf, size, "'%.60s'", lua_tostring(L, idx));
  else if (lua_isinteger(L, idx)) snprintf(buf, size, "[%lld]", (long long)lua_tointeger(L, idx));
  else if (lua_type(L, idx) == LUA_TNUMBER) snprintf(buf, size, "[%g]", lua_tonumber(L, idx));
  else snprintf(buf, size, "a key of type %s", luaL_typename(L, idx));
}

bool seal_push_contents(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx)) return false;
  if (lua_rawgetp(L, -1, &contents_key) != LUA_TTABLE) {
    lua_pop(L, 2);
    return false;
  }
  lua_remove(L, -2);
  return true;
}

/* __newindex of a sealed table: (t, k, v). Level 1 of the message is the
 * pack line that wrote. */
static int sealed_write(lua_State *L) {
  char key[96];
  describe_key(L, 2, key, sizeof key);
  return luaL_error(L, "a rule cannot change the pack's tables (tried to set %s): every row shares "
                       "them; build a new table inside the rule function instead", key);
}

static int sealed_len(lua_State *L) {
  lua_pushinteger(L, seal_push_contents(L, 1) ? (lua_Integer)lua_rawlen(L, -1) : 0);
  return 1;
}

static int contents_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  if (lua_next(L, 1)) return 2;
  lua_pushnil(L);
  return 1;
}

static int sealed_pairs(lua_State *L) {
  lua_pushcfunction(L, contents_next);
  if (!seal_push_contents(L, 1)) lua_newtable(L);
  lua_pushnil(L);
  return 3;
}

/* The walk: a stack of values still to visit, the set of values (and
 * upvalues) already seen, and the watch list being built, as absolute
 * stack indices. */
typedef struct walk {
  lua_State *L;
  int work, seen, watch;
  lua_Integer nwork;
  int nwatch;
  const char *trusted;
} walk;

static void push_work(walk *w, int idx) {
  int type = lua_type(w->L, idx);
  if (type != LUA_TTABLE && type != LUA_TFUNCTION) return; /* nothing to seal inside */
  lua_pushvalue(w->L, idx);
  lua_rawseti(w->L, w->work, ++w->nwork);
}

/* true the first time the value at idx is asked about */
static bool first_sight(walk *w, int idx) {
  lua_State *L = w->L;
  lua_pushvalue(L, idx);
  bool seen = lua_rawget(L, w->seen) != LUA_TNIL;
  lua_pop(L, 1);
  if (seen) return false;
  lua_pushvalue(L, idx);
  lua_pushboolean(L, 1);
  lua_rawset(L, w->seen);
  return true;
}

/* A watch entry is three slots: the owner (a function or a table), the
 * upvalue's number or the field's key, and the value it had. */
static void add_watch(walk *w, int owner, int key, int value) {
  lua_State *L = w->L;
  int at = w->nwatch * 3;
  lua_pushvalue(L, owner);
  lua_rawseti(L, w->watch, at + 1);
  lua_pushvalue(L, key);
  lua_rawseti(L, w->watch, at + 2);
  lua_pushvalue(L, value);
  lua_rawseti(L, w->watch, at + 3);
  w->nwatch++;
}

/* Move the table's fields into a hidden table and give it a metatable that
 * reads from there and refuses writes. Its original metatable's metamethods
 * are carried over, so operators and lookups through __index still work. */
static void seal_table(walk *w, int t) {
  lua_State *L = w->L;
  int mt = 0;
  if (lua_getmetatable(L, t)) {
    mt = lua_gettop(L);
    push_work(w, mt);
  }
  /* sized up front: growing it field by field would leave the old parts
   * behind as garbage while the pack's memory is at its peak */
  lua_Unsigned narr = lua_rawlen(L, t);
  int nhash = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    nhash += !(lua_isinteger(L, -1) && (lua_Unsigned)lua_tointeger(L, -1) - 1 < narr);
  }
  lua_createtable(L, narr > INT_MAX ? INT_MAX : (int)narr, nhash);
  int contents = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, t)) {
    int k = lua_gettop(L) - 1, v = k + 1;
    push_work(w, k);
    push_work(w, v);
    if (is_meta_name(L, k)) {
      add_watch(w, t, k, v); /* the VM reads metamethods raw: leave them */
    } else {
      lua_pushvalue(L, k);
      lua_pushvalue(L, v);
      lua_rawset(L, contents);
      lua_pushvalue(L, k); /* clearing a field is allowed while traversing */
      lua_pushnil(L);
      lua_rawset(L, t);
    }
    lua_pop(L, 1);
  }
  /* A new key in a table whose slots are all taken makes Lua resize it to
   * what it holds now, giving back the memory of the fields moved out. */
  lua_pushlightuserdata(L, (void *)&contents_key);
  lua_pushboolean(L, 1);
  lua_rawset(L, t);
  lua_pushlightuserdata(L, (void *)&contents_key);
  lua_pushnil(L);
  lua_rawset(L, t);
  lua_newtable(L);
  int meta = lua_gettop(L);
  bool has_newindex = false, has_len = false, has_pairs = false, has_protect = false;
  if (mt) {
    lua_pushnil(L);
    while (lua_next(L, mt)) {
      int k = lua_gettop(L) - 1;
      const char *name = is_meta_name(L, k) ? lua_tostring(L, k) : NULL;
      if (name && strcmp(name, "__index") == 0) {
        lua_createtable(L, 0, 1); /* misses in the contents go where they went */
        lua_pushvalue(L, k + 1);
        lua_setfield(L, -2, "__index");
        lua_setmetatable(L, contents);
      } else if (name) {
        has_newindex |= strcmp(name, "__newindex") == 0;
        has_len |= strcmp(name, "__len") == 0;
        has_pairs |= strcmp(name, "__pairs") == 0;
        has_protect |= strcmp(name, "__metatable") == 0;
        lua_pushvalue(L, k);
        lua_pushvalue(L, k + 1);
        lua_rawset(L, meta);
      }
      lua_pop(L, 1);
    }
  }
  lua_pushvalue(L, contents);
  lua_setfield(L, meta, "__index");
  lua_pushvalue(L, contents);
  lua_rawsetp(L, meta, &contents_key);
  /* a metatable's own __newindex (the environment's "declare a local")
   * already says no, in words that fit better */
  if (!has_newindex) {
    lua_pushcfunction(L, sealed_write);
    lua_setfield(L, meta, "__newindex");
  }
  if (!has_len) {
    lua_pushcfunction(L, sealed_len);
    lua_setfield(L, meta, "__len");
  }
  if (!has_pairs) {
    lua_pushcfunction(L, sealed_pairs);
    lua_setfield(L, meta, "__pairs");
  }
  if (!has_protect) {
    lua_pushboolean(L, 0);
    lua_setfield(L, meta, "__metatable");
  }
  lua_setmetatable(L, t);
  lua_settop(L, contents - 1);
}

/* Walk a function's upvalues; watch them unless it is trusted code. */
static void visit_function(walk *w, int fn) {
  lua_State *L = w->L;
  lua_Debug ar;
  lua_pushvalue(L, fn);
  lua_getinfo(L, ">S", &ar);
  bool watched = strcmp(ar.what, "C") != 0 && strcmp(ar.source, w->trusted) != 0;
  for (int i = 1; lua_getupvalue(L, fn, i) != NULL; i++) {
    int v = lua_gettop(L);
    push_work(w, v);
    if (watched) {
      lua_pushlightuserdata(L, lua_upvalueid(L, fn, i)); /* shared by closures */
      int id = lua_gettop(L);
      if (first_sight(w, id)) {
        lua_pushinteger(L, i);
        add_watch(w, fn, lua_gettop(L), v);
      }
    }
    lua_settop(L, v - 1);
  }
}

int seal_pack(lua_State *L, int nroots, const char *trusted) {
  luaL_checkstack(L, 16, "sealing the pack");
  int roots = lua_gettop(L) - nroots;
  walk w = {.L = L, .trusted = trusted};
  lua_newtable(L);
  w.watch = lua_gettop(L);
  lua_newtable(L);
  w.work = lua_gettop(L);
  lua_newtable(L);
  w.seen = lua_gettop(L);
  for (int i = 1; i <= nroots; i++) push_work(&w, roots + i);
  while (w.nwork > 0) {
    lua_rawgeti(L, w.work, w.nwork);
    lua_pushnil(L);
    lua_rawseti(L, w.work, w.nwork--);
    int v = lua_gettop(L), type = lua_type(L, v);
    if ((type == LUA_TTABLE || type == LUA_TFUNCTION) && first_sight(&w, v)) {
      if (type == LUA_TTABLE) seal_table(&w, v);
      else visit_function(&w, v);
    }
    lua_settop(L, v - 1);
  }
  lua_settop(L, w.watch);
  lua_insert(L, roots + 1);
  lua_settop(L, roots + 1);
  return w.nwatch;
}

/* Push the current value of watch entry i (its owner and key at -2, -1). */
static void push_current(lua_State *L, int watch, int i) {
  lua_rawgeti(L, watch, i);
  lua_rawgeti(L, watch, i + 1);
  if (lua_type(L, -2) == LUA_TFUNCTION) {
    if (!lua_getupvalue(L, -2, (int)lua_tointeger(L, -1))) lua_pushnil(L);
  } else {
    lua_pushvalue(L, -1);
    lua_rawget(L, -3);
  }
}

static bool same(lua_State *L, int a, int b) {
  if (lua_rawequal(L, a, b)) return true;
  /* NaN is not equal to itself, yet unchanged */
  if (lua_type(L, a) != LUA_TNUMBER || lua_type(L, b) != LUA_TNUMBER) return false;
  if (lua_isinteger(L, a) || lua_isinteger(L, b)) return false;
  lua_Number x = lua_tonumber(L, a), y = lua_tonumber(L, b);
  return x != x && y != y;
}

int seal_changed(lua_State *L, int watch, int nwatch) {
  watch = lua_absindex(L, watch);
  for (int n = 0; n < nwatch; n++) {
    int i = n * 3 + 1;
    push_current(L, watch, i);
    lua_rawgeti(L, watch, i + 2);
    bool unchanged = same(L, -1, -2);
    lua_pop(L, 4);
    if (!unchanged) return n + 1;
  }
  return 0;
}

bool seal_describe(lua_State *L, int watch, int entry, char *name, size_t name_size) {
  watch = lua_absindex(L, watch);
  int i = (entry - 1) * 3 + 1;
  lua_rawgeti(L, watch, i);
  lua_rawgeti(L, watch, i + 1);
  bool field = lua_type(L, -2) != LUA_TFUNCTION;
  if (!field) {
    const char *up = lua_getupvalue(L, -2, (int)lua_tointeger(L, -1));
    snprintf(name, name_size, "%s", up && up[0] ? up : "?");
    if (up) lua_pop(L, 1);
  } else {
    describe_key(L, -1, name, name_size);
  }
  lua_pop(L, 2);
  return field;
}

void seal_restore(lua_State *L, int watch, int nwatch) {
  watch = lua_absindex(L, watch);
  for (int n = 0; n < nwatch; n++) {
    int i = n * 3 + 1;
    lua_rawgeti(L, watch, i);
    lua_rawgeti(L, watch, i + 1);
    lua_rawgeti(L, watch, i + 2);
    if (lua_type(L, -3) == LUA_TFUNCTION) {
      if (!lua_setupvalue(L, -3, (int)lua_tointeger(L, -2))) lua_pop(L, 1);
      lua_pop(L, 2);
    } else {
      lua_rawset(L, -3);
      lua_pop(L, 1);
    }
  }
}
