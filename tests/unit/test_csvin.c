/* Unit tests for csvin.c: streaming CSV rows with line and column
 * positions. */
#include "helpers.h"

#include "csvin.h"

/* A reader over a copy of `text` (len bytes), through fmemopen. */
typedef struct src {
  char *buf;
  FILE *f;
  csvin_reader *r;
} src;

static void src_open(src *s, const char *text, size_t len, const char *name) {
  s->buf = xmalloc(len + 1);
  memcpy(s->buf, text, len);
  s->f = len ? fmemopen(s->buf, len, "rb") : fopen("/dev/null", "rb");
  assert_non_null(s->f);
  s->r = csvin_open_stream(s->f, name);
  assert_non_null(s->r);
}

static void src_close(src *s) {
  csvin_close(s->r);
  fclose(s->f);
  free(s->buf);
}

#define SRC_OPEN(s, lit) src_open(s, lit, sizeof(lit) - 1, "t.csv")

static void expect_field(const csvin_row *row, int i, const char *text, int line, int col) {
  assert_true(i < row->nfields);
  assert_string_equal(row->fields[i].text, text);
  assert_int_equal(row->fields[i].len, strlen(text));
  assert_int_equal(row->fields[i].line, line);
  assert_int_equal(row->fields[i].col, col);
}

static void test_basic_rows(void **state) {
  (void)state;
  src s;
  SRC_OPEN(&s, "id,a,b\nr1,yes,no\nr2,,x\n");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.nfields, 3);
  assert_int_equal(row.line, 1);
  expect_field(&row, 0, "id", 1, 1);
  expect_field(&row, 2, "b", 1, 3);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.line, 2);
  expect_field(&row, 0, "r1", 2, 1);
  expect_field(&row, 1, "yes", 2, 2);
  expect_field(&row, 2, "no", 2, 3);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.line, 3);
  expect_field(&row, 1, "", 3, 2); /* an empty cell is an empty field */
  expect_field(&row, 2, "x", 3, 3);
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  assert_int_equal(csvin_next(s.r, &row, &e), 0); /* stays at the end */
  assert_null(e);
  assert_string_equal(csvin_name(s.r), "t.csv");
  src_close(&s);
}

static void test_no_final_newline(void **state) {
  (void)state;
  src s;
  SRC_OPEN(&s, "a,b\n1,2");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.nfields, 2);
  expect_field(&row, 1, "2", 2, 2);
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  assert_null(e);
  src_close(&s);
}

static void test_bom_and_crlf(void **state) {
  (void)state;
  src s;
  SRC_OPEN(&s, "\xEF\xBB\xBFid,x\r\n1,2\r\n3,\"a\r\nb\"\r\n");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  /* the BOM is not part of the first column's name */
  expect_field(&row, 0, "id", 1, 1);
  expect_field(&row, 1, "x", 1, 2); /* no \r left on the last field */
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  expect_field(&row, 1, "2", 2, 2);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.line, 3);
  expect_field(&row, 1, "a\r\nb", 3, 2); /* kept as written inside quotes */
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  assert_null(e);
  src_close(&s);
}

static void test_bom_only_at_start(void **state) {
  (void)state;
  src s;
  SRC_OPEN(&s, "a\n\xEF\xBB\xBF" "b\n");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_string_equal(row.fields[0].text, "\xEF\xBB\xBF" "b");
  src_close(&s);
}

static void test_quoted_fields(void **state) {
  (void)state;
  src s;
  SRC_OPEN(&s, "id,note,x\n1,\"a, b\nc\nd\",after\n2,\"say \"\"hi\"\"\",\"\"\n");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.line, 2);
  assert_int_equal(row.nfields, 3);
  expect_field(&row, 0, "1", 2, 1);
  /* the quoted field starts on line 2 although it ends on line 4 */
  expect_field(&row, 1, "a, b\nc\nd", 2, 2);
  expect_field(&row, 2, "after", 4, 3);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  /* the row after a multi-line field has the right line */
  assert_int_equal(row.line, 5);
  expect_field(&row, 1, "say \"hi\"", 5, 2);
  expect_field(&row, 2, "", 5, 3);
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  src_close(&s);
}

