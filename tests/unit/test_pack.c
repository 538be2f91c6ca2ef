/* Unit tests for pack.c (and the sandbox as pack_load drives it): loading a
 * valid pack into the C model, every kind of load error, the sandbox's
 * refusals and budgets, opinions in force and dates. */
#include "helpers.h"

#include <sys/stat.h>

#include "pack.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#define HEAD                                                                   \
  "pack { name = \"t\", title = \"T\" }\n"                                     \
  "fact \"negligent\" { yesno }\n"                                             \
  "fact \"status\" { oneof { \"prisoner\", \"free\" } }\n"
/* lines 1-3 above; a test's own lines start at 4 */
#define TAIL "opinion \"m\" { decides = \"claim\" }\n"

static const char *VALID_PACK =
    "pack { name = \"tp\", title = \"Test pack\", case = \"Doe v. Roe, 1 U.S. 1 (1900)\" }\n" /* 1 */
    "include \"authorities.lua\"\n"                                                           /* 2 */
    "fact \"state_actor\" { yesno, ask = \"State actor?\", help = \"Officials.\" }\n"         /* 3 */
    "fact \"status\" { oneof { \"prisoner\", \"pretrial_detainee\", \"free\" }, ask = \"Status?\" }\n" /* 4 */
    "fact \"days\" { number }\n"                                                              /* 5 */
    "fact \"filed\" { date, optional = true }\n"                                              /* 6 */
    "fact \"name\" { text }\n"                                                                /* 7 */
    "node \"custody\" { title = \"Custody\", ask = \"In custody?\",\n"                        /* 8 */
    "  rule = is(\"status\", \"prisoner\", \"pretrial_detainee\"),\n"                         /* 9 */
    "  yes = \"a {status} is in custody\", no = \"a {status} person is free\" }\n"            /* 10 */
    "node \"culpability\" { values = { \"intentional\", \"negligent\", \"none\" }, finding = true,\n" /* 11 */
    "  rule = first { when(gt(\"days\", 3)):gives \"intentional\", otherwise \"none\" },\n"   /* 12 */
    "  says = { intentional = \"on purpose\", none = \"no fault\" } }\n"                       /* 13 */
    "node \"deprivation\" { by = { \"daniels\" }, rule = is(\"culpability\", \"intentional\"),\n" /* 14 */
    "  open = is(\"culpability\", \"negligent\"), unknown = \"left open for {culpability}\" }\n" /* 15 */
    "node \"claim\" { rule = all { \"state_actor\", \"custody\", \"deprivation\" } }\n"       /* 16 */
    "node \"escape\" { rule = function(f) return f.days ~= nil end }\n"                       /* 17 */
    "opinion \"majority\" { author = \"Rehnquist\", role = \"majority\", date = \"1986-01-21\",\n" /* 18 */
    "  decides = \"claim\", disposition = { yes = \"reverse\", no = \"affirm\", unknown = \"vacate\" } }\n" /* 19 */
    "opinion \"dissent\" { author = \"Brennan\", role = \"dissent\", base = \"majority\",\n"   /* 20 */
    "  override \"deprivation\" { by = \"brennan\", rule = is(\"culpability\", \"intentional\", \"negligent\") } }\n" /* 21 */
    "opinion \"old\" { role = \"majority\", date = \"1981-05-18\", until_date = \"1986-01-21\", base = \"majority\",\n" /* 22 */
    "  override \"custody\" { rule = true } }\n";                                            /* 23 */

static const char *VALID_AUTH =
    "authority \"daniels\" { cite = \"Daniels v. Williams, 474 U.S. 327 (1986)\", pin = \"328\", quote = \"q\" }\n"
    "authority \"brennan\" { \"Davidson v. Cannon, 474 U.S. 344 (1986)\" }\n";

static pack *load_valid(const char *dir) {
  th_write(dir, "authorities.lua", VALID_AUTH);
  return th_pack(dir, VALID_PACK);
}

/* ---- a valid pack ------------------------------------------------------------ */

static void test_valid_header_and_facts(void **state) {
  th_dir *d = *state;
  pack *p = load_valid(d->path);
  assert_string_equal(p->name, "tp");
  assert_string_equal(p->title, "Test pack");
  assert_string_equal(p->case_name, "Doe v. Roe, 1 U.S. 1 (1900)");
  assert_string_equal(p->dir, d->path);
  assert_true(th_ends_with(p->main_file, "/pack.lua"));
  assert_int_equal(p->nfacts, 5);
  const pack_fact *f = &p->facts[0];
  assert_string_equal(f->name, "state_actor");
  assert_int_equal(f->type, FACT_YESNO);
  assert_string_equal(f->ask, "State actor?");
  assert_string_equal(f->help, "Officials.");
  assert_false(f->optional);
  assert_int_equal(f->line, 3);
  assert_true(th_ends_with(f->file, "/pack.lua"));
  f = &p->facts[1];
  assert_int_equal(f->type, FACT_ENUM);
  assert_int_equal(f->nvalues, 3);
  assert_string_equal(f->values[0], "prisoner");
  assert_string_equal(f->values[2], "free");
  assert_int_equal(pack_fact_value(f, "pretrial_detainee", 17), 1);
  assert_int_equal(pack_fact_value(f, "free", 4), 2);
  assert_int_equal(pack_fact_value(f, "fre", 3), -1);
  assert_int_equal(pack_fact_value(f, "Free", 4), -1); /* exact case */
  assert_int_equal(p->facts[2].type, FACT_NUMBER);
  assert_int_equal(p->facts[3].type, FACT_DATE);
  assert_true(p->facts[3].optional);
  assert_null(p->facts[3].ask);
  assert_int_equal(p->facts[4].type, FACT_TEXT);
  assert_int_equal(pack_fact_index(p, "days"), 2);
  assert_int_equal(pack_fact_index(p, "nope"), -1);
  pack_free(p);
}

static void test_valid_authorities(void **state) {
  th_dir *d = *state;
  pack *p = load_valid(d->path);
  assert_int_equal(p->nauthorities, 2);
  const pack_authority *a = &p->authorities[0];
  assert_string_equal(a->name, "daniels");
  assert_string_equal(a->cite, "Daniels v. Williams, 474 U.S. 327 (1986)");
  assert_string_equal(a->pin, "328");
  assert_string_equal(a->quote, "q");
  assert_true(th_ends_with(a->file, "/authorities.lua"));
  assert_int_equal(a->line, 1);
  a = &p->authorities[1];
  assert_string_equal(a->cite, "Davidson v. Cannon, 474 U.S. 344 (1986)"); /* positional cite */
  assert_null(a->pin);
  assert_null(a->quote);
  assert_int_equal(a->line, 2);
  assert_int_equal(pack_authority_index(p, "brennan"), 1);
  assert_int_equal(pack_authority_index(p, "scalia"), -1);
  pack_free(p);
}

