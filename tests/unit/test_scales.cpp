// Scale scoring against the rules in ../shared/reference/measurement.md: every answer of every
// item, the category boundaries and the missing-item boundaries.
#include <gtest/gtest.h>

#include "domain/scales.h"

namespace kompas::domain {
namespace {

constexpr DjgAnswer kAllAnswers[] = {DjgAnswer::nee_nee, DjgAnswer::nee, DjgAnswer::min_of_meer,
                                     DjgAnswer::ja, DjgAnswer::ja_ja};

TEST(DjgItems, EveryAnswerOfEveryItem) {
  // Reference table: negative items score 1 for ja!, ja, min of meer; positive items score 1
  // for nee!, nee, min of meer.
  const bool positive[12] = {false, true, false, false, true,  false,
                             false, true, true,  false, false, true};
  for (int item = 1; item <= 11; ++item) {
    EXPECT_EQ(djg_item_is_positive(item), positive[item]) << item;
    for (DjgAnswer answer : kAllAnswers) {
      const bool lonely_side = positive[item]
                                   ? (answer == DjgAnswer::nee || answer == DjgAnswer::nee_nee)
                                   : (answer == DjgAnswer::ja || answer == DjgAnswer::ja_ja);
      const int expected = (lonely_side || answer == DjgAnswer::min_of_meer) ? 1 : 0;
      EXPECT_EQ(djg_item_score(item, answer), expected)
          << "item " << item << " answer " << static_cast<int>(answer);
    }
  }
  EXPECT_THROW(djg_item_is_positive(0), std::out_of_range);
  EXPECT_THROW(djg_item_score(12, DjgAnswer::ja), std::out_of_range);
}

Djg11Answers all_djg11(DjgAnswer negative_items, DjgAnswer positive_items) {
  Djg11Answers answers;
  for (int item = 1; item <= 11; ++item)
    answers[item - 1] = djg_item_is_positive(item) ? positive_items : negative_items;
  return answers;
}

TEST(Djg11, ExtremesAndSubscales) {
  const auto none = score_djg11(all_djg11(DjgAnswer::nee, DjgAnswer::ja));
  EXPECT_EQ(none.total, 0);
  EXPECT_EQ(none.emotional, 0);
  EXPECT_EQ(none.social, 0);
  const auto all = score_djg11(all_djg11(DjgAnswer::ja_ja, DjgAnswer::nee_nee));
  EXPECT_EQ(all.total, 11);
  EXPECT_EQ(all.emotional, 6);
  EXPECT_EQ(all.social, 5);
  const auto neutral = score_djg11(all_djg11(DjgAnswer::min_of_meer, DjgAnswer::min_of_meer));
  EXPECT_EQ(neutral.total, 11);
  // Only emotional loneliness: the negative items agreed, the positive ones agreed too.
  const auto emotional = score_djg11(all_djg11(DjgAnswer::ja, DjgAnswer::ja));
  EXPECT_EQ(emotional.total, 6);
  EXPECT_EQ(emotional.emotional, 6);
  EXPECT_EQ(emotional.social, 0);
}

TEST(Djg11, OneMissingItemSumsTheRestTwoMakeItMissing) {
  auto answers = all_djg11(DjgAnswer::ja, DjgAnswer::nee);  // 11 when complete
  answers[1].reset();                                       // item 2, emotional
  auto one = score_djg11(answers);
  EXPECT_EQ(one.total, 10);  // no pro-rating
  EXPECT_EQ(one.emotional, 5);
  EXPECT_EQ(one.social, 5);
  answers[0].reset();  // item 1, social
  auto two = score_djg11(answers);
  EXPECT_FALSE(two.total);
  EXPECT_EQ(two.emotional, 5);  // each subscale still misses only one item
  EXPECT_EQ(two.social, 4);
  answers[2].reset();  // item 3: a second emotional item
  auto three = score_djg11(answers);
  EXPECT_FALSE(three.emotional);
  EXPECT_EQ(three.social, 4);
  EXPECT_FALSE(score_djg11(Djg11Answers{}).total);
}

TEST(Djg11, CategoryBoundaries) {
  const Djg11Category expected[12] = {
      Djg11Category::niet,    Djg11Category::niet,    Djg11Category::niet,
      Djg11Category::matig,   Djg11Category::matig,   Djg11Category::matig,
      Djg11Category::matig,   Djg11Category::matig,   Djg11Category::matig,
      Djg11Category::ernstig, Djg11Category::ernstig, Djg11Category::zeer_ernstig};
  for (int total = 0; total <= 11; ++total) EXPECT_EQ(djg11_category(total), expected[total]);
  EXPECT_THROW(djg11_category(12), std::out_of_range);
  EXPECT_THROW(djg11_category(-1), std::out_of_range);
}

TEST(Djg11, IndicatorsAndConfigurableSubscaleThreshold) {
  for (int total = 0; total <= 11; ++total) {
    const auto i = djg11_indicators({total, std::nullopt, std::nullopt});
    EXPECT_EQ(i.eenzaam, total >= 3) << total;
    EXPECT_EQ(i.ernstig_eenzaam, total >= 9) << total;
    EXPECT_FALSE(i.emotioneel_eenzaam);
    EXPECT_FALSE(i.sterk_eenzaam);
  }
  const auto two = djg11_indicators({5, 2, 3});
  EXPECT_EQ(two.emotioneel_eenzaam, false);  // default threshold 3
  EXPECT_EQ(two.sociaal_eenzaam, true);
  ScaleThresholds rivm2016;
  rivm2016.djg11_subscale = 2;
  EXPECT_EQ(djg11_indicators({5, 2, 3}, rivm2016).emotioneel_eenzaam, true);
  EXPECT_FALSE(djg11_indicators({}).eenzaam);
}

TEST(Djg6, ItemsScoringMissingAndCategories) {
  // Order 3, 4, 7, 8, 9, 10: emotional, social, social, social, emotional, emotional.
  Djg6Answers answers = {DjgAnswer::ja,          DjgAnswer::nee, DjgAnswer::ja,
                         DjgAnswer::min_of_meer, DjgAnswer::nee, DjgAnswer::ja_ja};
  auto s = score_djg6(answers);
  EXPECT_EQ(s.emotional, 2);  // 3: ja, 9: nee, 10: ja!
  EXPECT_EQ(s.social, 2);     // 4: nee, 7: ja, 8: min of meer
  EXPECT_EQ(s.total, 4);
  answers[0].reset();  // one missing: total still counted, emotional subscale needs all items
  s = score_djg6(answers);
  EXPECT_EQ(s.total, 3);
  EXPECT_FALSE(s.emotional);
  EXPECT_EQ(s.social, 2);
  answers[1].reset();
  EXPECT_FALSE(score_djg6(answers).total);

  const Djg6Category expected[7] = {Djg6Category::niet,  Djg6Category::niet,  Djg6Category::matig,
                                    Djg6Category::matig, Djg6Category::matig, Djg6Category::sterk,
                                    Djg6Category::sterk};
  for (int total = 0; total <= 6; ++total) {
    EXPECT_EQ(djg6_category(total), expected[total]);
    const auto i = djg6_indicators({total, 0, 1});
    EXPECT_EQ(i.eenzaam, total >= 2);
    EXPECT_EQ(i.sterk_eenzaam, total >= 5);
    EXPECT_EQ(i.emotioneel_eenzaam, false);
    EXPECT_EQ(i.sociaal_eenzaam, true);  // the manual: lonely on a subscale from 1
  }
  EXPECT_THROW(djg6_category(7), std::out_of_range);
}

TEST(Ucla3, SumNeedsAllItemsAndThresholdIsConfigurable) {
  EXPECT_EQ(
      score_ucla3({UclaAnswer::hardly_ever, UclaAnswer::hardly_ever, UclaAnswer::hardly_ever}), 3);
  EXPECT_EQ(score_ucla3({UclaAnswer::often, UclaAnswer::often, UclaAnswer::often}), 9);
  EXPECT_EQ(score_ucla3({UclaAnswer::some_of_the_time, UclaAnswer::some_of_the_time,
                         UclaAnswer::some_of_the_time}),
            6);
  EXPECT_FALSE(score_ucla3({UclaAnswer::often, std::nullopt, UclaAnswer::often}));
  for (int score = 3; score <= 9; ++score)
    EXPECT_EQ(ucla3_indicators(score).eenzaam, score >= 6) << score;
  ScaleThresholds strict;
  strict.ucla3_lonely = 7;
  EXPECT_EQ(ucla3_indicators(6, strict).eenzaam, false);
  EXPECT_FALSE(ucla3_indicators(std::nullopt).eenzaam);
}

}  // namespace
}  // namespace kompas::domain
