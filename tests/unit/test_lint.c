/* Unit tests for lint.c (the checks of `ratio check`) and cmd_new.c (the
 * scaffold must load, lint clean and refuse to overwrite). */
#include "helpers.h"

#include <sys/wait.h>

#include "cli.h"
#include "lint.h"

#define AUTH "authority \"a\" { cite = \"A v. B, 1 U.S. 1 (1900)\" }\n"
#define HEAD "pack { name = \"t\", title = \"T\" }\n" AUTH /* lines 1-2 */
/* who wins, for a node an opinion decides: without it ratio check warns */
#define FAV "favours = { yes = \"plaintiff\", no = \"defendant\" }, "

/* The finding whose message or hint says `needle`, or NULL. */
static const lint_finding *find(const lint_report *r, const char *needle) {
  for (int i = 0; i < r->n; i++)
    if (strstr(r->items[i].message, needle) || (r->items[i].hint && strstr(r->items[i].hint, needle)))
      return &r->items[i];
  return NULL;
}

static const lint_finding *has(const lint_report *r, const char *needle) {
  const lint_finding *f = find(r, needle);
  if (!f) {
    lint_print(r, stderr);
    fail_msg("no finding says \"%s\"", needle);
  }
  return f;
}

/* Lint a pack written from src; the caller frees the report. */
static lint_report *lint_src(const th_dir *d, const char *src) {
  pack *p = th_pack(d->path, src);
  lint_report *r = lint_new();
  lint_pack(p, r);
  pack_free(p);
  return r;
}

static void test_clean_pack(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "fact \"x\" { yesno }\n"
                            "node \"n\" { " FAV "by = \"a\", rule = \"x\" }\n"
                            "opinion \"m\" { decides = \"n\" }\n");
  assert_int_equal(r->n, 0);
  assert_int_equal(lint_count(r, LINT_ERROR), 0);
  assert_int_equal(lint_count(r, LINT_WARNING), 0);
  lint_free(r);
}

static void test_unused_fact_and_authority(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "authority \"spare\" { cite = \"C v. D, 2 U.S. 2 (1901)\" }\n" /* 3 */
                            "fact \"x\" { yesno }\n"                                      /* 4 */
                            "fact \"idle\" { yesno }\n"                                   /* 5 */
                            "fact \"shown\" { text }\n"                                   /* 6 */
                            "node \"n\" { " FAV "by = \"a\", rule = \"x\", yes = \"{shown}\" }\n"
                            "opinion \"m\" { decides = \"n\" }\n");
  const lint_finding *f = has(r, "fact idle is never used");
  assert_int_equal(f->line, 5);
  assert_int_equal(f->col, 1);
  assert_int_equal(f->severity, LINT_WARNING);
  assert_non_null(strstr(f->hint, "all { ..., \"idle\" }"));
  f = has(r, "authority spare is never cited");
  assert_int_equal(f->line, 3);
  assert_null(find(r, "fact shown")); /* a sentence shows it */
  assert_int_equal(r->n, 2);
  /* sorted by line */
  assert_true(r->items[0].line < r->items[1].line);
  lint_free(r);
}

static void test_node_without_authority_and_unreached(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "fact \"x\" { yesno }\n"                 /* 3 */
                            "node \"bare\" { rule = \"x\" }\n"       /* 4 */
                            "node \"lost\" { by = \"a\", rule = \"x\" }\n" /* 5 */
                            "opinion \"m\" { decides = \"bare\" }\n");
  assert_int_equal(has(r, "node bare cites no authority")->line, 4);
  assert_int_equal(has(r, "node lost is never reached")->line, 5);
  assert_null(find(r, "node bare is never reached"));
  lint_free(r);
}

static void test_reached_through_override_and_disposition(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "fact \"x\" { yesno }\n"
                            "node \"extra\" { by = \"a\", rule = \"x\" }\n"
                            "node \"disp\" { by = \"a\", values = { \"affirm\", \"reverse\" },\n"
                            "  rule = first { when(\"x\"):gives \"affirm\", otherwise \"reverse\" } }\n"
                            "node \"n\" { " FAV "by = \"a\", rule = \"x\" }\n"
                            "opinion \"m\" { decides = \"n\", disposition = \"disp\" }\n"
                            "opinion \"d\" { base = \"m\", override \"n\" { rule = \"extra\" } }\n");
  assert_int_equal(r->n, 0);
  lint_free(r);
}

