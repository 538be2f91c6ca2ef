/* pack: a rule pack loaded into a C model of facts, nodes, authorities and
 * opinions.
 *
 * pack_load runs the pack's Lua files in a sandbox, then reads the
 * declarations back into plain C structures and checks every name, type and
 * reference, so evaluation walks C data and enters Lua only for rule
 * functions (the escape hatch). */
#ifndef RATIO_PACK_H
#define RATIO_PACK_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "sandbox.h"
#include "value.h"

typedef enum { FACT_YESNO, FACT_ENUM, FACT_NUMBER, FACT_DATE, FACT_TEXT } fact_type;

typedef struct pack_fact {
  char *name;
  fact_type type;
  char **values; /* FACT_ENUM: the allowed names; NULL otherwise */
  int nvalues;
  char *ask;     /* the question a person is asked, or NULL */
  char *help;
  bool optional; /* may be left unknown without a warning */
  bool has_default; /* a blank cell is presumed to say `def` (default = ...) */
  rval def;
  /* says = ...: the sentence that states each answer, indexed like the
   * answers (yes/no: RV_NO, RV_YES; one-of: its values; number, date and
   * text: one sentence, [0]); its holes name only this fact. NULL when the
   * pack gives none; an entry's parts are NULL where the default serves.
   * Read them through pack_fact_sentence. */
  struct tmpl *says;
  char *file;
  int line;
} pack_fact;

typedef struct pack_authority {
  char *name;
  char *cite;  /* "Daniels v. Williams, 474 U.S. 327" */
  char *pin;   /* "330-331", or NULL */
  char *quote; /* a short quotation, or NULL */
  char *file;
  int line;
} pack_authority;

/* A reference from a rule to a fact or a node. */
typedef struct pack_ref {
  bool is_node;
  int index;
} pack_ref;

typedef enum {
  EXPR_CONST,  /* a literal yes/no */
  EXPR_REF,    /* the value of a yes/no fact or node */
  EXPR_IS,     /* a fact or valued node is one of a set */
  EXPR_CMP,    /* a number or date fact compared with a constant */
  EXPR_NOT,
  EXPR_ALL,
  EXPR_ANY,
  EXPR_UNLESS, /* kids[0] holds unless kids[1] (the exception) holds */
  EXPR_FIRST,  /* the value of the first branch whose condition holds */
  EXPR_LUA     /* a rule function, called through the sandbox */
} expr_kind;

typedef enum { CMP_GT, CMP_GE, CMP_LT, CMP_LE, CMP_EQ, CMP_NE } cmp_op;

typedef struct expr {
  expr_kind kind;
  int line;
  const char *file; /* borrowed from the pack's file table */
  pack_ref ref;     /* EXPR_REF, EXPR_IS, EXPR_CMP */
  uint64_t set;     /* EXPR_IS: bit v set when value v is in the set */
  rval constant;    /* EXPR_CONST */
  cmp_op cmp;       /* EXPR_CMP */
  double number;    /* EXPR_CMP: the constant (dates as day numbers) */
  struct expr **kids;
  int nkids;        /* EXPR_FIRST: one condition per branch; NULL = otherwise */
  rval *gives;      /* EXPR_FIRST: the value each branch gives */
  int lua_ref;      /* EXPR_LUA: the function, held by the sandbox */
  int first_id;     /* EXPR_FIRST: its index in pack->firsts */
} expr;

/* Every first { ... } of the pack, for coverage of its branches. */
typedef struct pack_first {
  const expr *x;
  int node;         /* the node whose rule it is in */
  int opinion;      /* the opinion whose override holds it, or -1 */
} pack_first;

/* A template for the explanation sentence: text with {name} holes. */
typedef struct tmpl_part {
  const char *text; /* literal text (len bytes), or NULL for a hole */
  int len;
  pack_ref ref;     /* the fact or node a hole names */
} tmpl_part;

typedef struct tmpl {
  tmpl_part *parts;
  int nparts;
} tmpl;

/* How a node is decided: the base rule of the node or an opinion's
 * override of it. */