static void test_valid_nodes(void **state) {
  th_dir *d = *state;
  pack *p = load_valid(d->path);
  assert_int_equal(p->nnodes, 5);
  int custody = pack_node_index(p, "custody"), culp = pack_node_index(p, "culpability");
  int dep = pack_node_index(p, "deprivation"), claim = pack_node_index(p, "claim");
  int esc = pack_node_index(p, "escape");
  assert_int_equal(custody, 0);
  assert_int_equal(culp, 1);
  assert_int_equal(dep, 2);
  assert_int_equal(claim, 3);
  assert_int_equal(esc, 4);
  assert_int_equal(pack_node_index(p, "status"), -1);

  const pack_node *n = &p->nodes[custody];
  assert_string_equal(n->title, "Custody");
  assert_string_equal(n->ask, "In custody?");
  assert_false(n->valued);
  assert_false(n->finding);
  assert_int_equal(n->nvalues, 2);
  assert_string_equal(n->values[0], "no");
  assert_string_equal(n->values[1], "yes");
  assert_int_equal(n->line, 8);
  assert_non_null(n->base.rule);
  assert_int_equal(n->base.rule->kind, EXPR_IS);
  assert_false(n->base.rule->ref.is_node);
  assert_int_equal(n->base.rule->ref.index, 1);
  assert_int_equal(n->base.rule->set, 0x3); /* prisoner and pretrial_detainee */
  assert_int_equal(n->base.rule->line, 9);
  /* yes = "a {status} is in custody": text, hole, text */
  assert_non_null(n->base.says);
  const tmpl *t = &n->base.says[RV_YES];
  assert_int_equal(t->nparts, 3);
  assert_int_equal(t->parts[0].len, 2);
  assert_memory_equal(t->parts[0].text, "a ", 2);
  assert_null(t->parts[1].text);
  assert_false(t->parts[1].ref.is_node);
  assert_int_equal(t->parts[1].ref.index, 1);
  assert_memory_equal(t->parts[2].text, " is in custody", 14);
  assert_null(n->base.says_unknown.parts);

  n = &p->nodes[culp];
  assert_true(n->valued);
  assert_true(n->finding);
  assert_int_equal(n->nvalues, 3);
  assert_int_equal(pack_node_value(n, "negligent", 9), 1);
  assert_int_equal(pack_node_value(n, "unknown", 7), -1);
  assert_string_equal(pack_node_value_name(n, 2), "none");
  assert_string_equal(pack_node_value_name(n, RV_UNKNOWN), "unknown");
  assert_string_equal(pack_node_value_name(n, 3), "unknown");
  const expr *x = n->base.rule;
  assert_int_equal(x->kind, EXPR_FIRST);
  assert_int_equal(x->nkids, 2);
  assert_int_equal(x->kids[0]->kind, EXPR_CMP);
  assert_int_equal(x->kids[0]->cmp, CMP_GT);
  assert_float_equal(x->kids[0]->number, 3, 0);
  assert_null(x->kids[1]); /* otherwise */
  assert_int_equal(x->gives[0], 0);
  assert_int_equal(x->gives[1], 2);
  assert_non_null(n->base.says[0].parts);
  assert_null(n->base.says[1].parts); /* no sentence for negligent */
  assert_non_null(n->base.says[2].parts);

  n = &p->nodes[dep];
  assert_int_equal(n->base.nby, 1);
  assert_int_equal(n->base.by[0], 0);
  assert_non_null(n->base.open);
  assert_int_equal(n->base.open->kind, EXPR_IS);
  assert_true(n->base.open->ref.is_node);
  assert_int_equal(n->base.open->ref.index, culp);
  assert_int_equal(n->base.says_unknown.nparts, 2);
  assert_true(n->base.says_unknown.parts[1].ref.is_node);

  x = p->nodes[claim].base.rule;
  assert_int_equal(x->kind, EXPR_ALL);
  assert_int_equal(x->nkids, 3);
  assert_int_equal(x->kids[0]->kind, EXPR_REF);
  assert_false(x->kids[0]->ref.is_node);
  assert_true(x->kids[1]->ref.is_node);
  assert_int_equal(x->kids[1]->ref.index, custody);
  assert_int_equal(x->kids[2]->ref.index, dep);

  x = p->nodes[esc].base.rule;
  assert_int_equal(x->kind, EXPR_LUA);
  assert_int_equal(x->line, 17);
  assert_true(th_ends_with(x->file, "/pack.lua"));
  pack_free(p);
}

static void test_valid_opinions(void **state) {
  th_dir *d = *state;
  pack *p = load_valid(d->path);
  assert_int_equal(p->nopinions, 3);
  int claim = pack_node_index(p, "claim"), dep = pack_node_index(p, "deprivation");
  int custody = pack_node_index(p, "custody");
  const pack_opinion *m = &p->opinions[0], *ds = &p->opinions[1], *old = &p->opinions[2];
  assert_string_equal(m->name, "majority");
  assert_string_equal(m->author, "Rehnquist");
  assert_string_equal(m->role, "majority");
  assert_string_equal(m->date, "1986-01-21");
  assert_int_equal(m->date_days, pack_parse_date("1986-01-21", 10));
  assert_null(m->until_date);
  assert_int_equal(m->base, -1);
  assert_int_equal(m->decides, claim);
  assert_string_equal(m->disposition[RV_NO], "affirm");
  assert_string_equal(m->disposition[RV_YES], "reverse");
  assert_string_equal(m->disposition[2], "vacate"); /* unknown comes last */
  for (int n = 0; n < p->nnodes; n++) assert_ptr_equal(m->rules[n], &p->nodes[n].base);

  /* the dissent inherits decides, date and disposition from its base */
  assert_int_equal(ds->base, 0);
  assert_int_equal(ds->decides, claim);
  assert_string_equal(ds->date, "1986-01-21");
  assert_string_equal(ds->disposition[RV_YES], "reverse");
  assert_int_equal(ds->noverrides, 1);
  assert_int_equal(ds->overrides[0].node, dep);
  assert_ptr_equal(ds->rules[dep], &ds->overrides[0].rule);
  assert_ptr_equal(ds->rules[custody], &p->nodes[custody].base);
  const node_rule *r = ds->rules[dep];
  assert_int_equal(r->rule->set, 0x3);
  assert_int_equal(r->nby, 1);
  assert_int_equal(r->by[0], pack_authority_index(p, "brennan"));
  /* what the override leaves out it inherits: the open question stays with
   * the base rule only when the rule is kept; the sentence is inherited */
  assert_null(r->open);
  assert_ptr_equal(r->says_unknown.parts, p->nodes[dep].base.says_unknown.parts);

  assert_string_equal(old->until_date, "1986-01-21");
  assert_int_equal(old->until_days, pack_parse_date("1986-01-21", 10));
  assert_int_equal(old->rules[custody]->rule->kind, EXPR_CONST);
  assert_int_equal(old->rules[custody]->rule->constant, RV_YES);
  /* the override keeps the base's sentences */
  assert_ptr_equal(old->rules[custody]->says[RV_YES].parts, p->nodes[custody].base.says[RV_YES].parts);

  assert_int_equal(pack_opinion_index(p, "dissent"), 1);
  assert_int_equal(pack_opinion_index(p, "Dissent"), -1);
  pack_free(p);
}

static void test_override_keeps_open_with_rule(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, HEAD
                    "authority \"a\" { cite = \"A v. B, 1 U.S. 1 (1900)\" }\n"
                    "node \"claim\" { by = \"a\", rule = \"negligent\", open = is(\"status\", \"free\") }\n"
                    "opinion \"m\" { decides = \"claim\" }\n"
                    "opinion \"n\" { base = \"m\", override \"claim\" { by = {} } }\n");
  const pack_opinion *o = &p->opinions[1];
  const node_rule *r = o->rules[0];
  assert_ptr_equal(r, &o->overrides[0].rule);
  assert_ptr_equal(r->rule, p->nodes[0].base.rule);
  assert_ptr_equal(r->open, p->nodes[0].base.open);
  assert_true(r->rule_borrowed);
  assert_true(r->open_borrowed);
  assert_int_equal(r->nby, 1); /* an empty list inherits the base's authorities */
  pack_free(p);                /* (and must not leak the empty list) */
}

static void test_load_lua_file_path(void **state) {
  th_dir *d = *state;
  th_write(d->path, "main.lua", HEAD "node \"claim\" { rule = \"negligent\" }\n" TAIL);
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "main.lua");
  err *e = NULL;
  pack *p = pack_load(path, NULL, &e);
  assert_non_null(p);
  assert_null(e);
  assert_string_equal(p->dir, d->path);
  assert_string_equal(p->main_file, path);
  assert_int_equal(p->nfacts, 2);
  pack_free(p);
}

static void test_load_trailing_slash(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", HEAD "node \"claim\" { rule = \"negligent\" }\n" TAIL);
  char path[PATH_MAX + 8];
  snprintf(path, sizeof path, "%s//", d->path);
  err *e = NULL;
  pack *p = pack_load(path, NULL, &e);
  assert_non_null(p);
  assert_string_equal(p->dir, d->path);
  pack_free(p);
}

static void test_relative_folder_name_in_messages(void **state) {
  th_dir *d = *state;
  /* a folder named without a slash ("pk") is still named in messages */
  th_write(d->path, "pk/pack.lua", HEAD "node \"claim\" { rule = yes \"neglgent\" }\n" TAIL);
  char cwd[PATH_MAX];
  assert_non_null(getcwd(cwd, sizeof cwd));
  assert_int_equal(chdir(d->path), 0);
  err *e = NULL;
  pack *p = pack_load("pk", NULL, &e);
  assert_int_equal(chdir(cwd), 0);
  assert_null(p);
  assert_non_null(e);
  assert_string_equal(e->file, "pk/pack.lua");
  assert_int_equal(e->line, 4);
  err_free(e);
}

/* ---- what a path can be ------------------------------------------------------ */

static void test_errors_at_the_rule_line(void **state) {
  th_dir *d = *state;
  /* a name in a rule is reported where it is written, not where its
   * declaration begins */
  err *e = th_pack_err(d->path,
                       "pack { name = \"p\" }\n"    /* 1 */
                       "fact \"a\" { yesno }\n"     /* 2 */
                       "node \"x\" {\n"             /* 3 */
                       "  title = \"X\",\n"         /* 4 */
                       "  rule = \"nope\",\n"       /* 5 */
                       "}\n"
                       "opinion \"o\" { decides = \"x\" }\n",
                       NULL);
  assert_non_null(e);
  assert_string_equal(e->msg, "unknown fact or node 'nope'");
  assert_int_equal(e->line, 5);
  err_free(e);
}

