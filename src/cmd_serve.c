/* cmd_serve: ratio serve PACK [-f CASES] [--port N] [--bind ADDR] */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "serve.h"

static const char serve_help[] =
    "Usage: ratio serve PACK [-f CASES.csv] [--port N] [--bind ADDR] [OPTIONS]\n"
    "\n"
    "Serve the classroom's web page for a pack: its facts as a form, every\n"
    "opinion's result as the answers change, the explanation trees, what would\n"
    "change the result and where the opinions part; and its JSON API (GET\n"
    "/api/facts; POST /api/eval, /api/compare and /api/whatif with one row).\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       a case file whose rows the page can load\n"
    "      --port N          the port to listen on (default 8080; 0: any free\n"
    "                        port, which is printed)\n"
    "      --bind ADDR       the address to listen on (default 127.0.0.1: only\n"
    "                        this machine); 0.0.0.0 or :: serves the network\n"
    "  -j, --jobs N          requests decided at once (default: two per\n"
    "                        processor)\n"
    "      --max-memory SIZE memory limit of the pack's Lua code (default 64M)\n"
    "      --max-steps N     step budget per pack load and per rule call\n"
    "                        (default 10000000)\n"
    "      --max-time SECONDS  time limit for the pack load and for the rule\n"
    "                        calls of each request's row (default 10)\n"
    "  -h, --help            show this help\n"
    "\n"
    "It prints where it serves on standard error and runs until SIGINT\n"
    "(Ctrl-C) or SIGTERM.\n"
    "\n"
    "Exit status: 0 stopped by SIGINT or SIGTERM; 2 usage, pack or case file\n"
    "error, or the address cannot be used.\n";

enum { OPT_PORT = 2000, OPT_BIND };

typedef struct serve_flags {
  long port;
  const char *bind;
} serve_flags;

static int own_option(void *ud, int opt, const char *arg) {
  serve_flags *fl = ud;
  if (opt == OPT_PORT && (fl->port = cli_count(arg, 0, 65535)) < 0)
    return cli_usage("serve", "--port '%s' is not a port number from 0 to 65535", arg);
  if (opt == OPT_BIND) fl->bind = arg;
  return CLI_TAKEN;
}

int cmd_serve(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_OPT_FILE, CLI_OPT_JOBS,
      {"port", required_argument, NULL, OPT_PORT},
      {"bind", required_argument, NULL, OPT_BIND},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  serve_flags fl = {SERVE_DEFAULT_PORT, NULL};
  cli_shared sh = {.cmd = "serve", .help = serve_help, .format = "json"};
  int code = RATIO_OK;
  const char *pack_path = cli_parse(&sh, argc, argv, longopts, own_option, &fl, NULL, NULL, &code);
  if (!pack_path) return code;
  if (sh.output) return cli_usage("serve", "-o has no meaning here: the page and the API are the output");
  /* The signals are taken by this thread alone, in sigsuspend below: they
   * are blocked from here on, so every thread started later (the pack's
   * watchdog, the server's) has them blocked too. */
  sigset_t stops, old;
  sigemptyset(&stops);
  sigaddset(&stops, SIGINT);
  sigaddset(&stops, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stops, &old);
  cli_run run;
  code = cli_run_open(&run, &sh, pack_path);
  if (code != RATIO_OK) {
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return cli_run_close(&run, code);
  }
  serve_options so = {.pack_path = pack_path, .pack_opts = &run.popts, .cases_path = sh.file, .bind = fl.bind,
                      .port = (int)fl.port, .threads = sh.jobs, .stop = run.stop};
  err *e = NULL;
  server *s = serve_start(run.p, &so, &e);
  if (!s) {
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return cli_run_close(&run, cli_fail(e, RATIO_USAGE));
  }
  const char *host = fl.bind && strcmp(fl.bind, "localhost") != 0 ? fl.bind : "127.0.0.1";
  bool v6 = strchr(host, ':') != NULL;
  fprintf(stderr, "ratio serve: serving %s at http://%s%s%s:%d/\n", pack_path, v6 ? "[" : "", host, v6 ? "]" : "",
          serve_port(s));
  if (serve_local(s))
    fprintf(stderr, "ratio serve: only this machine can reach it (--bind ADDR serves others); Ctrl-C stops it\n");
  else
    fprintf(stderr, "ratio serve: any machine that can reach %s on the network can use the page and the API: "
                    "no password, no encryption (see docs/serve.md); Ctrl-C stops it\n",
            host);
  fflush(stderr);
  while (!*run.stop) sigsuspend(&old);
  serve_stop(s);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  fprintf(stderr, "ratio serve: stopped\n");
  return cli_run_close(&run, RATIO_OK);
}
