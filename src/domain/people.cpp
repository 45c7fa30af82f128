#include "domain/people.h"

#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {

FieldErrors validate(const Person& person) {
  FieldErrors errors;
  if (trim(person.name).empty()) errors["name"] = "error.required";
  check_length(errors, "name", person.name, text_limit::name);
  if (person.email.empty())
    errors["email"] = "error.required";
  else if (!is_valid_email(person.email))
    errors["email"] = "error.email";
  if (person.role == Role::partner && !person.partner_id)
    errors["partner_id"] = "error.partner_required";
  return errors;
}

std::optional<std::string> password_problem(std::string_view password) {
  if (utf8_length(password) < 12) return "error.password_short";  // characters, not bytes
  if (password.size() > 1024) return "error.too_long";
  return std::nullopt;
}

bool can_add_work(const Person& person) {
  return person.role != Role::lezer;
}

bool can_edit_partner(const Person& person, long long partner_id) {
  if (person.role == Role::beheerder) return true;
  return person.role == Role::partner && person.partner_id == partner_id;
}

}  // namespace kompas::domain
