/* Unit tests for cases.c: case file headers and typed rows against a pack. */
#include "helpers.h"

#include "cases.h"
#include "eval.h"

static const char *PACK =
    "pack { name = \"c\", title = \"C\" }\n"
    "fact \"negligent\" { yesno }\n"
    "fact \"status\" { oneof { \"prisoner\", \"pretrial_detainee\", \"free\" } }\n"
    "fact \"days\" { number }\n"
    "fact \"filed\" { date }\n"
    "fact \"who\" { text }\n"
    "node \"culpability\" { values = { \"intentional\", \"negligent\", \"none\" }, finding = true,\n"
    "  rule = first { when \"negligent\" :gives \"negligent\", otherwise \"none\" } }\n"
    "node \"harm\" { finding = true }\n"
    "node \"claim\" { rule = all { \"negligent\", is(\"culpability\", \"intentional\") } }\n"
    "opinion \"majority\" { decides = \"claim\" }\n"
    "opinion \"dissent\" { base = \"majority\" }\n";

typedef struct fx {
  th_dir dir;
  pack *p;
  char csv[PATH_MAX];
} fx;

static int fx_setup(void **state) {
  TH_FIXTURE(fx, f, state);
  f->p = th_pack(f->dir.path, PACK);
  th_path(f->csv, sizeof f->csv, f->dir.path, "cases.csv");
  return 0;
}

static int fx_teardown(void **state) {
  fx *f = *state;
  pack_free(f->p);
  th_rm_rf(f->dir.path);
  free(f);
  return 0;
}

/* Open `text` as the case file, expecting the header to be fine. */
static case_reader *open_ok(fx *f, const char *text) {
  th_write(f->dir.path, "cases.csv", text);
  err *e = NULL;
  case_reader *r = cases_open(f->p, f->csv, &e);
  if (!r) {
    err_print(e, stderr);
    err_free(e);
    fail_msg("the header should be fine");
  }
  return r;
}

/* Open `text`, expecting header errors; returns them. */
static err *open_bad(fx *f, const char *text) {
  th_write(f->dir.path, "cases.csv", text);
  err *e = NULL;
  case_reader *r = cases_open(f->p, f->csv, &e);
  if (r) {
    cases_close(r);
    fail_msg("the header should have been refused");
  }
  assert_non_null(e);
  return e;
}

/* ---- headers ------------------------------------------------------------------ */

static void test_header_ok_and_expect_cols(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,title,note,negligent,culpability,expect.outcome,"
                              "expect.disposition@majority,expect.claim@dissent\n");
  assert_string_equal(cases_name(r), f->csv);
  int n = -1;
  const case_expect_col *c = cases_expect_cols(r, &n);
  assert_int_equal(n, 3);
  assert_int_equal(c[0].col, 6);
  assert_int_equal(c[0].kind, EXPECT_OUTCOME);
  assert_int_equal(c[0].opinion, -1);
  assert_string_equal(c[0].header, "expect.outcome");
  assert_int_equal(c[1].col, 7);
  assert_int_equal(c[1].kind, EXPECT_DISPOSITION);
  assert_int_equal(c[1].opinion, 0);
  assert_int_equal(c[2].col, 8);
  assert_int_equal(c[2].kind, EXPECT_NODE);
  assert_int_equal(c[2].node, pack_node_index(f->p, "claim"));
  assert_int_equal(c[2].opinion, 1);
  assert_string_equal(c[2].header, "expect.claim@dissent");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 0); /* no rows */
  cases_close(r);
}

static void test_header_unknown_column(void **state) {
  fx *f = *state;
  err *e = open_bad(f, "id,neglignet,status\n");
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->file, f->csv);
  assert_int_equal(e->line, 1);
  assert_int_equal(e->col, 2);
  assert_string_equal(e->msg, "unknown column 'neglignet'");
  assert_string_equal(e->hint, "did you mean 'negligent'?");
  err_free(e);
  e = open_bad(f, "id,status,zebra\n");
  assert_int_equal(e->col, 3);
  assert_string_equal(e->msg, "unknown column 'zebra'");
  th_assert_has(e->hint, "columns are id, title, note, expect.*");
  err_free(e);
  /* finding columns are suggested too, but not the nodes rules decide */
  e = open_bad(f, "id,culpabilty\n");
  assert_string_equal(e->hint, "did you mean 'culpability'?");
  err_free(e);
}

static void test_header_duplicate_column(void **state) {
  fx *f = *state;
  err *e = open_bad(f, "id,days,status,days\n");
  assert_int_equal(err_count(e), 1);
  assert_int_equal(e->line, 1);
  assert_int_equal(e->col, 4);
  assert_string_equal(e->msg, "column 'days' appears twice (also column 2)");
  assert_string_equal(e->hint, "keep one of them");
  err_free(e);
}

static void test_header_missing_id(void **state) {
  fx *f = *state;
  err *e = open_bad(f, "title,negligent\n");
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "the header has no 'id' column");
  assert_int_equal(e->line, 1);
  th_assert_has(e->hint, "add a column id");
  err_free(e);
}