typedef struct node_rule {
  expr *rule;         /* NULL: the node can only be supplied as a finding */
  expr *open;         /* when it holds, a "no" becomes unknown (a question left open) */
  int *by;            /* authority indexes */
  int nby;
  tmpl *says;         /* one template per value (nvalues); parts NULL when none */
  tmpl says_unknown;
  char *title;        /* an override's own heading for the node, or NULL */
  const char *file;
  int line;
  /* An override shares what it leaves out with the rule it replaces; these
   * mark the shared parts, which pack_free must not free twice. */
  bool rule_borrowed, open_borrowed;
} node_rule;

/* The party an answer favours (a node's `favours`): who wins when the
 * opinion's outcome is that answer. */
typedef enum { PARTY_UNSAID = 0, PARTY_PLAINTIFF, PARTY_DEFENDANT, PARTY_NEITHER } pack_party;

typedef struct pack_node {
  char *name;
  char *ask;        /* the question the node answers */
  char *title;      /* a short heading, or NULL (the name is used) */
  char **values;    /* the value names: {"no","yes"} for yes/no nodes */
  int nvalues;
  bool valued;      /* declared with values = {...} */
  bool finding;     /* a case row may supply its value */
  expr *finding_unless; /* when it holds, a supplied finding does not bind */
  pack_party *favours; /* per value, the party it favours; NULL when the
                        * node does not say (favours = { yes = "plaintiff", ... }) */
  node_rule base;
  char *file;
  int line;
} pack_node;

typedef struct pack_override {
  int node;
  node_rule rule;
} pack_override;

typedef struct pack_opinion {
  char *name;
  char *author;
  char *role;       /* majority, plurality, concurrence, dissent, ... */
  char *title;
  char *joined;     /* "Marshall, J." or NULL */
  char *date;       /* YYYY-MM-DD */
  char *until_date; /* in force until this date (exclusive), or NULL */
  char *displaced_by; /* the decision that ended it ("Daniels"), or NULL */
  int date_days, until_days;
  int base;         /* opinion index, or -1 */
  int decides;      /* node index */
  char **disposition; /* per value of the decided node, then unknown; NULL entries */
  int disposition_node; /* or: a node whose value is the disposition, or -1 */
  pack_override *overrides;
  int noverrides;
  const node_rule **rules; /* resolved: the rule each node follows here */
  char *file;
  int line;
} pack_opinion;

/* A kind of case the pack does not decide (`outside "name" { ... }`): a row
 * whose facts meet `when` is reported as outside this pack, with `says`,
 * rather than decided or left unknown. */
typedef struct pack_outside {
  char *name;
  char *title;      /* a short heading, or NULL */
  char *says;       /* why such a row is outside */
  expr *when;       /* over facts only: scope is a matter of the facts stated */
  int *by;          /* authority indexes */
  int nby;
  char *file;
  int line;
} pack_outside;

typedef struct pack {
  char *name;
  char *title;
  char *case_name;
  char *date;       /* the day the pack's case was decided, or NULL */
  int date_days;    /* its day number, or -1 */
  char *dir;        /* the pack folder as the user named it */
  char *main_file;  /* display path of the main file */
  char **files;     /* display paths that exprs borrow */
  int nfiles;
  pack_fact *facts;
  int nfacts;
  pack_node *nodes;
  int nnodes;
  pack_authority *authorities;
  int nauthorities;
  pack_opinion *opinions;
  int nopinions;
  pack_first *firsts;
  int nfirsts;
  pack_outside *outside; /* the pack's scope, in declaration order */
  int noutside;
  char **cases;     /* case files the pack lists, as paths from the cwd */
  char **case_rels; /* the same, as the pack names them (from its folder) */
  int ncases;
  bool *case_decided; /* per case file: its rows are decided cases, the
                       * precedents a problem is argued from (decided = ...) */
  sandbox *sb;      /* owned: holds rule functions */
  int nrule_functions; /* rules written as Lua functions, the only Lua run after loading */
  struct strpool *strings; /* owned: template texts and parts */
  struct pack_names *names; /* owned: an index of the names above, so that
                             * a lookup by name takes constant time */
} pack;

typedef struct pack_options {
  sandbox_limits limits;
} pack_options;

/* Load the pack at `path` (a folder with pack.lua, or a .lua file). Returns a
 * pack the caller frees with pack_free, or NULL with *e set to every
 * mistake found (a chain). */
