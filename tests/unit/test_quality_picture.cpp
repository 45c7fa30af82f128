// The quality picture's rules (issue 12, point 5): the share of recognised methods and the
// mismatch between the survey and the offer per wijk.
#include <gtest/gtest.h>

#include "domain/quality_picture.h"

namespace kompas::domain {
namespace {

Activity activity(long long id, std::string type, std::vector<std::string> degrees,
                  std::vector<std::string> areas = {},
                  ActivityStatus status = ActivityStatus::bestaand) {
  Activity a;
  a.id = id;
  a.loneliness_type = std::move(type);
  a.degrees = std::move(degrees);
  a.areas = std::move(areas);
  a.status = status;
  return a;
}

TEST(MethodShare, CountsOnlyRunningActivitiesPerLevel) {
  auto own = activity(1, "sociaal", {"matig"});
  auto described = activity(2, "sociaal", {"matig"});
  described.method = MethodLevel::goed_beschreven;
  auto effective = activity(3, "sociaal", {"matig"});
  effective.method = MethodLevel::effectief;
  auto stopped = activity(4, "sociaal", {"matig"}, {}, ActivityStatus::gestopt);
  stopped.method = MethodLevel::effectief;
  auto planned = activity(5, "sociaal", {"matig"}, {}, ActivityStatus::gepland);
  const auto share = method_share({own, described, effective, stopped, planned});
  EXPECT_EQ(share.running, 3);
  EXPECT_EQ(share.recognised(), 2);
  EXPECT_EQ(share.by_level, (std::array<int, 4>{1, 1, 0, 1}));
  EXPECT_EQ(method_share({}).recognised(), 0);
}

TEST(Mismatch, NotablyHighNeedsTheWholeIntervalAboveTheGemeente) {
  EXPECT_TRUE(notably_high({0.40, 0.3001, 0.50}, 0.30));
  EXPECT_FALSE(notably_high({0.40, 0.30, 0.50}, 0.30));  // touching is not above
  EXPECT_FALSE(notably_high({0.40, 0.25, 0.55}, 0.30));  // wide interval: could be chance
}

const ShareEstimate kHigh{0.45, 0.35, 0.55};
const ShareEstimate kAverage{0.31, 0.25, 0.37};

TEST(Mismatch, HighEmotionalLonelinessWithOnlySocialActivities) {
  const std::vector<WijkLoneliness> figures = {{"WK01", kHigh, kAverage}};
  const auto found = find_mismatches({activity(7, "sociaal", {"ernstig"}, {"WK01"})}, {"WK01"},
                                     figures, 0.30, 0.30);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], (Mismatch{"WK01", MismatchKind::emotioneel_zonder_aanbod, {7}}));
}

TEST(Mismatch, AnActivityForBothKindsOrForTheWholeGemeenteCovers) {
  const std::vector<WijkLoneliness> figures = {{"WK01", kHigh, kHigh}};
  EXPECT_TRUE(
      find_mismatches({activity(1, "beide", {"ernstig"}, {"WK01"})}, {"WK01"}, figures, 0.30, 0.30)
          .empty());
  EXPECT_TRUE(
      find_mismatches({activity(1, "emotioneel", {"ernstig"}), activity(2, "sociaal", {"matig"})},
                      {"WK01"}, figures, 0.30, 0.30)
          .empty());
}

TEST(Mismatch, HighSocialLonelinessWithOnlyEmotionalActivities) {
  const std::vector<WijkLoneliness> figures = {{"WK01", kAverage, kHigh}};
  const auto found = find_mismatches({activity(2, "emotioneel", {"ernstig"}, {"WK01"})}, {"WK01"},
                                     figures, 0.30, 0.30);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, MismatchKind::sociaal_zonder_aanbod);
}

TEST(Mismatch, ActivitiesElsewhereOrNotRunningDoNotCount) {
  const std::vector<WijkLoneliness> figures = {{"WK01", kHigh, kAverage}};
  const auto found =
      find_mismatches({activity(1, "emotioneel", {"ernstig"}, {"WK02"}),
                       activity(2, "emotioneel", {"ernstig"}, {"WK01"}, ActivityStatus::gestopt),
                       activity(3, "emotioneel", {"ernstig"}, {"WK01"}, ActivityStatus::gepland)},
                      {"WK01"}, figures, 0.30, 0.30);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], (Mismatch{"WK01", MismatchKind::emotioneel_zonder_aanbod, {}}));
  EXPECT_EQ(found[1], (Mismatch{"WK01", MismatchKind::ernstig_zonder_aanbod, {}}));
}

TEST(Mismatch, HiddenOrMissingFiguresFlagNothingButSevereStillCounts) {
  // No gemeente figure, no wijk figure, or a hidden wijk figure: no survey mismatch.
  const std::vector<Activity> only_social = {activity(1, "sociaal", {"matig"})};
  const std::vector<WijkLoneliness> hidden = {{"WK01", std::nullopt, std::nullopt}};
  for (const auto& found : {find_mismatches(only_social, {"WK01"}, {{"WK01", kHigh, kHigh}},
                                            std::nullopt, std::nullopt),
                            find_mismatches(only_social, {"WK01"}, {}, 0.30, 0.30),
                            find_mismatches(only_social, {"WK01"}, hidden, 0.30, 0.30)}) {
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].kind, MismatchKind::ernstig_zonder_aanbod);
  }
}

TEST(Mismatch, SevereDegreeIsCheckedPerWijkInTheGivenOrder) {
  const auto found = find_mismatches(
      {activity(1, "beide", {"ernstig"}, {"WK02"}), activity(2, "beide", {"preventie"})},
      {"WK03", "WK01", "WK02"}, {}, std::nullopt, std::nullopt);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], (Mismatch{"WK03", MismatchKind::ernstig_zonder_aanbod, {2}}));
  EXPECT_EQ(found[1], (Mismatch{"WK01", MismatchKind::ernstig_zonder_aanbod, {2}}));
}

TEST(Mismatch, SevereOfferNeedsARunningActivity) {
  EXPECT_FALSE(offers_severe({}));
  EXPECT_FALSE(offers_severe({activity(1, "beide", {"ernstig"}, {}, ActivityStatus::gepland)}));
  EXPECT_FALSE(offers_severe({activity(1, "beide", {"matig"})}));
  EXPECT_TRUE(offers_severe({activity(1, "beide", {"matig", "ernstig"}, {"WK09"})}));
}

}  // namespace
}  // namespace kompas::domain
