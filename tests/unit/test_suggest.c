/* Unit tests for suggest.c: edit distance and did-you-mean. */
#include "helpers.h"

#include "suggest.h"

static int dist(const char *a, const char *b) { return suggest_distance(a, strlen(a), b, strlen(b)); }

static void test_distance_basics(void **state) {
  (void)state;
  assert_int_equal(dist("", ""), 0);
  assert_int_equal(dist("abc", "abc"), 0);
  assert_int_equal(dist("", "abc"), 3);
  assert_int_equal(dist("abc", ""), 3);
  assert_int_equal(dist("kitten", "sitting"), 3);
  assert_int_equal(dist("negligent", "negligant"), 1); /* substitution */
  assert_int_equal(dist("negligent", "neglignt"), 1);  /* deletion */
  assert_int_equal(dist("negligent", "negliggent"), 1); /* insertion */
}

static void test_distance_transposition(void **state) {
  (void)state;
  /* a swap of neighbours costs one, not two */
  assert_int_equal(dist("negligent", "negilgent"), 1);
  assert_int_equal(dist("ab", "ba"), 1);
  assert_int_equal(dist("abcd", "badc"), 2);
}

static void test_distance_case_insensitive(void **state) {
  (void)state;
  assert_int_equal(dist("Negligent", "negligent"), 0);
  assert_int_equal(dist("ABC", "abd"), 1);
}

static void test_distance_symmetric(void **state) {
  (void)state;
  const char *w[] = {"prisoner", "prisnoer", "free", "pretrial_detainee", "", "x"};
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++) assert_int_equal(dist(w[i], w[j]), dist(w[j], w[i]));
}

static void test_distance_too_long(void **state) {
  (void)state;
  char a[100], b[100];
  memset(a, 'a', sizeof a);
  memset(b, 'a', sizeof b);
  /* words past 64 characters are not compared: a large distance */
  assert_int_equal(suggest_distance(a, 65, b, 65), 128);
  assert_int_equal(suggest_distance(a, 64, b, 64), 0);
}

static const char *const cands[] = {"negligent", "intentional", "reckless", "none", NULL};

static void test_closest_typos(void **state) {
  (void)state;
  const char *r = suggest_closest("negligant", 9, cands, -1);
  assert_non_null(r);
  assert_string_equal(r, "negligent");
  assert_ptr_equal(r, cands[0]); /* borrowed from the list */
  assert_string_equal(suggest_closest("reckles", 7, cands, -1), "reckless");
  assert_string_equal(suggest_closest("INTENTIONAL", 11, cands, -1), "intentional");
  assert_string_equal(suggest_closest("intetnional", 11, cands, -1), "intentional");
}

static void test_closest_prefix(void **state) {
  (void)state;
  /* a prefix of four letters or more is taken as a slip */
  assert_string_equal(suggest_closest("neglig", 6, cands, -1), "negligent");
  assert_string_equal(suggest_closest("inten", 5, cands, -1), "intentional");
  /* three letters are too few for the prefix rule */
  assert_null(suggest_closest("int", 3, cands, -1));
}

static void test_closest_none(void **state) {
  (void)state;
  assert_null(suggest_closest("banana", 6, cands, -1));
  assert_null(suggest_closest("zzzzzzzzz", 9, cands, -1));
  const char *const empty[] = {NULL};
  assert_null(suggest_closest("negligent", 9, empty, -1));
  assert_null(suggest_closest("negligent", 9, cands, 0));
}

/* A word longer than any name (a pack's 100 KB identifier) suggests
 * nothing, however far a typo may go in so long a word. */
static void test_closest_very_long_word(void **state) {
  (void)state;
  static const char *const names[] = {"authority", "fact", "node", NULL};
  char word[200];
  memset(word, 'x', sizeof word - 1);
  word[sizeof word - 1] = '\0';
  assert_null(suggest_closest(word, strlen(word), names, -1));
}

static void test_closest_short_words(void **state) {
  (void)state;
  /* short words allow one edit only */
  const char *const c[] = {"yes", "no", NULL};
  assert_string_equal(suggest_closest("yse", 3, c, -1), "yes");
  assert_string_equal(suggest_closest("ye", 2, c, -1), "yes");
  assert_null(suggest_closest("abc", 3, c, -1));
}

static void test_closest_count_limits(void **state) {
  (void)state;
  /* n stops the list before its NULL */
  assert_null(suggest_closest("reckles", 7, cands, 2));
  assert_string_equal(suggest_closest("reckles", 7, cands, 3), "reckless");
  /* a list without NULL is fine when n bounds it */
  const char *const two[] = {"alpha", "beta"};
  assert_string_equal(suggest_closest("alpah", 5, two, 2), "alpha");
}

static void test_closest_prefers_nearest(void **state) {
  (void)state;
  const char *const c[] = {"status_quo", "status", "statue", NULL};
  assert_string_equal(suggest_closest("statuss", 7, c, -1), "status");
  /* ties go to the first candidate */
  const char *const t[] = {"cat", "bat", NULL};
  assert_string_equal(suggest_closest("hat", 3, t, -1), "cat");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_distance_basics),
      cmocka_unit_test(test_distance_transposition),
      cmocka_unit_test(test_distance_case_insensitive),
      cmocka_unit_test(test_distance_symmetric),
      cmocka_unit_test(test_distance_too_long),
      cmocka_unit_test(test_closest_typos),
      cmocka_unit_test(test_closest_prefix),
      cmocka_unit_test(test_closest_none),
      cmocka_unit_test(test_closest_short_words),
      cmocka_unit_test(test_closest_very_long_word),
      cmocka_unit_test(test_closest_count_limits),
      cmocka_unit_test(test_closest_prefers_nearest),
  };
  return cmocka_run_group_tests_name("suggest", tests, NULL, NULL);
}
