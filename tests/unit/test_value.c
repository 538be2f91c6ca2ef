/* Unit tests for value.c: Kleene's connectives and plain cell parsing. */
#include "helpers.h"

#include "value.h"

static const rval all3[] = {RV_NO, RV_UNKNOWN, RV_YES};

static void test_and_truth_table(void **state) {
  (void)state;
  /* rows: a = no, unknown, yes; columns: b = no, unknown, yes */
  static const rval want[3][3] = {
      {RV_NO, RV_NO, RV_NO},
      {RV_NO, RV_UNKNOWN, RV_UNKNOWN},
      {RV_NO, RV_UNKNOWN, RV_YES},
  };
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) assert_int_equal(value_and(all3[i], all3[j]), want[i][j]);
}

static void test_or_truth_table(void **state) {
  (void)state;
  static const rval want[3][3] = {
      {RV_NO, RV_UNKNOWN, RV_YES},
      {RV_UNKNOWN, RV_UNKNOWN, RV_YES},
      {RV_YES, RV_YES, RV_YES},
  };
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) assert_int_equal(value_or(all3[i], all3[j]), want[i][j]);
}

static void test_not(void **state) {
  (void)state;
  assert_int_equal(value_not(RV_YES), RV_NO);
  assert_int_equal(value_not(RV_NO), RV_YES);
  assert_int_equal(value_not(RV_UNKNOWN), RV_UNKNOWN);
  /* De Morgan holds in Kleene's logic too */
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      assert_int_equal(value_not(value_and(all3[i], all3[j])),
                       value_or(value_not(all3[i]), value_not(all3[j])));
}

static void test_constants(void **state) {
  (void)state;
  assert_int_equal(RV_NO, 0);
  assert_int_equal(RV_YES, 1);
  assert_int_equal(RV_UNKNOWN, -1);
}

static void test_yesno_name(void **state) {
  (void)state;
  assert_string_equal(value_yesno_name(RV_YES), "yes");
  assert_string_equal(value_yesno_name(RV_NO), "no");
  assert_string_equal(value_yesno_name(RV_UNKNOWN), "unknown");
}

static void check_yesno(const char *s, rval want) {
  rval v = (rval)42;
  if (value_parse_yesno(s, strlen(s), &v) != 0) fail_msg("'%s' should parse", s);
  if (v != want) fail_msg("'%s' gave %d, not %d", s, v, want);
}

static void test_parse_yesno_spellings(void **state) {
  (void)state;
  const char *yes[] = {"yes", "YES", "Yes", "yEs", "y", "Y", "true", "TRUE", "True", "1"};
  const char *no[] = {"no", "NO", "No", "nO", "n", "N", "false", "FALSE", "False", "0"};
  for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) check_yesno(yes[i], RV_YES);
  for (size_t i = 0; i < sizeof no / sizeof *no; i++) check_yesno(no[i], RV_NO);
}

static void test_parse_yesno_rejects(void **state) {
  (void)state;
  const char *bad[] = {"", "ye", "yess", "nope", "maybe", "unknown", "2", "-1", " yes",
                       "yes ", "t", "f", "on", "off", "10", "00"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    rval v = (rval)42;
    if (value_parse_yesno(bad[i], strlen(bad[i]), &v) != -1) fail_msg("'%s' should not parse", bad[i]);
    assert_int_equal(v, 42); /* untouched on failure */
  }
}

static void test_parse_yesno_uses_len(void **state) {
  (void)state;
  rval v = RV_UNKNOWN;
  /* only the first len bytes count: "yesterday" cut to 3 is "yes" */
  assert_int_equal(value_parse_yesno("yesterday", 3, &v), 0);
  assert_int_equal(v, RV_YES);
  assert_int_equal(value_parse_yesno("nonsense", 1, &v), 0);
  assert_int_equal(v, RV_NO);
  assert_int_equal(value_parse_yesno("yesterday", 4, &v), -1);
}

static void test_parse_number_valid(void **state) {
  (void)state;
  static const struct { const char *s; double d; } ok[] = {
      {"8", 8}, {"0", 0}, {"-3", -3}, {"+4", 4}, {"2.5", 2.5}, {".5", 0.5}, {"-0.25", -0.25},
      {"1e3", 1000}, {"1E-2", 0.01}, {"007", 7}, {"123456789", 123456789}};
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
    double d = -99;
    if (value_parse_number(ok[i].s, strlen(ok[i].s), &d) != 0) fail_msg("'%s' should parse", ok[i].s);
    assert_float_equal(d, ok[i].d, 1e-12);
  }
}

static void test_parse_number_rejects(void **state) {
  (void)state;
  const char *bad[] = {"", "abc", "1a", "0x10", "inf", "-inf", "nan", "NaN", "1,5", "1 ", " 1",
                       "1e999", "--1", "1.2.3", "e", "+", "five"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    double d = -99;
    if (value_parse_number(bad[i], strlen(bad[i]), &d) != -1) fail_msg("'%s' should not parse", bad[i]);
    assert_float_equal(d, -99, 0);
  }
}

static void test_parse_number_length(void **state) {
  (void)state;
  double d = 0;
  /* len bounds the text: "12abc" cut to 2 is 12 */
  assert_int_equal(value_parse_number("12abc", 2, &d), 0);
  assert_float_equal(d, 12, 0);
  /* 63 digits fit the buffer; 64 and more are refused */
  char digits[80];
  memset(digits, '1', sizeof digits);
  assert_int_equal(value_parse_number(digits, 63, &d), 0);
  assert_int_equal(value_parse_number(digits, 64, &d), -1);
  assert_int_equal(value_parse_number(digits, 80, &d), -1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_and_truth_table),
      cmocka_unit_test(test_or_truth_table),
      cmocka_unit_test(test_not),
      cmocka_unit_test(test_constants),
      cmocka_unit_test(test_yesno_name),
      cmocka_unit_test(test_parse_yesno_spellings),
      cmocka_unit_test(test_parse_yesno_rejects),
      cmocka_unit_test(test_parse_yesno_uses_len),
      cmocka_unit_test(test_parse_number_valid),
      cmocka_unit_test(test_parse_number_rejects),
      cmocka_unit_test(test_parse_number_length),
  };
  return cmocka_run_group_tests_name("value", tests, NULL, NULL);
}