static void test_blank_lines_skipped(void **state) {
  (void)state;
  src s;
  SRC_OPEN(&s, "a\n\n\nb\n");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  expect_field(&row, 0, "b", 4, 1);
  assert_int_equal(row.line, 4);
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  src_close(&s);
}

static void test_unterminated_quote(void **state) {
  (void)state;
  src s;
  SRC_OPEN(&s, "id,x\n1,\"abc\n2,3\n");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 2);
  assert_non_null(e);
  assert_string_equal(e->file, "t.csv");
  assert_string_equal(e->msg, "the file ends inside a quoted field, so lines 2 to 3 are one unfinished row");
  th_assert_has(e->hint, "close the quote");
  /* reported where the quote was opened */
  assert_int_equal(e->line, 2);
  err_free(e);
  e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  assert_null(e);
  src_close(&s);
}

static void test_stray_quote(void **state) {
  (void)state;
  src s;
  SRC_OPEN(&s, "id,x,y\n1,2,3\n4,ab\"c,d\n5,6,7\n");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 2);
  assert_non_null(e);
  assert_string_equal(e->file, "t.csv");
  assert_int_equal(e->line, 3);
  assert_int_equal(e->col, 2);
  th_assert_has(e->msg, "malformed quotes in this field");
  th_assert_has(e->hint, "double any quote inside it");
  err_free(e);
  e = NULL;
  /* the malformed row is skipped and reading goes on */
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_null(e);
  assert_int_equal(row.line, 4);
  expect_field(&row, 0, "5", 4, 1);
  expect_field(&row, 2, "7", 4, 3);
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  src_close(&s);
}

static void test_text_after_closing_quote(void **state) {
  (void)state;
  src s;
  SRC_OPEN(&s, "a,b,c\n1,2,\"x\"y\n3,4,5\n");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 2);
  assert_int_equal(e->line, 2);
  assert_int_equal(e->col, 3);
  err_free(e);
  e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  expect_field(&row, 0, "3", 3, 1);
  src_close(&s);
}

static void test_empty_file(void **state) {
  (void)state;
  src s;
  src_open(&s, "", 0, "empty.csv");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  assert_null(e);
  src_close(&s);
  /* a BOM alone is empty too */
  SRC_OPEN(&s, "\xEF\xBB\xBF");
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  assert_null(e);
  src_close(&s);
}

static void test_row_longer_than_chunk(void **state) {
  (void)state;
  /* a 150,000-byte quoted field with a newline in it, across three reads */
  size_t big = 150000;
  char *text = xmalloc(big + 64);
  size_t n = (size_t)sprintf(text, "id,x,y\n1,\"");
  for (size_t i = 0; i < big; i++) text[n++] = (char)('a' + i % 26);
  n += (size_t)sprintf(text + n, "\nzz\",end\n2,two,\"2\"\n");
  src s;
  src_open(&s, text, n, "long.csv");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.nfields, 3);
  assert_int_equal(row.line, 2);
  assert_int_equal(row.fields[1].len, big + 3);
  assert_int_equal(row.fields[1].line, 2);
  assert_int_equal(row.fields[1].text[0], 'a');
  assert_int_equal(row.fields[1].text[big - 1], 'a' + (big - 1) % 26);
  assert_string_equal(row.fields[1].text + big, "\nzz");
  expect_field(&row, 2, "end", 3, 3);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.line, 4);
  expect_field(&row, 1, "two", 4, 2);
  expect_field(&row, 2, "2", 4, 3);
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  assert_null(e);
  src_close(&s);
  free(text);
}

