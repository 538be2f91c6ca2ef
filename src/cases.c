/* cases: case files read against a pack, one typed row at a time. */
#include "cases.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"

typedef enum { COL_ID, COL_TITLE, COL_NOTE, COL_FACT, COL_FINDING, COL_EXPECT } col_kind;

/* An answer a column's cells commonly hold (a yes/no word, a declared
 * value) as the words cell_words makes of it: `fold` marks the letters
 * whose case does not matter. */
typedef struct answer {
  uint64_t lo, hi, fold;
  uint8_t len;
  rval value;
} answer;

#define MAX_ANSWERS 12
#define ANSWER_BYTES 16
#define ANSWER_SLOT_BITS 5
#define ANSWER_SLOTS (1 << ANSWER_SLOT_BITS)
_Static_assert(ANSWER_SLOTS <= 32, "set_answers marks the slots it uses in 32 bits");

typedef struct col_map {
  col_kind kind;
  int index;     /* the fact, the node, or the expect column */
  /* The common cells, read before anything else: the answers of a yes/no
   * or one-of fact, each in the slot answer_slot gives it with `mult`
   * (chosen so that no two share one); an empty slot has len 0. Any other
   * cell takes the full path. */
  uint64_t mult;
  answer slots[ANSWER_SLOTS];
} col_map;

struct case_reader {
  const pack *p;
  csvin_reader *csv;
  col_map *cols;
  int ncols;
  case_expect_col *expect;
  int nexpect;
  int rows_read;
  case_value *facts;
  rval *findings;
  bool *has_finding;
  const char **expect_cells;
  /* the row being read: texts kept by offset into strs */
  char *strs;
  size_t strs_len, strs_cap;
  int id_off, title_off, note_off;
  int *text_fact, *text_off; /* the texts kept this row: fact, offset */
  int ntexts;
  int *expect_off; /* per expect column */
  int id_col;
  int row_line;
  bool too_many;
  bool forked;     /* made by cases_open_block: shares `from`'s column tables */
  bool id_bad;     /* the id cell was refused (its own error says why) */
  bool any_cell;   /* some cell of the row is not empty */
  bool in_row;     /* a cell of the row being read has been seen */
  csvin_sink sink; /* what libcsv hands the cells to: on_cell */
  int row_cells;   /* the cells of the row just read */
  err *row_errs;
};

const char *cases_name(const case_reader *r) { return csvin_name(r->csv); }

const case_expect_col *cases_expect_cols(const case_reader *r, int *n) {
  *n = r->nexpect;
  return r->expect;
}

/* The names a header may use, for did-you-mean. */
static const char **column_names(const pack *p, int *n) {
  const char **names = xcalloc((size_t)(p->nfacts + p->nnodes + 4), sizeof *names);
  int k = 0;
  names[k++] = "id";
  names[k++] = "title";
  names[k++] = "note";
  for (int i = 0; i < p->nfacts; i++) names[k++] = p->facts[i].name;
  for (int i = 0; i < p->nnodes; i++)
    if (p->nodes[i].finding) names[k++] = p->nodes[i].name;
  *n = k;
  return names;
}

static void add(err **errs, err *e) { err_append(errs, e); }

/* expect.<target>[@<opinion>] */
static bool parse_expect(case_reader *r, const csvin_field *f, err **errs) {
  const pack *p = r->p;
  const char *target = f->text + strlen("expect.");
  const char *at = strchr(target, '@');
  size_t tlen = at ? (size_t)(at - target) : strlen(target);
  case_expect_col c = {f->col, EXPECT_NODE, -1, -1, NULL};
  if (tlen == 7 && strncmp(target, "outcome", 7) == 0) c.kind = EXPECT_OUTCOME;
  else if (tlen == 11 && strncmp(target, "disposition", 11) == 0) c.kind = EXPECT_DISPOSITION;
  else {
    char *name = xstrndup(target, tlen);
    c.node = pack_node_index(p, name);
    if (c.node < 0) {
      const char **cands = xcalloc((size_t)p->nnodes + 3, sizeof *cands);
      cands[0] = "outcome";
      cands[1] = "disposition";
      for (int i = 0; i < p->nnodes; i++) cands[i + 2] = p->nodes[i].name;
      const char *best = suggest_closest(name, tlen, cands, p->nnodes + 2);
      err *e = err_new(cases_name(r), f->line, f->col,
                       "column '%s': '%s' is not outcome, disposition or a node of the pack",
                       f->text, name);
      if (best) err_hint(e, "did you mean 'expect.%s'?", best);
      add(errs, e);
      free(cands);
      free(name);
      return false;
    }
    free(name);
  }
  if (at) {
    c.opinion = pack_opinion_index(p, at + 1);
    if (c.opinion < 0) {
      const char **cands = xcalloc((size_t)p->nopinions + 1, sizeof *cands);
      for (int i = 0; i < p->nopinions; i++) cands[i] = p->opinions[i].name;
      const char *best = suggest_closest(at + 1, strlen(at + 1), cands, p->nopinions);
      err *e = err_new(cases_name(r), f->line, f->col, "column '%s': no opinion '%s' in the pack",
                       f->text, at + 1);
      if (best) err_hint(e, "did you mean '@%s'?", best);
      add(errs, e);
      free(cands);
      return false;
    }
  }
  c.header = xstrdup(f->text);
  r->expect = xrealloc(r->expect, sizeof *r->expect * (size_t)(r->nexpect + 1));
  r->expect[r->nexpect++] = c;
  return true;
}

/* ---- bytes a cell may hold ----------------------------------------------- */

static inline uint32_t le32(uint32_t x) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap32(x);
#endif
  return x;
}

/* Up to 8 bytes as a little-endian word, zero above them: with two loads
 * (which overlap when n < 8) and no loop. */
static inline uint64_t word_of(const char *s, size_t n) {
  if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    return le32(a) | (uint64_t)le32(b) << (8 * (n - 4));
  }
  if (n == 0) return 0;
  const unsigned char *u = (const unsigned char *)s;
  return u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) | (uint64_t)u[n - 1] << (8 * (n - 1));
}

