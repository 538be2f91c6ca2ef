/* Hostile case files that are too big for a golden file: a one-megabyte
 * field (read whole), a row past CSVIN_MAX_ROW and a quote that is never
 * closed in a big file (reading stops, memory stays bounded); and the
 * duplicate-id table. The files are built in a fresh folder under /tmp. */
#include "helpers.h"

#include "csvin.h"

static const char pack_src[] =
    "pack { name = \"cells\" }\n"
    "fact \"served\" { yesno, ask = \"Served?\" }\n"
    "fact \"remark\" { text, ask = \"Anything else?\", optional = true }\n"
    "node \"ok\" { rule = yes \"served\" }\n"
    "opinion \"majority\" { decides = \"ok\" }\n";

/* Write "id,served,remark", a row "big,yes,<n bytes of x>" (quoted when
 * `quoted`, and left open when `open`), then a row "after,no,". */
static void write_big(const char *dir, size_t n, bool quoted, bool open) {
  char path[PATH_MAX];
  th_path(path, sizeof path, dir, "big.csv");
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs("id,served,remark\nbig,yes,", f);
  if (quoted) fputc('"', f);
  char block[4096];
  memset(block, 'x', sizeof block);
  for (size_t left = n; left > 0;) {
    size_t k = left < sizeof block ? left : sizeof block;
    assert_int_equal(fwrite(block, 1, k, f), k);
    left -= k;
  }
  if (quoted && !open) fputc('"', f);
  fputs("\nafter,no,\n", f);
  assert_int_equal(fclose(f), 0);
}

static case_reader *open_big(th_dir *d, pack **p) {
  *p = th_pack(d->path, pack_src);
  char path[PATH_MAX];
  err *e = NULL;
  case_reader *r = cases_open(*p, th_path(path, sizeof path, d->path, "big.csv"), &e);
  assert_null(e);
  assert_non_null(r);
  return r;
}

/* A 1 MB field, quoted or not, is read whole, and the next row after it. */
static void check_megabyte_field(th_dir *d, bool quoted) {
  write_big(d->path, 1000000, quoted, false);
  pack *p;
  case_reader *r = open_big(d, &p);
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_string_equal(row.id, "big");
  int remark = th_fact(p, "remark");
  assert_int_equal(strlen(row.facts[remark].text), 1000000);
  assert_int_equal(row.facts[remark].text[999999], 'x');
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_string_equal(row.id, "after");
  assert_int_equal(row.line, 3);
  assert_int_equal(cases_next(r, &row, &e), 0);
  cases_close(r);
  pack_free(p);
}

static void test_megabyte_field(void **state) { check_megabyte_field(*state, false); }
static void test_megabyte_quoted_field(void **state) { check_megabyte_field(*state, true); }

/* A field past the row limit stops the reading with a clear error at the
 * row's line, rather than growing memory. */
static void test_row_too_long(void **state) {
  th_dir *d = *state;
  write_big(d->path, CSVIN_MAX_ROW + 100000, false, false);
  pack *p;
  case_reader *r = open_big(d, &p);
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), -1);
  assert_non_null(e);
  assert_int_equal(e->line, 2);
  assert_int_equal(e->col, 3);
  assert_non_null(strstr(e->msg, "longer than 8 MiB"));
  err_free(e);
  e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 0);
  cases_close(r);
  pack_free(p);
}

/* A quote opened and never closed, in a file longer than the limit: the
 * same, at the line where the quote opened. */
static void test_open_quote_in_big_file(void **state) {
  th_dir *d = *state;
  write_big(d->path, CSVIN_MAX_ROW + 100000, true, true);
  pack *p;
  case_reader *r = open_big(d, &p);
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), -1);
  assert_int_equal(e->line, 2);
  err_free(e);
  cases_close(r);
  pack_free(p);
}

/* An open quote in a small file: one error record that names the lines
 * it swallowed, then the end. */
static void test_open_quote_small(void **state) {
  th_dir *d = *state;
  th_write(d->path, "big.csv", "id,served,remark\na,yes,\"open\nb,no,\nc,no,\n");
  pack *p;
  case_reader *r = open_big(d, &p);
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_string_equal(row.id, "a");
  assert_int_equal(e->line, 2);
  assert_int_equal(e->col, 3);
  assert_non_null(strstr(e->msg, "lines 2 to 4"));
  err_free(e);
  e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 0);
  cases_close(r);
  pack_free(p);
}

/* Cells: NUL bytes and every kind of bad UTF-8 are refused with the column;
 * good multibyte text passes. */
