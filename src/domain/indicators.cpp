#include "domain/indicators.h"

#include <algorithm>
#include <cmath>

#include "domain/areas.h"
#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool value_fits_unit(double value, const std::string& unit) {
  if (!std::isfinite(value) || std::fabs(value) > 1e12) return false;
  if (unit == "procent") return value >= 0 && value <= 100;
  return value >= 0;
}

// The year of a YYYY-MM-DD date (validated before).
int year_of(const std::string& date) {
  return date.size() >= 4 ? std::stoi(date.substr(0, 4)) : 0;
}

}  // namespace

const std::vector<std::string>& indicator_kinds() {
  static const std::vector<std::string> kinds = {"bevolking", "activiteit", "deskundigheid",
                                                 "signaalpunt"};
  return kinds;
}

const std::vector<std::string>& rba_questions() {
  static const std::vector<std::string> questions = {"hoeveel", "hoe_goed", "beter_af"};
  return questions;
}

const std::vector<std::string>& indicator_units() {
  static const std::vector<std::string> units = {"procent", "aantal", "euro", "uren"};
  return units;
}

const std::vector<std::string>& survey_indicator_names() {
  static const std::vector<std::string> names = {"eenzaam", "ernstig_eenzaam", "sterk_eenzaam",
                                                 "emotioneel_eenzaam", "sociaal_eenzaam"};
  return names;
}

const std::vector<std::string>& signal_measures() {
  static const std::vector<std::string> measures = {"aantal", "dagen_tot_contact",
                                                    "aandeel_doorverwezen", "aandeel_onbekend"};
  return measures;
}

std::string signal_measure_unit(const std::string& measure) {
  return measure.starts_with("aandeel_") ? "procent" : "aantal";
}

std::string signal_measure_question(const std::string& measure) {
  return measure == "aantal" ? "hoeveel" : "hoe_goed";
}

FieldErrors validate(const Indicator& ind, const std::set<std::string>& known_areas) {
  FieldErrors errors;
  if (trim(ind.name).empty()) errors["name"] = "error.required";
  check_length(errors, "name", ind.name, text_limit::name);
  if (!contains(indicator_kinds(), ind.kind)) errors["kind"] = "error.choose";
  if (!contains(indicator_units(), ind.unit)) errors["unit"] = "error.choose";
  if (ind.kind == "activiteit") {
    if (!contains(rba_questions(), ind.question)) errors["question"] = "error.choose";
  } else if (ind.kind == "deskundigheid") {
    if (ind.unit != "procent") errors["unit"] = "error.expertise_percent";
  } else if (ind.kind == "signaalpunt") {
    if (!contains(signal_measures(), ind.signal_measure))
      errors["signal_measure"] = "error.choose";
    else if (ind.unit != signal_measure_unit(ind.signal_measure))
      errors["unit"] = "error.signal_unit_" + signal_measure_unit(ind.signal_measure);
    // Signals know their wijk, not their buurt.
    if (!ind.area_code.empty() && !known_areas.count(ind.area_code))
      errors["area_code"] = "error.unknown_area";
    else if (!ind.area_code.empty() && area_level(ind.area_code) != AreaLevel::wijk)
      errors["area_code"] = "error.signal_wijk_only";
  } else if (ind.kind == "bevolking") {
    if (!contains(survey_indicator_names(), ind.survey_indicator))
      errors["survey_indicator"] = "error.choose";
    if (!ind.area_code.empty() && !known_areas.count(ind.area_code))
      errors["area_code"] = "error.unknown_area";
    if (ind.unit != "procent") errors["unit"] = "error.population_percent";
    check_length(errors, "age_band", ind.age_band, text_limit::code);
  }
  if (ind.baseline_value && !value_fits_unit(*ind.baseline_value, ind.unit))
    errors["baseline_value"] = ind.unit == "procent" ? "error.percent" : "error.not_negative";
  if (!ind.baseline_date.empty() && !is_valid_date(ind.baseline_date))
    errors["baseline_date"] = "error.date";
  if (ind.baseline_value && ind.baseline_date.empty()) errors["baseline_date"] = "error.required";
  check_length(errors, "baseline_source", ind.baseline_source, text_limit::line);
  if (ind.targets.empty()) errors["targets"] = "error.targets_required";
  for (const auto& [year, value] : ind.targets)
    if (!value_fits_unit(value, ind.unit)) errors["targets"] = "error.year_values_range";
  for (const auto& [year, value] : ind.forecast)
    if (!value_fits_unit(value, ind.unit)) errors["forecast"] = "error.year_values_range";
  return errors;
}

FieldErrors validate(const EnteredValue& v, const std::string& unit, int this_year) {
  FieldErrors errors;
  if (v.year < 1900 || v.year > 2200)
    errors["year"] = "error.year";
  else if (v.year > this_year)
    errors["year"] = "error.future_year";
  if (!value_fits_unit(v.value, unit))
    errors["value"] = unit == "procent" ? "error.percent" : "error.not_negative";
  else if (unit == "aantal" && v.value != std::floor(v.value))
    errors["value"] = "error.whole_number";
  check_length(errors, "comment", v.comment, text_limit::note);
  check_length(errors, "source", v.source, text_limit::line);
  return errors;
}

std::vector<Milestone> indicator_path(const Indicator& ind,
                                      const std::vector<Measurement>& measurements) {
  std::vector<Milestone> path;
  if (ind.baseline_value && !ind.baseline_date.empty()) {
    path.push_back({year_of(ind.baseline_date), *ind.baseline_value});
  } else if (!measurements.empty()) {
    const auto first =
        std::min_element(measurements.begin(), measurements.end(),
                         [](const auto& a, const auto& b) { return a.year < b.year; });
    path.push_back({first->year, first->value});
  } else {
    return path;  // no start yet: a target is never shown as the baseline
  }
  for (const auto& [year, value] : ind.targets)
    if (year > path.front().year) path.push_back({year, value});
  return path;
}

int first_year_after_baseline(const Indicator& ind, const std::vector<Milestone>& path,
                              const std::vector<Measurement>& measurements) {
  if (path.empty()) return 0;
  const auto& start = path.front();
  const bool entered = ind.baseline_value && !ind.baseline_date.empty();
  if (!entered || ind.baseline_date.size() < 10 || ind.baseline_date.substr(5, 5) == "12-31")
    return start.year + 1;
  const double scale = std::pow(10.0, shown_decimals(ind.unit));
  for (const auto& m : measurements)
    if (m.year == start.year && std::round(m.value * scale) == std::round(start.value * scale))
      return start.year + 1;  // the baseline is this measurement
  return start.year;
}

int shown_decimals(const std::string& unit) {
  return unit == "procent" ? 1 : 2;
}

ValueRange value_range(const std::string& unit) {
  return unit == "procent" ? ValueRange{0, 100} : ValueRange{0, std::nullopt};
}

std::vector<int> targets_worse_than_start(const Indicator& ind,
                                          const std::vector<Milestone>& path) {
  std::vector<int> years;
  if (path.empty()) return years;
  const double start = path.front().value;
  for (const auto& [year, value] : ind.targets)
    if (ind.polarity == Polarity::higher_is_better ? value < start : value > start)
      years.push_back(year);
  return years;
}

}  // namespace kompas::domain
