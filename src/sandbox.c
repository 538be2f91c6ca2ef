/* sandbox: one pack's lua_State, its budgets, and every call into Lua. */
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "prelude_lua.h"
#include "seal.h"
#include "suggest.h"
#include "watchdog.h"

/* The budget is charged and checked in blocks of HOOK_EVERY instructions,
 * where the hook also notes where the pack was for messages about errors
 * that carry no position (running out of memory). The hook itself fires
 * more often while instructions are slow (comparing strings of megabytes
 * is one instruction): every HOOK_FIRST at first, growing tenfold while
 * instructions are fast, down to every one when HOOK_SLOW_NS pass between
 * two hooks, so the clock and a signal are seen soon. It only ever changes
 * where a block of HOOK_EVERY ends, so the budget stops a pack at the same
 * instruction on every machine. */
#define HOOK_EVERY 1000
#define HOOK_FIRST 100
#define HOOK_SLOW_NS 1000000L
#define MAX_SOURCE_BYTES ((size_t)8 << 20)

struct sandbox {
  lua_State *L;
  size_t used, cap;          /* bytes held by the Lua heap, and its limit */
  long long max_steps;
  long long steps_left;
  double max_time;
  struct timespec deadline;  /* of the call in progress: now + max_time */
  struct timespec row_deadline; /* of the row in progress, once rows are timed */
  bool row_clock;            /* sandbox_start_row was called: use row_deadline */
  volatile sig_atomic_t *stop; /* the signal flag, or NULL */
  int period;                /* the hook fires every `period` instructions */
  long long executed;        /* instructions of this call, at the last hook */
  struct timespec last_hook; /* when the hook last fired */
  bool over_steps;
  bool over_time;
  bool interrupted;
  bool over_memory;
  char last_file[PATH_MAX];  /* last pack position the hook saw */
  int last_line;
  char *root_real;           /* owned: realpath of the pack folder */
  char *display_root;        /* owned: the folder as the user named it */
  int env_ref, registry_ref, proxy_ref;
  int watch_ref, nwatch;     /* seal's watch list, once the pack is sealed */
  /* owned, indexed by a rule's ref: the watch entries a call of it can
   * change, found at its first call (n < 0: not known, check them all) */
  struct rule_watch {
    int *entries;
    int n;
    bool known;
  } *rule_watch;
  int nrule_watch;
  /* The reader of the rule call in progress, and the error it raised. */
  sandbox_reader reader;
  void *reader_ud;
  err *reader_err;
  int depth;                 /* nesting of protected calls: rules reading rules */
  watchdog *wd;              /* owned; NULL when no thread could start */
  /* owned, indexed by a rule's ref: where the rule function begins, for
   * the watchdog's message; and the rule being called (borrowed) */
  struct rule_src {
    char *file;
    int line;
  } *rule_src;
  int nrule_src;
  /* owned: the text of each pack file loaded, by the name messages use,
   * for the checks that read the source (lint) and for positions */
  struct source {
    char *name;
    char *text;
    size_t len;
  } *sources;
  int nsources;
  const char *cur_file, *cur_node;
  int cur_line;
  bool pack_code;            /* the next outermost call runs the pack's own code
                              * (its files, a rule): the watchdog guards it */
  bool hooked;               /* the step hook is on */
  bool line_hook;            /* ... and notes every line (memory is running short) */
  char *result_str;          /* owned: copy of a rule's string result */
  char *load_hint;           /* owned: the fix for the syntax error being raised, */
  char *load_hint_msg;       /* owned: and that error's message */
  size_t result_cap;
};

static sandbox *sandbox_of(lua_State *L) { return *(sandbox **)lua_getextraspace(L); }

/* ---- budgets -------------------------------------------------------------- */

static void sb_hook(lua_State *L, lua_Debug *ar);
static int hook_mask(const sandbox *sb);

static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  sandbox *sb = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    sb->used -= old;
    free(ptr);
    return NULL;
  }
  if (nsize > old && sb->used - old + nsize > sb->cap) {
    sb->over_memory = true;
    return NULL;
  }
  void *p = realloc(ptr, nsize);
  if (!p) return NULL;
  sb->used = sb->used - old + nsize;
  /* Past half the limit, note the line at every new line, so that running
   * out of memory (which no message handler sees) can still name its line.
   * lua_sethook is safe to call at any moment. */
  if (!sb->line_hook && sb->used > sb->cap / 2 && sb->hooked) {
    sb->line_hook = true;
    lua_sethook(sb->L, sb_hook, hook_mask(sb), sb->period);
  }
  return p;
}

/* The innermost pack line running: the current function's, or, for code
 * that is not a pack file (a chunk from load), its nearest caller's. */
static void note_position(sandbox *sb, lua_State *L, lua_Debug *ar) {
  if (lua_getinfo(L, "Sl", ar) && ar->source[0] == '@' && ar->currentline > 0) {
    snprintf(sb->last_file, sizeof sb->last_file, "%s", ar->source + 1);
    sb->last_line = ar->currentline;
    return;
  }
  lua_Debug up;
  for (int level = 1; level < 32 && lua_getstack(L, level, &up); level++) {
    if (lua_getinfo(L, "Sl", &up) && up.source[0] == '@' && up.currentline > 0) {
      snprintf(sb->last_file, sizeof sb->last_file, "%s", up.source + 1);
      sb->last_line = up.currentline;
      return;
    }
  }
}

static bool past(const struct timespec *deadline) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec > deadline->tv_sec || (now.tv_sec == deadline->tv_sec && now.tv_nsec >= deadline->tv_nsec);
}

/* Has the call in progress run out of steps or time, or been stopped by a
 * signal? Notes which, once. For charges made inside C (the hook checks
 * the same at the end of its blocks). */
static bool must_stop(sandbox *sb) {
  if (sb->over_steps || sb->over_time || sb->interrupted) return true;
  if (sb->stop && *sb->stop) sb->interrupted = true;
  else if (sb->steps_left <= 0) sb->over_steps = true;
  else if (past(&sb->deadline)) sb->over_time = true;
  return sb->over_steps || sb->over_time || sb->interrupted;
}

/* Stop the pack code: re-arm the hook at every instruction so a pcall in
 * the pack cannot swallow the stop (the next instruction of its handler
 * fails again), and raise. error_of words the message. */
static int stop_pack(lua_State *L, sandbox *sb) {
  lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
  if (sb->last_file[0]) lua_pushfstring(L, "%s:%d: stopped", sb->last_file, sb->last_line);
  else lua_pushliteral(L, "stopped");
  return lua_error(L);
}

static int hook_mask(const sandbox *sb) { return LUA_MASKCOUNT | (sb->line_hook ? LUA_MASKLINE : 0); }

static void sb_hook(lua_State *L, lua_Debug *ar) {
  sandbox *sb = sandbox_of(L);
  if (ar->event == LUA_HOOKLINE) {
    if (ar->currentline > 0) note_position(sb, L, ar);
    return;
  }
  if (sb->over_steps || sb->over_time || sb->interrupted) { /* stopping: every instruction fails */
    note_position(sb, L, ar);
    stop_pack(L, sb);
  }
  sb->executed += sb->period;
  sb->steps_left -= sb->period;
  bool block_end = sb->executed % HOOK_EVERY == 0;
  if (block_end) note_position(sb, L, ar);
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (sb->stop && *sb->stop) sb->interrupted = true;
  else if (block_end && sb->steps_left <= 0) sb->over_steps = true;
  else if (now.tv_sec > sb->deadline.tv_sec || (now.tv_sec == sb->deadline.tv_sec && now.tv_nsec >= sb->deadline.tv_nsec))
    sb->over_time = true;
  if (sb->over_steps || sb->over_time || sb->interrupted) {
    if (!block_end) note_position(sb, L, ar);
    stop_pack(L, sb);
  }
  long gap = (long)(now.tv_sec - sb->last_hook.tv_sec) * 1000000000L + (now.tv_nsec - sb->last_hook.tv_nsec);
  sb->last_hook = now;
  int next = sb->period;
  if (gap > HOOK_SLOW_NS) next = 1;
  else if (sb->period < HOOK_EVERY && sb->executed % (sb->period * 10LL) == 0) next = sb->period * 10;
  if (next != sb->period) {
    sb->period = next;
    lua_sethook(L, sb_hook, hook_mask(sb), next);
  }
}