static void test_header_rule_node_column(void **state) {
  fx *f = *state;
  err *e = open_bad(f, "id,claim\n");
  assert_int_equal(e->col, 2);
  assert_string_equal(e->msg, "column 'claim': node claim is decided by its rule and cannot be supplied by a row");
  th_assert_has(e->hint, "finding = true");
  err_free(e);
}

static void test_header_empty_name(void **state) {
  fx *f = *state;
  err *e = open_bad(f, "id,,days\n");
  assert_int_equal(e->col, 2);
  assert_string_equal(e->msg, "column 2 has an empty name");
  err_free(e);
}

static void test_header_bad_expect(void **state) {
  fx *f = *state;
  err *e = open_bad(f, "id,expect.clam\n");
  assert_int_equal(e->col, 2);
  assert_string_equal(e->msg, "column 'expect.clam': 'clam' is not outcome, disposition or a node of the pack");
  assert_string_equal(e->hint, "did you mean 'expect.claim'?");
  err_free(e);
  e = open_bad(f, "id,expect.outcom\n");
  assert_string_equal(e->hint, "did you mean 'expect.outcome'?");
  err_free(e);
  e = open_bad(f, "id,negligent,expect.outcome@majorty\n");
  assert_int_equal(e->col, 3);
  assert_string_equal(e->msg, "column 'expect.outcome@majorty': no opinion 'majorty' in the pack");
  assert_string_equal(e->hint, "did you mean '@majority'?");
  err_free(e);
}

static void test_header_all_errors_at_once(void **state) {
  fx *f = *state;
  err *e = open_bad(f, "id,neglignet,days,days,claim,expect.x\n");
  assert_int_equal(err_count(e), 4);
  assert_int_equal(e->col, 2);
  assert_int_equal(e->next->col, 4);
  assert_int_equal(e->next->next->col, 5);
  assert_int_equal(e->next->next->next->col, 6);
  err_free(e);
}

static void test_empty_and_missing_file(void **state) {
  fx *f = *state;
  err *e = open_bad(f, "");
  assert_string_equal(e->msg, "the case file is empty");
  assert_int_equal(e->line, 1);
  th_assert_has(e->hint, "--template");
  err_free(e);
  char path[PATH_MAX];
  th_path(path, sizeof path, f->dir.path, "none.csv");
  e = NULL;
  assert_null(cases_open(f->p, path, &e));
  th_assert_has(e->msg, "cannot open case file");
  err_free(e);
  cases_close(NULL);
}

static void test_header_broken_csv(void **state) {
  fx *f = *state;
  err *e = open_bad(f, "id,\"negligent\n");
  th_assert_has(e->msg, "the file ends inside a quoted field");
  err_free(e);
}

/* ---- rows ---------------------------------------------------------------------- */

static void test_rows_typed_values(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,title,note,negligent,status,days,filed,who,culpability,harm,expect.outcome\n"
                              "r1,First,\"a note, with comma\",Yes,pretrial_detainee,8.5,1986-01-21,Ann,negligent,no,yes\n"
                              "r2,,,,,,,,,,\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_null(e);
  assert_string_equal(row.id, "r1");
  assert_string_equal(row.title, "First");
  assert_string_equal(row.note, "a note, with comma");
  assert_int_equal(row.line, 2);
  assert_int_equal(row.number, 1);
  const pack *p = f->p;
  case_value *v = &row.facts[pack_fact_index(p, "negligent")];
  assert_int_equal(v->v, RV_YES);
  assert_int_equal(v->col, 4);
  v = &row.facts[pack_fact_index(p, "status")];
  assert_int_equal(v->v, 1);
  assert_int_equal(v->col, 5);
  v = &row.facts[pack_fact_index(p, "days")];
  assert_int_equal(v->v, RV_YES);
  assert_float_equal(v->num, 8.5, 0);
  v = &row.facts[pack_fact_index(p, "filed")];
  assert_int_equal(v->v, RV_YES);
  assert_float_equal(v->num, pack_parse_date("1986-01-21", 10), 0);
  assert_string_equal(v->text, "1986-01-21");
  v = &row.facts[pack_fact_index(p, "who")];
  assert_int_equal(v->v, RV_YES);
  assert_string_equal(v->text, "Ann");
  int culp = pack_node_index(p, "culpability"), harm = pack_node_index(p, "harm");
  int claim = pack_node_index(p, "claim");
  assert_true(row.has_finding[culp]);
  assert_int_equal(row.findings[culp], 1);
  assert_true(row.has_finding[harm]);
  assert_int_equal(row.findings[harm], RV_NO);
  assert_false(row.has_finding[claim]);
  assert_string_equal(row.expect[0], "yes");

  /* blank cells are unknown; blank title and note are absent */
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_string_equal(row.id, "r2");
  assert_null(row.title);
  assert_null(row.note);
  assert_int_equal(row.number, 2);
  assert_int_equal(row.line, 3);
  for (int i = 0; i < p->nfacts; i++) assert_int_equal(row.facts[i].v, RV_UNKNOWN);
  assert_false(row.has_finding[culp]);
  assert_false(row.has_finding[harm]);
  assert_null(row.expect[0]);
  assert_int_equal(cases_next(r, &row, &e), 0);
  cases_close(r);
}