static void test_enum_values(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "fact \"one_rest\" { oneof { \"a\", \"b\", \"rest\" } }\n"  /* 3 */
                            "fact \"two_rest\" { oneof { \"a\", \"b\", \"c\" } }\n"     /* 4 */
                            "fact \"untested\" { oneof { \"a\", \"b\" } }\n"            /* 5 */
                            "node \"v\" { by = \"a\", values = { \"hi\", \"lo\", \"ghost\" },\n" /* 6 */
                            "  rule = first { when(is(\"two_rest\", \"a\")):gives \"hi\", otherwise \"lo\" } }\n"
                            "node \"n\" { by = \"a\", rule = all { is(\"one_rest\", \"a\"), is(\"one_rest\", \"a\", \"b\"),\n"
                            "  is(\"v\", \"hi\") }, yes = \"{untested}\" }\n"
                            "opinion \"m\" { decides = \"n\" }\n");
  assert_null(find(r, "one_rest")); /* one value left over is the rest */
  const lint_finding *f = has(r, "no rule tells apart the values 'b', 'c'");
  assert_int_equal(f->line, 4);
  assert_int_equal(has(r, "fact untested: no rule tests its value")->line, 5);
  assert_int_equal(has(r, "node v: no rule gives or tests the value 'ghost'")->line, 6);
  assert_null(find(r, "'lo'"));
  lint_free(r);
}

/* A fact that phrases some answers and not others is reported; one that
 * phrases none, or all, is not. */
static void test_fact_sentences(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "fact \"x\" { yesno, says = { yes = \"X.\" } }\n"                              /* 3 */
                            "fact \"k\" { oneof { \"a\", \"b\", \"c\" }, says = { b = \"B.\" } }\n"         /* 4 */
                            "fact \"y\" { yesno, says = { yes = \"Y.\", no = \"Not Y.\" } }\n"              /* 5 */
                            "fact \"z\" { yesno }\n"                                                        /* 6 */
                            "fact \"n\" { number, says = \"{n} of them.\" }\n"                              /* 7 */
                            "node \"r\" { " FAV "by = \"a\", rule = all { \"x\", \"y\", \"z\", is(\"k\", \"a\"), no(is(\"k\", \"b\")), ge(\"n\", 1) } }\n"
                            "opinion \"m\" { decides = \"r\" }\n");
  const lint_finding *f = has(r, "fact x: says gives no sentence for 'no'");
  assert_int_equal(f->line, 3);
  assert_int_equal(f->severity, LINT_WARNING);
  assert_string_equal(f->hint, "add no = \"...\" to says, or the default (the question and the answer) is used");
  f = has(r, "fact k: says gives no sentence for 'a', 'c'");
  assert_int_equal(f->line, 4);
  assert_null(find(r, "fact y:"));
  assert_null(find(r, "fact z:"));
  assert_null(find(r, "fact n:"));
  assert_int_equal(r->n, 2);
  lint_free(r);
}