static void test_load_missing_path(void **state) {
  th_dir *d = *state;
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "nowhere");
  err *e = NULL;
  assert_null(pack_load(path, NULL, &e));
  assert_non_null(e);
  assert_string_equal(e->file, path);
  th_assert_has(e->msg, "cannot open pack: No such file");
  th_assert_has(e->hint, "pack folder");
  err_free(e);
}

static void test_load_not_a_pack(void **state) {
  th_dir *d = *state;
  th_write(d->path, "notes.txt", "hello");
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "notes.txt");
  err *e = NULL;
  assert_null(pack_load(path, NULL, &e));
  assert_string_equal(e->msg, "not a rule pack");
  err_free(e);
  /* a folder without pack.lua */
  th_write(d->path, "empty/other.lua", "");
  th_path(path, sizeof path, d->path, "empty");
  e = NULL;
  assert_null(pack_load(path, NULL, &e));
  assert_string_equal(e->msg, "the pack folder has no pack.lua");
  assert_string_equal(e->file, path);
  err_free(e);
}

/* ---- names and types --------------------------------------------------------- */

static void test_err_unknown_fact_did_you_mean(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = yes \"neglgent\" }\n" TAIL, NULL);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "unknown fact or node 'neglgent'");
  assert_string_equal(e->hint, "did you mean 'negligent'?");
  assert_true(th_ends_with(e->file, "/pack.lua"));
  assert_int_equal(e->line, 4);
  err_free(e);
}

static void test_err_unknown_name_no_suggestion(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = all { \"negligent\", \"zebra_crossing\" } }\n" TAIL, NULL);
  assert_string_equal(e->msg, "unknown fact or node 'zebra_crossing'");
  assert_null(e->hint);
  err_free(e);
}

static void test_err_unknown_authority(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "authority \"daniels\" { cite = \"X v. Y\" }\n"
                                     "node \"claim\" { by = { \"danials\" }, rule = \"negligent\" }\n" TAIL, NULL);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "node claim: unknown authority 'danials'");
  assert_string_equal(e->hint, "did you mean 'daniels'?");
  assert_int_equal(e->line, 5);
  err_free(e);
  /* nothing close: the hint says how to declare one */
  e = th_pack_err(d->path, HEAD "node \"claim\" { by = \"kant\", rule = \"negligent\" }\n" TAIL, NULL);
  assert_string_equal(e->msg, "node claim: unknown authority 'kant'");
  th_assert_has(e->hint, "authority \"kant\" { cite");
  err_free(e);
}

static void test_err_cycle(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"a2\" }\n"
                                     "node \"a2\" { rule = all { \"negligent\", \"a3\" } }\n"
                                     "node \"a3\" { rule = no \"claim\" }\n" TAIL, NULL);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "cycle among nodes: claim -> a2 -> a3 -> claim");
  th_assert_has(e->hint, "cannot depend on itself");
  assert_int_equal(e->line, 4);
  err_free(e);
}

static void test_err_cycle_under_opinion(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"a2\" }\n"
                                     "node \"a2\" { rule = \"negligent\" }\n" TAIL
                                     "opinion \"loop\" { base = \"m\", override \"a2\" { rule = \"claim\" } }\n", NULL);
  th_err_has(e, "cycle among nodes under opinion loop: ");
  err_free(e);
}

static void test_err_self_reference(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = any { \"negligent\", \"claim\" } }\n" TAIL, NULL);
  assert_string_equal(e->msg, "cycle among nodes: claim -> claim");
  err_free(e);
}

static void test_err_yes_on_enum(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = yes \"status\" }\n" TAIL, NULL);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "'status' is not yes/no, so it cannot stand alone as a condition");
  assert_string_equal(e->hint, "test it with is(\"status\", \"prisoner\")");
  assert_int_equal(e->line, 4);
  err_free(e);
}

static void test_err_yes_on_number(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "fact \"days\" { number }\nnode \"claim\" { rule = \"days\" }\n" TAIL, NULL);
  assert_string_equal(e->msg, "'days' is not yes/no, so it cannot stand alone as a condition");
  th_assert_has(e->hint, "gt, ge, lt, le, eq or ne");
  err_free(e);
}

static void test_err_is_unknown_value(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = is(\"status\", \"prisonr\") }\n" TAIL, NULL);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "is(\"status\", ...): 'prisonr' is not one of prisoner, free");
  assert_string_equal(e->hint, "did you mean 'prisoner'?");
  assert_int_equal(e->line, 4);
  err_free(e);
}

static void test_err_is_on_number(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "fact \"days\" { number }\nnode \"claim\" { rule = is(\"days\", \"3\") }\n" TAIL, NULL);
  th_err_has(e, "is(\"days\", ...): days is not a yes/no or one-of fact or node");
  err_free(e);
}

static void test_err_cmp_types(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = gt(\"status\", 3) }\n" TAIL, NULL);
  assert_string_equal(e->msg, "gt(\"status\", ...): status is not a number or date fact");
  assert_string_equal(e->hint, "test a one-of fact with is(\"status\", \"prisoner\")");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"when\" { date }\nnode \"claim\" { rule = lt(\"when\", \"1986-02-30\") }\n" TAIL, NULL);
  assert_string_equal(e->msg, "lt(\"when\", ...) compares a date fact; give a date");
  assert_int_equal(e->line, 5);
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"days\" { number }\nnode \"claim\" { rule = ge(\"days\", \"8\") }\n" TAIL, NULL);
  assert_string_equal(e->msg, "ge(\"days\", ...) compares a number fact; give a number without quotes, e.g. ge(\"days\", 10)");
  err_free(e);
}

static void test_cmp_date_value(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, HEAD "fact \"when\" { date }\nnode \"claim\" { rule = le(\"when\", \"1986-01-21\") }\n" TAIL);
  const expr *x = p->nodes[0].base.rule;
  assert_int_equal(x->kind, EXPR_CMP);
  assert_int_equal(x->cmp, CMP_LE);
  assert_float_equal(x->number, pack_parse_date("1986-01-21", 10), 0);
  pack_free(p);
}

static void test_err_first_without_otherwise(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { values = { \"a\", \"b\" },\n"
                                     "  rule = first { when \"negligent\" :gives \"a\" } }\n" TAIL, NULL);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "first { ... } needs otherwise \"value\" as its last branch, for when no condition holds");
  assert_string_equal(e->hint, "end the list with otherwise \"value\"");
  assert_int_equal(e->line, 5);
  err_free(e);
}

static void test_err_otherwise_not_last(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { values = { \"a\", \"b\" },\n"
                                     "  rule = first { otherwise \"b\",\n"
                                     "    when \"negligent\" :gives \"a\" } }\n" TAIL, NULL);
  const err *x = th_err_has(e, "otherwise must be the last branch");
  assert_int_equal(x->line, 5);
  err_free(e);
}

static void test_err_first_gives_unknown_value(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { values = { \"negligent_act\", \"none\" },\n"
                                     "  rule = first { when \"negligent\" :gives \"negligent_ac\",\n"
                                     "                 otherwise \"none\" } }\n" TAIL, NULL);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "node claim: 'negligent_ac' is not one of its values (negligent_act, none, or unknown)");
  assert_string_equal(e->hint, "did you mean 'negligent_act'?");
  assert_int_equal(e->line, 5);
  err_free(e);
}

static void test_first_gives_unknown_allowed(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, HEAD "node \"claim\" { values = { \"a\", \"b\" },\n"
                                  "  rule = first { when \"negligent\" :gives \"unknown\", otherwise \"b\" } }\n" TAIL);
  assert_int_equal(p->nodes[0].base.rule->gives[0], RV_UNKNOWN);
  assert_int_equal(p->nodes[0].base.rule->gives[1], 1);
  pack_free(p);
}

static void test_err_valued_node_needs_first(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { values = { \"a\", \"b\" }, rule = \"negligent\" }\n" TAIL, NULL);
  assert_string_equal(e->msg, "node claim has values, so its rule must choose one of them");
  err_free(e);
}

static void test_err_node_values(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { values = { \"a\", \"unknown\" }, finding = true }\n" TAIL, NULL);
  assert_string_equal(e->msg, "node claim lists 'unknown' as a value");
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"claim\" { values = { \"a\" }, finding = true }\n" TAIL, NULL);
  assert_string_equal(e->msg, "node claim needs between 2 and 64 values (it lists 1)");
  err_free(e);
}

static void test_err_no_rule(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { ask = \"?\" }\n" TAIL, NULL);
  assert_string_equal(e->msg, "node claim has no rule");
  th_assert_has(e->hint, "finding = true");
  assert_int_equal(e->line, 4);
  err_free(e);
}

static void test_err_duplicates(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "fact \"negligent\" { yesno }\nnode \"claim\" { rule = \"negligent\" }\n" TAIL, NULL);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "fact 'negligent' is declared twice");
  assert_string_equal(e->hint, "rename one of them");
  assert_int_equal(e->line, 4);
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\nnode \"claim\" { rule = \"negligent\" }\n" TAIL, NULL);
  th_err_has(e, "node 'claim' is declared twice");
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"negligent\" { rule = true }\nnode \"claim\" { rule = \"negligent\" }\n" TAIL, NULL);
  th_err_has(e, "'negligent' is declared both as a fact and as a node");
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n" TAIL TAIL, NULL);
  th_err_has(e, "opinion 'm' is declared twice");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"f\" { oneof { \"a\", \"b\", \"a\" } }\nnode \"claim\" { rule = \"negligent\" }\n" TAIL, NULL);
  assert_string_equal(e->msg, "fact f lists the value 'a' twice");
  err_free(e);
}

