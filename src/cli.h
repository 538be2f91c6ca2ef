/* cli: what the commands share: the command table, option helpers, pack
 * loading with the budget options, and printing errors once. */
#ifndef RATIO_CLI_H
#define RATIO_CLI_H

#include <getopt.h>
#include <signal.h>
#include <stdbool.h>

#include "batch.h"
#include "err.h"
#include "pack.h"
#include "render.h"

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
int cmd_quiz(int argc, char **argv);
int cmd_ask(int argc, char **argv);
int cmd_distinguish(int argc, char **argv);
int cmd_brief(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* For a command that stops cleanly: SIGINT and SIGTERM set the
 * returned flag to the signal's number instead of killing the process (a
 * second one kills it, as if nothing had been caught), and SIGPIPE is
 * ignored, so a closed pipe is a write error to report. */
volatile sig_atomic_t *ratio_catch_signals(void);

/* Options every command that loads a pack takes. */
enum { OPT_MAX_MEMORY = 1000, OPT_MAX_STEPS, OPT_AS_OF, OPT_HELP_LONG, OPT_MAX_TIME, OPT_ROW, OPT_OPINION, OPT_FORMAT, OPT_SET, OPT_ALL_OPINIONS };

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

/* The same without printing: the count, or -1 with *e set (the message
 * cli_pick_opinions prints). */
int cli_opinions(const pack *p, const char *name, const char *as_of, int *out, err **e);

/* ---- what every command shares: options, output, finishing --------------- */

/* The long options every command takes: the pack's limits, -o and --help.
 * A command lists its own options, then CLI_SHARED_OPTIONS, then {0}. */
#define CLI_SHARED_OPTIONS                                          \
  {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},          \
  {"max-steps", required_argument, NULL, OPT_MAX_STEPS},            \
  {"max-time", required_argument, NULL, OPT_MAX_TIME},              \
  {"output", required_argument, NULL, 'o'},                         \
  {"help", no_argument, NULL, 'h'}
/* The short options among them, for getopt_long's string. */
#define CLI_SHARED_SHORT "o:h"

/* The --set line of --help, for the commands that take it. */
#define CLI_SET_HELP                                                                   \
  "      --set FACT=VALUE  give a fact (or a finding, id, title, note) this\n"      \
  "                        value in each row, as its cell would; repeatable;\n"      \
  "                        without -f, decide the one row the --set options make\n"

/* Their lines of --help, for the end of each command's options. */
#define CLI_SHARED_HELP                                                          \
  "  -o, --output FILE     write the output to FILE, which appears only when\n"  \
  "                        the run is complete (default: standard output)\n"     \
  "      --max-memory SIZE memory limit of the pack's Lua code (default 64M)\n"  \
  "      --max-steps N     step budget per pack load and per rule call\n"        \
  "                        (default 10000000)\n"                                 \
  "      --max-time SECONDS  time limit for the pack load and for the rule\n"    \
  "                        calls of each row (default 10)\n"                     \
  "  -h, --help            show this help\n"

/* The options of the commands that decide rows, each listed by the
 * commands that take it; cli_shared_option takes them all. */
#define CLI_OPT_FILE {"file", required_argument, NULL, 'f'}
#define CLI_OPT_ROW {"row", required_argument, NULL, OPT_ROW}
#define CLI_OPT_OPINION {"opinion", required_argument, NULL, OPT_OPINION}
#define CLI_OPT_AS_OF {"as-of", required_argument, NULL, OPT_AS_OF}
#define CLI_OPT_FORMAT {"format", required_argument, NULL, OPT_FORMAT}
#define CLI_OPT_JOBS {"jobs", required_argument, NULL, 'j'}
#define CLI_OPT_SET {"set", required_argument, NULL, OPT_SET}
#define CLI_OPT_ALL_OPINIONS {"all-opinions", no_argument, NULL, OPT_ALL_OPINIONS}

/* --set FACT=VALUE may be given this many times. */
#define CLI_MAX_SETS 256

/* What the shared options set, for one command. */
typedef struct cli_shared {
  const char *cmd;        /* "eval", for messages */
  const char *help;       /* the command's --help text */
  pack_options popts;     /* --max-memory, --max-steps, --max-time */
  const char *output;     /* -o FILE, or NULL (standard output) */
  const char *file;       /* -f FILE */
  const char *row;        /* --row ID */
  const char *opinion;    /* --opinion NAME */
  const char *as_of;      /* --as-of DATE */
  const char *format;     /* --format NAME; the command sets its default */
  int jobs;               /* -j N; 0 is 1 */
  bool all_opinions;      /* --all-opinions */
  /* Set by the command: without --opinion, --as-of or --all-opinions, the
   * case's own opinions (pack_case_opinions), not every opinion. */
  bool case_opinions;
  const char *sets[CLI_MAX_SETS]; /* --set FACT=VALUE, in order (borrowed from argv) */
  int nsets;
} cli_shared;

