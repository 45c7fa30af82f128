#pragma once
// Closed years and their snapshots (web/verbetercyclus/year_snapshot.h builds them). A snapshot
// never changes: a year is closed once. The audit log records the closing with what the
// snapshot holds, counted, not the snapshot itself.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "store/change.h"

namespace kompas::store {

struct ClosedYear {
  int year = 0;
  long long closed_at = 0;
  nlohmann::json snapshot;
};

std::vector<int> closed_year_list(soci::session& sql, long long coalition_id);  // newest first
std::optional<ClosedYear> find_closed_year(soci::session& sql, long long coalition_id, int year);
// False, and nothing written, when the year was closed already.
bool close_year(Change& change, int year, const nlohmann::json& snapshot);

}  // namespace kompas::store