/* Now plus the time limit. */
static struct timespec deadline_from_now(const sandbox *sb) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  double whole = (double)(long long)sb->max_time;
  t.tv_sec += (time_t)whole;
  t.tv_nsec += (long)((sb->max_time - whole) * 1e9);
  if (t.tv_nsec >= 1000000000L) {
    t.tv_sec++;
    t.tv_nsec -= 1000000000L;
  }
  return t;
}

void sandbox_start_row(sandbox *sb) {
  sb->row_deadline = deadline_from_now(sb);
  sb->row_clock = true;
}

static void arm(sandbox *sb) {
  sb->steps_left = sb->max_steps;
  sb->deadline = sb->row_clock ? sb->row_deadline : deadline_from_now(sb);
  sb->over_time = false;
  sb->interrupted = false;
  sb->over_steps = false;
  sb->over_memory = false;
  sb->last_file[0] = '\0';
  sb->last_line = 0;
  sb->hooked = true;
  sb->line_hook = false;
  sb->period = HOOK_FIRST;
  sb->executed = 0;
  clock_gettime(CLOCK_MONOTONIC, &sb->last_hook);
  lua_sethook(sb->L, sb_hook, LUA_MASKCOUNT, HOOK_FIRST);
  /* Ratio's own C work (reading the registry, sealing) is not the pack's
   * to be stopped for: only pack code is guarded. */
  if (sb->pack_code) watchdog_arm(sb->wd, &sb->deadline, sb->cur_file, sb->cur_line, sb->cur_node);
  sb->pack_code = false;
}

static void disarm(sandbox *sb) {
  sb->hooked = false;
  lua_sethook(sb->L, NULL, 0, 0);
  watchdog_disarm(sb->wd);
}

/* ---- errors at the boundary ----------------------------------------------- */

/* Message handler: make the error a string with the pack position of the
 * innermost pack frame. Never calls the object's metamethods: a hostile
 * __tostring must not run with the hook off. */
static int msgh(lua_State *L) {
  const char *msg = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
  if (!msg) {
    lua_pushfstring(L, "error raised with a %s value instead of a message; give error a message in quotes, "
                       "e.g. error(\"the pack is not finished\")", luaL_typename(L, 1));
    msg = lua_tostring(L, -1);
  }
  /* Lua prefixes "file:line:" when the raiser's position is known; when it
   * is not (error(msg, 0), errors inside library functions), add the line of
   * the nearest pack frame. */
  if (msg[0] == '@' || strstr(msg, ".lua:") == NULL) {
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
      if (lua_getinfo(L, "Sl", &ar) && ar.source[0] == '@' && ar.currentline > 0) {
        lua_pushfstring(L, "%s:%d: %s", ar.source + 1, ar.currentline, msg);
        return 1;
      }
    }
  }
  lua_pushstring(L, msg);
  return 1;
}

/* Split "file:line: message" into an err; messages from Lua look like that
 * when the position is known. */
static err *err_from_lua_message(const char *msg) {
  for (const char *p = msg; (p = strchr(p, ':')) != NULL; p++) {
    const char *q = p + 1;
    if (*q < '0' || *q > '9') continue;
    long line = strtol(q, (char **)&q, 10);
    if (q[0] != ':' || q[1] != ' ') continue;
    char *file = xstrndup(msg, (size_t)(p - msg));
    err *e = err_new(file, (int)line, 0, "%s", q + 2);
    free(file);
    /* the prelude's "unknown name 'x'; hint": keep the hint apart */
    const char *semi = strncmp(e->msg, "unknown name '", 14) == 0 ? strstr(e->msg, "'; ") : NULL;
    if (semi) {
      err_hint(e, "%s", semi + 3);
      e->msg[semi + 1 - e->msg] = '\0';
    }
    return e;
  }
  return err_new(NULL, 0, 0, "%s", msg);
}

/* The name in "... (field 'x')" at the end of a Lua runtime message. */
static const char *culprit(const char *msg, char *buf, size_t size) {
  const char *q = strrchr(msg, '(');
  const char *a = q ? strchr(q, '\'') : NULL;
  const char *b = a ? strchr(a + 1, '\'') : NULL;
  if (!b || (size_t)(b - a - 1) >= size) return NULL;
  memcpy(buf, a + 1, (size_t)(b - a - 1));
  buf[b - a - 1] = '\0';
  return buf;
}

/* Lua's own runtime messages speak of values, not of the pack: say what
 * the common ones mean for a pack author and how to fix them. */
static void lua_error_hint(err *e, bool in_rule) {
  const char *m = e->msg;
  char name[128];
  const char *who = culprit(m, name, sizeof name);
  if (strncmp(m, "attempt to ", 11) != 0) return;
  bool on_nil = strstr(m, "nil") != NULL;
  if (in_rule && on_nil && (strstr(m, "compare") || strstr(m, "arithmetic") || strstr(m, "concatenate"))) {
    err_hint(e, "a fact left blank is nil in a rule function; test for it first, "
                "e.g. if f.days == nil then return nil end (nil means unknown)");
  } else if (strstr(m, "attempt to call a nil value (method")) {
    err_hint(e, "there is no method '%s' here; check its spelling", who ? who : "?");
  } else if (strstr(m, "attempt to call a nil value")) {
    err_hint(e, "'%s' is not a function: check its spelling; the rule language and the safe "
                "parts of Lua's string, table and math libraries are all a pack can call", who ? who : "?");
  } else if (strstr(m, "attempt to call a string value")) {
    err_hint(e, "a text in quotes is followed by something in quotes or braces; is a comma "
                "missing between them?");
  } else if (strstr(m, "attempt to call a table value")) {
    err_hint(e, "a table in braces is followed by something in quotes or braces; is a comma "
                "missing between them?");
  } else if (on_nil && who) {
    err_hint(e, "'%s' holds nothing (nil) here: check its spelling, and that it is set before this line", who);
  } else if (on_nil) {
    err_hint(e, "a value here is nil: check the spelling of the names on this line, and that each is set before it");
  }
}

