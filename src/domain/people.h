#pragma once
// People who sign in, their roles and what each role may do.
#include <optional>
#include <string>
#include <string_view>

#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::domain {

// beheerder: everything in the coalition; partner: edits only its own partner's records;
// lezer: reads.
enum class Role { beheerder, partner, lezer };
template <>
struct Words<Role> {
  static constexpr std::array<std::string_view, 3> list{"beheerder", "partner", "lezer"};
};

struct Person {
  long long id = 0;
  long long coalition_id = 0;
  std::string name;
  std::string email;
  Role role = Role::lezer;
  std::optional<long long> partner_id;
  bool active = true;
};

FieldErrors validate(const Person& person);

// Passwords: at least 12 characters (NCSC advice favours length over composition rules).
std::optional<std::string> password_problem(std::string_view password);

// May this person change records that belong to the given partner?
bool can_edit_partner(const Person& person, long long partner_id);

// May this person add records of the plan's work (activities, contributions) at all? Everyone
// but a lezer; which records they may change then depends on the partner.
bool can_add_work(const Person& person);

}  // namespace kompas::domain
