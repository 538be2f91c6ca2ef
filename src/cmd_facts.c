/* cmd_facts: ratio facts PACK [--template] */
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "cli.h"
#include "render.h"

static const char facts_help[] =
    "Usage: ratio facts PACK [OPTIONS]\n"
    "\n"
    "Show the facts a case row may state: each fact's type, allowed values\n"
    "and question, then the findings a row may supply instead of a rule.\n"
    "\n"
    "Options:\n"
    "      --template        print a blank CSV header for a new case file\n"
    "      --format FORMAT   text (default) or json\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 success; 2 usage or pack error, or the output could not\n"
    "be written.\n";

enum { OPT_TEMPLATE = 2000 };

static int own_option(void *ud, int opt, const char *arg) {
  (void)arg;
  if (opt == OPT_TEMPLATE) *(bool *)ud = true;
  return CLI_TAKEN;
}

int cmd_facts(int argc, char **argv) {
  static const struct option longopts[] = {
      {"template", no_argument, NULL, OPT_TEMPLATE},
      CLI_OPT_FORMAT,
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  bool template = false;
  cli_shared sh = {.cmd = "facts", .help = facts_help, .format = "text"};
  int code = RATIO_OK;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &template, NULL, NULL, &code);
  if (!pack_path) return code;
  if ((code = cli_check_format(&sh, RENDER_FACTS)) != RATIO_OK) return code;
  cli_run run;
  code = cli_run_open(&run, &sh, pack_path);
  if (code == RATIO_OK) code = cli_run_output(&run);
  if (code == RATIO_OK) {
    if (template) {
      char *h = cases_template_header(run.p);
      fprintf(run.out.f, "%s\n", h);
      free(h);
    } else {
      render_setup rs = {.out = run.out.f, .p = run.p};
      err *e = NULL;
      renderer *r = render_new(RENDER_FACTS, sh.format, &rs, &e);
      render_item it = {.n = 0};
      r->item(r, &it);
      render_free(r);
    }
    run.complete = true;
  }
  return cli_run_close(&run, code);
}
