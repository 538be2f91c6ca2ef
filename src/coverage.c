/* coverage: tally what case rows exercise of a pack, and report the holes. */
#include "coverage.h"

#include <stdlib.h>
#include <string.h>

struct coverage {
  const pack *p;
  uint8_t *node_hit;      /* per node */
  uint8_t **value_hit;    /* per node, per value */
  uint8_t **branch_hit;   /* per first, per branch */
  uint8_t **override_hit; /* per opinion, per override */
  uint8_t *outside_hit;   /* per `outside` declaration: some row met it */
};

coverage *coverage_new(const pack *p) {
  coverage *cv = xcalloc(1, sizeof *cv);
  cv->p = p;
  cv->node_hit = xcalloc((size_t)p->nnodes + 1, 1);
  cv->value_hit = xcalloc((size_t)p->nnodes + 1, sizeof *cv->value_hit);
  for (int n = 0; n < p->nnodes; n++) cv->value_hit[n] = xcalloc((size_t)p->nodes[n].nvalues, 1);
  cv->branch_hit = xcalloc((size_t)p->nfirsts + 1, sizeof *cv->branch_hit);
  for (int f = 0; f < p->nfirsts; f++) cv->branch_hit[f] = xcalloc((size_t)p->firsts[f].x->nkids + 1, 1);
  cv->override_hit = xcalloc((size_t)p->nopinions + 1, sizeof *cv->override_hit);
  for (int o = 0; o < p->nopinions; o++) cv->override_hit[o] = xcalloc((size_t)p->opinions[o].noverrides + 1, 1);
  cv->outside_hit = xcalloc((size_t)p->noutside + 1, 1);
  return cv;
}

void coverage_free(coverage *cv) {
  if (!cv) return;
  const pack *p = cv->p;
  for (int n = 0; n < p->nnodes; n++) free(cv->value_hit[n]);
  for (int f = 0; f < p->nfirsts; f++) free(cv->branch_hit[f]);
  for (int o = 0; o < p->nopinions; o++) free(cv->override_hit[o]);
  free(cv->node_hit);
  free(cv->value_hit);
  free(cv->branch_hit);
  free(cv->override_hit);
  free(cv->outside_hit);
  free(cv);
}

void coverage_add(coverage *cv, const eval_ctx *c) {
  const pack *p = cv->p;
  int op = eval_opinion(c);
  if (eval_outside(c) >= 0) {
    cv->outside_hit[eval_outside(c)] = 1;
    return; /* nothing else was reached */
  }
  for (int n = 0; n < p->nnodes; n++) {
    if (eval_node_state(c, n) == NODE_NOT_REACHED) continue;
    cv->node_hit[n] = 1;
    rval v = eval_node_value(c, n);
    if (v >= 0) cv->value_hit[n][v] = 1;
  }
  for (int f = 0; f < p->nfirsts; f++) {
    int taken = eval_first_taken(c, f);
    /* a first inside an override counts only under that opinion, where it runs */
    if (taken >= 0) cv->branch_hit[f][taken] = 1;
  }
  const pack_opinion *o = &p->opinions[op];
  for (int k = 0; k < o->noverrides; k++)
    if (eval_node_state(c, o->overrides[k].node) == NODE_DERIVED) cv->override_hit[op][k] = 1;
}

int coverage_totals_of(const coverage *cv, coverage_totals *t) {
  const pack *p = cv->p;
  memset(t, 0, sizeof *t);
  for (int n = 0; n < p->nnodes; n++) {
    t->nodes++;
    t->nodes_hit += cv->node_hit[n];
    for (int v = 0; v < p->nodes[n].nvalues; v++) {
      t->values++;
      t->values_hit += cv->value_hit[n][v];
    }
  }
  for (int f = 0; f < p->nfirsts; f++)
    for (int b = 0; b < p->firsts[f].x->nkids; b++) {
      t->branches++;
      t->branches_hit += cv->branch_hit[f][b];
    }
  for (int o = 0; o < p->nopinions; o++)
    for (int k = 0; k < p->opinions[o].noverrides; k++) {
      t->overrides++;
      t->overrides_hit += cv->override_hit[o][k];
    }
  for (int i = 0; i < p->noutside; i++) {
    t->outside++;
    t->outside_hit += cv->outside_hit[i];
  }
  return (t->nodes - t->nodes_hit) + (t->values - t->values_hit) + (t->branches - t->branches_hit) +
         (t->overrides - t->overrides_hit) + (t->outside - t->outside_hit);
}

static void line(FILE *out, const char *what, int hit, int all) {
  fprintf(out, "  %-16s %d of %d", what, hit, all);
  if (all) fprintf(out, " (%d%%)", hit * 100 / all);
  fputc('\n', out);
}

void coverage_print(const coverage *cv, FILE *out) {
  const pack *p = cv->p;
  coverage_totals t;
  int holes = coverage_totals_of(cv, &t);
  fprintf(out, "Coverage of pack %s:\n", p->name ? p->name : p->dir);
  line(out, "nodes reached", t.nodes_hit, t.nodes);
  line(out, "node values", t.values_hit, t.values);
  line(out, "first branches", t.branches_hit, t.branches);
  line(out, "overrides", t.overrides_hit, t.overrides);
  if (t.outside) line(out, "outside the pack", t.outside_hit, t.outside);
  if (!holes) {
    fputs("No holes: every node, value, branch and override is exercised.\n", out);
    return;
  }
  fputs("Not exercised by any row:\n", out);
  for (int n = 0; n < p->nnodes; n++) {
    const pack_node *nd = &p->nodes[n];
    if (!cv->node_hit[n]) {
      fprintf(out, "  %s:%d: node %s is never reached\n", nd->file, nd->line, nd->name);
      continue;
    }
    for (int v = 0; v < nd->nvalues; v++)
      if (!cv->value_hit[n][v])
        fprintf(out, "  %s:%d: node %s is never %s\n", nd->file, nd->line, nd->name, nd->values[v]);
  }
  for (int f = 0; f < p->nfirsts; f++) {
    const pack_first *pf = &p->firsts[f];
    const pack_node *nd = &p->nodes[pf->node];
    for (int b = 0; b < pf->x->nkids; b++) {
      if (cv->branch_hit[f][b]) continue;
      const expr *cond = pf->x->kids[b];
      fprintf(out, "  %s:%d: node %s%s%s: branch %d (%s \"%s\") is never taken\n",
              cond ? cond->file : pf->x->file, cond ? cond->line : pf->x->line, nd->name,
              pf->opinion >= 0 ? " under " : "", pf->opinion >= 0 ? p->opinions[pf->opinion].name : "",
              b + 1, cond ? "gives" : "otherwise", pack_node_value_name(nd, pf->x->gives[b]));
    }
  }
  for (int o = 0; o < p->nopinions; o++) {
    const pack_opinion *op = &p->opinions[o];
    for (int k = 0; k < op->noverrides; k++)
      if (!cv->override_hit[o][k])
        fprintf(out, "  %s:%d: opinion %s's override of %s is never used\n", op->overrides[k].rule.file,
                op->overrides[k].rule.line, op->name, p->nodes[op->overrides[k].node].name);
  }
  for (int i = 0; i < p->noutside; i++)
    if (!cv->outside_hit[i])
      fprintf(out, "  %s:%d: outside %s: no row is outside the pack this way\n", p->outside[i].file, p->outside[i].line,
              p->outside[i].name);
}
