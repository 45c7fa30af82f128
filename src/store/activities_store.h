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

// How many quality check rounds the activity has had.
int check_round_count(soci::session& sql, long long activity_id);

// Removes the activity with its links and reach; contributions naming it stay, without it. An
// activity that has had quality checks is not removed (false): stopping it keeps that history.
bool delete_activity(Change& change, const domain::Activity& activity);

nlohmann::json to_json(const domain::Activity& activity);

}  // namespace kompas::store