static void test_cell_bytes(void **state) {
  th_dir *d = *state;
  static const struct {
    const char *cell;
    size_t len;
    int bad; /* 0 good, else 1-based byte */
  } cases[] = {
      {"caf\xc3\xa9", 5, 0},        {"\xe2\x82\xac", 3, 0},      {"\xf0\x9f\x98\x80", 4, 0},
      {"\xf4\x8f\xbf\xbf", 4, 0},   {"a\xff", 2, 2},             {"\xc0\xaf", 2, 1},
      {"\xe0\x80\xaf", 3, 1},       {"\xed\xa0\x80", 3, 1},      {"\xf4\x90\x80\x80", 4, 1},
      {"\xf5\x80\x80\x80", 4, 1},   {"ab\xe2\x82", 4, 3},        {"\x80", 1, 1},
      {"x\0y", 3, 2},
      /* ASCII is checked eight bytes at a time: bad bytes at each edge */
      {"abcdefg\x80", 8, 8},       {"abcdefgh\0ij", 11, 9},   {"abcdefghijklmno\xff", 16, 16},
      {"abcdefghijklmnopq", 17, 0}, {"abcdefghijklmnop\xc3\xa9", 18, 0}, {"\x7f\x01" "abcdefghij\x7f", 13, 0},
      {"abcdefghijklmnopqrstuvwxy\0", 26, 26},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char text[64];
    int n = snprintf(text, sizeof text, "id,served,remark\nr,yes,");
    memcpy(text + n, cases[i].cell, cases[i].len);
    memcpy(text + n + cases[i].len, "\n", 2);
    th_write_n(d->path, "big.csv", text, (size_t)n + cases[i].len + 1);
    pack *p;
    case_reader *r = open_big(d, &p);
    case_row row;
    err *e = NULL;
    int rc = cases_next(r, &row, &e);
    if (cases[i].bad) {
      assert_int_equal(rc, 2);
      assert_int_equal(e->col, 3);
      char want[32];
      snprintf(want, sizeof want, "byte %d of the cell", cases[i].bad);
      assert_non_null(strstr(e->msg, want));
      err_free(e);
    } else {
      assert_int_equal(rc, 1);
      assert_null(e);
    }
    cases_close(r);
    pack_free(p);
  }
}

/* The id table: exact among the ids it keeps; blank ids ignored; once
 * full, later ids are still checked against the kept ones. */
static void test_case_ids(void **state) {
  (void)state;
  case_ids *t = case_ids_new();
  assert_int_equal(case_ids_check(t, "a", 2), 0);
  assert_int_equal(case_ids_check(t, "b", 3), 0);
  assert_int_equal(case_ids_check(t, "", 4), 0);
  assert_int_equal(case_ids_check(t, "", 5), 0);
  assert_int_equal(case_ids_check(t, "a", 6), 2);
  assert_int_equal(case_ids_check(t, "a", 7), 2);
  char id[32];
  for (int i = 0; i < CASE_IDS_MAX + 1000; i++) {
    snprintf(id, sizeof id, "row%d", i);
    assert_int_equal(case_ids_check(t, id, 10 + i), 0);
  }
  /* kept: an early id; not kept: one past the table's room */
  assert_int_equal(case_ids_check(t, "row5", 1), 15);
  snprintf(id, sizeof id, "row%d", CASE_IDS_MAX + 500);
  assert_int_equal(case_ids_check(t, id, 1), 0);
  case_ids_free(t);
}

/* Reports of reused ids: the first CASE_DUPS_SHOWN in full, then a count. */
static void test_case_dups(void **state) {
  (void)state;
  case_dups d = {0};
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  case_dups_print(&d, out);
  fflush(out);
  assert_int_equal(len, 0);
  for (int i = 0; i < CASE_DUPS_SHOWN + 3; i++) case_dups_add(&d, "x.csv", 10 + i, 1, "a", 2);
  assert_int_equal(d.count, CASE_DUPS_SHOWN + 3);
  case_dups_print(&d, out);
  fclose(out);
  th_assert_has(text, "x.csv:10:1: error: id 'a' is used again (first on line 2); give every row a unique id\n");
  th_assert_has(text, "x.csv:29:1: error: id 'a' is used again");
  th_assert_lacks(text, "x.csv:30:1:");
  assert_true(th_ends_with(text, "ratio: 3 more rows reuse an earlier row's id\n"));
  free(text);
  case_dups_free(&d);
  case_dups_free(&d); /* twice is harmless */
}