/* The first byte of s[0..len) that is a NUL or breaks UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF included), or len. ASCII, the
 * common case, costs one test a byte. */
static size_t bad_byte(const char *text, size_t len) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  /* eight bytes at a time while they are all 0x01..0x7F, the last few
   * padded with 0x01 */
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  for (uint64_t w; i < len; i += 8) {
    if (len - i >= 8) memcpy(&w, s + i, 8);
    else w = word_of(text + i, len - i) | (~(uint64_t)0 << (8 * (len - i)) & ones);
    if ((w & highs) || ((w - ones) & ~w & highs)) break;
  }
  if (i >= len) return len;
  while (i < len) {
    unsigned c = s[i];
    if (c - 1u < 0x7Fu) { /* 0x01..0x7F */
      i++;
      continue;
    }
    if (c == 0) return i;
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else return i;
    if (len - i <= n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k <= n; k++)
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    i += n + 1;
  }
  return len;
}

/* An error for a cell (or a header name) with a NUL byte or bytes that are
 * not UTF-8, or NULL when it is clean. `what` names the column. */
static err *check_bytes(const char *name, const char *text, size_t len, int line, int col, const char *what) {
  size_t at = bad_byte(text, len);
  if (at == len) return NULL;
  if (text[at] == '\0')
    return err_hint(err_new(name, line, col, "%s: the cell holds a NUL byte (byte %zu of the cell)", what, at + 1),
                    "case files are text; delete the character, or export the sheet again as CSV");
  return err_hint(err_new(name, line, col, "%s: the cell is not valid UTF-8 (byte %zu of the cell is 0x%02X)", what,
                          at + 1, (unsigned char)text[at]),
                  "save the file as CSV in UTF-8 (spreadsheets call it \"CSV UTF-8\")");
}

/* ---- the common cells ----------------------------------------------------- */

/* Where an answer of `len` bytes whose first eight are `lo` sits. Every
 * letter is folded for this, so each case of a word lands in the same
 * slot; the compare in match_answer decides whether case matters. */
static inline size_t answer_slot(uint64_t lo, size_t len, uint64_t mult) {
  return (size_t)((((lo | 0x2020202020202020u) + len) * mult) >> (64 - ANSWER_SLOT_BITS));
}

/* The answer a cell of 1 to ANSWER_BYTES bytes holds, or -1 (the full
 * path decides then): one slot, one compare. OR-ing 0x20 folds exactly
 * 'A'-'Z' onto 'a'-'z' among the bytes that can equal a letter after
 * folding, so a folded compare accepts any case and nothing else. */
static inline int match_answer(const col_map *c, const char *text, size_t len) {
  uint64_t lo = word_of(text, len < 8 ? len : 8), hi = len > 8 ? word_of(text + 8, len - 8) : 0;
  const answer *a = &c->slots[answer_slot(lo, len, c->mult)];
  if (a->len == len && (lo | a->fold) == a->lo && hi == a->hi) return a->value;
  return -1;
}

static void add_answer(answer *list, int *n, const char *word, rval value, bool any_case) {
  size_t len = strlen(word);
  if (len == 0 || len > ANSWER_BYTES || *n == MAX_ANSWERS) return; /* the full path reads it */
  answer *a = &list[(*n)++];
  a->len = (uint8_t)len;
  a->value = value;
  a->lo = word_of(word, len < 8 ? len : 8);
  a->hi = len > 8 ? word_of(word + 8, len - 8) : 0;
  a->fold = 0;
  for (size_t i = 0; any_case && i < len && i < 8; i++)
    if (word[i] >= 'a' && word[i] <= 'z') a->fold |= (uint64_t)0x20 << (8 * i);
}

/* The answers value_parse_yesno and pack_fact_value accept, placed by a
 * multiplier under which no two collide; the full path stays the
 * reference for every other cell, and for every cell when no multiplier
 * is found. */
static void set_answers(col_map *c, const pack_fact *f) {
  answer list[MAX_ANSWERS];
  int n = 0;
  if (f->type == FACT_YESNO) {
    static const struct { const char *word; rval v; } yesno[] = {
        {"yes", RV_YES}, {"no", RV_NO}, {"y", RV_YES}, {"n", RV_NO},
        {"true", RV_YES}, {"false", RV_NO}, {"1", RV_YES}, {"0", RV_NO}};
    for (size_t i = 0; i < sizeof yesno / sizeof *yesno; i++) add_answer(list, &n, yesno[i].word, yesno[i].v, true);
  } else if (f->type == FACT_ENUM) {
    for (int v = 0; v < f->nvalues; v++) add_answer(list, &n, f->values[v], (rval)v, false);
  }
  uint64_t seed = 0;
  for (int tries = 0; n > 0 && tries < 4096; tries++) {
    /* splitmix64: a fixed sequence of odd multipliers, the same every run */
    uint64_t m = (seed += 0x9e3779b97f4a7c15u);
    m = (m ^ (m >> 30)) * 0xbf58476d1ce4e5b9u;
    m = ((m ^ (m >> 27)) * 0x94d049bb133111ebu) | 1;
    uint32_t used = 0;
    int k = 0;
    for (; k < n; k++) {
      uint32_t bit = (uint32_t)1 << answer_slot(list[k].lo, list[k].len, m);
      if (used & bit) break;
      used |= bit;
    }
    if (k < n) continue;
    c->mult = m;
    for (k = 0; k < n; k++) c->slots[answer_slot(list[k].lo, list[k].len, m)] = list[k];
    return;
  }
}

/* ---- the header ------------------------------------------------------------ */

/* A header's messages, kind by kind: the first HEADER_SHOWN of each kind,
 * then one line that counts the rest, so a header of a million unknown
 * columns gives a screenful, not megabytes. Appended at the tail: a long
 * chain is never walked again. */
#define HEADER_SHOWN 10
enum { HK_BYTES, HK_DUP, HK_EMPTY, HK_EXPECT, HK_FINDING, HK_UNKNOWN, HK_KINDS };
static const char *const header_more[HK_KINDS] = {
    "columns whose names are not valid text", "repeated columns", "columns with empty names",
    "errors in expect columns", "columns of nodes decided by their rule", "unknown columns"};

