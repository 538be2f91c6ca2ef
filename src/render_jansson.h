/* render_jansson: what the renderers that build documents with jansson
 * share, so each writes JSON the same way. */
#ifndef RATIO_RENDER_JANSSON_H
#define RATIO_RENDER_JANSSON_H

#include <jansson.h>

/* Compact, keys in the order they were set: the documents' byte layout. */
#define RENDER_DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER)

/* A string, or null for NULL. */
static inline json_t *render_jstr(const char *s) { return s ? json_string(s) : json_null(); }

#endif
