/* watchdog: the last stop for pack code that no hook can reach. */
#include "watchdog.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "err.h"

struct watchdog {
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;      /* on CLOCK_MONOTONIC; signalled to quit */
  volatile sig_atomic_t *stop;
  char **partial_file;    /* read when firing, under mu: set before any arm */
  /* under mu: */
  bool quit;
  bool busy;              /* a call is running */
  unsigned long call;     /* counts calls, so a new one is never taken for the old */
  struct timespec fire_at; /* deadline + grace */
  const char *file, *node;
  int line;
};

static struct timespec plus(struct timespec t, long seconds, long nanos) {
  t.tv_sec += seconds;
  t.tv_nsec += nanos;
  while (t.tv_nsec >= 1000000000L) {
    t.tv_sec++;
    t.tv_nsec -= 1000000000L;
  }
  return t;
}

static bool reached(const struct timespec *now, const struct timespec *t) {
  return now->tv_sec > t->tv_sec || (now->tv_sec == t->tv_sec && now->tv_nsec >= t->tv_nsec);
}

/* End the process: the call cannot be stopped any other way. Only
 * async-safe enough calls: a write to stderr, then _exit, so no lock a
 * stuck thread may hold is needed. */
static void fire(const watchdog *wd, int sig) {
  char msg[1024];
  int n;
  const char *why = sig ? "interrupted, and the pack code did not stop"
                        : "the pack code ran past its time limit and could not be stopped";
  if (wd->file)
    n = snprintf(msg, sizeof msg, "%s:%d: %s%s%s (Lua is stuck inside one step, as in a chain of __call "
                                  "metamethods); ratio stops here\n",
                 wd->file, wd->line, why, wd->node ? " in node " : "", wd->node ? wd->node : "");
  else
    n = snprintf(msg, sizeof msg, "ratio: %s%s%s (Lua is stuck inside one step, as in a chain of __call "
                                  "metamethods); ratio stops here\n",
                 why, wd->node ? " in node " : "", wd->node ? wd->node : "");
  if (n > (int)sizeof msg - 1) n = (int)sizeof msg - 1;
  if (write(2, msg, (size_t)n) < 0) { /* nothing more to say */
  }
  if (wd->partial_file && *wd->partial_file) unlink(*wd->partial_file);
  _exit(sig ? 128 + sig : WATCHDOG_EXIT);
}

/* The thread looks in every WATCH_EVERY, not at each call: a call only
 * takes an uncontended lock to say it began or ended. */
#define WATCH_EVERY_NS (200 * 1000 * 1000L)

static void *watch(void *arg) {
  watchdog *wd = arg;
  pthread_mutex_lock(&wd->mu);
  unsigned long signalled_call = 0;
  struct timespec signal_fire = {0, 0};
  while (!wd->quit) {
    struct timespec now, until;
    clock_gettime(CLOCK_MONOTONIC, &now);
    until = plus(now, 0, WATCH_EVERY_NS);
    pthread_cond_timedwait(&wd->cv, &wd->mu, &until); /* signalled only to quit */
    if (wd->quit || !wd->busy) continue;
    clock_gettime(CLOCK_MONOTONIC, &now);
    int sig = wd->stop ? (int)*wd->stop : 0;
    if (sig && signalled_call != wd->call) {
      signalled_call = wd->call;
      signal_fire = plus(now, WATCHDOG_SIGNAL_SECONDS, 0);
    }
    if (sig && reached(&now, &signal_fire)) fire(wd, sig);
    if (reached(&now, &wd->fire_at)) fire(wd, 0);
  }
  pthread_mutex_unlock(&wd->mu);
  return NULL;
}

watchdog *watchdog_new(volatile sig_atomic_t *stop, char **partial_file) {
  watchdog *wd = xcalloc(1, sizeof *wd);
  wd->stop = stop;
  wd->partial_file = partial_file;
  pthread_condattr_t attr;
  pthread_condattr_init(&attr);
  pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  pthread_cond_init(&wd->cv, &attr);
  pthread_condattr_destroy(&attr);
  pthread_mutex_init(&wd->mu, NULL);
  /* the thread must not take the signals the command catches */
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  int rc = pthread_create(&wd->thread, NULL, watch, wd);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (rc != 0) {
    pthread_cond_destroy(&wd->cv);
    pthread_mutex_destroy(&wd->mu);
    free(wd);
    return NULL;
  }
  return wd;
}

void watchdog_arm(watchdog *wd, const struct timespec *deadline, const char *file, int line, const char *node) {
  if (!wd) return;
  pthread_mutex_lock(&wd->mu);
  wd->busy = true;
  wd->call++;
  wd->fire_at = plus(*deadline, WATCHDOG_GRACE_SECONDS, 0);
  wd->file = file;
  wd->line = line;
  wd->node = node;
  pthread_mutex_unlock(&wd->mu);
}

void watchdog_disarm(watchdog *wd) {
  if (!wd) return;
  pthread_mutex_lock(&wd->mu);
  wd->busy = false;
  wd->file = wd->node = NULL;
  pthread_mutex_unlock(&wd->mu);
}

void watchdog_free(watchdog *wd) {
  if (!wd) return;
  pthread_mutex_lock(&wd->mu);
  wd->quit = true;
  pthread_cond_signal(&wd->cv);
  pthread_mutex_unlock(&wd->mu);
  pthread_join(wd->thread, NULL);
  pthread_cond_destroy(&wd->cv);
  pthread_mutex_destroy(&wd->mu);
  free(wd);
}