typedef struct header_errs {
  err *head, **tail;
  int shown[HK_KINDS];
  long more[HK_KINDS];
} header_errs;

/* Is there room for one more message of this kind? If not, it is counted. */
static bool header_room(header_errs *h, int kind) {
  if (h->shown[kind] < HEADER_SHOWN) {
    h->shown[kind]++;
    return true;
  }
  h->more[kind]++;
  return false;
}

static void header_add(header_errs *h, err *e) {
  *h->tail = e;
  while (*h->tail) h->tail = &(*h->tail)->next;
}

/* 1234567 as "1,234,567". */
static void with_commas(long n, char *buf, size_t size) {
  char digits[32];
  int len = snprintf(digits, sizeof digits, "%ld", n), k = 0;
  for (int i = 0; i < len && (size_t)k + 2 < size; i++) {
    if (i > 0 && (len - i) % 3 == 0) buf[k++] = ',';
    buf[k++] = digits[i];
  }
  buf[k] = '\0';
}

/* Column names seen so far, for repeats: open addressing over indexes into
 * the header's fields, so a wide header is checked in linear time. */
typedef struct name_set {
  int *slots; /* field index + 1; 0 is empty */
  size_t mask;
} name_set;

static uint64_t name_hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
  return h;
}

/* The index of an earlier field with the same name as field i, or -1 after
 * recording field i. */
static int name_set_add(name_set *ns, const csvin_field *fields, int i) {
  const csvin_field *f = &fields[i];
  for (size_t at = name_hash(f->text, f->len) & ns->mask;; at = (at + 1) & ns->mask) {
    int k = ns->slots[at] - 1;
    if (k < 0) {
      ns->slots[at] = i + 1;
      return -1;
    }
    if (fields[k].len == f->len && memcmp(fields[k].text, f->text, f->len) == 0) return k;
  }
}

static int read_header(case_reader *r, err **e) {
  const pack *p = r->p;
  csvin_row row;
  int rc = csvin_next(r->csv, &row, e);
  if (rc < 0 || rc == 2) return -1; /* no header to check columns against */
  if (rc == 0) {
    *e = err_hint(err_new(cases_name(r), 1, 0, "the case file is empty"),
                  "start with a header line of fact names; `ratio facts PACK --template` writes one");
    return -1;
  }
  /* Spreadsheets export empty columns after the last named one: they are
   * not columns (a non-empty cell under them is an extra cell). */
  while (row.nfields > 1 && row.fields[row.nfields - 1].len == 0) row.nfields--;
  /* More columns than the pack has names for cannot all be right, so the
   * header fails: its columns are then checked for messages only, without
   * a map per column (a map holds the answers of a fact, about 1 KiB). */
  long nameable = 3L + p->nfacts + p->nnodes + (p->nnodes + 2L) * (p->nopinions + 1L);
  bool keep = row.nfields <= nameable;
  r->ncols = keep ? row.nfields : 0;
  r->cols = xcalloc(keep ? (size_t)row.nfields + 1 : 1, sizeof *r->cols);
  col_map scratch;
  header_errs h = {.tail = &h.head};
  bool has_id = false;
  int nnames;
  const char **names = column_names(p, &nnames);
  name_set seen = {NULL, 1};
  while (seen.mask + 1 < 2 * (size_t)row.nfields) seen.mask = seen.mask * 2 + 1;
  seen.slots = xcalloc(seen.mask + 1, sizeof *seen.slots);
  for (int i = 0; i < row.nfields; i++) {
    const csvin_field *f = &row.fields[i];
    col_map *c = keep ? &r->cols[i] : &scratch;
    char what[32];
    snprintf(what, sizeof what, "column %d", f->col);
    err *be = check_bytes(cases_name(r), f->text, f->len, f->line, f->col, what);
    if (be) {
      if (header_room(&h, HK_BYTES)) header_add(&h, be);
      else err_free(be);
      continue;
    }
    int k = f->len ? name_set_add(&seen, row.fields, i) : -1;
    if (k >= 0 && header_room(&h, HK_DUP))
      header_add(&h, err_hint(err_new(cases_name(r), f->line, f->col, "column '%s' appears twice (also column %d)",
                                      f->text, k + 1), "keep one of them"));
    if (f->len == 0) {
      if (header_room(&h, HK_EMPTY))
        header_add(&h, err_hint(err_new(cases_name(r), f->line, f->col, "column %d has an empty name", f->col),
                                "name it after a fact, or delete the column"));
    } else if (strcmp(f->text, "id") == 0) {
      c->kind = COL_ID;
      r->id_col = f->col;
      has_id = true;
    } else if (strcmp(f->text, "title") == 0) {
      c->kind = COL_TITLE;
    } else if (strcmp(f->text, "note") == 0) {
      c->kind = COL_NOTE;
    } else if (strncmp(f->text, "expect.", 7) == 0) {
      c->kind = COL_EXPECT;
      c->index = r->nexpect;
      err *pe = NULL;
      parse_expect(r, f, &pe);
      if (pe && header_room(&h, HK_EXPECT)) header_add(&h, pe);
      else err_free(pe);
    } else if ((c->index = pack_fact_index(p, f->text)) >= 0) {
      c->kind = COL_FACT;
      set_answers(c, &p->facts[c->index]);
    } else if ((c->index = pack_node_index(p, f->text)) >= 0) {
      c->kind = COL_FINDING;
      if (!p->nodes[c->index].finding && header_room(&h, HK_FINDING))
        header_add(&h, err_hint(err_new(cases_name(r), f->line, f->col,
                                        "column '%s': node %s is decided by its rule and cannot be supplied by a row",
                                        f->text, f->text),
                                "delete the column, or mark the node finding = true in the pack"));
    } else if (header_room(&h, HK_UNKNOWN)) {
      const char *best = suggest_closest(f->text, f->len, names, nnames);
      err *ce = err_new(cases_name(r), f->line, f->col, "unknown column '%s'", f->text);
      if (best) err_hint(ce, "did you mean '%s'?", best);
      else err_hint(ce, "columns are id, title, note, expect.*, and the pack's facts (see `ratio facts`)");
      header_add(&h, ce);
    }
  }
  free(seen.slots);
  free(names);
  for (int kind = 0; kind < HK_KINDS; kind++) {
    if (!h.more[kind]) continue;
    char n[32];
    with_commas(h.more[kind], n, sizeof n);
    header_add(&h, err_new(cases_name(r), 1, 0, "and %s more %s", n, header_more[kind]));
  }
  if (!keep && !h.head) /* cannot happen, as counted above; never let it pass */
    header_add(&h, err_new(cases_name(r), 1, 0, "the header has %d columns, more than the pack has names for",
                           row.nfields));
  if (!has_id && !h.head)
    header_add(&h, err_hint(err_new(cases_name(r), 1, 0, "the header has no 'id' column"),
                            "add a column id with a unique name for each row"));
  if (h.head) {
    *e = h.head;
    return -1;
  }
  return 0;
}

