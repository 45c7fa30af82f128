#pragma once
// Ambitions of the coalition's plan. Every save writes a new version with the full content, so
// the plan of one year can be compared with the next.
#include <optional>
#include <string>
#include <vector>

#include "domain/ambitions.h"
#include "store/change.h"

namespace kompas::store {

std::vector<domain::Ambition> list_ambitions(soci::session& sql, long long coalition_id);
std::optional<domain::Ambition> find_ambition(soci::session& sql, long long coalition_id,
                                              long long ambition_id);

long long create_ambition(Change& change, const domain::Ambition& ambition);
// Saves a new version when anything changed; returns false when nothing did.
bool update_ambition(Change& change, const domain::Ambition& ambition);

struct AmbitionVersion {
  int version = 0;
  long long saved_at = 0;
  std::string saved_by;
  domain::Ambition content;
};
// Newest first.
std::vector<AmbitionVersion> ambition_versions(soci::session& sql, long long coalition_id,
                                               long long ambition_id);

// What still hangs on an ambition: it is removed only when nothing does.
struct AmbitionDependents {
  int indicators = 0, contributions = 0;
};
AmbitionDependents ambition_dependents(soci::session& sql, long long ambition_id);
// Removes the ambition with its versions and its links from activities; actions stay, without
// it. The log keeps every version and what pointed at it. Refused (false) while indicators or
// contributions belong to it.
bool delete_ambition(Change& change, const domain::Ambition& ambition);

nlohmann::json to_json(const domain::Ambition& ambition);
domain::Ambition ambition_from_json(const nlohmann::json& json);

}  // namespace kompas::store
