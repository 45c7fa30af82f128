#include <gtest/gtest.h>

#include "domain/indicator_status.h"

using namespace kompas::domain;

namespace {

// % (zeer) ernstig eenzaam: 14% in 2024, target 11% in 2027, lower is better. The path expects
// 13% in 2025 and 12% in 2026.
const Milestone kBaseline{2024, 14.0}, kTarget{2027, 11.0};

IndicatorStatus status_of(std::vector<Measurement> values,
                          Polarity polarity = Polarity::lower_is_better) {
  return indicator_status(polarity, kBaseline, kTarget, values).status;
}

}  // namespace

TEST(IndicatorStatus, ThePathRunsStraightFromBaselineToTarget) {
  EXPECT_DOUBLE_EQ(expected_on_path(kBaseline, kTarget, 2023), 14.0);
  EXPECT_DOUBLE_EQ(expected_on_path(kBaseline, kTarget, 2024), 14.0);
  EXPECT_DOUBLE_EQ(expected_on_path(kBaseline, kTarget, 2025), 13.0);
  EXPECT_DOUBLE_EQ(expected_on_path(kBaseline, kTarget, 2026), 12.0);
  EXPECT_DOUBLE_EQ(expected_on_path(kBaseline, kTarget, 2027), 11.0);
  EXPECT_DOUBLE_EQ(expected_on_path(kBaseline, kTarget, 2030), 11.0);
  // A target in the baseline's own year: the target counts from then on.
  EXPECT_DOUBLE_EQ(expected_on_path({2024, 14}, {2024, 11}, 2024), 11.0);
}

TEST(IndicatorStatus, NoValueAfterTheBaselineIsNoData) {
  EXPECT_EQ(status_of({}), IndicatorStatus::geen_gegevens);
  EXPECT_EQ(status_of({{2024, 12.0, {}, {}}, {2020, 5.0, {}, {}}}), IndicatorStatus::geen_gegevens);
}

TEST(IndicatorStatus, ExactValuesAgainstTargetAndPath) {
  EXPECT_EQ(status_of({{2026, 11.0, {}, {}}}), IndicatorStatus::gehaald);   // target met early
  EXPECT_EQ(status_of({{2025, 13.0, {}, {}}}), IndicatorStatus::op_koers);  // on the path
  EXPECT_EQ(status_of({{2025, 12.5, {}, {}}}), IndicatorStatus::op_koers);  // better than it
  EXPECT_EQ(status_of({{2025, 13.5, {}, {}}}), IndicatorStatus::achter);
  EXPECT_EQ(status_of({{2028, 11.5, {}, {}}}), IndicatorStatus::achter);  // past the end year
  // The latest value counts, whatever the order given.
  EXPECT_EQ(status_of({{2026, 13.5, {}, {}}, {2025, 12.0, {}, {}}}), IndicatorStatus::achter);
}

TEST(IndicatorStatus, HigherIsBetter) {
  const Milestone baseline{2024, 40.0}, target{2027, 55.0};  // e.g. % who know where to go
  auto status = [&](double value, int year) {
    return indicator_status(Polarity::higher_is_better, baseline, target, {{year, value, {}, {}}})
        .status;
  };
  EXPECT_EQ(status(56, 2026), IndicatorStatus::gehaald);
  EXPECT_EQ(status(45, 2025), IndicatorStatus::op_koers);
  EXPECT_EQ(status(44, 2025), IndicatorStatus::achter);
}

TEST(IndicatorStatus, SurveyFiguresNeedTheirIntervalToDecide) {
  // gehaald only when the whole interval meets the target.
  EXPECT_EQ(status_of({{2026, 9.0, 7.5, 10.9}}), IndicatorStatus::gehaald);
  // op_koers only when the whole interval is at or better than the path (12 in 2026).
  EXPECT_EQ(status_of({{2026, 10.0, 8.0, 11.9}}), IndicatorStatus::op_koers);
  EXPECT_EQ(status_of({{2026, 10.0, 8.0, 12.0}}), IndicatorStatus::op_koers);  // touches it
  // achter only when the whole interval is worse than the path (12 in 2026).
  EXPECT_EQ(status_of({{2026, 14.0, 12.5, 15.5}}), IndicatorStatus::achter);
  // The estimate is worse than the path but the interval reaches it: cannot tell.
  EXPECT_EQ(status_of({{2026, 13.0, 11.5, 14.5}}), IndicatorStatus::niet_te_onderscheiden);
  // An interval across the path cannot tell, on whichever side the estimate lies: 10,4 %
  // (8,6-12,4) against 11,9 % once said op koers.
  EXPECT_EQ(status_of({{2026, 12.0, 9.0, 15.0}}), IndicatorStatus::niet_te_onderscheiden);
  EXPECT_EQ(status_of({{2026, 10.0, 8.0, 12.5}}), IndicatorStatus::niet_te_onderscheiden);
  const std::vector<Milestone> path{{2024, 12.8}, {2027, 11.6}};  // 11,9 % expected in 2026
  const auto better = indicator_status(Polarity::lower_is_better, path, {{2026, 10.4, 8.6, 12.4}});
  EXPECT_EQ(better.status, IndicatorStatus::niet_te_onderscheiden);
  EXPECT_TRUE(better.estimate_as_good_as_path);
  EXPECT_FALSE(indicator_status(Polarity::lower_is_better, path, {{2026, 12.2, 11.0, 13.4}})
                   .estimate_as_good_as_path);
  // Bounds given in either order.
  EXPECT_EQ(status_of({{2026, 14.0, 15.5, 12.5}}), IndicatorStatus::achter);
  const auto result =
      indicator_status(Polarity::lower_is_better, kBaseline, kTarget, {{2026, 13.0, 11.5, 14.5}});
  EXPECT_DOUBLE_EQ(result.expected, 12.0);
  ASSERT_TRUE(result.latest.has_value());
  EXPECT_EQ(result.latest->year, 2026);
}

