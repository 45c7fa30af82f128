#include <gtest/gtest.h>

#include "domain/survey_file.h"

using namespace kompas::domain;

namespace {

const std::string djg_header = "djg1;djg2;djg3;djg4;djg5;djg6;djg7;djg8;djg9;djg10;djg11";
const std::string all_ja = "ja;ja;ja;ja;ja;ja;ja;ja;ja;ja;ja";

SurveyFileOptions djg11() {
  SurveyFileOptions options;
  options.scale = Scale::djg11;
  return options;
}

std::vector<std::string> codes(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.code);
  return out;
}

}  // namespace

TEST(SurveyFile, ReadsAnswersWeightsStrataAndGroups) {
  auto options = djg11();
  options.weight_column = "Weging";  // column names match without regard to case
  options.strata_column = "stratum";
  options.group_columns = {"wijk"};
  const std::string file = "\xEF\xBB\xBFnr;wijk;weging;stratum;" + djg_header + "\r\n" +
                           "1;Noord;1,5;A;" + all_ja + "\r\n" +
                           "2;Zuid;0.75;B;nee!;Nee;min of meer;;ja;ja!;ja;ja;ja;ja;ja\r\n" +
                           ";;;;;;;;;;;;;;;\r\n" +  // a blank row Excel left behind
                           "3;;2;A;" + all_ja + "\r\n";
  const auto read = read_survey(file, options);
  ASSERT_TRUE(read.ok()) << read.problems.front().code;
  const auto& d = read.data;
  EXPECT_EQ(d.respondents, 3u);
  EXPECT_EQ(d.items, 11u);
  EXPECT_EQ(d.weights, (std::vector<double>{1.5, 0.75, 2}));
  EXPECT_EQ(d.strata.values, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(d.strata.ids, (std::vector<std::uint32_t>{0, 1, 0}));
  ASSERT_EQ(d.groups.size(), 1u);
  EXPECT_EQ(d.groups[0].name, "wijk");
  EXPECT_EQ(d.groups[0].values, (std::vector<std::string>{"Noord", "Zuid"}));
  EXPECT_EQ(d.groups[0].ids, (std::vector<std::uint32_t>{0, 1, CategoryColumn::no_value}));
  EXPECT_EQ(d.answers[11 + 0], djg_code(DjgAnswer::nee_nee));
  EXPECT_EQ(d.answers[11 + 2], djg_code(DjgAnswer::min_of_meer));
  EXPECT_EQ(d.answers[11 + 3], missing_answer);
  EXPECT_EQ(d.answers[11 + 5], djg_code(DjgAnswer::ja_ja));
}

TEST(SurveyFile, CommaTabQuotesAndWindows1252) {
  const std::string comma =
      "wijk,opmerking," + std::string("djg1,djg2,djg3,djg4,djg5,djg6,djg7,djg8,djg9,djg10,djg11") +
      "\n\"Oost\",\"Fijn, maar \"\"stil\"\"\necht\"," + "ja,ja,ja,ja,ja,ja,ja,ja,ja,ja,ja\n";
  auto options = djg11();
  options.group_columns = {"wijk"};
  auto read = read_survey(comma, options);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.data.respondents, 1u);
  EXPECT_EQ(read.data.groups[0].values, (std::vector<std::string>{"Oost"}));

  std::string tab = "wijk\t" + djg_header + "\nCaf\xE9\t" + all_ja + "\n";  // é in Windows-1252
  std::replace(tab.begin(), tab.end(), ';', '\t');
  read = read_survey(tab, options);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.data.groups[0].values, (std::vector<std::string>{"Caf\xC3\xA9"}));
}

TEST(SurveyFile, OtherColumnNamesThroughTheMap) {
  std::vector<Problem> problems;
  auto options = djg11();
  options.scale = Scale::djg6;
  options.item_columns = *parse_item_map("djg3=v3, djg4=v4", Scale::djg6, problems);
  const std::string file = "v3;v4;djg7;djg8;djg9;djg10\nja;nee;ja;ja;ja;ja\n";
  const auto read = read_survey(file, options);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.data.items, 6u);
  EXPECT_EQ(read.data.answers[1], djg_code(DjgAnswer::nee));
  EXPECT_FALSE(parse_item_map("djg1=v1", Scale::djg6, problems));  // not an item of DJG-6
  EXPECT_FALSE(parse_item_map("djg3", Scale::djg6, problems));
  EXPECT_FALSE(parse_item_map("djg3=a,djg3=b", Scale::djg6, problems));
  EXPECT_EQ(codes(problems), (std::vector<std::string>(3, "survey.bad_map")));
}