static void test_unquoted_line_longer_than_chunk(void **state) {
  (void)state;
  size_t big = 70000;
  char *text = xmalloc(big + 64);
  size_t n = (size_t)sprintf(text, "a,b\n");
  for (size_t i = 0; i < big; i++) text[n++] = 'x';
  n += (size_t)sprintf(text + n, ",tail\nlast,row\n");
  src s;
  src_open(&s, text, n, "long.csv");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.fields[0].len, big);
  expect_field(&row, 1, "tail", 2, 2);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  expect_field(&row, 0, "last", 3, 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  src_close(&s);
  free(text);
}

static void test_many_rows_lf(void **state) {
  (void)state;
  /* 30,000 rows over several reads: every row keeps its text and line */
  int rows = 30000;
  size_t cap = (size_t)rows * 40, n = 0;
  char *text = xmalloc(cap);
  for (int i = 0; i < rows; i++) n += (size_t)sprintf(text + n, "r%d,%d,\"q,%d\"\n", i, i * 7, i);
  src s;
  src_open(&s, text, n, "many.csv");
  csvin_row row;
  err *e = NULL;
  char want[32];
  for (int i = 0; i < rows; i++) {
    assert_int_equal(csvin_next(s.r, &row, &e), 1);
    assert_int_equal(row.line, i + 1);
    assert_int_equal(row.nfields, 3);
    sprintf(want, "r%d", i);
    assert_string_equal(row.fields[0].text, want);
    sprintf(want, "q,%d", i);
    assert_string_equal(row.fields[2].text, want);
    assert_int_equal(row.fields[2].line, i + 1);
  }
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  assert_null(e);
  src_close(&s);
  free(text);
}

static void test_many_rows_cr_queue_compacts(void **state) {
  (void)state;
  /* Lines ended by CR alone reach libcsv as one long piece, so many rows
   * queue at once and the row in progress is moved to the front each time
   * the queue empties. */
  int rows = 20000;
  size_t cap = (size_t)rows * 40, n = 0;
  char *text = xmalloc(cap);
  for (int i = 0; i < rows; i++) n += (size_t)sprintf(text + n, "row%d,%d,\"v%d\"\r", i, i * 3, i);
  src s;
  src_open(&s, text, n, "cr.csv");
  csvin_row row;
  err *e = NULL;
  char want[32];
  for (int i = 0; i < rows; i++) {
    assert_int_equal(csvin_next(s.r, &row, &e), 1);
    assert_int_equal(row.nfields, 3);
    sprintf(want, "row%d", i);
    assert_string_equal(row.fields[0].text, want);
    sprintf(want, "%d", i * 3);
    assert_string_equal(row.fields[1].text, want);
    sprintf(want, "v%d", i);
    assert_string_equal(row.fields[2].text, want);
    assert_int_equal(row.fields[2].col, 3);
    assert_int_equal(row.line, i + 1); /* a lone CR ends a line too */
  }
  assert_int_equal(csvin_next(s.r, &row, &e), 0);
  src_close(&s);
  free(text);
}

static void test_varying_widths(void **state) {
  (void)state;
  /* the field array handed out grows for a wide row and stays right after */
  src s;
  SRC_OPEN(&s, "a\n1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20\nz,y\n");
  csvin_row row;
  err *e = NULL;
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.nfields, 1);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.nfields, 20);
  expect_field(&row, 19, "20", 2, 20);
  assert_int_equal(csvin_next(s.r, &row, &e), 1);
  assert_int_equal(row.nfields, 2);
  expect_field(&row, 1, "y", 3, 2);
  src_close(&s);
}

static void test_open_path(void **state) {
  th_dir *d = *state;
  th_write(d->path, "c.csv", "id,x\n1,2\n");
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "c.csv");
  err *e = NULL;
  csvin_reader *r = csvin_open(path, &e);
  assert_non_null(r);
  assert_null(e);
  assert_string_equal(csvin_name(r), path);
  csvin_row row;
  assert_int_equal(csvin_next(r, &row, &e), 1);
  assert_int_equal(csvin_next(r, &row, &e), 1);
  expect_field(&row, 1, "2", 2, 2);
  assert_int_equal(csvin_next(r, &row, &e), 0);
  csvin_close(r); /* closes the file it opened */
}

