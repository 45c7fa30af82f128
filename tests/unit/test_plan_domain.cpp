// Ambitions, indicators and the numbers people type for them.
#include <gtest/gtest.h>

#include "domain/ambitions.h"
#include "domain/indicators.h"
#include "domain/year_values.h"

using namespace kompas::domain;

TEST(YearValues, PairsPerLineOrSemicolon) {
  const auto values = parse_year_values("2025: 13,5\r\n2026=12\n\n 2027 : 11 ");
  ASSERT_TRUE(values);
  EXPECT_EQ(*values, (std::map<int, double>{{2025, 13.5}, {2026, 12.0}, {2027, 11.0}}));
  EXPECT_EQ(*parse_year_values("2025: 1; 2026: 2"), (std::map<int, double>{{2025, 1}, {2026, 2}}));
  // People reached are whole: "12,5" is refused where only whole numbers count.
  EXPECT_FALSE(parse_year_values("2025: 12,5", NumberStyle::dutch, false, true));
  EXPECT_EQ(parse_year_values("2025: 1.500", NumberStyle::dutch, false, true)->at(2025), 1500);
  EXPECT_TRUE(parse_year_values("")->empty());
  EXPECT_FALSE(parse_year_values("2025 13"));
  EXPECT_FALSE(parse_year_values("2025: 1\n2025: 2"));  // a year twice
  EXPECT_FALSE(parse_year_values("1800: 1"));
  EXPECT_FALSE(parse_year_values("twintig: 1"));
  EXPECT_FALSE(parse_year_values("2025: veel"));
  EXPECT_EQ(*parse_year_values("2027: 1.500"), (std::map<int, double>{{2027, 1500}}));
  EXPECT_FALSE(parse_year_values("2027: 1.5"));
}

TEST(YearValues, FormattedShortWithTheLanguagesSeparator) {
  EXPECT_EQ(format_decimal(12.5), "12,5");
  EXPECT_EQ(format_decimal(12.5, '.'), "12.5");
  EXPECT_EQ(format_decimal(40), "40");
  EXPECT_EQ(format_decimal(0.126, ',', 2), "0,13");
  EXPECT_EQ(format_decimal(-0.001), "0");
  EXPECT_EQ(format_year_values({{2025, 13.5}, {2026, 12}}), "2025: 13,5\n2026: 12");
  EXPECT_EQ(*parse_year_values(format_year_values({{2025, 13.25}})),
            (std::map<int, double>{{2025, 13.25}}));
}

namespace {

Ambition valid_ambition() {
  Ambition a;
  a.title = "Minder ernstige eenzaamheid bij 75-plussers";
  a.statement = "Over drie jaar willen we dat minder 75-plussers zich ernstig eenzaam voelen.";
  a.target_group = "75plus";
  a.areas = {"WK999901"};
  a.start_year = 2025;
  a.end_year = 2027;
  return a;
}

const std::set<std::string> kAreas = {"WK999901", "BU99990101"};

}  // namespace

TEST(Ambitions, AValidAmbitionHasNoErrors) {
  EXPECT_TRUE(validate(valid_ambition(), kAreas).empty());
}

TEST(Ambitions, EachFieldIsChecked) {
  auto a = valid_ambition();
  a.title = " ";
  a.statement = "";
  a.target_group = "katten";
  a.areas = {"WK000001"};
  const auto errors = validate(a, kAreas);
  EXPECT_EQ(errors.at("title"), "error.required");
  EXPECT_EQ(errors.at("statement"), "error.required");
  EXPECT_EQ(errors.at("target_group"), "error.choose");
  EXPECT_EQ(errors.at("areas"), "error.unknown_area");
}

TEST(Ambitions, ThePeriodRunsForwardAndAtMostTenYears) {
  auto a = valid_ambition();
  a.end_year = 2024;
  EXPECT_EQ(validate(a, kAreas).at("end_year"), "error.end_year");
  a.end_year = 2036;
  EXPECT_EQ(validate(a, kAreas).at("end_year"), "error.end_year");
  a.start_year = 1999;
  a.end_year = 2001;
  EXPECT_EQ(validate(a, kAreas).at("start_year"), "error.year");
}

