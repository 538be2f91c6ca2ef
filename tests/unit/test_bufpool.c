/* Unit tests for bufpool.c: buffers written through a stream, given back
 * and taken again with their capacity, and the cap on those kept. */
#include "helpers.h"

#include "bufpool.h"

static void test_stream_appends(void **state) {
  (void)state;
  bufpool *bp = bufpool_new(2);
  pooled_buf *b = bufpool_take(bp);
  assert_int_equal(b->len, 0);
  assert_string_equal(b->data, "");
  FILE *f = bufpool_stream(b);
  fputs("{\"a\":", f);
  fprintf(f, "%d}", 42);
  fclose(f);
  assert_int_equal(b->len, 8);
  assert_string_equal(b->data, "{\"a\":42}");
  bufpool_give(b);
  bufpool_free(bp);
}

/* Far past the first capacity and past stdio's own buffer: nothing lost. */
static void test_grows(void **state) {
  (void)state;
  bufpool *bp = bufpool_new(1);
  pooled_buf *b = bufpool_take(bp);
  FILE *f = bufpool_stream(b);
  for (int i = 0; i < 100000; i++) fprintf(f, "%05d", i % 100000);
  fclose(f);
  assert_int_equal(b->len, 500000);
  assert_true(b->cap > b->len);
  assert_memory_equal(b->data + 5 * 99999, "99999", 5);
  assert_int_equal(b->data[b->len], '\0');
  bufpool_give(b);
  bufpool_free(bp);
}

/* A buffer given back comes out again empty, with the room it grew to. */
static void test_reused(void **state) {
  (void)state;
  bufpool *bp = bufpool_new(1);
  pooled_buf *b = bufpool_take(bp);
  FILE *f = bufpool_stream(b);
  for (int i = 0; i < 10000; i++) fputs("0123456789", f);
  fclose(f);
  size_t cap = b->cap;
  bufpool_give(b);
  pooled_buf *again = bufpool_take(bp);
  assert_ptr_equal(again, b);
  assert_int_equal(again->len, 0);
  assert_string_equal(again->data, "");
  assert_int_equal(again->cap, cap);
  bufpool_give(again);
  bufpool_free(bp);
}

/* Only `keep` free buffers stay; the rest are freed (ASan would see a leak
 * or a double free). Two taken at once are different buffers. */
static void test_keeps_at_most(void **state) {
  (void)state;
  bufpool *bp = bufpool_new(1);
  pooled_buf *x = bufpool_take(bp), *y = bufpool_take(bp);
  assert_ptr_not_equal(x, y);
  bufpool_give(x);
  bufpool_give(y); /* past the cap: freed */
  pooled_buf *z = bufpool_take(bp);
  assert_ptr_equal(z, x);
  bufpool_give(z);
  bufpool_give(NULL);
  bufpool_free(bp);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stream_appends),
      cmocka_unit_test(test_grows),
      cmocka_unit_test(test_reused),
      cmocka_unit_test(test_keeps_at_most),
  };
  return cmocka_run_group_tests_name("bufpool", tests, NULL, NULL);
}
