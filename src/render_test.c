/* render_test: text, TAP and JUnit reports of expectation results. */
#include "render_test.h"

#include <stdlib.h>
#include <string.h>

struct test_report {
  test_format_kind kind;
  FILE *out;
  bool verbose;     /* text: print passing expectations too */
  test_reporter rep;
  int n;            /* results so far (TAP numbers) */
  /* JUnit needs totals before the cases: they are kept until the end */
  char *junit;
  size_t junit_len;
  FILE *junit_buf;
};

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

static void text_result(void *ud, const test_result *r) {
  test_report *tr = ud;
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

static void tap_result(void *ud, const test_result *r) {
  test_report *tr = ud;
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

static void junit_result(void *ud, const test_result *r) {
  test_report *tr = ud;
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

test_report *test_report_new(test_format_kind kind, FILE *out, bool verbose) {
  test_report *tr = xcalloc(1, sizeof *tr);
  tr->kind = kind;
  tr->out = out;
  tr->verbose = verbose;
  tr->rep.ud = tr;
  switch (kind) {
  case TEST_FORMAT_TEXT: tr->rep.result = text_result; break;
  case TEST_FORMAT_TAP:
    tr->rep.result = tap_result;
    fputs("TAP version 13\n", out);
    break;
  case TEST_FORMAT_JUNIT:
    tr->rep.result = junit_result;
    tr->junit_buf = xopen_memstream(&tr->junit, &tr->junit_len);
    break;
  }
  return tr;
}

const test_reporter *test_report_reporter(test_report *tr) { return &tr->rep; }

void test_report_end(test_report *tr, const test_totals *tot) {
  switch (tr->kind) {
  case TEST_FORMAT_TEXT: fprintf(tr->out, "%d passed, %d failed\n", tot->passed, tot->failed); break;
  case TEST_FORMAT_TAP:
    fprintf(tr->out, "1..%d\n# %d passed, %d failed\n", tr->n, tot->passed, tot->failed);
    break;
  case TEST_FORMAT_JUNIT:
    fclose(tr->junit_buf);
    tr->junit_buf = NULL;
    fprintf(tr->out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"ratio test\" tests=\"%d\" failures=\"%d\">\n"
            "  <testsuite name=\"ratio test\" tests=\"%d\" failures=\"%d\">\n",
            tot->passed + tot->failed, tot->failed, tot->passed + tot->failed, tot->failed);
    fwrite(tr->junit, 1, tr->junit_len, tr->out);
    fputs("  </testsuite>\n</testsuites>\n", tr->out);
    break;
  }
}

void test_report_free(test_report *tr) {
  if (!tr) return;
  if (tr->junit_buf) fclose(tr->junit_buf);
  free(tr->junit);
  free(tr);
}