namespace {

Indicator population_indicator() {
  Indicator ind;
  ind.name = "% (zeer) ernstig eenzaam, 75+, wijk Noord";
  ind.kind = "bevolking";
  ind.unit = "procent";
  ind.survey_indicator = "ernstig_eenzaam";
  ind.area_code = "WK999901";
  ind.age_band = "75+";
  ind.baseline_value = 14;
  ind.baseline_date = "2024-10-01";
  ind.targets = {{2027, 11}};
  return ind;
}

}  // namespace

TEST(Indicators, PopulationIndicatorsNeedASurveyIndicatorAndPercent) {
  EXPECT_TRUE(validate(population_indicator(), kAreas).empty());
  auto ind = population_indicator();
  ind.survey_indicator = "blij";
  ind.unit = "euro";
  ind.area_code = "WK123456";
  const auto errors = validate(ind, kAreas);
  EXPECT_EQ(errors.at("survey_indicator"), "error.choose");
  EXPECT_EQ(errors.at("unit"), "error.population_percent");
  EXPECT_EQ(errors.at("area_code"), "error.unknown_area");
}

TEST(Indicators, ActivityMeasuresNeedOneOfTheThreeQuestions) {
  Indicator ind;
  ind.name = "Aantal deelnemers aan de huiskamer";
  ind.kind = "activiteit";
  ind.unit = "aantal";
  ind.polarity = Polarity::higher_is_better;
  ind.targets = {{2026, 200}};
  EXPECT_EQ(validate(ind, kAreas).at("question"), "error.choose");
  ind.question = "hoeveel";
  EXPECT_TRUE(validate(ind, kAreas).empty());
}

TEST(Indicators, ValuesMustFitTheUnit) {
  auto ind = population_indicator();
  ind.baseline_value = 140;
  ind.targets = {{2027, -1}};
  ind.forecast = {{2027, 101}};
  auto errors = validate(ind, kAreas);
  EXPECT_EQ(errors.at("baseline_value"), "error.percent");
  EXPECT_EQ(errors.at("targets"), "error.year_values_range");
  EXPECT_EQ(errors.at("forecast"), "error.year_values_range");
  ind = population_indicator();
  ind.targets.clear();
  ind.baseline_date = "";
  errors = validate(ind, kAreas);
  EXPECT_EQ(errors.at("targets"), "error.targets_required");
  EXPECT_EQ(errors.at("baseline_date"), "error.required");
  EXPECT_EQ(validate(EnteredValue{2025, 100.5, "", ""}, "procent", 2026).at("value"),
            "error.percent");
  EXPECT_EQ(validate(EnteredValue{2025, -2, "", ""}, "euro", 2026).at("value"),
            "error.not_negative");
  EXPECT_EQ(validate(EnteredValue{99, 2, "", ""}, "euro", 2026).at("year"), "error.year");
  EXPECT_TRUE(validate(EnteredValue{2025, 1e6, "subsidie", "jaarverslag"}, "euro", 2026).empty());
  // A count is whole; a measured value is never for a year still to come.
  EXPECT_EQ(validate(EnteredValue{2025, 12.5, "", ""}, "aantal", 2026).at("value"),
            "error.whole_number");
  EXPECT_TRUE(validate(EnteredValue{2025, 12.5, "", ""}, "uren", 2026).empty());
  EXPECT_EQ(validate(EnteredValue{2029, 3, "", ""}, "aantal", 2026).at("year"),
            "error.future_year");
  EXPECT_TRUE(validate(EnteredValue{2026, 3, "", ""}, "aantal", 2026).empty());
}

TEST(Indicators, ThePathStartsAtTheBaselineOrTheFirstMeasurement) {
  auto ind = population_indicator();
  ind.targets = {{2023, 20}, {2026, 12}, {2027, 11}};  // a target before the baseline is ignored
  auto path = indicator_path(ind, {});
  ASSERT_EQ(path.size(), 3u);
  EXPECT_EQ(path[0].year, 2024);
  EXPECT_EQ(path[0].value, 14);
  EXPECT_EQ(path[2].year, 2027);
  ind.baseline_value.reset();
  ind.baseline_date.clear();
  path = indicator_path(ind, {{2025, 15, {}, {}}, {2022, 16, {}, {}}});
  EXPECT_EQ(path[0].year, 2022);
  EXPECT_EQ(path[0].value, 16);
  EXPECT_EQ(path.size(), 4u);  // the 2023 target now lies after the start
  // Neither a baseline nor a value: no path, so no target is ever shown as the start.
  EXPECT_TRUE(indicator_path(ind, {}).empty());
}

