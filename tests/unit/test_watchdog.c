/* Unit tests for watchdog.c: a call that ends in time is left alone; one
 * still running past its deadline and the grace period, or a second after
 * a signal, ends the process with a message and removes the unfinished
 * output. Firing ends a process, so those run in a child. */
#include "helpers.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "watchdog.h"

static struct timespec in(double seconds) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  double s = (double)t.tv_sec + (double)t.tv_nsec / 1e9 + seconds;
  t.tv_sec = (time_t)s;
  t.tv_nsec = (long)((s - (double)t.tv_sec) * 1e9);
  return t;
}

static void test_calls_that_end_are_left_alone(void **state) {
  (void)state;
  watchdog_free(NULL);
  watchdog_arm(NULL, NULL, NULL, 0, NULL); /* no thread: nothing to do */
  watchdog_disarm(NULL);
  watchdog *wd = watchdog_new(NULL, NULL);
  assert_non_null(wd);
  for (int i = 0; i < 1000; i++) {
    struct timespec deadline = in(-WATCHDOG_GRACE_SECONDS); /* past, and past its grace */
    watchdog_arm(wd, &deadline, "p.lua", 3, "n");
    watchdog_disarm(wd);
  }
  struct timespec pause = {0, 300 * 1000 * 1000};
  nanosleep(&pause, NULL); /* a look or two by the thread: nothing is busy */
  watchdog_free(wd);
}

/* In a child: arm a call that never ends; returns the child's exit code
 * and its standard error in said (size bytes). */
static int stuck_child(const char *dir, double deadline_in, sig_atomic_t sig, char *said, size_t size) {
  char errpath[PATH_MAX], partial[PATH_MAX];
  th_path(errpath, sizeof errpath, dir, "stderr.txt");
  th_path(partial, sizeof partial, dir, ".out.partial");
  th_write(dir, ".out.partial", "half");
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    int fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 2);
    static volatile sig_atomic_t flag;
    flag = sig;
    static char *file;
    file = partial;
    watchdog *wd = watchdog_new(&flag, &file);
    struct timespec deadline = in(deadline_in);
    watchdog_arm(wd, &deadline, "rules/p/pack.lua", 7, "spin");
    sleep(10); /* "stuck" */
    _exit(0);
  }
  int status = 0;
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  FILE *f = fopen(errpath, "r");
  assert_non_null(f);
  size_t n = fread(said, 1, size - 1, f);
  said[n] = 0;
  fclose(f);
  assert_int_equal(access(partial, F_OK), -1); /* the unfinished output is gone */
  return WEXITSTATUS(status);
}

static void test_fires_past_the_deadline(void **state) {
  th_dir *d = *state;
  char said[1024];
  assert_int_equal(stuck_child(d->path, 0.1 - WATCHDOG_GRACE_SECONDS, 0, said, sizeof said), WATCHDOG_EXIT);
  th_assert_has(said, "rules/p/pack.lua:7: the pack code ran past its time limit and could not be stopped in "
                     "node spin");
}

static void test_fires_after_a_signal(void **state) {
  th_dir *d = *state;
  char said[1024];
  assert_int_equal(stuck_child(d->path, 60, SIGINT, said, sizeof said), 128 + SIGINT);
  th_assert_has(said, "rules/p/pack.lua:7: interrupted, and the pack code did not stop in node spin");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_calls_that_end_are_left_alone),
      cmocka_unit_test_setup_teardown(test_fires_past_the_deadline, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_fires_after_a_signal, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests_name("watchdog", tests, NULL, NULL);
}
