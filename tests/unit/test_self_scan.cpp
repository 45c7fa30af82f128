// The coalition's self-scan (issue 12, point 6): pillar scores, which years may be scanned, and
// the list of terms.
#include <gtest/gtest.h>

#include "domain/self_scan.h"
#include "domain/text_limits.h"

namespace kompas::domain {
namespace {

Instrument two_pillars() {
  Instrument instrument;
  instrument.version = 1;
  CheckTheme a{"a", {"A", "A"}, {}}, b{"b", {"B", "B"}, {}};
  for (const auto* code : {"a1", "a2", "a3"}) a.questions.push_back({code, "", {}, {}, {}});
  b.questions.push_back({"b1", "", {}, {}, {}});
  instrument.themes = {a, b};
  return instrument;
}

TEST(SelfScan, APillarScoresTheMeanOfItsScoresToOneDecimal) {
  const auto scores = pillar_scores(two_pillars(), {{"a1", {6}}, {"a2", {7}}, {"a3", {7}}});
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0].code, "a");
  EXPECT_DOUBLE_EQ(*scores[0].score, 6.7);  // 20 / 3 = 6.666…
  EXPECT_EQ(scores[0].scored, 3u);
  EXPECT_FALSE(scores[1].score);  // b1 unanswered: no score, not a zero
}

TEST(SelfScan, NotApplicableAndUnansweredQuestionsDoNotCount) {
  const auto scores = pillar_scores(
      two_pillars(), {{"a1", {4}}, {"a2", {std::nullopt, true, "geen budget"}}, {"b1", {9}}});
  EXPECT_DOUBLE_EQ(*scores[0].score, 4.0);
  EXPECT_EQ(scores[0].scored, 1u);
  EXPECT_EQ(scores[0].not_applicable, 1u);
  EXPECT_DOUBLE_EQ(*scores[1].score, 9.0);
  // Only n.v.t.: no score.
  EXPECT_FALSE(pillar_scores(two_pillars(), {{"b1", {std::nullopt, true, "x"}}})[1].score);
}

TEST(SelfScan, ScoresRoundToTheNearestTenth) {
  const auto score = [](int x, int y, int z) {
    return *pillar_scores(two_pillars(), {{"a1", {x}}, {"a2", {y}}, {"a3", {z}}})[0].score;
  };
  EXPECT_DOUBLE_EQ(score(5, 6, 6), 5.7);   // 5.666…
  EXPECT_DOUBLE_EQ(score(9, 9, 10), 9.3);  // 9.333…
  EXPECT_DOUBLE_EQ(score(1, 10, 10), 7.0);
  EXPECT_DOUBLE_EQ(*pillar_scores(two_pillars(), {{"a1", {6}}, {"a2", {7}}})[0].score, 6.5);
}

TEST(SelfScan, OnlyThisYearOrLastYear) {
  EXPECT_TRUE(is_this_or_last_year(2026, 2026));
  EXPECT_TRUE(is_this_or_last_year(2025, 2026));
  EXPECT_FALSE(is_this_or_last_year(2024, 2026));
  EXPECT_FALSE(is_this_or_last_year(2027, 2026));
}

TEST(Terms, ATermAndItsMeaningAreRequiredAndBounded) {
  EXPECT_TRUE(validate(Term{0, "Kartrekker", "Wie de coalitie bij elkaar houdt."}).empty());
  const auto empty = validate(Term{});
  EXPECT_EQ(empty.at("term"), "error.required");
  EXPECT_EQ(empty.at("meaning"), "error.required");
  // Counted in characters: "é" is two bytes and one character.
  const auto times = [](std::size_t n, const std::string& c) {
    std::string text;
    for (std::size_t i = 0; i < n; ++i) text += c;
    return text;
  };
  const auto long_one =
      validate(Term{0, times(text_limit::name + 1, "é"), times(text_limit::note + 1, "y")});
  EXPECT_EQ(long_one.at("term"), "error.too_long");
  EXPECT_EQ(long_one.at("meaning"), "error.too_long");
  EXPECT_TRUE(
      validate(Term{0, times(text_limit::name, "é"), times(text_limit::note, "é")}).empty());
}

}  // namespace
}  // namespace kompas::domain