static void test_rows_missing_columns_unknown(void **state) {
  fx *f = *state;
  /* facts without a column, and short rows, are unknown with col 0 */
  case_reader *r = open_ok(f, "id,negligent\nr1\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_int_equal(row.facts[pack_fact_index(f->p, "negligent")].v, RV_UNKNOWN);
  assert_int_equal(row.facts[pack_fact_index(f->p, "days")].v, RV_UNKNOWN);
  assert_int_equal(row.facts[pack_fact_index(f->p, "days")].col, 0);
  cases_close(r);
}

static void test_row_bad_yesno(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,status,negligent\nr1,free,maybe\nr2,free,n\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_non_null(e);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->file, f->csv);
  assert_int_equal(e->line, 2);
  assert_int_equal(e->col, 3);
  assert_string_equal(e->msg, "negligent: 'maybe' is not yes or no");
  th_assert_has(e->hint, "y/n, true/false, 1/0");
  /* the row still has its id and line */
  assert_string_equal(row.id, "r1");
  assert_int_equal(row.line, 2);
  err_free(e);
  e = NULL;
  /* and reading goes on with the next row */
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_null(e);
  assert_string_equal(row.id, "r2");
  assert_int_equal(row.facts[pack_fact_index(f->p, "negligent")].v, RV_NO);
  cases_close(r);
}

static void test_row_enum_typo(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,negligent,status\n\"r1\",yes,prisonr\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_int_equal(e->line, 2);
  assert_int_equal(e->col, 3);
  assert_string_equal(e->msg, "status: 'prisonr' is not one of prisoner, pretrial_detainee, free");
  assert_string_equal(e->hint, "did you mean 'prisoner'?");
  char *s = NULL;
  size_t n = 0;
  FILE *m = open_memstream(&s, &n);
  err_print(e, m);
  fclose(m);
  th_assert_has(s, "cases.csv:2:3: error: status: 'prisonr' is not one of prisoner, pretrial_detainee, free; did you mean 'prisoner'?\n");
  free(s);
  err_free(e);
  cases_close(r);
}

static void test_row_enum_far_off(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,status\nr1,martian\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_string_equal(e->hint, "leave the cell blank if the answer is unknown");
  err_free(e);
  cases_close(r);
}

static void test_row_bad_number_and_date(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,days,filed\nr1,8x,1986-02-30\nr2,0x10,86-01-01\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_int_equal(err_count(e), 2); /* every bad cell of the row */
  assert_int_equal(e->col, 2);
  assert_string_equal(e->msg, "days: '8x' is not a number");
  th_assert_has(e->hint, "plain decimal number");
  assert_int_equal(e->next->col, 3);
  assert_int_equal(e->next->line, 2);
  assert_string_equal(e->next->msg, "filed: '1986-02-30' is not a date");
  th_assert_has(e->next->hint, "YYYY-MM-DD");
  err_free(e);
  e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_int_equal(e->line, 3);
  assert_string_equal(e->msg, "days: '0x10' is not a number");
  err_free(e);
  cases_close(r);
}

static void test_row_findings(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,culpability,harm\nr1,negligant,perhaps\nr2,intentional,YES\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_int_equal(err_count(e), 2);
  assert_string_equal(e->msg, "culpability: 'negligant' is not one of intentional, negligent, none");
  assert_string_equal(e->hint, "did you mean 'negligent'?");
  assert_int_equal(e->col, 2);
  assert_string_equal(e->next->msg, "harm: 'perhaps' is not yes or no");
  assert_int_equal(e->next->col, 3);
  err_free(e);
  e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  int culp = pack_node_index(f->p, "culpability"), harm = pack_node_index(f->p, "harm");
  assert_true(row.has_finding[culp]);
  assert_int_equal(row.findings[culp], 0);
  assert_true(row.has_finding[harm]);
  assert_int_equal(row.findings[harm], RV_YES);
  cases_close(r);
}

/* The common cells are matched as words before the full path sees them:
 * both must agree on every spelling, near misses included. */
