#pragma once
// Contributions of partners to ambitions (wie doet wat).
#include <optional>
#include <vector>

#include "domain/contributions.h"
#include "store/change.h"

namespace kompas::store {

// All of the coalition's contributions, or only one partner's.
std::vector<domain::Contribution> list_contributions(soci::session& sql, long long coalition_id,
                                                     std::optional<long long> partner_id = {});
std::optional<domain::Contribution> find_contribution(soci::session& sql, long long coalition_id,
                                                      long long contribution_id);
long long create_contribution(Change& change, const domain::Contribution& contribution);
void update_contribution(Change& change, const domain::Contribution& contribution);

void delete_contribution(Change& change, const domain::Contribution& contribution);

nlohmann::json to_json(const domain::Contribution& contribution);

}  // namespace kompas::store