static void test_err_authority_without_cite(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "authority \"x\" { pin = \"5\" }\nnode \"claim\" { rule = \"negligent\" }\n" TAIL, NULL);
  assert_string_equal(e->msg, "authority x has no citation");
  assert_int_equal(e->line, 4);
  err_free(e);
}

static void test_fact_defaults(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, HEAD "fact \"reviewed\" { yesno, default = \"no\" }\n"
                                  "fact \"test\" { oneof { \"right\", \"wrong\" }, default = \"right\" }\n"
                                  "fact \"plain\" { yesno }\n"
                                  "node \"claim\" { rule = all { \"reviewed\", is(\"test\", \"right\"), \"plain\" } }\n" TAIL);
  const pack_fact *f = &p->facts[pack_fact_index(p, "reviewed")];
  assert_true(f->has_default);
  assert_int_equal(f->def, RV_NO);
  f = &p->facts[pack_fact_index(p, "test")];
  assert_true(f->has_default);
  assert_int_equal(f->def, 0);
  assert_false(p->facts[pack_fact_index(p, "plain")].has_default);
  pack_free(p);
  err *e = th_pack_err(d->path, HEAD "fact \"test\" { oneof { \"right\", \"wrong\" }, default = \"rigth\" }\nnode \"claim\" { rule = \"negligent\" }\n" TAIL, NULL);
  assert_string_equal(e->msg, "fact test: default 'rigth' is not one of its values (right, wrong)");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"days\" { number, default = 3 }\nnode \"claim\" { rule = \"negligent\" }\n" TAIL, NULL);
  assert_string_equal(e->msg, "fact days: a number fact cannot have a default");
  err_free(e);
}

/* The sentence for an answer, or NULL; compared and freed. */
static void assert_sentence(const pack *p, const char *fact, const char *value, const char *want) {
  char *s = pack_fact_sentence(p, pack_fact_index(p, fact), value);
  if (!want) {
    if (s) fail_msg("%s=%s: expected no sentence, got \"%s\"", fact, value ? value : "(blank)", s);
    return;
  }
  if (!s) fail_msg("%s=%s: no sentence", fact, value ? value : "(blank)");
  assert_string_equal(s, want);
  free(s);
}

static void test_fact_sentences(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, HEAD
                    "fact \"knew\" { yesno, ask = \"Did the guard know of the threat?\",\n"
                    "  says = { yes = \"The guard knew of the threat.\", no = \"The guard did not know of the threat.\" } }\n"
                    "fact \"custody\" { oneof { \"convicted_prisoner\", \"pretrial_detainee\", \"free\" },\n"
                    "  ask = \"What was his custodial status?\",\n"
                    "  says = { convicted_prisoner = \"He was serving a sentence.\", free = \"He was {custody}.\" } }\n"
                    "fact \"days\" { number, ask = \"How many days before the hearing?\", says = \"Notice came {days} days before the hearing.\" }\n"
                    "fact \"filed\" { date, says = \"The claim was filed on {filed}.\" }\n"
                    "fact \"who\" { text, ask = \"To whom was it addressed?\" }\n"
                    "fact \"remedy\" { oneof { \"adequate\", \"barred_by_immunity\" } }\n"
                    "fact \"note\" { text, ask = \"Describe the notice.\" }\n"
                    "node \"claim\" { rule = all { \"negligent\", \"knew\", is(\"custody\", \"free\"), ge(\"days\", 1),\n"
                    "  gt(\"filed\", \"1980-01-01\"), is(\"remedy\", \"adequate\") }, yes = \"{who} {note}\" }\n" TAIL);
  /* the pack's own sentences, any spelling a cell takes */
  assert_sentence(p, "knew", "yes", "The guard knew of the threat.");
  assert_sentence(p, "knew", "N", "The guard did not know of the threat.");
  assert_sentence(p, "custody", "convicted_prisoner", "He was serving a sentence.");
  assert_sentence(p, "custody", "free", "He was free.");
  assert_sentence(p, "days", "8.50", "Notice came 8.5 days before the hearing.");
  assert_sentence(p, "filed", "1986-01-21", "The claim was filed on 1986-01-21.");
  /* the default: the question and the answer */
  assert_sentence(p, "custody", "pretrial_detainee", "What was his custodial status? Pretrial detainee.");
  assert_sentence(p, "who", "Jones & Co.", "To whom was it addressed? Jones & Co.");
  assert_sentence(p, "who", "the warden", "To whom was it addressed? The warden.");
  assert_sentence(p, "note", "late", "Describe the notice: late.");
  assert_sentence(p, "remedy", "barred_by_immunity", "Remedy: barred by immunity.");
  assert_sentence(p, "negligent", "1", "Negligent: yes.");
  /* a blank answer always takes the default */
  assert_sentence(p, "knew", NULL, "Did the guard know of the threat? Unknown.");
  assert_sentence(p, "days", "", "How many days before the hearing? Unknown.");
  assert_sentence(p, "remedy", "", "Remedy: unknown.");
  /* answers the fact does not take */
  assert_sentence(p, "knew", "maybe", NULL);
  assert_sentence(p, "custody", "prisoner", NULL);
  assert_sentence(p, "days", "8x", NULL);
  assert_sentence(p, "filed", "1986-02-30", NULL);
  assert_null(pack_fact_sentence(p, -1, "yes"));
  assert_null(pack_fact_sentence(p, p->nfacts, "yes"));
  const pack_fact *f = &p->facts[pack_fact_index(p, "custody")];
  assert_true(pack_fact_says(f, 0));
  assert_false(pack_fact_says(f, 1));
  assert_true(pack_fact_says(f, 2));
  assert_false(pack_fact_says(f, 3));
  assert_false(pack_fact_says(&p->facts[pack_fact_index(p, "who")], 0));
  pack_free(p);
}

static void test_err_fact_sentences(void **state) {
  th_dir *d = *state;
#define CLAIM "node \"claim\" { rule = \"negligent\" }\n" TAIL
  err *e = th_pack_err(d->path, HEAD "fact \"knew\" { yesno, says = { yes = \"Knew.\", yse = \"x\", zebra = \"y\" } }\n" CLAIM, NULL);
  assert_int_equal(err_count(e), 2);
  assert_string_equal(e->msg, "fact knew: says gives a sentence for 'yse', which is not one of its values (no, yes)");
  assert_string_equal(e->hint, "did you mean 'yes'?");
  assert_int_equal(e->line, 4);
  assert_string_equal(e->next->msg, "fact knew: says gives a sentence for 'zebra', which is not one of its values (no, yes)");
  assert_string_equal(e->next->hint, "give sentences for its values only: no, yes");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"care\" { oneof { \"none\", \"some\" }, says = { nonee = \"x\" } }\n" CLAIM, NULL);
  assert_string_equal(e->msg, "fact care: says gives a sentence for 'nonee', which is not one of its values (none, some)");
  assert_string_equal(e->hint, "did you mean 'none'?");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"knew\" { yesno, says = \"He knew.\" }\n" CLAIM, NULL);
  assert_string_equal(e->msg, "fact knew: says must give a sentence per answer, not a string");
  assert_string_equal(e->hint, "write says = { yes = \"...\", no = \"...\" }");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"care\" { oneof { \"none\", \"some\" }, says = { \"x\" } }\n" CLAIM, NULL);
  assert_string_equal(e->msg, "fact care: says lists a sentence without the answer it is for");
  assert_string_equal(e->hint, "write says = { none = \"...\", some = \"...\" }");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"knew\" { yesno, says = { yes = 3 } }\n" CLAIM, NULL);
  assert_string_equal(e->msg, "fact knew: says: 'yes' must be text in quotes, not a number; write yes = \"...\"");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"knew\" { yesno, says = { no = \"\" } }\n" CLAIM, NULL);
  assert_string_equal(e->msg, "fact knew: says: the sentence for no is empty");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"days\" { number, says = { yes = \"x\" } }\n" CLAIM, NULL);
  assert_string_equal(e->msg, "fact days: says must be one sentence in quotes that shows {days}, not a table");
  assert_string_equal(e->hint, "write says = \"... {days} ...\"");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"days\" { number, says = \"Notice came early.\" }\n" CLAIM, NULL);
  assert_string_equal(e->msg, "fact days: its sentence does not show the answer");
  assert_string_equal(e->hint, "put {days} where the answer goes");
  err_free(e);
  /* a sentence shows only its own fact: it is read without a row */
  e = th_pack_err(d->path, HEAD "fact \"days\" { number, says = \"Notice came {value} days early.\" }\n" CLAIM, NULL);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "fact days: its sentence shows {value}, but a fact's sentence shows only its own answer, {days}");
  assert_string_equal(e->hint, "write {days} where the answer goes");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"knew\" { yesno, says = { yes = \"He was {status}.\" } }\n" CLAIM, NULL);
  th_err_has(e, "fact knew: its sentence shows {status}, but a fact's sentence shows only its own answer, {knew}");
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"days\" { number, says = \"{days days\" }\n" CLAIM, NULL);
  th_err_has(e, "a sentence has '{' with no matching '}'");
  err_free(e);
  /* a repeated declaration is reported once, and its says not read */
  e = th_pack_err(d->path, HEAD "fact \"negligent\" { yesno, says = { nope = \"x\" } }\n" CLAIM, NULL);
  assert_int_equal(err_count(e), 1);
  th_err_has(e, "fact 'negligent' is declared twice");
  err_free(e);