static void test_common_answers_match_full_path(void **state) {
  fx *f = *state;
  static const char *yesno[] = {"yes", "YES", "Yes", "yEs", "y", "Y", "n", "N", "no", "NO", "No", "true", "TRUE",
                                "True", "false", "FALSE", "fAlSe", "1", "0", "\x11", "\x10", "ye", "yess", "ye s",
                                "01", "+1", "@", "nO!", "Y\x05S", "\xd9", "truefalse", "yesnoyesnoyesno1"};
  static const char *status[] = {"prisoner", "PRISONER", "Prisoner", "free", "fre", "freee", "FREE",
                                 "pretrial_detainee", "pretrial_detaine", "pretrial_detaineex", "prisoner\x01"};
  size_t ny = sizeof yesno / sizeof *yesno, ns = sizeof status / sizeof *status;
  char text[4096] = "id,negligent,status\n";
  for (size_t i = 0; i < ny || i < ns; i++) {
    size_t at = strlen(text);
    snprintf(text + at, sizeof text - at, "r%zu,%s,%s\n", i, i < ny ? yesno[i] : "", i < ns ? status[i] : "");
  }
  case_reader *r = open_ok(f, text);
  int neg = pack_fact_index(f->p, "negligent"), st = pack_fact_index(f->p, "status");
  for (size_t i = 0; i < ny || i < ns; i++) {
    case_row row;
    err *e = NULL;
    int rc = cases_next(r, &row, &e);
    rval want_y = RV_UNKNOWN;
    bool ok_y = i >= ny || value_parse_yesno(yesno[i], strlen(yesno[i]), &want_y) == 0;
    int want_s = i < ns ? pack_fact_value(&f->p->facts[st], status[i], strlen(status[i])) : RV_UNKNOWN;
    bool ok_s = i >= ns || want_s >= 0;
    if (!ok_y || !ok_s) {
      if (rc != 2) fail_msg("row %zu: '%s','%s' should be refused", i, i < ny ? yesno[i] : "", i < ns ? status[i] : "");
      err_free(e);
      continue;
    }
    assert_int_equal(rc, 1);
    assert_int_equal(row.facts[neg].v, want_y);
    assert_int_equal(row.facts[st].v, want_s);
    assert_int_equal(row.facts[neg].col, 2);
  }
  cases_close(r);
}

/* A row with fewer cells than the header leaves the missing facts unknown,
 * whatever the row before held. */
static void test_short_row_forgets_last_row(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,negligent,status,who\nr1,yes,free,Ann\nr2\nr3,maybe,prisoner\nr4,,\n");
  int neg = pack_fact_index(f->p, "negligent"), st = pack_fact_index(f->p, "status"), who = pack_fact_index(f->p, "who");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_int_equal(row.facts[neg].v, RV_YES);
  assert_string_equal(row.facts[who].text, "Ann");
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_int_equal(row.facts[neg].v, RV_UNKNOWN);
  assert_int_equal(row.facts[st].v, RV_UNKNOWN);
  assert_int_equal(row.facts[who].v, RV_UNKNOWN);
  assert_null(row.facts[who].text);
  assert_int_equal(cases_next(r, &row, &e), 2);
  err_free(e);
  e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_string_equal(row.id, "r4");
  assert_int_equal(row.facts[neg].v, RV_UNKNOWN);
  assert_int_equal(row.facts[st].v, RV_UNKNOWN);
  cases_close(r);
}

/* Declared values that no table of common answers can hold apart (the same
 * word in two cases) or that do not fit it (more than twelve, longer than
 * sixteen bytes) are still read, exactly, by the full path. */
static void test_answers_the_table_cannot_hold(void **state) {
  fx *f = *state;
  pack *p = th_pack(f->dir.path,
                    "pack { name = \"w\", title = \"W\" }\n"
                    "fact \"word\" { oneof { \"Free\", \"free\", \"FREE\" } }\n"
                    "fact \"many\" { oneof { \"v1\", \"v2\", \"v3\", \"v4\", \"v5\", \"v6\", \"v7\", \"v8\", \"v9\",\n"
                    "  \"v10\", \"v11\", \"v12\", \"v13\", \"v14\", \"a_value_well_past_sixteen_bytes\" } }\n"
                    "node \"n\" { rule = is(\"word\", \"free\") }\n"
                    "opinion \"o\" { decides = \"n\" }\n");
  th_write(f->dir.path, "cases.csv",
           "id,word,many\nr1,free,a_value_well_past_sixteen_bytes\nr2,FREE,v13\nr3,Free,v14\nr4,fREE,a_value_well_past_sixteen_bytes\n");
  err *e = NULL;
  case_reader *r = cases_open(p, f->csv, &e);
  assert_non_null(r);
  int word = pack_fact_index(p, "word"), many = pack_fact_index(p, "many");
  static const int want_word[] = {1, 2, 0}, want_many[] = {14, 12, 13};
  case_row row;
  for (int i = 0; i < 3; i++) {
    assert_int_equal(cases_next(r, &row, &e), 1);
    assert_int_equal(row.facts[word].v, want_word[i]);
    assert_int_equal(row.facts[many].v, want_many[i]);
  }
  assert_int_equal(cases_next(r, &row, &e), 2); /* fREE is none of them */
  assert_non_null(strstr(e->msg, "'fREE' is not one of Free, free, FREE"));
  err_free(e);
  cases_close(r);
  pack_free(p);
}

static void test_row_missing_id(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "negligent,id\nyes,\nno,r2\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_string_equal(e->msg, "this row has no id");
  assert_int_equal(e->line, 2);
  assert_int_equal(e->col, 2); /* the id column */
  th_assert_has(e->hint, "unique id");
  assert_string_equal(row.id, "");
  err_free(e);
  e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_string_equal(row.id, "r2");
  cases_close(r);
}

