#include "domain/ambitions.h"

#include <algorithm>

#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

const std::vector<std::string>& target_groups() {
  static const std::vector<std::string> groups = {"iedereen",    "jongeren",  "volwassenen",
                                                  "65plus",      "75plus",    "mantelzorgers",
                                                  "nieuwkomers", "beperking", "alleenstaanden"};
  return groups;
}

FieldErrors validate(const Ambition& a, const std::set<std::string>& known_areas) {
  FieldErrors errors;
  if (trim(a.title).empty()) errors["title"] = "error.required";
  check_length(errors, "title", a.title, text_limit::name);
  if (trim(a.statement).empty()) errors["statement"] = "error.required";
  check_length(errors, "statement", a.statement, text_limit::text);
  if (!contains(target_groups(), a.target_group)) errors["target_group"] = "error.choose";
  for (const auto& area : a.areas)
    if (!known_areas.count(area)) errors["areas"] = "error.unknown_area";
  if (a.start_year < 2000 || a.start_year > 2100) errors["start_year"] = "error.year";
  if (a.end_year < 2000 || a.end_year > 2100)
    errors["end_year"] = "error.year";
  else if (a.end_year < a.start_year || a.end_year - a.start_year > 10)
    errors["end_year"] = "error.end_year";
  check_length(errors, "findings", a.findings, text_limit::text);
  return errors;
}

}  // namespace kompas::domain
