#include "web/ui/listing.h"

#include <algorithm>

#include "domain/text.h"
#include "web/core/app.h"
#include "web/core/url.h"

namespace kompas::web {
namespace {

std::string cell_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

}  // namespace

nlohmann::json pager(const Ctx& ctx, const std::string& link_prefix, std::size_t page,
                     std::size_t pages) {
  if (pages <= 1) return nullptr;
  nlohmann::json data = {{"text", ctx.tf("list.page_of", {{"page", std::to_string(page)},
                                                          {"pages", std::to_string(pages)}})}};
  if (page > 1) data["previous"] = link_prefix + std::to_string(page - 1);
  if (page < pages) data["next"] = link_prefix + std::to_string(page + 1);
  return data;
}

ListPage choose_page(const Ctx& ctx, std::size_t count, std::size_t page_size) {
  // Pages keep a big city's 500 neighbourhoods or activities quick to load and to read.
  ListPage p;
  p.pages = std::max<std::size_t>(1, (count + page_size - 1) / page_size);
  const auto text = ctx.query("pagina");
  if (!text.empty() && text.size() < 7 && text.find_first_not_of("0123456789") == std::string::npos)
    p.page = std::clamp<std::size_t>(std::stoul(text), 1, p.pages);
  p.first = (p.page - 1) * page_size;
  p.end = std::min(count, p.first + page_size);
  return p;
}

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

  // Each row's sort key is computed once, not on every comparison.
  struct Keyed {
    bool missing = false;
    double number = 0;
    std::string text;
    nlohmann::json row;
  };
  std::vector<Keyed> matches;
  const auto needle = domain::lower_ascii(q);
  for (auto& row : rows) {
    bool match = needle.empty();
    for (const auto& c : columns)
      if (!match && domain::lower_ascii(cell_text(row[c.key])).find(needle) != std::string::npos)
        match = true;
    if (!match) continue;
    const auto& value = row[sort];
    Keyed keyed{value.is_null(), value.is_number() ? value.get<double>() : 0,
                numeric ? "" : domain::lower_ascii(cell_text(value)), std::move(row)};
    matches.push_back(std::move(keyed));
  }
  std::stable_sort(matches.begin(), matches.end(), [&](const Keyed& a, const Keyed& b) {
    if (numeric) {
      // Unknown figures go last whichever way the list is sorted.
      if (a.missing != b.missing) return b.missing;
      return descending ? a.number > b.number : a.number < b.number;
    }
    return descending ? a.text > b.text : a.text < b.text;
  });

  nlohmann::json headers = nlohmann::json::array();
  const std::string q_part = q.empty() ? "" : "&q=" + encode_query_param(q);
  for (const auto& c : columns) {
    const bool active = c.key == sort;
    const bool next_descending = active && !descending;
    headers.push_back({{"label", ctx.t(c.label_key)},
                       {"numeric", c.numeric},
                       {"href", base_path + "?sorteer=" + c.key +
                                    "&richting=" + (next_descending ? "af" : "op") + q_part},
                       {"aria_sort", active ? (descending ? "descending" : "ascending") : "none"}});
  }
  const auto count = matches.size();
  const auto page = choose_page(ctx, count);
  nlohmann::json shown = nlohmann::json::array();
  for (std::size_t i = page.first; i < page.end; ++i) shown.push_back(std::move(matches[i].row));
  const std::string here = base_path + "?sorteer=" + sort +
                           "&richting=" + (descending ? "af" : "op") + q_part + "&pagina=";
  return {{"rows", std::move(shown)},
          {"pager", pager(ctx, here, page.page, page.pages)},
          {"columns", headers},
          {"q", q},
          {"sort", sort},
          {"direction", descending ? "af" : "op"},
          {"count", count},
          {"count_text", ctx.tf("list.results_count", {{"count", ctx.number(count)}})},
          {"empty", count == 0}};
}

}  // namespace kompas::web
