#pragma once
// The sociale kaart's records (issue 13), in the tables of HSDS 3.0: one row per record of
// hsds_records holding the JSON object of its fields. Writes go through a Change like every
// other; reads give the whole coalition's records for a domain::hsds::Directory, which the web
// layer keeps per data version.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/activities.h"
#include "domain/hsds_records.h"
#include "domain/partners.h"
#include "store/change.h"

namespace kompas::store {

// The specification's tables, read once from the descriptor compiled into the program.
const domain::hsds::Spec& hsds_spec();

// Now as RFC 3339 in UTC: how HSDS writes last_modified.
std::string iso_now();

// Raised by every write of the coalition's records, which keep the version that wrote them:
// what the search index is kept by.
long long map_version(soci::session& sql, long long coalition_id);

// Every record of the coalition, in the order they came.
std::vector<domain::hsds::Record> load_hsds_records(soci::session& sql, long long coalition_id);

// What the coalition's records gained and lost after map version `since`: applied to the
// records as they were then, the removals first, it gives the records as they are now.
domain::hsds::RecordChanges load_hsds_changes(soci::session& sql, long long coalition_id,
                                              long long since);

// One record of a table, when the coalition has it.
std::optional<domain::hsds::Record> load_record(soci::session& sql, long long coalition_id,
                                                const std::string& table, const std::string& id);

struct HsdsSaved {
  std::size_t added = 0, changed = 0, unchanged = 0;
};
// Adds each record, or replaces the one with its table and id; one audit entry (`action`, with
// `source`: the files or the activity) names what changed, table by table.
HsdsSaved save_hsds_records(Change& change, const std::vector<domain::hsds::Record>& records,
                            const std::string& source, const std::string& action = "importeren");

// Removes the records named (table, id); one audit entry counts them. Returns how many went.
std::size_t remove_hsds_records(Change& change,
                                const std::vector<std::pair<std::string, std::string>>& records,
                                const std::string& service_id, const std::string& source);

// The coalition's own taxonomy (domain/map_records.h) where it lacks it: every coalition gets it
// when it is made, and existing ones at `migrate`. Returns "sociale-kaart/<coalition>" when
// anything was added (for `migrate`'s list).
std::vector<std::string> add_own_taxonomy(soci::session& sql, long long coalition_id);
std::vector<std::string> load_own_taxonomies(soci::session& sql);

// The kaart's organisation of a partner and the service an activity became, once made.
std::optional<std::string> organization_of_partner(soci::session& sql, long long coalition_id,
                                                   long long partner_id);
std::optional<std::string> service_of_activity(soci::session& sql, long long coalition_id,
                                               long long activity_id);

// An activity removed from the plan leaves the kaart: its service, if it has one, becomes
// "defunct" (HSDS's word for ended), so searches no longer show it and other systems learn it
// ended. Call before the activity is deleted.
void retire_activity_service(Change& change, const domain::Activity& activity);

// The partner's organisation on the kaart, made from the partner the first time.
std::string partner_organization(Change& change, const domain::Partner& partner);

// Puts the activity on the kaart as a service of its lead partner's organisation (made from
// the partner the first time), or brings the service it became up to date: its name, text,
// status, wijken and own terms come from the activity; fields and records the partner added on
// the kaart (phones, opening hours, postcodes, other terms) stay. `assurer_email` is who answers
// for it publicly (the partner's address, not a person's own). Returns the service's id.
std::string publish_activity(Change& change, const domain::Activity& activity,
                             const domain::Partner& lead,
                             const std::map<std::string, std::string>& area_names,
                             const std::string& assurer_email);

}  // namespace kompas::store
