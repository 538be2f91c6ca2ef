/* testrun: check the expect.* columns of case files against a pack.
 *
 * Each non-blank expectation cell, for each opinion it applies to, becomes
 * one result: passed or failed, with what was expected, what the pack gave,
 * and the chain of nodes that led there. Results go to a reporter as they
 * are found; the runner never formats them, and it reads no file: the row
 * driver hands it rows. */
#ifndef RATIO_TESTRUN_H
#define RATIO_TESTRUN_H

#include <stdbool.h>

#include "cases.h"
#include "coverage.h"
#include "err.h"
#include "pack.h"

#define TEST_CHAIN_MAX 16

typedef struct test_link {
  const char *node;  /* borrowed from the pack */
  const char *value; /* the value name, "unknown" or "not reached" */
  const char *how;   /* "found below", "left open", "finding set aside" or NULL */
} test_link;

typedef struct test_result {
  const char *file;     /* the case file */
  int line;             /* the row's line */
  const char *row_id;
  const char *target;   /* "outcome", "disposition" or a node name */
  const char *opinion;  /* the opinion it was checked under */
  const char *expected; /* the cell's text */
  const char *got;      /* NULL when the row failed (see error) */
  bool pass;
  const err *error;     /* why there is no result: an unreadable row, a rule error */
  const char *problem;  /* a problem with the expectation itself, or NULL */
  test_link chain[TEST_CHAIN_MAX];
  int nchain;
} test_result;

typedef struct test_options {
  const int *opinions; /* the opinions to check (those in force) */
  int nopinions;
  coverage *cov;       /* tallied when not NULL */
} test_options;

/* A result, as soon as it is found. */
typedef void (*test_emit)(void *ud, const test_result *r);

typedef struct testrun testrun;

/* A runner for pack p; opts and p must outlive it. Free with testrun_free. */
testrun *testrun_new(const pack *p, const test_options *opts);

/* The rows that follow come from this reader's file (its expectation
 * columns). */
void testrun_file(testrun *t, const case_reader *cr);

/* Check every expectation of one read row, under each opinion it applies
 * to; each result goes to emit. */
void testrun_row(testrun *t, const case_row *row, test_emit emit, void *ud);

void testrun_free(testrun *t);

#endif
