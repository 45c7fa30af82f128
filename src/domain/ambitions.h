#pragma once
// Ambitions (goals) of the coalition's plan, written at resident level: "Over drie jaar willen
// we dat onze inwoners ...". Each save keeps the earlier version (see ambitions_store).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::domain {

// "concept" is a C++ keyword, so the draft status is named ontwerp; it is stored as "concept".
enum class AmbitionStatus { ontwerp, vastgesteld, afgerond, gestopt };
template <>
struct Words<AmbitionStatus> {
  static constexpr std::array<std::string_view, 4> list{"concept", "vastgesteld", "afgerond",
                                                        "gestopt"};
};

struct Ambition {
  long long id = 0;
  std::string title;      // short name, e.g. "Minder ernstige eenzaamheid bij 75-plussers"
  std::string statement;  // "Over drie jaar willen we dat onze inwoners ..."
  std::string target_group;
  std::vector<std::string> areas;  // CBS codes; empty means the whole municipality
  int start_year = 0, end_year = 0;
  std::string findings;  // what Verkennen showed that motivates it
  std::optional<long long> owner_person_id;
  AmbitionStatus status = AmbitionStatus::ontwerp;
  int version = 0;
};

const std::vector<std::string>& target_groups();  // iedereen, jongeren, 65plus, ...

// Three years by default, as the Kwaliteitskompas advises.
constexpr int kDefaultPlanYears = 3;

// `known_areas`: the coalition's area codes.
FieldErrors validate(const Ambition& ambition, const std::set<std::string>& known_areas);

}  // namespace kompas::domain
