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

int cmd_facts(int argc, char **argv) {
  static const struct option longopts[] = {
      {"template", no_argument, NULL, 't'},
      {"format", required_argument, NULL, 'F'},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  bool template = false;
  const char *format = "text";
  cli_shared sh = {.cmd = "facts", .help = facts_help};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, CLI_SHARED_SHORT, longopts, NULL)) != -1) {
    switch (c) {
    case 't': template = true; break;
    case 'F': format = optarg; break;
    default: {
      int code = cli_shared_option(&sh, c, optarg, argv);
      if (code != CLI_TAKEN) return code;
    }
    }
  }
  if (optind >= argc) return cli_usage("facts", "missing PACK (a pack folder or its main .lua file)");
  if (optind + 1 < argc) return cli_usage("facts", "unexpected argument '%s'", argv[optind + 1]);
  if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
    return cli_usage("facts", "unknown format '%s' (formats: text, json)", format);
  pack *p = cli_load_pack(argv[optind], &sh.popts);
  if (!p) return RATIO_USAGE;
  cli_output out;
  int code = cli_output_open(&out, &sh);
  if (code == RATIO_OK) {
    if (template) {
      char *h = cases_template_header(p);
      fprintf(out.f, "%s\n", h);
      free(h);
    } else if (strcmp(format, "json") == 0) {
      render_schema_json(out.f, p);
    } else {
      render_schema_text(out.f, p);
    }
    code = cli_output_close(&out, RATIO_OK, true);
  }
  pack_free(p);
  return code;
}
