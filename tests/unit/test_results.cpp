// Resultaten (issue 12, point 8): groups, changes since last year and since the baseline, and
// the wijk filter.
#include <gtest/gtest.h>

#include <cmath>

#include "domain/results.h"

namespace kompas::domain {
namespace {

// A baseline dated at the end of its year: values count from the year after.
int after(const std::vector<Milestone>& path) {
  return path.front().year + 1;
}

TEST(Results, GroupsFollowKindAndQuestion) {
  Indicator population;
  EXPECT_EQ(result_group(population), ResultGroup::bevolking);
  Indicator measure;
  measure.kind = "activiteit";
  measure.question = "hoeveel";
  EXPECT_EQ(result_group(measure), ResultGroup::hoeveel);
  measure.question = "hoe_goed";
  EXPECT_EQ(result_group(measure), ResultGroup::hoe_goed);
  measure.question = "beter_af";
  EXPECT_EQ(result_group(measure), ResultGroup::beter_af);
}

TEST(Results, ChangeSinceLastYearNeedsTheYearJustBefore) {
  const std::vector<Milestone> path = {{2023, 50}, {2027, 40}};
  auto c = changes_of(Polarity::lower_is_better, {{2024, 48}, {2025, 45}}, path, after(path));
  ASSERT_TRUE(c.since_last_year);
  EXPECT_DOUBLE_EQ(c.since_last_year->delta, -3);
  EXPECT_EQ(c.since_last_year->direction, Direction::beter);
  EXPECT_EQ(c.since_last_year->from_year, 2024);
  ASSERT_TRUE(c.since_baseline);
  EXPECT_DOUBLE_EQ(c.since_baseline->delta, -5);
  EXPECT_EQ(c.since_baseline->from_year, 2023);
  // A gap of two years is not "since last year".
  c = changes_of(Polarity::lower_is_better, {{2023, 48}, {2025, 45}}, path, after(path));
  EXPECT_FALSE(c.since_last_year);
  EXPECT_TRUE(c.since_baseline);
}

TEST(Results, DirectionFollowsPolarity) {
  const std::vector<Milestone> path = {{2023, 50}};
  EXPECT_EQ(changes_of(Polarity::higher_is_better, {{2024, 55}}, path, after(path))
                .since_baseline->direction,
            Direction::beter);
  EXPECT_EQ(changes_of(Polarity::lower_is_better, {{2024, 55}}, path, after(path))
                .since_baseline->direction,
            Direction::slechter);
  EXPECT_EQ(changes_of(Polarity::lower_is_better, {{2024, 50}}, path, after(path))
                .since_baseline->direction,
            Direction::gelijk);
}

// A change is between the values as shown (one decimal for a percentage): what reads the same is
// "gelijk", never "-0,0 (beter)"; what reads differently is never "gelijk".
TEST(Results, AChangeIsBetweenTheValuesAsShown) {
  const std::vector<Milestone> path = {{2023, 20.04}};
  auto c = changes_of(Polarity::lower_is_better, {{2024, 20.03}}, path, after(path), 1);
  EXPECT_EQ(c.since_baseline->direction, Direction::gelijk);
  EXPECT_EQ(c.since_baseline->delta, 0);
  EXPECT_FALSE(std::signbit(c.since_baseline->delta));
  c = changes_of(Polarity::lower_is_better, {{2024, 20.06}}, path, after(path), 1);
  EXPECT_EQ(c.since_baseline->direction, Direction::slechter);  // 20,0 -> 20,1
  EXPECT_NEAR(c.since_baseline->delta, 0.1, 1e-12);
}

TEST(Results, NoChangeWithoutValuesOrWhenTheLatestIsTheBaseline) {
  EXPECT_FALSE(changes_of(Polarity::lower_is_better, {}, {{2023, 50}}, 2024).since_baseline);
  // The baseline taken from the first measurement: that value is not a change.
  const auto c = changes_of(Polarity::lower_is_better, {{2023, 50}}, {{2023, 50}}, 2024);
  EXPECT_FALSE(c.since_baseline);
  EXPECT_FALSE(c.since_last_year);
  EXPECT_FALSE(changes_of(Polarity::lower_is_better, {{2024, 50}}, {}, 0).since_baseline);
}

TEST(Results, AValueOfTheBaselinesOwnYearCountsWhenTheStatusCountsIt) {
  // Baseline 1 January 2025: a value for 2025 is after it (first_year_after_baseline).
  const auto c = changes_of(Polarity::lower_is_better, {{2025, 45}}, {{2025, 50}}, 2025);
  ASSERT_TRUE(c.since_baseline);
  EXPECT_DOUBLE_EQ(c.since_baseline->delta, -5);
}

TEST(Results, AboutAWijk) {
  Ambition everywhere, north;
  north.areas = {"WK01"};
  Indicator population;
  population.area_code = "WK01";
  EXPECT_TRUE(about_wijk(population, everywhere, "WK01"));
  EXPECT_FALSE(about_wijk(population, north, "WK02"));
  Indicator whole;  // the whole gemeente
  EXPECT_FALSE(about_wijk(whole, north, "WK01"));
  Indicator measure;
  measure.kind = "activiteit";
  EXPECT_TRUE(about_wijk(measure, north, "WK01"));
  EXPECT_FALSE(about_wijk(measure, everywhere, "WK01"));
}

}  // namespace
}  // namespace kompas::domain
