#include "domain/results.h"

#include <algorithm>
#include <cmath>

namespace kompas::domain {
namespace {

ValueChange change(Polarity polarity, double now, double before, int from_year, int decimals) {
  const double scale = std::pow(10.0, decimals);
  // The change between the two values as shown, so "20,0 → 20,1" is never "gelijk".
  ValueChange c{(std::round(now * scale) - std::round(before * scale)) / scale, Direction::gelijk,
                from_year};
  if (c.delta == 0) c.delta = 0;  // never -0
  if (c.delta != 0)
    c.direction = (c.delta < 0) == (polarity == Polarity::lower_is_better) ? Direction::beter
                                                                           : Direction::slechter;
  return c;
}

}  // namespace

ResultGroup result_group(const Indicator& indicator) {
  if (indicator.kind == "bevolking") return ResultGroup::bevolking;
  if (indicator.question == "hoe_goed") return ResultGroup::hoe_goed;
  if (indicator.question == "beter_af") return ResultGroup::beter_af;
  return ResultGroup::hoeveel;
}

IndicatorChanges changes_of(Polarity polarity, const std::vector<Measurement>& measurements,
                            const std::vector<Milestone>& path, int first_counting_year,
                            int decimals) {
  IndicatorChanges changes;
  if (measurements.empty()) return changes;
  const auto& latest = measurements.back();
  if (measurements.size() >= 2) {
    const auto& before = measurements[measurements.size() - 2];
    if (before.year == latest.year - 1)
      changes.since_last_year = change(polarity, latest.value, before.value, before.year, decimals);
  }
  if (!path.empty() && latest.year >= first_counting_year)
    changes.since_baseline =
        change(polarity, latest.value, path.front().value, path.front().year, decimals);
  return changes;
}

bool about_wijk(const Indicator& indicator, const Ambition& ambition, const std::string& wijk) {
  if (indicator.kind == "bevolking") return indicator.area_code == wijk;
  return std::find(ambition.areas.begin(), ambition.areas.end(), wijk) != ambition.areas.end();
}

}  // namespace kompas::domain
