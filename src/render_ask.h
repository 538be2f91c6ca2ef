/* render_ask: what `ratio ask` shows: its questions and replies, the
 * summary of an interview, and the interview's JSON transcript. It prints
 * what the interview module computed and never evaluates. */
#ifndef RATIO_RENDER_ASK_H
#define RATIO_RENDER_ASK_H

#include <stdbool.h>
#include <stdio.h>

#include "err.h"
#include "interview.h"
#include "pack.h"

/* What an interview came to, for the summary and the transcript. Borrowed. */
typedef struct render_ask_end {
  const case_row *row;            /* the starting row with every answer */
  const interview_step *steps;    /* the answers that stand, in order */
  int nsteps;
  const interview_result *results; /* one per opinion */
  int nresults;
  bool complete;                  /* every opinion settled */
  bool stopped;                   /* the answers ended before the interview did */
  const char *start_file;         /* -f, or NULL */
  const char *start_row;          /* --row, or NULL */
  const char *const *sets;        /* --set options */
  int nsets;
  const char *saved_file;         /* where the answers were saved, or NULL */
  const char *saved_id;
} render_ask_end;

/* Before the first question: what the interview does and how to answer. */
void render_ask_intro(FILE *out, const pack *p);

/* Question `number`: the fact's question, its help and the answers it takes. */
void render_ask_question(FILE *out, const pack *p, int number, int fact);

/* An answer read without a terminal, shown after the prompt as if typed. */
void render_ask_echo(FILE *out, const char *line);

/* An answer refused: the message a case file's cell would get. */
void render_ask_refused(FILE *out, const err *e);

/* `back`: the answer taken back (NULL: there was none). */
void render_ask_back(FILE *out, const pack *p, const interview_step *undone);

/* `why`: the elements the fact feeds and the opinions it can decide. */
void render_ask_why(FILE *out, const pack *p, const interview_why *w);

/* The summary: the facts as sentences, then each opinion's result and
 * the element it turns on. */
void render_ask_summary(FILE *out, const pack *p, const render_ask_end *end);

/* The offer to save, and what came of it. */
void render_ask_save_offer(FILE *out);
void render_ask_id_prompt(FILE *out);
void render_ask_saved(FILE *out, const char *pack_path, const char *file, const char *id);
void render_ask_not_saved(FILE *out, const err *e);

/* The transcript (`--format json`, schema ratio.ask/1): the caller frees
 * the text, which ends in a line break. */
char *render_ask_json(const pack *p, const render_ask_end *end);

/* One step of the page's interview (POST /api/ask): the next question, or
 * none, with why it is asked, and each opinion's result so far. Borrowed. */
typedef struct render_ask_step {
  int fact;                          /* the next question, or -1 */
  const interview_why *why;          /* for fact; unused when it is -1 */
  const interview_opinion *opinions; /* one per opinion */
  const interview_result *results;   /* one per opinion */
  int nresults;
} render_ask_step;

/* The step as JSON (schema ratio.ask-step/1, one line): the caller frees
 * the text, which ends in a line break; *len is its length. */
char *render_ask_step_json(const pack *p, const render_ask_step *s, size_t *len);

#endif
