/* Unit tests for stopping a run by signal: `ratio eval` on a rule that
 * never ends stops within a second of SIGINT or SIGTERM, with exit code
 * 130 or 143, also with -j and also while the pack is loading. The command
 * runs in a child process, which the test signals. */
#include "helpers.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char LOOPS[] = "pack { name = \"loops\" }\n"
                            "fact \"a\" { yesno }\n"
                            "node \"spin\" { rule = function(f) while true do end end }\n"
                            "opinion \"majority\" { decides = \"spin\" }\n";

static const char LOOPS_AT_LOAD[] = "pack { name = \"loads\" }\n"
                                    "while true do end\n";

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Run `ratio eval DIR -f DIR/cases.csv --max-steps 1e15 [extra]` in a child,
 * send it `sig` after a moment, and return its exit code; *took is how long
 * it ran after the signal. */
static int eval_signalled(const char *dir, const char *extra, int sig, double *took) {
  char cases[PATH_MAX];
  th_path(cases, sizeof cases, dir, "cases.csv");
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    char *argv[] = {"eval", (char *)dir, "-f", cases, "--max-steps", "1e15", (char *)extra, NULL};
    _exit(cmd_eval(extra ? 7 : 6, argv));
  }
  struct timespec pause = {0, 300 * 1000 * 1000};
  nanosleep(&pause, NULL);
  double sent = now();
  kill(pid, sig);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (now() - sent > 10) { /* never hang the suite */
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      fail_msg("ratio eval did not stop within 10 s of the signal");
    }
    struct timespec tick = {0, 5 * 1000 * 1000};
    nanosleep(&tick, NULL);
  }
  *took = now() - sent;
  assert_true(WIFEXITED(status));
  return WEXITSTATUS(status);
}

static void test_sigint_stops_a_running_rule(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", LOOPS);
  th_write(d->path, "cases.csv", "id,a\nr1,yes\nr2,no\n");
  double took;
  assert_int_equal(eval_signalled(d->path, NULL, SIGINT, &took), 130);
  assert_true(took < 1);
  assert_int_equal(eval_signalled(d->path, "-j2", SIGTERM, &took), 143);
  assert_true(took < 1);
}

static void test_signal_stops_the_load(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", LOOPS_AT_LOAD);
  th_write(d->path, "cases.csv", "id\nr1\n");
  double took;
  assert_int_equal(eval_signalled(d->path, NULL, SIGTERM, &took), 143);
  assert_true(took < 1);
}

/* A chain of __call metamethods made inside the rule runs within one Lua
 * step, where the hook never runs: the watchdog ends the process a second
 * after the signal. */
static const char CHAIN[] = "pack { name = \"chain\" }\n"
                            "fact \"a\" { yesno }\n"
                            "node \"chain\" { rule = function(f)\n"
                            "  local m = { __call = function() return true end }\n"
                            "  local u = setmetatable({}, m)\n"
                            "  m.__call = u\n"
                            "  return u() end }\n"
                            "opinion \"majority\" { decides = \"chain\" }\n";

static void test_signal_stops_a_stuck_rule(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", CHAIN);
  th_write(d->path, "cases.csv", "id,a\nr1,yes\n");
  double took;
  assert_int_equal(eval_signalled(d->path, NULL, SIGINT, &took), 130);
  assert_true(took < 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_sigint_stops_a_running_rule, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_signal_stops_the_load, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_signal_stops_a_stuck_rule, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests_name("signals", tests, NULL, NULL);
}
