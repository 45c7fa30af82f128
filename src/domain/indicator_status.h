#pragma once
// Is an indicator of the coalition's plan on course? Honestly computed against the straight
// path from its baseline to its target (Results-Based Accountability's "turn the curve"):
//   gehaald      the target is met;
//   op_koers     the latest value is at or better than the path for its year;
//   achter       the latest value is worse than the path;
//   geen_gegevens there is no value after the baseline.
// A survey figure has an interval, and each answer needs the whole interval: gehaald when all of
// it meets the target, op_koers when all of it is at or better than the path, achter when all of
// it is worse; an interval that crosses the path is niet_te_onderscheiden, on whichever side the
// estimate itself lies.
#include <optional>
#include <vector>

#include "domain/words.h"

namespace kompas::domain {

enum class Polarity { lower_is_better, higher_is_better };
// In the order a summary lists them: best first.
enum class IndicatorStatus { gehaald, op_koers, niet_te_onderscheiden, achter, geen_gegevens };
template <>
struct Words<IndicatorStatus> {
  static constexpr std::array<std::string_view, 5> list{
      "gehaald", "op_koers", "niet_te_onderscheiden", "achter", "geen_gegevens"};
};

struct Milestone {
  int year = 0;
  double value = 0;
};

struct Measurement {
  int year = 0;
  double value = 0;
  std::optional<double> low, high;  // a survey figure's interval
};

struct StatusResult {
  IndicatorStatus status = IndicatorStatus::geen_gegevens;
  std::optional<Measurement> latest;      // the measurement the status rests on
  double expected = 0;                    // the path's value for its year
  bool estimate_as_good_as_path = false;  // on which side of the path the estimate itself lies
};

// The path's value in `year`: the baseline before it starts, the target after it ends.
double expected_on_path(const Milestone& baseline, const Milestone& target, int year);
// A path through the baseline and targets for several years (sorted by year, baseline first):
// straight between each pair of milestones.
double expected_on_path(const std::vector<Milestone>& path, int year);

// Measurements count from `first_counting_year` on (by default the year after the baseline's).
StatusResult indicator_status(Polarity polarity, const Milestone& baseline, const Milestone& target,
                              const std::vector<Measurement>& measurements);
// The same against a path of several milestones; the last one is the target that counts as
// gehaald. A path without a target (fewer than two milestones) gives geen_gegevens.
StatusResult indicator_status(Polarity polarity, const std::vector<Milestone>& path,
                              const std::vector<Measurement>& measurements,
                              std::optional<int> first_counting_year = std::nullopt);

// "If nothing changes": the least-squares line through the measurements, continued to each of
// `years`. Empty with fewer than two distinct years, where no line exists.
std::vector<Milestone> linear_forecast(const std::vector<Measurement>& measurements,
                                       const std::vector<int>& years);

// The values an indicator can take (0 to 100 for a percentage, 0 or more otherwise).
struct ValueRange {
  double min = 0;
  std::optional<double> max;
};

// A trend needs this many measurements (of different years) before it means anything.
inline constexpr int min_trend_points = 3;

struct Forecast {
  std::vector<Milestone> values;  // from the last measurement's year on
  bool too_few_points = false;    // fewer than min_trend_points: no line at all
  bool shortened = false;         // stopped before `end_year` (see trend_forecast)
};

// The linear trend from the last measurement to `end_year`, kept within `range`, and stopped
// after as many years as the measurements themselves span: a line through three years of
// figures says nothing about the ten years after them.
Forecast trend_forecast(const std::vector<Measurement>& measurements, int end_year,
                        const ValueRange& range);

}  // namespace kompas::domain
