/* cli: option helpers and error printing shared by the commands. */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suggest.h"

int cli_fail(err *e, int code) {
  err_print(e, stderr);
  err_free(e);
  return code;
}

int cli_usage(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "ratio %s: ", cmd);
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\nTry 'ratio %s --help'.\n", cmd);
  va_end(ap);
  return RATIO_USAGE;
}

int cli_limit_option(int opt, const char *arg, pack_options *opts, err **e) {
  char *end;
  errno = 0;
  double v = strtod(arg, &end);
  if (opt == OPT_MAX_MEMORY) {
    double mult = 1;
    if (*end == 'K' || *end == 'k') mult = 1024, end++;
    else if (*end == 'M' || *end == 'm') mult = 1024 * 1024, end++;
    else if (*end == 'G' || *end == 'g') mult = 1024.0 * 1024 * 1024, end++;
    if (*end || errno || !isfinite(v) || v <= 0 || v * mult < 1 << 20 || v * mult > 64.0 * (1ULL << 30)) {
      *e = err_hint(err_new(NULL, 0, 0, "--max-memory '%s' is not a size between 1M and 64G", arg),
                    "write it as bytes or with K, M or G, e.g. --max-memory 128M");
      return -1;
    }
    opts->limits.max_memory = (size_t)(v * mult);
    return 0;
  }
  if (opt == OPT_MAX_TIME) {
    if (*end == 's') end++;
    if (*end || errno || !isfinite(v) || v < 0.01 || v > 86400) {
      *e = err_hint(err_new(NULL, 0, 0, "--max-time '%s' is not a number of seconds between 0.01 and 86400", arg),
                    "e.g. --max-time 30");
      return -1;
    }
    opts->limits.max_time = v;
    return 0;
  }
  if (*end || errno || !isfinite(v) || v < 1000 || v > 1e15) {
    *e = err_hint(err_new(NULL, 0, 0, "--max-steps '%s' is not a count between 1000 and 10^15", arg),
                  "e.g. --max-steps 50000000");
    return -1;
  }
  opts->limits.max_steps = (long long)v;
  return 0;
}

long cli_count(const char *arg, long min, long max) {
  char *end;
  errno = 0;
  long v = strtol(arg, &end, 10);
  if (end == arg || *end || errno || v < min || v > max) return -1;
  return v;
}

pack *cli_load_pack(const char *path, const pack_options *opts) {
  err *e = NULL;
  pack *p = pack_load(path, opts, &e);
  if (!p) cli_fail(e, RATIO_USAGE);
  return p;
}

int cli_opinions(const pack *p, const char *name, const char *as_of, int *out, err **e) {
  int date = -1;
  if (as_of) {
    date = pack_parse_date(as_of, strlen(as_of));
    if (date < 0) {
      *e = err_new(NULL, 0, 0, "--as-of '%s' is not a date; write it as YYYY-MM-DD", as_of);
      return -1;
    }
  }
  int n = pack_opinions_in_force(p, date, out);
  if (name) {
    int k = pack_opinion_index(p, name);
    if (k < 0) {
      const char **names = xcalloc((size_t)p->nopinions + 1, sizeof *names);
      size_t len = 1;
      for (int i = 0; i < p->nopinions; i++) names[i] = p->opinions[i].name, len += strlen(names[i]) + 2;
      char *all = xmalloc(len);
      all[0] = '\0';
      for (int i = 0; i < p->nopinions; i++) {
        if (i) strcat(all, ", ");
        strcat(all, names[i]);
      }
      const char *best = suggest_closest(name, strlen(name), names, p->nopinions);
      *e = err_new(NULL, 0, 0, "no opinion '%s' in pack %s (opinions: %s)", name, p->name ? p->name : p->dir, all);
      if (best) err_hint(*e, "did you mean '%s'?", best);
      free(all);
      free(names);
      return -1;
    }
    bool in_force = false;
    for (int i = 0; i < n; i++) in_force |= out[i] == k;
    if (!in_force) {
      *e = err_new(NULL, 0, 0, "opinion '%s' was not in force on %s", name, as_of);
      return -1;
    }
    out[0] = k;
    return 1;
  }
  if (n == 0) {
    *e = err_new(NULL, 0, 0, "no opinion of the pack was in force on %s", as_of);
    return -1;
  }
  return n;
}

