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
// shows one page of them and returns view data:
// {rows, columns: [{label, href, aria_sort}], q, count, empty, pager}.
nlohmann::json make_listing(const Ctx& ctx, const std::string& base_path,
                            const std::vector<Column>& columns, nlohmann::json rows,
                            const std::string& default_sort);

// Long lists come in pages of 100 rows, chosen with ?pagina=N (1-based; out of range is clamped).
struct ListPage {
  std::size_t page = 1, pages = 1;
  std::size_t first = 0, end = 0;  // the rows shown: [first, end)
};
ListPage choose_page(const Ctx& ctx, std::size_t count, std::size_t page_size = 100);

// Previous/next links for page `page` of `pages` (1-based); links are link_prefix + number.
// Null when everything fits on one page.
nlohmann::json pager(const Ctx& ctx, const std::string& link_prefix, std::size_t page,
                     std::size_t pages);

}  // namespace kompas::web