/* The one message for a reused id, with its position; a long id is cut. */
static void test_case_ids_error(void **state) {
  (void)state;
  err *e = case_ids_error("x.csv", 4, 2, "a", 2);
  assert_string_equal(e->file, "x.csv");
  assert_int_equal(e->line, 4);
  assert_int_equal(e->col, 2);
  assert_string_equal(e->msg, "id 'a' is used again (first on line 2)");
  assert_string_equal(e->hint, "give every row a unique id");
  err_free(e);
  char id[100];
  memset(id, 'z', sizeof id - 1);
  id[sizeof id - 1] = '\0';
  e = case_ids_error("x.csv", 9, 1, id, 3);
  assert_int_equal((int)strlen(e->msg), (int)strlen("id '' is used again (first on line 3)") + 60 + 3);
  th_assert_has(e->msg, "zzz...' is used again");
  err_free(e);
}

/* The two-step check: a blank id hashes to 0 and is never a duplicate;
 * ids that differ in one byte, at either end or past eight bytes, hash
 * apart; prefetching changes nothing; both ways of checking agree. */
static void test_case_ids_by_hash(void **state) {
  (void)state;
  assert_int_equal(case_id_hash(""), 0);
  assert_int_equal(case_id_hash(NULL), 0);
  static const char *ids[] = {"a", "b", "ab", "ba", "abcdefgh", "abcdefgi", "bbcdefgh", "abcdefghi",
                              "abcdefghij", "abcdefghijklmnopq", "abcdefghijklmnopr", "a\xc3\xa9"};
  size_t n = sizeof ids / sizeof *ids;
  for (size_t i = 0; i < n; i++) {
    assert_true(case_id_hash(ids[i]) != 0);
    assert_true(case_id_hash(ids[i]) == case_id_hash(ids[i]));
    for (size_t k = 0; k < i; k++) assert_true(case_id_hash(ids[i]) != case_id_hash(ids[k]));
  }
  case_ids *t = case_ids_new();
  case_ids_prefetch(t, 0);
  assert_int_equal(case_ids_check_hash(t, 0, 1), 0);
  for (size_t i = 0; i < n; i++) {
    uint64_t h = case_id_hash(ids[i]);
    case_ids_prefetch(t, h);
    assert_int_equal(case_ids_check_hash(t, h, (int)i + 2), 0);
  }
  for (size_t i = 0; i < n; i++) assert_int_equal(case_ids_check(t, ids[i], 100), (int)i + 2);
  case_ids_free(t);
}

/* A header of a million unknown columns (8 MB, within a row's limit) is
 * refused with a bounded list of messages, the rest counted; a bad value
 * of a megabyte is quoted in part. */
static void test_million_column_header(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, pack_src);
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "wide.csv");
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs("id,served,served", f);
  for (int i = 0; i < 1000000; i++) fprintf(f, ",x%06d", i);
  fputs("\nr1,yes,yes\n", f);
  assert_int_equal(fclose(f), 0);
  err *e = NULL;
  assert_null(cases_open(p, path, &e));
  assert_non_null(e);
  assert_true(err_count(e) <= 2 * 10 + 2);
  size_t bytes = 0;
  const err *last = e;
  for (const err *x = e; x; x = x->next) {
    bytes += strlen(x->msg) + (x->hint ? strlen(x->hint) : 0);
    last = x;
  }
  assert_true(bytes < 8192);
  assert_string_equal(last->msg, "and 999,990 more unknown columns");
  th_assert_has(e->msg, "column 'served' appears twice");
  err_free(e);
  pack_free(p);
}

static void test_huge_bad_value_is_quoted_in_part(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, pack_src);
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "cell.csv");
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs("id,served\nr1,", f);
  for (int i = 0; i < 1 << 20; i++) fputc('m', f);
  fputs("\n", f);
  assert_int_equal(fclose(f), 0);
  err *e = NULL;
  case_reader *r = cases_open(p, path, &e);
  assert_non_null(r);
  case_row row;
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_non_null(e);
  assert_true(strlen(e->msg) < 400);
  th_assert_has(e->msg, "bytes cut]");
  err_free(e);
  cases_close(r);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_case_ids_by_hash),
      cmocka_unit_test_setup_teardown(test_megabyte_field, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_megabyte_quoted_field, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_row_too_long, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_open_quote_in_big_file, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_open_quote_small, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_cell_bytes, th_dir_setup, th_dir_teardown),
      cmocka_unit_test(test_case_ids),
      cmocka_unit_test(test_case_ids_error),
      cmocka_unit_test(test_case_dups),
      cmocka_unit_test_setup_teardown(test_million_column_header, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_huge_bad_value_is_quoted_in_part, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