int cli_pick_opinions(const pack *p, const char *name, const char *as_of, int *out) {
  err *e = NULL;
  int n = cli_opinions(p, name, as_of, out, &e);
  if (n < 0) cli_fail(e, RATIO_USAGE);
  return n;
}

/* ---- shared options and the output ----------------------------------------- */

int cli_shared_option(cli_shared *s, int opt, const char *arg, char *const *argv) {
  err *e = NULL;
  switch (opt) {
  case OPT_MAX_MEMORY:
  case OPT_MAX_STEPS:
  case OPT_MAX_TIME:
    if (cli_limit_option(opt, arg, &s->popts, &e) != 0) return cli_fail(e, RATIO_USAGE);
    return CLI_TAKEN;
  case 'o':
    s->output = strcmp(arg, "-") == 0 ? NULL : arg;
    return CLI_TAKEN;
  case 'f': s->file = arg; return CLI_TAKEN;
  case OPT_ROW: s->row = arg; return CLI_TAKEN;
  case OPT_OPINION: s->opinion = arg; return CLI_TAKEN;
  case OPT_AS_OF: s->as_of = arg; return CLI_TAKEN;
  case OPT_FORMAT: s->format = arg; return CLI_TAKEN;
  case OPT_ALL_OPINIONS: s->all_opinions = true; return CLI_TAKEN;
  case OPT_SET:
    if (s->nsets == CLI_MAX_SETS) return cli_usage(s->cmd, "more than %d --set options", CLI_MAX_SETS);
    s->sets[s->nsets++] = arg;
    return CLI_TAKEN;
  case 'j': {
    long n = cli_count(arg, 1, 256);
    if (n < 0) return cli_usage(s->cmd, "--jobs '%s' is not a number from 1 to 256", arg);
    s->jobs = (int)n;
    return CLI_TAKEN;
  }
  case 'h':
    fputs(s->help, stdout);
    return RATIO_OK;
  default: return cli_usage(s->cmd, "unknown or incomplete option '%s'", argv[optind - 1]);
  }
}

/* Where -o FILE writes: FILE itself, or, when FILE is a symbolic link, the
 * file it leads to (also one not made yet), so the link stays a link. The
 * caller frees the result. */
static char *output_target(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode)) return xstrdup(path);
  char real[PATH_MAX];
  if (realpath(path, real)) return xstrdup(real);
  /* a link to a file not made yet: its target, from the link's folder */
  char link[PATH_MAX];
  ssize_t n = readlink(path, link, sizeof link - 1);
  if (n <= 0) return xstrdup(path);
  link[n] = '\0';
  const char *slash = strrchr(path, '/');
  if (link[0] == '/' || !slash) return xstrdup(link);
  return xasprintf("%.*s/%s", (int)(slash - path), path, link);
}

int cli_output_open(cli_output *o, const cli_shared *s) {
  memset(o, 0, sizeof *o);
  o->cmd = s->cmd;
  o->path = s->output;
  o->f = stdout;
  if (!o->path) return 0;
  o->target = output_target(o->path);
  const char *to = o->target;
  struct stat st;
  if (stat(to, &st) == 0 && !S_ISREG(st.st_mode)) {
    /* /dev/null, a pipe: written directly, since renaming over it would
     * replace a device with a file */
    if ((o->f = fopen(to, "w"))) return 0;
    fprintf(stderr, "ratio %s: cannot write %s: %s\n", o->cmd, o->path, strerror(errno));
    free(o->target);
    o->target = NULL;
    return RATIO_USAGE;
  }
  const char *slash = strrchr(to, '/');
  o->tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - to), to, slash + 1) : xasprintf(".%s.XXXXXX", to);
  int fd = mkstemp(o->tmp);
  FILE *f = NULL;
  if (fd >= 0) {
    /* mkstemp makes the file private: give it the mode of the file it
     * replaces, or the mode a new file gets */
    if (stat(to, &st) == 0) {
      fchmod(fd, st.st_mode & 07777);
    } else {
      mode_t mask = umask(0);
      umask(mask);
      fchmod(fd, 0666 & ~mask);
    }
    f = fdopen(fd, "w");
    if (!f) {
      close(fd);
      unlink(o->tmp);
    }
  }
  if (!f) {
    fprintf(stderr, "ratio %s: cannot write %s: %s\n", o->cmd, o->path, strerror(errno));
    free(o->tmp);
    free(o->target);
    o->tmp = o->target = NULL;
    o->f = NULL;
    return RATIO_USAGE;
  }
  o->f = f;
  return 0;
}

