#pragma once
// Is an indicator of the coalition's plan on course? Honestly computed against the straight
// path from its baseline to its target (Results-Based Accountability's "turn the curve"):
//   gehaald      the target is met;
//   op_koers     the latest value is at or better than the path for its year;
//   achter       the latest value is worse than the path;
//   geen_gegevens there is no value after the baseline.
// A survey figure has an interval: it counts as gehaald only when the whole interval meets the
// target, and as achter only when the whole interval is worse than the path; where the interval
// crosses the line and the estimate is on the wrong side, the answer is niet_te_onderscheiden.
#include <optional>
#include <vector>

namespace kompas::domain {

enum class Polarity { lower_is_better, higher_is_better };
enum class IndicatorStatus { gehaald, op_koers, achter, geen_gegevens, niet_te_onderscheiden };

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
  std::optional<Measurement> latest;  // the measurement the status rests on
  double expected = 0;                // the path's value for its year
};

// The path's value in `year`: the baseline before it starts, the target after it ends.
double expected_on_path(const Milestone& baseline, const Milestone& target, int year);
// A path through the baseline and targets for several years (sorted by year, baseline first):
// straight between each pair of milestones.
double expected_on_path(const std::vector<Milestone>& path, int year);

StatusResult indicator_status(Polarity polarity, const Milestone& baseline, const Milestone& target,
                              const std::vector<Measurement>& measurements);
// The same against a path of several milestones; the last one is the target that counts as
// gehaald. A path without a target (fewer than two milestones) gives geen_gegevens.
StatusResult indicator_status(Polarity polarity, const std::vector<Milestone>& path,
                              const std::vector<Measurement>& measurements);

// "If nothing changes": the least-squares line through the measurements, continued to each of
// `years`. Empty with fewer than two distinct years, where no line exists.
std::vector<Milestone> linear_forecast(const std::vector<Measurement>& measurements,
                                       const std::vector<int>& years);

}  // namespace kompas::domain