static void test_shadowed_branches(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "fact \"s\" { oneof { \"a\", \"b\", \"c\" } }\n"  /* 3 */
                            "fact \"k\" { number }\n"                         /* 4 */
                            "fact \"x\" { yesno }\n"                          /* 5 */
                            "node \"v\" { by = \"a\", values = { \"one\", \"two\", \"three\", \"four\", \"five\" }, "
                            "favours = { one = \"plaintiff\", two = \"plaintiff\", three = \"neither\", four = \"defendant\", five = \"defendant\" },\n" /* 6 */
                            "  rule = first {\n"                              /* 7 */
                            "    when(is(\"s\", \"a\", \"b\")) :gives \"one\",\n"  /* 8 */
                            "    when(is(\"s\", \"a\")) :gives \"two\",\n"         /* 9: shadowed by 8 */
                            "    when(all { \"x\", gt(\"k\", 5) }) :gives \"three\",\n" /* 10 */
                            "    when(all { \"x\", gt(\"k\", 9) }) :gives \"four\",\n"  /* 11: shadowed by 10 */
                            "    when(all { \"x\", lt(\"k\", 9) }) :gives \"five\",\n"  /* 12: fine */
                            "    otherwise \"one\" } }\n"
                            "opinion \"m\" { decides = \"v\", disposition = \"v\" }\n");
  const lint_finding *f = has(r, "branch 2 of first, which gives 'two', can never be taken");
  assert_int_equal(f->line, 9);
  assert_non_null(strstr(f->hint, "branch 1 (line 8)"));
  assert_int_equal(has(r, "branch 4 of first")->line, 11);
  assert_null(find(r, "branch 5"));
  assert_int_equal(r->n, 2);
  lint_free(r);
}

/* A node an opinion decides must say which party each answer favours,
 * once per node however many opinions decide it; every value, or the
 * warning names the ones left out. */
static void test_favours(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "fact \"x\" { yesno }\n"                                       /* 3 */
                            "node \"n\" { by = \"a\", rule = \"x\" }\n"                     /* 4 */
                            "node \"v\" { by = \"a\", values = { \"all\", \"some\", \"none\" },\n" /* 5 */
                            "  favours = { all = \"plaintiff\" },\n"
                            "  rule = first { when(\"x\"):gives \"all\", when(\"n\"):gives \"some\", otherwise \"none\" } }\n"
                            "opinion \"m\" { decides = \"n\" }\n"
                            "opinion \"d\" { base = \"m\" }\n"
                            "opinion \"w\" { decides = \"v\" }\n");
  const lint_finding *f = has(r, "node n (the outcome of opinion m) does not say which party its answers favour");
  assert_int_equal(f->line, 4);
  assert_int_equal(f->severity, LINT_WARNING);
  assert_string_equal(f->hint, "add favours = { yes = \"plaintiff\", no = \"defendant\" } (or the other way round)");
  f = has(r, "node v (the outcome of opinion w): favours says nothing for 'some', 'none'");
  assert_int_equal(f->line, 5);
  assert_null(find(r, "opinion d"));
  assert_int_equal(r->n, 2);
  lint_free(r);
  /* and the pack reads what it says */
  pack *p = th_pack(d->path, HEAD "fact \"x\" { yesno }\n"
                                  "node \"n\" { " FAV "by = \"a\", rule = \"x\" }\n"
                                  "opinion \"m\" { decides = \"n\" }\n");
  assert_int_equal(pack_favours(p, 0, RV_YES), PARTY_PLAINTIFF);
  assert_int_equal(pack_favours(p, 0, RV_NO), PARTY_DEFENDANT);
  assert_int_equal(pack_favours(p, 0, RV_UNKNOWN), PARTY_UNSAID);
  assert_string_equal(pack_party_name(PARTY_DEFENDANT), "defendant");
  assert_null(pack_party_name(PARTY_UNSAID));
  pack_free(p);
}

static void test_rule_functions(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "fact \"x\" { yesno }\n"                                  /* 3 */
                            "fact \"kind\" { oneof { \"p\", \"q\", \"r\" } }\n"       /* 4 */
                            "node \"f\" { by = \"a\", rule = function(facts)\n"       /* 5 */
                            "  -- f.not_read is a comment; \"f.nor_this\" a string\n" /* 6 */
                            "  if facts.kind == \"p\" or facts.kind == \"q\" then return facts[\"x\"] end\n" /* 7 */
                            "  return facts.xx\n"                                     /* 8 */
                            "end }\n"
                            "node \"loop\" { by = \"a\", rule = function(f) return f.top end }\n" /* 10 */
                            "node \"top\" { by = \"a\", rule = all { \"f\", \"loop\" } }\n"
                            "opinion \"m\" { decides = \"top\" }\n");
  assert_null(find(r, "fact x"));
  assert_null(find(r, "kind")); /* p and q are quoted in the function that reads it */
  assert_null(find(r, "not_read"));
  const lint_finding *e = has(r, "reads 'xx', which is neither a fact nor a node");
  assert_int_equal(e->line, 8);
  assert_int_equal(e->severity, LINT_ERROR);
  assert_string_equal(e->hint, "did you mean 'x'?");
  e = has(r, "cycle among nodes through a rule function: ");
  assert_non_null(strstr(e->message, "loop -> top -> loop"));
  assert_int_equal(lint_count(r, LINT_ERROR), 2);
  lint_free(r);
}

