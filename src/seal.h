/* seal: once a pack has loaded, nothing its rule functions can reach may
 * carry a value from one row to the next.
 *
 * Rule functions run in one Lua state for every row (and in one state per
 * worker with -j), so a table or a local of the pack's file that a rule
 * changed would make a row's result depend on the rows before it and on the
 * thread count. Sealing walks every value reachable from the given roots
 * and
 *   - empties each table into a hidden copy that its metatable reads from,
 *     so reads (indexing, #, pairs, ipairs, the table library) still work
 *     and every write raises an error; fields named "__..." (metamethods)
 *     stay where the VM looks for them, and are watched instead when pack
 *     code can name the table (not when it is only some table's metatable);
 *   - records the upvalues of every Lua function but the prelude's (the
 *     pack file's locals), which can be reassigned without touching a table,
 *     in a watch list that is compared after each rule call.
 * Only sandbox.c calls this module; it works on the Lua stack. */
#ifndef RATIO_SEAL_H
#define RATIO_SEAL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct lua_State lua_State;

/* Seal everything reachable from the `nroots` values on top of L's stack
 * (popped) and push the watch list in their place: a Lua value to keep
 * alive, whose stack index the functions below take. Lua functions whose
 * source is `trusted` (the prelude's chunk name) are walked through but not
 * watched. Allocates on the Lua heap: call in protected mode. Returns the
 * number of entries in the watch list. */
int seal_pack(lua_State *L, int nroots, const char *trusted);

/* The first entry (1-based) of the watch list at `watch` whose value is not
 * what it was when sealed, or 0. Never allocates or raises. */
int seal_changed(lua_State *L, int watch, int nwatch);

/* The entries a call of the function at `fn` can change: those it can
 * reach through its upvalues, the tables they hold and the functions in
 * those (not through the trusted prelude's own locals). *out is a list of
 * 1-based entries the caller frees. Allocates on the Lua heap: call in
 * protected mode. Returns its length. */
int seal_rule_entries(lua_State *L, int watch, int nwatch, int fn, const char *trusted, int **out);

/* seal_changed over the listed entries only. Never allocates or raises. */
int seal_changed_among(lua_State *L, int watch, const int *entries, int n);

/* What entry `i` watches, for a message: the local's name ("n"), or the
 * field's key ("'__index'") and then returns true. Never allocates or
 * raises. */
bool seal_describe(lua_State *L, int watch, int i, char *name, size_t name_size);

/* Set every watched value back to what it was when sealed. May allocate
 * (a metamethod field that was removed): call in protected mode. */
void seal_restore(lua_State *L, int watch, int nwatch);

/* next(t, k) for pack code (a lua_CFunction): on a sealed table it walks
 * the hidden contents, and pairs on a sealed table returns it with t as the
 * state, so pack code never holds the contents themselves. */
int seal_next(lua_State *L);

/* If the table at idx is sealed, push the hidden table that holds its
 * contents and return true; otherwise push nothing and return false. */
bool seal_push_contents(lua_State *L, int idx);

#endif