/* Take option `opt` (getopt_long's return) if it is a shared one. Returns
 * CLI_TAKEN, or the exit code the command returns now: 0 after --help, 2
 * after a bad value or an option the command does not know. */
#define CLI_TAKEN (-1)
int cli_shared_option(cli_shared *s, int opt, const char *arg, char *const *argv);

/* Where a command writes: standard output, or for -o FILE a temporary
 * file beside FILE (beside its target when FILE is a symbolic link), put
 * in FILE's place only when the run is complete, with FILE's mode, so FILE
 * is never half written. */
typedef struct cli_output {
  const char *cmd;
  const char *path;       /* -o FILE, or NULL */
  FILE *f;                /* where to write */
  char *tmp;              /* owned: the temporary file, or NULL */
  char *target;           /* owned: where it goes, or NULL */
} cli_output;

/* Open the output of command s->cmd. Returns 0, or 2 after a message. */
int cli_output_open(cli_output *o, const cli_shared *s);

/* Finish the output: flush it; for -o put the file in place when
 * `complete`, else remove it. Returns `code`; or 2, after one message, when
 * the output could not be written; or, when the reader of a pipe went away
 * (ratio ... | head), 128 + SIGPIPE without a message, as a program the
 * signal ended would. Frees what o holds. */
int cli_output_close(cli_output *o, int code, bool complete);

/* Whether the output can no longer be written (a full disk, a closed
 * pipe): a long run stops early then. */
bool cli_output_broken(const cli_output *o);

/* A command that reads one case file through -f, given it as an argument:
 * the usage error, with the command line that works. */
int cli_positional_cases(const char *cmd, const char *pack_path, const char *file);

/* A command's own option (getopt_long's return and its argument):
 * CLI_TAKEN, or the exit code to return now. */
typedef int (*cli_own_option)(void *ud, int opt, const char *arg);

/* Read a command line: the options longopts lists (its short options are
 * the entries whose value is a letter) into sh when they are shared or row
 * options, else through own (NULL: the command has none); then PACK, as
 * cli_pack_operand. Returns PACK, or NULL with *code the exit code after
 * --help or a usage error. */
const char *cli_parse(cli_shared *sh, int argc, char **argv, const struct option *longopts, cli_own_option own,
                      void *ud, char ***rest, int *nrest, int *code);

/* The PACK operand, the command's one positional argument (test: files
 * may follow, *rest and *nrest get them; NULL: none allowed, and a second
 * argument gets the -f hint when the command reads -f). Returns the path,
 * or NULL with *code set after a usage message. */
const char *cli_pack_operand(const cli_shared *s, int argc, char **argv, char ***rest, int *nrest, int *code);

/* ---- a run: pack, opinions, output, rows, exit code ------------------------ */

typedef struct cli_run {
  const cli_shared *sh;
  const char *pack_path;
  volatile sig_atomic_t *stop; /* the signal that stops the run, or 0 */
  pack_options popts;     /* sh's limits, with the stop flag */
  pack *p;                /* owned */
  int *ops;               /* owned: the opinions chosen */
  int nops;
  cli_output out;
  bool complete;          /* the rows were all read: -o's file may appear */
} cli_run;

/* Start a run: signals caught (they stop pack code too), the pack loaded,
 * the opinions chosen (--opinion, --as-of). Returns 0, or the exit code
 * after one message; cli_run_close in either case. */
int cli_run_open(cli_run *run, const cli_shared *sh, const char *pack_path);

/* Open the output (cli_run_rows does it itself). Returns 0, or 2 after a
 * message. */
int cli_run_output(cli_run *run);

/* Whether sh->format is one of kind's formats; if not, the usage error's
 * exit code (checked before the pack loads), else 0. */
int cli_check_format(const cli_shared *sh, render_kind kind);

/* Decide the rows of `files` (none: the one row --set makes) with handler h, rendered by a renderer of
 * `kind` in sh->format made from *setup (out, pack and opinions are filled
 * in here). Returns the exit code: 0; 1 when a row failed, an expectation
 * failed or an id was reused; 2 after a usage, file or output error; 128 +
 * the signal when one stopped the run. */
int cli_run_rows(cli_run *run, render_kind kind, render_setup *setup, const row_handler *h,
                 const char *const *files, int nfiles);

/* Finish: the output closed (-o put in place if the run is complete), all
 * freed. Returns the exit code, which a failed write turns into 2. */
int cli_run_close(cli_run *run, int code);

/* Print an error chain to stderr and return the exit code for it. */
int cli_fail(err *e, int code);

/* A usage error: "ratio CMD: MESSAGE" and a pointer to --help. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