/* Turn a failed lua_pcall into an err. The error value is on the top. */
static err *error_of(sandbox *sb, int status, const char *node) {
  err *e;
  const char *where = sb->last_file[0] ? sb->last_file : NULL;
  if (status == LUA_ERRMEM) {
    e = err_new(where, sb->last_line, 0, "the pack went over its memory limit of %zu MiB%s%s",
                sb->cap >> 20, node ? " in node " : "", node ? node : "");
    err_hint(e, "look for a table or string that grows without end, or raise --max-memory");
  } else if (sb->interrupted) {
    e = err_new(where, sb->last_line, 0, "interrupted%s%s", node ? " in node " : "", node ? node : "");
  } else if (sb->over_steps) {
    e = err_new(where, sb->last_line, 0, "the pack went over its step budget of %lld steps%s%s",
                sb->max_steps, node ? " in node " : "", node ? node : "");
    err_hint(e, "look for a loop that never ends, or raise --max-steps");
  } else if (sb->over_time) {
    e = err_new(where, sb->last_line, 0, "the pack went over its time limit of %g second%s%s%s", sb->max_time,
                sb->max_time == 1 ? "" : "s", node ? " in node " : "", node ? node : "");
    err_hint(e, "look for a loop that never ends, or for work on very long strings or tables; or raise --max-time");
  } else if (sb->reader_err) {
    e = sb->reader_err;
    sb->reader_err = NULL;
  } else {
    const char *msg = lua_type(sb->L, -1) == LUA_TSTRING ? lua_tostring(sb->L, -1) : "error";
    e = err_from_lua_message(msg);
    if (status == LUA_ERRERR)
      err_hint(e, "the error happened while handling another error");
    else if (sb->load_hint && strcmp(msg, sb->load_hint_msg) == 0)
      err_hint(e, "%s", sb->load_hint);
    else
      lua_error_hint(e, node != NULL);
  }
  free(sb->load_hint);
  free(sb->load_hint_msg);
  sb->load_hint = sb->load_hint_msg = NULL;
  if (node && !e->node) err_node(e, node);
  lua_pop(sb->L, 1);
  return e;
}

/* The one protected call: function and nargs arguments on the stack. */
static int sb_pcall(sandbox *sb, int nargs, int nres, const char *node, err **e) {
  lua_State *L = sb->L;
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, msgh);
  lua_insert(L, base);
  /* A rule function may read a node whose rule is another function: the
   * budget and hook belong to the outermost call. */
  if (sb->depth++ == 0) {
    sb->reader_err = NULL;
    arm(sb);
  }
  int status = lua_pcall(L, nargs, nres, base);
  if (--sb->depth == 0) disarm(sb);
  lua_remove(L, base);
  if (status != LUA_OK) {
    *e = error_of(sb, status, node);
    return -1;
  }
  if (sb->depth == 0) {
    err_free(sb->reader_err);
    sb->reader_err = NULL;
  }
  return 0;
}

/* ---- files of the pack ---------------------------------------------------- */

/* Read a pack file, opened by sandbox_open_file, whole: at most
 * MAX_SOURCE_BYTES. Closes f. */
static char *read_file(FILE *f, size_t *len, err **e, const char *shown) {
  size_t cap = 8192, n = 0;
  char *buf = xmalloc(cap);
  size_t got;
  while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n > MAX_SOURCE_BYTES) {
      *e = err_new(shown, 0, 0, "pack file is larger than %zu MiB", MAX_SOURCE_BYTES >> 20);
      free(buf);
      fclose(f);
      return NULL;
    }
    if (n == cap) buf = xrealloc(buf, cap *= 2);
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    *e = err_new(shown, 0, 0, "cannot read: %s", strerror(errno));
    free(buf);
    return NULL;
  }
  buf[n] = '\0'; /* n < cap: a full buffer grew before the next read */
  *len = n;
  return buf;
}

/* Is `rel` a path inside the pack folder? Checked on the words of the path
 * and again on the real path, so neither ".." nor a symlink climbs out.
 * NULL when it is, with its real path in `full` (empty when there is no
 * such file); else the reason it is not. */
static const char *outside_reason(const sandbox *sb, const char *rel, char full[PATH_MAX]) {
  if (rel[0] == '\0') return "an empty file name";
  if (rel[0] == '/') return "an absolute path";
  for (const char *p = rel; *p;) {
    const char *slash = strchr(p, '/');
    size_t n = slash ? (size_t)(slash - p) : strlen(p);
    if (n == 2 && p[0] == '.' && p[1] == '.') return "a path that climbs out with '..'";
    p += n + (slash ? 1 : 0);
  }
  char joined[PATH_MAX];
  if (snprintf(joined, sizeof joined, "%s/%s", sb->root_real, rel) >= (int)sizeof joined)
    return "a path that is too long";
  if (!realpath(joined, full)) {
    full[0] = '\0'; /* missing: reported by the caller */
    return NULL;
  }
  size_t rl = strlen(sb->root_real);
  if (strcmp(full, sb->root_real) == 0) return "the pack folder itself, not a file";
  if (strncmp(full, sb->root_real, rl) != 0 || full[rl] != '/')
    return "a link that points outside the pack folder";
  return NULL;
}

#define NOT_REGULAR "not a regular file but a folder, device or pipe"

sandbox_path sandbox_open_file(const sandbox *sb, const char *rel, FILE **f, const char **why) {
  if (f) *f = NULL;
  if (!sb->root_real) {
    *why = "no pack folder is loaded";
    return SANDBOX_PATH_OUTSIDE;
  }
  char full[PATH_MAX];
  if ((*why = outside_reason(sb, rel, full)) != NULL) return SANDBOX_PATH_OUTSIDE;
  if (!full[0]) {
    *why = strerror(ENOENT);
    return SANDBOX_PATH_MISSING;
  }
  /* refused before it is opened: opening a device can itself do something
   * (a tape rewinds), and opening a pipe waits for a writer */
  struct stat st;
  if (stat(full, &st) != 0) {
    *why = strerror(errno);
    return errno == ENOENT ? SANDBOX_PATH_MISSING : SANDBOX_PATH_UNREADABLE;
  }
  if (!S_ISREG(st.st_mode)) {
    *why = NOT_REGULAR;
    return SANDBOX_PATH_NOT_REGULAR;
  }
  if (!f) return SANDBOX_PATH_OK; /* only asked where the path leads */
  /* Should something else have taken the file's place since the stat: a
   * pipe opens without waiting (O_NONBLOCK) and is refused by the fstat,
   * and a link is not followed (the real path has none). */
  int fd = open(full, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    *why = strerror(errno);
    return errno == ENOENT ? SANDBOX_PATH_MISSING : SANDBOX_PATH_UNREADABLE;
  }
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    *why = NOT_REGULAR;
    return SANDBOX_PATH_NOT_REGULAR;
  }
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK); /* a plain file again */
  if (!(*f = fdopen(fd, "rb"))) {
    *why = strerror(errno);
    close(fd);
    return SANDBOX_PATH_UNREADABLE;
  }
  *why = NULL;
  return SANDBOX_PATH_OK;
}

/* The fix for a Lua syntax error, from its message and the source line it
 * names; NULL when there is no better advice than Lua's own words. */
