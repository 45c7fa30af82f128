#pragma once
// Partner organisations, always within one coalition.
#include <optional>
#include <string>
#include <vector>

#include "domain/partners.h"
#include "store/change.h"

namespace kompas::store {

std::vector<domain::Partner> list_partners(soci::session& sql, long long coalition_id);
std::optional<domain::Partner> find_partner(soci::session& sql, long long coalition_id,
                                            long long partner_id);
struct PartnerCounts {
  long long total = 0, active = 0;
};
PartnerCounts count_partners(soci::session& sql, long long coalition_id);

bool partner_name_taken(soci::session& sql, long long coalition_id, const std::string& name,
                        long long except_id);
long long create_partner(Change& change, const domain::Partner& partner);
void update_partner(Change& change, const domain::Partner& partner);

nlohmann::json to_json(const domain::Partner& partner);

}  // namespace kompas::store
