/* row_handlers: the commands' work on each row, for the row driver: eval
 * (decisions and explanations), compare (opinions side by side), whatif
 * (the changes that would change the row) and test (expectations). Each
 * decides through the library and renders through the renderer it is
 * handed; none reads a file or formats a byte. */
#ifndef RATIO_ROW_HANDLERS_H
#define RATIO_ROW_HANDLERS_H

#include "batch.h"

/* ud: unused. Results carry what the renderer asks for (r->wants_tree,
 * r->node_columns). */
extern const row_handler row_handler_eval;
/* ud: unused. Rows on which opinions part are counted in sum->parted. */
extern const row_handler row_handler_compare;
/* Copy it and set ud to a whatif_options. The first row handed is varied;
 * later ones (a reused id) are skipped. */
extern const row_handler row_handler_whatif_base;
/* Copy it and set ud to a test_options. Expectations are counted in
 * sum->passed and sum->expect_failed. */
extern const row_handler row_handler_test_base;

#endif