pack *pack_load(const char *path, const pack_options *opts, err **e);
void pack_free(pack *p);

/* Case files the pack lists are the pack's own files: inside its folder,
 * regular files (see sandbox_open_file). pack_load refuses a list that
 * breaks the rule; pack_open_case checks again as it opens p->cases[i], so
 * a file changed since the load is still never read from outside the folder
 * or from a pipe. Returns the open file, or NULL with *e set. */
FILE *pack_open_case(const pack *p, int i, err **e);

/* The index of `path` in p->cases (compared as text), or -1: a case file
 * named by the pack, which is opened with pack_open_case; any other path
 * is the user's to choose and is opened as given. */
int pack_case_index(const pack *p, const char *path);

/* Lookups by name; -1 when absent. */
int pack_fact_index(const pack *p, const char *name);
int pack_node_index(const pack *p, const char *name);
int pack_opinion_index(const pack *p, const char *name);
int pack_authority_index(const pack *p, const char *name);

/* The value index of `name` among a fact's or node's values; -1 if none. */
int pack_fact_value(const pack_fact *f, const char *name, size_t len);
int pack_node_value(const pack_node *n, const char *name, size_t len);

/* The name of value v of a node ("unknown" for RV_UNKNOWN). Inline: it
 * runs per opinion per row. */
static inline const char *pack_node_value_name(const pack_node *n, rval v) {
  return v >= 0 && v < n->nvalues ? n->values[v] : "unknown";
}

/* The name of an opinion's disposition for an outcome: the disposition
 * node's value (`disposition_value`) or the opinion's table entry for the
 * outcome; NULL when the opinion gives none. */
static inline const char *pack_disposition_name(const pack *p, int op, rval outcome, rval disposition_value) {
  const pack_opinion *o = &p->opinions[op];
  if (o->disposition_node >= 0) return pack_node_value_name(&p->nodes[o->disposition_node], disposition_value);
  if (!o->disposition) return NULL;
  return o->disposition[outcome == RV_UNKNOWN ? p->nodes[o->decides].nvalues : outcome];
}

/* The party that value v of node n favours (PARTY_UNSAID for unknown, or
 * when the node does not say). */
static inline pack_party pack_favours(const pack *p, int n, rval v) {
  const pack_node *nd = &p->nodes[n];
  return nd->favours && v >= 0 && v < nd->nvalues ? nd->favours[v] : PARTY_UNSAID;
}

/* "plaintiff", "defendant", "neither", or NULL for PARTY_UNSAID. */
const char *pack_party_name(pack_party party);

/* The opinions in force on a date (YYYY-MM-DD), or all when date is NULL:
 * writes their indexes into out (room for nopinions) and returns the count. */
int pack_opinions_in_force(const pack *p, int date_days, int *out);

/* The sentence that states `value` as the answer to fact `fact`, as a new
 * string the caller frees. `value` is written as a case-file cell would
 * be ("y" is yes; a number, a date YYYY-MM-DD, any text). The pack's own
 * sentence for that answer (`says`) is used, with {fact} filled in as in
 * node sentences ('_' shown as a space); without one, a default made of
 * the fact's question and the answer: "Did the officials know of the
 * threat? Yes.", or "Remedy: barred by immunity." for a fact without
 * `ask`. NULL or "" is the blank answer, which is always phrased by the
 * default ("...? Unknown."; to state what a fact's `default` presumes,
 * pass that answer). Returns NULL when `value` is not an answer the fact
 * accepts. */
char *pack_fact_sentence(const pack *p, int fact, const char *value);

/* Whether the pack gives its own sentence for answer `answer` of a fact
 * (an index as in pack_fact.says). */
bool pack_fact_says(const pack_fact *f, int answer);

/* The case's own opinions, what `ratio eval` decides under by default: those
 * in force on the pack's date; without one (or with none in force that
 * day), those with no until_date, the law as it stands. Writes their
 * indexes into out (room for nopinions) and returns the count. */
int pack_case_opinions(const pack *p, int *out);

/* Day number of a YYYY-MM-DD date, or -1 when it is not a valid date. */
int pack_parse_date(const char *s, size_t len);

#endif
