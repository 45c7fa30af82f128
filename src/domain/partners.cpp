#include "domain/partners.h"

#include <algorithm>

#include "domain/text.h"

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
  if (partner.name.size() > 200) errors["name"] = "error.too_long";
  if (!is_partner_type(partner.type)) errors["type"] = "error.choose";
  if (partner.contact_name.size() > 200) errors["contact_name"] = "error.too_long";
  if (!partner.contact_email.empty() && !is_valid_email(partner.contact_email))
    errors["contact_email"] = "error.email";
  if (partner.mandate.size() > 4000) errors["mandate"] = "error.too_long";
  if (partner.interests.size() > 4000) errors["interests"] = "error.too_long";
  return errors;
}

}  // namespace kompas::domain