static void alloc_row_state(case_reader *r);
static void on_cell(void *data, size_t len, void *sink);
static void on_row_end(csvin_sink *s);

case_reader *cases_open(const pack *p, const char *path, err **e) {
  /* a file the pack lists is opened by the pack's rules; one the user
   * gives (a pipe too) as given */
  int listed = pack_case_index(p, path);
  csvin_reader *csv;
  if (listed >= 0) {
    FILE *f = pack_open_case(p, listed, e);
    csv = f ? csvin_open_file(f, path) : NULL;
  } else {
    csv = csvin_open(path, e);
  }
  if (!csv) return NULL;
  case_reader *r = xcalloc(1, sizeof *r);
  r->p = p;
  r->csv = csv;
  if (read_header(r, e) != 0) {
    cases_close(r);
    return NULL;
  }
  alloc_row_state(r);
  return r;
}

static void alloc_row_state(case_reader *r) {
  const pack *p = r->p;
  r->facts = xcalloc((size_t)p->nfacts + 1, sizeof *r->facts);
  for (int i = 0; i < p->nfacts; i++) r->facts[i] = (case_value){RV_UNKNOWN, 0, NULL, 0};
  /* a fact's column is the same in every row: set once, not per cell; a
   * fact without a column stays unknown */
  for (int k = 0; k < r->ncols; k++)
    if (r->cols[k].kind == COL_FACT) r->facts[r->cols[k].index].col = k + 1;
  r->sink = (csvin_sink){on_cell, on_row_end, r, 0, false};
  r->findings = xcalloc((size_t)p->nnodes + 1, sizeof *r->findings);
  r->has_finding = xcalloc((size_t)p->nnodes + 1, sizeof *r->has_finding);
  r->expect_cells = xcalloc((size_t)r->nexpect + 1, sizeof *r->expect_cells);
  r->text_fact = xcalloc((size_t)p->nfacts + 1, sizeof *r->text_fact);
  r->text_off = xcalloc((size_t)p->nfacts + 1, sizeof *r->text_off);
  r->expect_off = xcalloc((size_t)r->nexpect + 1, sizeof *r->expect_off);
}

case_reader *cases_open_block(const case_reader *from, const char *buf, size_t len, int first_line) {
  case_reader *r = xcalloc(1, sizeof *r);
  r->p = from->p;
  r->csv = csvin_open_memory(buf, len, csvin_name(from->csv), first_line);
  r->ncols = from->ncols;
  r->cols = xcalloc((size_t)r->ncols + 1, sizeof *r->cols);
  memcpy(r->cols, from->cols, sizeof *r->cols * (size_t)r->ncols);
  r->forked = true; /* the column tables stay `from`'s */
  r->nexpect = from->nexpect;
  r->expect = xcalloc((size_t)r->nexpect + 1, sizeof *r->expect);
  for (int i = 0; i < r->nexpect; i++) {
    r->expect[i] = from->expect[i];
    r->expect[i].header = xstrdup(from->expect[i].header);
  }
  r->id_col = from->id_col;
  alloc_row_state(r);
  return r;
}

csvin_reader *cases_csv(case_reader *r) { return r->csv; }

void cases_close(case_reader *r) {
  if (!r) return;
  csvin_close(r->csv);
  for (int i = 0; i < r->nexpect; i++) free(r->expect[i].header);
  free(r->expect);
  free(r->cols);
  free(r->facts);
  free(r->findings);
  free(r->has_finding);
  free(r->expect_cells);
  free(r->text_fact);
  free(r->text_off);
  free(r->expect_off);
  free(r->strs);
  err_free(r->row_errs);
  free(r);
}

static char *joined_values(char *const *values, int n) {
  size_t len = 1;
  for (int i = 0; i < n; i++) len += strlen(values[i]) + 2;
  char *s = xmalloc(len);
  s[0] = '\0';
  for (int i = 0; i < n; i++) {
    if (i) strcat(s, ", ");
    strcat(s, values[i]);
  }
  return s;
}

/* ---- one row, as libcsv finds its fields ---------------------------------- */

/* A cell as the sink sees it: not NUL-terminated, valid during the call.
 * A --set value is a cell too, at line 0 of the option itself. */
typedef struct cell {
  const char *text;
  size_t len;
  int line, col;
} cell;

/* The arrays a row's checked cells are written into. */
typedef struct row_arrays {
  case_value *facts;
  rval *findings;
  bool *has_finding;
} row_arrays;

