/* Unit tests for `ratio eval -o FILE`: the file appears whole or not at
 * all, a symbolic link is written through (it stays a link, its target
 * gets the output), and a file that is replaced keeps its mode. */
#include "helpers.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

static const char PACK[] = "pack { name = \"out\" }\n"
                           "fact \"a\" { yesno }\n"
                           "node \"n\" { rule = yes \"a\" }\n"
                           "opinion \"majority\" { decides = \"n\" }\n";

/* ratio eval DIR -f DIR/cases.csv --format csv -o OUT; its exit code. */
static int eval_to(const char *dir, const char *out) {
  char cases[PATH_MAX];
  th_path(cases, sizeof cases, dir, "cases.csv");
  char *argv[] = {"eval", (char *)dir, "-f", cases, "--format", "csv", "-o", (char *)out, NULL};
  return cmd_eval(8, argv);
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  static char buf[4096];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

static void setup_pack(const char *dir) {
  th_write(dir, "pack.lua", PACK);
  th_write(dir, "cases.csv", "id,a\nr1,yes\n");
}

static void test_output_keeps_mode(void **state) {
  th_dir *d = *state;
  setup_pack(d->path);
  char out[PATH_MAX];
  th_path(out, sizeof out, d->path, "out.csv");
  th_write(d->path, "out.csv", "old\n");
  assert_int_equal(chmod(out, 0640), 0);
  assert_int_equal(eval_to(d->path, out), 0);
  assert_string_equal(slurp(out), "id,majority\nr1,yes\n");
  struct stat st;
  assert_int_equal(stat(out, &st), 0);
  assert_int_equal(st.st_mode & 07777, 0640);
}

static void test_output_writes_through_a_link(void **state) {
  th_dir *d = *state;
  setup_pack(d->path);
  char target[PATH_MAX], link[PATH_MAX];
  th_path(target, sizeof target, d->path, "real.csv");
  th_path(link, sizeof link, d->path, "link.csv");
  th_write(d->path, "real.csv", "old\n");
  assert_int_equal(chmod(target, 0600), 0);
  assert_int_equal(symlink("real.csv", link), 0);
  assert_int_equal(eval_to(d->path, link), 0);
  struct stat st;
  assert_int_equal(lstat(link, &st), 0);
  assert_true(S_ISLNK(st.st_mode));
  assert_string_equal(slurp(target), "id,majority\nr1,yes\n");
  assert_int_equal(stat(target, &st), 0);
  assert_int_equal(st.st_mode & 07777, 0600);
  /* a link to a file not made yet: the file is made where it leads */
  char later[PATH_MAX], link2[PATH_MAX];
  th_path(later, sizeof later, d->path, "later.csv");
  th_path(link2, sizeof link2, d->path, "link2.csv");
  assert_int_equal(symlink("later.csv", link2), 0);
  assert_int_equal(eval_to(d->path, link2), 0);
  assert_int_equal(lstat(link2, &st), 0);
  assert_true(S_ISLNK(st.st_mode));
  assert_string_equal(slurp(later), "id,majority\nr1,yes\n");
}

/* A FILE that is no regular file (a pipe here; /dev/null in use) is
 * written directly: renaming over it would replace it with a file. */
static void test_output_to_a_device(void **state) {
  th_dir *d = *state;
  setup_pack(d->path);
  struct stat after;
  char fifo[PATH_MAX];
  th_path(fifo, sizeof fifo, d->path, "pipe");
  assert_int_equal(mkfifo(fifo, 0600), 0);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) { /* the reader */
    FILE *f = fopen(fifo, "r");
    char buf[256];
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    buf[n] = '\0';
    _exit(strcmp(buf, "id,majority\nr1,yes\n") == 0 ? 0 : 1);
  }
  assert_int_equal(eval_to(d->path, fifo), 0);
  int status;
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  assert_int_equal(lstat(fifo, &after), 0);
  assert_true(S_ISFIFO(after.st_mode));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_output_keeps_mode, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_output_writes_through_a_link, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_output_to_a_device, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
