#pragma once
// Partner organisations of the coalition.
#include <string>
#include <string_view>
#include <vector>

#include "domain/validation.h"

namespace kompas::domain {

struct Partner {
  long long id = 0;
  std::string name;
  std::string type;  // one of partner_types()
  std::string contact_name;
  std::string contact_email;
  std::string mandate;    // what the representative may decide
  std::string interests;  // what the organisation wants from the coalition
  bool active = true;
  std::string brings;  // what the organisation brings in: people, places, knowledge, money
};

// The kinds of organisation a coalition brings together, as stored (message key
// "partner.type.<x>").
const std::vector<std::string>& partner_types();
bool is_partner_type(std::string_view type);

FieldErrors validate(const Partner& partner);

}  // namespace kompas::domain
