/* html: escaping and the page shell of every HTML output. */
#include "html.h"

#include <stdlib.h>

#include "err.h"
#include "report.css.h"

void html_put(FILE *out, const char *s) {
  if (!s) return;
  for (; *s; s++) {
    switch (*s) {
    case '&': fputs("&amp;", out); break;
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '"': fputs("&quot;", out); break;
    case '\'': fputs("&#39;", out); break;
    default: fputc(*s, out);
    }
  }
}

void html_put_spaced(FILE *out, const char *s) {
  if (!s) return;
  for (const char *c = s; *c; c++) {
    if (*c == '_') fputc(' ', out);
    else {
      char one[2] = {*c, '\0'};
      html_put(out, one);
    }
  }
}

void html_put_upper(FILE *out, const char *s) {
  if (!s) return;
  for (const char *c = s; *c; c++) {
    char one[2] = {*c == '_' ? ' ' : (*c >= 'a' && *c <= 'z') ? (char)(*c - 'a' + 'A') : *c, '\0'};
    html_put(out, one);
  }
}

FILE *html_capture_open(html_capture *c) {
  c->buf = NULL;
  c->len = 0;
  c->f = xopen_memstream(&c->buf, &c->len);
  return c->f;
}

void html_capture_put(html_capture *c, FILE *out) {
  fclose(c->f);
  if (c->len && c->buf[c->len - 1] == '\n') c->buf[c->len - 1] = '\0';
  html_put(out, c->buf);
  free(c->buf);
  c->buf = NULL;
  c->f = NULL;
}

const char *html_style(size_t *len) {
  if (len) *len = ratio_report_css_len;
  return ratio_report_css;
}

void html_page_begin(FILE *out, const char *title) {
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"ratio\">\n<title>",
        out);
  html_put(out, title);
  fputs("</title>\n<style>\n", out);
  fwrite(ratio_report_css, 1, ratio_report_css_len, out);
  fputs("</style>\n</head>\n<body>\n", out);
}

void html_page_end(FILE *out) { fputs("</body>\n</html>\n", out); }

void html_report_begin(FILE *out, const char *kind, const char *pack, const char *title, const char *case_name) {
  html_page_begin(out, title);
  fputs("<main class=\"doc\">\n<header>\n<p class=\"kicker\">Ratio &middot; ", out);
  if (kind) {
    html_put(out, kind);
    fputs(" &middot; ", out);
  }
  html_put(out, pack);
  fputs("</p>\n<h1>", out);
  html_put(out, title);
  fputs("</h1>\n", out);
  if (case_name) {
    fputs("<p class=\"case\">", out);
    html_put(out, case_name);
    fputs("</p>\n", out);
  }
  fputs("</header>\n", out);
}

void html_report_end(FILE *out) {
  fputs("</main>\n", out);
  html_page_end(out);
}