/* What a rule function changes: a local of the file, a table it did not
 * make; not its own locals, loop variables, parameters or tables, and not
 * text in strings or comments. */
static void test_rule_function_writes(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "fact \"x\" { yesno }\n"                                             /* 3 */
                            "local n, seen = 0, {}\n"                                            /* 4 */
                            "node \"count\" { by = \"a\", rule = function(f)\n"                  /* 5 */
                            "  n = n + 1 return f.x end }\n"                                     /* 6 */
                            "node \"memo\" { by = \"a\", rule = function(f)\n"                   /* 7 */
                            "  seen[#seen + 1] = f.x return true end }\n"                        /* 8 */
                            "node \"fine\" { by = \"a\", rule = function(f)\n"                   /* 9 */
                            "  local t, k = {}, 1 t.a = 1 t[k] = 2 k = k + 1\n"                  /* 10 */
                            "  for i = 1, 2 do t[i] = i end\n"                                   /* 11 */
                            "  local function g(p) p.q = 1 return p end\n"                       /* 12 */
                            "  local s = { n = 1 } -- n = 2\n"                                   /* 13 */
                            "  local q = 'seen = 1' return g(t).q == 1 and f.x == true end }\n"   /* 14 */
                            "node \"method\" { by = \"a\", rule = function(f)\n"                 /* 15 */
                            "  function seen.add(v) return v end local o = {}\n"                 /* 16 */
                            "  function o:get() return 1 end return o:get() == 1 end }\n"        /* 17 */
                            "node \"flip\" { by = \"a\", rule = function(f)\n"                 /* 18 */
                            "  local _, raw = pairs(seen) raw.k = 1 local own = {} local o2 = own\n" /* 19 */
                            "  o2.k = 1 local v = f.x local m = setmetatable({}, {}) m.k = 1\n"     /* 20 */
                            "  local c = seen.new() c.k = 1 return v end }\n"                        /* 21 */
                            "node \"all\" { " FAV "by = \"a\", rule = all { \"count\", \"memo\", \"fine\", \"method\", \"flip\" } }\n"
                            "opinion \"m\" { decides = \"all\" }\n");
  const lint_finding *f = has(r, "the rule function of node count assigns 'n', which it does not declare");
  assert_int_equal(f->line, 6);
  assert_int_equal(f->severity, LINT_WARNING);
  th_assert_has(f->hint, "local n = ...");
  f = has(r, "the rule function of node memo changes the table 'seen', which it did not make");
  assert_int_equal(f->line, 8);
  f = has(r, "the rule function of node method changes the table 'seen'");
  assert_int_equal(f->line, 16);
  /* through what pairs returns: the table it walks */
  f = has(r, "the rule function of node flip changes the table 'seen'");
  assert_int_equal(f->line, 19);
  assert_null(find(r, "node fine"));
  assert_null(find(r, "table 'o'"));
  assert_null(find(r, "table 'own'"));
  assert_null(find(r, "fact x is never used"));
  assert_int_equal(lint_count(r, LINT_WARNING), 4);
  lint_free(r);
}

