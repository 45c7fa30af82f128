#pragma once
// From survey data to a table of estimates: score every respondent, form the domains from the
// grouping columns, estimate each indicator per domain and protect small cells.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/estimates.h"
#include "domain/scales.h"
#include "domain/survey_file.h"

namespace kompas::domain {

// In output order: djg11 eenzaam, ernstig_eenzaam, emotioneel_eenzaam, sociaal_eenzaam;
// djg6 eenzaam, sterk_eenzaam, emotioneel_eenzaam, sociaal_eenzaam; ucla3 eenzaam.
std::vector<std::string> indicator_names(Scale scale);

// Each respondent's value of each indicator: values[indicator][respondent].
std::vector<std::vector<IndicatorValue>> score_respondents(const SurveyData& data,
                                                           const ScaleThresholds& thresholds);

struct AnalysisOptions {
  IntervalMethod method = IntervalMethod::beta;
  std::size_t min_n = 50;
  ScaleThresholds thresholds;
};

struct AnalysisRow {
  std::vector<std::string> domain;  // one value per group column; empty without groups
  std::string indicator;
  DomainEstimate estimate;
  bool suppressed = false;
};

// One row per domain per indicator; domains sorted by their values (age bands in band order),
// indicators in the order of indicator_names. Respondents with an empty grouping value belong
// to no domain but still count in their stratum.
std::vector<AnalysisRow> analyse_survey(const SurveyData& data, const AnalysisOptions& options);

// The same for chosen group columns (of `data` or made from them), with the indicator values
// scored once by score_respondents.
std::vector<AnalysisRow> analyse_groups(const SurveyData& data,
                                        const std::vector<std::vector<IndicatorValue>>& values,
                                        const std::vector<const CategoryColumn*>& groups,
                                        const AnalysisOptions& options);

}  // namespace kompas::domain
