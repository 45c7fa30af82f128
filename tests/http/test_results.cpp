// Resultaten (issue 12, point 8): every indicator in its group, with its change since last year
// and since the baseline, the newest story, and the filters.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/indicators_store.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ResultsTest : public HttpTest {
 protected:
  // An activity measure of the seeded ambition: people reached, 8 at the baseline in 2023, then
  // 10 and 14; with a story.
  void SetUp() override {
    HttpTest::SetUp();
    store::Change change(db(), beheerder_of(seed));
    domain::Indicator ind;
    ind.ambition_id = seed.ambition;
    ind.name = "Deelnemers huiskamer";
    ind.kind = "activiteit";
    ind.question = "beter_af";
    ind.unit = "aantal";
    ind.polarity = domain::Polarity::higher_is_better;
    ind.baseline_value = 8;
    ind.baseline_date = "2023-12-31";
    ind.targets = {{2027, 20}};
    ind.id = store::create_indicator(change, ind);
    store::save_indicator_values(change, ind, {{2024, 10, "", ""}, {2025, 14, "", ""}});
    store::add_story(change, ind, "Mevrouw J. komt nu elke week, ook bij regen.");
    change.commit();
  }
};

TEST_F(ResultsTest, EachIndicatorShowsItsGroupChangeAndNewestStory) {
  const auto page = body(get("/resultaten", As::lezer));
  EXPECT_THAT(page, HasSubstr("Is iemand er beter van geworden?"));
  EXPECT_THAT(page, HasSubstr("Hoe gaat het met de inwoners?"));  // the seeded population one
  EXPECT_THAT(page, Not(HasSubstr("Hoe goed doen we het?")));     // an empty group is left out
  EXPECT_THAT(page, HasSubstr("+4 <span class=\"kompas-change--beter\">(beter)</span>"));
  EXPECT_THAT(page, HasSubstr("+6 <span class=\"kompas-change--beter\">(beter)</span>"));
  EXPECT_THAT(page, HasSubstr("Mevrouw J. komt nu elke week, ook bij regen."));
  EXPECT_THAT(page, HasSubstr("Stand van de indicatoren"));
  const auto en = body(get("/resultaten", As::lezer, {{"Cookie", "taal=en"}}));
  EXPECT_THAT(en, HasSubstr("Is anyone better off?"));
  EXPECT_THAT(en, HasSubstr("(better)"));
}

TEST_F(ResultsTest, FiltersKeepWhatAMeetingWantsToSee) {
  // The seeded partner leads the activity of the ambition.
  auto page = body(get("/resultaten?partner=" + std::to_string(seed.own_partner), As::lezer));
  EXPECT_THAT(page, HasSubstr("Deelnemers huiskamer"));
  page = body(get("/resultaten?ambitie=999999", As::lezer));
  EXPECT_THAT(page, HasSubstr("Er zijn geen indicatoren die hierbij passen."));
  // Both indicators are about the whole gemeente, so none is about a wijk.
  page = body(get("/resultaten?wijk=WK999901", As::lezer));
  EXPECT_THAT(page, Not(HasSubstr("Deelnemers huiskamer")));
  // Odd values are no filter, not an error.
  EXPECT_EQ(status(get("/resultaten?partner=abc&ambitie=%27;--", As::lezer)), 200);
}

TEST_F(ResultsTest, TheSameIndicatorsDownloadWithTheSameFilters) {
  auto csv = get("/resultaten.csv", As::lezer);
  ASSERT_EQ(status(csv), 200);
  EXPECT_THAT(body(csv), HasSubstr("Deelnemers huiskamer"));
  EXPECT_THAT(body(csv), HasSubstr("\"Is iemand er beter van geworden?\";\"Minder eenzaamheid\""));
  EXPECT_THAT(body(csv), HasSubstr(";4;6;"));  // since last year, since the baseline
  csv = get("/resultaten.csv?wijk=WK999901", As::lezer);
  EXPECT_THAT(body(csv), Not(HasSubstr("Deelnemers huiskamer")));
  const auto xlsx = get("/resultaten.xlsx", As::lezer);
  EXPECT_EQ(body(xlsx).substr(0, 2), "PK");
  // The quality picture's tables too.
  EXPECT_THAT(body(get("/kwaliteit/beeld/methoden.csv", As::lezer)),
              HasSubstr("\"Eigen aanpak\";1"));
  EXPECT_EQ(body(get("/kwaliteit/beeld.xlsx", As::lezer)).substr(0, 2), "PK");
  EXPECT_EQ(status(get("/kwaliteit/beeld/onbekend.csv", As::lezer)), 404);
}

}  // namespace
}  // namespace kompas::test
