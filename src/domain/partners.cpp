#include "domain/partners.h"

#include <algorithm>

#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {

const std::vector<std::string>& partner_types() {
  static const std::vector<std::string> types = {"gemeente",
                                                 "welzijn",
                                                 "zorg",
                                                 "woningcorporatie",
                                                 "onderwijs",
                                                 "sport_cultuur",
                                                 "bedrijf",
                                                 "vrijwilligersorganisatie",
                                                 "levensbeschouwelijk",
                                                 "bewonersinitiatief",
                                                 "ervaringsdeskundigen",
                                                 "anders"};
  return types;
}

bool is_partner_type(std::string_view type) {
  const auto& types = partner_types();
  return std::find(types.begin(), types.end(), type) != types.end();
}

FieldErrors validate(const Partner& partner) {
  FieldErrors errors;
  if (trim(partner.name).empty()) errors["name"] = "error.required";
  check_length(errors, "name", partner.name, text_limit::name);
  if (!is_partner_type(partner.type)) errors["type"] = "error.choose";
  check_length(errors, "contact_name", partner.contact_name, text_limit::name);
  if (!partner.contact_email.empty() && !is_valid_email(partner.contact_email))
    errors["contact_email"] = "error.email";
  check_length(errors, "mandate", partner.mandate, text_limit::text);
  check_length(errors, "interests", partner.interests, text_limit::text);
  check_length(errors, "brings", partner.brings, text_limit::text);
  return errors;
}

}  // namespace kompas::domain
