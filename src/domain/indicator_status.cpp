#include "domain/indicator_status.h"

#include <algorithm>
#include <set>

namespace kompas::domain {

namespace {

// a is at least as good as b.
bool as_good(Polarity polarity, double a, double b) {
  return polarity == Polarity::higher_is_better ? a >= b : a <= b;
}

}  // namespace

double expected_on_path(const Milestone& baseline, const Milestone& target, int year) {
  if (year <= baseline.year || target.year <= baseline.year)
    return year >= target.year ? target.value : baseline.value;
  if (year >= target.year) return target.value;
  const double share =
      static_cast<double>(year - baseline.year) / static_cast<double>(target.year - baseline.year);
  return baseline.value + (target.value - baseline.value) * share;
}

double expected_on_path(const std::vector<Milestone>& path, int year) {
  if (path.empty()) return 0;
  if (year <= path.front().year) return path.front().value;
  for (std::size_t i = 1; i < path.size(); ++i)
    if (year <= path[i].year) return expected_on_path(path[i - 1], path[i], year);
  return path.back().value;
}

StatusResult indicator_status(Polarity polarity, const Milestone& baseline, const Milestone& target,
                              const std::vector<Measurement>& measurements) {
  return indicator_status(polarity, std::vector<Milestone>{baseline, target}, measurements);
}

StatusResult indicator_status(Polarity polarity, const std::vector<Milestone>& path,
                              const std::vector<Measurement>& measurements,
                              std::optional<int> first_counting_year) {
  StatusResult result;
  if (path.size() < 2) return result;
  const Milestone& baseline = path.front();
  const Milestone& target = path.back();
  const int first_year = first_counting_year.value_or(baseline.year + 1);
  for (const auto& m : measurements)
    if (m.year >= first_year && (!result.latest || m.year >= result.latest->year))
      result.latest = m;
  if (!result.latest) return result;
  const Measurement& m = *result.latest;
  result.expected = expected_on_path(path, m.year);
  result.estimate_as_good_as_path = as_good(polarity, m.value, result.expected);
  if (!m.low || !m.high) {
    result.status = as_good(polarity, m.value, target.value)      ? IndicatorStatus::gehaald
                    : as_good(polarity, m.value, result.expected) ? IndicatorStatus::op_koers
                                                                  : IndicatorStatus::achter;
    return result;
  }
  // The interval's worse and better ends, by the indicator's polarity.
  const double worse = polarity == Polarity::higher_is_better ? std::min(*m.low, *m.high)
                                                              : std::max(*m.low, *m.high);
  const double better = polarity == Polarity::higher_is_better ? std::max(*m.low, *m.high)
                                                               : std::min(*m.low, *m.high);
  if (as_good(polarity, worse, target.value)) {
    result.status = IndicatorStatus::gehaald;
  } else if (as_good(polarity, worse, result.expected)) {
    result.status = IndicatorStatus::op_koers;
  } else if (!as_good(polarity, better, result.expected)) {
    result.status = IndicatorStatus::achter;
  } else {
    result.status = IndicatorStatus::niet_te_onderscheiden;
  }
  return result;
}

std::vector<Milestone> linear_forecast(const std::vector<Measurement>& measurements,
                                       const std::vector<int>& years) {
  if (measurements.empty()) return {};
  // Centred on the mean year, so large year numbers do not cost precision.
  double mean_year = 0, mean_value = 0;
  for (const auto& m : measurements) {
    mean_year += m.year;
    mean_value += m.value;
  }
  const double n = static_cast<double>(measurements.size());
  mean_year /= n;
  mean_value /= n;
  double sxx = 0, sxy = 0;
  for (const auto& m : measurements) {
    sxx += (m.year - mean_year) * (m.year - mean_year);
    sxy += (m.year - mean_year) * (m.value - mean_value);
  }
  if (sxx == 0) return {};
  const double slope = sxy / sxx;
  std::vector<Milestone> forecast;
  for (const int year : years) forecast.push_back({year, mean_value + slope * (year - mean_year)});
  return forecast;
}

Forecast trend_forecast(const std::vector<Measurement>& measurements, int end_year,
                        const ValueRange& range) {
  Forecast forecast;
  std::set<int> years;
  for (const auto& m : measurements) years.insert(m.year);
  if (static_cast<int>(years.size()) < min_trend_points) {
    forecast.too_few_points = !measurements.empty();
    return forecast;
  }
  const int first = *years.begin(), last = *years.rbegin();
  const int until = std::min(end_year, last + (last - first));
  forecast.shortened = until < end_year;
  if (until <= last) return forecast;  // nothing ahead to draw: one point is not a line
  std::vector<int> wanted;
  for (int year = last; year <= until; ++year) wanted.push_back(year);
  forecast.values = linear_forecast(measurements, wanted);
  for (auto& m : forecast.values) {
    m.value = std::max(range.min, m.value);
    if (range.max) m.value = std::min(*range.max, m.value);
  }
  return forecast;
}

}  // namespace kompas::domain
