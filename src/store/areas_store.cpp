#include "store/areas_store.h"

#include <map>

namespace kompas::store {
namespace {

nlohmann::json optional_number(const std::optional<long long>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

// SOCI binds a NULL through an indicator next to the value.
struct NullableNumber {
  long long value = 0;
  soci::indicator indicator = soci::i_null;
  explicit NullableNumber(const std::optional<long long>& v)
      : value(v.value_or(0)), indicator(v ? soci::i_ok : soci::i_null) {}
};

}  // namespace

nlohmann::json to_json(const domain::AreaRecord& a) {
  return {{"code", a.code},
          {"name", a.name},
          {"level", domain::area_level_name(a.level)},
          {"parent_code", a.parent_code},
          {"inhabitants", optional_number(a.figures.inhabitants)},
          {"inhabitants_65plus", optional_number(a.figures.inhabitants_65plus)},
          {"one_person_households", optional_number(a.figures.one_person_households)}};
}

std::vector<domain::AreaRecord> list_areas(soci::session& sql, long long coalition_id) {
  domain::AreaRecord a;
  std::string level;
  long long figures[3] = {0, 0, 0};
  soci::indicator present[3] = {soci::i_null, soci::i_null, soci::i_null};
  std::vector<domain::AreaRecord> found;
  auto st =
      select_rows(sql,
                  "SELECT code, name, level, parent_code, inhabitants, inhabitants_65plus, "
                  "one_person_households FROM areas WHERE coalition_id = :c ORDER BY code",
                  soci::use(coalition_id), soci::into(a.code), soci::into(a.name),
                  soci::into(level), soci::into(a.parent_code), soci::into(figures[0], present[0]),
                  soci::into(figures[1], present[1]), soci::into(figures[2], present[2]));
  auto optional = [&](int i) {
    return present[i] == soci::i_ok ? std::optional(figures[i]) : std::nullopt;
  };
  while (st.fetch()) {
    a.level = domain::area_level(a.code).value_or(domain::AreaLevel::buurt);
    a.figures.inhabitants = optional(0);
    a.figures.inhabitants_65plus = optional(1);
    a.figures.one_person_households = optional(2);
    found.push_back(a);
  }
  return found;
}

AreaSummary summarise_areas(soci::session& sql, long long coalition_id) {
  AreaSummary summary;
  std::string level;
  long long count = 0, inhabitants = 0;
  soci::indicator inhabitants_ind = soci::i_null;
  auto st =
      select_rows(sql,
                  "SELECT level, COUNT(*), MAX(inhabitants) FROM areas WHERE coalition_id = :c "
                  "GROUP BY level",
                  soci::use(coalition_id), soci::into(level), soci::into(count),
                  soci::into(inhabitants, inhabitants_ind));
  while (st.fetch()) {
    summary.total += count;
    if (level == "wijk") summary.wijken = count;
    if (level == "buurt") summary.buurten = count;
    if (level == "gemeente" && inhabitants_ind == soci::i_ok) summary.inhabitants = inhabitants;
  }
  return summary;
}

std::set<std::string> area_codes(soci::session& sql, long long coalition_id) {
  std::set<std::string> codes;
  for (const auto& area : list_areas(sql, coalition_id)) codes.insert(area.code);
  return codes;
}

std::map<std::string, std::string> area_names(soci::session& sql, long long coalition_id) {
  std::map<std::string, std::string> names;
  for (const auto& area : list_areas(sql, coalition_id)) names.emplace(area.code, area.name);
  return names;
}

AreaImportCounts save_areas(Change& change, const std::vector<domain::AreaRecord>& areas) {
  const auto coalition_id = change.actor().coalition_id;
  std::map<std::string, domain::AreaRecord> known;
  for (auto& area : list_areas(change.sql(), coalition_id)) known.emplace(area.code, area);

  AreaImportCounts counts;
  const auto now = now_seconds();
  for (const auto& area : areas) {
    const auto level = domain::area_level_name(area.level);
    NullableNumber inhabitants(area.figures.inhabitants);
    NullableNumber older(area.figures.inhabitants_65plus);
    NullableNumber single(area.figures.one_person_households);
    const auto it = known.find(area.code);
    const auto after = to_json(area);
    if (it == known.end()) {
      change.sql() << "INSERT INTO areas (coalition_id, code, name, level, parent_code, "
                      "inhabitants, inhabitants_65plus, one_person_households, updated_at) "
                      "VALUES (:c, :code, :n, :l, :p, :i, :o, :s, :u)",
          soci::use(coalition_id), soci::use(area.code), soci::use(area.name), soci::use(level),
          soci::use(area.parent_code), soci::use(inhabitants.value, inhabitants.indicator),
          soci::use(older.value, older.indicator), soci::use(single.value, single.indicator),
          soci::use(now);
      change.record("aanmaken", "gebied", area.code, area.name, nullptr, after);
      ++counts.created;
      continue;
    }
    const auto before = to_json(it->second);
    if (before == after) {
      ++counts.unchanged;
      continue;
    }
    change.sql() << "UPDATE areas SET name = :n, level = :l, parent_code = :p, inhabitants = :i, "
                    "inhabitants_65plus = :o, one_person_households = :s, updated_at = :u "
                    "WHERE coalition_id = :c AND code = :code",
        soci::use(area.name), soci::use(level), soci::use(area.parent_code),
        soci::use(inhabitants.value, inhabitants.indicator),
        soci::use(older.value, older.indicator), soci::use(single.value, single.indicator),
        soci::use(now), soci::use(coalition_id), soci::use(area.code);
    change.record("wijzigen", "gebied", area.code, area.name, before, after);
    ++counts.updated;
  }
  return counts;
}

}  // namespace kompas::store