#undef CLAIM
}

static void test_override_title(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, HEAD "node \"claim\" { title = \"Claim\", rule = \"negligent\" }\n" TAIL
                                  "opinion \"d\" { base = \"m\", override \"claim\" { title = \"Claim, as D reads it\" } }\n"
                                  "opinion \"e\" { base = \"d\" }\n");
  int n = pack_node_index(p, "claim");
  assert_null(p->opinions[pack_opinion_index(p, "m")].rules[n]->title);
  assert_string_equal(p->opinions[pack_opinion_index(p, "d")].rules[n]->title, "Claim, as D reads it");
  assert_string_equal(p->opinions[pack_opinion_index(p, "e")].rules[n]->title, "Claim, as D reads it"); /* inherited */
  pack_free(p);
}

static void test_err_dsl_misuse(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "fact \"days\" { number, aks = \"?\" }\n", NULL);
  th_assert_has(e->msg, "fact \"days\": unknown field 'aks'; did you mean 'ask'? (fields: ask, default, help, optional, says, type)");
  assert_int_equal(e->line, 4);
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"days\" { ask = \"?\" }\n", NULL);
  th_assert_has(e->msg, "fact \"days\" needs a type first");
  assert_int_equal(e->line, 4);
  err_free(e);
  e = th_pack_err(d->path, HEAD "fact \"two words\" { yesno }\n", NULL);
  th_assert_has(e->msg, "fact name must be a word of letters, digits and _ (got 'two words')");
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"claim\" { rule = all { } }\n", NULL);
  th_assert_has(e->msg, "all needs at least one condition");
  assert_int_equal(e->line, 4);
  err_free(e);
}

static void test_err_opinion_references(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n" TAIL
                                     "opinion \"d\" { base = \"mm\" }\n", NULL);
  assert_string_equal(e->msg, "opinion d: unknown base opinion 'mm'");
  assert_string_equal(e->hint, "did you mean 'm'?");
  assert_int_equal(e->line, 6);
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\nopinion \"m\" { decides = \"claimm\" }\n", NULL);
  assert_string_equal(e->msg, "opinion m decides unknown node 'claimm'");
  assert_string_equal(e->hint, "did you mean 'claim'?");
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\nopinion \"m\" { author = \"x\" }\n", NULL);
  assert_string_equal(e->msg, "opinion m does not say which node it decides");
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n" TAIL
                                "opinion \"d\" { base = \"m\", override \"clam\" { rule = true } }\n", NULL);
  assert_string_equal(e->msg, "opinion d overrides unknown node 'clam'");
  assert_string_equal(e->hint, "did you mean 'claim'?");
  err_free(e);
}

static void test_err_opinion_dates_and_disposition(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n"
                                     "opinion \"m\" { decides = \"claim\", date = \"1986-13-01\", until_date = \"soon\" }\n", NULL);
  assert_int_equal(err_count(e), 2);
  assert_string_equal(e->msg, "opinion m: date '1986-13-01' is not a date");
  assert_string_equal(e->next->msg, "opinion m: until_date 'soon' is not a date");
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n"
                                "opinion \"m\" { decides = \"claim\", disposition = { yes = \"r\", yse = \"a\" } }\n", NULL);
  assert_string_equal(e->msg, "opinion m: disposition for 'yse', which is not a value of claim (no, yes, unknown)");
  assert_string_equal(e->hint, "did you mean 'yes'?");
  err_free(e);
}

static void test_err_no_pack_no_opinion(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, "fact \"a\" { yesno }\nnode \"claim\" { rule = \"a\" }\n" TAIL, NULL);
  assert_string_equal(e->msg, "the pack never declares itself");
  assert_int_equal(e->line, 1);
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n", NULL);
  assert_string_equal(e->msg, "the pack declares no opinion");
  err_free(e);
}

static void test_err_many_in_one_pass(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"a1\" { rule = yes \"neglgent\" }\n"
                                     "node \"a2\" { rule = is(\"status\", \"fre\") }\n"
                                     "node \"claim\" { rule = all { \"a1\", \"a2\" } }\n" TAIL, NULL);
  assert_int_equal(err_count(e), 2);
  assert_int_equal(e->line, 4);
  assert_int_equal(e->next->line, 5);
  assert_string_equal(e->next->hint, "did you mean 'free'?");
  err_free(e);
}

static void test_err_syntax(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \n\n", NULL);
  assert_true(th_ends_with(e->file, "/pack.lua"));
  assert_true(e->line >= 4);
  th_assert_has(e->msg, "unexpected symbol");
  err_free(e);
}

/* ---- the sandbox ------------------------------------------------------------- */

static void test_sandbox_unknown_global(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n"
                                     "local x = neglgence\n" TAIL, NULL);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "unknown name 'neglgence'");
  assert_true(th_ends_with(e->file, "/pack.lua"));
  assert_int_equal(e->line, 5);
  err_free(e);
  e = th_pack_err(d->path, HEAD "counter = 1\n", NULL);
  th_assert_has(e->msg, "assignment to global 'counter'");
  assert_int_equal(e->line, 4);
  err_free(e);
}

static void test_sandbox_absent_globals(void **state) {
  th_dir *d = *state;
  static const char *const absent[] = {"io", "os", "require", "debug", "package", "dofile",
                                       "loadfile", "getmetatable", "rawget", "rawset",
                                       "collectgarbage", "coroutine", "_G", NULL};
  for (int i = 0; absent[i]; i++) {
    char src[512], want[64];
    snprintf(src, sizeof src, HEAD "local x = %s\n", absent[i]);
    err *e = th_pack_err(d->path, src, NULL);
    snprintf(want, sizeof want, "unknown name '%s'", absent[i]);
    if (strcmp(e->msg, want) != 0) fail_msg("%s: got '%s'", absent[i], e->msg);
    assert_int_equal(e->line, 4);
    err_free(e);
  }
}

static void test_sandbox_io_os_absent_even_indirectly(void **state) {
  th_dir *d = *state;
  /* nothing reachable from the allowed names leads to io or os */
  pack *p = th_pack(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n" TAIL
                                  "for _, lib in ipairs({ string, table, math, utf8 }) do\n"
                                  "  for k, v in pairs(lib) do\n"
                                  "    assert(k ~= 'dump' and k ~= 'execute' and k ~= 'open', k)\n"
                                  "  end\n"
                                  "end\n"
                                  "assert(string.dump == nil, 'string.dump')\n"
                                  "assert((\"\").dump == nil, 'dump through the string metatable')\n"
                                  "assert(type(string.format) == 'function')\n"
                                  "assert(math.max(1, 2) == 2 and utf8.char(65) == 'A')\n");
  pack_free(p);
}

static void test_sandbox_bytecode_refused(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "local f, msg = load(\"\\27Lua\\84\\0\")\n"
                                     "assert(f == nil)\n"
                                     "error(msg)\n", NULL);
  th_assert_has(e->msg, "load accepts Lua source text only, not compiled bytecode");
  err_free(e);
  /* asking for mode "b" changes nothing */
  e = th_pack_err(d->path, HEAD "local f, msg = load(\"\\27Lua\", \"x\", \"b\")\nerror(msg)\n", NULL);
  th_assert_has(e->msg, "not compiled bytecode");
  err_free(e);
  /* text chunks load, in the pack's environment */
  pack *p = th_pack(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n" TAIL
                                  "assert(load(\"return 1 + 1\")() == 2)\n"
                                  "assert(load(\"return yesno\")() ~= nil)\n");
  pack_free(p);
}

