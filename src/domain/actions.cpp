#include "domain/actions.h"

#include <algorithm>

#include "domain/text.h"

namespace kompas::domain {

FieldErrors validate(const Action& a) {
  FieldErrors errors;
  if (trim(a.title).empty()) errors["title"] = "error.required";
  if (a.title.size() > 200) errors["title"] = "error.too_long";
  if (a.description.size() > 4000) errors["description"] = "error.too_long";
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
