#include "domain/contributions.h"

#include <algorithm>

#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {

bool is_stopped(const Contribution& contribution) {
  return contribution.status == ContributionStatus::gestopt;
}

FieldErrors validate(const Contribution& c) {
  FieldErrors errors;
  if (trim(c.what).empty()) errors["what"] = "error.required";
  check_length(errors, "what", c.what, text_limit::note);
  if (c.hours && (*c.hours < 0 || *c.hours > 1e7)) errors["hours"] = "error.not_negative";
  if (c.euros && (*c.euros < 0 || *c.euros > 1e10)) errors["euros"] = "error.not_negative";
  check_length(errors, "in_kind", c.in_kind, text_limit::line);
  if (c.start_year < 2000 || c.start_year > 2100) errors["start_year"] = "error.year";
  if (c.end_year < 2000 || c.end_year > 2100)
    errors["end_year"] = "error.year";
  else if (c.end_year < c.start_year || c.end_year - c.start_year > 10)
    errors["end_year"] = "error.end_year";
  if (!c.agreed_on.empty() && !is_valid_date(c.agreed_on)) errors["agreed_on"] = "error.date";
  if (c.status != ContributionStatus::voorgesteld && c.agreed_on.empty())
    errors["agreed_on"] = "error.agreed_on_required";
  return errors;
}

}  // namespace kompas::domain
