// TOUCHESBEFORE: the touches that led to each deal, the join of a touch log and a deal list
// that gives TOUCHWINCURVE, TOUCHWINBY and TOUCHTARGET their touch counts.
#pragma once

#include "rows.hpp"

#include <optional>

namespace ca {

// The deal list beside the touch log: a row per deal.
struct Deals {
    ColumnView customers, close_dates;
    ColumnView open_dates = {}; // empty: not given
};

// A deal of customer c closing on day D counts c's touches dated after P and on or before
// D, P being the latest close date of c's other deals earlier than D; with open dates,
// also on or after the deal's open date; with a window of W days, also after D - W.
// touches.ids are the touch log's customers, touches.dates its dates; a title row in
// either list is skipped (the header rule: a first date that is a text but no date).
//
// Array form (no customer given): a column with a count per deal row, empty where the
// deal has no customer or close date (and on a title row), so that it lines up beside the
// list; it ends with the last row that holds anything of a deal. Single form: the count of
// the deal row with that customer and close date (with open dates and several such rows:
// the earliest open date); empty when either is blank (a deal not closed yet; Calc hands a
// blank cell over as 0, so a Customer of 0 that no deal has is blank too); #N/A when there
// is no such row.
Result<Grid> touches_before(const Log& touches, const Deals& deals, const Cell& window,
                            const std::optional<Cell>& customer, const Cell& close_date);

} // namespace ca