static void test_source_slips(void **state) {
  th_dir *d = *state;
  lint_report *r = lint_src(d, HEAD
                            "fact \"x\" { yesno }\n"                                        /* 3 */
                            "fact \"y\" { yesno }\n"                                        /* 4 */
                            "node \"n\" { by = \"a\", rule = \"x\" or \"y\" }\n"              /* 5 */
                            "node \"k\" { by = \"a\", rule = all { not \"x\", \"n\" }, by = \"a\" }\n" /* 6 */
                            "node \"q\" { by = \"a\", rule = function(f) return f.x and \"ok\" == \"ok\" end }\n"
                            "opinion \"m\" { decides = \"k\" }\n");
  const lint_finding *f = has(r, "Lua's 'or' after \"x\" does not combine rules");
  assert_int_equal(f->line, 5);
  assert_int_equal(f->col, 29); /* the opening quote */
  assert_int_equal(f->severity, LINT_ERROR);
  f = has(r, "Lua's 'not' before \"x\" is always false");
  assert_int_equal(f->line, 6);
  f = has(r, "field 'by' is written twice in the same braces");
  assert_int_equal(f->line, 6);
  assert_int_equal(lint_count(r, LINT_ERROR), 3); /* nothing in the rule function */
  lint_free(r);
}

static void test_cases(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, HEAD
                    "fact \"x\" { yesno }\n"
                    "node \"n\" { by = \"a\", rule = \"x\" }\n"
                    "opinion \"m\" { decides = \"n\", disposition = { yes = \"reverse\", no = \"affirm\" } }\n");
  th_write(d->path, "c.csv",
           "id,x,expect.outcome,expect.disposition,expect.n@m\n"
           "a,yes,yes,reverse,yes\n"
           "b,maybe,no,affirm,no\n"
           "a,no,nope,afirm,not_reached\n");
  char path[PATH_MAX];
  lint_report *r = lint_new();
  assert_int_equal(lint_cases(p, th_path(path, sizeof path, d->path, "c.csv"), r), 0);
  const lint_finding *f = has(r, "x: 'maybe' is not yes or no");
  assert_int_equal(f->line, 3);
  assert_int_equal(f->col, 2);
  assert_int_equal(has(r, "id 'a' is used again (first on line 2)")->line, 4);
  f = has(r, "expect.outcome: 'nope' is not one of no, yes, unknown");
  assert_int_equal(f->col, 3);
  f = has(r, "expect.disposition: 'afirm' is not one of");
  assert_string_equal(f->hint, "did you mean 'affirm'?");
  assert_null(find(r, "not_reached' is not"));
  assert_int_equal(r->n, 4);
  assert_int_equal(lint_cases(p, th_path(path, sizeof path, d->path, "none.csv"), r), -1);
  has(r, "cannot open");
  lint_free(r);
  pack_free(p);
}

/* A pipe the user gives is read once: nothing opens it before the reader
 * does (its writer would be gone, and a second open would wait for ever). */
static void test_cases_from_a_pipe(void **state) {
  th_dir *d = *state;
  pack *p = th_pack(d->path, HEAD "fact \"x\" { yesno }\nnode \"n\" { by = \"a\", rule = \"x\" }\n"
                             "opinion \"m\" { decides = \"n\" }\n");
  char path[PATH_MAX];
  th_path(path, sizeof path, d->path, "pipe.csv");
  assert_int_equal(mkfifo(path, 0600), 0);
  pid_t child = fork();
  assert_true(child >= 0);
  if (child == 0) {
    FILE *w = fopen(path, "w");
    _exit(w && fputs("id,x\na,yes\n", w) >= 0 && fclose(w) == 0 ? 0 : 1);
  }
  lint_report *r = lint_new();
  alarm(10);
  assert_int_equal(lint_cases(p, path, r), 0);
  alarm(0);
  assert_int_equal(r->n, 0);
  int status = 0;
  assert_int_equal(waitpid(child, &status, 0), child);
  assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  lint_free(r);
  pack_free(p);
}

