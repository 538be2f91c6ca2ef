/* expectation: the results an expect.* cell may name. */
#include "expectation.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

bool expectation_same(const char *a, const char *b) {
  for (; *a && *b; a++, b++) {
    char x = *a == ' ' ? '_' : (char)tolower((unsigned char)*a);
    char y = *b == ' ' ? '_' : (char)tolower((unsigned char)*b);
    if (x != y) return false;
  }
  return *a == *b;
}

static void add_value(const char ***out, int *n, const char *s) {
  for (int k = 0; k < *n; k++)
    if (strcmp((*out)[k], s) == 0) return;
  *out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
  (*out)[(*n)++] = s;
}

int expectation_values(const pack *p, const case_expect_col *col, int op, const char ***out) {
  *out = NULL;
  int n = 0;
  for (int o = 0; o < p->nopinions; o++) {
    if ((op >= 0 && o != op) || (col->opinion >= 0 && col->opinion != o)) continue;
    const pack_opinion *po = &p->opinions[o];
    if (col->kind == EXPECT_DISPOSITION && po->disposition_node < 0) {
      /* from the opinion's table: the names it gives */
      if (!po->disposition || po->decides < 0) continue;
      for (int v = 0; v <= p->nodes[po->decides].nvalues; v++)
        if (po->disposition[v]) add_value(out, &n, po->disposition[v]);
      continue;
    }
    int node = col->kind == EXPECT_NODE ? col->node : col->kind == EXPECT_OUTCOME ? po->decides : po->disposition_node;
    if (node < 0) continue;
    const pack_node *nd = &p->nodes[node];
    for (int v = 0; v < nd->nvalues; v++) add_value(out, &n, nd->values[v]);
  }
  return n;
}

const char *expectation_problem(const pack *p, const case_expect_col *col, int op, const char *text) {
  if (expectation_same(text, "unknown")) return NULL;
  if (col->kind == EXPECT_NODE && expectation_same(text, "not_reached")) return NULL;
  /* a row outside the pack has no outcome and no disposition */
  if (col->kind != EXPECT_NODE && p->noutside && expectation_same(text, "outside")) return NULL;
  const char **vals;
  int n = expectation_values(p, col, op, &vals);
  bool ok = n == 0 && col->kind == EXPECT_DISPOSITION; /* no disposition to name */
  for (int k = 0; k < n && !ok; k++) ok = expectation_same(text, vals[k]);
  free(vals);
  if (ok) return NULL;
  return col->kind == EXPECT_DISPOSITION ? "is not one of the disposition's values" : "is not a value of the target";
}
