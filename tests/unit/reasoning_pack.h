/* reasoning_pack: the small pack the tests of compare, whatif, table and
 * their renderers share, and a brute-force enumerator of rows. Header-only. */
#ifndef RATIO_TEST_REASONING_PACK_H
#define RATIO_TEST_REASONING_PACK_H

#include "helpers.h"

#include "eval.h"

/* Two opinions that differ on breach; a finding, an open question, a
 * number fact only the dissent reads, and a disposition per outcome. */
static const char REASONING_PACK[] =
    "pack { name = \"r\", title = \"R\" }\n"
    "authority \"a\" { cite = \"A v. B, 1 U.S. 1 (1900)\", pin = \"2\" }\n"
    "authority \"b\" { cite = \"C v. D, 2 U.S. 2 (1901)\" }\n"
    "fact \"duty\" { yesno, ask = \"Was there a duty?\" }\n"
    "fact \"care\" { oneof { \"none\", \"some\", \"great\" }, ask = \"How much care?\" }\n"
    "fact \"custody\" { yesno, ask = \"In custody?\" }\n"
    "fact \"age\" { number, ask = \"How old?\" }\n"
    "node \"breach\" {\n"
    "  values = { \"clear\", \"arguable\", \"none\" }, finding = true, by = \"a\",\n"
    "  rule = first { when(is(\"care\", \"none\")):gives \"clear\", when(is(\"care\", \"some\")):gives \"arguable\", otherwise \"none\" },\n"
    "}\n"
    "node \"claim\" { by = \"a\", rule = all { \"duty\", is(\"breach\", \"clear\") },\n"
    "  open = all { \"custody\", is(\"breach\", \"arguable\") } }\n"
    "opinion \"strict\" { role = \"majority\", date = \"2000-01-01\", decides = \"claim\",\n"
    "  disposition = { yes = \"reverse\", no = \"affirm\", unknown = \"remand\" } }\n"
    "opinion \"lenient\" { role = \"dissent\", base = \"strict\",\n"
    "  override \"claim\" { by = \"b\", rule = all { \"duty\", any { is(\"breach\", \"clear\"),\n"
    "    all { \"custody\", is(\"breach\", \"arguable\") }, gt(\"age\", 60) } } } }\n";

/* Row variants over the enumerable facts and the finding of a pack: calls
 * fn for every assignment (facts: unknown or a value; findings: none or a
 * value) of the facts and finding nodes flagged in `use`. */
typedef void (*th_variant_fn)(const case_row *row, void *ud);

static inline void th_variants_rec(const pack *p, th_row *r, const bool *use_fact, const bool *use_finding, int i,
                                   th_variant_fn fn, void *ud) {
  int total = p->nfacts + p->nnodes;
  while (i < total && !(i < p->nfacts ? use_fact[i] : use_finding[i - p->nfacts])) i++;
  if (i == total) {
    fn(&r->row, ud);
    return;
  }
  if (i < p->nfacts) {
    const pack_fact *f = &p->facts[i];
    int nv = f->type == FACT_YESNO ? 2 : f->nvalues;
    rval keep = r->facts[i].v;
    for (int v = -1; v < nv; v++) {
      r->facts[i].v = (rval)v;
      th_variants_rec(p, r, use_fact, use_finding, i + 1, fn, ud);
    }
    r->facts[i].v = keep;
  } else {
    int n = i - p->nfacts;
    bool kh = r->has_finding[n];
    rval kv = r->findings[n];
    for (int v = -1; v < p->nodes[n].nvalues; v++) {
      r->has_finding[n] = v >= 0;
      r->findings[n] = v >= 0 ? (rval)v : 0;
      th_variants_rec(p, r, use_fact, use_finding, i + 1, fn, ud);
    }
    r->has_finding[n] = kh;
    r->findings[n] = kv;
  }
}

#endif