static void test_sandbox_bytecode_pack_file(void **state) {
  th_dir *d = *state;
  /* a pack file that is bytecode is refused too */
  th_write_n(d->path, "pack.lua", "\x1bLua\x54\x00garbage", 13);
  err *e = NULL;
  assert_null(pack_load(d->path, NULL, &e));
  assert_non_null(e);
  th_assert_has(e->msg, "binary chunk");
  err_free(e);
}

static void test_sandbox_include_inside(void **state) {
  th_dir *d = *state;
  th_write(d->path, "sub/more.lua", "fact \"extra\" { yesno }\n");
  pack *p = th_pack(d->path, HEAD "include \"sub/more.lua\"\nnode \"claim\" { rule = \"extra\" }\n" TAIL);
  assert_int_equal(pack_fact_index(p, "extra"), 2);
  assert_true(th_ends_with(p->facts[2].file, "/sub/more.lua"));
  assert_int_equal(p->facts[2].line, 1);
  pack_free(p);
}

static void test_sandbox_include_dotdot(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pk/x.lua", "");
  th_write(d->path, "outside.lua", "fact \"x\" { yesno }\n");
  th_write(d->path, "pk/pack.lua", HEAD "include \"../outside.lua\"\n");
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "pk");
  err *e = NULL;
  assert_null(pack_load(path, NULL, &e));
  assert_string_equal(e->msg, "include \"../outside.lua\": a path that climbs out with '..'; "
                              "a pack may only include files inside its own folder");
  assert_int_equal(e->line, 4);
  assert_true(th_ends_with(e->file, "pk/pack.lua"));
  err_free(e);
  /* '..' in the middle counts too, even when it would come back inside */
  th_write(d->path, "pk/pack.lua", HEAD "include \"sub/../x.lua\"\n");
  e = NULL;
  assert_null(pack_load(path, NULL, &e));
  th_assert_has(e->msg, "climbs out with '..'");
  err_free(e);
}

static void test_sandbox_include_absolute(void **state) {
  th_dir *d = *state;
  char src[PATH_MAX + 256], other[PATH_MAX];
  th_write(d->path, "abs.lua", "fact \"x\" { yesno }\n");
  th_path(other, sizeof other, d->path, "abs.lua");
  snprintf(src, sizeof src, HEAD "include \"%s\"\n", other);
  err *e = th_pack_err(d->path, src, NULL);
  th_assert_has(e->msg, ": an absolute path; a pack may only include files inside its own folder");
  assert_int_equal(e->line, 4);
  err_free(e);
}

static void test_sandbox_include_symlink(void **state) {
  th_dir *d = *state;
  th_write(d->path, "secret.lua", "fact \"x\" { yesno }\n");
  th_write(d->path, "pk/pack.lua", HEAD "include \"link.lua\"\n");
  char target[PATH_MAX], link[PATH_MAX], path[PATH_MAX];
  th_path(target, sizeof target, d->path, "secret.lua");
  th_path(link, sizeof link, d->path, "pk/link.lua");
  assert_int_equal(symlink(target, link), 0);
  th_path(path, sizeof path, d->path, "pk");
  err *e = NULL;
  assert_null(pack_load(path, NULL, &e));
  assert_string_equal(e->msg, "include \"link.lua\": a link that points outside the pack folder; "
                              "a pack may only include files inside its own folder");
  assert_int_equal(e->line, 4);
  err_free(e);
  /* a folder link counts as well */
  th_path(link, sizeof link, d->path, "pk/dirlink");
  assert_int_equal(symlink(d->path, link), 0);
  th_write(d->path, "pk/pack.lua", HEAD "include \"dirlink/secret.lua\"\n");
  e = NULL;
  assert_null(pack_load(path, NULL, &e));
  th_assert_has(e->msg, "a link that points outside the pack folder");
  err_free(e);
}

static void test_sandbox_include_missing(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "include \"nope.lua\"\n", NULL);
  th_assert_has(e->msg, "include \"nope.lua\": no such file in the pack folder");
  assert_int_equal(e->line, 4);
  err_free(e);
  th_write(d->path, "adir/x.lua", "");
  e = th_pack_err(d->path, HEAD "include \"adir\"\n", NULL);
  assert_string_equal(e->msg, "include \"adir\": not a file but a folder or device; include a .lua file of the pack");
  err_free(e);
}

static void test_sandbox_step_budget(void **state) {
  th_dir *d = *state;
  pack_options o = {.limits = {.max_steps = 20000}};
  err *e = th_pack_err(d->path, HEAD "local n = 0\nwhile true do n = n + 1 end\n", &o);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "the pack went over its step budget of 20000 steps");
  th_assert_has(e->hint, "--max-steps");
  assert_true(th_ends_with(e->file, "/pack.lua"));
  assert_int_equal(e->line, 5);
  err_free(e);
}

static void test_sandbox_step_budget_pcall(void **state) {
  th_dir *d = *state;
  pack_options o = {.limits = {.max_steps = 20000}};
  /* a pcall cannot swallow the stop */
  err *e = th_pack_err(d->path, HEAD "local ok = pcall(function() while true do end end)\n"
                                     "local x = 0\n"
                                     "for i = 1, 10 do x = x + i end\n", &o);
  th_assert_has(e->msg, "went over its step budget of 20000 steps");
  err_free(e);
  /* nor an xpcall whose handler returns */
  e = th_pack_err(d->path, HEAD "xpcall(function() while true do end end, function() return 1 end)\n", &o);
  th_assert_has(e->msg, "went over its step budget");
  err_free(e);
}

/* An xpcall whose message handler loops: Lua runs the handler of an error
 * raised in a hook with hooks off, so the budget must stop it some other
 * way. Run in a child so a hang fails the test instead of the suite. */
static void test_sandbox_step_budget_xpcall_handler(void **state) {
  th_dir *d = *state;
  th_write(d->path, "pack.lua", HEAD "xpcall(function() while true do end end, function() while true do end end)\n");
  fflush(NULL);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    pack_options o = {.limits = {.max_steps = 20000}};
    err *e = NULL;
    pack *p = pack_load(d->path, &o, &e);
    int ok = !p && e && strstr(e->msg, "went over its step budget") != NULL;
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  struct timespec tick = {0, 100000000};
  for (int i = 0; i < 100 && waitpid(pid, &status, WNOHANG) == 0; i++) nanosleep(&tick, NULL);
  if (waitpid(pid, &status, WNOHANG) == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    fail_msg("xpcall with a looping handler ran past the step budget (still running after 10 s)");
  }
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_sandbox_budget_fresh_per_load(void **state) {
  th_dir *d = *state;
  /* a pack that does real work under the budget loads */
  pack_options o = {.limits = {.max_steps = 200000}};
  err *e = NULL;
  pack *p = th_pack_try(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n" TAIL
                                      "local x = 0\nfor i = 1, 1000 do x = x + i end\n", &o, &e);
  assert_non_null(p);
  pack_free(p);
}

static void test_sandbox_memory_cap(void **state) {
  th_dir *d = *state;
  pack_options o = {.limits = {.max_memory = (size_t)4 << 20}};
  err *e = th_pack_err(d->path, HEAD "local t = {}\n"
                                     "for i = 1, 1e9 do t[i] = ('x'):rep(100) .. i end\n", &o);
  assert_int_equal(err_count(e), 1);
  assert_string_equal(e->msg, "the pack went over its memory limit of 4 MiB");
  th_assert_has(e->hint, "--max-memory");
  assert_true(th_ends_with(e->file, "/pack.lua"));
  assert_int_equal(e->line, 5);
  err_free(e);
  /* a pcall may catch the refusal, but the cap holds: the string never grew
   * past it, and the pack goes on with its memory back */
  e = th_pack_err(d->path, HEAD "local ok, m = pcall(function() local s = 'x' while true do s = s .. s end end)\n"
                                "error('caught: ' .. tostring(ok) .. ' ' .. tostring(m), 0)\n", &o);
  assert_string_equal(e->msg, "caught: false not enough memory");
  err_free(e);
}

static void test_sandbox_memory_too_small_to_start(void **state) {
  th_dir *d = *state;
  pack_options o = {.limits = {.max_memory = 4096}};
  err *e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n" TAIL, &o);
  th_assert_has(e->msg, "memory");
  err_free(e);
}

static void test_sandbox_runtime_error_position(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, HEAD "local t = nil\nlocal x = t.field\n", NULL);
  assert_true(th_ends_with(e->file, "/pack.lua"));
  assert_int_equal(e->line, 5);
  th_assert_has(e->msg, "attempt to index a nil value");
  err_free(e);
  e = th_pack_err(d->path, HEAD "error({})\n", NULL);
  assert_int_equal(e->line, 4);
  th_assert_has(e->msg, "error raised with a table value");
  err_free(e);
  e = th_pack_err(d->path, HEAD "error(\"plain\", 0)\n", NULL);
  assert_int_equal(e->line, 4);
  assert_string_equal(e->msg, "plain");
  err_free(e);
}