static void test_row_extra_cells(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,negligent\nr1,yes,,,\nr2,yes,oops\n");
  case_row row;
  err *e = NULL;
  /* empty padding is fine */
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_null(e);
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_int_equal(e->col, 3);
  assert_int_equal(e->line, 3);
  assert_string_equal(e->msg, "this row has more cells than the header has columns (2)");
  err_free(e);
  cases_close(r);
}

static void test_row_lines_after_multiline_note(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,note,negligent\nr1,\"line one\nline two\",yes\nr2,,bad\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_int_equal(row.line, 2);
  assert_string_equal(row.note, "line one\nline two");
  assert_int_equal(cases_next(r, &row, &e), 2);
  assert_int_equal(row.line, 4);
  assert_int_equal(e->line, 4);
  assert_int_equal(e->col, 3);
  err_free(e);
  cases_close(r);
}

static void test_row_broken_file(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,negligent\nr1,yes\nr2,\"yes\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_int_equal(cases_next(r, &row, &e), 2);
  th_assert_has(e->msg, "the file ends inside a quoted field");
  assert_int_equal(e->line, 3);
  err_free(e);
  e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 0);
  cases_close(r);
}

static void test_row_values_reset_between_rows(void **state) {
  fx *f = *state;
  case_reader *r = open_ok(f, "id,negligent,harm\nr1,yes,yes\nr2\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_int_equal(cases_next(r, &row, &e), 1);
  assert_int_equal(row.facts[pack_fact_index(f->p, "negligent")].v, RV_UNKNOWN);
  assert_false(row.has_finding[pack_node_index(f->p, "harm")]);
  cases_close(r);
}

static void test_template_header(void **state) {
  fx *f = *state;
  char *h = cases_template_header(f->p);
  assert_string_equal(h, "id,title,note,negligent,status,days,filed,who,culpability,harm");
  free(h);
  /* the template is a header cases_open accepts */
  th_write(f->dir.path, "t.csv", "id,title,note,negligent,status,days,filed,who,culpability,harm\n");
  char path[PATH_MAX];
  th_path(path, sizeof path, f->dir.path, "t.csv");
  err *e = NULL;
  case_reader *r = cases_open(f->p, path, &e);
  assert_non_null(r);
  cases_close(r);
}

/* ---- rows from --set NAME=VALUE ------------------------------------------------ */

/* Build a row from sets, expecting success. */
static case_row *set_ok(const pack *p, const case_row *base, const char *const *sets, int n) {
  err *e = NULL;
  case_row *row = cases_set_row(p, base, sets, n, &e);
  if (!row) {
    err_print(e, stderr);
    err_free(e);
    fail_msg("the sets should be fine");
  }
  assert_null(e);
  return row;
}

/* Build a row from sets, expecting errors; returns them. */
static err *set_bad(const pack *p, const case_row *base, const char *const *sets, int n) {
  err *e = NULL;
  case_row *row = cases_set_row(p, base, sets, n, &e);
  if (row) {
    cases_row_free(row);
    fail_msg("the sets should have been refused");
  }
  assert_non_null(e);
  return e;
}

/* The error as printed, one line. */
static char *printed(const err *e) {
  char *s = NULL;
  size_t n = 0;
  FILE *m = open_memstream(&s, &n);
  err_print(e, m);
  fclose(m);
  return s;
}

static void test_set_row_from_nothing(void **state) {
  fx *f = *state;
  const pack *p = f->p;
  static const char *const sets[] = {"negligent=Yes", "status=pretrial_detainee", "days=8.5", "filed=1986-01-21",
                                     "who=Ann", "culpability=negligent", "harm=no", "note=a note, with comma"};
  case_row *row = set_ok(p, NULL, sets, 8);
  assert_string_equal(row->id, CASES_SET_ID);
  assert_null(row->title);
  assert_string_equal(row->note, "a note, with comma");
  assert_int_equal(row->line, 0);
  assert_int_equal(row->number, 1);
  assert_null(row->expect);
  case_value *v = &row->facts[pack_fact_index(p, "negligent")];
  assert_int_equal(v->v, RV_YES);
  assert_int_equal(v->col, 0); /* from no cell of a file */
  assert_int_equal(row->facts[pack_fact_index(p, "status")].v, 1);
  v = &row->facts[pack_fact_index(p, "days")];
  assert_int_equal(v->v, RV_YES);
  assert_float_equal(v->num, 8.5, 0);
  v = &row->facts[pack_fact_index(p, "filed")];
  assert_int_equal(v->v, RV_YES);
  assert_float_equal(v->num, pack_parse_date("1986-01-21", 10), 0);
  assert_string_equal(v->text, "1986-01-21");
  v = &row->facts[pack_fact_index(p, "who")];
  assert_int_equal(v->v, RV_YES);
  assert_string_equal(v->text, "Ann");
  int culp = pack_node_index(p, "culpability"), harm = pack_node_index(p, "harm");
  assert_true(row->has_finding[culp]);
  assert_int_equal(row->findings[culp], 1);
  assert_true(row->has_finding[harm]);
  assert_int_equal(row->findings[harm], RV_NO);
  assert_false(row->has_finding[pack_node_index(p, "claim")]);
  cases_row_free(row);
  /* no sets at all: every fact unknown, no findings */
  row = set_ok(p, NULL, NULL, 0);
  assert_string_equal(row->id, CASES_SET_ID);
  for (int i = 0; i < p->nfacts; i++) assert_int_equal(row->facts[i].v, RV_UNKNOWN);
  for (int i = 0; i < p->nnodes; i++) assert_false(row->has_finding[i]);
  cases_row_free(row);
  cases_row_free(NULL);
}

static void test_set_row_from_base(void **state) {
  fx *f = *state;
  const pack *p = f->p;
  case_reader *r = open_ok(f, "id,title,note,negligent,status,days,filed,who,culpability,harm,expect.outcome\n"
                              "r1,First,Note,yes,free,3,1986-01-21,Ann,negligent,no,yes\n");
  case_row base;
  err *e = NULL;
  assert_int_equal(cases_next(r, &base, &e), 1);
  static const char *const sets[] = {"status=prisoner", "who=Bob", "days=", "culpability=", "title=Varied", "id=r1b"};
  case_row *row = set_ok(p, &base, sets, 6);
  /* the row owns what it holds: the reader may close */
  cases_close(r);
  assert_string_equal(row->id, "r1b");
  assert_string_equal(row->title, "Varied");
  assert_string_equal(row->note, "Note");
  assert_int_equal(row->line, 2);
  assert_int_equal(row->number, 1);
  assert_int_equal(row->id_col, 1);
  assert_null(row->expect); /* written for the row as the file has it */
  case_value *v = &row->facts[pack_fact_index(p, "negligent")];
  assert_int_equal(v->v, RV_YES);
  assert_int_equal(v->col, 4); /* kept from the file */
  v = &row->facts[pack_fact_index(p, "status")];
  assert_int_equal(v->v, 0);
  assert_int_equal(v->col, 0);
  assert_int_equal(row->facts[pack_fact_index(p, "days")].v, RV_UNKNOWN); /* blanked */
  assert_string_equal(row->facts[pack_fact_index(p, "filed")].text, "1986-01-21");
  assert_string_equal(row->facts[pack_fact_index(p, "who")].text, "Bob");
  assert_false(row->has_finding[pack_node_index(p, "culpability")]);
  assert_true(row->has_finding[pack_node_index(p, "harm")]);
  cases_row_free(row);
}

/* A cell's error from a case file, for comparing with --set's. */
static err *csv_cell_err(fx *f, const char *header, const char *cell) {
  char text[512];
  snprintf(text, sizeof text, "id,%s\nr1,\"%s\"\n", header, cell);
  case_reader *r = open_ok(f, text);
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 2);
  cases_close(r);
  return e;
}

