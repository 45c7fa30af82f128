#pragma once
// The values of plan indicators as people see them: survey figures for the indicator's domain
// (with interval and n, hidden exactly where the survey's own tables hide them), published
// figures for its area, and values entered by hand; then the path, status and forecast.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/indicators.h"
#include "domain/published_figures.h"
#include "domain/signals.h"
#include "store/surveys_store.h"

namespace kompas::web {

struct SeriesPoint {
  int year = 0;
  std::optional<double> value, low, high;  // in the indicator's unit; no value when hidden
  long long n = 0;                         // survey figures
  std::string origin;                      // meting, gepubliceerd, invoer, register
  std::string source, comment;
  long long survey_id = 0;
  bool suppressed = false;
};

struct IndicatorSeries {
  std::vector<SeriesPoint> points;                // by year, every figure (for the table)
  std::vector<domain::Measurement> measurements;  // one per year (for the status and chart)
  std::vector<domain::Milestone> path;  // empty until there is a baseline or a first value
  bool baseline_from_first_value = false;
  int first_counting_year = 0;  // values from this year on count as after the baseline
  std::vector<domain::Milestone> forecast;
  bool forecast_by_hand = false;
  bool forecast_too_few_points = false;  // no trend line yet: say so
  bool forecast_shortened = false;       // the trend stops before the plan's end: say so
  domain::StatusResult status;
};

// Loads each survey's estimates and the published figures once, for all indicators of a page,
// and only when a page has a population indicator.
class SeriesBuilder {
 public:
  SeriesBuilder(soci::session& sql, long long coalition_id, std::string gemeente_code);
  // `entered`: the values entered by hand; `end_year`: how far the forecast runs.
  IndicatorSeries build(const domain::Indicator& indicator,
                        const std::vector<domain::EnteredValue>& entered, int end_year);

 private:
  struct SurveyCell {
    domain::DomainEstimate estimate;
    bool suppressed = false;
  };
  // breakdown-row key -> cell, for one survey and one survey indicator.
  const std::map<std::string, SurveyCell>& cells(const store::Survey& survey,
                                                 const std::string& indicator);

  void load_population_sources();
  // The training register's coverage per year, for indicators of kind "deskundigheid".
  const std::map<int, double>& register_coverage();

  soci::session& sql_;
  long long coalition_id_;
  std::string gemeente_code_;  // published figures for the whole municipality carry it
  bool population_sources_loaded_ = false;
  std::vector<store::Survey> surveys_;
  std::vector<domain::PublishedFigure> published_;
  std::size_t min_n_ = 0;  // published figures for the whole municipality carry it
  std::map<long long, std::vector<store::StoredEstimate>> estimates_;
  std::map<std::pair<long long, std::string>, std::map<std::string, SurveyCell>> cells_;
  std::optional<std::map<int, double>> register_coverage_;
  std::optional<std::vector<domain::SignalFact>> signals_;  // for kind "signaalpunt"
};

}  // namespace kompas::web
