/* seal: a loaded pack's values, read-only to its rule functions. */
#include "seal.h"

#include "err.h"

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

int seal_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  if (seal_push_contents(L, 1)) lua_replace(L, 1); /* only this C frame holds it */
  if (lua_next(L, 1)) return 2;
  lua_pushnil(L);
  return 1;
}

/* pairs(t) gives seal_next and t itself as the loop's state: handing out
 * the contents table would let a rule write to what every row shares. */
static int sealed_pairs(lua_State *L) {
  lua_pushcfunction(L, seal_next);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

/* A miss in the contents, when the original metatable's __index was a
 * function: call it with the sealed table (upvalue 2), never with the
 * contents Lua would pass. */
static int sealed_index_fn(lua_State *L) {
  lua_settop(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_pushvalue(L, 2);
  lua_call(L, 2, 1);
  return 1;
}

/* The watch thread's stack: slot INDEX maps each watched upvalue (by its
 * lightuserdata id) to its entry, and each table to the list of entries of
 * its metamethod fields; slot INERT is the set of tables that hold no
 * table or function (a rule reaching one reaches nothing more); the
 * entries follow, three slots each. */
#define INDEX 1
#define INERT 2
#define ENTRY(n) (3 + (n) * 3) /* n: 0-based */

/* The walk: a stack of values still to visit, each with whether pack code
 * can hold it (it is "exposed"); what was seen (1 hidden, 2 exposed); and
 * the watch list being built, as absolute stack indices. A table reached
 * only as a metatable, or only through the prelude's locals, is hidden:
 * pack code has no way to name it, so its metamethods need no watching. */
typedef struct walk {
  lua_State *L;
  int work, seen;
  lua_State *W;      /* the watch list: a thread whose stack holds it */
  lua_Integer nwork;
  int nwatch;
  const char *trusted;
} walk;

static void push_work(walk *w, int idx, bool exposed) {
  int type = lua_type(w->L, idx);
  if (type != LUA_TTABLE && type != LUA_TFUNCTION) return; /* nothing to seal inside */
  lua_pushvalue(w->L, idx);
  lua_rawseti(w->L, w->work, ++w->nwork);
  lua_pushboolean(w->L, exposed);
  lua_rawseti(w->L, w->work, ++w->nwork);
}

/* What the walk knew of the value at idx (0 unseen, 1 hidden, 2 exposed),
 * then records `now`. */
static int sighting(walk *w, int idx, int now) {
  lua_State *L = w->L;
  lua_pushvalue(L, idx);
  lua_rawget(L, w->seen);
  int before = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  if (now > before) {
    lua_pushvalue(L, idx);
    lua_pushinteger(L, now);
    lua_rawset(L, w->seen);
  }
  return before;
}

/* A watch entry is three slots of the watch thread's stack: the owner (a
 * function or a table), the upvalue's number or the field's key, and the
 * value it had. A stack, not a table, so that the check after every rule
 * call reads them by position, with no lookups. */
static void add_watch(walk *w, int owner, int key, int value) {
  lua_State *L = w->L;
  if (!lua_checkstack(w->W, 3))
    luaL_error(L, "the pack keeps too many locals that rule functions can reach (more than %d); "
                  "keep fewer functions in tables",
               w->nwatch);
  lua_pushvalue(L, owner);
  lua_pushvalue(L, key);
  lua_pushvalue(L, value);
  lua_xmove(L, w->W, 3);
  w->nwatch++;
  lua_State *W = w->W;
  if (lua_type(L, owner) == LUA_TFUNCTION) { /* index[upvalue id] = entry */
    lua_pushlightuserdata(W, lua_upvalueid(L, owner, (int)lua_tointeger(L, key)));
    lua_pushinteger(W, w->nwatch);
    lua_rawset(W, INDEX);
  } else { /* index[table] = { entries } */
    lua_pushvalue(L, owner);
    lua_xmove(L, W, 1);
    if (lua_rawget(W, INDEX) != LUA_TTABLE) {
      lua_pop(W, 1);
      lua_newtable(W);
      lua_pushvalue(L, owner);
      lua_xmove(L, W, 1);
      lua_pushvalue(W, -2);
      lua_rawset(W, INDEX);
    }
    lua_pushinteger(W, w->nwatch);
    lua_rawseti(W, -2, (lua_Integer)lua_rawlen(W, -2) + 1);
    lua_pop(W, 1);
  }
}

/* Watch the metamethod fields of table t, now that pack code can reach it;
 * they stay in t itself, where the VM looks for them. */
static void watch_meta_fields(walk *w, int t) {
  lua_State *L = w->L;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    if (is_meta_name(L, -2)) add_watch(w, t, lua_gettop(L) - 1, lua_gettop(L));
    lua_pop(L, 1);
  }
}

/* A hidden table turned out to be exposed: so is all it holds. */
static void expose(walk *w, int t) {
  lua_State *L = w->L;
  watch_meta_fields(w, t);
  if (!seal_push_contents(L, t)) return;
  int contents = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, contents)) {
    push_work(w, lua_gettop(L) - 1, true);
    push_work(w, lua_gettop(L), true);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* Move the table's fields into a hidden table and give it a metatable that
 * reads from there and refuses writes. Its original metatable's metamethods
 * are carried over, so operators and lookups through __index still work. */
static void seal_table(walk *w, int t, bool exposed) {
  lua_State *L = w->L;
  int mt = 0;
  if (lua_getmetatable(L, t)) {
    mt = lua_gettop(L);
    push_work(w, mt, false);
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
  bool inert = mt == 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    int k = lua_gettop(L) - 1, v = k + 1;
    push_work(w, k, exposed);
    push_work(w, v, exposed);
    for (int i = k; i <= v; i++) inert &= lua_type(L, i) != LUA_TTABLE && lua_type(L, i) != LUA_TFUNCTION;
    if (is_meta_name(L, k)) {
      if (exposed) add_watch(w, t, k, v); /* the VM reads metamethods raw: leave them */
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
        if (lua_type(L, -1) == LUA_TFUNCTION) {
          lua_pushvalue(L, t);
          lua_pushcclosure(L, sealed_index_fn, 2);
        }
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
  if (inert) {
    lua_pushvalue(L, t);
    lua_xmove(L, w->W, 1);
    lua_pushboolean(w->W, 1);
    lua_rawset(w->W, INERT);
  }
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
    push_work(w, v, watched);
    if (watched) {
      lua_pushlightuserdata(L, lua_upvalueid(L, fn, i)); /* shared by closures */
      int id = lua_gettop(L);
      if (sighting(w, id, 2) == 0) {
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
  w.W = lua_newthread(L);
  int watch = lua_gettop(L);
  lua_newtable(w.W); /* INDEX */
  lua_newtable(w.W); /* INERT */
  lua_newtable(L);
  w.work = lua_gettop(L);
  lua_newtable(L);
  w.seen = lua_gettop(L);
  for (int i = 1; i <= nroots; i++) push_work(&w, roots + i, true);
  while (w.nwork > 0) {
    lua_rawgeti(L, w.work, w.nwork);
    bool exposed = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_rawgeti(L, w.work, w.nwork - 1);
    lua_pushnil(L);
    lua_rawseti(L, w.work, w.nwork--);
    lua_pushnil(L);
    lua_rawseti(L, w.work, w.nwork--);
    int v = lua_gettop(L);
    int before = sighting(&w, v, exposed ? 2 : 1);
    if (lua_type(L, v) == LUA_TFUNCTION) {
      if (before == 0) visit_function(&w, v);
    } else if (before == 0) {
      seal_table(&w, v, exposed);
    } else if (before == 1 && exposed) {
      expose(&w, v);
    }
    lua_settop(L, v - 1);
  }
  /* room for the checks, which push a value or two and must not fail */
  if (!lua_checkstack(w.W, 4)) luaL_error(L, "the pack keeps too many locals that rule functions can reach");
  lua_settop(L, watch);
  lua_insert(L, roots + 1);
  lua_settop(L, roots + 1);
  return w.nwatch;
}

static bool same(lua_State *W, int a, int b) {
  if (lua_rawequal(W, a, b)) return true;
  /* NaN is not equal to itself, yet unchanged */
  if (lua_type(W, a) != LUA_TNUMBER || lua_type(W, b) != LUA_TNUMBER) return false;
  if (lua_isinteger(W, a) || lua_isinteger(W, b)) return false;
  lua_Number x = lua_tonumber(W, a), y = lua_tonumber(W, b);
  return x != x && y != y;
}

/* Push entry n's current value (0-based) on W. */
static void push_current(lua_State *W, int n) {
  int owner = ENTRY(n);
  if (lua_type(W, owner) == LUA_TFUNCTION) {
    if (!lua_getupvalue(W, owner, (int)lua_tointeger(W, owner + 1))) lua_pushnil(W);
  } else {
    lua_pushvalue(W, owner + 1);
    lua_rawget(W, owner);
  }
}

int seal_changed(lua_State *L, int watch, int nwatch) {
  lua_State *W = lua_tothread(L, watch);
  for (int n = 0; n < nwatch; n++) {
    push_current(W, n);
    bool unchanged = same(W, -1, ENTRY(n) + 2);
    lua_pop(W, 1);
    if (!unchanged) return n + 1;
  }
  return 0;
}

int seal_changed_among(lua_State *L, int watch, const int *entries, int n) {
  lua_State *W = lua_tothread(L, watch);
  for (int i = 0; i < n; i++) {
    int e = entries[i] - 1;
    push_current(W, e);
    bool unchanged = same(W, -1, ENTRY(e) + 2);
    lua_pop(W, 1);
    if (!unchanged) return e + 1;
  }
  return 0;
}

/* Mark, in `hit`, the entries listed for the value on top of L (a table's
 * metamethod fields) or for upvalue id `id`. */
static void mark_entries(lua_State *L, lua_State *W, unsigned char *hit) {
  lua_xmove(L, W, 1);
  int type = lua_rawget(W, INDEX);
  if (type == LUA_TNUMBER) {
    hit[lua_tointeger(W, -1) - 1] = 1;
  } else if (type == LUA_TTABLE) {
    for (lua_Integer i = 1, n = (lua_Integer)lua_rawlen(W, -1); i <= n; i++) {
      lua_rawgeti(W, -1, i);
      hit[lua_tointeger(W, -1) - 1] = 1;
      lua_pop(W, 1);
    }
  }
  lua_pop(W, 1);
}

int seal_rule_entries(lua_State *L, int watch, int nwatch, int fn, const char *trusted, int **out) {
  luaL_checkstack(L, 16, "sealing the pack");
  watch = lua_absindex(L, watch);
  fn = lua_absindex(L, fn);
  lua_State *W = lua_tothread(L, watch);
  unsigned char *hit = lua_newuserdatauv(L, (size_t)nwatch + 1, 0); /* on the Lua heap: an error frees it */
  memset(hit, 0, (size_t)nwatch + 1);
  lua_newtable(L);
  int visited = lua_gettop(L);
  lua_newtable(L);
  int stack = lua_gettop(L);
  lua_Integer depth = 0;
  lua_pushvalue(L, fn);
  lua_rawseti(L, stack, ++depth);
  while (depth > 0) {
    lua_rawgeti(L, stack, depth);
    lua_pushnil(L);
    lua_rawseti(L, stack, depth--);
    int v = lua_gettop(L), type = lua_type(L, v);
    lua_pushvalue(L, v);
    bool seen = lua_rawget(L, visited) != LUA_TNIL;
    lua_pop(L, 1);
    bool inert = false;
    if (!seen && type == LUA_TTABLE) {
      lua_pushvalue(L, v);
      lua_xmove(L, W, 1);
      inert = lua_rawget(W, INERT) != LUA_TNIL;
      lua_pop(W, 1);
    }
    if (seen || inert || (type != LUA_TTABLE && type != LUA_TFUNCTION)) {
      lua_settop(L, v - 1);
      continue;
    }
    lua_pushvalue(L, v);
    lua_pushboolean(L, 1);
    lua_rawset(L, visited);
    if (type == LUA_TFUNCTION) {
      lua_Debug ar;
      lua_pushvalue(L, v);
      lua_getinfo(L, ">S", &ar);
      /* the prelude's locals are its own: a rule reaches only what it returns */
      if (strcmp(ar.what, "C") != 0 && strcmp(ar.source, trusted) == 0) {
        lua_settop(L, v - 1);
        continue;
      }
      for (int i = 1; lua_getupvalue(L, v, i) != NULL; i++) {
        lua_rawseti(L, stack, ++depth);
        if (strcmp(ar.what, "C") != 0) {
          lua_pushlightuserdata(L, lua_upvalueid(L, v, i));
          mark_entries(L, W, hit);
        }
      }
    } else {
      lua_pushvalue(L, v);
      mark_entries(L, W, hit);
      if (lua_getmetatable(L, v)) lua_rawseti(L, stack, ++depth);
      if (seal_push_contents(L, v)) lua_rawseti(L, stack, ++depth);
      lua_pushnil(L);
      while (lua_next(L, v)) {
        lua_pushvalue(L, -2);
        lua_rawseti(L, stack, ++depth);
        lua_rawseti(L, stack, ++depth);
      }
    }
    lua_settop(L, v - 1);
  }
  int n = 0;
  for (int i = 0; i < nwatch; i++) n += hit[i];
  int *list = xmalloc(sizeof *list * (size_t)(n ? n : 1));
  for (int i = 0, k = 0; i < nwatch; i++)
    if (hit[i]) list[k++] = i + 1;
  lua_pop(L, 3);
  *out = list;
  return n;
}

bool seal_describe(lua_State *L, int watch, int entry, char *name, size_t name_size) {
  lua_State *W = lua_tothread(L, watch);
  int owner = ENTRY(entry - 1);
  bool field = lua_type(W, owner) != LUA_TFUNCTION;
  if (!field) {
    const char *up = lua_getupvalue(W, owner, (int)lua_tointeger(W, owner + 1));
    snprintf(name, name_size, "%s", up && up[0] ? up : "?");
    if (up) lua_pop(W, 1);
  } else {
    describe_key(W, owner + 1, name, name_size);
  }
  return field;
}

void seal_restore(lua_State *L, int watch, int nwatch) {
  lua_State *W = lua_tothread(L, watch);
  for (int n = 0; n < nwatch; n++) {
    int owner = ENTRY(n);
    if (lua_type(W, owner) == LUA_TFUNCTION) {
      lua_pushvalue(W, owner + 2);
      if (!lua_setupvalue(W, owner, (int)lua_tointeger(W, owner + 1))) lua_pop(W, 1);
    } else {
      lua_pushvalue(W, owner + 1);
      lua_pushvalue(W, owner + 2);
      lua_rawset(W, owner);
    }
  }
}
