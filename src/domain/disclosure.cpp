#include "domain/disclosure.h"

#include <map>

namespace kompas::domain {

std::vector<bool> suppress_cells(const std::vector<TableCell>& cells, std::size_t min_n) {
  std::vector<bool> suppressed(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i)
    suppressed[i] = cells[i].n < min_n || cells[i].hide;
  const std::size_t dimensions = cells.empty() ? 0 : cells.front().key.size();

  // Sibling groups per dimension: cells with the same key apart from that dimension.
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t d = 0; d < dimensions; ++d) {
    std::map<std::vector<std::uint32_t>, std::vector<std::size_t>> by_rest;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      auto rest = cells[i].key;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(d));
      by_rest[rest].push_back(i);
    }
    for (auto& [rest, members] : by_rest) groups.push_back(std::move(members));
  }

  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& group : groups) {
      std::size_t hidden = 0;
      std::size_t partner = cells.size();  // the smallest shown sibling with respondents
      for (const std::size_t i : group) {
        if (cells[i].n == 0) continue;
        if (suppressed[i]) {
          ++hidden;
        } else if (partner == cells.size() || cells[i].n < cells[partner].n) {
          partner = i;
        }
      }
      if (hidden == 1 && partner != cells.size()) {
        suppressed[partner] = true;
        changed = true;
      }
    }
  }
  return suppressed;
}

}  // namespace kompas::domain
