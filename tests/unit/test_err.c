/* Unit tests for err.c: building, chaining and printing errors, and the
 * allocation helpers. */
#include "helpers.h"

static void test_new_fields(void **state) {
  (void)state;
  err *e = err_new("cases/x.csv", 7, 4, "bad value '%s' in row %d", "maybe", 3);
  assert_non_null(e);
  assert_string_equal(e->file, "cases/x.csv");
  assert_int_equal(e->line, 7);
  assert_int_equal(e->col, 4);
  assert_string_equal(e->msg, "bad value 'maybe' in row 3");
  assert_null(e->node);
  assert_null(e->hint);
  assert_null(e->next);
  err_free(e);
}

static void test_new_copies_file(void **state) {
  (void)state;
  char file[] = "pack.lua";
  err *e = err_new(file, 1, 0, "x");
  file[0] = 'X';
  assert_string_equal(e->file, "pack.lua");
  assert_ptr_not_equal(e->file, file);
  err_free(e);
  e = err_new(NULL, 0, 0, "no file");
  assert_null(e->file);
  assert_string_equal(e->msg, "no file");
  err_free(e);
}

static err *via_newv(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err *e = err_newv("f", 2, 3, fmt, ap);
  va_end(ap);
  return e;
}

static void test_newv(void **state) {
  (void)state;
  err *e = via_newv("%d-%s-%.1f", 5, "five", 5.5);
  assert_string_equal(e->msg, "5-five-5.5");
  assert_string_equal(e->file, "f");
  assert_int_equal(e->line, 2);
  assert_int_equal(e->col, 3);
  err_free(e);
  /* a long message is formatted whole, then cut and marked */
  char big[5000];
  memset(big, 'm', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  e = err_new(NULL, 0, 0, "%s!", big);
  assert_non_null(strstr(e->msg, "[4680 bytes cut]"));
  assert_int_equal(e->msg[0], 'm');
  err_free(e);
}

static void test_hint_and_node(void **state) {
  (void)state;
  err *e = err_new("f", 1, 1, "m");
  assert_ptr_equal(err_hint(e, "did you mean '%s'?", "negligent"), e);
  assert_string_equal(e->hint, "did you mean 'negligent'?");
  err_hint(e, "replaced %d", 2); /* replaces, no leak */
  assert_string_equal(e->hint, "replaced 2");
  assert_ptr_equal(err_node(e, "deprivation"), e);
  assert_string_equal(e->node, "deprivation");
  err_node(e, "claim");
  assert_string_equal(e->node, "claim");
  err_node(e, NULL);
  assert_null(e->node);
  err_free(e);
}

static void test_append_and_count(void **state) {
  (void)state;
  err *head = NULL;
  assert_int_equal(err_count(head), 0);
  err_append(&head, err_new(NULL, 0, 0, "one"));
  assert_int_equal(err_count(head), 1);
  err_append(&head, err_new(NULL, 0, 0, "two"));
  /* appending a chain keeps the chain */
  err *tail = err_new(NULL, 0, 0, "three");
  tail->next = err_new(NULL, 0, 0, "four");
  err_append(&head, tail);
  assert_int_equal(err_count(head), 4);
  const char *want[] = {"one", "two", "three", "four"};
  int i = 0;
  for (const err *e = head; e; e = e->next) assert_string_equal(e->msg, want[i++]);
  err_append(&head, NULL); /* appending nothing changes nothing */
  assert_int_equal(err_count(head), 4);
  err_free(head);
  err_free(NULL);
}

static char *printed(const err *e) {
  th_mem m;
  th_mem_open(&m);
  err_print(e, m.f);
  th_mem_close(&m);
  return m.buf;
}

static void test_print_forms(void **state) {
  (void)state;
  err *e = err_new("cases/x.csv", 7, 4, "not yes or no");
  err_hint(e, "write yes or no");
  char *s = printed(e);
  assert_string_equal(s, "cases/x.csv:7:4: error: not yes or no; write yes or no\n");
  free(s);
  err_free(e);

  /* line without column */
  e = err_new("rules/p/pack.lua", 12, 0, "unknown name 'x'");
  s = printed(e);
  assert_string_equal(s, "rules/p/pack.lua:12: error: unknown name 'x'\n");
  free(s);
  err_free(e);

  /* file only; a column without a line is not printed */
  e = err_new("p", 0, 5, "cannot open");
  s = printed(e);
  assert_string_equal(s, "p: error: cannot open\n");
  free(s);
  err_free(e);

  /* no file */
  e = err_new(NULL, 3, 3, "out of budget");
  s = printed(e);
  assert_string_equal(s, "ratio: error: out of budget\n");
  free(s);
  err_free(e);
}

static void test_print_chain(void **state) {
  (void)state;
  err *head = err_new("a.lua", 1, 0, "first");
  err_append(&head, err_hint(err_new("b.lua", 2, 3, "second"), "fix it"));
  err_append(&head, err_node(err_new(NULL, 0, 0, "third"), "claim"));
  char *s = printed(head);
  assert_string_equal(s, "a.lua:1: error: first\nb.lua:2:3: error: second; fix it\nratio: error: third\n");
  free(s);
  err_free(head);
  /* an empty chain prints nothing */
  s = printed(NULL);
  assert_string_equal(s, "");
  free(s);
}

static void test_print_tmpfile(void **state) {
  (void)state;
  FILE *f = tmpfile();
  assert_non_null(f);
  err *e = err_new("x.csv", 2, 1, "row %d has no id", 1);
  err_print(e, f);
  rewind(f);
  char buf[128] = "";
  assert_non_null(fgets(buf, sizeof buf, f));
  assert_string_equal(buf, "x.csv:2:1: error: row 1 has no id\n");
  fclose(f);
  err_free(e);
}

static void test_exit_codes(void **state) {
  (void)state;
  assert_int_equal(RATIO_OK, 0);
  assert_int_equal(RATIO_FAILED, 1);
  assert_int_equal(RATIO_USAGE, 2);
}

static void test_xalloc(void **state) {
  (void)state;
  char *p = xmalloc(0); /* zero bytes still gives a pointer */
  assert_non_null(p);
  free(p);
  int *z = xcalloc(8, sizeof *z);
  for (int i = 0; i < 8; i++) assert_int_equal(z[i], 0);
  z = xrealloc(z, 1000 * sizeof *z);
  z[999] = 7;
  assert_int_equal(z[0], 0);
  free(z);
  p = xcalloc(0, 0);
  assert_non_null(p);
  free(p);
  p = xrealloc(NULL, 0);
  assert_non_null(p);
  free(p);
}

static void test_xstr(void **state) {
  (void)state;
  char *s = xstrdup("hello");
  assert_string_equal(s, "hello");
  free(s);
  s = xstrndup("hello world", 5);
  assert_string_equal(s, "hello");
  free(s);
  s = xstrndup("", 0);
  assert_string_equal(s, "");
  free(s);
  s = xasprintf("%s=%d", "n", 42);
  assert_string_equal(s, "n=42");
  free(s);
  s = xasprintf("%s", "");
  assert_string_equal(s, "");
  free(s);
}

/* What a pack or a file supplied is quoted in part, and marked. */
static void test_bounded(void **state) {
  (void)state;
  char *s = err_bounded("short 'text' stays");
  assert_string_equal(s, "short 'text' stays");
  free(s);
  char big[300];
  memset(big, 'y', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  char *msg = xasprintf("unknown column '%s'; the pack's facts are listed", big);
  s = err_bounded(msg);
  char *want = xasprintf("unknown column '%.80s\xe2\x80\xa6[219 bytes cut]'; the pack's facts are listed", big);
  assert_string_equal(s, want);
  free(want);
  free(s);
  free(msg);
  /* unquoted: the whole text is cut */
  s = err_bounded(big);
  assert_int_equal(strlen(s), ERR_TEXT_BYTES > 299 ? 299 : ERR_TEXT_BYTES + strlen("\xe2\x80\xa6[0 bytes cut]"));
  free(s);
  char *huge = xmalloc(10000);
  memset(huge, 'z', 9999);
  huge[9999] = '\0';
  s = err_bounded(huge);
  assert_true(strlen(s) < ERR_TEXT_BYTES + 32);
  assert_non_null(strstr(s, "[9679 bytes cut]"));
  free(s);
  /* an apostrophe opens nothing; a quote never closed is plain text */
  memcpy(huge, "the pack's '", 12);
  s = err_bounded(huge);
  assert_true(strlen(s) < ERR_TEXT_BYTES + 32);
  free(s);
  free(huge);
  /* a cut never splits a UTF-8 character */
  char accents[200] = "'";
  for (int i = 0; i < 60; i++) strcat(accents, "\xc3\xa9");
  strcat(accents, "'");
  s = err_bounded(accents);
  assert_non_null(strstr(s, "\xc3\xa9\xe2\x80\xa6[40 bytes cut]'"));
  free(s);
}

static void test_new_and_hint_are_bounded(void **state) {
  (void)state;
  char big[2000];
  memset(big, 'q', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  err *e = err_hint(err_new("x.csv", 1, 2, "value '%s'", big), "did you mean '%s'?", big);
  assert_true(strlen(e->msg) < 120);
  assert_true(strlen(e->hint) < 120);
  assert_non_null(strstr(e->msg, "[1919 bytes cut]'"));
  err_free(e);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_new_fields),
      cmocka_unit_test(test_new_copies_file),
      cmocka_unit_test(test_newv),
      cmocka_unit_test(test_hint_and_node),
      cmocka_unit_test(test_append_and_count),
      cmocka_unit_test(test_print_forms),
      cmocka_unit_test(test_print_chain),
      cmocka_unit_test(test_print_tmpfile),
      cmocka_unit_test(test_exit_codes),
      cmocka_unit_test(test_xalloc),
      cmocka_unit_test(test_xstr),
      cmocka_unit_test(test_bounded),
      cmocka_unit_test(test_new_and_hint_are_bounded),
  };
  return cmocka_run_group_tests_name("err", tests, NULL, NULL);
}
