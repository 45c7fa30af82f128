#pragma once
// A section of the application: one folder under src/web/ whose section.cpp declares, in one
// place, its navigation item, its step on the overview, the kinds of record its pages write to
// the audit log with their fields, and its routes. The layout, the overview, the audit log's
// filter, the App and the tests read the list in web/sections.cpp; nothing else is edited to add a
// section.
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace kompas::web {

class App;
struct Ctx;

// Who sees a section's navigation item (its pages have their own access rules).
enum class Shown { everyone, beheerder, with_partner };

// What the overview says of a step of the cycle: how far the coalition is, and what is missing.
struct StepSummary {
  std::string status;
  std::vector<std::string> missing;
  bool done = false;
};

// A kind of record a section's pages write to the audit log, with the fields its entries show in
// the order a person reads them; each field's label is "audit.field.<field>" in the catalogues.
// Fields whose values are words of a list name the catalogue prefix that translates them
// ("status" -> "action.status."), so the log reads "Bezig", not "bezig", in either language.
// Fields that refer to other records name what they refer to ("partner_id" -> "partner", an
// area code -> "area"; store::record_names), so the log shows names, never ids or CBS codes.
struct AuditedKind {
  std::string kind;
  std::vector<std::string> fields;
  std::map<std::string, std::string> worded;  // field -> prefix of its words' texts
  std::map<std::string, std::string> refers;  // field -> kind of record it refers to
};

struct Section {
  std::string path;     // the navigation item's address; "" for a section without one (the API)
  std::string nav_key;  // the item's text in the catalogues
  Shown shown = Shown::everyone;
  // The item sits at the top with the person's name, not in the menu of the work: one's own
  // organisation and Beheer, so the menu stays one row on a laptop.
  bool beside_name = false;
  std::vector<std::string> also;     // first parts of other addresses that belong to it
  std::vector<AuditedKind> audited;  // what its pages write to the audit log
  // Its step on the overview (title key, where it links to, what to say); none for sections
  // that are not a step of the cycle.
  std::string step_title_key, step_href;
  std::function<StepSummary(Ctx&, soci::session&)> step;
  std::function<void(App&)> register_routes;
  // What its pages read that takes long to compute, computed ahead after each change of a
  // coalition and at the start (web/core/warmer.h); none for most sections.
  std::function<void(App&, long long coalition_id)> warm;
};

// Every section, in the order of the navigation (web/sections.cpp).
const std::vector<Section>& sections();

// Every kind of record the sections write to the audit log, section by section: the audit log's
// filter offers these.
std::vector<std::string> audited_kinds();

// The declaration of a kind of record in the audit log; null for a kind no section declares.
const AuditedKind* audited_kind(const std::string& kind);

// The section whose navigation item a path belongs to, so sub-pages keep it highlighted; null
// for none (the profile, an unknown address).
const Section* section_of(const std::string& path);

}  // namespace kompas::web