/* Values are refused as the same cell of a case file is, with the same
 * message and fix, at the option. */
static void test_set_row_bad_values(void **state) {
  fx *f = *state;
  static const struct { const char *name, *value; } bad[] = {
      {"negligent", "maybe"}, {"status", "prisonr"}, {"status", "martian"}, {"days", "$1,000"},
      {"filed", "5/1/2020"}, {"culpability", "negligant"}, {"harm", "perhaps"}, {"negligent", "y\xffs"},
      {"who", "A\xc3"}, {"filed", "1986-02-30"}};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char opt[128];
    snprintf(opt, sizeof opt, "%s=%s", bad[i].name, bad[i].value);
    const char *sets[] = {opt};
    err *e = set_bad(f->p, NULL, sets, 1);
    err *want = csv_cell_err(f, bad[i].name, bad[i].value);
    assert_int_equal(err_count(e), 1);
    assert_string_equal(e->msg, want->msg);
    assert_string_equal(e->hint, want->hint);
    assert_int_equal(e->line, 0);
    assert_int_equal(e->col, 0);
    err_free(want);
    err_free(e);
  }
  const char *sets[] = {"culpability=nope"};
  err *e = set_bad(f->p, NULL, sets, 1);
  char *s = printed(e);
  assert_string_equal(s, "--set culpability=nope: error: culpability: 'nope' is not one of intentional, negligent, none; "
                         "did you mean 'none'?\n");
  free(s);
  err_free(e);
  /* bytes that are not UTF-8 are shown escaped where the option is named */
  const char *bytes[] = {"who=A\xc3"};
  e = set_bad(f->p, NULL, bytes, 1);
  assert_string_equal(e->file, "--set who=A\\xC3");
  assert_string_equal(e->msg, "who: the cell is not valid UTF-8 (byte 2 of the cell is 0xC3)");
  err_free(e);
}

