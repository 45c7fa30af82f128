#pragma once
// The tables the Verkennen pages show for a stored survey: the whole gemeente, per wijk, per
// buurt, per age band, per wijk and age band, and per sex. Respondents carry one area code
// (a buurt or a wijk); a buurt's wijk comes from the coalition's areas.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/survey_analysis.h"

namespace kompas::domain {

// Which group columns of the survey data hold what (indexes into SurveyData::groups).
struct SurveyColumns {
  std::optional<std::size_t> area, sex, age_band;
};

struct BreakdownRow {
  std::string breakdown;  // totaal, wijk, buurt, leeftijd, wijk_leeftijd, geslacht
  std::string area_code, age_band, sex;
  std::string indicator;
  DomainEstimate estimate;
};

inline const std::vector<std::string>& breakdown_names() {
  static const std::vector<std::string> names = {"totaal",   "wijk",          "buurt",
                                                 "leeftijd", "wijk_leeftijd", "geslacht"};
  return names;
}

// Every estimate of every breakdown the data allows, without suppression (that depends on the
// coalition's setting and is applied when shown). `wijk_of` maps buurt codes to wijk codes.
std::vector<BreakdownRow> survey_breakdowns(const SurveyData& data, const SurveyColumns& columns,
                                            const std::map<std::string, std::string>& wijk_of,
                                            const ScaleThresholds& thresholds = {});

}  // namespace kompas::domain
