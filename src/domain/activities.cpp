#include "domain/activities.h"

#include <algorithm>

#include "domain/ambitions.h"
#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

const std::vector<std::string>& loneliness_types() {
  static const std::vector<std::string> types = {"sociaal", "emotioneel", "beide"};
  return types;
}

const std::vector<std::string>& loneliness_degrees() {
  static const std::vector<std::string> degrees = {"preventie", "verhoogd_risico", "matig",
                                                   "ernstig"};
  return degrees;
}

const std::vector<std::string>& effective_elements() {
  static const std::vector<std::string> elements = {"bezigheden",
                                                    "ontmoeten",
                                                    "praktisch_ondersteunen",
                                                    "betekenisvol_contact",
                                                    "sociale_vaardigheden",
                                                    "realistische_verwachtingen",
                                                    "betekenisvolle_rol"};
  return elements;
}

std::set<long long> ambitions_of_partner(const std::vector<Activity>& activities,
                                         long long partner_id) {
  std::set<long long> ambitions;
  for (const auto& a : activities) {
    const bool ours = a.lead_partner_id == partner_id ||
                      std::find(a.co_partner_ids.begin(), a.co_partner_ids.end(), partner_id) !=
                          a.co_partner_ids.end();
    if (ours) ambitions.insert(a.ambition_ids.begin(), a.ambition_ids.end());
  }
  return ambitions;
}

bool can_edit(const Person& person, const Activity& activity) {
  if (person.role == Role::beheerder) return true;
  return activity.lead_partner_id && can_edit_partner(person, *activity.lead_partner_id);
}

namespace {

// Rows: the effective elements; columns: `columns`; a running activity counts where `in` says.
template <typename In>
std::vector<std::vector<int>> count_elements(const std::vector<Activity>& activities,
                                             const std::vector<std::string>& columns, In in) {
  const auto& elements = effective_elements();
  std::vector<std::vector<int>> counts(elements.size(), std::vector<int>(columns.size(), 0));
  for (const auto& a : activities) {
    if (!is_running(a)) continue;
    for (std::size_t e = 0; e < elements.size(); ++e) {
      if (!contains(a.elements, elements[e])) continue;
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (in(a, columns[c])) ++counts[e][c];
    }
  }
  return counts;
}

}  // namespace

std::vector<std::vector<int>> elements_by_area(const std::vector<Activity>& activities,
                                               const std::vector<std::string>& area_codes) {
  return count_elements(activities, area_codes, [](const Activity& a, const std::string& code) {
    return a.areas.empty() || contains(a.areas, code);
  });
}

std::vector<std::vector<int>> elements_by_degree(const std::vector<Activity>& activities) {
  return count_elements(
      activities, loneliness_degrees(),
      [](const Activity& a, const std::string& degree) { return contains(a.degrees, degree); });
}

bool is_running(const Activity& a) {
  return a.status == ActivityStatus::bestaand || a.status == ActivityStatus::nieuw;
}

FieldErrors validate(const Activity& a, const std::set<std::string>& known_areas,
                     const std::set<long long>& known_partners,
                     const std::set<long long>& known_ambitions) {
  FieldErrors errors;
  if (trim(a.name).empty()) errors["name"] = "error.required";
  check_length(errors, "name", a.name, text_limit::name);
  check_length(errors, "description", a.description, text_limit::text);
  if (a.lead_partner_id && !known_partners.count(*a.lead_partner_id))
    errors["lead_partner"] = "error.partner_unknown";
  for (const auto id : a.co_partner_ids)
    if (!known_partners.count(id)) errors["co_partners"] = "error.partner_unknown";
  if (!contains(target_groups(), a.target_group)) errors["target_group"] = "error.choose";
  for (const auto& area : a.areas)
    if (!known_areas.count(area)) errors["areas"] = "error.unknown_area";
  if (!contains(loneliness_types(), a.loneliness_type)) errors["loneliness_type"] = "error.choose";
  if (a.degrees.empty()) errors["degrees"] = "error.choose_one_or_more";
  for (const auto& d : a.degrees)
    if (!contains(loneliness_degrees(), d)) errors["degrees"] = "error.choose";
  for (const auto& e : a.elements)
    if (!contains(effective_elements(), e)) errors["elements"] = "error.choose";
  for (const auto& [year, people] : a.reach)
    if (people < 0 || people > 1e9) errors["reach"] = "error.year_values_range";
  if (!a.start_date.empty() && !is_valid_date(a.start_date)) errors["start_date"] = "error.date";
  if (!a.end_date.empty() && !is_valid_date(a.end_date)) errors["end_date"] = "error.date";
  if (!errors.count("start_date") && !errors.count("end_date") && !a.start_date.empty() &&
      !a.end_date.empty() && a.end_date < a.start_date)
    errors["end_date"] = "error.end_before_start";
  for (const auto id : a.ambition_ids)
    if (!known_ambitions.count(id)) errors["ambitions"] = "error.choose";
  return errors;
}

}  // namespace kompas::domain
