#pragma once
// Agreed actions with their status log.
#include <optional>
#include <string>
#include <vector>

#include "domain/actions.h"
#include "store/change.h"

namespace kompas::store {

std::vector<domain::Action> list_actions(soci::session& sql, long long coalition_id);
// The actions that came from one check round (or either of two): a round's improvement plan.
std::vector<domain::Action> round_actions(soci::session& sql, long long coalition_id,
                                          long long round_id,
                                          long long other_round_id = 0);  // by due date
std::optional<domain::Action> find_action(soci::session& sql, long long coalition_id,
                                          long long action_id);
long long create_action(Change& change, const domain::Action& action);
// Logs the status (and the note, if any) when the status changed or a note is given.
void update_action(Change& change, const domain::Action& action, const std::string& note);

struct ActionLogEntry {
  long long at = 0;
  std::string person_name, status, note;
};
std::vector<ActionLogEntry> action_log(soci::session& sql, long long action_id);  // newest first

// Removes the action with its status log, which the audit log keeps.
void delete_action(Change& change, const domain::Action& action);

nlohmann::json to_json(const domain::Action& action);

}  // namespace kompas::store