static char *syntax_hint(const char *msg, const char *src, size_t len) {
  long line = 0;
  const char *m = NULL;
  for (const char *c = msg; !m && (c = strchr(c, ':')) != NULL; c++) {
    char *rest;
    if (c[1] < '0' || c[1] > '9') continue;
    line = strtol(c + 1, &rest, 10);
    if (rest[0] == ':' && rest[1] == ' ') m = rest + 2;
  }
  if (!m) m = msg; /* Lua gives no line for a binary chunk */
  /* the text of the line the error names */
  const char *p = src, *end = src + len;
  for (long l = 1; l < line && p < end; l++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    p = nl ? nl + 1 : end;
  }
  const char *eol = memchr(p, '\n', (size_t)(end - p));
  size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);
  int quotes = 0;
  for (size_t i = 0; i < n; i++) quotes += p[i] == '"';
  char near[64] = "";
  const char *nq = strstr(m, "near '");
  if (nq) {
    nq += 6;
    const char *nz = strrchr(nq, '\'');
    size_t k = nz && nz > nq ? (size_t)(nz - nq) : 0;
    if (k < sizeof near) {
      memcpy(near, nq, k);
      near[k] = '\0';
    }
  }
  static const char *const decl[] = {"node", "fact", "authority", "opinion", "pack", "include", "local", NULL};
  bool near_decl = false;
  for (int i = 0; decl[i]; i++) near_decl |= strcmp(near, decl[i]) == 0;
  long open_line = 0;
  const char *to_close = strstr(m, "(to close '{' at line ");
  if (to_close) open_line = strtol(to_close + 22, NULL, 10);

  if (strstr(m, "attempt to load a binary chunk"))
    return xstrdup("a pack file must be Lua source text, not compiled bytecode (the output of luac)");
  if (strstr(m, "unfinished string"))
    return xstrdup("close the text with a \" on the same line; for text over several lines use [[ ... ]]");
  if (quotes % 2 == 1)
    return xstrdup("this line has an odd number of quotes; close each text in quotes with \"");
  if (strcmp(near, "gives") == 0)
    return xstrdup("write when(condition):gives \"value\", with a colon before gives");
  if (strstr(m, "near <eof>") && open_line)
    return xasprintf("the '{' opened on line %ld is never closed; add a '}' where its declaration ends", open_line);
  if (strstr(m, "'}' expected") && near_decl && open_line)
    return xasprintf("the '{' opened on line %ld is not closed before '%s'; add a '}' where its declaration ends",
                     open_line, near);
  if (strstr(m, "'}' expected") && near[0])
    return xasprintf("is a comma missing before '%s'? separate the fields and items in braces with commas", near);
  if (strstr(m, "')' expected") && near[0])
    return xasprintf("a ')' is missing before '%s'; close each '(' on this line", near);
  if (strstr(m, "syntax error near") || strstr(m, "unexpected symbol near")) {
    for (int i = 0; decl[i]; i++) {
      size_t dl = strlen(decl[i]);
      for (const char *q = p; q + dl < p + n; q++)
        if (strncmp(q, decl[i], dl) == 0 && (q == p || q[-1] == ' ' || q[-1] == '\t') && q[dl] == ' ' &&
            (q[dl + 1] == '_' || (q[dl + 1] | 32) >= 'a') && (q[dl + 1] | 32) <= 'z')
          return xasprintf("names are written in quotes: %s \"%s\" { ... }", decl[i], near[0] ? near : "name");
    }
    if (strcmp(near, "=") == 0) {
      /* the declaration this line starts, e.g. fact "duty" */
      const char *q = p;
      while (q < p + n && (*q == ' ' || *q == '\t')) q++;
      const char *o = memchr(q, '"', (size_t)(p + n - q));
      const char *c = o ? memchr(o + 1, '"', (size_t)(p + n - o - 1)) : NULL;
      if (c && c - q < 60)
        return xasprintf("a declaration takes its body in braces right after the name, with no '=': %.*s { ... }",
                         (int)(c + 1 - q), q);
      return xstrdup("a declaration takes its body in braces right after the name, with no '=': node \"claim\" { ... }");
    }
  }
  return NULL;
}

/* The line where brackets first nest `limit` deep, skipping strings and
 * comments roughly; 1 when they never do. For the parser's stack overflow,
 * which carries no line of its own. */
#define DEEP_NESTING 150
static int deep_line(const char *s, size_t len, int limit) {
  int depth = 0, line = 1;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == '\n') line++;
    else if (c == '-' && i + 1 < len && s[i + 1] == '-') {
      while (i < len && s[i] != '\n') i++;
      line++;
    } else if (c == '"' || c == '\'') {
      for (i++; i < len && s[i] != c && s[i] != '\n'; i++)
        if (s[i] == '\\') i++;
    } else if (c == '(' || c == '{' || c == '[') {
      if (++depth >= limit) return line;
    } else if (c == ')' || c == '}' || c == ']') {
      depth--;
    }
  }
  return 1;
}

/* Load a pack file (text only) as a function whose _ENV is the pack's
 * environment. Pushes the function; raises a Lua error on failure. */
static void load_pack_file(lua_State *L, sandbox *sb, const char *rel) {
  FILE *f = NULL;
  const char *why = NULL;
  sandbox_path found = sandbox_open_file(sb, rel, &f, &why);
  /* Raised without a position: the message handler adds the line of the
   * pack code that called include. */
  switch (found) {
  case SANDBOX_PATH_OK: break;
  case SANDBOX_PATH_OUTSIDE:
    lua_pushfstring(L, "include \"%s\": %s; a pack may only include files inside its own folder", rel, why);
    lua_error(L);
    break;
  case SANDBOX_PATH_MISSING:
    lua_pushfstring(L, "include \"%s\": no such file in the pack folder %s; check the spelling "
                       "(the path is relative to the pack folder, e.g. include \"facts.lua\")",
                    rel, sb->display_root[0] ? sb->display_root : ".");
    lua_error(L);
    break;
  case SANDBOX_PATH_NOT_REGULAR:
    lua_pushfstring(L, "include \"%s\": not a file but a folder or device; include a .lua file of the pack", rel);
    lua_error(L);
    break;
  case SANDBOX_PATH_UNREADABLE:
    lua_pushfstring(L, "cannot read: %s", why);
    lua_error(L);
    break;
  }
  char *shown = sb->display_root[0] ? xasprintf("%s/%s", sb->display_root, rel) : xstrdup(rel);
  err *e = NULL;
  size_t len = 0;
  char *src = read_file(f, &len, &e, shown);
  if (!src) {
    lua_pushstring(L, e->msg);
    err_free(e);
    free(shown);
    lua_error(L);
  }
  /* kept: the sandbox owns the text from here on, error or not */
  sb->sources = xrealloc(sb->sources, sizeof *sb->sources * (size_t)(sb->nsources + 1));
  sb->sources[sb->nsources++] = (struct source){xstrdup(shown), src, len};
  char *chunkname = xasprintf("@%s", shown);
  int status = luaL_loadbufferx(L, src, len, chunkname, "t");
  free(chunkname);
  if (status != LUA_OK && lua_type(L, -1) == LUA_TSTRING && strstr(lua_tostring(L, -1), "C stack overflow") &&
      !strstr(lua_tostring(L, -1), ".lua:")) {
    /* the parser ran out of C stack and says nowhere where: find the line */
    lua_pop(L, 1);
    lua_pushfstring(L, "%s:%d: the code nests too deeply here (braces, brackets or parentheses "
                       "inside each other more than about %d times)",
                    shown, deep_line(src, len, DEEP_NESTING), DEEP_NESTING);
  }
  if (status != LUA_OK && lua_type(L, -1) == LUA_TSTRING) {
    free(sb->load_hint);
    free(sb->load_hint_msg);
    sb->load_hint = syntax_hint(lua_tostring(L, -1), src, len);
    sb->load_hint_msg = sb->load_hint ? xstrdup(lua_tostring(L, -1)) : NULL;
  }
  free(shown);
  if (status != LUA_OK) lua_error(L); /* the syntax error, already "file:line:" */
  lua_rawgeti(L, LUA_REGISTRYINDEX, sb->env_ref);
  if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
}

/* include_file(path) from the prelude: load a file of the pack. */
static int l_include_file(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  const char *rel = luaL_checkstring(L, 1);
  load_pack_file(L, sb, rel);
  return 1;
}

static void charge_work(lua_State *L, double work, double per_step);
#define BYTES_PER_STEP 16.0

/* load(chunk [, name [, mode [, env]]]) for packs: text only, and the pack's
 * environment unless another is given. */
