/* Unit tests for case_write.c: cells, a new file, a row added to a file in
 * its own columns, and what is refused. Every file written is read back
 * with the case reader. */
#include "helpers.h"

#include "case_write.h"

static const char PACK[] =
    "pack { name = \"w\" }\n"
    "fact \"ok\" { yesno }\n"
    "fact \"kind\" { oneof { \"a\", \"b\" } }\n"
    "fact \"n\" { number }\n"
    "fact \"day\" { date }\n"
    "fact \"words\" { text }\n"
    "node \"found\" { values = { \"lo\", \"hi\" }, finding = true }\n"
    "node \"claim\" { rule = all { \"ok\", is(\"kind\", \"a\") } }\n"
    "opinion \"o\" { decides = \"claim\" }\n";

static pack *load(th_dir *d) { return th_pack(d->path, PACK); }

static case_row *make_row(const pack *p, const char *const *sets, int n) {
  err *e = NULL;
  case_row *r = cases_set_row(p, NULL, sets, n, &e);
  if (!r) {
    err_print(e, stderr);
    fail_msg("the row was refused");
  }
  return r;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char *buf = calloc(1, 1 << 16);
  size_t n = fread(buf, 1, (1 << 16) - 1, f);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

static void test_cells(void **state) {
  pack *p = load(*state);
  const char *sets[] = {"ok=y", "kind=b", "n=0.1", "day=1986-01-21", "words=say \"hi\", then go", "found=hi"};
  case_row *r = make_row(p, sets, 6);
  char *c;
  assert_string_equal(c = case_write_fact(p, r, 0), "yes"), free(c);
  assert_string_equal(c = case_write_fact(p, r, 1), "b"), free(c);
  assert_string_equal(c = case_write_fact(p, r, 2), "0.1"), free(c); /* the shortest that reads back */
  assert_string_equal(c = case_write_fact(p, r, 3), "1986-01-21"), free(c);
  assert_string_equal(c = case_write_finding(p, r, th_node(p, "found")), "hi"), free(c);
  assert_string_equal(c = case_write_finding(p, r, th_node(p, "claim")), ""), free(c);
  cases_row_free(r);
  r = make_row(p, NULL, 0);
  assert_string_equal(c = case_write_fact(p, r, 0), ""), free(c);
  assert_string_equal(c = case_write_fact(p, r, 2), ""), free(c);
  cases_row_free(r);
  pack_free(p);
}

/* The row of `path` with id `id`, read back as `ratio eval -f` reads it:
 * its facts' cells joined with '|'. */
static char *read_back(const pack *p, const char *path, const char *id) {
  err *e = NULL;
  case_reader *cr = cases_open(p, path, &e);
  if (!cr) {
    err_print(e, stderr);
    fail_msg("the file cannot be read back");
  }
  case_row row;
  char *out = NULL;
  int got;
  while ((got = cases_next(cr, &row, &e)) != 0) {
    assert_int_equal(got, 1);
    if (strcmp(row.id, id) != 0) continue;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    for (int i = 0; i < p->nfacts; i++) {
      char *c = case_write_fact(p, &row, i);
      fprintf(m, "%s%s", i ? "|" : "", c);
      free(c);
    }
    char *c = case_write_finding(p, &row, th_node(p, "found"));
    fprintf(m, "|%s", c);
    free(c);
    fclose(m);
  }
  cases_close(cr);
  assert_non_null(out);
  return out;
}

static void test_new_file_then_append(void **state) {
  th_dir *d = *state;
  pack *p = load(d);
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "mine.csv");
  const char *sets[] = {"ok=yes", "kind=a", "n=1e21", "words=a, \"b\"", "found=lo"};
  case_row *r = make_row(p, sets, 5);
  err *e = NULL;
  assert_int_equal(case_write_append(p, path, r, "first", &e), 0);
  char *text = slurp(path);
  assert_string_equal(text, "id,title,note,ok,kind,n,day,words,found\n"
                            "first,,,yes,a,1e+21,,\"a, \"\"b\"\"\",lo\n");
  free(text);
  char *back = read_back(p, path, "first");
  assert_string_equal(back, "yes|a|1e+21||a, \"b\"|lo");
  free(back);
  /* again: the id is taken */
  assert_int_equal(case_write_append(p, path, r, "first", &e), -1);
  th_err_has(e, "already has a row with the id 'first'");
  assert_int_equal(e->line, 2);
  err_free(e);
  assert_int_equal(case_write_append(p, path, r, "second", &e), 0);
  back = read_back(p, path, "second");
  assert_string_equal(back, "yes|a|1e+21||a, \"b\"|lo");
  free(back);
  cases_row_free(r);
  pack_free(p);
}

static void test_existing_columns(void **state) {
  th_dir *d = *state;
  pack *p = load(d);
  /* the file's own order, an expectation, and no line break at the end */
  th_write(d->path, "theirs.csv", "kind,id,expect.outcome,ok\na,one,yes,yes");
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "theirs.csv");
  const char *sets[] = {"ok=no", "kind=b", "n=3"};
  case_row *r = make_row(p, sets, 3);
  err *e = NULL;
  assert_int_equal(case_write_append(p, path, r, "two", &e), 0);
  char *text = slurp(path);
  assert_string_equal(text, "kind,id,expect.outcome,ok\na,one,yes,yes\nb,two,,no\n");
  free(text);
  cases_row_free(r);
  pack_free(p);
}

static void test_refused(void **state) {
  th_dir *d = *state;
  pack *p = load(d);
  case_row *r = make_row(p, NULL, 0);
  char path[PATH_MAX];
  err *e = NULL;
  /* a header that does not suit the pack */
  th_write(d->path, "other.csv", "id,nope\nx,1\n");
  th_path(path, sizeof path, d->path, "other.csv");
  assert_int_equal(case_write_append(p, path, r, "y", &e), -1);
  th_err_has(e, "unknown column 'nope'");
  err_free(e);
  char *text = slurp(path);
  assert_string_equal(text, "id,nope\nx,1\n"); /* nothing written */
  free(text);
  /* an id a case file cannot hold */
  th_path(path, sizeof path, d->path, "new.csv");
  assert_int_equal(case_write_append(p, path, r, "", &e), -1);
  th_err_has(e, "this row has no id");
  assert_null(e->file);
  err_free(e);
  assert_int_equal(access(path, F_OK), -1);
  /* not a regular file, standard input, a folder that is not there */
  assert_int_equal(case_write_append(p, d->path, r, "x", &e), -1);
  th_err_has(e, "not a regular file");
  err_free(e);
  assert_int_equal(case_write_append(p, "-", r, "x", &e), -1);
  err_free(e);
  th_path(path, sizeof path, d->path, "no");
  assert_int_equal(case_write_append(p, path, r, "x", &e), -1); /* a new file is a .csv */
  th_err_has(e, "a new one is named NAME.csv");
  err_free(e);
  assert_int_equal(access(path, F_OK), -1);
  th_path(path, sizeof path, d->path, "no/such/dir.csv");
  assert_int_equal(case_write_append(p, path, r, "x", &e), -1);
  th_err_has(e, "cannot");
  err_free(e);
  cases_row_free(r);
  pack_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_cells, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_new_file_then_append, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_existing_columns, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_refused, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
