/* watchdog: the last stop for pack code that no hook can reach.
 *
 * The sandbox stops running pack code from its step hook: at the step
 * budget, at the time limit, on a signal. A few things run inside one Lua
 * VM step, where no hook fires: in Lua 5.4.4 a chain of __call metamethods
 * that loops back runs for minutes. A watchdog is a thread that waits
 * beside one sandbox while a call runs; if the call is still running a
 * grace period after its deadline (or a second after a signal), the hook
 * has failed, and the watchdog ends the process with a message naming the
 * pack file, line and node. Only sandbox.c uses it. */
#ifndef RATIO_WATCHDOG_H
#define RATIO_WATCHDOG_H

#include <signal.h>
#include <time.h>

typedef struct watchdog watchdog;

/* How long past its deadline, or after a signal, a call may still run
 * before the watchdog ends the process. */
#define WATCHDOG_GRACE_SECONDS 3
#define WATCHDOG_SIGNAL_SECONDS 1

/* The exit code when the watchdog ends the process, unless a signal came
 * first (then 128 + the signal's number). */
#define WATCHDOG_EXIT 2

/* A watchdog thread that reads *stop (may be NULL) for signals, and
 * removes the file *partial_file names (when both are set) before it ends
 * the process. The caller frees it with watchdog_free. Returns NULL if no
 * thread can be started (the sandbox then runs without one). */
watchdog *watchdog_new(volatile sig_atomic_t *stop, char **partial_file);

/* A call begins that must end by `deadline` (CLOCK_MONOTONIC). `file`,
 * `line` and `node` say what runs, for the message; file and node (either
 * may be NULL) are borrowed until watchdog_disarm. */
void watchdog_arm(watchdog *wd, const struct timespec *deadline, const char *file, int line, const char *node);

/* The call ended. */
void watchdog_disarm(watchdog *wd);

/* Stop and join the thread. NULL is fine. */
void watchdog_free(watchdog *wd);

#endif