static int l_safe_load(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  const char *name = luaL_optstring(L, 2, "=(load)");
  int has_env = !lua_isnone(L, 4);
  charge_work(L, (double)len, BYTES_PER_STEP); /* the parser reads it all */
  if (len > 0 && s[0] == LUA_SIGNATURE[0]) {
    lua_pushnil(L);
    lua_pushliteral(L, "load accepts Lua source text only, not compiled bytecode; give it the source");
    return 2;
  }
  if (luaL_loadbufferx(L, s, len, name, "t") != LUA_OK) {
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
  }
  if (has_env) lua_pushvalue(L, 4);
  else lua_rawgeti(L, LUA_REGISTRYINDEX, sb->env_ref);
  if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  return 1;
}

/* ---- the environment ------------------------------------------------------ */

/* next (seal_next) and rawlen see a sealed table's contents, where they
 * now live. */
static int l_safe_rawlen(lua_State *L) {
  int t = lua_type(L, 1);
  luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
  if (seal_push_contents(L, 1)) lua_replace(L, 1);
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
  return 1;
}

static void copy_fields(lua_State *L, int from, int to, const char *const *names) {
  for (; *names; names++) {
    lua_getfield(L, from, *names);
    lua_setfield(L, to, *names);
  }
}

/* xpcall(f, handler, ...) with the handler called after the error has
 * unwound, not at the point of error: an error raised by the step hook is
 * raised inside the hook, where further hooks are off, and a handler
 * running there could loop for ever. */
static int l_safe_xpcall(lua_State *L) {
  int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 1); /* f, then its arguments */
  for (int i = 3; i <= n; i++) lua_pushvalue(L, i);
  int status = lua_pcall(L, n - 2 < 0 ? 0 : n - 2, LUA_MULTRET, 0);
  if (status == LUA_OK) {
    lua_pushboolean(L, 1);
    lua_insert(L, n + 1);
    return lua_gettop(L) - n;
  }
  lua_pushvalue(L, 2);
  lua_insert(L, -2);
  lua_call(L, 1, 1);
  lua_pushboolean(L, 0);
  lua_insert(L, -2);
  return 2;
}

/* suggest(word, list) for the prelude: the entry of the list closest to
 * word, or nil; for "did you mean" on unknown names and fields. */
static int l_suggest(lua_State *L) {
  size_t len;
  const char *word = luaL_checklstring(L, 1, &len);
  luaL_checktype(L, 2, LUA_TTABLE);
  int n = (int)luaL_len(L, 2);
  if (n > 4096) n = 4096;
  /* on the Lua heap, so an error (out of memory) cannot leak it */
  const char **cands = lua_newuserdatauv(L, sizeof *cands * ((size_t)n + 1), 0);
  int k = 0;
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, 2, i);
    if (lua_type(L, -1) == LUA_TSTRING) cands[k++] = lua_tostring(L, -1); /* kept alive by the table */
    lua_pop(L, 1);
  }
  const char *best = suggest_closest(word, len, cands, k);
  if (best) lua_pushstring(L, best);
  else lua_pushnil(L);
  return 1;
}

/* Push the table of safe library functions the prelude builds the pack's
 * environment from. An allowlist: anything not named here is not there. */
static void push_safe(lua_State *L) {
  static const char *const base[] = {"assert", "error", "ipairs", "next", "pairs", "pcall",
                                     "select", "tonumber", "tostring", "type", "xpcall",
                                     "rawequal", "rawlen", "setmetatable", "_VERSION", NULL};
  static const char *const str[] = {"byte", "char", "find", "format", "gmatch", "gsub", "len",
                                    "lower", "match", "rep", "reverse", "sub", "upper",
                                    "pack", "packsize", "unpack", NULL};
  static const char *const tab[] = {"concat", "insert", "move", "pack", "remove", "sort",
                                    "unpack", NULL};
  static const char *const math[] = {"abs", "ceil", "cos", "deg", "exp", "floor", "fmod",
                                     "huge", "log", "max", "maxinteger", "min", "mininteger",
                                     "modf", "pi", "rad", "sin", "sqrt", "tan", "tointeger",
                                     "type", "ult", NULL};
  static const char *const utf[] = {"char", "charpattern", "codepoint", "codes", "len",
                                    "offset", NULL};
  lua_newtable(L);
  int safe = lua_gettop(L);
  lua_pushglobaltable(L);
  copy_fields(L, lua_gettop(L), safe, base);
  lua_pop(L, 1);
  lua_pushcfunction(L, l_safe_load);
  lua_setfield(L, -2, "load");
  lua_pushcfunction(L, l_safe_xpcall);
  lua_setfield(L, -2, "xpcall");
  lua_pushcfunction(L, seal_next);
  lua_setfield(L, -2, "next");
  lua_pushcfunction(L, l_safe_rawlen);
  lua_setfield(L, -2, "rawlen");
  struct { const char *name; const char *const *fields; } libs[] = {
      {"string", str}, {"table", tab}, {"math", math}, {"utf8", utf}};
  for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
    lua_newtable(L);
    int lib = lua_gettop(L);
    lua_getglobal(L, libs[i].name);
    copy_fields(L, lua_gettop(L), lib, libs[i].fields);
    lua_pop(L, 1);
    lua_setfield(L, -2, libs[i].name);
  }
}

/* The facts table a rule function receives: reads go to the reader. */
static int l_proxy_index(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  const char *name = lua_tostring(L, 2);
  if (!name || !sb->reader) return luaL_error(L, "facts are read by name, e.g. f.actual_notice");
  sandbox_value v = {0};
  err *e = NULL;
  if (sb->reader(sb->reader_ud, name, &v, &e) != 0) {
    err_free(sb->reader_err);
    sb->reader_err = e;
    return luaL_error(L, "%s", e ? e->msg : "cannot read");
  }
  switch (v.kind) {
  case SV_NIL: lua_pushnil(L); break;
  case SV_BOOL: lua_pushboolean(L, v.b); break;
  case SV_NUMBER: lua_pushnumber(L, v.num); break;
  case SV_STRING: lua_pushlstring(L, v.str, v.len); break;
  }
  return 1;
}

static int l_proxy_newindex(lua_State *L) {
  return luaL_error(L, "a rule cannot change facts (tried to set '%s'); read the facts and return the "
                       "node's value instead", luaL_optstring(L, 2, "?"));
}

/* ---- guards on library functions ------------------------------------------ */

/* Some library functions loop inside C, where the count hook never fires:
 * string.rep of an empty string a huge number of times, table.move over a
 * huge range, a backtracking pattern over a long subject. Each is wrapped:
 * the wrapper checks the work it is asked for, then calls the original
 * (its upvalue). */

#define MAX_MOVE ((lua_Integer)1 << 24)
#define MAX_PATTERN_WORK 1e9

static int call_original(lua_State *L) {
  int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, n, LUA_MULTRET);
  return lua_gettop(L);
}

/* Work done inside C, where the count hook cannot see it, charged to the
 * step budget before it starts; past the budget, or the time limit, or
 * after a signal, the same stop as the hook's. */
#define PATTERN_WORK_PER_STEP 16.0
static void charge_steps(lua_State *L, long long steps) {
  sandbox *sb = sandbox_of(L);
  if (!sb->hooked) return;
  if (steps > 0) sb->steps_left -= steps;
  if (!must_stop(sb)) return;
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar)) note_position(sb, L, &ar);
  stop_pack(L, sb);
}

static void charge_work(lua_State *L, double work, double per_step) {
  double steps = work / per_step;
  charge_steps(L, steps > 1e15 ? (long long)1e15 : (long long)steps);
}