/* ---- dates and opinions in force --------------------------------------------- */

static void test_parse_date(void **state) {
  (void)state;
  int a = pack_parse_date("1986-01-21", 10);
  assert_true(a > 0);
  assert_int_equal(pack_parse_date("1986-01-22", 10), a + 1);
  assert_int_equal(pack_parse_date("1987-01-21", 10), a + 365);
  assert_int_equal(pack_parse_date("1986-02-01", 10) - pack_parse_date("1986-01-31", 10), 1);
  assert_int_equal(pack_parse_date("1986-03-01", 10) - pack_parse_date("1986-02-28", 10), 1);
  assert_int_equal(pack_parse_date("2000-01-01", 10) - pack_parse_date("1970-01-01", 10), 10957);
  /* only the first len bytes are read */
  assert_int_equal(pack_parse_date("1986-01-21T00:00", 10), a);
}

static void test_parse_date_leap_years(void **state) {
  (void)state;
  assert_true(pack_parse_date("2024-02-29", 10) >= 0);
  assert_true(pack_parse_date("2000-02-29", 10) >= 0); /* divisible by 400 */
  assert_int_equal(pack_parse_date("1900-02-29", 10), -1); /* by 100, not 400 */
  assert_int_equal(pack_parse_date("2023-02-29", 10), -1);
  assert_int_equal(pack_parse_date("2024-03-01", 10) - pack_parse_date("2024-02-28", 10), 2);
  assert_int_equal(pack_parse_date("2023-03-01", 10) - pack_parse_date("2023-02-28", 10), 1);
  assert_int_equal(pack_parse_date("2025-01-01", 10) - pack_parse_date("2024-01-01", 10), 366);
}

static void test_parse_date_invalid(void **state) {
  (void)state;
  const char *bad[] = {"", "1986-1-21", "1986-01-2", "86-01-21", "1986/01/21", "1986-00-10",
                       "1986-13-01", "1986-01-00", "1986-01-32", "1986-04-31", "1986-06-31",
                       "1986-09-31", "1986-11-31", "abcd-ef-gh", "1986-0a-21", "19860121xx",
                       "1986-01-21x", " 1986-01-2", "-986-01-21"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    if (pack_parse_date(bad[i], strlen(bad[i])) != -1) fail_msg("'%s' should be invalid", bad[i]);
  assert_true(pack_parse_date("1986-12-31", 10) >= 0);
  assert_true(pack_parse_date("0001-01-01", 10) >= 0);
  assert_true(pack_parse_date("9999-12-31", 10) >= 0);
}

static void test_opinions_in_force(void **state) {
  th_dir *d = *state;
  pack *p = load_valid(d->path);
  int out[8];
  /* no date: all */
  assert_int_equal(pack_opinions_in_force(p, -1, out), 3);
  assert_int_equal(out[0], 0);
  assert_int_equal(out[1], 1);
  assert_int_equal(out[2], 2);
  /* before 1981-05-18: nothing was decided yet */
  assert_int_equal(pack_opinions_in_force(p, pack_parse_date("1980-01-01", 10), out), 0);
  /* from 1981-05-18 to the day before 1986-01-21: the old law only */
  assert_int_equal(pack_opinions_in_force(p, pack_parse_date("1981-05-18", 10), out), 1);
  assert_int_equal(out[0], 2);
  assert_int_equal(pack_opinions_in_force(p, pack_parse_date("1986-01-20", 10), out), 1);
  assert_int_equal(out[0], 2);
  /* on 1986-01-21 the old law ends (exclusive) and the new opinions begin */
  assert_int_equal(pack_opinions_in_force(p, pack_parse_date("1986-01-21", 10), out), 2);
  assert_int_equal(out[0], 0);
  assert_int_equal(out[1], 1);
  assert_int_equal(pack_opinions_in_force(p, pack_parse_date("2020-01-01", 10), out), 2);
  pack_free(p);
}

static void test_opinion_without_date_always_in_force(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n" TAIL);
  int out[2];
  assert_int_equal(pack_opinions_in_force(p, pack_parse_date("1900-01-01", 10), out), 1);
  assert_int_equal(out[0], 0);
  pack_free(p);
}

/* The case's own opinions: in force on the pack's date; without a date,
 * those with no until_date. */
static void test_case_opinions(void **state) {
  th_dir *d = *state;
  pack *p = load_valid(d->path);
  int out[8];
  assert_null(p->date);
  assert_int_equal(p->date_days, -1);
  assert_int_equal(pack_case_opinions(p, out), 2); /* majority, dissent: no until_date */
  assert_int_equal(out[0], 0);
  assert_int_equal(out[1], 1);
  pack_free(p);

  char *dated = xasprintf("pack { name = \"tp\", date = \"1985-01-01\" }\n%s", strchr(VALID_PACK, '\n') + 1);
  th_write(d->path, "authorities.lua", VALID_AUTH);
  p = th_pack(d->path, dated);
  assert_string_equal(p->date, "1985-01-01");
  assert_int_equal(p->date_days, pack_parse_date("1985-01-01", 10));
  assert_int_equal(pack_case_opinions(p, out), 1); /* the old law was in force then */
  assert_int_equal(out[0], 2);
  pack_free(p);
  free(dated);
}

static void test_pack_date_and_displaced_by_errors(void **state) {
  th_dir *d = *state;
  err *e = th_pack_err(d->path, "pack { name = \"t\", date = \"1986-13-01\" }\n", NULL);
  assert_non_null(e);
  assert_string_equal(e->msg, "pack: date '1986-13-01' is not a date");
  err_free(e);
  e = th_pack_err(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n"
                  "opinion \"m\" { decides = \"claim\", displaced_by = \"Daniels\" }\n", NULL);
  assert_non_null(e);
  assert_int_equal(e->line, 5);
  assert_string_equal(e->msg, "opinion m: displaced_by without until_date");
  err_free(e);
  pack *p = th_pack(d->path, HEAD "node \"claim\" { rule = \"negligent\" }\n"
                    "opinion \"m\" { decides = \"claim\", date = \"1981-05-18\", until_date = \"1986-01-21\",\n"
                    "  displaced_by = \"Daniels\" }\n");
  assert_string_equal(p->opinions[0].displaced_by, "Daniels");
  pack_free(p);
}

static void test_pack_free_null(void **state) {
  (void)state;
  pack_free(NULL);
}

#define T(f) cmocka_unit_test_setup_teardown(f, th_dir_setup, th_dir_teardown)

/* Case files a pack lists are the pack's own files: inside its folder
 * (symbolic links resolved), regular files. Anything else is refused when
 * the pack loads, at the pack's line, with the fix. */
static void test_case_paths(void **state) {
  th_dir *d = *state;
  char path[PATH_MAX];
  assert_int_equal(symlink("/etc/passwd", th_path(path, sizeof path, d->path, "link.csv")), 0);
  assert_int_equal(mkfifo(th_path(path, sizeof path, d->path, "pipe.csv"), 0600), 0);
  th_write(d->path, "folder/a.csv", "id\n");
  static const struct {
    const char *listed, *says;
  } refused[] = {
      {"/etc/passwd", "cases \"/etc/passwd\": an absolute path"},
      {"../x.csv", "cases \"../x.csv\": a path that climbs out with '..'"},
      {"link.csv", "cases \"link.csv\": a link that points outside the pack folder"},
      {"pipe.csv", "cases \"pipe.csv\": not a regular file"},
      {"folder", "cases \"folder\": not a regular file"},
  };
  for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
    char src[256];
    snprintf(src, sizeof src, "pack { name = 'p',\n cases = { 'folder/a.csv', '%s' } }\n", refused[i].listed);
    alarm(10); /* never waits on the pipe */
    err *e = th_pack_err(d->path, src, NULL);
    alarm(0);
    assert_null(e->next); /* the file inside the folder is fine */
    th_assert_has(e->msg, refused[i].says);
    assert_int_equal(e->line, 1);
    th_assert_has(e->file, "pack.lua");
    if (refused[i].listed[0] != 'p' && refused[i].listed[0] != 'f')
      th_assert_has(e->hint, "case files a pack lists must be inside its folder");
    err_free(e);
  }
}

/* decided = { ... } marks which of the listed case files hold decided
 * cases; a file it names must be listed, and the mistake is at the pack
 * line with a did-you-mean. */
