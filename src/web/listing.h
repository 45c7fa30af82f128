#pragma once
// Lists that can be searched and sorted without JavaScript: the query string carries
// ?q=...&sorteer=column&richting=op|af, column headers are links, aria-sort tells screen readers.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kompas::web {

struct Ctx;

struct Column {
  std::string key;        // field in each row
  std::string label_key;  // message key of the header
  bool numeric = false;
};

// Filters rows (any of the columns contains the search text, case-insensitive), sorts them,
// and returns view data: {rows, columns: [{label, href, aria_sort}], q, count, empty}.
nlohmann::json make_listing(const Ctx& ctx, const std::string& base_path,
                            const std::vector<Column>& columns, nlohmann::json rows,
                            const std::string& default_sort);

}  // namespace kompas::web