/* The bytes of the string arguments, and a little for each argument:
 * what a library function that walks its string arguments has to do. */
static double argument_work(lua_State *L) {
  double work = 0;
  for (int i = 1, n = lua_gettop(L); i <= n; i++) {
    int t = lua_type(L, i);
    if (t == LUA_TSTRING) work += (double)lua_rawlen(L, i);
    else if (t == LUA_TNUMBER) work += 8;
    work += 1;
  }
  return work;
}

/* string.upper, utf8.len, tonumber, ...: charged by the bytes they read
 * (one step per BYTES_PER_STEP), then run. */
static int l_charged(lua_State *L) {
  charge_work(L, argument_work(L), BYTES_PER_STEP);
  return call_original(L);
}

/* The length of the table argument 1 (its contents when sealed), or 0. */
static double table_length(lua_State *L) {
  if (lua_type(L, 1) != LUA_TTABLE) return 0;
  bool sealed = seal_push_contents(L, 1);
  double n = (double)lua_rawlen(L, sealed ? -1 : 1);
  if (sealed) lua_pop(L, 1);
  return n;
}

/* table.insert and table.remove move every element after the position:
 * one step per element of the table. */
static int l_charged_elements(lua_State *L) {
  charge_work(L, table_length(L), 1);
  return call_original(L);
}

/* table.unpack(t, i, j) pushes each element from i to j: one step each. */
static int l_charged_unpack(lua_State *L) {
  double n = table_length(L);
  if (lua_isinteger(L, 2) || lua_isinteger(L, 3)) {
    double i = lua_isinteger(L, 2) ? (double)lua_tointeger(L, 2) : 1;
    double j = lua_isinteger(L, 3) ? (double)lua_tointeger(L, 3) : n;
    n = j - i + 1;
  }
  charge_work(L, n < 0 ? 0 : n, 1);
  return call_original(L);
}

static int l_guarded_rep(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  size_t l, lsep = 0;
  luaL_checklstring(L, 1, &l);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &lsep);
  if (n > 0 && l + lsep == 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  if (n > 0 && (double)n * (double)(l + lsep) > (double)sb->cap)
    return luaL_error(L, "string.rep would build a string of %I bytes, more than the pack's memory limit; "
                         "repeat fewer times",
                      (LUAI_UACINT)((double)n * (double)(l + lsep) > 9e18 ? (lua_Integer)9e18
                                                                         : (lua_Integer)((double)n * (double)(l + lsep))));
  if (n > 0) charge_steps(L, (long long)((double)n * (double)(l + lsep) / PATTERN_WORK_PER_STEP));
  return call_original(L);
}

/* table.sort and table.concat loop inside C over the whole table: charged
 * by its length, so calling them again and again stops like a loop does. */
static int l_guarded_whole_table(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  bool sealed = seal_push_contents(L, 1);
  lua_Integer n = (lua_Integer)lua_rawlen(L, sealed ? -1 : 1);
  if (sealed) lua_pop(L, 1);
  double work = (double)n;
  for (lua_Integer k = n; k > 1; k >>= 1) work += (double)n; /* n log n for sort */
  charge_steps(L, (long long)(work / PATTERN_WORK_PER_STEP));
  return call_original(L);
}

/* A Lua pattern with q quantifiers can backtrack about len^(q+1) times. */
static int l_guarded_pattern(lua_State *L) {
  size_t len, plen;
  luaL_checklstring(L, 1, &len);
  const char *pat = luaL_checklstring(L, 2, &plen);
  bool plain = lua_gettop(L) >= 4 && lua_toboolean(L, 4) && lua_tocfunction(L, lua_upvalueindex(2)) != NULL;
  if (!plain) {
    int q = 0;
    for (size_t i = 0; i < plen; i++) {
      if (pat[i] == '%') i++;
      else if (pat[i] == '*' || pat[i] == '+' || pat[i] == '-' || pat[i] == '?') q++;
    }
    double work = 1;
    for (int k = 0; k <= q && work <= MAX_PATTERN_WORK; k++) work *= (double)len + 1;
    if (q > 0 && work > MAX_PATTERN_WORK)
      return luaL_error(L, "pattern '%s' is too costly on a subject of %d bytes (it can backtrack "
                           "for a very long time); use a simpler pattern or a shorter string",
                        pat, (int)len);
    /* Many allowed calls add up: each is charged to the step budget for
     * its worst case, one step per PATTERN_WORK_PER_STEP. At each start a
     * pattern may compare all its items: a long pattern costs more. */
    charge_work(L, work * (1.0 + (double)plen / 16.0), PATTERN_WORK_PER_STEP);
  } else {
    /* a plain find compares the needle at each start */
    charge_work(L, ((double)len + 1) * ((double)plen / 16.0 + 1.0), PATTERN_WORK_PER_STEP);
  }
  return call_original(L);
}

static int l_guarded_move(lua_State *L) {
  lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
  /* unsigned: e - f may not fit in a signed integer */
  if (e >= f && (lua_Unsigned)e - (lua_Unsigned)f >= (lua_Unsigned)MAX_MOVE)
    return luaL_error(L, "table.move over more than %I elements is too many for a rule pack; move fewer elements",
                      (LUAI_UACINT)MAX_MOVE);
  return call_original(L);
}

/* A finalizer (__gc) runs when the collector decides, with the step hook
 * off, and what a weak table (__mode) still holds depends on when the
 * collector ran: a pack may set neither. */
static int l_guarded_setmetatable(lua_State *L) {
  if (seal_push_contents(L, 1))
    return luaL_error(L, "a rule cannot change the metatable of the pack's tables: every row shares "
                         "them; build a new table inside the rule function instead");
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL)
      return luaL_error(L, "finalizers (__gc) are not allowed in rule packs; remove __gc from the metatable");
    lua_pop(L, 1);
    lua_pushliteral(L, "__mode");
    if (lua_rawget(L, 2) != LUA_TNIL)
      return luaL_error(L, "weak tables (__mode) are not allowed in rule packs: what they keep depends on "
                           "when Lua collects garbage, and results must not; remove __mode from the metatable");
    lua_pop(L, 1);
    /* Lua 5.4.4 follows a chain of callable tables inside one VM step,
     * where no hook runs: a chain that loops back would spin for minutes. */
    lua_pushliteral(L, "__call");
    int call = lua_rawget(L, 2);
    if (call != LUA_TNIL && call != LUA_TFUNCTION)
      return luaL_error(L, "__call must be a function, not a %s: a chain of callable tables can run "
                           "inside Lua where no limit stops it; write __call = function(self, ...) ... end",
                        lua_typename(L, call));
    lua_pop(L, 1);
  }
  return call_original(L);
}

/* Replace table[name] (table on top) by fn with the original as upvalue 1;
 * the plain flag of string.find is recognised by a second upvalue. */
static void guard(lua_State *L, const char *name, lua_CFunction fn) {
  lua_getfield(L, -1, name);
  if (strcmp(name, "find") == 0) lua_pushcfunction(L, call_original);
  else lua_pushnil(L);
  lua_pushcclosure(L, fn, 2);
  lua_setfield(L, -2, name);
}

/* Runs in protected mode: open the libraries, strip what packs must not
 * have, run the prelude, keep its environment and registry. */
