/* expectation: what an expect.* cell of a case file may say.
 *
 * One owner for `ratio test` (which compares each cell with the result) and
 * `ratio check` (which reports cells no result could ever match), so the
 * two never disagree about a cell. */
#ifndef RATIO_EXPECTATION_H
#define RATIO_EXPECTATION_H

#include <stdbool.h>

#include "cases.h"
#include "pack.h"

/* Whether two value names are the same: case aside, and a space matches
 * '_' ("Vacate and remand" is vacate_and_remand). */
bool expectation_same(const char *a, const char *b);

/* The values the column's target can take under opinion `op`, or under
 * every opinion the column covers when op < 0, each once, in the pack's
 * order: *out (the array is the caller's to free; the names are the
 * pack's). Besides these, "unknown" is always a result, "not_reached" for
 * a node, and "outside" for an outcome or disposition when the pack
 * declares its scope. */
int expectation_values(const pack *p, const case_expect_col *col, int op, const char ***out);

/* NULL when `text` names a result the column's target can have under
 * opinion `op` (op < 0: under some opinion the column covers), else why not
 * ("is not a value of the target"). A disposition column of an opinion that
 * gives no disposition accepts anything: the run reports that. */
const char *expectation_problem(const pack *p, const case_expect_col *col, int op, const char *text);

#endif
