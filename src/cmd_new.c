/* cmd_new: ratio new DIR */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char new_help[] =
    "Usage: ratio new DIR\n"
    "\n"
    "Start a pack in DIR: a pack.lua with one fact, one node, one authority\n"
    "and one opinion, and a cases.csv with expectations that the pack lists,\n"
    "so 'ratio test DIR' and 'ratio check DIR' pass straight away. DIR is\n"
    "made if it does not exist; an existing DIR must be empty. The pack is\n"
    "named after DIR's last component.\n"
    "\n"
    "Options:\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 the pack was written; 2 usage error, DIR not empty, or a\n"
    "file could not be written.\n";

static const char pack_lua[] =
    "-- %s/pack.lua: a new Ratio pack, made by `ratio new`.\n"
    "--\n"
    "-- Replace the example with your doctrine: the facts a case row may state,\n"
    "-- the nodes (the elements) that rules decide from them, the authority\n"
    "-- for each node, and the opinions that decide. Then:\n"
    "--   ratio check %s    lint the pack and its case file\n"
    "--   ratio test %s     check the expectations in cases.csv\n"
    "-- docs/tutorial.md builds a whole pack step by step.\n"
    "\n"
    "pack {\n"
    "  name  = \"%s\",\n"
    "  title = \"The question this pack answers\",\n"
    "  cases = { \"cases.csv\" },\n"
    "}\n"
    "\n"
    "-- Authorities: what each node relies on ----------------------------------\n"
    "authority \"source\" {\n"
    "  cite = \"Example v. Example, 1 U.S. 1 (1900)\",\n"
    "  pin  = \"2\",\n"
    "}\n"
    "\n"
    "-- Facts: what a case row may state --------------------------------------\n"
    "fact \"element_met\" { yesno,\n"
    "  ask = \"Is the element met on these facts?\",\n"
    "}\n"
    "\n"
    "-- Nodes: the elements of the test ---------------------------------------\n"
    "node \"claim\" {\n"
    "  title = \"Claim\",\n"
    "  ask   = \"Does the claim succeed?\",\n"
    "  by    = \"source\",\n"
    "  favours = { yes = \"plaintiff\", no = \"defendant\" },\n"
    "  rule  = \"element_met\",\n"
    "  yes     = \"The element is met, so the claim succeeds.\",\n"
    "  no      = \"The element is not met, so the claim fails.\",\n"
    "  unknown = \"Whether the element is met is not known.\",\n"
    "}\n"
    "\n"
    "-- Opinions: who decides, under which rule -------------------------------\n"
    "opinion \"majority\" {\n"
    "  title   = \"Opinion of the Court\",\n"
    "  role    = \"majority\",\n"
    "  date    = \"2000-01-01\",\n"
    "  decides = \"claim\",\n"
    "  disposition = { yes = \"reverse\", no = \"affirm\", unknown = \"remand\" },\n"
    "}\n";

static const char starter_cases_csv[] =
    "id,title,element_met,expect.outcome,expect.disposition\n"
    "met,The element is met,yes,yes,reverse\n"
    "not_met,The element is not met,no,no,affirm\n"
    "open,Nobody knows,,unknown,remand\n";

/* mkdir -p; returns 0 or -1 with errno set. */
static int make_dirs(const char *path) {
  char *buf = xstrdup(path);
  int rc = 0;
  for (char *s = buf + 1; *s && rc == 0; s++) {
    if (*s != '/') continue;
    *s = '\0';
    if (mkdir(buf, 0777) != 0 && errno != EEXIST) rc = -1;
    *s = '/';
  }
  if (rc == 0 && mkdir(buf, 0777) != 0 && errno != EEXIST) rc = -1;
  free(buf);
  return rc;
}

static int dir_is_empty(const char *path) {
  DIR *d = opendir(path);
  if (!d) return -1;
  struct dirent *ent;
  int empty = 1;
  while ((ent = readdir(d)) != NULL)
    if (strcmp(ent->d_name, ".") != 0 && strcmp(ent->d_name, "..") != 0) empty = 0;
  closedir(d);
  return empty;
}

/* The pack's name: the folder's last component as a word of letters,
 * digits and _. */
static char *pack_name(const char *dir) {
  const char *end = dir + strlen(dir);
  while (end > dir + 1 && end[-1] == '/') end--;
  const char *start = end;
  while (start > dir && start[-1] != '/') start--;
  size_t n = (size_t)(end - start);
  char *name = xmalloc(n + 2);
  size_t k = 0;
  if (n == 0 || isdigit((unsigned char)*start)) name[k++] = 'p';
  for (size_t i = 0; i < n; i++)
    name[k++] = isalnum((unsigned char)start[i]) ? start[i] : '_';
  name[k] = '\0';
  return name;
}

static int write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wx");
  if (!f) return -1;
  int ok = fputs(text, f) >= 0;
  if (fclose(f) != 0) ok = 0;
  return ok ? 0 : -1;
}

int cmd_new(int argc, char **argv) {
  static const struct option longopts[] = {
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (c) {
    case 'h': fputs(new_help, stdout); return RATIO_OK;
    default: return cli_usage("new", "unknown or incomplete option '%s'", argv[optind - 1]);
    }
  }
  if (optind >= argc) return cli_usage("new", "missing DIR (the folder for the new pack)");
  if (optind + 1 < argc) return cli_usage("new", "unexpected argument '%s'", argv[optind + 1]);
  char *dir = xstrdup(argv[optind]);
  size_t n = strlen(dir);
  while (n > 1 && dir[n - 1] == '/') dir[--n] = '\0';

  int code = RATIO_USAGE;
  char *name = NULL, *lua = NULL, *lua_path = NULL, *csv_path = NULL;
  struct stat st;
  if (stat(dir, &st) == 0) {
    if (!S_ISDIR(st.st_mode)) {
      code = cli_fail(err_hint(err_new(dir, 0, 0, "exists and is not a folder"),
                               "give a new folder name for the pack"), RATIO_USAGE);
      goto done;
    }
    if (dir_is_empty(dir) != 1) {
      code = cli_fail(err_hint(err_new(dir, 0, 0, "the folder is not empty, and ratio new never overwrites files"),
                               "give a new folder name, or an empty folder"), RATIO_USAGE);
      goto done;
    }
  } else if (make_dirs(dir) != 0) {
    code = cli_fail(err_new(dir, 0, 0, "cannot make the folder: %s", strerror(errno)), RATIO_USAGE);
    goto done;
  }
  name = pack_name(dir);
  lua = xasprintf(pack_lua, dir, dir, dir, name);
  lua_path = xasprintf("%s/pack.lua", dir);
  csv_path = xasprintf("%s/cases.csv", dir);
  if (write_file(lua_path, lua) != 0) {
    code = cli_fail(err_new(lua_path, 0, 0, "cannot write: %s", strerror(errno)), RATIO_USAGE);
    goto done;
  }
  if (write_file(csv_path, starter_cases_csv) != 0) {
    code = cli_fail(err_new(csv_path, 0, 0, "cannot write: %s", strerror(errno)), RATIO_USAGE);
    goto done;
  }
  printf("created %s\ncreated %s\n\nNext:\n  ratio test %s\n  ratio check %s\n", lua_path, csv_path, dir, dir);
  code = RATIO_OK;
done:
  free(dir);
  free(name);
  free(lua);
  free(lua_path);
  free(csv_path);
  return code;
}
