#pragma once
// The activities register, with co-partners, linked ambitions and reach per year.
#include <optional>
#include <vector>

#include "domain/activities.h"
#include "store/change.h"

namespace kompas::store {

std::vector<domain::Activity> list_activities(soci::session& sql, long long coalition_id);
std::optional<domain::Activity> find_activity(soci::session& sql, long long coalition_id,
                                              long long activity_id);
long long create_activity(Change& change, const domain::Activity& activity);
void update_activity(Change& change, const domain::Activity& activity);

// Removes the activity with its links and reach; contributions naming it stay, without it.
void delete_activity(Change& change, const domain::Activity& activity);

nlohmann::json to_json(const domain::Activity& activity);

}  // namespace kompas::store
