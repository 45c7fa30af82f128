#pragma once
// Surveys (metingen) of a coalition: their respondents, reduced to the columns the figures
// need, and the estimates computed from them at import.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/survey_breakdowns.h"
#include "store/change.h"

namespace kompas::store {

struct Survey {
  long long id = 0;
  std::string name;
  int year = 0;
  domain::Scale instrument = domain::Scale::djg11;
  std::string source = "eigen";  // eigen (own survey) or ggd
  std::optional<int> age_from, age_to;
  std::string age_bands;
  long long respondents = 0;
  bool weighted = false, stratified = false;
  long long created_at = 0;
};

std::vector<Survey> list_surveys(soci::session& sql, long long coalition_id);  // newest first
// A survey with this name (ignoring case) and year exists already: the same survey twice would
// give an indicator two values for one year.
bool survey_exists(soci::session& sql, long long coalition_id, const std::string& name, int year);
std::optional<Survey> find_survey(soci::session& sql, long long coalition_id, long long id);

// Buurt code -> wijk code, from the coalition's areas.
std::map<std::string, std::string> wijk_of_buurt(soci::session& sql, long long coalition_id);

// Stores the survey, its respondents (area, age, sex, weight, stratum and answers only) and its
// estimates; `progress(done, total)` is called as respondents are written. Returns the id.
long long save_survey(Change& change, Survey survey, const domain::SurveyData& data,
                      const domain::SurveyColumns& columns,
                      const std::function<void(std::size_t, std::size_t)>& progress = {});

// Removes the survey with all its respondents and estimates.
void delete_survey(Change& change, const Survey& survey);

struct StoredEstimate {
  std::string breakdown, area_code, age_band, sex, indicator;
  domain::DomainEstimate estimate;
};
std::vector<StoredEstimate> survey_estimates(soci::session& sql, long long survey_id);

nlohmann::json to_json(const Survey& survey);

// Below this many respondents a figure is not shown (the coalition's setting, default 50).
int min_cell_size(soci::session& sql, long long coalition_id);

}  // namespace kompas::store