static void test_set_row_bad_names(void **state) {
  fx *f = *state;
  const pack *p = f->p;
  const char *no_eq[] = {"negligent"};
  err *e = set_bad(p, NULL, no_eq, 1);
  assert_string_equal(e->file, "--set negligent");
  assert_string_equal(e->msg, "expected FACT=VALUE");
  assert_string_equal(e->hint, "e.g. --set negligent=yes; an empty VALUE leaves the fact unknown");
  err_free(e);
  const char *no_name[] = {"=yes"};
  e = set_bad(p, NULL, no_name, 1);
  assert_string_equal(e->msg, "expected FACT=VALUE");
  err_free(e);
  const char *typo[] = {"neglignet=yes"};
  e = set_bad(p, NULL, typo, 1);
  char *s = printed(e);
  assert_string_equal(s, "--set neglignet=yes: error: unknown fact 'neglignet'; did you mean 'negligent'?\n");
  free(s);
  err_free(e);
  /* findings are suggested too */
  const char *finding_typo[] = {"culpabilty=none"};
  e = set_bad(p, NULL, finding_typo, 1);
  assert_string_equal(e->hint, "did you mean 'culpability'?");
  err_free(e);
  const char *far[] = {"zebra=yes"};
  e = set_bad(p, NULL, far, 1);
  assert_string_equal(e->msg, "unknown fact 'zebra'");
  assert_string_equal(e->hint, "set a fact or a finding of the pack (ratio facts lists them)");
  err_free(e);
  const char *rule_node[] = {"claim=yes"};
  e = set_bad(p, NULL, rule_node, 1);
  assert_string_equal(e->msg, "node claim is decided by its rule and cannot be supplied by a row");
  assert_string_equal(e->hint, "set the facts it is decided from, or mark the node finding = true in the pack");
  err_free(e);
  const char *expect[] = {"expect.outcome=yes"};
  e = set_bad(p, NULL, expect, 1);
  assert_string_equal(e->msg, "'expect.outcome' is an expectation, which a row made with --set does not have");
  err_free(e);
  const char *twice[] = {"negligent=yes", "status=free", "negligent=no"};
  e = set_bad(p, NULL, twice, 3);
  assert_int_equal(err_count(e), 1);
  s = printed(e);
  assert_string_equal(s, "--set negligent=no: error: 'negligent' is set twice (first by --set negligent=yes); keep one of them\n");
  free(s);
  err_free(e);
  const char *finding_twice[] = {"harm=yes", "harm="};
  e = set_bad(p, NULL, finding_twice, 2);
  assert_string_equal(e->msg, "'harm' is set twice (first by --set harm=yes)");
  err_free(e);
  const char *no_id[] = {"id="};
  e = set_bad(p, NULL, no_id, 1);
  assert_string_equal(e->msg, "this row has no id");
  assert_string_equal(e->hint, "give every row a unique id");
  err_free(e);
  /* every bad option at once, in order */
  const char *many[] = {"days=x", "negligent=yes", "zebra=1", "who=ok", "status=nope"};
  e = set_bad(p, NULL, many, 5);
  assert_int_equal(err_count(e), 3);
  assert_string_equal(e->file, "--set days=x");
  assert_string_equal(e->next->file, "--set zebra=1");
  assert_string_equal(e->next->next->file, "--set status=nope");
  err_free(e);
  /* a long option is cut where it is named, as messages cut what they quote */
  char longopt[400];
  snprintf(longopt, sizeof longopt, "who=%0300d", 0);
  const char *one_long[] = {longopt, longopt};
  e = set_bad(p, NULL, one_long, 2);
  th_assert_has(e->file, "[224 bytes cut]");
  assert_true(strlen(e->file) < 120);
  err_free(e);
}

/* A row's facts and findings as --set options. */
static int row_as_sets(const pack *p, const case_row *row, char **out) {
  int n = 0;
  for (int i = 0; i < p->nfacts; i++) {
    const pack_fact *pf = &p->facts[i];
    const case_value *v = &row->facts[i];
    if (v->v == RV_UNKNOWN) continue;
    switch (pf->type) {
    case FACT_YESNO: out[n++] = xasprintf("%s=%s", pf->name, v->v == RV_YES ? "yes" : "no"); break;
    case FACT_ENUM: out[n++] = xasprintf("%s=%s", pf->name, pf->values[v->v]); break;
    case FACT_NUMBER: out[n++] = xasprintf("%s=%.17g", pf->name, v->num); break;
    case FACT_DATE:
    case FACT_TEXT: out[n++] = xasprintf("%s=%s", pf->name, v->text); break;
    }
  }
  for (int i = 0; i < p->nnodes; i++)
    if (row->has_finding[i]) out[n++] = xasprintf("%s=%s", p->nodes[i].name, pack_node_value_name(&p->nodes[i], row->findings[i]));
  return n;
}

/* Two rows decided alike under every opinion: outcome, disposition, scope,
 * and every node's state, value and openness. */