static int setup(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  luaL_requiref(L, "_G", luaopen_base, 1);
  luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
  luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
  luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
  luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
  luaL_requiref(L, LUA_DBLIBNAME, luaopen_debug, 0);
  lua_getfield(L, -1, "getinfo"); /* the prelude's privileges: where a call */
  int getinfo = lua_gettop(L);     /* was made, and the names of the locals */
  lua_getfield(L, -2, "getlocal");  /* in scope there, for did-you-mean */
  int getlocal = lua_gettop(L);
  /* Strings share one metatable whose __index is the real string library:
   * take string.dump out of that table itself, and guard the functions
   * that can run long inside C, where the step hook cannot stop them. */
  lua_getglobal(L, LUA_STRLIBNAME);
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");
  guard(L, "rep", l_guarded_rep);
  guard(L, "find", l_guarded_pattern);
  guard(L, "match", l_guarded_pattern);
  guard(L, "gmatch", l_guarded_pattern);
  guard(L, "gsub", l_guarded_pattern);
  static const char *const by_bytes[] = {"upper", "lower", "reverse", "sub", "byte", "char", "format",
                                         "pack", "packsize", "unpack", NULL};
  for (int i = 0; by_bytes[i]; i++) guard(L, by_bytes[i], l_charged);
  lua_pop(L, 1);
  lua_getglobal(L, LUA_UTF8LIBNAME);
  static const char *const utf8_fns[] = {"len", "codepoint", "offset", "char", NULL};
  for (int i = 0; utf8_fns[i]; i++) guard(L, utf8_fns[i], l_charged);
  lua_pop(L, 1);
  lua_getglobal(L, LUA_TABLIBNAME);
  guard(L, "move", l_guarded_move);
  guard(L, "sort", l_guarded_whole_table);
  guard(L, "concat", l_guarded_whole_table);
  guard(L, "insert", l_charged_elements);
  guard(L, "remove", l_charged_elements);
  guard(L, "unpack", l_charged_unpack);
  lua_pop(L, 1);
  lua_pushglobaltable(L);
  guard(L, "setmetatable", l_guarded_setmetatable);
  guard(L, "tonumber", l_charged);
  lua_pop(L, 1);

  if (luaL_loadbufferx(L, ratio_prelude_lua, ratio_prelude_lua_len, "=prelude", "t") != LUA_OK)
    return lua_error(L);
  lua_pushvalue(L, getinfo);
  lua_pushcfunction(L, l_include_file);
  push_safe(L);
  lua_pushcfunction(L, l_suggest);
  lua_pushvalue(L, getlocal);
  lua_call(L, 5, 2);
  sb->registry_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  sb->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);

  lua_newtable(L); /* the facts proxy for rule functions */
  lua_newtable(L);
  lua_pushcfunction(L, l_proxy_index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, l_proxy_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  sb->proxy_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

sandbox *sandbox_new(const sandbox_limits *limits, err **e) {
  sandbox *sb = xcalloc(1, sizeof *sb);
  sb->cap = limits && limits->max_memory ? limits->max_memory : SANDBOX_DEFAULT_MEMORY;
  sb->max_steps = limits && limits->max_steps ? limits->max_steps : SANDBOX_DEFAULT_STEPS;
  sb->max_time = limits && limits->max_time > 0 ? limits->max_time : SANDBOX_DEFAULT_TIME;
  sb->stop = limits ? limits->stop : NULL;
  sb->env_ref = sb->registry_ref = sb->proxy_ref = sb->watch_ref = LUA_NOREF;
  sb->L = lua_newstate(sb_alloc, sb);
  if (!sb->L) {
    *e = err_new(NULL, 0, 0, "cannot start Lua within the memory limit of %zu bytes", sb->cap);
    free(sb);
    return NULL;
  }
  *(sandbox **)lua_getextraspace(sb->L) = sb;
  sb->wd = watchdog_new(sb->stop, limits ? limits->partial_file : NULL);
  lua_pushcfunction(sb->L, setup);
  if (sb_pcall(sb, 0, 0, NULL, e) != 0) {
    sandbox_free(sb);
    return NULL;
  }
  return sb;
}

void sandbox_free(sandbox *sb) {
  if (!sb) return;
  watchdog_free(sb->wd);
  if (sb->L) lua_close(sb->L);
  for (int i = 0; i < sb->nrule_src; i++) free(sb->rule_src[i].file);
  free(sb->rule_src);
  err_free(sb->reader_err);
  free(sb->root_real);
  free(sb->display_root);
  free(sb->result_str);
  free(sb->load_hint);
  free(sb->load_hint_msg);
  for (int i = 0; i < sb->nrule_watch; i++) free(sb->rule_watch[i].entries);
  free(sb->rule_watch);
  for (int i = 0; i < sb->nsources; i++) {
    free(sb->sources[i].name);
    free(sb->sources[i].text);
  }
  free(sb->sources);
  free(sb);
}

const char *sandbox_source(const sandbox *sb, const char *name, size_t *len) {
  for (int i = 0; i < sb->nsources; i++) {
    if (strcmp(sb->sources[i].name, name) != 0) continue;
    if (len) *len = sb->sources[i].len;
    return sb->sources[i].text;
  }
  return NULL;
}

/* ---- loading and calling -------------------------------------------------- */

static int load_main(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  const char *rel = lua_tostring(L, 1);
  load_pack_file(L, sb, rel);
  lua_call(L, 0, 0);
  return 0;
}

int sandbox_load_pack(sandbox *sb, const char *main_path, const char *root,
                      const char *display_root, err **e) {
  char real[PATH_MAX];
  if (!realpath(root, real)) {
    *e = err_new(display_root, 0, 0, "cannot open pack folder: %s", strerror(errno));
    return -1;
  }
  free(sb->root_real);
  free(sb->display_root);
  sb->root_real = xstrdup(real);
  sb->display_root = xstrdup(display_root);
  lua_pushcfunction(sb->L, load_main);
  lua_pushstring(sb->L, main_path);
  sb->pack_code = true;
  return sb_pcall(sb, 1, 0, NULL, e);
}

struct registry_call {
  int (*fn)(lua_State *L, void *ud, err **e);
  void *ud;
  err *e;
  int rc;
};

static int registry_trampoline(lua_State *L) {
  struct registry_call *rc = lua_touserdata(L, 1);
  sandbox *sb = sandbox_of(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, sb->registry_ref);
  rc->rc = rc->fn(L, rc->ud, &rc->e);
  return 0;
}

int sandbox_with_registry(sandbox *sb, int (*fn)(lua_State *L, void *ud, err **e), void *ud,
                          err **e) {
  struct registry_call rc = {fn, ud, NULL, 0};
  lua_pushcfunction(sb->L, registry_trampoline);
  lua_pushlightuserdata(sb->L, &rc);
  if (sb_pcall(sb, 1, 0, NULL, e) != 0) {
    err_free(rc.e);
    return -1;
  }
  if (rc.rc != 0) {
    *e = rc.e ? rc.e : err_new(NULL, 0, 0, "cannot read the pack");
    return -1;
  }
  err_free(rc.e);
  return 0;
}

static int l_seal(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, sb->registry_ref);
  lua_rawgeti(L, LUA_REGISTRYINDEX, sb->env_ref);
  sb->nwatch = seal_pack(L, 2, "=prelude");
  sb->watch_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

int sandbox_seal(sandbox *sb, err **e) {
  if (sb->watch_ref != LUA_NOREF) return 0; /* sealed already */
  lua_pushcfunction(sb->L, l_seal);
  if (sb_pcall(sb, 0, 0, NULL, e) != 0) {
    if (sb->over_memory) {
      /* the pack loaded: no pack line is to blame */
      free((*e)->file);
      (*e)->file = NULL;
      (*e)->line = 0;
      err_hint(*e, "making the pack's tables read-only for its rule functions takes a metatable and a "
                   "table for the contents of each; raise --max-memory (e.g. --max-memory %zuM)",
               (sb->cap >> 20) * 2);
    }
    return -1;
  }
  return 0;
}

static int l_rule_entries(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  struct rule_watch *rw = lua_touserdata(L, 1);
  int ref = (int)lua_tointeger(L, 2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, sb->watch_ref);
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
  rw->n = seal_rule_entries(L, -2, sb->nwatch, -1, "=prelude", &rw->entries);
  return 0;
}

/* The watch entries rule `ref` can change, found once. */
static struct rule_watch *rule_watch_of(sandbox *sb, int ref) {
  if (ref < 0) return NULL;
  if (ref >= sb->nrule_watch) {
    int n = ref + 16;
    sb->rule_watch = xrealloc(sb->rule_watch, sizeof *sb->rule_watch * (size_t)n);
    memset(sb->rule_watch + sb->nrule_watch, 0, sizeof *sb->rule_watch * (size_t)(n - sb->nrule_watch));
    sb->nrule_watch = n;
  }
  struct rule_watch *rw = &sb->rule_watch[ref];
  if (!rw->known) {
    rw->known = true;
    err *e = NULL;
    lua_pushcfunction(sb->L, l_rule_entries);
    lua_pushlightuserdata(sb->L, rw);
    lua_pushinteger(sb->L, ref);
    if (sb_pcall(sb, 2, 0, NULL, &e) != 0) { /* out of memory: check every entry */
      err_free(e);
      rw->n = -1;
    }
  }
  return rw;
}

static int l_restore(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, sb->watch_ref);
  seal_restore(L, -1, sb->nwatch);
  return 0;
}

