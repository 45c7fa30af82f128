#include "domain/actions.h"

#include <algorithm>

#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {

FieldErrors validate(const Action& a) {
  FieldErrors errors;
  if (trim(a.title).empty()) errors["title"] = "error.required";
  check_length(errors, "title", a.title, text_limit::name);
  check_length(errors, "description", a.description, text_limit::text);
  if (!is_valid_date(a.due_date)) errors["due_date"] = "error.date";
  return errors;
}

bool is_open(const Action& a) {
  return a.status == ActionStatus::open || a.status == ActionStatus::bezig;
}

bool is_overdue(const Action& a, const std::string& today) {
  return is_open(a) && a.due_date < today;
}

}  // namespace kompas::domain
