#include "store/indicators_store.h"

#include "domain/year_values.h"
#include "store/table.h"

namespace kompas::store {
namespace {

using domain::Indicator;
// An indicator stays with the ambition it was made for.
const Table<Indicator> kIndicators{
    "indicators",
    "ambition_id, kind, name, id",
    {column<&Indicator::ambition_id>("ambition_id", {.fixed = true}),
     column<&Indicator::name>("name"), column<&Indicator::kind>("kind"),
     column<&Indicator::question>("question"), column<&Indicator::unit>("unit"),
     column<&Indicator::polarity>("polarity"),
     column<&Indicator::survey_indicator>("survey_indicator"),
     column<&Indicator::area_code>("area_code"), column<&Indicator::age_band>("age_band"),
     column<&Indicator::signal_measure>("signal_measure"),
     column<&Indicator::baseline_value>("baseline_value"),
     column<&Indicator::baseline_date>("baseline_date"),
     column<&Indicator::baseline_source>("baseline_source")}};

// Targets and forecasts of the indicators found, in one query.
void attach_targets(soci::session& sql, long long coalition_id,
                    std::vector<domain::Indicator>& indicators) {
  if (indicators.empty()) return;
  std::map<long long, domain::Indicator*> by_id;
  for (auto& ind : indicators) by_id[ind.id] = &ind;
  long long id = 0;
  std::string kind;
  int year = 0;
  double value = 0;
  auto st = select_rows(sql,
                        "SELECT t.indicator_id, t.kind, t.year, t.value FROM indicator_targets t "
                        "JOIN indicators i ON i.id = t.indicator_id WHERE i.coalition_id = :c",
                        soci::use(coalition_id), soci::into(id), soci::into(kind), soci::into(year),
                        soci::into(value));
  while (st.fetch()) {
    const auto found = by_id.find(id);
    if (found == by_id.end()) continue;
    (kind == "streef" ? found->second->targets : found->second->forecast)[year] = value;
  }
}

void write_targets(Change& change, const domain::Indicator& ind) {
  change.sql() << "DELETE FROM indicator_targets WHERE indicator_id = :i", soci::use(ind.id);
  for (const auto* list : {&ind.targets, &ind.forecast}) {
    const std::string kind = list == &ind.targets ? "streef" : "prognose";
    for (const auto& [year, value] : *list)
      change.sql() << "INSERT INTO indicator_targets (indicator_id, kind, year, value) "
                      "VALUES (:i, :k, :y, :v)",
          soci::use(ind.id), soci::use(kind), soci::use(year), soci::use(value);
  }
}

nlohmann::json value_json(const domain::EnteredValue& v) {
  return {{"year", v.year}, {"value", v.value}, {"comment", v.comment}, {"source", v.source}};
}

}  // namespace

// The columns, and the targets and forecast kept beside them as text.
nlohmann::json to_json(const domain::Indicator& i) {
  auto json = record_json(kIndicators, i);
  json["targets"] = domain::format_year_values(i.targets, '.');
  json["forecast"] = domain::format_year_values(i.forecast, '.');
  return json;
}

std::vector<domain::Indicator> list_indicators(soci::session& sql, long long coalition_id,
                                               std::optional<long long> ambition_id) {
  auto found = ambition_id
                   ? select_records(sql, kIndicators, "coalition_id = :c AND ambition_id = :a",
                                    soci::use(coalition_id), soci::use(*ambition_id))
                   : select_records(sql, kIndicators, "coalition_id = :c", soci::use(coalition_id));
  attach_targets(sql, coalition_id, found);
  return found;
}

std::optional<domain::Indicator> find_indicator(soci::session& sql, long long coalition_id,
                                                long long indicator_id) {
  auto found = select_records(sql, kIndicators, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(indicator_id));
  if (found.empty()) return std::nullopt;
  attach_targets(sql, coalition_id, found);
  return found.front();
}

long long create_indicator(Change& change, const domain::Indicator& indicator) {
  auto ind = indicator;
  ind.id =
      insert_record(change.sql(), kIndicators, ind,
                    {{"coalition_id", change.actor().coalition_id}, {"updated_at", now_seconds()}});
  write_targets(change, ind);
  change.record("aanmaken", "indicator", std::to_string(ind.id), ind.name, nullptr, to_json(ind));
  return ind.id;
}

void update_indicator(Change& change, const domain::Indicator& ind) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_indicator(change.sql(), coalition_id, ind.id);
  if (!before) throw std::runtime_error("indicator not found");
  update_record(change.sql(), kIndicators, ind, {{"updated_at", now_seconds()}},
                "coalition_id = :c", soci::use(coalition_id));
  write_targets(change, ind);
  change.record("wijzigen", "indicator", std::to_string(ind.id), ind.name, to_json(*before),
                to_json(ind));
}

