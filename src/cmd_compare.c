/* cmd_compare: ratio compare PACK -f CASES.csv */
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "cli.h"
#include "compare.h"
#include "render_reasoning.h"

static const char compare_help[] =
    "Usage: ratio compare PACK -f CASES.csv [OPTIONS]\n"
    "\n"
    "Decide each row under every opinion of the pack, side by side, and for\n"
    "each pair of opinions that disagree show the node where their reasoning\n"
    "parts, the override responsible, and each side's authorities.\n"
    "\n"
    "Options:\n"
    "  -f, --file FILE       the case file (CSV; '-' reads standard input)\n"
    "      --row ID          only the row with this id\n"
    "      --as-of DATE      only the opinions in force on DATE (YYYY-MM-DD)\n"
    "      --format FORMAT   text (default), json or md\n"
    CLI_SHARED_HELP
    "\n"
    "Exit status: 0 every row was compared; 1 some row could not be read or a\n"
    "rule failed on it (reported in the output), or two rows share an id\n"
    "(reported on standard error); 2 usage, file or pack error, or the output\n"
    "could not be written.\n";

static int run(const pack *p, const char *file, const int *ops, int nops, const char *row_id, reason_format f,
               FILE *out) {
  err *e = NULL;
  case_reader *cr = cases_open(p, file, &e);
  if (!cr) return cli_fail(e, RATIO_USAGE);
  compare_ctx *cc = compare_new(p, ops, nops);
  compare_report *rep = render_compare_new(f, out, p, cases_name(cr));
  int read = 0, disagree = 0, failed = 0, code = RATIO_OK;
  bool found = false;
  case_ids *ids = case_ids_new();
  case_dups dups = {0};
  for (;;) {
    case_row row;
    if (ferror(out)) break; /* reported when the output is closed */
    int got = cases_next(cr, &row, &e);
    if (got == 0) break;
    if (got < 0) {
      fflush(out);
      code = cli_fail(e, RATIO_USAGE);
      break;
    }
    int first = case_ids_check(ids, row.id, row.line);
    if (first) case_dups_add(&dups, cases_name(cr), row.line, row.id_col, row.id, first);
    if (row_id && strcmp(row.id, row_id) != 0) {
      err_free(e);
      e = NULL;
      continue;
    }
    found = true;
    read++;
    const compare_result *res = got == 2 ? NULL : compare_row(cc, &row, &e);
    if (!res) {
      render_compare_error(rep, &row, e);
      err_free(e);
      e = NULL;
      failed++;
      continue;
    }
    disagree += res->nparts > 0;
    render_compare_row(rep, res);
  }
  if (code == RATIO_OK && row_id && !found) {
    fflush(out);
    code = cli_fail(err_hint(err_new(cases_name(cr), 0, 0, "no row has the id '%s'", row_id),
                             "ids are in the file's id column"),
                    RATIO_USAGE);
  } else if (code == RATIO_OK) {
    /* reused ids on standard error, after the rows and before the summary */
    fflush(out);
    case_dups_print(&dups, stderr);
    render_compare_end(rep, read, disagree, failed);
    if (failed || dups.count) code = RATIO_FAILED;
  }
  case_dups_free(&dups);
  case_ids_free(ids);
  render_compare_free(rep);
  compare_free(cc);
  cases_close(cr);
  return code;
}

int cmd_compare(int argc, char **argv) {
  static const struct option longopts[] = {
      {"file", required_argument, NULL, 'f'},
      {"row", required_argument, NULL, 'r'},
      {"format", required_argument, NULL, 'F'},
      {"as-of", required_argument, NULL, OPT_AS_OF},
      CLI_SHARED_OPTIONS,
      {NULL, 0, NULL, 0},
  };
  const char *file = NULL, *row = NULL, *format = "text", *as_of = NULL;
  cli_shared sh = {.cmd = "compare", .help = compare_help};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "f:" CLI_SHARED_SHORT, longopts, NULL)) != -1) {
    switch (c) {
    case 'f': file = optarg; break;
    case 'r': row = optarg; break;
    case 'F': format = optarg; break;
    case OPT_AS_OF: as_of = optarg; break;
    default: {
      int code = cli_shared_option(&sh, c, optarg, argv);
      if (code != CLI_TAKEN) return code;
    }
    }
  }
  if (optind >= argc) return cli_usage("compare", "missing PACK (a pack folder or its main .lua file)");
  if (optind + 1 < argc && !file && optind + 2 == argc)
    return cli_positional_cases("compare", argv[optind], argv[optind + 1]);
  if (optind + 1 < argc) return cli_usage("compare", "unexpected argument '%s'", argv[optind + 1]);
  if (!file) return cli_usage("compare", "missing -f CASES.csv");
  reason_format f;
  if (reason_format_parse(format, &f) != 0)
    return cli_usage("compare", "unknown format '%s' (formats: text, json, md)", format);
  pack *p = cli_load_pack(argv[optind], &sh.popts);
  if (!p) return RATIO_USAGE;
  int *ops = xcalloc((size_t)p->nopinions + 1, sizeof *ops);
  int nops = cli_pick_opinions(p, NULL, as_of, ops);
  cli_output out = {0};
  int code = nops > 0 ? cli_output_open(&out, &sh) : RATIO_USAGE;
  if (code == RATIO_OK) code = run(p, file, ops, nops, row, f, out.f);
  code = cli_output_close(&out, code, code != RATIO_USAGE);
  free(ops);
  pack_free(p);
  return code;
}
