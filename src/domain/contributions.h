#pragma once
// Wie doet wat: what a partner contributes to an ambition (an activity or another effort), with
// the means (hours, euros, in kind), the period and whether it is agreed.
#include <optional>
#include <string>
#include <vector>

#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::domain {

enum class ContributionStatus { voorgesteld, afgesproken, geleverd, gestopt };
template <>
struct Words<ContributionStatus> {
  static constexpr std::array<std::string_view, 4> list{"voorgesteld", "afgesproken", "geleverd",
                                                        "gestopt"};
};

struct Contribution {
  long long id = 0;
  long long partner_id = 0, ambition_id = 0;
  std::optional<long long> activity_id;
  std::string what;
  std::optional<double> hours, euros;
  std::string in_kind;
  int start_year = 0, end_year = 0;
  std::string agreed_on;  // YYYY-MM-DD, empty while proposed
  ContributionStatus status = ContributionStatus::voorgesteld;
};

// A stopped contribution no longer counts for its partner or ambition; its history stays.
bool is_stopped(const Contribution& contribution);

FieldErrors validate(const Contribution& contribution);

}  // namespace kompas::domain