TEST(SurveyFile, AnUnknownAnswerNamesLineColumnAndValue) {
  const std::string file =
      "wijk;" + djg_header + "\nA;" + all_ja + "\nA;ja;ja;ja;misschien;" + "ja;ja;ja;ja;ja;ja;ja\n";
  auto read = read_survey(file, djg11());
  ASSERT_EQ(read.problems.size(), 1u);
  const Problem expected{
      3, 5, "survey.bad_answer", {{"column_name", "djg4"}, {"value", "misschien"}}};
  EXPECT_EQ(read.problems[0], expected);
  EXPECT_EQ(read.data.respondents, 0u);  // nothing half-read is handed out

  auto lenient = djg11();
  lenient.lenient = true;
  read = read_survey(file, lenient);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.data.unknown_answers, 1u);
  ASSERT_EQ(read.notices.size(), 1u);
  EXPECT_EQ(read.notices[0], expected);
  EXPECT_EQ(read.data.answers[11 + 3], missing_answer);
}

TEST(SurveyFile, WeightsMustBePositiveNumbers) {
  auto options = djg11();
  options.weight_column = "w";
  for (const char* bad : {"abc", "0", "-1", "1,2,3", "inf", "1e999"}) {
    const auto read = read_survey("w;" + djg_header + "\n" + bad + ";" + all_ja + "\n", options);
    ASSERT_EQ(codes(read.problems), (std::vector<std::string>{"survey.bad_weight"})) << bad;
    EXPECT_EQ(read.problems[0].params.at("value"), bad);
  }
  const auto read = read_survey("w;" + djg_header + "\n ;" + all_ja + "\n", options);
  EXPECT_EQ(codes(read.problems), (std::vector<std::string>{"survey.missing_weight"}));
}

TEST(SurveyFile, EveryRespondentNeedsAStratum) {
  auto options = djg11();
  options.strata_column = "s";
  const auto read =
      read_survey("s;" + djg_header + "\nA;" + all_ja + "\n;" + all_ja + "\n", options);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].code, "survey.missing_stratum");
  EXPECT_EQ(read.problems[0].line, 3u);
}

TEST(SurveyFile, AgeBands) {
  std::vector<Problem> problems;
  auto options = djg11();
  options.age_column = "leeftijd";
  options.group_columns = {"leeftijd"};
  options.age_bands = *parse_age_bands("18-64, 65-74, 75+", problems);
  ASSERT_EQ(options.age_bands.size(), 3u);
  std::string file = "leeftijd;" + djg_header + "\n";
  for (const char* age : {"17", "18", "64", "65", "74", "75", "104", ""})
    file += std::string(age) + ";" + all_ja + "\n";
  const auto read = read_survey(file, options);
  ASSERT_TRUE(read.ok());
  const auto none = CategoryColumn::no_value;
  EXPECT_TRUE(read.data.groups[0].ordered);
  EXPECT_EQ(read.data.groups[0].values, (std::vector<std::string>{"18-64", "65-74", "75+"}));
  EXPECT_EQ(read.data.groups[0].ids, (std::vector<std::uint32_t>{none, 0, 0, 1, 1, 2, 2, none}));
  EXPECT_EQ(read.data.ages, (std::vector<std::int16_t>{17, 18, 64, 65, 74, 75, 104, -1}));

  const auto bad = read_survey("leeftijd;" + djg_header + "\nzestig;" + all_ja + "\n", options);
  EXPECT_EQ(codes(bad.problems), (std::vector<std::string>{"survey.bad_age"}));
  for (const char* text : {"65-74,18-64", "18-64,64-74", "18", "a-b", "75+,80+", "18-64,"})
    EXPECT_FALSE(parse_age_bands(text, problems).has_value()) << text;
}

TEST(SurveyFile, ColumnsAndShapeProblems) {
  auto options = djg11();
  options.weight_column = "gewicht";
  auto read = read_survey("djg1;djg2\nja;ja\n", options);
  EXPECT_EQ(read.problems.size(), 10u);  // djg3..djg11 and the weight column
  EXPECT_EQ(read.problems.back(), (Problem{1, 0, "survey.missing_column", {{"name", "gewicht"}}}));

  read = read_survey("djg1;" + djg_header + "\n", djg11());
  EXPECT_EQ(codes(read.problems), (std::vector<std::string>{"csv.duplicate_header"}));
  read = read_survey(djg_header + "\n", djg11());
  EXPECT_EQ(codes(read.problems), (std::vector<std::string>{"survey.no_respondents"}));
  read = read_survey("", djg11());
  EXPECT_EQ(codes(read.problems), (std::vector<std::string>{"csv.empty"}));
  read = read_survey(std::string("PK\x03\x04\0\0", 6), djg11());
  EXPECT_EQ(codes(read.problems), (std::vector<std::string>{"text.binary"}));
  read = read_survey(djg_header + "\nja;ja\n", djg11());
  EXPECT_EQ(codes(read.problems), (std::vector<std::string>{"csv.field_count"}));
  read = read_survey(djg_header + "\n\"ja;ja", djg11());  // cut off in the middle
  EXPECT_EQ(codes(read.problems), (std::vector<std::string>{"csv.unterminated_quote"}));
  // A separator that is not ';', ',' or tab leaves one column: no item columns are found.
  read = read_survey("djg1|djg2|djg3|djg4|djg5|djg6|djg7|djg8|djg9|djg10|djg11\nja|ja\n", djg11());
  EXPECT_EQ(read.problems.size(), 11u);
}

