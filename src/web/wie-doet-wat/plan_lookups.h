#pragma once
// Names the plan's pages need to show and check choices: partners, wijken, ambitions and people
// of the coalition, read once per request; and small view pieces several pages share.
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/activities.h"
#include "store/database.h"
#include "web/core/app.h"

namespace kompas::web {

using IdNames = std::vector<std::pair<long long, std::string>>;

struct PlanLookups {
  IdNames partners, ambitions;  // by name or title
  IdNames people;               // everyone, also who left: names stay on what they owned
  IdNames active_people;        // who can be chosen now
  std::vector<std::pair<std::string, std::string>> wijken;  // code, name; by name
  std::map<std::string, std::string> area_names;            // every area, by code

  std::set<std::string> area_codes() const;
  std::set<long long> partner_ids() const;
  std::set<long long> ambition_ids() const;
};
PlanLookups load_plan_lookups(soci::session& sql, long long coalition_id);

// The name for an id, or "" when it is not (or no longer) there.
std::string name_of(const IdNames& names, long long id);

// Select options for a list of fixed words, labelled from the catalogue as prefix + word.
std::vector<std::pair<std::string, std::string>> word_options(const Ctx& ctx,
                                                              const std::vector<std::string>& words,
                                                              const std::string& prefix);

// One activity as a list row and the head of its page.
nlohmann::json activity_summary(const Ctx& ctx, const domain::Activity& activity,
                                const PlanLookups& names);

// The latest survey's "eenzaam" and "(zeer) ernstig eenzaam" per wijk and for the whole
// municipality (key ""), as shown text; a hidden cell is null. Empty without surveys.
std::map<std::string, nlohmann::json> latest_wijk_figures(const Ctx& ctx, soci::session& sql);

}  // namespace kompas::web
