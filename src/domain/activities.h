#pragma once
// The activities register: what already happens (bestaand) and what is added (nieuw, gepland),
// described in the terms of what is known to work: the type of loneliness it addresses, the
// degree (Movisie's Wegwijs: preventie, verhoogd risico, matig, ernstig) and the seven effective
// elements (../shared/reference/evidence.md).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/people.h"
#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::domain {

enum class ActivityStatus { bestaand, nieuw, gepland, gestopt };
template <>
struct Words<ActivityStatus> {
  static constexpr std::array<std::string_view, 4> list{"bestaand", "nieuw", "gepland", "gestopt"};
};

// How well the method is known: a way of working of its own, or one of the levels of Movisie's
// databank of recognised social interventions.
enum class MethodLevel { eigen, goed_beschreven, goed_onderbouwd, effectief };
template <>
struct Words<MethodLevel> {
  static constexpr std::array<std::string_view, 4> list{"eigen", "goed_beschreven",
                                                        "goed_onderbouwd", "effectief"};
};

struct Activity {
  long long id = 0;
  std::string name, description;
  std::optional<long long> lead_partner_id;
  std::vector<long long> co_partner_ids;
  std::string target_group;
  std::vector<std::string> areas;  // CBS codes; empty is the whole municipality
  std::string loneliness_type;     // sociaal, emotioneel, beide
  std::vector<std::string> degrees;
  std::vector<std::string> elements;
  std::map<int, double> reach;  // people reached per year
  std::string start_date, end_date;
  ActivityStatus status = ActivityStatus::bestaand;
  MethodLevel method = MethodLevel::eigen;
  std::vector<long long> ambition_ids;
};

const std::vector<std::string>& loneliness_types();    // sociaal, emotioneel, beide
const std::vector<std::string>& loneliness_degrees();  // preventie, verhoogd_risico, matig, ernstig
const std::vector<std::string>& effective_elements();  // the seven

// Running ("lopend"): it happens now, so bestaand or nieuw; gepland has not started and gestopt
// has ended. The one definition for the coverage counts and the list they link to.
inline constexpr const char* running_status = "lopend";
bool is_running(const Activity& activity);

// How many running activities use each effective element (rows, in effective_elements() order)
// in each wijk (columns, in the order given): an activity without areas counts in every wijk.
std::vector<std::vector<int>> elements_by_area(const std::vector<Activity>& activities,
                                               const std::vector<std::string>& area_codes);
// The same per degree of loneliness (columns in loneliness_degrees() order).
std::vector<std::vector<int>> elements_by_degree(const std::vector<Activity>& activities);

// A beheerder changes every activity; a partner only those its organisation leads.
bool can_edit(const Person& person, const Activity& activity);

// The ambitions a partner works on through activities it leads or shares.
std::set<long long> ambitions_of_partner(const std::vector<Activity>& activities,
                                         long long partner_id);

// `known_areas`, `known_partners`, `known_ambitions`: what exists in the coalition.
FieldErrors validate(const Activity& activity, const std::set<std::string>& known_areas,
                     const std::set<long long>& known_partners,
                     const std::set<long long>& known_ambitions);

}  // namespace kompas::domain
