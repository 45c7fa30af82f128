// The training register's rules (issue 13): until when a training holds, coverage per partner,
// role and wijk, who needs a refresher, yearly values, and attendance lists.
#include <gtest/gtest.h>

#include "domain/dates.h"
#include "domain/training.h"

namespace kompas::domain {
namespace {

TEST(Dates, AddMonthsKeepsTheDayOrTakesTheMonthsLast) {
  EXPECT_EQ(add_months("2026-01-31", 1), "2026-02-28");
  EXPECT_EQ(add_months("2024-01-31", 1), "2024-02-29");
  EXPECT_EQ(add_months("2026-11-15", 3), "2027-02-15");
  EXPECT_EQ(add_months("2026-03-10", -12), "2025-03-10");
  EXPECT_EQ(add_months("2026-03-10", 0), "2026-03-10");
}

TEST(Training, ValidUntilTakesTheLatestEndOfWhatWasAttendedByThen) {
  const std::vector<Attendance> attended = {
      {1, "2024-05-01", 24}, {1, "2025-02-01", 12}, {2, "2026-01-01", 0}, {3, "2027-01-01", 12}};
  const auto until = valid_until(attended, "2026-06-30");
  EXPECT_EQ(until.at(1), "2026-05-01");  // 2024 + 24 months beats 2025 + 12
  EXPECT_EQ(until.at(2), "9999-12-31");  // does not expire
  EXPECT_FALSE(until.contains(3));       // not attended yet on that day
}

TEST(Training, CoverageIsValidOutOfStatedWithTheTrainedAsAFloor) {
  const std::vector<Participant> people = {{1, "A", 10, "huismeester", "WK1"},
                                           {2, "B", 10, "huismeester", ""},
                                           {3, "C", 10, "huismeester", "WK1"},
                                           {4, "D", 20, "vrijwilliger", ""}};
  const std::map<long long, std::string> until = {
      {1, "2027-01-01"}, {2, "2026-11-30"}, {3, "2026-12-01"}, {4, "9999-12-31"}};
  const std::vector<FrontlineCount> counts = {{0, 10, "huismeester", "WK1", 6},
                                              {0, 10, "huismeester", "WK2", 4}};
  const auto c = coverage(people, until, counts, "2026-12-01");
  // Partner 10: A and C valid (B ended the day before), of 10 stated.
  EXPECT_EQ(c.by_partner.at(10).trained, 2);
  EXPECT_EQ(c.by_partner.at(10).total, 10);
  // Partner 20 stated nothing: its one trained person is its total.
  EXPECT_EQ(c.by_partner.at(20).total, 1);
  EXPECT_TRUE(c.stated_too_low.contains({20, "vrijwilliger"}));
  EXPECT_EQ(c.overall.trained, 3);
  EXPECT_EQ(c.overall.total, 11);
  EXPECT_NEAR(*c.overall.percent(), 300.0 / 11, 1e-12);
  EXPECT_EQ(c.by_role.at("huismeester").trained, 2);
  EXPECT_EQ(c.by_wijk.at("WK1").trained, 2);
  EXPECT_EQ(c.by_wijk.at("WK1").total, 6);
  EXPECT_EQ(c.by_wijk.at("WK2").trained, 0);
  // D works in no one wijk: the rest row holds D, so the wijken add up to the whole.
  EXPECT_EQ(c.by_wijk.at("").trained, 1);
  EXPECT_EQ(c.by_wijk.at("").total, 1);
  CoverageCell sum;
  for (const auto& [wijk, cell] : c.by_wijk) sum.add(cell);
  EXPECT_EQ(sum.trained, c.overall.trained);
  EXPECT_EQ(sum.total, c.overall.total);
  EXPECT_FALSE(CoverageCell{}.percent());
}

TEST(Training, RefreshersAreDueWithinThreeMonthsOrExpired) {
  const std::map<long long, std::string> until = {{1, "2027-03-01"}, {2, "2027-03-02"},
                                                  {3, "2026-12-01"}, {4, "2026-11-30"},
                                                  {5, "2025-01-01"}, {6, "9999-12-31"}};
  const auto list = refreshers(until, "2026-12-01");
  EXPECT_EQ(list.due_soon, (std::vector<long long>{3, 1}));
  EXPECT_EQ(list.expired, (std::vector<long long>{4, 5}));
}

TEST(Training, YearlyCoverageRunsFromTheFirstSessionToToday) {
  const std::vector<Participant> people = {{1, "A", 10, "huismeester", ""},
                                           {2, "B", 10, "huismeester", ""}};
  const std::vector<Attendance> attended = {{1, "2024-03-01", 12}, {2, "2025-06-01", 24}};
  const std::vector<FrontlineCount> counts = {{0, 10, "huismeester", "", 4}};
  const auto values = yearly_coverage(people, attended, counts, "2026-12-01");
  EXPECT_EQ(values.size(), 3u);
  EXPECT_DOUBLE_EQ(values.at(2024), 25.0);  // A valid until 2025-03-01
  EXPECT_DOUBLE_EQ(values.at(2025), 25.0);  // only B on 31 December
  EXPECT_DOUBLE_EQ(values.at(2026), 25.0);  // B until 2027-06-01
  EXPECT_TRUE(yearly_coverage(people, {}, counts, "2026-12-01").empty());
}

TEST(Training, AnAttendanceListNamesEveryProblemAndKeepsNothingThen) {
  const std::vector<NamedId> partners = {{10, "Welzijn Noord"}, {20, "Zorg Zuid"}};
  const std::vector<NamedCode> roles = {{"huismeester", "Huismeester of klusjesman"},
                                        {"vrijwilliger", "Vrijwilliger"}};
  const std::vector<NamedCode> wijken = {{"WK999901", "Noord"}};
  auto read = parse_attendance_csv(
      "Naam;Organisatie;Rol;Wijk\n"
      "Eva;welzijn noord;HUISMEESTER;noord\n"
      "Jan;Zorg Zuid;Vrijwilliger;\n",
      partners, roles, wijken);
  ASSERT_TRUE(read.problems.empty());
  ASSERT_EQ(read.participants.size(), 2u);
  EXPECT_EQ(read.participants[0].partner_id, 10);
  EXPECT_EQ(read.participants[0].role, "huismeester");
  EXPECT_EQ(read.participants[0].wijk_code, "WK999901");
  EXPECT_EQ(read.participants[1].wijk_code, "");

  read = parse_attendance_csv(
      "naam;organisatie;rol;wijk\n"
      "Eva;Bakkerij;Vrijwilliger;\n"
      ";Zorg Zuid;Vrijwilliger;Zuid\n"
      "Jan;Zorg Zuid;Vrijwilliger;\n"
      "jan;zorg zuid;vrijwilliger;\n",
      partners, roles, wijken);
  EXPECT_TRUE(read.participants.empty());
  ASSERT_EQ(read.problems.size(), 4u);
  EXPECT_EQ(read.problems[0].code, "attendance.unknown_partner");
  EXPECT_EQ(read.problems[0].line, 2u);
  EXPECT_EQ(read.problems[0].column, 2u);
  EXPECT_EQ(read.problems[1].code, "attendance.no_name");
  EXPECT_EQ(read.problems[2].code, "attendance.unknown_wijk");
  EXPECT_EQ(read.problems[3].code, "attendance.duplicate");
  EXPECT_EQ(read.problems[3].params.at("value"), "4");

  // A partner's staff read in only their own organisation's people.
  read = parse_attendance_csv("naam;organisatie;rol\nEva;Zorg Zuid;Vrijwilliger\n", partners, roles,
                              wijken, 10);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].code, "attendance.not_your_partner");

  EXPECT_EQ(
      parse_attendance_csv("naam;organisatie;rol\n", partners, roles, wijken).problems.front().code,
      "attendance.no_rows");
}

TEST(Training, FieldsHaveTheirLimits) {
  Training t;
  t.title = "Gesprek";
  EXPECT_TRUE(validate(t).empty());
  t.valid_months = 121;
  t.hours = -1;
  EXPECT_EQ(validate(t).size(), 2u);
  TrainingSession s{0, 1, "2026-02-30", "", "", 0};
  EXPECT_EQ(validate(s).at("date"), "error.date");
  EXPECT_EQ(validate(FrontlineCount{0, 1, "huismeester", "", -1}).at("count"),
            "training.error_count");
}

}  // namespace
}  // namespace kompas::domain
