#pragma once
// Keeping the sociale kaart current (issue 13): who keeps which organisation's services, the
// owner's "klopt nog", and the corrections anyone sends ("dit klopt niet") that wait for the
// owner or the beheerder.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/service_edit.h"
#include "store/change.h"
#include "store/flood_limit.h"

namespace kompas::store {

// Organisation id -> the partner that keeps its services current: a partner's own organisation,
// and those the beheerder gave a keeper.
std::map<std::string, long long> organization_partners(soci::session& sql, long long coalition_id);
// Whether the organisation is a partner's own (made when its activity went on the kaart): its
// keeper is that partner and no one else.
bool is_partner_organization(soci::session& sql, long long coalition_id,
                             const std::string& organization_id);
// The beheerder names the partner that keeps the services of an organisation that came with a
// file (nullopt: nobody, the beheerder keeps them).
void set_organization_keeper(Change& change, const std::string& organization_id,
                             const std::string& organization_name,
                             std::optional<long long> partner_id);

// "Klopt nog": the service was checked today by `assurer_email`. Only assured_date and
// assurer_email change; last_modified stays, since the service itself did not change.
void confirm_service(Change& change, const std::string& service_id, const std::string& today,
                     const std::string& assurer_email);

// The owner's edit (domain/service_edit.h): the records saved and removed in one change.
void save_service_edit(Change& change, const domain::ServiceChanges& changes,
                       const std::string& service_id, const std::string& service_name);

struct MapCorrection {
  long long id = 0;
  std::string service_id, message, reporter_email;
  long long created_at = 0;
};

// Corrections are public, so a flood is refused.
inline constexpr FloodLimits kCorrectionLimits{5, 200};
// Stores the correction unless the sender or the coalition reached its limit (then false and
// nothing stored). `sender` is the client's address; only its hash is kept.
bool add_correction(Change& change, const std::string& service_id, const std::string& service_name,
                    const std::string& message, const std::string& reporter_email,
                    const std::string& sender, const FloodLimits& limits = kCorrectionLimits);

// The corrections not yet dealt with, oldest first.
std::vector<MapCorrection> open_corrections(soci::session& sql, long long coalition_id);
std::optional<MapCorrection> find_open_correction(soci::session& sql, long long coalition_id,
                                                  long long id);

// Dealt with: the owner changed the service or found it right. The sender's address goes.
void close_correction(Change& change, const MapCorrection& correction,
                      const std::string& service_name);

}  // namespace kompas::store
