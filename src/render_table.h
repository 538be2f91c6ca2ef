/* render_table: decision tables as text, JSON and Markdown (a renderer of
 * kind RENDER_TABLE, made by render_new), and a cell as text. */
#ifndef RATIO_RENDER_TABLE_H
#define RATIO_RENDER_TABLE_H

#include <stddef.h>

#include "render.h"
#include "table.h"

/* A cell as text: "-" for any value, a value name, "not X", or "a|b";
 * written into buf and returned. */
const char *render_table_cell(const table *t, int row, int var, char *buf, size_t bufsz);

#endif
