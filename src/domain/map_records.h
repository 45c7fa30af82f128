#pragma once
// The sociale kaart's own records (issue 13): the coalition's taxonomy — kind of support (the
// seven effective elements), target group, degree and type of loneliness — and the HSDS records
// an activity of the plan becomes when a partner puts it on the kaart.
//
// The taxonomy's ids are fixed, so every coalition's kaart uses the same terms and an export
// read into another coalition finds them. A term's code is the message key of its name
// ("element.ontmoeten"), so pages show it in the reader's language; `name` holds the Dutch.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "domain/activities.h"
#include "domain/hsds_records.h"
#include "domain/partners.h"

namespace kompas::domain {

inline constexpr const char* kOwnTaxonomyId = "c0a1171e-0000-4000-8000-000000000000";

// The facets of the own taxonomy, in the order the search form shows them: the code of the
// top term ("element") and the words of its terms ("ontmoeten", ...).
struct MapFacet {
  std::string code;
  std::vector<std::string> words;
};
// The target groups are those of the plan's ambitions and activities (domain/ambitions.h).
const std::vector<MapFacet>& map_facets();

// The fixed id of a facet's top term (word empty) or of one of its terms.
std::string own_term_id(const std::string& facet, const std::string& word = "");

// The taxonomy and all its terms, Dutch names included.
std::vector<hsds::Record> own_taxonomy(const hsds::Spec& spec);

// What an activity puts on the kaart. `service_id` and `organization_id` are the records it
// keeps (made once, then reused); `new_id` gives ids for the rest; `now` is RFC 3339 and
// `today` ISO; `area_names` names the wijken (code -> name). The records replace the
// service's own earlier areas and terms.
struct PublishedActivity {
  std::vector<hsds::Record> records;  // organization, service, service areas, attributes
};
PublishedActivity publish_activity(
    const hsds::Spec& spec, const Activity& activity, const Partner& lead,
    const std::map<std::string, std::string>& area_names, const std::string& organization_id,
    const std::string& service_id, const std::function<std::string()>& new_id,
    const std::string& now, const std::string& today, const std::string& assurer_email);

// A service as people describe it (the demo's services; later the partner's own form): the HSDS
// records it becomes are the service, its areas, terms, weekly opening, contact with phone, and
// location with address.
struct ServiceDraft {
  std::string id, organization_id;
  std::string name, description, how_to_apply, email, url;
  std::string status = "active";
  std::vector<std::string> area_codes, postcodes;          // CBS codes, four-digit postcodes
  std::vector<std::pair<std::string, std::string>> terms;  // own facet and word
  std::string byday, opens_at, closes_at, schedule_note;   // "MO,TH", "10:00", "12:00"
  std::string contact, phone;
  std::string place, address, postal_code, city, province;  // the location, when it has one
  std::string assured_date, assurer_email, last_modified;
};
std::vector<hsds::Record> service_records(const hsds::Spec& spec, const ServiceDraft& draft,
                                          const std::function<std::string()>& new_id);
// The service record's own fields from the draft (name, status, texts, check and change dates);
// an empty text removes the field. Shared by a new service and the owner's edit.
void set_service_fields(hsds::Record& service, const ServiceDraft& draft);

}  // namespace kompas::domain
