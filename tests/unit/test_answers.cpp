#include <gtest/gtest.h>

#include "domain/answers.h"

using namespace kompas::domain;

TEST(Answers, NormalisingIgnoresCaseAndSpaces) {
  EXPECT_EQ(normalise_answer("  Min  of\tMEER "), "min of meer");
  EXPECT_EQ(normalise_answer("ja !"), "ja!");
  EXPECT_EQ(normalise_answer("Nee!"), "nee!");
  EXPECT_EQ(normalise_answer("\xC2\xA0ja\xC2\xA0"), "ja");  // no-break spaces from Excel
  EXPECT_EQ(normalise_answer(""), "");
}

TEST(Answers, DjgWordsInDutchAndEnglish) {
  AnswerParser parser(Scale::djg11);
  const std::pair<const char*, DjgAnswer> cases[] = {{"ja", DjgAnswer::ja},
                                                     {"Ja", DjgAnswer::ja},
                                                     {" JA ", DjgAnswer::ja},
                                                     {"ja!", DjgAnswer::ja_ja},
                                                     {"Ja !", DjgAnswer::ja_ja},
                                                     {"min of meer", DjgAnswer::min_of_meer},
                                                     {"Min of meer", DjgAnswer::min_of_meer},
                                                     {"nee", DjgAnswer::nee},
                                                     {"NEE", DjgAnswer::nee},
                                                     {"nee!", DjgAnswer::nee_nee},
                                                     {"yes", DjgAnswer::ja},
                                                     {"Yes!", DjgAnswer::ja_ja},
                                                     {"more or less", DjgAnswer::min_of_meer},
                                                     {"no", DjgAnswer::nee},
                                                     {"no!", DjgAnswer::nee_nee}};
  for (int round = 0; round < 2; ++round) {  // the second round comes from the cache
    for (const auto& [text, answer] : cases) {
      const auto code = parser.parse(text);
      ASSERT_TRUE(code.has_value()) << text;
      EXPECT_EQ(*code, djg_code(answer)) << text;
    }
  }
  EXPECT_EQ(parser.parse(""), missing_answer);
  EXPECT_EQ(parser.parse("   "), missing_answer);
  for (const char* bad : {"1", "2", "misschien", "ja!!", "j a", "NA", "nee, hoor"})
    EXPECT_FALSE(parser.parse(bad).has_value()) << bad;
}

TEST(Answers, UclaWordsAndNumbers) {
  AnswerParser parser(Scale::ucla3);
  const std::pair<const char*, UclaAnswer> cases[] = {
      {"(bijna) nooit", UclaAnswer::hardly_ever},
      {"(Bijna) Nooit", UclaAnswer::hardly_ever},
      {"hardly ever", UclaAnswer::hardly_ever},
      {"1", UclaAnswer::hardly_ever},
      {"soms", UclaAnswer::some_of_the_time},
      {"Some of the time", UclaAnswer::some_of_the_time},
      {"2", UclaAnswer::some_of_the_time},
      {"vaak", UclaAnswer::often},
      {"OFTEN", UclaAnswer::often},
      {" 3 ", UclaAnswer::often}};
  for (const auto& [text, answer] : cases) {
    const auto code = parser.parse(text);
    ASSERT_TRUE(code.has_value()) << text;
    EXPECT_EQ(ucla_answer(*code), answer) << text;
  }
  for (const char* bad : {"0", "4", "ja", "altijd", "1.0"})
    EXPECT_FALSE(parser.parse(bad).has_value()) << bad;
}

TEST(Answers, NumericDjgCodesOnlyWhenGiven) {
  std::vector<Problem> problems;
  const auto codes = parse_answer_codes("1=ja, 2=min of meer ,3=Nee,4=nee!", problems);
  ASSERT_TRUE(codes.has_value());
  AnswerParser parser(Scale::djg11, *codes);
  EXPECT_EQ(parser.parse("1"), djg_code(DjgAnswer::ja));
  EXPECT_EQ(parser.parse(" 2"), djg_code(DjgAnswer::min_of_meer));
  EXPECT_EQ(parser.parse("3"), djg_code(DjgAnswer::nee));
  EXPECT_EQ(parser.parse("4"), djg_code(DjgAnswer::nee_nee));
  EXPECT_EQ(parser.parse("ja"), djg_code(DjgAnswer::ja));  // words still work
  EXPECT_FALSE(parser.parse("5").has_value());
}

TEST(Answers, BadCodesAreReported) {
  for (const char* bad : {"1=ja,1=nee", "1=misschien", "1", "=ja", "1=ja,"}) {
    std::vector<Problem> problems;
    EXPECT_FALSE(parse_answer_codes(bad, problems).has_value()) << bad;
    ASSERT_EQ(problems.size(), 1u) << bad;
    EXPECT_EQ(problems[0].code, "answers.bad_codes");
  }
}

TEST(Answers, FreeTextDoesNotFillTheCacheWrongly) {
  AnswerParser parser(Scale::djg11);
  for (int i = 0; i < 500; ++i)
    EXPECT_FALSE(parser.parse("antwoord " + std::to_string(i)).has_value());
  EXPECT_EQ(parser.parse("ja"), djg_code(DjgAnswer::ja));
  EXPECT_EQ(parser.parse("een heel lang antwoord dat niet past"), std::nullopt);
}

TEST(Answers, ScalesAndDefaultColumns) {
  EXPECT_EQ(parse_scale(" DJG11 "), Scale::djg11);
  EXPECT_EQ(parse_scale("djg6"), Scale::djg6);
  EXPECT_EQ(parse_scale("ucla3"), Scale::ucla3);
  EXPECT_FALSE(parse_scale("djg").has_value());
  EXPECT_EQ(default_item_columns(Scale::djg6),
            (std::vector<std::string>{"djg3", "djg4", "djg7", "djg8", "djg9", "djg10"}));
  EXPECT_EQ(default_item_columns(Scale::djg11).back(), "djg11");
  EXPECT_EQ(default_item_columns(Scale::ucla3).size(), 3u);
}
