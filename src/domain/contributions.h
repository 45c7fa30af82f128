#pragma once
// Wie doet wat: what a partner contributes to an ambition (an activity or another effort), with
// the means (hours, euros, in kind), the period and whether it is agreed.
#include <optional>
#include <string>
#include <vector>

#include "domain/validation.h"

namespace kompas::domain {

struct Contribution {
  long long id = 0;
  long long partner_id = 0, ambition_id = 0;
  std::optional<long long> activity_id;
  std::string what;
  std::optional<double> hours, euros;
  std::string in_kind;
  int start_year = 0, end_year = 0;
  std::string agreed_on;  // YYYY-MM-DD, empty while proposed
  std::string status = "voorgesteld";
};

const std::vector<std::string>&
contribution_statuses();  // voorgesteld, afgesproken, geleverd, gestopt

// A stopped contribution no longer counts for its partner or ambition; its history stays.
bool is_stopped(const Contribution& contribution);

FieldErrors validate(const Contribution& contribution);

}  // namespace kompas::domain
