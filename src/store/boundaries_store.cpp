#include "store/boundaries_store.h"

#include "store/areas_store.h"

namespace kompas::store {

int save_boundaries(Change& change, const std::map<std::string, std::string>& geometries) {
  const auto coalition_id = change.actor().coalition_id;
  const auto known = list_boundaries(change.sql(), coalition_id);
  const auto names = area_names(change.sql(), coalition_id);  // the log's labels
  for (const auto& [code, geometry] : geometries) {
    const auto before = known.find(code);
    if (before != known.end() && before->second == geometry) continue;
    change.sql() << "DELETE FROM area_boundaries WHERE coalition_id = :c AND area_code = :a",
        soci::use(coalition_id), soci::use(code);
    change.sql() << "INSERT INTO area_boundaries (coalition_id, area_code, geometry) VALUES (:c, "
                    ":a, :g)",
        soci::use(coalition_id), soci::use(code), soci::use(geometry);
    // The log notes that the shape changed and its size, not the coordinates themselves.
    const nlohmann::json after = {{"bytes", geometry.size()}};
    change.record(
        before == known.end() ? "aanmaken" : "wijzigen", "grens", code,
        names.contains(code) ? names.at(code) : code,
        before == known.end() ? nlohmann::json() : nlohmann::json{{"bytes", before->second.size()}},
        after);
  }
  return static_cast<int>(geometries.size());
}

std::map<std::string, std::string> list_boundaries(soci::session& sql, long long coalition_id) {
  std::map<std::string, std::string> found;
  std::string code, geometry;
  auto st =
      select_rows(sql, "SELECT area_code, geometry FROM area_boundaries WHERE coalition_id = :c",
                  soci::use(coalition_id), soci::into(code), soci::into(geometry));
  while (st.fetch()) found[code] = geometry;
  return found;
}

}  // namespace kompas::store