static void test_open_missing(void **state) {
  th_dir *d = *state;
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "missing.csv");
  err *e = NULL;
  assert_null(csvin_open(path, &e));
  assert_non_null(e);
  assert_string_equal(e->file, path);
  assert_int_equal(e->line, 0);
  th_assert_has(e->msg, "cannot open case file: ");
  th_assert_has(e->msg, "No such file");
  err_free(e);
  csvin_close(NULL); /* NULL is fine */
}

static void test_open_stdin_name(void **state) {
  (void)state;
  err *e = NULL;
  csvin_reader *r = csvin_open("-", &e);
  assert_non_null(r);
  assert_string_equal(csvin_name(r), "<stdin>");
  csvin_close(r); /* does not close stdin */
  assert_true(fileno(stdin) >= 0);
}

/* A sink of one's own, called by libcsv directly: it counts the fields,
 * asks each field's line, and sees each row end with the count still set;
 * csvin_pump stops after each row and resets the count. */
typedef struct counting_sink {
  csvin_sink sink;
  csvin_reader *r;
  int lines[8], nfields, rows, cols_at_end;
} counting_sink;

static void count_field(void *text, size_t len, void *sink) {
  counting_sink *c = sink;
  int col = ++c->sink.col;
  if (col <= 8) c->lines[col - 1] = csvin_field_line(c->r, text, len);
  c->nfields = col;
}

static void count_row(csvin_sink *sink) {
  counting_sink *c = (counting_sink *)sink;
  c->rows++;
  c->cols_at_end = sink->col;
}

static void test_pump_with_a_sink(void **state) {
  (void)state;
  src s;
  SRC_OPEN(&s, "a,b\n\"x\ny\",z,w\n\nlast,\"q\"");
  counting_sink c = {.sink = {count_field, count_row, NULL, 0, false}, .r = s.r};
  err *e = NULL;
  assert_int_equal(csvin_pump(s.r, &c.sink, &e), 1);
  assert_int_equal(c.rows, 1);
  assert_int_equal(c.cols_at_end, 2);
  assert_int_equal(c.sink.col, 0);
  assert_int_equal(c.lines[0], 1);
  assert_int_equal(csvin_pump(s.r, &c.sink, &e), 1);
  assert_int_equal(c.cols_at_end, 3);
  assert_int_equal(c.lines[0], 2); /* a quoted field over two lines starts on the first */
  assert_int_equal(c.lines[1], 3);
  assert_int_equal(c.lines[2], 3);
  assert_int_equal(csvin_pump(s.r, &c.sink, &e), 1); /* the blank line is no row */
  assert_int_equal(c.rows, 3);
  assert_int_equal(c.cols_at_end, 2);
  assert_int_equal(c.lines[0], 5);
  assert_int_equal(csvin_pump(s.r, &c.sink, &e), 0);
  assert_null(e);
  src_close(&s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_basic_rows),
      cmocka_unit_test(test_no_final_newline),
      cmocka_unit_test(test_bom_and_crlf),
      cmocka_unit_test(test_bom_only_at_start),
      cmocka_unit_test(test_quoted_fields),
      cmocka_unit_test(test_blank_lines_skipped),
      cmocka_unit_test(test_unterminated_quote),
      cmocka_unit_test(test_stray_quote),
      cmocka_unit_test(test_text_after_closing_quote),
      cmocka_unit_test(test_empty_file),
      cmocka_unit_test(test_row_longer_than_chunk),
      cmocka_unit_test(test_unquoted_line_longer_than_chunk),
      cmocka_unit_test(test_many_rows_lf),
      cmocka_unit_test(test_many_rows_cr_queue_compacts),
      cmocka_unit_test(test_varying_widths),
      cmocka_unit_test(test_pump_with_a_sink),
      cmocka_unit_test_setup_teardown(test_open_path, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_open_missing, th_dir_setup, th_dir_teardown),
      cmocka_unit_test(test_open_stdin_name),
  };
  return cmocka_run_group_tests_name("csvin", tests, NULL, NULL);
}
