/* Unit tests for cli.c: the budget options, picking opinions, and printing
 * errors once. */
#include "helpers.h"

#include <fcntl.h>

#include "cli.h"

/* Capture what a call writes to standard error. */
typedef struct capture {
  int saved;
  FILE *tmp;
} capture;

static void capture_begin(capture *c) {
  fflush(stderr);
  c->tmp = tmpfile();
  assert_non_null(c->tmp);
  c->saved = dup(2);
  assert_true(c->saved >= 0);
  assert_true(dup2(fileno(c->tmp), 2) >= 0);
}

/* Returns what was written; the caller frees it. */
static char *capture_end(capture *c) {
  fflush(stderr);
  dup2(c->saved, 2);
  close(c->saved);
  long n = ftell(c->tmp);
  if (n < 0) n = 0;
  fseek(c->tmp, 0, SEEK_END);
  n = ftell(c->tmp);
  rewind(c->tmp);
  char *s = xcalloc((size_t)n + 1, 1);
  assert_int_equal(fread(s, 1, (size_t)n, c->tmp), (size_t)n);
  fclose(c->tmp);
  return s;
}

/* ---- --max-memory and --max-steps ------------------------------------------------- */

static size_t mem_ok(const char *arg) {
  pack_options o = {0};
  err *e = NULL;
  if (cli_limit_option(OPT_MAX_MEMORY, arg, &o, &e) != 0) {
    err_print(e, stderr);
    err_free(e);
    fail_msg("--max-memory %s should be accepted", arg);
  }
  assert_null(e);
  return o.limits.max_memory;
}

static void mem_bad(const char *arg) {
  pack_options o = {0};
  err *e = NULL;
  if (cli_limit_option(OPT_MAX_MEMORY, arg, &o, &e) != -1) fail_msg("--max-memory %s should be refused", arg);
  assert_non_null(e);
  char want[128];
  snprintf(want, sizeof want, "--max-memory '%s' is not a size between 1M and 64G", arg);
  assert_string_equal(e->msg, want);
  th_assert_has(e->hint, "--max-memory 128M");
  assert_int_equal(o.limits.max_memory, 0); /* untouched */
  err_free(e);
}

static void test_max_memory_sizes(void **state) {
  (void)state;
  assert_int_equal(mem_ok("128M"), (size_t)128 << 20);
  assert_int_equal(mem_ok("128m"), (size_t)128 << 20);
  assert_int_equal(mem_ok("1G"), (size_t)1 << 30);
  assert_int_equal(mem_ok("1g"), (size_t)1 << 30);
  assert_int_equal(mem_ok("64G"), (size_t)64 << 30);
  assert_int_equal(mem_ok("2048K"), (size_t)2 << 20);
  assert_int_equal(mem_ok("1024k"), (size_t)1 << 20);
  assert_int_equal(mem_ok("1048576"), (size_t)1 << 20);
  assert_int_equal(mem_ok("1.5M"), (size_t)3 << 19);
}

static void test_max_memory_rejects(void **state) {
  (void)state;
  const char *bad[] = {"", "abc", "12X", "12MB", "M", "0", "-5M", "1K", "1048575", "65G", "1T", "1e30", "nan", "NAN", "inf", "10 M"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) mem_bad(bad[i]);
}

static void test_max_steps(void **state) {
  (void)state;
  pack_options o = {0};
  err *e = NULL;
  assert_int_equal(cli_limit_option(OPT_MAX_STEPS, "50000000", &o, &e), 0);
  assert_int_equal(o.limits.max_steps, 50000000LL);
  assert_int_equal(cli_limit_option(OPT_MAX_STEPS, "1000", &o, &e), 0);
  assert_int_equal(o.limits.max_steps, 1000);
  assert_int_equal(cli_limit_option(OPT_MAX_STEPS, "1e15", &o, &e), 0);
  assert_int_equal(o.limits.max_steps, 1000000000000000LL);
  assert_null(e);
  const char *bad[] = {"999", "0", "-1", "2e15", "10k", "abc", "", "nan", "inf"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    o.limits.max_steps = 7;
    if (cli_limit_option(OPT_MAX_STEPS, bad[i], &o, &e) != -1) fail_msg("--max-steps %s should be refused", bad[i]);
    char want[128];
    snprintf(want, sizeof want, "--max-steps '%s' is not a count between 1000 and 10^15", bad[i]);
    assert_string_equal(e->msg, want);
    assert_int_equal(o.limits.max_steps, 7);
    err_free(e);
    e = NULL;
  }
  assert_int_equal(cli_limit_option(OPT_MAX_TIME, "30", &o, &e), 0);
  assert_float_equal(o.limits.max_time, 30, 0);
  assert_int_equal(cli_limit_option(OPT_MAX_TIME, "0.5s", &o, &e), 0);
  assert_float_equal(o.limits.max_time, 0.5, 0);
  const char *bad_time[] = {"0", "-1", "0.001", "1e6", "10m", "abc", "", "nan"};
  for (size_t i = 0; i < sizeof bad_time / sizeof *bad_time; i++) {
    if (cli_limit_option(OPT_MAX_TIME, bad_time[i], &o, &e) != -1) fail_msg("--max-time %s should be refused", bad_time[i]);
    th_assert_has(e->msg, "is not a number of seconds between 0.01 and 86400");
    assert_float_equal(o.limits.max_time, 0.5, 0);
    err_free(e);
    e = NULL;
  }
}

/* ---- picking opinions --------------------------------------------------------------- */

static int fx_setup(void **state) {
  if (th_dir_setup(state) != 0) return -1;
  return 0;
}