static void test_decided_case_files(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, "pack { name = 'p', cases = { 'hyp.csv', 'won.csv' }, decided = { 'won.csv' } }\n"
                             "fact 'a' { yesno }\nnode 'claim' { rule = yes 'a' }\n" TAIL);
  assert_int_equal(p->ncases, 2);
  assert_false(p->case_decided[0]);
  assert_true(p->case_decided[1]);
  pack_free(p);
  p = th_pack(d->path, "pack { name = 'p', cases = { 'hyp.csv' } }\nfact 'a' { yesno }\nnode 'claim' { rule = yes 'a' }\n" TAIL);
  assert_null(p->case_decided); /* none marked */
  pack_free(p);
  err *e = th_pack_err(d->path, "pack { name = 'p', cases = { 'won.csv' },\n decided = { 'wan.csv' } }\n"
                                "fact 'a' { yesno }\nnode 'claim' { rule = yes 'a' }\n" TAIL, NULL);
  th_assert_has(e->msg, "pack: decided names 'wan.csv', which is not one of the pack's cases");
  assert_string_equal(e->hint, "did you mean 'won.csv'?");
  err_free(e);
  e = th_pack_err(d->path, "pack { name = 'p', decided = 'won.csv' }\nfact 'a' { yesno }\nnode 'claim' { rule = yes 'a' }\n" TAIL, NULL);
  th_assert_has(e->msg, "pack: decided must be a list of case files");
  err_free(e);
}

/* A listed file is checked again when it is opened: one that became a pipe
 * after the pack loaded is refused at once, never read (or waited on). A
 * path the user gives is not the pack's, and is opened as given. */
static void test_listed_case_opened_under_the_pack_rules(void **state) {
  th_dir *d = *state;
  th_write(d->path, "cases.csv", "id,a\nr1,yes\n");
  pack *p = th_pack(d->path, "pack { name = 'p', cases = { 'cases.csv' } }\nfact 'a' { yesno }\n"
                             "node 'claim' { rule = yes 'a' }\n" TAIL);
  assert_int_equal(p->ncases, 1);
  assert_int_equal(pack_case_index(p, p->cases[0]), 0);
  assert_int_equal(pack_case_index(p, "cases.csv"), -1);
  err *e = NULL;
  case_reader *r = cases_open(p, p->cases[0], &e);
  assert_non_null(r);
  cases_close(r);
  FILE *f = pack_open_case(p, 0, &e);
  assert_non_null(f);
  fclose(f);
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "cases.csv");
  assert_int_equal(remove(path), 0);
  assert_int_equal(mkfifo(path, 0600), 0);
  alarm(10);
  assert_null(cases_open(p, p->cases[0], &e));
  alarm(0);
  th_assert_has(e->msg, "cannot open case file: not a regular file");
  err_free(e);
  e = NULL;
  assert_null(pack_open_case(p, 5, &e)); /* no such entry */
  err_free(e);
  pack_free(p);
}

/* A pack with many mistakes reports the first 50 and counts the rest. */
static void test_many_mistakes_are_counted(void **state) {
  th_dir *d = *state;
  size_t cap = 64 * 1024, len = 0;
  char *src = xmalloc(cap);
  len += (size_t)snprintf(src + len, cap - len, "pack { name = 'p' }\nfact 'a' { yesno }\n");
  for (int i = 0; i < 200; i++)
    len += (size_t)snprintf(src + len, cap - len, "node 'n%d' { rule = yes 'missing%d' }\n", i, i);
  snprintf(src + len, cap - len, "opinion 'o' { decides = 'n1' }\n");
  err *e = NULL;
  assert_null(th_pack_try(d->path, src, NULL, &e));
  free(src);
  assert_int_equal(err_count(e), 51);
  const err *last = e;
  while (last->next) last = last->next;
  assert_string_equal(last->msg, "and 150 more mistakes in the pack");
  err_free(e);
}

/* Lookups by name find every declaration of a big pack (the index grows
 * as the lists do), and still work on a pack built by hand, without one. */
static void test_name_lookups_in_a_big_pack(void **state) {
  th_dir *d = *state;
  size_t cap = 1 << 20, len = 0;
  char *src = xmalloc(cap);
  len += (size_t)snprintf(src + len, cap - len, "pack { name = 'p' }\n");
  for (int i = 0; i < 3000; i++) len += (size_t)snprintf(src + len, cap - len, "fact 'f%d' { yesno }\n", i);
  for (int i = 0; i < 3000; i++)
    len += (size_t)snprintf(src + len, cap - len, "node 'n%d' { rule = yes 'f%d' }\n", i, i);
  snprintf(src + len, cap - len, "opinion 'o' { decides = 'n2999' }\n");
  pack *p = th_pack(d->path, src);
  free(src);
  for (int i = 0; i < 3000; i += 7) {
    char name[32];
    snprintf(name, sizeof name, "f%d", i);
    assert_int_equal(pack_fact_index(p, name), i);
    snprintf(name, sizeof name, "n%d", i);
    assert_int_equal(pack_node_index(p, name), i);
  }
  assert_int_equal(pack_fact_index(p, "n1"), -1);
  assert_int_equal(pack_node_index(p, "missing"), -1);
  assert_int_equal(pack_opinion_index(p, "o"), 0);
  assert_int_equal(pack_fact_index(p, NULL), -1);
  pack_free(p);
  pack_fact facts[2] = {{.name = "a"}, {.name = "b"}};
  pack by_hand = {.facts = facts, .nfacts = 2};
  assert_int_equal(pack_fact_index(&by_hand, "b"), 1);
  assert_int_equal(pack_fact_index(&by_hand, "c"), -1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_valid_header_and_facts),
      T(test_case_paths),
      T(test_decided_case_files),
      T(test_listed_case_opened_under_the_pack_rules),
      T(test_many_mistakes_are_counted),
      T(test_name_lookups_in_a_big_pack),
      T(test_valid_authorities),
      T(test_valid_nodes),
      T(test_valid_opinions),
      T(test_override_keeps_open_with_rule),
      T(test_load_lua_file_path),
      T(test_load_trailing_slash),
      T(test_relative_folder_name_in_messages),
      T(test_errors_at_the_rule_line),
      T(test_load_missing_path),
      T(test_load_not_a_pack),
      T(test_err_unknown_fact_did_you_mean),
      T(test_err_unknown_name_no_suggestion),
      T(test_err_unknown_authority),
      T(test_err_cycle),
      T(test_err_cycle_under_opinion),
      T(test_err_self_reference),
      T(test_err_yes_on_enum),
      T(test_err_yes_on_number),
      T(test_err_is_unknown_value),
      T(test_err_is_on_number),
      T(test_err_cmp_types),
      T(test_cmp_date_value),
      T(test_err_first_without_otherwise),
      T(test_err_otherwise_not_last),
      T(test_err_first_gives_unknown_value),
      T(test_first_gives_unknown_allowed),
      T(test_err_valued_node_needs_first),
      T(test_err_node_values),
      T(test_err_no_rule),
      T(test_err_duplicates),
      T(test_err_authority_without_cite),
      T(test_fact_defaults),
      T(test_override_title),
      T(test_fact_sentences),
      T(test_err_fact_sentences),
      T(test_err_dsl_misuse),
      T(test_err_opinion_references),
      T(test_err_opinion_dates_and_disposition),
      T(test_err_no_pack_no_opinion),
      T(test_err_many_in_one_pass),
      T(test_err_syntax),
      T(test_sandbox_unknown_global),
      T(test_sandbox_absent_globals),
      T(test_sandbox_io_os_absent_even_indirectly),
      T(test_sandbox_bytecode_refused),
      T(test_sandbox_bytecode_pack_file),
      T(test_sandbox_include_inside),
      T(test_sandbox_include_dotdot),
      T(test_sandbox_include_absolute),
      T(test_sandbox_include_symlink),
      T(test_sandbox_include_missing),
      T(test_sandbox_step_budget),
      T(test_sandbox_step_budget_pcall),
      T(test_sandbox_step_budget_xpcall_handler),
      T(test_sandbox_budget_fresh_per_load),
      T(test_sandbox_memory_cap),
      T(test_sandbox_memory_too_small_to_start),
      T(test_sandbox_runtime_error_position),
      cmocka_unit_test(test_parse_date),
      cmocka_unit_test(test_parse_date_leap_years),
      cmocka_unit_test(test_parse_date_invalid),
      T(test_opinions_in_force),
      T(test_case_opinions),
      T(test_pack_date_and_displaced_by_errors),
      T(test_opinion_without_date_always_in_force),
      cmocka_unit_test(test_pack_free_null),
  };
  return cmocka_run_group_tests_name("pack", tests, NULL, NULL);
}
