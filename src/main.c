/* main: the command table, the global options, and the exit code. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

const command ratio_commands[] = {
    {"eval", cmd_eval, "decide every row of a case file and explain why"},
    {"facts", cmd_facts, "show a pack's fact schema, or a blank CSV header"},
    {"test", cmd_test, "check the expected results in case files"},
    {"check", cmd_check, "lint a pack and its case files"},
    {"new", cmd_new, "start a new pack folder that tests green"},
    {"compare", cmd_compare, "each row under every opinion, and where they part ways"},
    {"whatif", cmd_whatif, "the smallest changes of facts that change the outcome"},
    {"table", cmd_table, "the decision space as a table; where two opinions disagree"},
    {"ask", cmd_ask, "an interview: only the facts still needed, then the result"},
    {"quiz", cmd_quiz, "predict each opinion's outcome on a fact pattern, then see why"},
    {"distinguish", cmd_distinguish, "the decided cases closest to a problem, and the argument by analogy"},
    {"brief", cmd_brief, "an argument outline for one side: elements, authorities, pivot facts"},
    {"serve", cmd_serve, "a web page for the classroom, and a JSON API"},
    {NULL, NULL, NULL},
};

static void usage(FILE *out) {
  fputs("Usage: ratio COMMAND [OPTIONS] PACK ...\n"
        "\n"
        "Ratio decides fact patterns under the opinions of a case, with the\n"
        "authority for every step.\n"
        "\n"
        "Commands:\n",
        out);
  for (const command *c = ratio_commands; c->name; c++) fprintf(out, "  %-11s %s\n", c->name, c->summary);
  fputs("\n"
        "Options:\n"
        "  -h, --help     show this help; 'ratio help COMMAND' or 'ratio COMMAND\n"
        "                 --help' for a command\n"
        "  --version      print the version\n"
        "\n"
        "Exit status: 0 success, 1 the run worked but something failed (a row,\n"
        "a test), 2 usage or input error (bad option, file or pack).\n",
        out);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return RATIO_USAGE;
  }
  const char *name = argv[1];
  bool help = strcmp(name, "help") == 0;
  if (help && argc > 2) {
    /* ratio help COMMAND: the command's own help */
    name = argv[2];
    char *cmd_argv[] = {argv[2], "--help", NULL};
    for (const command *c = ratio_commands; c->name; c++)
      if (strcmp(c->name, name) == 0) return c->run(2, cmd_argv);
  } else if (help || strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
    usage(stdout);
    return RATIO_OK;
  }
  if (strcmp(name, "--version") == 0) {
    printf("ratio %s\n", RATIO_VERSION);
    return RATIO_OK;
  }
  for (const command *c = ratio_commands; c->name; c++)
    if (strcmp(c->name, name) == 0) return c->run(argc - 1, argv + 1);
  fprintf(stderr, "ratio: error: unknown command '%s'\nTry 'ratio --help'.\n", name);
  return RATIO_USAGE;
}
