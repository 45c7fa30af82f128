#include "web/doelen/indicator_series.h"

#include <algorithm>
#include <cmath>

#include "domain/areas.h"
#include "store/published_figures_store.h"
#include "store/training_store.h"
#include "web/signaalpunt/signal_views.h"
#include "web/ui/input.h"
#include "web/verkennen/survey_tables.h"

namespace kompas::web {
namespace {

// The breakdown and row key (as survey_tables names them) of an indicator's domain.
std::pair<std::string, std::string> domain_key(const domain::Indicator& ind) {
  const auto level = domain::area_level(ind.area_code);
  const std::string area = !level ? "" : *level == domain::AreaLevel::buurt ? "buurt" : "wijk";
  if (area.empty())
    return ind.age_band.empty() ? std::pair{std::string("totaal"), std::string()}
                                : std::pair{std::string("leeftijd"), ind.age_band};
  if (ind.age_band.empty()) return {area, ind.area_code};
  return {area + "_leeftijd", ind.area_code + "|" + ind.age_band};
}

}  // namespace

SeriesBuilder::SeriesBuilder(soci::session& sql, long long coalition_id, std::string gemeente_code)
    : sql_(sql), coalition_id_(coalition_id), gemeente_code_(std::move(gemeente_code)) {}

void SeriesBuilder::load_population_sources() {
  if (population_sources_loaded_) return;
  surveys_ = store::list_surveys(sql_, coalition_id_);
  published_ = store::list_published_figures(sql_, coalition_id_);
  min_n_ = static_cast<std::size_t>(store::min_cell_size(sql_, coalition_id_));
  population_sources_loaded_ = true;
}

const std::map<std::string, SeriesBuilder::SurveyCell>& SeriesBuilder::cells(
    const store::Survey& survey, const std::string& indicator) {
  const auto key = std::pair{survey.id, indicator};
  const auto found = cells_.find(key);
  if (found != cells_.end()) return found->second;
  auto& estimates = estimates_[survey.id];
  if (estimates.empty()) estimates = store::survey_estimates(sql_, survey.id);
  std::map<std::string, SurveyCell> by_key;
  for (const auto& table : survey_tables(estimates, survey, indicator, {}, min_n_))
    for (const auto& row : table.rows)
      by_key[table.breakdown + "/" + row.key] = {row.estimate, row.suppressed};
  return cells_.emplace(key, std::move(by_key)).first->second;
}

const std::map<int, double>& SeriesBuilder::register_coverage() {
  if (!register_coverage_)
    register_coverage_ = domain::yearly_coverage(
        store::list_participants(sql_, coalition_id_), store::list_attendances(sql_, coalition_id_),
        store::list_frontline_counts(sql_, coalition_id_), today_date());
  return *register_coverage_;
}

IndicatorSeries SeriesBuilder::build(const domain::Indicator& ind,
                                     const std::vector<domain::EnteredValue>& entered,
                                     int end_year) {
  IndicatorSeries series;
  for (const auto& v : entered)
    series.points.push_back(
        {v.year, v.value, std::nullopt, std::nullopt, 0, "invoer", v.source, v.comment, 0, false});
  if (ind.kind == "deskundigheid")
    for (const auto& [year, percent] : register_coverage())
      series.points.push_back(
          {year, percent, std::nullopt, std::nullopt, 0, "register", "", "", 0, false});
  if (ind.kind == "signaalpunt") {
    if (!signals_) signals_ = signal_facts(store::all_signals(sql_, coalition_id_));
    for (const auto& [year, value] :
         domain::signal_yearly_values(*signals_, ind.signal_measure, ind.area_code))
      series.points.push_back(
          {year, value, std::nullopt, std::nullopt, 0, "signaalpunt", "", "", 0, false});
  }
  if (ind.kind == "bevolking") {
    load_population_sources();
    for (const auto& f : published_)
      if (f.indicator == ind.survey_indicator && ind.age_band.empty() &&
          f.area_code == (ind.area_code.empty() ? gemeente_code_ : ind.area_code)) {
        SeriesPoint p{f.year, f.value * 100, {}, {}, 0, "gepubliceerd", f.source, "", 0, false};
        if (f.low && f.high) {
          p.low = *f.low * 100;
          p.high = *f.high * 100;
        }
        series.points.push_back(p);
      }
    const auto [breakdown, key] = domain_key(ind);
    for (const auto& survey : surveys_) {
      const auto& by_key = cells(survey, ind.survey_indicator);
      const auto cell = by_key.find(breakdown + "/" + key);
      if (cell == by_key.end()) continue;
      const auto& e = cell->second.estimate;
      SeriesPoint p{survey.year, {},          {}, {},        static_cast<long long>(e.n),
                    "meting",    survey.name, "", survey.id, cell->second.suppressed};
      if (!p.suppressed && !std::isnan(e.estimate)) {
        p.value = e.estimate * 100;
        if (!std::isnan(e.ci_low)) {
          p.low = e.ci_low * 100;
          p.high = e.ci_high * 100;
        }
      }
      series.points.push_back(p);
    }
  }
  // By year; within a year a survey figure comes last, so the status rests on it.
  auto rank = [](const std::string& origin) {
    return origin == "meting" || origin == "register" || origin == "signaalpunt" ? 2
           : origin == "invoer"                                                  ? 1
                                                                                 : 0;
  };
  std::stable_sort(series.points.begin(), series.points.end(), [&](const auto& a, const auto& b) {
    return a.year != b.year ? a.year < b.year : rank(a.origin) < rank(b.origin);
  });

  // One measurement per year: the last shown one, so a survey figure outranks the others.
  std::vector<domain::Measurement> measurements;
  for (const auto& p : series.points) {
    if (!p.value) continue;
    if (!measurements.empty() && measurements.back().year == p.year) measurements.pop_back();
    measurements.push_back({p.year, *p.value, p.low, p.high});
  }
  series.measurements = measurements;
  series.path = domain::indicator_path(ind, measurements);
  series.baseline_from_first_value = !ind.baseline_value && !series.path.empty();
  series.first_counting_year = domain::first_year_after_baseline(ind, series.path, measurements);
  series.status =
      domain::indicator_status(ind.polarity, series.path, measurements, series.first_counting_year);

  if (!ind.forecast.empty()) {
    series.forecast_by_hand = true;
    for (const auto& [year, value] : ind.forecast) series.forecast.push_back({year, value});
  } else {
    auto trend = domain::trend_forecast(measurements, end_year, domain::value_range(ind.unit));
    series.forecast = std::move(trend.values);
    series.forecast_too_few_points = trend.too_few_points;
    series.forecast_shortened = trend.shortened;
  }
  return series;
}

}  // namespace kompas::web