/* After a rule call: if it changed a local of the pack's file or a
 * metamethod, set everything back for the next row, and say so (unless the
 * call failed already: *e then stays the first error). */
static int check_seal(sandbox *sb, const struct rule_watch *rw, int rule, int rc, const char *node, err **e) {
  lua_State *L = sb->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, sb->watch_ref);
  int entry = rw && rw->n >= 0 ? seal_changed_among(L, -1, rw->entries, rw->n) : seal_changed(L, -1, sb->nwatch);
  if (entry == 0) {
    lua_pop(L, 1);
    return rc;
  }
  char name[128];
  bool field = seal_describe(L, -1, entry, name, sizeof name);
  lua_pop(L, 1);
  /* where the rule function that was called starts: a helper it called
   * may have made the change, but the rule is what the author looks for */
  lua_Debug ar;
  lua_rawgeti(L, LUA_REGISTRYINDEX, rule);
  lua_getinfo(L, ">S", &ar);
  const char *file = ar.source[0] == '@' ? ar.source + 1 : NULL;
  err *restore_err = NULL;
  lua_pushcfunction(L, l_restore);
  if (sb_pcall(sb, 0, 0, NULL, &restore_err) != 0) err_free(restore_err);
  if (rc != 0) return rc;
  if (field)
    *e = err_new(file, ar.linedefined, 0, "a rule function changed the field %s of one of the "
                 "pack's tables, which every row shares", name);
  else
    *e = err_new(file, ar.linedefined, 0, "a rule function changed '%s', a local of the pack's "
                 "file that every row shares", name);
  err_hint(*e, "it is set back for the next row; keep what changes in locals inside the function, "
               "so that each row starts afresh");
  err_node(*e, node);
  return -1;
}

int sandbox_ref(lua_State *L, int idx) {
  lua_pushvalue(L, idx);
  return luaL_ref(L, LUA_REGISTRYINDEX);
}

/* Where rule `ref` begins, found once: what the watchdog names. */
static const struct rule_src *rule_src_of(sandbox *sb, int ref) {
  if (ref < 0) return NULL;
  if (ref >= sb->nrule_src) {
    int n = ref + 16;
    sb->rule_src = xrealloc(sb->rule_src, sizeof *sb->rule_src * (size_t)n);
    memset(sb->rule_src + sb->nrule_src, 0, sizeof *sb->rule_src * (size_t)(n - sb->nrule_src));
    sb->nrule_src = n;
  }
  struct rule_src *rs = &sb->rule_src[ref];
  if (!rs->file) {
    lua_Debug ar;
    lua_rawgeti(sb->L, LUA_REGISTRYINDEX, ref);
    if (lua_type(sb->L, -1) == LUA_TFUNCTION) {
      lua_getinfo(sb->L, ">S", &ar);
      rs->file = xstrdup(ar.source[0] == '@' ? ar.source + 1 : "?");
      rs->line = ar.linedefined;
    } else {
      lua_pop(sb->L, 1);
      rs->file = xstrdup("?");
    }
  }
  return rs;
}

int sandbox_call_rule(sandbox *sb, int ref, const char *node, sandbox_reader reader, void *ud,
                      sandbox_value *out, err **e) {
  lua_State *L = sb->L;
  int top = lua_gettop(L);
  if (sb->depth == 0) { /* the outermost rule is what the watchdog names */
    const struct rule_src *rs = rule_src_of(sb, ref);
    sb->cur_file = rs ? rs->file : NULL;
    sb->cur_line = rs ? rs->line : 0;
    sb->cur_node = node;
  }
  bool watched = sb->nwatch > 0 && rule_watch_of(sb, ref) != NULL;
  sandbox_reader old_reader = sb->reader;
  void *old_ud = sb->reader_ud;
  sb->reader = reader;
  sb->reader_ud = ud;
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
  lua_rawgeti(L, LUA_REGISTRYINDEX, sb->proxy_ref);
  sb->pack_code = sb->depth == 0; /* after rule_watch_of, whose call is Ratio's */
  int rc = sb_pcall(sb, 1, 1, node, e);
  sb->reader = old_reader;
  sb->reader_ud = old_ud;
  if (sb->depth == 0) sb->cur_file = sb->cur_node = NULL;
  /* looked up again: a rule called inside may have grown the array */
  const struct rule_watch *rw = watched ? &sb->rule_watch[ref] : NULL;
  if (rw && rw->n != 0) rc = check_seal(sb, rw, ref, rc, node, e);
  if (rc != 0) {
    lua_settop(L, top);
    /* A failed call may leave much behind (a huge error message, a grown
     * stack): collect it now, so the next row starts from the same heap
     * whatever failed before it. */
    if (sb->depth == 0) lua_gc(L, LUA_GCCOLLECT);
    return -1;
  }
  memset(out, 0, sizeof *out);
  switch (lua_type(L, -1)) {
  case LUA_TNIL: out->kind = SV_NIL; break;
  case LUA_TBOOLEAN: out->kind = SV_BOOL; out->b = lua_toboolean(L, -1); break;
  case LUA_TNUMBER: out->kind = SV_NUMBER; out->num = lua_tonumber(L, -1); break;
  case LUA_TSTRING: {
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    if (len + 1 > sb->result_cap) {
      sb->result_cap = len + 1;
      sb->result_str = xrealloc(sb->result_str, sb->result_cap);
    }
    memcpy(sb->result_str, s, len + 1);
    out->kind = SV_STRING;
    out->str = sb->result_str;
    out->len = len;
    break;
  }
  default:
    *e = err_node(err_new(sb->last_file[0] ? sb->last_file : NULL, sb->last_line, 0,
                          "node %s: its rule function returned a %s; return true, false, nil "
                          "(unknown) or one of the node's values", node ? node : "?",
                          luaL_typename(L, -1)), node);
    lua_settop(L, top);
    return -1;
  }
  lua_settop(L, top);
  return 0;
}

size_t sandbox_memory(const sandbox *sb) { return sb->used; }