/* Whether the reader of the pipe out writes to has gone away. */
static bool reader_gone(FILE *out) {
  struct pollfd pf = {fileno(out), POLLOUT, 0};
  return poll(&pf, 1, 0) == 1 && (pf.revents & POLLERR);
}

bool cli_output_broken(const cli_output *o) { return o->f && ferror(o->f); }

int cli_output_close(cli_output *o, int code, bool complete) {
  if (!o->f) return code;
  int failed = fflush(o->f) != 0 || ferror(o->f);
  int saved = errno;
  bool gone = failed && (saved == EPIPE || reader_gone(o->f));
  if (o->f != stdout && fclose(o->f) != 0 && !failed) {
    failed = 1;
    saved = errno;
  }
  if (o->tmp) {
    if (complete && !failed && rename(o->tmp, o->target) != 0) {
      failed = 1;
      saved = errno;
    }
    if (!complete || failed) unlink(o->tmp);
  }
  free(o->tmp);
  free(o->target);
  o->tmp = o->target = NULL;
  o->f = NULL;
  if (!failed) return code;
  if (gone) return 128 + SIGPIPE; /* as grep and git log do: no message */
  fprintf(stderr, "ratio %s: cannot write %s: %s\n", o->cmd, o->path ? o->path : "the output",
          saved ? strerror(saved) : "write error");
  return RATIO_USAGE;
}

int cli_positional_cases(const char *cmd, const char *pack_path, const char *file) {
  return cli_usage(cmd, "unexpected argument '%s'; give the case file with -f: ratio %s %s -f %s", file, cmd, pack_path, file);
}

const char *cli_parse(cli_shared *sh, int argc, char **argv, const struct option *longopts, cli_own_option own,
                      void *ud, char ***rest, int *nrest, int *code) {
  /* the short options, from the long ones that have a letter */
  char shortopts[64];
  size_t n = 0;
  for (const struct option *o = longopts; o->name && n + 3 < sizeof shortopts; o++) {
    if (o->flag || o->val <= 0 || o->val > 127 || !isalpha(o->val)) continue;
    shortopts[n++] = (char)o->val;
    if (o->has_arg == required_argument) shortopts[n++] = ':';
  }
  shortopts[n] = '\0';
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
    int taken = CLI_TAKEN;
    bool shared = c == 'o' || c == 'h' || c == 'f' || c == 'j' || c == '?' || c == ':' ||
                  (c >= OPT_MAX_MEMORY && c <= OPT_ALL_OPINIONS);
    if (!shared && own) taken = own(ud, c, optarg);
    else taken = cli_shared_option(sh, c, optarg, argv);
    if (taken != CLI_TAKEN) {
      *code = taken;
      return NULL;
    }
  }
  if (sh->all_opinions && sh->as_of) {
    *code = cli_usage(sh->cmd, "give --as-of DATE or --all-opinions, not both");
    return NULL;
  }
  return cli_pack_operand(sh, argc, argv, rest, nrest, code);
}

const char *cli_pack_operand(const cli_shared *s, int argc, char **argv, char ***rest, int *nrest, int *code) {
  if (optind >= argc) {
    *code = cli_usage(s->cmd, "missing PACK (a pack folder or its main .lua file)");
    return NULL;
  }
  const char *pack_path = argv[optind];
  if (rest) {
    *rest = argv + optind + 1;
    *nrest = argc - optind - 1;
  } else if (optind + 1 < argc) {
    /* a case file where -f is wanted: the command line that works */
    *code = optind + 2 == argc && !s->file && s->help && strstr(s->help, "-f, --file")
                ? cli_positional_cases(s->cmd, pack_path, argv[optind + 1])
                : cli_usage(s->cmd, "unexpected argument '%s'", argv[optind + 1]);
    return NULL;
  }
  return pack_path;
}

/* ---- a run ------------------------------------------------------------------ */

int cli_check_format(const cli_shared *sh, render_kind kind) {
  if (render_has_format(kind, sh->format)) return RATIO_OK;
  return cli_usage(sh->cmd, "unknown format '%s' (formats: %s)", sh->format, render_formats(kind));
}

