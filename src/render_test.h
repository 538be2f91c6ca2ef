/* render_test: the reports of `ratio test`: text, TAP and JUnit XML. */
#ifndef RATIO_RENDER_TEST_H
#define RATIO_RENDER_TEST_H

#include <stdio.h>

#include "testrun.h"

typedef enum { TEST_FORMAT_TEXT, TEST_FORMAT_TAP, TEST_FORMAT_JUNIT } test_format_kind;

typedef struct test_report test_report;

/* A report writing to out; free with test_report_free after test_report_end. */
test_report *test_report_new(test_format_kind kind, FILE *out, bool verbose);
/* The reporter to hand to testrun_file. */
const test_reporter *test_report_reporter(test_report *tr);
/* Finish: totals and, for text, the line "N passed, N failed". */
void test_report_end(test_report *tr, const test_totals *tot);
void test_report_free(test_report *tr);

#endif