std::map<long long, std::vector<domain::EnteredValue>> indicator_values(
    soci::session& sql, long long coalition_id, std::optional<long long> indicator_id) {
  long long id = 0;
  domain::EnteredValue v;
  const long long only = indicator_id.value_or(0);
  const int all = indicator_id ? 0 : 1;
  std::map<long long, std::vector<domain::EnteredValue>> values;
  auto st = select_rows(sql,
                        "SELECT v.indicator_id, v.year, v.value, v.comment, v.source FROM "
                        "indicator_values v JOIN indicators i ON i.id = v.indicator_id "
                        "WHERE i.coalition_id = :c AND (:all = 1 OR i.id = :i) "
                        "ORDER BY v.indicator_id, v.year",
                        soci::use(coalition_id), soci::use(all), soci::use(only), soci::into(id),
                        soci::into(v.year), soci::into(v.value), soci::into(v.comment),
                        soci::into(v.source));
  while (st.fetch()) values[id].push_back(v);
  return values;
}

void save_indicator_values(Change& change, const domain::Indicator& ind,
                           const std::vector<domain::EnteredValue>& values) {
  auto known = indicator_values(change.sql(), change.actor().coalition_id, ind.id)[ind.id];
  const auto now = now_seconds();
  for (const auto& v : values) {
    const auto before =
        std::find_if(known.begin(), known.end(), [&](const auto& k) { return k.year == v.year; });
    if (before != known.end())
      change.sql() << "DELETE FROM indicator_values WHERE indicator_id = :i AND year = :y",
          soci::use(ind.id), soci::use(v.year);
    change.sql() << "INSERT INTO indicator_values (indicator_id, year, value, comment, source, "
                    "entered_at) VALUES (:i, :y, :v, :c, :s, :t)",
        soci::use(ind.id), soci::use(v.year), soci::use(v.value), soci::use(v.comment),
        soci::use(v.source), soci::use(now);
    change.record(before == known.end() ? "aanmaken" : "wijzigen", "indicatorwaarde",
                  std::to_string(ind.id) + "/" + std::to_string(v.year),
                  ind.name + " " + std::to_string(v.year),
                  before == known.end() ? nlohmann::json() : value_json(*before), value_json(v));
  }
}

void delete_indicator_value(Change& change, const domain::Indicator& ind, int year) {
  auto known = indicator_values(change.sql(), change.actor().coalition_id, ind.id)[ind.id];
  const auto before =
      std::find_if(known.begin(), known.end(), [&](const auto& k) { return k.year == year; });
  if (before == known.end()) return;
  change.sql() << "DELETE FROM indicator_values WHERE indicator_id = :i AND year = :y",
      soci::use(ind.id), soci::use(year);
  change.record("verwijderen", "indicatorwaarde",
                std::to_string(ind.id) + "/" + std::to_string(year),
                ind.name + " " + std::to_string(year), value_json(*before), nullptr);
}

std::vector<Story> indicator_stories(soci::session& sql, long long indicator_id) {
  Story s;
  std::vector<Story> stories;
  auto st = select_rows(sql,
                        "SELECT id, author, text, written_at FROM indicator_stories WHERE "
                        "indicator_id = :i ORDER BY written_at DESC, id DESC",
                        soci::use(indicator_id), soci::into(s.id), soci::into(s.author),
                        soci::into(s.text), soci::into(s.written_at));
  while (st.fetch()) stories.push_back(s);
  return stories;
}

void add_story(Change& change, const domain::Indicator& ind, const std::string& text) {
  long long id = 0;
  const auto now = now_seconds();
  change.sql() << "INSERT INTO indicator_stories (indicator_id, author, text, written_at) "
                  "VALUES (:i, :a, :t, :w) RETURNING id",
      soci::use(ind.id), soci::use(change.actor().person_name), soci::use(text), soci::use(now),
      soci::into(id);
  change.record("aanmaken", "verhaal", std::to_string(id), ind.name, nullptr, {{"text", text}});
}

void delete_indicator(Change& change, const domain::Indicator& ind) {
  auto before = to_json(ind);
  before["values"] = nlohmann::json::array();
  for (const auto& v : indicator_values(change.sql(), change.actor().coalition_id, ind.id)[ind.id])
    before["values"].push_back(value_json(v));
  before["stories"] = nlohmann::json::array();
  for (const auto& s : indicator_stories(change.sql(), ind.id))
    before["stories"].push_back(
        {{"author", s.author}, {"text", s.text}, {"written_at", s.written_at}});
  for (const auto* table : {"indicator_targets", "indicator_values", "indicator_stories"})
    change.sql() << "DELETE FROM " << table << " WHERE indicator_id = :i", soci::use(ind.id);
  change.sql() << "DELETE FROM indicators WHERE id = :i AND coalition_id = :c", soci::use(ind.id),
      soci::use(change.actor().coalition_id);
  change.record("verwijderen", "indicator", std::to_string(ind.id), ind.name, before, nullptr);
}

}  // namespace kompas::store
