/* cli: what the commands share: the command table, option helpers, pack
 * loading with the budget options, and printing errors once. */
#ifndef RATIO_CLI_H
#define RATIO_CLI_H

#include <getopt.h>
#include <signal.h>
#include <stdbool.h>

#include "err.h"
#include "pack.h"

#define RATIO_VERSION "0.1.0"

typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} command;

/* The command table (main.c), NULL-terminated. */
extern const command ratio_commands[];

int cmd_eval(int argc, char **argv);
int cmd_facts(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_whatif(int argc, char **argv);
int cmd_table(int argc, char **argv);

/* For a command that stops cleanly: SIGINT and SIGTERM set the
 * returned flag to the signal's number instead of killing the process (a
 * second one kills it, as if nothing had been caught), and SIGPIPE is
 * ignored, so a closed pipe is a write error to report. */
volatile sig_atomic_t *ratio_catch_signals(void);

/* Options every command that loads a pack takes. */
enum { OPT_MAX_MEMORY = 1000, OPT_MAX_STEPS, OPT_AS_OF, OPT_HELP_LONG, OPT_MAX_TIME };

/* Parse --max-memory (bytes, or with K, M or G), --max-steps and
 * --max-time (seconds) into opts->limits. Returns 0, or -1 with *e set. */
int cli_limit_option(int opt, const char *arg, pack_options *opts, err **e);

/* A whole number from min to max given to an option (--jobs, --budget);
 * -1 when the text is not one. */
long cli_count(const char *arg, long min, long max);

/* Load a pack, printing its errors on failure. */
pack *cli_load_pack(const char *path, const pack_options *opts);

/* The opinions to use: one named (--opinion), those in force on a date
 * (--as-of), or all. Writes indexes into out (room for p->nopinions);
 * returns the count, or -1 after printing an error. */
int cli_pick_opinions(const pack *p, const char *name, const char *as_of, int *out);

/* Print an error chain to stderr and return the exit code for it. */
int cli_fail(err *e, int code);

/* A usage error: "ratio CMD: MESSAGE" and a pointer to --help. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