static void assert_same_decisions(const pack *p, eval_ctx *c, const case_row *a, const case_row *b) {
  int nn = p->nnodes;
  node_state *st = calloc((size_t)nn + 1, sizeof *st);
  rval *val = calloc((size_t)nn + 1, sizeof *val);
  int *open = calloc((size_t)nn + 1, sizeof *open);
  for (int op = 0; op < p->nopinions; op++) {
    err *e = NULL;
    assert_int_equal(eval_row(c, op, a, &e), 0);
    rval outcome = eval_outcome(c);
    const char *disp = eval_disposition(c);
    int outside = eval_outside(c);
    for (int n = 0; n < nn; n++) {
      st[n] = eval_node_state(c, n);
      val[n] = eval_node_value(c, n);
      open[n] = eval_node_open(c, n);
    }
    assert_int_equal(eval_row(c, op, b, &e), 0);
    assert_int_equal(eval_outcome(c), outcome);
    if (disp || eval_disposition(c)) assert_string_equal(eval_disposition(c), disp);
    assert_int_equal(eval_outside(c), outside);
    for (int n = 0; n < nn; n++) {
      assert_int_equal(eval_node_state(c, n), st[n]);
      assert_int_equal(eval_node_value(c, n), val[n]);
      assert_int_equal(eval_node_open(c, n), open[n]);
    }
  }
  free(st);
  free(val);
  free(open);
}

/* A row varied by --set is decided as the same row written out in a case
 * file is. */
static void test_set_row_decides_as_csv(void **state) {
  fx *f = *state;
  const pack *p = f->p;
  case_reader *r = open_ok(f, "id,negligent,status,days,culpability,harm\n"
                              "r1,no,free,3,,yes\n"
                              "r2,yes,prisoner,,intentional,yes\n");
  case_row row;
  err *e = NULL;
  assert_int_equal(cases_next(r, &row, &e), 1);
  static const char *const sets[] = {"negligent=yes", "status=prisoner", "days=", "culpability=intentional"};
  case_row *varied = set_ok(p, &row, sets, 4);
  assert_int_equal(cases_next(r, &row, &e), 1);
  eval_ctx *c = eval_new(p);
  assert_same_decisions(p, c, &row, varied);
  assert_int_equal(eval_row(c, 0, varied, &e), 0);
  assert_int_equal(eval_outcome(c), RV_YES);
  eval_free(c);
  cases_row_free(varied);
  cases_close(r);
}

/* Every row of the shipped packs' case files, rebuilt from --set options
 * alone, is decided as the file's row is. */
static void test_set_rows_of_shipped_packs(void **state) {
  (void)state;
  static const char *const packs[] = {"rules/due_process", "rules/negligence"};
  int rows = 0;
  for (size_t k = 0; k < sizeof packs / sizeof *packs; k++) {
    err *e = NULL;
    pack *p = pack_load(packs[k], NULL, &e);
    if (!p) fail_msg("the shipped pack %s does not load", packs[k]);
    eval_ctx *c = eval_new(p);
    char **sets = calloc((size_t)(p->nfacts + p->nnodes) + 1, sizeof *sets);
    for (int i = 0; i < p->ncases; i++) {
      case_reader *cr = cases_open(p, p->cases[i], &e);
      if (!cr) fail_msg("cannot read %s", p->cases[i]);
      case_row row;
      while (cases_next(cr, &row, &e) == 1) {
        int n = row_as_sets(p, &row, sets);
        case_row *built = set_ok(p, NULL, (const char *const *)sets, n);
        assert_same_decisions(p, c, &row, built);
        cases_row_free(built);
        for (int s = 0; s < n; s++) free(sets[s]);
        rows++;
      }
      cases_close(cr);
    }
    free(sets);
    eval_free(c);
    pack_free(p);
  }
  assert_true(rows > 100);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_header_ok_and_expect_cols),
      T(test_header_unknown_column),
      T(test_header_duplicate_column),
      T(test_header_missing_id),
      T(test_header_rule_node_column),
      T(test_header_empty_name),
      T(test_header_bad_expect),
      T(test_header_all_errors_at_once),
      T(test_empty_and_missing_file),
      T(test_header_broken_csv),
      T(test_rows_typed_values),
      T(test_rows_missing_columns_unknown),
      T(test_row_bad_yesno),
      T(test_row_enum_typo),
      T(test_row_enum_far_off),
      T(test_row_bad_number_and_date),
      T(test_row_findings),
      T(test_common_answers_match_full_path),
      T(test_short_row_forgets_last_row),
      T(test_answers_the_table_cannot_hold),
      T(test_row_missing_id),
      T(test_row_extra_cells),
      T(test_row_lines_after_multiline_note),
      T(test_row_broken_file),
      T(test_row_values_reset_between_rows),
      T(test_template_header),
      T(test_set_row_from_nothing),
      T(test_set_row_from_base),
      T(test_set_row_bad_values),
      T(test_set_row_bad_names),
      T(test_set_row_decides_as_csv),
      cmocka_unit_test(test_set_rows_of_shipped_packs),
  };
  return cmocka_run_group_tests_name("cases", tests, NULL, NULL);
}
