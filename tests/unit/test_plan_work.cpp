// Activities, contributions and actions: their field rules.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/actions.h"
#include "domain/activities.h"
#include "domain/contributions.h"

using namespace kompas::domain;

namespace {

Activity valid_activity() {
  Activity a;
  a.name = "Huiskamer De Linde";
  a.lead_partner_id = 1;
  a.co_partner_ids = {2};
  a.target_group = "75plus";
  a.areas = {"WK999901"};
  a.loneliness_type = "sociaal";
  a.degrees = {"verhoogd_risico", "matig"};
  a.elements = {"ontmoeten", "bezigheden"};
  a.reach = {{2025, 120}};
  a.start_date = "2023-09-01";
  a.ambition_ids = {5};
  return a;
}

FieldErrors check(const Activity& a) {
  return validate(a, {"WK999901"}, {1, 2}, {5});
}

}  // namespace

TEST(Activities, AValidActivityHasNoErrors) {
  EXPECT_TRUE(check(valid_activity()).empty());
}

TEST(Activities, EveryChoiceMustBeKnown) {
  auto a = valid_activity();
  a.name = "";
  a.lead_partner_id = 9;
  a.areas = {"WK000001"};
  a.loneliness_type = "existentieel";
  a.degrees = {};
  a.elements = {"toveren"};
  a.ambition_ids = {6};
  const auto errors = check(a);
  EXPECT_EQ(errors.at("name"), "error.required");
  EXPECT_EQ(errors.at("lead_partner"), "error.partner_unknown");
  EXPECT_EQ(errors.at("areas"), "error.unknown_area");
  EXPECT_EQ(errors.at("loneliness_type"), "error.choose");
  EXPECT_EQ(errors.at("degrees"), "error.choose_one_or_more");
  EXPECT_EQ(errors.at("elements"), "error.choose");
  EXPECT_EQ(errors.at("ambitions"), "error.choose");
  EXPECT_EQ(effective_elements().size(), 7u);
}

TEST(Activities, DatesAndReach) {
  auto a = valid_activity();
  a.end_date = "2023-01-01";
  a.reach = {{2025, -1}};
  auto errors = check(a);
  EXPECT_EQ(errors.at("end_date"), "error.end_before_start");
  EXPECT_EQ(errors.at("reach"), "error.year_values_range");
  a.start_date = "2023-02-30";
  EXPECT_EQ(check(a).at("start_date"), "error.date");
}

TEST(Activities, EffectiveElementsAreCountedPerWijkAndDegree) {
  Activity everywhere, north, planned;
  everywhere.elements = {"ontmoeten", "bezigheden"};
  everywhere.degrees = {"preventie"};
  north.elements = {"ontmoeten"};
  north.areas = {"WK000101"};
  north.degrees = {"ernstig"};
  planned.elements = {"ontmoeten"};  // not running yet: not counted
  planned.status = ActivityStatus::gepland;
  const std::vector<Activity> all = {everywhere, north, planned};
  const auto& elements = effective_elements();
  const auto row = [&](const std::string& element) {
    return static_cast<std::size_t>(std::find(elements.begin(), elements.end(), element) -
                                    elements.begin());
  };
  const auto by_area = elements_by_area(all, {"WK000101", "WK000102"});
  ASSERT_EQ(by_area.size(), 7u);
  EXPECT_EQ(by_area[row("ontmoeten")], (std::vector<int>{2, 1}));
  EXPECT_EQ(by_area[row("bezigheden")], (std::vector<int>{1, 1}));
  EXPECT_EQ(by_area[row("betekenisvolle_rol")], (std::vector<int>{0, 0}));
  const auto by_degree = elements_by_degree(all);
  EXPECT_EQ(by_degree[row("ontmoeten")], (std::vector<int>{1, 0, 0, 1}));  // preventie .. ernstig
}

TEST(Contributions, AgreedContributionsNeedADate) {
  Contribution c;
  c.what = "Twee opbouwwerkers, elk 4 uur per week";
  c.hours = 400;
  c.start_year = 2025;
  c.end_year = 2027;
  EXPECT_TRUE(validate(c).empty());
  c.status = ContributionStatus::afgesproken;
  EXPECT_EQ(validate(c).at("agreed_on"), "error.agreed_on_required");
  c.agreed_on = "2025-01-20";
  EXPECT_TRUE(validate(c).empty());
  c.euros = -5;
  c.end_year = 2024;
  const auto errors = validate(c);
  EXPECT_EQ(errors.at("euros"), "error.not_negative");
  EXPECT_EQ(errors.at("end_year"), "error.end_year");
}

TEST(Actions, OverdueMeansNotFinishedAndPastItsDate) {
  Action a;
  a.title = "Subsidieaanvraag indienen";
  a.due_date = "2026-03-01";
  EXPECT_TRUE(validate(a).empty());
  EXPECT_TRUE(is_overdue(a, "2026-03-02"));
  EXPECT_FALSE(is_overdue(a, "2026-03-01"));
  a.status = ActionStatus::klaar;
  EXPECT_FALSE(is_overdue(a, "2026-03-02"));
  a.due_date = "1 maart";
  EXPECT_EQ(validate(a).at("due_date"), "error.date");
}