int cli_run_open(cli_run *run, const cli_shared *sh, const char *pack_path) {
  memset(run, 0, sizeof *run);
  run->sh = sh;
  run->pack_path = pack_path;
  /* caught from here on: a signal also stops pack code while it runs */
  run->stop = ratio_catch_signals();
  run->popts = sh->popts;
  run->popts.limits.stop = run->stop;
  run->popts.limits.partial_file = &run->out.tmp; /* removed should a stuck rule end the process */
  run->p = cli_load_pack(pack_path, &run->popts);
  if (!run->p) return *run->stop ? 128 + (int)*run->stop : RATIO_USAGE;
  run->ops = xcalloc((size_t)run->p->nopinions + 1, sizeof *run->ops);
  /* by default the case's own opinions, where the command says so; older
   * and later law when asked */
  bool own = sh->case_opinions && !sh->opinion && !sh->as_of && !sh->all_opinions;
  run->nops = own ? pack_case_opinions(run->p, run->ops) : cli_pick_opinions(run->p, sh->opinion, sh->as_of, run->ops);
  return run->nops > 0 ? RATIO_OK : RATIO_USAGE;
}

int cli_run_output(cli_run *run) {
  if (run->out.f) return RATIO_OK;
  return cli_output_open(&run->out, run->sh);
}

int cli_run_rows(cli_run *run, render_kind kind, render_setup *setup, const row_handler *h,
                 const char *const *files, int nfiles) {
  const cli_shared *sh = run->sh;
  if (sh->nsets) {
    /* every --set is checked once, before any output: all mistakes at once */
    err *e = NULL;
    case_row *probe = cases_set_row(run->p, NULL, sh->sets, sh->nsets, &e);
    if (!probe) return cli_fail(e, RATIO_USAGE);
    cases_row_free(probe);
  }
  int code = cli_run_output(run);
  if (code != RATIO_OK) return code;
  setup->out = run->out.f;
  setup->p = run->p;
  setup->opinions = run->ops;
  setup->nopinions = run->nops;
  err *e = NULL;
  renderer *r = render_new(kind, sh->format, setup, &e);
  if (!r) {
    cli_usage(sh->cmd, "%s", e->msg);
    err_free(e);
    return RATIO_USAGE;
  }
  batch_options bo = {.handler = h, .row_id = sh->row, .sets = sh->sets, .nsets = sh->nsets, .jobs = sh->jobs,
                      .format = sh->format, .setup = setup, .pack_path = run->pack_path, .pack_opts = &run->popts,
                      .stop = run->stop};
  render_summary sum;
  if (batch_run(run->p, files, nfiles, &bo, r, &sum, &e) != 0) {
    fflush(run->out.f);
    /* an output that broke is reported once, when it is closed */
    if (*run->stop) {
      /* whatever the signal broke off (a read, a rule), it is the reason */
      err_free(e);
      fprintf(stderr, "ratio: interrupted; the output is incomplete\n");
      code = 128 + (int)*run->stop;
    } else if (cli_output_broken(&run->out)) {
      err_free(e);
      code = RATIO_USAGE;
    } else {
      code = cli_fail(e, RATIO_USAGE);
    }
  } else {
    run->complete = true;
    code = sum.failed || sum.duplicate_ids || sum.expect_failed ? RATIO_FAILED : RATIO_OK;
  }
  render_free(r);
  return code;
}

int cli_run_close(cli_run *run, int code) {
  code = cli_output_close(&run->out, code, run->complete);
  free(run->ops);
  pack_free(run->p);
  run->ops = NULL;
  run->p = NULL;
  return code;
}

/* ---- signals --------------------------------------------------------------- */

/* The one piece of mutable state outside main: a signal handler can reach
 * nothing else. Commands get it by pointer from ratio_catch_signals. */
static volatile sig_atomic_t caught_signal;

static void on_signal(int sig) { caught_signal = sig; }

volatile sig_atomic_t *ratio_catch_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  /* The flag stops running pack code at its next step and the run between
   * rows; should Lua be stuck where no step is counted, a second signal
   * ends the process, as Lua's own interpreter does. */
  sa.sa_flags = SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
  return &caught_signal;
}
