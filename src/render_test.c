/* render_test: text, TAP and JUnit reports of expectation results. */
#include <stdlib.h>
#include <string.h>

#include "render.h"

typedef enum { TEST_FORMAT_TEXT, TEST_FORMAT_TAP, TEST_FORMAT_JUNIT } test_format_kind;

typedef struct test_report {
  test_format_kind kind;
  FILE *out;
  bool verbose;     /* text: print passing expectations too */
  void (*result)(struct test_report *tr, const test_result *r);
  int n;            /* results so far (TAP numbers) */
  /* JUnit needs totals before the cases: they are kept until the end */
  char *junit;
  size_t junit_len;
  FILE *junit_buf;
} test_report;

static void print_name(FILE *out, const test_result *r) {
  fprintf(out, "%s %s", r->row_id && r->row_id[0] ? r->row_id : "(no id)", r->target);
  if (r->opinion) fprintf(out, "@%s", r->opinion);
}

static void print_chain(FILE *out, const test_result *r, const char *lead) {
  if (!r->nchain) return;
  fputs(lead, out);
  for (int i = 0; i < r->nchain; i++) {
    fprintf(out, "%s%s = %s", i ? " <- " : "", r->chain[i].node, r->chain[i].value);
    if (r->chain[i].how) fprintf(out, " (%s)", r->chain[i].how);
  }
  fputc('\n', out);
}

static void print_why(FILE *out, const test_result *r, const char *lead) {
  if (r->error) {
    fputs(lead, out);
    fputs("no result: ", out);
    err_print(r->error, out);
  } else if (r->problem) {
    fprintf(out, "%sexpected '%s' %s\n", lead, r->expected, r->problem);
  }
}

static void text_result(test_report *tr, const test_result *r) {
  if (r->pass && !tr->verbose) return;
  fputs(r->pass ? "PASS " : "FAIL ", tr->out);
  fprintf(tr->out, "%s:%d ", r->file, r->line);
  print_name(tr->out, r);
  if (r->pass) fprintf(tr->out, " = %s\n", r->got);
  else if (r->got) fprintf(tr->out, ": expected %s, got %s\n", r->expected, r->got);
  else fprintf(tr->out, ": expected %s\n", r->expected);
  if (!r->pass) {
    print_why(tr->out, r, "     ");
    print_chain(tr->out, r, "     because: ");
  }
}

static void tap_result(test_report *tr, const test_result *r) {
  fprintf(tr->out, "%s %d - ", r->pass ? "ok" : "not ok", ++tr->n);
  print_name(tr->out, r);
  fprintf(tr->out, " = %s\n", r->pass ? r->got : r->expected);
  if (r->pass) return;
  fprintf(tr->out, "  ---\n  file: %s\n  line: %d\n  expected: %s\n  got: %s\n", r->file, r->line,
          r->expected, r->got ? r->got : "(none)");
  print_why(tr->out, r, "  why: ");
  print_chain(tr->out, r, "  because: ");
  fputs("  ...\n", tr->out);
}

static void xml_text(FILE *out, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '&': fputs("&amp;", out); break;
    case '"': fputs("&quot;", out); break;
    default:
      if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t') fputc(' ', out);
      else fputc(*s, out);
    }
  }
}

static void junit_result(test_report *tr, const test_result *r) {
  FILE *b = tr->junit_buf;
  char name[512];
  snprintf(name, sizeof name, "%s %s%s%s", r->row_id && r->row_id[0] ? r->row_id : "(no id)", r->target,
           r->opinion ? "@" : "", r->opinion ? r->opinion : "");
  fputs("    <testcase classname=\"", b);
  xml_text(b, r->file);
  fputs("\" name=\"", b);
  xml_text(b, name);
  if (r->pass) {
    fputs("\"/>\n", b);
    return;
  }
  fputs("\">\n      <failure message=\"", b);
  char msg[512];
  snprintf(msg, sizeof msg, "expected %s, got %s", r->expected, r->got ? r->got : "no result");
  xml_text(b, msg);
  fputs("\">", b);
  char *detail = NULL;
  size_t dlen = 0;
  FILE *d = xopen_memstream(&detail, &dlen);
  fprintf(d, "%s:%d\n", r->file, r->line);
  print_why(d, r, "");
  print_chain(d, r, "because: ");
  fclose(d);
  xml_text(b, detail);
  free(detail);
  fputs("</failure>\n    </testcase>\n", b);
}

static test_report *report_of(renderer *r) {
  test_report *tr = r->state;
  tr->out = r->out;
  return tr;
}

static void test_begin(renderer *r) {
  test_report *tr = report_of(r);
  if (tr->kind == TEST_FORMAT_TAP) fputs("TAP version 13\n", tr->out);
}

static void test_item(renderer *r, const render_item *it) {
  test_report *tr = report_of(r);
  tr->result(tr, it->test);
}

/* A row that could not be read fails once, whatever it expected. */
static void test_row_error(renderer *r, const case_row *row, const err *e) {
  test_report *tr = report_of(r);
  test_result res;
  memset(&res, 0, sizeof res);
  res.file = r->source;
  res.line = row->line;
  res.row_id = row->id;
  res.target = "row";
  res.expected = "a readable row";
  res.error = e;
  tr->result(tr, &res);
}

/* Totals: unreadable rows and reused ids fail as expectations do. */
static void test_end(renderer *r, const render_summary *s) {
  test_report *tr = report_of(r);
  if (r->cov) coverage_print(r->cov, tr->kind == TEST_FORMAT_TEXT ? tr->out : stderr);
  int passed = s->passed, failed = s->expect_failed + s->failed + s->duplicate_ids;
  switch (tr->kind) {
  case TEST_FORMAT_TEXT: fprintf(tr->out, "%d passed, %d failed\n", passed, failed); break;
  case TEST_FORMAT_TAP: fprintf(tr->out, "1..%d\n# %d passed, %d failed\n", tr->n, passed, failed); break;
  case TEST_FORMAT_JUNIT:
    fclose(tr->junit_buf);
    tr->junit_buf = NULL;
    fprintf(tr->out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"ratio test\" tests=\"%d\" failures=\"%d\">\n"
            "  <testsuite name=\"ratio test\" tests=\"%d\" failures=\"%d\">\n",
            passed + failed, failed, passed + failed, failed);
    fwrite(tr->junit, 1, tr->junit_len, tr->out);
    fputs("  </testsuite>\n</testsuites>\n", tr->out);
    break;
  }
}

static void test_free(renderer *r) {
  test_report *tr = r->state;
  if (tr->junit_buf) fclose(tr->junit_buf);
  free(tr->junit);
  free(tr);
}

renderer *render_test_new(const render_setup *s, const char *format) {
  test_report *tr = xcalloc(1, sizeof *tr);
  tr->kind = strcmp(format, "tap") == 0 ? TEST_FORMAT_TAP : strcmp(format, "junit") == 0 ? TEST_FORMAT_JUNIT
                                                                                            : TEST_FORMAT_TEXT;
  tr->verbose = !s->quiet;
  tr->result = tr->kind == TEST_FORMAT_TAP ? tap_result : tr->kind == TEST_FORMAT_JUNIT ? junit_result : text_result;
  if (tr->kind == TEST_FORMAT_JUNIT) tr->junit_buf = xopen_memstream(&tr->junit, &tr->junit_len);
  renderer *r = xcalloc(1, sizeof *r);
  *r = (renderer){.state = tr, .begin = test_begin, .item = test_item, .row_error = test_row_error,
                  .end = test_end, .free = test_free};
  return r;
}
