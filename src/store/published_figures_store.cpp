#include "store/published_figures_store.h"

#include <cmath>

#include "store/areas_store.h"

namespace kompas::store {
namespace {

nlohmann::json to_json(const domain::PublishedFigure& f) {
  auto optional = [](const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json();
  };
  return {{"area_code", f.area_code}, {"indicator", f.indicator},    {"year", f.year},
          {"value", f.value},         {"low", optional(f.low)},      {"high", optional(f.high)},
          {"source", f.source},       {"model_based", f.model_based}};
}

}  // namespace

PublishedCounts save_published_figures(Change& change,
                                       const std::vector<domain::PublishedFigure>& figures) {
  PublishedCounts counts;
  const auto coalition_id = change.actor().coalition_id;
  // The log's label names the area, as people know it; the code stays in the record.
  const auto names = area_names(change.sql(), coalition_id);
  for (const auto& f : figures) {
    long long id = 0;
    double old_value = 0;
    soci::indicator found = soci::i_null;
    change.sql() << "SELECT id, value FROM published_figures WHERE coalition_id = :c AND "
                    "area_code = :a AND indicator = :i AND year = :y AND source = :s",
        soci::use(coalition_id), soci::use(f.area_code), soci::use(f.indicator), soci::use(f.year),
        soci::use(f.source), soci::into(id, found), soci::into(old_value);
    double low = f.low.value_or(0), high = f.high.value_or(0);
    soci::indicator interval = f.low ? soci::i_ok : soci::i_null;
    const int model = f.model_based;
    const auto name = names.find(f.area_code);
    const std::string label =
        (name == names.end() ? f.area_code : name->second) + ", " + std::to_string(f.year);
    if (found == soci::i_ok && change.sql().got_data()) {
      change.sql() << "UPDATE published_figures SET value = :v, ci_low = :l, ci_high = :h, "
                      "model_based = :m WHERE id = :id",
          soci::use(f.value), soci::use(low, interval), soci::use(high, interval), soci::use(model),
          soci::use(id);
      if (old_value != f.value) {
        change.record("wijzigen", "cijfer", std::to_string(id), label, {{"value", old_value}},
                      {{"value", f.value}});
      }
      ++counts.updated;
    } else {
      change.sql() << "INSERT INTO published_figures (coalition_id, area_code, indicator, year, "
                      "value, ci_low, ci_high, source, model_based) VALUES (:c, :a, :i, :y, :v, "
                      ":l, :h, :s, :m) RETURNING id",
          soci::use(coalition_id), soci::use(f.area_code), soci::use(f.indicator),
          soci::use(f.year), soci::use(f.value), soci::use(low, interval),
          soci::use(high, interval), soci::use(f.source), soci::use(model), soci::into(id);
      change.record("aanmaken", "cijfer", std::to_string(id), label, nullptr, to_json(f));
      ++counts.created;
    }
  }
  return counts;
}

std::vector<domain::PublishedFigure> list_published_figures(soci::session& sql,
                                                            long long coalition_id) {
  domain::PublishedFigure f;
  double low = 0, high = 0;
  soci::indicator low_ind = soci::i_null, high_ind = soci::i_null;
  int model = 0;
  std::vector<domain::PublishedFigure> found;
  auto st = select_rows(sql,
                        "SELECT area_code, indicator, year, value, ci_low, ci_high, source, "
                        "model_based FROM published_figures WHERE coalition_id = :c ORDER BY "
                        "area_code, indicator, year, source",
                        soci::use(coalition_id), soci::into(f.area_code), soci::into(f.indicator),
                        soci::into(f.year), soci::into(f.value), soci::into(low, low_ind),
                        soci::into(high, high_ind), soci::into(f.source), soci::into(model));
  while (st.fetch()) {
    f.low = low_ind == soci::i_ok ? std::optional(low) : std::nullopt;
    f.high = high_ind == soci::i_ok ? std::optional(high) : std::nullopt;
    f.model_based = model != 0;
    found.push_back(f);
  }
  return found;
}

}  // namespace kompas::store
