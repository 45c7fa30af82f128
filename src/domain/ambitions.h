#pragma once
// Ambitions (goals) of the coalition's plan, written at resident level: "Over drie jaar willen
// we dat onze inwoners ...". Each save keeps the earlier version (see ambitions_store).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/validation.h"

namespace kompas::domain {

struct Ambition {
  long long id = 0;
  std::string title;      // short name, e.g. "Minder ernstige eenzaamheid bij 75-plussers"
  std::string statement;  // "Over drie jaar willen we dat onze inwoners ..."
  std::string target_group;
  std::vector<std::string> areas;  // CBS codes; empty means the whole municipality
  int start_year = 0, end_year = 0;
  std::string findings;  // what Verkennen showed that motivates it
  std::optional<long long> owner_person_id;
  std::string status = "concept";
  int version = 0;
};

const std::vector<std::string>& target_groups();      // iedereen, jongeren, 65plus, ...
const std::vector<std::string>& ambition_statuses();  // concept, vastgesteld, afgerond, gestopt

// Three years by default, as the Kwaliteitskompas advises.
constexpr int kDefaultPlanYears = 3;

// `known_areas`: the coalition's area codes.
FieldErrors validate(const Ambition& ambition, const std::set<std::string>& known_areas);

}  // namespace kompas::domain
