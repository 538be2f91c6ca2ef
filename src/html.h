/* html: what every HTML output shares: escaping, the page around a report
 * (its head with the one style sheet, print rules included, and its end),
 * and the style sheet itself, which `ratio serve` also serves.
 *
 * Reports are self-contained: the style sheet is written into the page,
 * and nothing is fetched from anywhere. */
#ifndef RATIO_HTML_H
#define RATIO_HTML_H

#include <stddef.h>
#include <stdio.h>

/* Text escaped for an element's content or a quoted attribute. NULL
 * writes nothing. */
void html_put(FILE *out, const char *s);

/* The same with '_' shown as a space ("vacate_and_remand" as "vacate and
 * remand"), and in capitals with html_put_upper. */
void html_put_spaced(FILE *out, const char *s);
void html_put_upper(FILE *out, const char *s);

/* Plain text a text writer prints (an error, a summary line, a citation
 * list), escaped: html_capture_open gives the stream to write it to, and
 * html_capture_put writes it to out, escaped, and frees it. The trailing
 * newline is dropped. */
typedef struct html_capture {
  char *buf;
  size_t len;
  FILE *f;
} html_capture;
FILE *html_capture_open(html_capture *c);
void html_capture_put(html_capture *c, FILE *out);

/* The page up to <body>: the title (escaped) and the style sheet inline. */
void html_page_begin(FILE *out, const char *title);

/* The end of the page. */
void html_page_end(FILE *out);

/* A report's page and its heading: "Ratio · KIND · PACK", the title, the
 * case (NULL: none), opening <main>; html_report_end closes both. */
void html_report_begin(FILE *out, const char *kind, const char *pack, const char *title, const char *case_name);
void html_report_end(FILE *out);

/* The style sheet of reports and of the served page (the text of
 * src/report.css, compiled in); *len gets its length. Static storage. */
const char *html_style(size_t *len);

#endif
