/* cmd_table: ratio table PACK [--opinion A] [--vs B] */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "table.h"

enum { OPT_BUDGET = 2000, OPT_VS };

static const char table_help[] =
    "Usage: ratio table PACK [--opinion A [--vs B]] [OPTIONS]\n"
    "\n"
    "The whole decision space of an opinion (every combination of the yes/no\n"
    "and one-of facts it can reach) compressed into a decision table per\n"
    "outcome: '-' is any value, 'a|b' either value. The rows of one outcome\n"
    "never overlap another's, and together they cover the space. With --vs,\n"
    "exactly the region where opinions A and B disagree. Without --opinion,\n"
    "one table per opinion.\n"
    "\n"
    "Options:\n"
    "      --opinion NAME    the opinion to tabulate (default: each in turn)\n"
    "      --vs NAME         only where NAME disagrees with --opinion\n"
    "      --as-of DATE      only the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --format FORMAT   text (default), json, md or html\n"
    "      --budget N        evaluations allowed per table (default 5000000)\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 the table was built; 1 a rule failed or the budget ran\n"
    "out; 2 usage or pack error, or the output could not be written; 130 or\n"
    "143 interrupted (SIGINT, SIGTERM).\n";

typedef struct table_flags {
  const char *vs;
  long budget;
} table_flags;

static int own_option(void *ud, int opt, const char *arg) {
  table_flags *fl = ud;
  if (opt == OPT_VS) fl->vs = arg;
  else if (opt == OPT_BUDGET && (fl->budget = cli_count(arg, 1, 1000000000L)) < 0)
    return cli_usage("table", "--budget '%s' is not a count between 1 and 10^9", arg);
  return CLI_TAKEN;
}

int cmd_table(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_OPINION, CLI_OPT_FORMAT, CLI_OPT_AS_OF,
      {"vs", required_argument, NULL, OPT_VS},
      {"budget", required_argument, NULL, OPT_BUDGET},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  table_flags fl = {NULL, TABLE_DEFAULT_BUDGET};
  cli_shared sh = {.cmd = "table", .help = table_help, .format = "text"};
  int code = RATIO_OK;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &fl, NULL, NULL, &code);
  const char *vs = fl.vs;
  if (!pack_path) return code;
  if (vs && !sh.opinion) return cli_usage("table", "--vs needs --opinion: the opinion to compare it with");
  if ((code = cli_check_format(&sh, RENDER_TABLE)) != RATIO_OK) return code;
  cli_run run;
  code = cli_run_open(&run, &sh, pack_path);
  const pack *p = run.p;
  int vs_op = -1;
  if (code == RATIO_OK && vs) {
    int *one = xcalloc((size_t)p->nopinions + 1, sizeof *one); /* the helper writes up to nopinions */
    if (cli_pick_opinions(p, vs, sh.as_of, one) > 0) vs_op = one[0];
    else code = RATIO_USAGE;
    free(one);
    if (code == RATIO_OK && vs_op == run.ops[0]) {
      fprintf(stderr, "ratio table: --vs names the same opinion as --opinion\n");
      code = RATIO_USAGE;
    }
  }
  int nops = code == RATIO_OK ? run.nops : 0;
  table **tables = xcalloc((size_t)nops + 1, sizeof *tables);
  table_options to = {fl.budget};
  for (int i = 0; i < nops && code == RATIO_OK; i++) {
    err *e = NULL;
    if (table_build(p, run.ops[i], vs_op, &to, &tables[i], &e) != 0) code = cli_fail(e, RATIO_FAILED);
  }
  /* the output opens once the tables are built: a failed build writes nothing */
  if (code == RATIO_OK) code = cli_run_output(&run);
  if (code == RATIO_OK) {
    render_setup rs = {.out = run.out.f, .p = p, .opinions = run.ops, .nopinions = nops};
    err *e = NULL;
    renderer *r = render_new(RENDER_TABLE, sh.format, &rs, &e);
    render_item it = {.tables = tables, .n = nops};
    r->item(r, &it);
    render_free(r);
    run.complete = true;
  }
  for (int i = 0; i < nops; i++) table_free(tables[i]);
  free(tables);
  return cli_run_close(&run, code);
}
