// The yearly cycle (issue 12, point 9): closing a year freezes it, and the jaarverslag shows a
// year beside the closed year before it, on a page and as a workbook.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/indicators_store.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using YearReportTest = HttpTest;

std::string report_path(int year) {
  return "/verbetercyclus/jaarverslag/" + std::to_string(year);
}

TEST_F(YearReportTest, AClosedYearKeepsWhatWasAndIsClosedOnce) {
  const auto last_year = std::to_string(seed.scan_year - 1);
  // Not confirmed: the form again, with its message, and the title says so first.
  const auto unconfirmed =
      post("/verbetercyclus/jaarverslag", As::beheerder, {{"jaar", last_year}});
  EXPECT_EQ(status(unconfirmed), 422);
  EXPECT_THAT(body(unconfirmed), HasSubstr("<title>Fout: "));
  EXPECT_THAT(body(unconfirmed), HasSubstr("id=\"bevestig-error\">Vink aan"));
  EXPECT_THAT(body(unconfirmed), HasSubstr("aria-invalid=\"true\""));
  // This year is not over yet: it cannot be closed, and the list says from when it can.
  const auto this_year = post("/verbetercyclus/jaarverslag", As::beheerder,
                              {{"jaar", std::to_string(seed.scan_year)}, {"bevestig", "ja"}});
  EXPECT_EQ(status(this_year), 422);
  EXPECT_THAT(body(this_year), HasSubstr("dat voorbij is"));
  EXPECT_THAT(body(get("/verbetercyclus/jaarverslag", As::beheerder)),
              HasSubstr("afsluiten vanaf 1 januari " + std::to_string(seed.scan_year + 1)));
  EXPECT_EQ(status(post("/verbetercyclus/jaarverslag", As::beheerder,
                        {{"jaar", "2001"}, {"bevestig", "ja"}})),
            422);
  EXPECT_EQ(status(post("/verbetercyclus/jaarverslag", As::partner,
                        {{"jaar", last_year}, {"bevestig", "ja"}})),
            403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM closed_years"), 0);
  ASSERT_EQ(status(post("/verbetercyclus/jaarverslag", As::beheerder,
                        {{"jaar", last_year}, {"bevestig", "ja"}})),
            303);
  EXPECT_EQ(status(post("/verbetercyclus/jaarverslag", As::beheerder,
                        {{"jaar", last_year}, {"bevestig", "ja"}})),
            409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM closed_years"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'jaarafsluiting'"), 1);

  // Renamed afterwards: the closed year still says what it was.
  {
    store::Change change(db(), beheerder_of(seed));
    auto ind = *store::find_indicator(change.sql(), seed.coalition_a, seed.indicator);
    ind.name = "Eenzaamheid, nieuwe naam";
    store::update_indicator(change, ind);
    change.commit();
  }
  auto page = body(get(report_path(seed.scan_year - 1), As::lezer));
  EXPECT_THAT(page, HasSubstr("Dit jaar is afgesloten."));
  EXPECT_THAT(page, HasSubstr("% eenzaam, hele gemeente"));
  EXPECT_THAT(page, Not(HasSubstr("nieuwe naam")));
  // This year, not closed: today's data, with the closed year beside it.
  page = body(get(report_path(seed.scan_year), As::lezer));
  EXPECT_THAT(page, HasSubstr("Dit jaar is nog niet afgesloten."));
  EXPECT_THAT(page, HasSubstr("Eenzaamheid, nieuwe naam"));
  EXPECT_THAT(page, Not(HasSubstr("Het jaar ervoor is niet afgesloten.")));
  EXPECT_THAT(page, HasSubstr("Waarde " + last_year));
  // A year long ago, never closed, has no report.
  EXPECT_EQ(status(get(report_path(2001), As::lezer)), 404);
}

TEST_F(YearReportTest, TheReportHoldsTheDecisionsAndStoriesAndDownloadsAsAWorkbook) {
  // A decision in this year's meeting and a story.
  const auto record = "/verbetercyclus/punten/" + std::to_string(seed.agenda_item);
  {
    store::Change change(db(), beheerder_of(seed));
    change.sql() << "UPDATE meetings SET held_on = :d WHERE id = :m",
        soci::use(std::to_string(seed.scan_year) + "-06-01"), soci::use(seed.meeting);
    auto ind = *store::find_indicator(change.sql(), seed.coalition_a, seed.indicator);
    store::add_story(change, ind, "De buurtkamer zit elke dinsdag vol.");
    change.commit();
  }
  ASSERT_EQ(status(post(record, As::beheerder, {{"decision", "We houden de buurtkamer open."}})),
            303);
  const auto page = body(get(report_path(seed.scan_year), As::partner));
  EXPECT_THAT(page, HasSubstr("We houden de buurtkamer open."));
  EXPECT_THAT(page, HasSubstr("De buurtkamer zit elke dinsdag vol."));
  EXPECT_THAT(page, HasSubstr("Het jaar ervoor is niet afgesloten."));
  EXPECT_THAT(page, HasSubstr("Welzijn"));  // the partner's contribution
  EXPECT_THAT(body(get(report_path(seed.scan_year) + "/besluiten.csv", As::lezer)),
              HasSubstr("We houden de buurtkamer open."));
  const auto xlsx = get(report_path(seed.scan_year) + ".xlsx", As::lezer);
  ASSERT_EQ(status(xlsx), 200);
  EXPECT_EQ(body(xlsx).substr(0, 2), "PK");
  EXPECT_THAT(xlsx->get_header_value("Content-Disposition"),
              HasSubstr("jaarverslag-" + std::to_string(seed.scan_year) + ".xlsx"));
}

// The seeded survey is of 2025: in a later year's report its figures carry their year, on the page
// and in the downloads, and a value is shown in its unit.
TEST_F(YearReportTest, AFigureFromAnotherYearCarriesItsYear) {
  const bool survey_of_last_year = seed.scan_year - 1 == 2025;
  const auto page = body(get(report_path(seed.scan_year), As::lezer));
  EXPECT_THAT(page, HasSubstr("% (meting 2025)</td>"));
  for (const auto* part : {"/lokaal_beeld.csv", "/indicatoren.csv"})
    EXPECT_THAT(body(get(report_path(seed.scan_year) + part, As::lezer)),
                HasSubstr("% (meting 2025)\""));
  if (survey_of_last_year)  // last year's report shows it as that year's own figure
    EXPECT_THAT(body(get(report_path(seed.scan_year - 1), As::lezer)),
                Not(HasSubstr("(meting 2025)")));
}

}  // namespace
}  // namespace kompas::test