TEST(Indicators, AValueOfTheBaselinesYearCountsWhenTheBaselineIsEarlierInTheYear) {
  auto ind = population_indicator();
  ind.baseline_value = 120;
  ind.baseline_date = "2025-01-01";
  ind.targets = {{2027, 200}};
  EXPECT_EQ(first_year_after_baseline(ind, indicator_path(ind, {})), 2025);
  ind.baseline_date = "2025-12-31";
  EXPECT_EQ(first_year_after_baseline(ind, indicator_path(ind, {})), 2026);
  ind.baseline_value.reset();  // the first value is the start: later years count
  EXPECT_EQ(first_year_after_baseline(ind, indicator_path(ind, {{2025, 130, {}, {}}})), 2026);
  // A baseline typed from its year's measurement is that measurement (the same as shown): the
  // figure is never compared with itself.
  ind.unit = "procent";
  ind.baseline_value = 96.3;
  ind.baseline_date = "2026-09-01";
  const std::vector<Measurement> same = {{2026, 96.2857, 95.0, 97.5}};
  EXPECT_EQ(first_year_after_baseline(ind, indicator_path(ind, same), same), 2027);
  const std::vector<Measurement> other = {{2026, 90.0, 88.0, 92.0}};
  EXPECT_EQ(first_year_after_baseline(ind, indicator_path(ind, other), other), 2026);
}

TEST(Indicators, TargetsOnTheWorseSideOfTheStartAreNamed) {
  auto ind = population_indicator();  // lower is better, baseline 14 in 2024
  ind.targets = {{2026, 15}, {2027, 11}};
  EXPECT_EQ(targets_worse_than_start(ind, indicator_path(ind, {})), std::vector<int>{2026});
  ind.polarity = Polarity::higher_is_better;
  EXPECT_EQ(targets_worse_than_start(ind, indicator_path(ind, {})), std::vector<int>{2027});
}

#include "domain/indicator_values_csv.h"

namespace {
const std::map<long long, std::string> kUnits = {{7, "aantal"}, {8, "procent"}};
}

TEST(IndicatorValuesCsv, ReadsValuesWithCommentAndSource) {
  const auto r = parse_indicator_values(
      "indicator;naam;jaar;waarde;toelichting;bron\n7;Bezoekers;2025;41;Goed jaar;Lijst\n"
      "8;Tevreden;2025;64,5;;\n",
      kUnits, 2026);
  ASSERT_TRUE(r.problems.empty());
  ASSERT_EQ(r.values.size(), 2u);
  EXPECT_EQ(r.values[0].indicator_id, 7);
  EXPECT_EQ(r.values[0].value.year, 2025);
  EXPECT_EQ(r.values[0].value.value, 41);
  EXPECT_EQ(r.values[0].value.comment, "Goed jaar");
  EXPECT_EQ(r.values[1].value.value, 64.5);
}

TEST(IndicatorValuesCsv, EveryBadLineIsNamedAndNothingIsKept) {
  const auto r = parse_indicator_values(
      "indicator,jaar,waarde\n7,2025,41\n99,2025,1\n8,vorig,2\n8,2025,120\n7,2025,42\n7,2026,"
      "veel\n7,2029,3\n7,2024,\"12,5\"\n",
      kUnits, 2026);
  EXPECT_TRUE(r.values.empty());
  std::vector<std::pair<std::size_t, std::string>> seen;
  for (const auto& p : r.problems) seen.emplace_back(p.line, p.code);
  EXPECT_EQ(seen, (std::vector<std::pair<std::size_t, std::string>>{{3, "values.unknown_indicator"},
                                                                    {4, "values.bad_year"},
                                                                    {5, "values.out_of_range"},
                                                                    {6, "values.duplicate"},
                                                                    {7, "values.bad_value"},
                                                                    {8, "values.future_year"},
                                                                    {9, "values.not_whole"}}));
}

TEST(IndicatorValuesCsv, MissingColumnsAndEmptyFiles) {
  auto r = parse_indicator_values("indicator;waarde\n7;1\n", kUnits, 2026);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].code, "values.missing_column");
  r = parse_indicator_values("indicator;jaar;waarde\n", kUnits, 2026);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].code, "values.no_rows");
}