TEST(SurveyFile, HugeLinesAndFieldsEndInAClearError) {
  std::string wide = djg_header;
  for (int i = 0; i < 10'000; ++i) wide += ";x" + std::to_string(i);
  auto read = read_survey(wide + "\n", djg11());
  EXPECT_EQ(codes(read.problems), (std::vector<std::string>{"csv.too_many_columns"}));

  std::string big = djg_header + ";opmerking\n" + all_ja + ";";
  big.append(100u << 20, 'x');  // one field of 100 MB
  read = read_survey(big, djg11());
  EXPECT_EQ(codes(read.problems), (std::vector<std::string>{"csv.field_too_long"}));
  EXPECT_EQ(read.problems[0].line, 2u);
}

TEST(SurveyFile, TwoThreadsReadTheSameAsOne) {
  // Rows with quoted line breaks, so the cut in the middle can fall inside a quoted cell.
  std::string file = "wijk;stratum;opmerking;" + djg_header + "\r\n";
  for (int r = 0; r < 3000; ++r) {
    file += "W" + std::to_string(r % 7) + ";S" + std::to_string(r % 3) + ";";
    file += r % 2 ? "\"regel een\r\nregel \"\"twee\"\"\"" : "geen";
    file +=
        ";" + std::string(r % 5 ? all_ja : "nee;nee;;ja;ja;min of meer;ja;ja;ja;ja;ja") + "\r\n";
  }
  auto options = djg11();
  options.group_columns = {"wijk"};
  options.strata_column = "stratum";
  options.two_threads_from = std::size_t(-1);
  const auto one = read_survey(file, options);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one.data.respondents, 3000u);
  for (std::size_t from : {std::size_t{1000}, std::size_t{100}}) {
    options.two_threads_from = from;  // both cut points: inside and outside quotes
    for (std::size_t shift = 0; shift < 40; shift += 7) {
      const auto two = read_survey(file.substr(0, file.size() - shift * 200), options);
      const auto reference = shift == 0 ? one : [&] {
        auto o = options;
        o.two_threads_from = std::size_t(-1);
        return read_survey(file.substr(0, file.size() - shift * 200), o);
      }();
      ASSERT_EQ(two.problems, reference.problems);  // a cut-off last row: the same problem
      if (!two.ok()) continue;
      EXPECT_EQ(two.data.respondents, reference.data.respondents);
      EXPECT_EQ(two.data.answers, reference.data.answers);
      EXPECT_EQ(two.data.groups[0].ids.size(), reference.data.groups[0].ids.size());
      for (std::size_t r = 0; r < two.data.respondents; ++r) {
        const auto& g2 = two.data.groups[0];
        const auto& g1 = reference.data.groups[0];
        ASSERT_EQ(g2.values[g2.ids[r]], g1.values[g1.ids[r]]);
        ASSERT_EQ(two.data.strata.values[two.data.strata.ids[r]],
                  reference.data.strata.values[reference.data.strata.ids[r]]);
      }
    }
  }
}

TEST(SurveyFile, ProblemsInTheSecondHalfHaveTheirRealLine) {
  std::string file = "opmerking;" + djg_header + "\n";
  for (int r = 0; r < 2000; ++r) file += (r % 3 ? "\"a\nb\";" : "c;") + all_ja + "\n";
  file += "d;" + std::string("ja;ja;ja;ja;ja;ja;ja;ja;ja;ja;jaaa") + "\n";
  auto options = djg11();
  options.two_threads_from = 1000;
  const auto read = read_survey(file, options);
  ASSERT_EQ(read.problems.size(), 1u);
  // Line 1 is the header; 2000 rows, two thirds of them two lines long.
  EXPECT_EQ(read.problems[0].line, 2u + 2000 + 1333);
  EXPECT_EQ(read.problems[0].column, 12u);
}
