#pragma once
// Areas of a coalition: its gemeente, wijken and buurten with CBS codes and figures.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/areas.h"
#include "store/change.h"

namespace kompas::store {

std::vector<domain::AreaRecord> list_areas(soci::session& sql, long long coalition_id);
std::set<std::string> area_codes(soci::session& sql, long long coalition_id);
std::map<std::string, std::string> area_names(soci::session& sql,
                                              long long coalition_id);  // code -> name

struct AreaSummary {
  long long wijken = 0, buurten = 0, total = 0;
  std::optional<long long> inhabitants;  // of the gemeente row, when known
};
// Counts for the overview, without reading every area.
AreaSummary summarise_areas(soci::session& sql, long long coalition_id);

struct AreaImportCounts {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
};

// Inserts new areas and updates known ones (by code), parents first; records each change.
AreaImportCounts save_areas(Change& change, const std::vector<domain::AreaRecord>& areas);

nlohmann::json to_json(const domain::AreaRecord& area);

}  // namespace kompas::store
