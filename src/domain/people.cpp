#include "domain/people.h"

#include "domain/text.h"

namespace kompas::domain {

std::optional<Role> parse_role(std::string_view text) {
  if (text == "beheerder") return Role::beheerder;
  if (text == "partner") return Role::partner;
  if (text == "lezer") return Role::lezer;
  return std::nullopt;
}

std::string role_name(Role role) {
  switch (role) {
    case Role::beheerder:
      return "beheerder";
    case Role::partner:
      return "partner";
    case Role::lezer:
      return "lezer";
  }
  return "lezer";
}

FieldErrors validate(const Person& person) {
  FieldErrors errors;
  if (trim(person.name).empty()) errors["name"] = "error.required";
  if (person.name.size() > 200) errors["name"] = "error.too_long";
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
