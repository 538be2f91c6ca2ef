/* Unit tests for jsonw.c: strings escaped as jansson escapes them, a byte
 * that needs escaping found at every place in a word, numbers, take. */
#include "helpers.h"

#include <jansson.h>

#include "jsonw.h"

/* What jansson writes for s (valid UTF-8), the reference. */
static char *jansson_str(const char *s) {
  json_t *j = json_string(s);
  char *out = json_dumps(j, JSON_ENCODE_ANY);
  json_decref(j);
  return out;
}

static char *jsonw_of(const char *s, size_t n) {
  jsonw b = {0};
  jsonw_strn(&b, s, n);
  char *out = jsonw_take(&b);
  jsonw_free(&b);
  return out;
}

static void test_plain_and_specials(void **state) {
  (void)state;
  const char *cases[] = {"", "plain", "a \"quoted\" word", "back\\slash", "line\nbreak\ttab\rcr",
                         "\x01\x1f bell", "\xc2\xa7 1983 \xe2\x80\x94 dash", "exactly8", "sixteen bytes ok"};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *want = jansson_str(cases[i]), *got = jsonw_of(cases[i], strlen(cases[i]));
    assert_string_equal(got, want);
    free(want);
    free(got);
  }
}

/* Each byte that needs escaping, at every offset of a 24-byte text: the
 * word-at-a-time scan must never pass over one. */
static void test_every_offset(void **state) {
  (void)state;
  const char specials[] = {'"', '\\', '\n', '\x01', '\x1f', '\x7f', ' ', '~'};
  for (size_t k = 0; k < sizeof specials; k++)
    for (int at = 0; at < 24; at++) {
      char text[25];
      memset(text, 'a', 24);
      text[24] = '\0';
      text[at] = specials[k];
      char *want = jansson_str(text), *got = jsonw_of(text, 24);
      assert_string_equal(got, want);
      free(want);
      free(got);
    }
  /* a two-byte character split across a word's end */
  for (int at = 0; at < 23; at++) {
    char text[25];
    memset(text, 'b', 24);
    text[24] = '\0';
    text[at] = '\xc2';
    text[at + 1] = '\xa7';
    char *want = jansson_str(text), *got = jsonw_of(text, 24);
    assert_string_equal(got, want);
    free(want);
    free(got);
  }
}

static void test_invalid_utf8_and_null(void **state) {
  (void)state;
  char *got = jsonw_of("ab\xffz", 4);
  assert_string_equal(got, "\"ab\xef\xbf\xbdz\"");
  free(got);
  jsonw b = {0};
  jsonw_str(&b, NULL);
  jsonw_raw(&b, ",", 1);
  jsonw_int(&b, -42);
  jsonw_lit(&b, ",true");
  char *s = jsonw_take(&b);
  assert_string_equal(s, "null,-42,true");
  assert_int_equal(b.len, 0);
  free(s);
  jsonw_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_plain_and_specials),
      cmocka_unit_test(test_every_offset),
      cmocka_unit_test(test_invalid_utf8_and_null),
  };
  return cmocka_run_group_tests_name("jsonw", tests, NULL, NULL);
}
