// The plan: ambitions with versions, indicators with values from surveys and by hand, the
// status on the page, stories, and bad input that changes nothing.
#include <gmock/gmock.h>

#include "harness.h"

using ::testing::HasSubstr;
using ::testing::Not;

namespace kompas::test {
namespace {

using PlanTest = HttpTest;

httplib::Params ambition_form(const std::string& title) {
  return {{"title", title},
          {"statement", "Over drie jaar willen we dat mantelzorgers zich gesteund voelen."},
          {"target_group", "mantelzorgers"},
          {"start_year", "2025"},
          {"end_year", "2027"},
          {"findings", "Een op de vijf mantelzorgers voelt zich zwaar belast."},
          {"owner", ""},
          {"status", "concept"}};
}

httplib::Params activity_indicator_form() {
  return {{"name", "Mantelzorgers bereikt"},
          {"kind", "activiteit"},
          {"question", "hoeveel"},
          {"unit", "aantal"},
          {"polarity", "hoger"},
          {"baseline_value", "120"},
          {"baseline_date", "2025-01-01"},
          {"baseline_source", "Registratie"},
          {"targets", "2026: 160\n2027: 200"},
          {"forecast", ""}};
}

std::string path_of(const httplib::Result& r) {
  const auto location = r->get_header_value("Location");
  return location.substr(0, location.find('?'));
}

TEST_F(PlanTest, AnAmbitionKeepsEveryVersion) {
  auto r = post("/doelen", As::beheerder, ambition_form("Mantelzorgers niet alleen"));
  ASSERT_EQ(status(r), 303);
  const auto page = path_of(r);
  EXPECT_THAT(body(get(page)), HasSubstr("Mantelzorgers niet alleen"));
  auto changed = ambition_form("Mantelzorgers blijven niet alleen");
  changed.erase("status");
  changed.emplace("status", "vastgesteld");
  ASSERT_EQ(status(post(page, As::beheerder, changed)), 303);
  const auto versions = body(get(page + "/versies", As::lezer));
  EXPECT_THAT(versions, HasSubstr("Mantelzorgers niet alleen"));
  EXPECT_THAT(versions, HasSubstr("Mantelzorgers blijven niet alleen"));
  EXPECT_THAT(versions, HasSubstr("Vastgesteld"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM ambition_versions v JOIN ambitions a ON a.id = "
                  "v.ambition_id WHERE a.title = 'Mantelzorgers blijven niet alleen'"),
            2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'ambitie' AND person_name = "
                  "'Anouk Beheer'"),
            2);
  // Saving without a change adds no version.
  ASSERT_EQ(status(post(page, As::beheerder, changed)), 303);
  EXPECT_EQ(count("SELECT MAX(version) FROM ambitions"), 2);
}

TEST_F(PlanTest, BadAmbitionInputComesBackAndChangesNothing) {
  auto form = ambition_form("");
  form.erase("end_year");
  form.emplace("end_year", "2020");
  form.emplace("areas", "WK000001");
  form.erase("status");
  form.emplace("status", "klaar");  // not a status of an ambition
  const int before = count("SELECT COUNT(*) FROM ambitions");
  auto r = post("/doelen", As::beheerder, form);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul dit in."));
  EXPECT_THAT(body(r), HasSubstr("Het laatste jaar komt na het eerste jaar"));
  EXPECT_THAT(body(r), HasSubstr("href=\"#veld-status\""));  // the summary links to the status
  EXPECT_THAT(body(r), HasSubstr("Een op de vijf mantelzorgers"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM ambitions"), before);
}

TEST_F(PlanTest, APopulationIndicatorTakesItsValueFromTheSurvey) {
  // The seeded survey (2025, 80 respondents) gives "eenzaam" for the whole municipality.
  const auto page = body(get("/indicatoren/" + std::to_string(seed.indicator), As::lezer));
  EXPECT_THAT(page, HasSubstr("Proefmeting"));
  EXPECT_THAT(page, HasSubstr("<svg"));
  EXPECT_THAT(page, HasSubstr(">80<"));  // n
  EXPECT_THAT(page, HasSubstr("kompas-status--"));
  // With a minimum above its n, the figure is hidden and there is no status.
  ASSERT_NO_FATAL_FAILURE(set_min_cell_size(100));
  const auto hidden = body(get("/indicatoren/" + std::to_string(seed.indicator), As::lezer));
  EXPECT_THAT(hidden, HasSubstr("Niet getoond (om deelnemers te beschermen)"));
  EXPECT_THAT(hidden, HasSubstr("kompas-status--geen_gegevens"));
}

TEST_F(PlanTest, AnActivityMeasureWithValuesByHandShowsItsStatus) {
  const auto ambition = "/doelen/" + std::to_string(seed.ambition);
  auto r = post(ambition + "/indicatoren", As::beheerder, activity_indicator_form());
  ASSERT_EQ(status(r), 303);
  const auto page = path_of(r);
  ASSERT_EQ(status(post(page + "/waarden", As::beheerder,
                        {{"year", "2026"},
                         {"value", "150"},
                         {"comment", "Goed jaar"},
                         {"source", "Registratie"}})),
            303);
  auto shown = body(get(page));
  // The path expects 160 in 2026; 150 is behind.
  EXPECT_THAT(shown, HasSubstr("kompas-status--achter"));
  EXPECT_THAT(shown, HasSubstr("Goed jaar"));
  ASSERT_EQ(status(post(page + "/waarden", As::beheerder, {{"year", "2026"}, {"value", "165"}})),
            303);
  EXPECT_THAT(body(get(page)), HasSubstr("kompas-status--op_koers"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'indicatorwaarde'"), 2);
  ASSERT_EQ(status(post(page + "/waarden/verwijderen", As::beheerder, {{"year", "2026"}})), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values"), 0);
}

TEST_F(PlanTest, BadValuesAreRefusedWithTheReason) {
  const auto page = "/indicatoren/" + std::to_string(seed.indicator);
  auto r = post(page + "/waarden", As::beheerder, {{"year", "twintig"}, {"value", "120"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul een jaartal in"));
  EXPECT_THAT(body(r), HasSubstr("Vul een percentage tussen 0 en 100 in."));
  r = post(page + "/waarden", As::beheerder, {{"year", "2026"}, {"value", "veel"}});
  EXPECT_THAT(body(r), HasSubstr("Vul een getal in"));
  auto form = activity_indicator_form();
  form.erase("targets");
  form.emplace("targets", "2027 200");
  r = post("/doelen/" + std::to_string(seed.ambition) + "/indicatoren", As::beheerder, form);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Schrijf één jaar per regel"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicators"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values"), 0);
}

TEST_F(PlanTest, AnyoneInTheCoalitionAddsAStoryEscaped) {
  const auto page = "/indicatoren/" + std::to_string(seed.indicator);
  const auto added = post(page + "/verhalen", As::lezer,
                          {{"story", "Op de markt <b>hoor</b> ik dat mensen elkaar weer zien."}});
  ASSERT_EQ(status(added), 303);
  // The confirmation is in the query, before the fragment, so the page shows it.
  EXPECT_EQ(added->get_header_value("Location"), page + "?melding=story_added#verhalen");
  EXPECT_THAT(body(get(page + "?melding=story_added", As::lezer)), HasSubstr("role=\"status\""));
  const auto shown = body(get(page, As::partner));
  EXPECT_THAT(shown, HasSubstr("&lt;b&gt;hoor&lt;/b&gt;"));
  EXPECT_THAT(shown, HasSubstr("Lotte Lezer"));
  EXPECT_EQ(status(post(page + "/verhalen", As::lezer, {{"story", "  "}})), 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_stories"), 1);
}

TEST_F(PlanTest, TheGoalsPageShowsAmbitionsWithStatusInBothLanguages) {
  EXPECT_THAT(body(get("/doelen", As::lezer)), HasSubstr("Minder eenzaamheid"));
  EXPECT_THAT(body(get("/doelen", As::lezer)), Not(HasSubstr("Nieuwe ambitie")));
  EXPECT_THAT(body(get("/doelen", As::beheerder)), HasSubstr("Nieuwe ambitie"));
  EXPECT_THAT(body(get("/", As::lezer)), HasSubstr("1 ambitie, 1 indicator"));
  EXPECT_THAT(body(get("/", As::lezer)), HasSubstr("1 activiteit, 2 bijdragen"));
}

// "2.300" once became 2,3 and silently replaced 1.900, turning the status to "achter".
TEST_F(PlanTest, ValuesAreReadAsDutchPeopleTypeThem) {
  auto r = post("/doelen/" + std::to_string(seed.ambition) + "/indicatoren", As::beheerder,
                activity_indicator_form());
  ASSERT_EQ(status(r), 303);
  const auto page = path_of(r);
  const auto id = page.substr(page.rfind('/') + 1);
  ASSERT_EQ(status(post(page + "/waarden", As::beheerder, {{"year", "2025"}, {"value", "1.900"}})),
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values WHERE value = 1900"), 1);
  r = post(page + "/waarden", As::beheerder, {{"year", "2026"}, {"value", "2.3"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Gebruik een komma voor decimalen"));
  r = post_file("/doelen/waarden-inlezen", As::beheerder, "bestand", "waarden.csv",
                "indicator;jaar;waarde\n" + id + ";2026;2.300\n" + id + ";2027;\n");
  ASSERT_EQ(status(r), 303) << body(r);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values WHERE value = 2300 AND year = 2026"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values"), 2);  // the empty 2027 row is skipped
  r = post_file("/doelen/waarden-inlezen", As::beheerder, "bestand", "waarden.csv",
                "indicator;jaar;waarde\n" + id + ";2026;2.3\n");
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("lezen we niet zeker"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values WHERE value = 2300"), 1);
}

TEST_F(PlanTest, ValuesFromCsvAreAllOrNothing) {
  const auto id = std::to_string(seed.indicator);
  auto tmpl = get("/doelen/waarden-sjabloon.csv");
  ASSERT_EQ(status(tmpl), 200);
  EXPECT_THAT(body(tmpl), HasSubstr(R"("indicator";"naam";"jaar";"waarde")"));
  EXPECT_THAT(body(tmpl), HasSubstr(id + R"(;"% eenzaam, hele gemeente";)"));

  auto r =
      post_file("/doelen/waarden-inlezen", As::beheerder, "bestand", "waarden.csv",
                "indicator;jaar;waarde\n" + id + ";2025;55\n" + id + ";2026;130\n999;2026;1\n");
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Regel 3"));
  EXPECT_THAT(body(r), HasSubstr("past niet bij de eenheid"));
  EXPECT_THAT(body(r), HasSubstr("geen indicator met nummer ‘999’"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values"), 0);

  r = post_file("/doelen/waarden-inlezen", As::beheerder, "bestand", "waarden.csv",
                "indicator;jaar;waarde;bron\n" + id + ";2025;55;Telling\n" + id + ";2026;50;\n");
  ASSERT_EQ(status(r), 303);
  EXPECT_THAT(r->get_header_value("Location"), HasSubstr("aantal=2"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'indicatorwaarde'"), 2);
}

}  // namespace
}  // namespace kompas::test
