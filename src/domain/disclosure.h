#pragma once
// Small-cell protection for tables of survey estimates (../shared/reference/measurement.md,
// "Disclosure control"): a cell with fewer than min_n respondents is suppressed, and so many
// more that no suppressed cell can be worked out from its siblings and their total.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kompas::domain {

struct TableCell {
  std::vector<std::uint32_t> key;  // one value per dimension (wijk, age band, ...)
  std::size_t n = 0;               // respondents behind the estimate
  bool hide = false;               // suppressed for another reason (see survey_tables)
};

// True for each cell that must not be shown.
//
// Primary: n < min_n, or `hide`. Secondary: cells that differ in one dimension only are siblings
// that add up to a total shown elsewhere (the table one level up). Where exactly one sibling with
// respondents is suppressed, the smallest other sibling is suppressed too; this repeats until
// no group has a lone suppressed cell. Empty cells (n = 0) hide nothing and need no partner.
std::vector<bool> suppress_cells(const std::vector<TableCell>& cells, std::size_t min_n);

}  // namespace kompas::domain
