#include "web/listing.h"

#include <algorithm>

#include "web/app.h"

namespace kompas::web {
namespace {

std::string lower(std::string text) {
  for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

std::string cell_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

}  // namespace

nlohmann::json make_listing(const Ctx& ctx, const std::string& base_path,
                            const std::vector<Column>& columns, nlohmann::json rows,
                            const std::string& default_sort) {
  const auto q = ctx.query("q");
  auto sort = ctx.query("sorteer");
  const bool descending = ctx.query("richting") == "af";
  const auto column =
      std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.key == sort; });
  if (column == columns.end()) sort = default_sort;
  const bool numeric = column != columns.end() && column->numeric;

  nlohmann::json kept = nlohmann::json::array();
  const auto needle = lower(q);
  for (auto& row : rows) {
    bool match = needle.empty();
    for (const auto& c : columns)
      if (!match && lower(cell_text(row[c.key])).find(needle) != std::string::npos) match = true;
    if (match) kept.push_back(std::move(row));
  }
  std::stable_sort(kept.begin(), kept.end(), [&](const nlohmann::json& a, const nlohmann::json& b) {
    const auto& x = a[sort];
    const auto& y = b[sort];
    if (numeric) {
      // Unknown figures go last whichever way the list is sorted.
      if (x.is_null() != y.is_null()) return y.is_null();
      const double dx = x.is_number() ? x.get<double>() : 0,
                   dy = y.is_number() ? y.get<double>() : 0;
      return descending ? dx > dy : dx < dy;
    }
    const auto sx = lower(cell_text(x)), sy = lower(cell_text(y));
    return descending ? sx > sy : sx < sy;
  });

  nlohmann::json headers = nlohmann::json::array();
  const std::string q_part = q.empty() ? "" : "&q=" + httplib::detail::encode_query_param(q);
  for (const auto& c : columns) {
    const bool active = c.key == sort;
    const bool next_descending = active && !descending;
    headers.push_back({{"label", ctx.t(c.label_key)},
                       {"numeric", c.numeric},
                       {"href", base_path + "?sorteer=" + c.key +
                                    "&richting=" + (next_descending ? "af" : "op") + q_part},
                       {"aria_sort", active ? (descending ? "descending" : "ascending") : "none"}});
  }
  const auto count = kept.size();
  return {{"rows", std::move(kept)},
          {"columns", headers},
          {"q", q},
          {"sort", sort},
          {"direction", descending ? "af" : "op"},
          {"count", count},
          {"empty", count == 0}};
}

}  // namespace kompas::web
