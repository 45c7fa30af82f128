#pragma once
// Indicators of the plan with their targets, hand-entered forecasts, values and the stories
// behind the figures. Values of population indicators that come from surveys are not stored
// here: they are read from the survey estimates, so every survey adds them by itself.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/indicators.h"
#include "store/change.h"

namespace kompas::store {

// Every indicator of the coalition (or of one ambition), with targets and forecast.
std::vector<domain::Indicator> list_indicators(soci::session& sql, long long coalition_id,
                                               std::optional<long long> ambition_id = {});
std::optional<domain::Indicator> find_indicator(soci::session& sql, long long coalition_id,
                                                long long indicator_id);

long long create_indicator(Change& change, const domain::Indicator& indicator);
void update_indicator(Change& change, const domain::Indicator& indicator);

// Entered values by indicator id, by year.
std::map<long long, std::vector<domain::EnteredValue>> indicator_values(
    soci::session& sql, long long coalition_id, std::optional<long long> indicator_id = {});

// Adds or replaces the value of each year (all in the caller's change).
void save_indicator_values(Change& change, const domain::Indicator& indicator,
                           const std::vector<domain::EnteredValue>& values);
void delete_indicator_value(Change& change, const domain::Indicator& indicator, int year);

struct Story {
  long long id = 0;
  std::string author, text;
  long long written_at = 0;
};
std::vector<Story> indicator_stories(soci::session& sql, long long indicator_id);  // newest first
void add_story(Change& change, const domain::Indicator& indicator, const std::string& text);

// Removes the indicator with its targets, entered values and stories, which the log keeps.
void delete_indicator(Change& change, const domain::Indicator& indicator);

nlohmann::json to_json(const domain::Indicator& indicator);

}  // namespace kompas::store
