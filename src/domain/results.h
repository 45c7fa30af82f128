#pragma once
// Resultaten, step 5 of the Kwaliteitskompas (tellen en vertellen): every indicator grouped by
// population results and the three questions of Results-Based Accountability, with how it
// changed since last year and since its baseline, and which indicators a filter by wijk or
// partner keeps (issue 12, point 8).
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ambitions.h"
#include "domain/indicators.h"
#include "domain/words.h"

namespace kompas::domain {

// The groups of the page, in reading order: population results first, then how much did we do,
// how well did we do it, is anyone better off.
enum class ResultGroup { bevolking, hoeveel, hoe_goed, beter_af };
template <>
struct Words<ResultGroup> {
  static constexpr std::array<std::string_view, 4> list{"bevolking", "hoeveel", "hoe_goed",
                                                        "beter_af"};
};
ResultGroup result_group(const Indicator& indicator);

// Better or worse by the indicator's polarity; the same when nothing changed.
enum class Direction { beter, slechter, gelijk };
template <>
struct Words<Direction> {
  static constexpr std::array<std::string_view, 3> list{"beter", "slechter", "gelijk"};
};

struct ValueChange {
  double delta = 0;  // latest minus the earlier value, in the indicator's unit
  Direction direction = Direction::gelijk;
  int from_year = 0;
};

struct IndicatorChanges {
  std::optional<ValueChange> since_last_year;  // the latest year against the year before it
  std::optional<ValueChange> since_baseline;   // the latest year against the path's start
};

// `measurements`: one per year, oldest first; `path`: the indicator's path (its first milestone
// is the baseline); `first_counting_year`: the first year whose value counts as after the
// baseline (first_year_after_baseline, the same rule as the status). Nothing without a value,
// or when the latest value does not count as after the baseline. A change is rounded to the
// `decimals` it is shown with (shown_decimals): what reads as 0 is "gelijk".
IndicatorChanges changes_of(Polarity polarity, const std::vector<Measurement>& measurements,
                            const std::vector<Milestone>& path, int first_counting_year,
                            int decimals = 2);

// Whether the indicator is about the wijk: a population indicator measured in it, or an
// activity measure of an ambition that names it. Whole-gemeente indicators are not "in" a wijk.
bool about_wijk(const Indicator& indicator, const Ambition& ambition, const std::string& wijk);

}  // namespace kompas::domain
