/* row_handlers: the commands' work on each row, for the row driver: eval
 * (decisions and explanations), compare (opinions side by side), whatif
 * (the changes that would change the row), distinguish (the closest decided
 * cases), brief (one side's argument) and test (expectations). Each
 * decides through the library and renders through the renderer it is
 * handed; none reads a file or formats a byte. */
#ifndef RATIO_ROW_HANDLERS_H
#define RATIO_ROW_HANDLERS_H

#include "batch.h"
#include "distinguish.h"

/* ud: unused. Results carry what the renderer asks for (r->wants_tree,
 * r->node_columns). */
extern const row_handler row_handler_eval;
/* ud: unused. Rows on which opinions part are counted in sum->parted. */
extern const row_handler row_handler_compare;
/* Copy it and set ud to a whatif_options. The first row handed is varied;
 * later ones (a reused id) are skipped. */
extern const row_handler row_handler_whatif_base;
/* Copy it and set ud to a distinguish_library, the decided cases. The
 * first row handed is compared; later ones (a reused id) are skipped. */
extern const row_handler row_handler_distinguish_base;
/* Copy it and set ud to a row_brief_setup. The first row handed is
 * briefed; later ones (a reused id) are skipped. */
typedef struct row_brief_setup {
  const distinguish_library *library; /* the decided cases */
  pack_party side;
} row_brief_setup;
extern const row_handler row_handler_brief_base;
/* Copy it and set ud to a test_options. Expectations are counted in
 * sum->passed and sum->expect_failed. */
extern const row_handler row_handler_test_base;

#endif