/* An error at a cell; `where` is the file name (or the --set option). */
static err *cell_err(const char *where, const cell *f, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static err *cell_err(const char *where, const cell *f, const char *hint, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err *e = err_newv(where, f->line, f->col, fmt, ap);
  va_end(ap);
  if (hint) err_hint(e, "%s", hint);
  return e;
}

/* A cell that is not one of a list of names. */
static err *not_one_of(const char *where, const cell *f, const char *what, char *const *values, int n) {
  char *all = joined_values(values, n);
  err *e = cell_err(where, f, NULL, "%s: '%.*s' is not one of %s", what, (int)f->len, f->text, all);
  const char *best = suggest_closest(f->text, f->len, (const char *const *)values, n);
  if (best) err_hint(e, "did you mean '%s'?", best);
  else err_hint(e, "leave the cell blank if the answer is unknown");
  free(all);
  return e;
}

/* Keep a cell's text for after the call: an offset into the row's buffer. */
static int keep(case_reader *r, const cell *f) {
  if (r->strs_len + f->len + 1 > r->strs_cap) {
    while (r->strs_len + f->len + 1 > r->strs_cap) r->strs_cap = r->strs_cap ? r->strs_cap * 2 : 1024;
    r->strs = xrealloc(r->strs, r->strs_cap);
  }
  int off = (int)r->strs_len;
  memcpy(r->strs + off, f->text, f->len);
  r->strs[off + f->len] = '\0';
  r->strs_len += f->len + 1;
  return off;
}

/* A fact's text, kept for the row. */
static void keep_text(case_reader *r, int fi, const cell *f) {
  r->text_fact[r->ntexts] = fi;
  r->text_off[r->ntexts++] = keep(r, f);
}

/* Is the fact's answer kept as text (its cell's bytes checked on the way
 * in, and the text kept for the row)? */
static bool fact_has_text(const pack_fact *fact) { return fact->type == FACT_TEXT || fact->type == FACT_DATE; }

static err *parse_fact(const pack *p, const char *where, int fi, const cell *f, case_value *out) {
  const pack_fact *fact = &p->facts[fi];
  out->col = f->col;
  if (f->len == 0) return NULL; /* blank: unknown */
  switch (fact->type) {
  case FACT_YESNO:
    if (value_parse_yesno(f->text, f->len, &out->v) == 0) return NULL;
    return cell_err(where, f, "write yes or no (also y/n, true/false, 1/0), or leave it blank if unknown",
                    "%s: '%.*s' is not yes or no", fact->name, (int)f->len, f->text);
  case FACT_ENUM: {
    int k = pack_fact_value(fact, f->text, f->len);
    if (k >= 0) {
      out->v = (rval)k;
      return NULL;
    }
    return not_one_of(where, f, fact->name, fact->values, fact->nvalues);
  }
  case FACT_NUMBER:
    if (value_parse_number(f->text, f->len, &out->num) == 0) {
      out->v = RV_YES;
      return NULL;
    }
    return cell_err(where, f, "write a plain decimal number such as 8 or 2.5", "%s: '%.*s' is not a number",
                    fact->name, (int)f->len, f->text);
  case FACT_DATE: {
    int d = pack_parse_date(f->text, f->len);
    if (d < 0)
      return cell_err(where, f, "write dates as YYYY-MM-DD, e.g. 1980-12-19", "%s: '%.*s' is not a date",
                      fact->name, (int)f->len, f->text);
    out->v = RV_YES;
    out->num = d;
    return NULL;
  }
  case FACT_TEXT:
    out->v = RV_YES;
    return NULL;
  }
  return NULL;
}

static err *parse_finding(const pack *p, const char *where, int ni, const cell *f, const row_arrays *a) {
  const pack_node *n = &p->nodes[ni];
  if (f->len == 0) return NULL;
  if (!n->valued) {
    if (value_parse_yesno(f->text, f->len, &a->findings[ni]) == 0) {
      a->has_finding[ni] = true;
      return NULL;
    }
    return cell_err(where, f, "write yes or no, or leave it blank when no court found it",
                    "%s: '%.*s' is not yes or no", n->name, (int)f->len, f->text);
  }
  int k = pack_node_value(n, f->text, f->len);
  if (k < 0) return not_one_of(where, f, n->name, n->values, n->nvalues);
  a->findings[ni] = (rval)k;
  a->has_finding[ni] = true;
  return NULL;
}

/* What an earlier row left in a fact. */
static void forget_value(case_value *v) {
  v->v = RV_UNKNOWN;
  v->num = 0;
  v->text = NULL;
}

/* A fact's or finding's cell, checked and written into the row: the one
 * path for a case file's cells and --set values alike, so both are
 * accepted, refused and explained the same way. What the cell held before
 * is forgotten first. A text or date fact's text is the caller's to keep.
 * Cells kept as text are checked byte by byte first; a cell read as
 * yes/no, a declared value or a number needs no such pass on the way in (a
 * NUL or a byte that is not UTF-8 matches nothing), and when it is
 * refused, its bytes are checked then, to say why. */
static err *check_cell(const pack *p, const char *where, col_kind kind, int index, const cell *f,
                       const row_arrays *a) {
  const char *name = kind == COL_FACT ? p->facts[index].name : p->nodes[index].name;
  bool as_text = kind == COL_FACT && fact_has_text(&p->facts[index]);
  if (kind == COL_FACT) forget_value(&a->facts[index]);
  else a->has_finding[index] = false;
  if (as_text) {
    err *be = check_bytes(where, f->text, f->len, f->line, f->col, name);
    if (be) return be;
  }
  err *ce = kind == COL_FACT ? parse_fact(p, where, index, f, &a->facts[index]) : parse_finding(p, where, index, f, a);
  if (ce && !as_text) {
    err *be = check_bytes(where, f->text, f->len, f->line, f->col, name);
    if (be) {
      err_free(ce);
      ce = be;
    }
  }
  return ce;
}

/* Forget what an earlier row left in the columns from `from` (0-based) on. */
static void forget_cols(case_reader *r, int from) {
  for (int k = from; k < r->ncols; k++) {
    const col_map *c = &r->cols[k];
    if (c->kind == COL_FACT) forget_value(&r->facts[c->index]);
    else if (c->kind == COL_FINDING) r->has_finding[c->index] = false;
  }
}

/* A row begins at its first field: forget the last one. */
static void start_row(case_reader *r) {
  /* facts and findings are not reset here: every cell sets its own, and
   * cases_next forgets the columns a short row has no cell for */
  r->ntexts = 0;
  for (int i = 0; i < r->nexpect; i++) r->expect_off[i] = -1;
  r->id_off = r->title_off = r->note_off = -1;
  r->strs_len = 0;
  r->too_many = false;
  r->id_bad = false;
  r->any_cell = false;
  err_free(r->row_errs);
  r->row_errs = NULL;
}

/* The header name of a mapped column, for messages. */
static const char *col_name(const case_reader *r, const col_map *c) {
  switch (c->kind) {
  case COL_ID: return "id";
  case COL_TITLE: return "title";
  case COL_NOTE: return "note";
  case COL_EXPECT: return r->expect[c->index].header;
  case COL_FACT: return r->p->facts[c->index].name;
  case COL_FINDING: return r->p->nodes[c->index].name;
  }
  return "?";
}

/* Everything but the common case, kept out of line so the common case
 * stays a small function. */
static void __attribute__((noinline)) on_cell_slow(case_reader *r, const char *text, size_t len, int col);

/* libcsv calls this for every cell of every row. */
static void on_cell(void *data, size_t len, void *sink) {
  csvin_sink *s = sink;
  case_reader *r = s->ud;
  const char *text = data;
  int col = ++s->col;
  /* most cells of most rows: an answer of a yes/no or one-of fact; the
   * first column always takes the full path, which starts the row */
  if (col > 1 && col <= r->ncols && len - 1 < ANSWER_BYTES) {
    const col_map *c = &r->cols[col - 1];
    int v = match_answer(c, text, len);
    if (v >= 0) {
      r->facts[c->index].v = (rval)v;
      r->any_cell = true;
      return;
    }
  }
  on_cell_slow(r, text ? text : "", len, col);
}

static void on_cell_slow(case_reader *r, const char *text, size_t len, int col) {
  int line = csvin_field_line(r->csv, text, len);
  if (col == 1) {
    start_row(r);
    r->in_row = true;
    r->row_line = line;
  }
  r->any_cell |= len > 0;
  cell f = {text, len, line, col};
  if (col > r->ncols) {
    if (len == 0 || r->too_many) return; /* spreadsheets pad rows with empty cells */
    r->too_many = true;
    add(&r->row_errs, cell_err(cases_name(r), &f, "remove the extra cells or add a column for them",
                               "this row has more cells than the header has columns (%d)", r->ncols));
    return;
  }
  const col_map *c = &r->cols[col - 1];
  if (c->kind == COL_FACT || c->kind == COL_FINDING) {
    row_arrays a = {r->facts, r->findings, r->has_finding};
    err *ce = check_cell(r->p, cases_name(r), c->kind, c->index, &f, &a);
    if (ce) add(&r->row_errs, ce);
    else if (c->kind == COL_FACT && len && fact_has_text(&r->p->facts[c->index])) keep_text(r, c->index, &f);
    return;
  }
  /* id, title, note and expectations are kept as text */
  err *ce = check_bytes(cases_name(r), text, len, line, col, col_name(r, c));
  if (ce) {
    if (c->kind == COL_ID) r->id_bad = true;
    add(&r->row_errs, ce);
    return;
  }
  switch (c->kind) {
  case COL_ID: r->id_off = keep(r, &f); break;
  case COL_TITLE: if (len) r->title_off = keep(r, &f); break;
  case COL_NOTE: if (len) r->note_off = keep(r, &f); break;
  case COL_EXPECT: if (len) r->expect_off[c->index] = keep(r, &f); break;
  case COL_FACT:
  case COL_FINDING: break;
  }
}

static void on_row_end(csvin_sink *s) {
  case_reader *r = s->ud;
  r->row_cells = s->col;
}

int cases_next(case_reader *r, case_row *row, err **e) {
  int rc;
  /* a row of empty cells (",,,": a spreadsheet's blank row) is a blank line */
  r->in_row = false;
  while ((rc = csvin_pump(r->csv, &r->sink, e)) == 1 && !r->any_cell) {}
  if (rc == 0 || rc == -1) return rc;
  /* a row malformed in its first cell: nothing of the last row may show */
  if (!r->in_row) start_row(r);
  /* a malformed row's cells are not all known to have been seen */
  if (rc == 2) forget_cols(r, 0);
  else if (r->row_cells < r->ncols) forget_cols(r, r->row_cells);
  r->rows_read++;
  memset(row, 0, sizeof *row);
  row->number = r->rows_read;
  row->id_col = r->id_col;
  row->facts = r->facts;
  row->findings = r->findings;
  row->has_finding = r->has_finding;
  row->expect = r->expect_cells;
  /* the texts kept during the row get their final addresses now */
  row->id = r->id_off >= 0 ? r->strs + r->id_off : "";
  row->title = r->title_off >= 0 ? r->strs + r->title_off : NULL;
  row->note = r->note_off >= 0 ? r->strs + r->note_off : NULL;
  for (int i = 0; i < r->nexpect; i++) r->expect_cells[i] = r->expect_off[i] >= 0 ? r->strs + r->expect_off[i] : NULL;
  for (int i = 0; i < r->ntexts; i++) r->facts[r->text_fact[i]].text = r->strs + r->text_off[i];
  if (rc == 2) {
    /* a malformed row: reported with whatever of it was read */
    row->line = (*e)->line;
    err_append(e, r->row_errs);
    r->row_errs = NULL;
    return 2;
  }
  row->line = r->row_line;
  if (row->id[0] == '\0' && !r->id_bad)
    add(&r->row_errs, err_hint(err_new(cases_name(r), row->line, r->id_col, "this row has no id"),
                               "give every row a unique id"));
  if (r->row_errs) {
    *e = r->row_errs;
    r->row_errs = NULL;
    return 2;
  }
  return 1;
}

/* ---- duplicate ids ---------------------------------------------------------- */

#define IDS_SLOTS (2 * CASE_IDS_MAX) /* a power of two; half full at most */
/* A bit per hash value in front of the table, so that a new id (nearly
 * every row) costs a look at 256 KiB, which caches hold, rather than at
 * the 2 MiB table, which they do not: an id whose bit is clear was never
 * stored. At most CASE_IDS_MAX bits are set, so a new id finds its bit set
 * about one time in 32 and only then looks in the table. */
#define IDS_FILTER_BITS ((size_t)1 << 21)

typedef struct id_slot {
  uint64_t hash; /* 0: empty */
  int line;
} id_slot;

struct case_ids {
  id_slot *slots;   /* IDS_SLOTS, allocated at once: the pages are touched as used */
  uint64_t *filter; /* IDS_FILTER_BITS bits */
  int n;
};

case_ids *case_ids_new(void) {
  case_ids *t = xcalloc(1, sizeof *t);
  t->slots = xcalloc(IDS_SLOTS, sizeof *t->slots);
  t->filter = xcalloc(IDS_FILTER_BITS / 64, sizeof *t->filter);
  return t;
}

void case_ids_free(case_ids *t) {
  if (!t) return;
  free(t->slots);
  free(t->filter);
  free(t);
}

/* Eight bytes at a time, each word mixed in by a multiply, the length
 * too, then a final mix so the low bits index the table well. */
uint64_t case_id_hash(const char *s) {
  if (!s || !s[0]) return 0;
  size_t len = strlen(s);
  uint64_t h = 0xcbf29ce484222325u ^ len;
  for (; len >= 8; s += 8, len -= 8) {
    uint64_t w;
    memcpy(&w, s, 8);
    h = (h ^ w) * 0x9e3779b97f4a7c15u;
    h ^= h >> 29;
  }
  h = (h ^ word_of(s, len)) * 0x9e3779b97f4a7c15u;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdu;
  h ^= h >> 33;
  return h ? h : 1;
}

/* The filter takes the hash's high bits, the table its low ones. */
static size_t filter_bit(uint64_t h) { return (size_t)(h >> 40) & (IDS_FILTER_BITS - 1); }

void case_ids_prefetch(const case_ids *t, uint64_t h) {
  if (!h) return;
  __builtin_prefetch(&t->filter[filter_bit(h) / 64]);
  if (t->n < CASE_IDS_MAX) __builtin_prefetch(&t->slots[h & (IDS_SLOTS - 1)]);
}

int case_ids_check_hash(case_ids *t, uint64_t h, int line) {
  if (!h) return 0;
  size_t bit = filter_bit(h);
  uint64_t *word = &t->filter[bit / 64], mask = (uint64_t)1 << (bit % 64);
  bool maybe = (*word & mask) != 0;
  if (!maybe && t->n >= CASE_IDS_MAX) return 0;
  for (size_t i = (size_t)h & (IDS_SLOTS - 1);; i = (i + 1) & (IDS_SLOTS - 1)) {
    id_slot *s = &t->slots[i];
    if (maybe && s->hash == h) return s->line;
    if (s->hash == 0) {
      if (t->n < CASE_IDS_MAX) {
        s->hash = h;
        s->line = line;
        t->n++;
        *word |= mask;
      }
      return 0;
    }
  }
}

int case_ids_check(case_ids *t, const char *id, int line) { return case_ids_check_hash(t, case_id_hash(id), line); }

err *case_ids_error(const char *file, int line, int col, const char *id, int first) {
  return err_hint(err_new(file, line, col, "id '%.60s%s' is used again (first on line %d)", id,
                          strlen(id) > 60 ? "..." : "", first),
                  "give every row a unique id");
}

void case_dups_add(case_dups *d, const char *file, int line, int col, const char *id, int first) {
  if (d->count++ < CASE_DUPS_SHOWN) err_append(&d->shown, case_ids_error(file, line, col, id, first));
}

void case_dups_print(const case_dups *d, FILE *out) {
  err_print(d->shown, out);
  if (d->count > CASE_DUPS_SHOWN)
    fprintf(out, "ratio: %d more rows reuse an earlier row's id\n", d->count - CASE_DUPS_SHOWN);
}

void case_dups_free(case_dups *d) {
  err_free(d->shown);
  d->shown = NULL;
}

/* ---- rows from --set NAME=VALUE ------------------------------------------ */

/* A row cases_set_row made: the row first, so that cases_row_free can get
 * from the row to the whole. */
typedef struct set_row {
  case_row row;
  int nfacts;
} set_row;

/* The position of an option's messages: "--set " and the option as given,
 * each byte that breaks UTF-8 shown as \xNN, cut as messages cut what they
 * quote. */
static char *set_where(const char *opt) {
  size_t n = strlen(opt);
  if (n <= ERR_EXCERPT_BYTES && bad_byte(opt, n) == n) {
    /* the common case, once per fact of every request the page makes */
    char *plain = xmalloc(n + sizeof "--set ");
    memcpy(plain, "--set ", 6);
    memcpy(plain + 6, opt, n + 1);
    return plain;
  }
  char *out = NULL;
  size_t outlen = 0;
  FILE *m = xopen_memstream(&out, &outlen);
  fputs("--set ", m);
  size_t len = strlen(opt), i = 0, room = ERR_EXCERPT_BYTES;
  while (i < len && room > 0) {
    size_t good = bad_byte(opt + i, len - i), take = good < room ? good : room;
    while (take < good && take > 0 && ((unsigned char)opt[i + take] & 0xC0) == 0x80) take--; /* whole characters */
    fwrite(opt + i, 1, take, m);
    i += take;
    room -= take;
    if (take < good || i == len) break;
    fprintf(m, "\\x%02X", (unsigned char)opt[i++]);
    room = room > 4 ? room - 4 : 0;
  }
  if (i < len) fprintf(m, ERR_CUT_MARK, len - i);
  fclose(m);
  return out;
}

/* What an option names: a column kind and index, or -1 with an error. */
static int set_target(const pack *p, const char *where, const char *name, col_kind *kind, int *index, err **errs) {
  if (strcmp(name, "id") == 0 || strcmp(name, "title") == 0 || strcmp(name, "note") == 0) {
    *kind = name[0] == 'i' ? COL_ID : name[0] == 't' ? COL_TITLE : COL_NOTE;
    *index = 0;
    return 0;
  }
  if (strncmp(name, "expect.", 7) == 0) {
    add(errs, err_hint(err_new(where, 0, 0, "'%s' is an expectation, which a row made with --set does not have", name),
                       "set facts and findings; write expectations in a case file, for ratio test"));
    return -1;
  }
  if ((*index = pack_fact_index(p, name)) >= 0) {
    *kind = COL_FACT;
    return 0;
  }
  if ((*index = pack_node_index(p, name)) >= 0) {
    *kind = COL_FINDING;
    if (p->nodes[*index].finding) return 0;
    add(errs, err_hint(err_new(where, 0, 0, "node %s is decided by its rule and cannot be supplied by a row", name),
                       "set the facts it is decided from, or mark the node finding = true in the pack"));
    return -1;
  }
  int nnames;
  const char **names = column_names(p, &nnames);
  const char *best = suggest_closest(name, strlen(name), names, nnames);
  err *e = err_new(where, 0, 0, "unknown fact '%s'", name);
  if (best) err_hint(e, "did you mean '%s'?", best);
  else err_hint(e, "set a fact or a finding of the pack (ratio facts lists them)");
  add(errs, e);
  free(names);
  return -1;
}

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

/* A value a fact's cell may hold, for examples. */
static const char *sample_value(const pack_fact *f) {
  if (!f) return "yes";
  switch (f->type) {
  case FACT_YESNO: return "yes";
  case FACT_ENUM: return f->nvalues ? f->values[0] : "value";
  case FACT_NUMBER: return "8";
  case FACT_DATE: return "1980-12-19";
  case FACT_TEXT: return "text";
  }
  return "yes";
}

case_row *cases_set_row(const pack *p, const case_row *base, const char *const *sets, int nsets, err **e) {
  *e = NULL;
  set_row *o = xcalloc(1, sizeof *o);
  case_row *row = &o->row;
  o->nfacts = p->nfacts;
  row->facts = xcalloc((size_t)p->nfacts + 1, sizeof *row->facts);
  row->findings = xcalloc((size_t)p->nnodes + 1, sizeof *row->findings);
  row->has_finding = xcalloc((size_t)p->nnodes + 1, sizeof *row->has_finding);
  if (base) {
    for (int i = 0; i < p->nfacts; i++) {
      row->facts[i] = base->facts[i];
      row->facts[i].text = dup_or_null(base->facts[i].text);
    }
    memcpy(row->findings, base->findings, sizeof *row->findings * (size_t)p->nnodes);
    memcpy(row->has_finding, base->has_finding, sizeof *row->has_finding * (size_t)p->nnodes);
    row->id = xstrdup(base->id ? base->id : "");
    row->title = dup_or_null(base->title);
    row->note = dup_or_null(base->note);
    row->line = base->line;
    row->id_col = base->id_col;
    row->number = base->number;
  } else {
    for (int i = 0; i < p->nfacts; i++) row->facts[i] = (case_value){RV_UNKNOWN, 0, NULL, 0};
    row->id = xstrdup(CASES_SET_ID);
    row->number = 1;
  }
  /* the option (+1) that set each name: facts, then nodes, then id, title
   * and note */
  int nslots = p->nfacts + p->nnodes + 3;
  int *set_by = xcalloc((size_t)nslots, sizeof *set_by);
  row_arrays a = {row->facts, row->findings, row->has_finding};
  err *errs = NULL;
  for (int i = 0; i < nsets; i++) {
    const char *opt = sets[i];
    char *where = set_where(opt);
    const char *eq = strchr(opt, '=');
    if (!eq || eq == opt) {
      const pack_fact *f = p->nfacts ? &p->facts[0] : NULL;
      add(&errs, err_hint(err_new(where, 0, 0, "expected FACT=VALUE"),
                          "e.g. --set %s=%s; an empty VALUE leaves the fact unknown", f ? f->name : "fact",
                          sample_value(f)));
      free(where);
      continue;
    }
    char *name = xstrndup(opt, (size_t)(eq - opt));
    col_kind kind;
    int index;
    if (set_target(p, where, name, &kind, &index, &errs) == 0) {
      int slot = kind == COL_FACT ? index : kind == COL_FINDING ? p->nfacts + index
                 : p->nfacts + p->nnodes + (kind == COL_ID ? 0 : kind == COL_TITLE ? 1 : 2);
      cell c = {eq + 1, strlen(eq + 1), 0, 0};
      if (set_by[slot]) {
        char *first = set_where(sets[set_by[slot] - 1]);
        add(&errs, err_hint(err_new(where, 0, 0, "'%s' is set twice (first by %s)", name, first),
                            "keep one of them"));
        free(first);
      } else if (kind == COL_FACT || kind == COL_FINDING) {
        set_by[slot] = i + 1;
        if (kind == COL_FACT) free((char *)row->facts[index].text); /* a copy of base's */
        err *ce = check_cell(p, where, kind, index, &c, &a);
        if (ce) add(&errs, ce);
        else if (kind == COL_FACT && c.len && fact_has_text(&p->facts[index])) row->facts[index].text = xstrdup(c.text);
      } else {
        set_by[slot] = i + 1;
        const char **to = kind == COL_ID ? &row->id : kind == COL_TITLE ? &row->title : &row->note;
        err *ce = check_bytes(where, c.text, c.len, 0, 0, name);
        if (!ce && kind == COL_ID && c.len == 0)
          ce = err_hint(err_new(where, 0, 0, "this row has no id"), "give every row a unique id");
        if (ce) add(&errs, ce);
        else {
          free((char *)*to);
          *to = c.len ? xstrdup(c.text) : NULL;
        }
      }
    }
    free(name);
    free(where);
  }
  free(set_by);
  if (errs) {
    cases_row_free(row);
    *e = errs;
    return NULL;
  }
  return row;
}

void cases_row_free(case_row *row) {
  if (!row) return;
  set_row *o = (set_row *)row;
  for (int i = 0; i < o->nfacts; i++) free((char *)row->facts[i].text);
  free(row->facts);
  free(row->findings);
  free(row->has_finding);
  free((char *)row->id);
  free((char *)row->title);
  free((char *)row->note);
  free(o);
}

char *cases_template_header(const pack *p) {
  size_t len = 32;
  for (int i = 0; i < p->nfacts; i++) len += strlen(p->facts[i].name) + 1;
  for (int i = 0; i < p->nnodes; i++) len += strlen(p->nodes[i].name) + 1;
  char *s = xmalloc(len);
  strcpy(s, "id,title,note");
  for (int i = 0; i < p->nfacts; i++) {
    strcat(s, ",");
    strcat(s, p->facts[i].name);
  }
  for (int i = 0; i < p->nnodes; i++) {
    if (!p->nodes[i].finding) continue;
    strcat(s, ",");
    strcat(s, p->nodes[i].name);
  }
  return s;
}