static void test_report_print_and_errors(void **state) {
  (void)state;
  lint_report *r = lint_new();
  err *e = err_hint(err_new("p.lua", 7, 0, "bad thing"), "fix it");
  err_append(&e, err_new(NULL, 0, 0, "no place"));
  lint_add_errors(r, e, "pack");
  err_free(e);
  lint_add(r, "a.lua", 3, 4, LINT_WARNING, NULL, "warned %d", 1);
  lint_sort(r, 0);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  lint_print(r, out);
  fclose(out);
  assert_string_equal(buf, "a.lua:3:4: warning: warned 1\n"
                           "p.lua:7:1: error: bad thing; fix it\n"
                           "pack: error: no place\n");
  free(buf);
  assert_int_equal(lint_count(r, LINT_ERROR), 2);
  assert_int_equal(lint_count(r, LINT_WARNING), 1);
  lint_free(r);
  lint_free(NULL);
}

static void test_new_scaffold(void **state) {
  th_dir *d = *state;
  char dir[PATH_MAX];
  th_path(dir, sizeof dir, d->path, "sub/my-pack");
  char *argv[] = {"new", dir, NULL};
  FILE *saved = stdout;
  stdout = fopen("/dev/null", "w");
  int rc = cmd_new(2, argv);
  fclose(stdout);
  stdout = saved;
  assert_int_equal(rc, RATIO_OK);
  err *e = NULL;
  pack *p = pack_load(dir, NULL, &e);
  if (!p) err_print(e, stderr);
  assert_non_null(p);
  assert_string_equal(p->name, "my_pack");
  assert_int_equal(p->nfacts, 1);
  assert_int_equal(p->nnodes, 1);
  assert_int_equal(p->nauthorities, 1);
  assert_int_equal(p->nopinions, 1);
  assert_int_equal(p->ncases, 1);
  lint_report *r = lint_new();
  lint_pack(p, r);
  lint_cases(p, p->cases[0], r);
  if (r->n) lint_print(r, stderr);
  assert_int_equal(r->n, 0);
  lint_free(r);
  pack_free(p);
  /* a second time: the folder is no longer empty */
  assert_int_equal(cmd_new(2, argv), RATIO_USAGE);
}

/* Printing shows at most LINT_SHOWN findings of one kind, then a count;
 * errors of a chain from elsewhere are shown whole. */
static void test_print_caps_each_kind(void **state) {
  (void)state;
  lint_report *r = lint_new();
  for (int i = 0; i < LINT_SHOWN + 5; i++)
    lint_add(r, "p.lua", i + 1, 1, LINT_WARNING, NULL, "fact f%d is never used", i);
  lint_add(r, "p.lua", 99, 1, LINT_ERROR, NULL, "something else");
  err *chain = NULL;
  for (int i = 0; i < LINT_SHOWN + 2; i++) err_append(&chain, err_new("c.csv", i + 1, 0, "header %d", i));
  lint_add_errors(r, chain, "c.csv");
  err_free(chain);
  char *text = NULL;
  size_t len = 0;
  FILE *out = xopen_memstream(&text, &len);
  lint_print(r, out);
  fclose(out);
  int lines = 0;
  for (size_t i = 0; i < len; i++) lines += text[i] == '\n';
  assert_int_equal(lines, LINT_SHOWN + 1 + (LINT_SHOWN + 2) + 1);
  th_assert_has(text, "p.lua:20:1: warning: fact f19 is never used\n");
  assert_null(strstr(text, "fact f20 is never used\n"));
  th_assert_has(text, "ratio: and 5 more warnings like 'fact f0 is never used'\n");
  th_assert_has(text, "c.csv:22:1: error: header 21\n");
  assert_int_equal(lint_count(r, LINT_WARNING), LINT_SHOWN + 5); /* counted whole */
  free(text);
  lint_free(r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_print_caps_each_kind),
      cmocka_unit_test_setup_teardown(test_clean_pack, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_unused_fact_and_authority, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_node_without_authority_and_unreached, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_reached_through_override_and_disposition, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_enum_values, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_fact_sentences, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_shadowed_branches, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_favours, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_rule_functions, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_rule_function_writes, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_source_slips, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_cases, th_dir_setup, th_dir_teardown),
      cmocka_unit_test_setup_teardown(test_cases_from_a_pipe, th_dir_setup, th_dir_teardown),
      cmocka_unit_test(test_report_print_and_errors),
      cmocka_unit_test_setup_teardown(test_new_scaffold, th_dir_setup, th_dir_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
