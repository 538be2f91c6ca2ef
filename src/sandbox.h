/* sandbox: one pack's lua_State, its budgets, and every call into Lua.
 *
 * A sandbox owns a lua_State whose pack code sees only an allowlist (safe
 * parts of base, string, table, math, utf8 and the rule language), whose
 * allocator refuses past a memory cap, and whose count hook stops code past a
 * step budget. Every call into Lua goes through this module, in protected
 * mode, and comes back as a value or an err with the pack file and line. */
#ifndef RATIO_SANDBOX_H
#define RATIO_SANDBOX_H

#include <signal.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>

#include "err.h"

typedef struct lua_State lua_State;
typedef struct sandbox sandbox;

typedef struct sandbox_limits {
  size_t max_memory;      /* bytes the pack's Lua heap may use in all */
  long long max_steps;    /* VM instructions per load and per evaluation */
  double max_time;        /* seconds of wall-clock time per load, and per
                           * rule call or per row (sandbox_start_row) */
  /* When *stop turns non-zero (a signal handler sets it), running pack
   * code stops at its next step with "interrupted". NULL: never. */
  volatile sig_atomic_t *stop;
  /* When pack code cannot be stopped at all (see watchdog.h), the process
   * ends; if *partial_file is then set, that file (an unfinished output)
   * is removed first. NULL: nothing to remove. */
  char **partial_file;
} sandbox_limits;

#define SANDBOX_DEFAULT_MEMORY ((size_t)64 << 20)
#define SANDBOX_DEFAULT_STEPS 10000000LL
#define SANDBOX_DEFAULT_TIME 10.0

/* A value crossing between a rule function and the evaluator. */
typedef enum { SV_NIL, SV_BOOL, SV_NUMBER, SV_STRING } sandbox_value_kind;
typedef struct sandbox_value {
  sandbox_value_kind kind;
  bool b;
  double num;
  const char *str; /* borrowed: valid until the next call into the sandbox */
  size_t len;
} sandbox_value;

/* Answers a rule function's read of `name` (a fact or a node). Returns 0 and
 * fills *out, or -1 with *e set (an unknown name, a cycle). */
typedef int (*sandbox_reader)(void *ud, const char *name, sandbox_value *out, err **e);

/* A new sandbox with the given limits (NULL for the defaults). The caller
 * frees it with sandbox_free. Returns NULL and sets *e on failure. */
sandbox *sandbox_new(const sandbox_limits *limits, err **e);
void sandbox_free(sandbox *sb);

/* Run the rule language's prelude, then the pack's main file `main_path`
 * (text only). `root` is the pack folder: `include` reads files inside it and
 * nowhere else. `display_root` is how the folder is named in messages. On
 * success the registry of declarations is kept in the sandbox for
 * sandbox_with_registry. */
int sandbox_load_pack(sandbox *sb, const char *main_path, const char *root,
                      const char *display_root, err **e);

/* What sandbox_open_file found at a path the pack names. */
typedef enum sandbox_path {
  SANDBOX_PATH_OK,          /* a regular file inside the pack folder */
  SANDBOX_PATH_OUTSIDE,     /* the path leads out of the pack folder */
  SANDBOX_PATH_MISSING,     /* no such file (nothing was opened) */
  SANDBOX_PATH_NOT_REGULAR, /* a folder, device, pipe or socket */
  SANDBOX_PATH_UNREADABLE,  /* a regular file that cannot be opened */
} sandbox_path;

/* The one test of "inside the pack": every file a pack names (one it
 * includes, a case file it lists) goes through it. `rel` is taken relative
 * to the pack folder and must stay inside it: no absolute path, no '..'
 * component, and inside the folder once every symbolic link is resolved.
 * It must then be a regular file, which is opened (when f is not NULL)
 * without waiting: what is not a regular file is refused before it is
 * opened, and checked again on the open descriptor, so a pipe or a device
 * put there meanwhile is never read. Returns SANDBOX_PATH_OK with *f open
 * for reading (the caller closes it), or what is wrong, with *why a short
 * reason for a message ("an absolute path", "a link that points outside
 * the pack folder", the system's words). Call it once sandbox_load_pack
 * has named the folder; it runs no Lua. */
sandbox_path sandbox_open_file(const sandbox *sb, const char *rel, FILE **f, const char **why);

/* Call fn(L, ud) in protected mode with the registry table on top of the
 * stack, so a reader of the registry never leaves a longjmp behind. fn returns
 * 0 or -1 with *e set by itself. */
int sandbox_with_registry(sandbox *sb, int (*fn)(lua_State *L, void *ud, err **e),
                          void *ud, err **e);

/* Make everything the pack's rule functions can reach read-only (see
 * seal.h), once the registry has been read: afterwards a sandbox_with_registry
 * reader sees tables only through their metamethods. From then on, a rule
 * call that changed a local of the pack's file fails, and the local is set
 * back. Returns 0, or -1 with *e set (out of memory). */
int sandbox_seal(sandbox *sb, err **e);

/* Keep the Lua value at `idx` of L alive in the sandbox; returns a handle
 * for sandbox_call_rule. Call only from within sandbox_with_registry. */
int sandbox_ref(lua_State *L, int idx);

/* Call the rule function `ref` with a facts table whose reads go to
 * reader(ud, name). The result is the function's return value converted to
 * a sandbox_value; strings are borrowed until the next call. The step budget
 * starts afresh for each call. `node` names the node for messages. */
int sandbox_call_rule(sandbox *sb, int ref, const char *node, sandbox_reader reader,
                      void *ud, sandbox_value *out, err **e);

/* A row begins: until the next sandbox_start_row, the time limit bounds
 * the rule calls of the row together, from now, rather than each call from
 * its start. Without it (a command that decides no rows) each call has the
 * whole limit. */
void sandbox_start_row(sandbox *sb);

/* Bytes currently held by the pack's Lua heap. */
size_t sandbox_memory(const sandbox *sb);

/* The text of a pack file the sandbox loaded, by the name its messages use
 * (read once, under the same size cap and path rules as loading), or NULL.
 * Owned by the sandbox; *len (may be NULL) is its length. The text may
 * hold NUL bytes: use len. */
const char *sandbox_source(const sandbox *sb, const char *name, size_t *len);

#endif