TEST(IndicatorStatus, ForecastIfNothingChanges) {
  // 14, 13.5, 13 in 2022-2024: half a point down a year.
  const std::vector<Measurement> history = {
      {2022, 14.0, {}, {}}, {2023, 13.5, {}, {}}, {2024, 13.0, {}, {}}};
  const auto forecast = linear_forecast(history, {2025, 2027});
  ASSERT_EQ(forecast.size(), 2u);
  EXPECT_EQ(forecast[0].year, 2025);
  EXPECT_NEAR(forecast[0].value, 12.5, 1e-12);
  EXPECT_NEAR(forecast[1].value, 11.5, 1e-12);
  // Scattered values: the least-squares line (slope 0.5, through the means 2021 and 11).
  const auto scattered =
      linear_forecast({{2020, 10.0, {}, {}}, {2021, 12.0, {}, {}}, {2022, 11.0, {}, {}}}, {2023});
  EXPECT_NEAR(scattered[0].value, 11.0 + 0.5 * 2, 1e-12);
  // One year only: no line.
  EXPECT_TRUE(linear_forecast({{2024, 13.0, {}, {}}, {2024, 12.0, {}, {}}}, {2025}).empty());
  EXPECT_TRUE(linear_forecast({}, {2025}).empty());
}

TEST(IndicatorStatus, APathThroughYearlyTargetsBendsAtEachTarget) {
  // Baseline 14% in 2024, 13.5% expected in 2025 and 11% in 2027: straight between each pair.
  const std::vector<Milestone> path = {{2024, 14.0}, {2025, 13.5}, {2027, 11.0}};
  EXPECT_DOUBLE_EQ(expected_on_path(path, 2023), 14.0);
  EXPECT_DOUBLE_EQ(expected_on_path(path, 2025), 13.5);
  EXPECT_DOUBLE_EQ(expected_on_path(path, 2026), 12.25);
  EXPECT_DOUBLE_EQ(expected_on_path(path, 2029), 11.0);
  EXPECT_EQ(indicator_status(Polarity::lower_is_better, path, {{2026, 12.5, {}, {}}}).status,
            IndicatorStatus::achter);
  EXPECT_EQ(indicator_status(Polarity::lower_is_better, path, {{2026, 12.0, {}, {}}}).status,
            IndicatorStatus::op_koers);
  // Only the last milestone counts as the target that is met.
  EXPECT_EQ(indicator_status(Polarity::lower_is_better, path, {{2025, 13.0, {}, {}}}).status,
            IndicatorStatus::op_koers);
  EXPECT_EQ(indicator_status(Polarity::lower_is_better, path, {{2025, 10.9, {}, {}}}).status,
            IndicatorStatus::gehaald);
}

TEST(IndicatorStatus, WithoutATargetThereIsNoStatus) {
  EXPECT_EQ(indicator_status(Polarity::lower_is_better, std::vector<Milestone>{{2024, 14.0}},
                             {{2026, 12.0, {}, {}}})
                .status,
            IndicatorStatus::geen_gegevens);
}

TEST(IndicatorStatus, ValuesCountFromTheGivenYear) {
  // Baseline 120 on 1 January 2025, 135 for 2025: the value of the baseline's year counts.
  const std::vector<Milestone> path{{2025, 120}, {2027, 200}};
  EXPECT_EQ(indicator_status(Polarity::higher_is_better, path, {{2025, 135, {}, {}}}).status,
            IndicatorStatus::geen_gegevens);  // by default only later years count
  EXPECT_EQ(indicator_status(Polarity::higher_is_better, path, {{2025, 135, {}, {}}}, 2025).status,
            IndicatorStatus::op_koers);
}

TEST(IndicatorStatus, TheTrendNeedsThreeYearsAndStaysInRange) {
  const ValueRange percent{0, 100};
  // Two years: no line, and the page says why.
  auto f = trend_forecast({{2023, 20, {}, {}}, {2024, 10, {}, {}}}, 2030, percent);
  EXPECT_TRUE(f.values.empty());
  EXPECT_TRUE(f.too_few_points);
  EXPECT_FALSE(trend_forecast({}, 2030, percent).too_few_points);  // nothing to say yet
  // 30, 20, 10 in 2022-2024: ten points down a year would pass 0 in 2025; it stops at 0, and
  // runs no further than two years past 2024 (the span of the figures).
  f = trend_forecast({{2022, 30, {}, {}}, {2023, 20, {}, {}}, {2024, 10, {}, {}}}, 2030, percent);
  ASSERT_EQ(f.values.size(), 3u);
  EXPECT_EQ(f.values.front().year, 2024);
  EXPECT_EQ(f.values.back().year, 2026);
  EXPECT_TRUE(f.shortened);
  EXPECT_DOUBLE_EQ(f.values[1].value, 0.0);
  EXPECT_DOUBLE_EQ(f.values[2].value, 0.0);
  // The plan ends in the year of the last value: nothing ahead, so no line (not one point).
  f = trend_forecast({{2022, 30, {}, {}}, {2023, 20, {}, {}}, {2024, 10, {}, {}}}, 2024, percent);
  EXPECT_TRUE(f.values.empty());
  // Upwards past 100 %.
  f = trend_forecast({{2022, 80, {}, {}}, {2023, 90, {}, {}}, {2024, 99, {}, {}}}, 2025, percent);
  EXPECT_FALSE(f.shortened);
  EXPECT_DOUBLE_EQ(f.values.back().value, 100.0);
}
