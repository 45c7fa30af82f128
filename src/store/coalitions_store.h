#pragma once
// Coalitions: one per municipality; every other record belongs to one.
#include <optional>
#include <string>
#include <vector>

#include "domain/coalition.h"
#include "store/change.h"

namespace kompas::store {

std::optional<domain::Coalition> find_coalition(soci::session& sql, long long id);
std::optional<domain::Coalition> find_coalition_by_code(soci::session& sql,
                                                        const std::string& gemeente_code);
std::vector<domain::Coalition> list_coalitions(soci::session& sql);
long long create_coalition(Change& change, const domain::Coalition& coalition);
void update_coalition(Change& change, const domain::Coalition& coalition);

nlohmann::json to_json(const domain::Coalition& coalition);

}  // namespace kompas::store
