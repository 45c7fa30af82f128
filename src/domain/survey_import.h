#pragma once
// Preparing a survey file for storage in a coalition: which columns hold the area, sex and
// age (named, or found by their usual names), reading it, and finding area codes that are not
// the coalition's. The same steps serve `kompas survey import` and the upload page.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/survey_breakdowns.h"
#include "domain/survey_file.h"

namespace kompas::domain {

struct SurveyImportSettings {
  std::string scale = "djg11";
  std::string weight, strata;
  std::string area, sex, age;  // empty: found by name when present
  std::string age_bands = "18-64,65-74,75+";
  std::string map, codes;
  bool lenient = false;
};

// Column names tried when a setting is empty, in this order (compared without case).
inline const std::vector<std::string> area_column_names = {"buurt",    "buurtcode", "wijk",
                                                           "wijkcode", "gebied",    "area"};
inline const std::vector<std::string> sex_column_names = {"geslacht", "sex", "gender"};
inline const std::vector<std::string> age_column_names = {"leeftijd", "age"};

struct PreparedSurvey {
  SurveyReadResult read;  // problems: nothing may be stored
  SurveyColumns columns;
  std::vector<std::string> header;
  std::vector<std::string> unknown_areas;  // values that are not the coalition's (first 20)
  std::size_t respondents_outside = 0;     // respondents with such a value: stored without area
  std::size_t respondents_with_area = 0;   // respondents whose area is the coalition's
  std::optional<int> youngest, oldest;
  std::string weight_column, age_column;  // as used (named, or found by name); empty: none
};

// `coalition_areas`: the coalition's areas, code -> name. A respondent's area may be given by
// its CBS code or by its name, compared without case or accents (a wijk and a buurt with the
// same name go to the level most other respondents' areas have). Problem codes besides those
// of read_survey: survey.unknown_scale {value}, and those of parse_item_map,
// parse_answer_codes and parse_age_bands.
PreparedSurvey prepare_survey(std::string_view bytes, const SurveyImportSettings& settings,
                              const std::map<std::string, std::string>& coalition_areas);

// The header of a CSV file (for the upload form's column choices); empty when unreadable.
std::vector<std::string> read_csv_header(std::string_view bytes);

}  // namespace kompas::domain