static pack *dp(void **state) {
  th_dir *d = *state;
  return th_pack(d->path, th_dp_pack());
}

static void test_pick_all(void **state) {
  pack *p = dp(state);
  int out[8];
  assert_int_equal(cli_pick_opinions(p, NULL, NULL, out), 3);
  assert_int_equal(out[0], 0);
  assert_int_equal(out[1], 1);
  assert_int_equal(out[2], 2);
  pack_free(p);
}

static void test_pick_by_name(void **state) {
  pack *p = dp(state);
  int out[8];
  assert_int_equal(cli_pick_opinions(p, "dissent", NULL, out), 1);
  assert_int_equal(out[0], 1);
  capture c;
  capture_begin(&c);
  int n = cli_pick_opinions(p, "dissnt", NULL, out);
  char *msg = capture_end(&c);
  assert_int_equal(n, -1);
  assert_string_equal(msg, "ratio: error: no opinion 'dissnt' in pack dp (opinions: majority, dissent, lua_op); "
                           "did you mean 'dissent'?\n");
  free(msg);
  pack_free(p);
}

static void test_pick_as_of(void **state) {
  pack *p = dp(state);
  int out[8];
  /* lua_op is in force until 1986-01-21; majority and dissent from then */
  assert_int_equal(cli_pick_opinions(p, NULL, "1986-01-21", out), 2);
  assert_int_equal(out[0], 0);
  assert_int_equal(out[1], 1);
  assert_int_equal(cli_pick_opinions(p, NULL, "1986-01-20", out), 1);
  assert_int_equal(out[0], 2);
  assert_int_equal(cli_pick_opinions(p, "majority", "1990-06-01", out), 1);
  assert_int_equal(out[0], 0);
  capture c;
  capture_begin(&c);
  int n = cli_pick_opinions(p, "majority", "1980-01-01", out);
  char *msg = capture_end(&c);
  assert_int_equal(n, -1);
  assert_string_equal(msg, "ratio: error: opinion 'majority' was not in force on 1980-01-01\n");
  free(msg);
  pack_free(p);
}

static void test_pick_bad_date(void **state) {
  pack *p = dp(state);
  int out[8];
  capture c;
  capture_begin(&c);
  int n = cli_pick_opinions(p, NULL, "1986-13-01", out);
  char *msg = capture_end(&c);
  assert_int_equal(n, -1);
  th_assert_has(msg, "--as-of '1986-13-01' is not a date; write it as YYYY-MM-DD");
  free(msg);
  pack_free(p);
}

static void test_pick_none_in_force(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, "pack { name = \"n\" }\nfact \"a\" { yesno }\nnode \"b\" { rule = \"a\" }\n"
                             "opinion \"m\" { decides = \"b\", date = \"2000-01-01\" }\n");
  int out[2];
  capture c;
  capture_begin(&c);
  int n = cli_pick_opinions(p, NULL, "1999-12-31", out);
  char *msg = capture_end(&c);
  assert_int_equal(n, -1);
  assert_string_equal(msg, "ratio: error: no opinion of the pack was in force on 1999-12-31\n");
  free(msg);
  pack_free(p);
}

/* ---- loading and printing ------------------------------------------------------------- */

static void test_load_pack(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", th_dp_pack());
  pack *p = cli_load_pack(d->path, NULL);
  assert_non_null(p);
  assert_string_equal(p->name, "dp");
  pack_free(p);
  th_write(d->path, "pack.lua", "pack { name = \"x\" }\nlocal y = nope\n");
  capture c;
  capture_begin(&c);
  p = cli_load_pack(d->path, NULL);
  char *msg = capture_end(&c);
  assert_null(p);
  th_assert_has(msg, "/pack.lua:2: error: unknown name 'nope'; did you mean 'node'?\n");
  free(msg);
}

static void test_fail_and_usage(void **state) {
  (void)state;
  capture c;
  capture_begin(&c);
  int code = cli_fail(err_hint(err_new("f.csv", 2, 3, "bad"), "fix"), RATIO_FAILED);
  char *msg = capture_end(&c);
  assert_int_equal(code, RATIO_FAILED);
  assert_string_equal(msg, "f.csv:2:3: error: bad; fix\n");
  free(msg);
  capture_begin(&c);
  code = cli_usage("eval", "unknown option '%s'", "--frob");
  msg = capture_end(&c);
  assert_int_equal(code, RATIO_USAGE);
  assert_string_equal(msg, "ratio eval: unknown option '--frob'\nTry 'ratio eval --help'.\n");
  free(msg);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, th_dir_teardown)

static void test_count(void **state) {
  (void)state;
  assert_int_equal(cli_count("4", 1, 256), 4);
  assert_int_equal(cli_count("256", 1, 256), 256);
  assert_int_equal(cli_count("0", 1, 256), -1);
  assert_int_equal(cli_count("257", 1, 256), -1);
  assert_int_equal(cli_count("", 1, 256), -1);
  assert_int_equal(cli_count("3x", 1, 256), -1);
  assert_int_equal(cli_count("99999999999999999999", 1, 1000000000L), -1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_count),
      cmocka_unit_test(test_max_memory_sizes),
      cmocka_unit_test(test_max_memory_rejects),
      cmocka_unit_test(test_max_steps),
      T(test_pick_all),
      T(test_pick_by_name),
      T(test_pick_as_of),
      T(test_pick_bad_date),
      T(test_pick_none_in_force),
      T(test_load_pack),
      cmocka_unit_test(test_fail_and_usage),
  };
  return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
