// Surveys in the browser's way: upload, preview, confirm, view with small cells hidden,
// download, delete. Nothing is stored before the confirmation, and bad files change nothing.
#include <gmock/gmock.h>

#include <regex>

#include "domain/areas.h"
#include "harness.h"
#include "store/areas_store.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// 120 respondents with a respondent number and free text that must never be stored.
std::string survey_csv(const std::string& bad_cell = "") {
  std::string csv =
      "respondent;opmerking;geslacht;djg1;djg2;djg3;djg4;djg5;djg6;djg7;djg8;djg9;"
      "djg10;djg11\r\n";
  const char* words[] = {"ja", "nee", "min of meer", "Ja!", "nee!"};
  for (int r = 0; r < 120; ++r) {
    csv += std::to_string(1000 + r) + ";\"geheim " + std::to_string(r) + "\";" +
           (r < 70    ? "vrouw"
            : r < 115 ? "man"
                      : "anders");
    for (int k = 0; k < 11; ++k)
      csv += ";" + (r == 1 && k == 3 && !bad_cell.empty() ? bad_cell : words[(r * 3 + k * r) % 5]);
    csv += "\r\n";
  }
  return csv;
}

const httplib::Params kFields = {{"naam", "Enquête 2025"},
                                 {"jaar", "2025"},
                                 {"schaal", "djg11"},
                                 {"bron", "eigen"},
                                 {"leeftijdsgroepen", "18-64,65-74,75+"}};

class SurveyPagesTest : public HttpTest {
 protected:
  std::string token_of(const std::string& html) {
    std::smatch m;
    const std::regex pattern(R"re(name="token" value="([^"]+)")re");
    return std::regex_search(html, m, pattern) ? m[1].str() : "";
  }
};

// A wijk column with the names as people write them, a weight column, and two wijken.
std::string wijk_survey_csv(const std::string& north, const std::string& south) {
  std::string csv = "wijk;gewicht;djg1;djg2;djg3;djg4;djg5;djg6;djg7;djg8;djg9;djg10;djg11\n";
  for (int r = 0; r < 80; ++r)
    csv += (r % 2 ? north : south) + ";" + (r % 4 ? "1,251" : "0,5") +
           ";ja;nee;ja;nee;ja;nee;ja;nee;ja;nee;ja\n";
  return csv;
}

class SurveyAreasTest : public SurveyPagesTest {
 protected:
  void SetUp() override {
    SurveyPagesTest::SetUp();
    const auto parsed = domain::parse_area_csv(
        "code;naam\nWK999901;Noördeinde\nWK999902;Zuid Oost\n", "GM9999", {});
    ASSERT_TRUE(parsed.problems.empty());
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    store::save_areas(change, parsed.areas);
    change.commit();
  }
  httplib::Result upload(const std::string& csv, const std::string& name) {
    return post_file("/verkennen/metingen/nieuw", As::beheerder, "bestand", "w.csv", csv,
                     {{"naam", name},
                      {"jaar", "2025"},
                      {"schaal", "djg11"},
                      {"bron", "eigen"},
                      {"weging", "gewicht"}});
  }
};

// Wijk names that match the stored areas, whatever their case or accents, are the areas: the
// upload once reported all 400 respondents as "niet van deze gemeente".
TEST_F(SurveyAreasTest, WijkNamesMatchTheStoredAreas) {
  auto preview = upload(wijk_survey_csv("NOORDEINDE", "zuid  oost"), "Wijken 2025");
  ASSERT_EQ(status(preview), 200) << body(preview);
  EXPECT_THAT(body(preview), Not(HasSubstr("niet van deze gemeente")));
  EXPECT_THAT(body(preview), Not(HasSubstr("Geen enkele deelnemer")));
  // The weight column is used, not "left out", and shown as people write numbers.
  EXPECT_THAT(body(preview), Not(HasSubstr("<code>gewicht</code>")));
  EXPECT_THAT(body(preview), HasSubstr("van 0,5 tot 1,251, gemiddeld 1,063"));
  EXPECT_THAT(body(preview), Not(HasSubstr("1.251000")));
  ASSERT_EQ(status(post("/verkennen/metingen/bevestigen", As::beheerder,
                        {{"token", token_of(body(preview))}})),
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_estimates WHERE breakdown = 'wijk' AND area_code = "
                  "'WK999901' AND survey_id = (SELECT MAX(id) FROM surveys)"),
            count("SELECT COUNT(*) FROM survey_estimates WHERE breakdown = 'totaal' AND survey_id "
                  "= (SELECT MAX(id) FROM surveys)"));
  // The same survey (name and year) again is refused, also in other letters.
  auto again = upload(wijk_survey_csv("Noordeinde", "Zuid Oost"), "wijken 2025");
  EXPECT_EQ(status(again), 422);
  EXPECT_THAT(body(again), HasSubstr("Er is al een meting met deze naam en dit jaar"));
}

// Areas that all have the same figure once got a legend of "100,0%–101,0% … 104,0%–105,0%".
TEST_F(SurveyAreasTest, AMapOfEqualFiguresHasALegendOfThatFigure) {
  auto preview = upload(wijk_survey_csv("Noordeinde", "Noordeinde"), "Eén wijk 2025");
  ASSERT_EQ(status(preview), 200) << body(preview);
  auto stored =
      post("/verkennen/metingen/bevestigen", As::beheerder, {{"token", token_of(body(preview))}});
  ASSERT_EQ(status(stored), 303);
  const std::string geojson =
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"WK999901"},"geometry":{"type":"Polygon","coordinates":[[[5.1,52.1],[5.2,52.1],[5.2,52.2],[5.1,52.1]]]}}]})";
  ASSERT_EQ(status(post_file("/gebieden/kaart", As::beheerder, "bestand", "k.geojson", geojson)),
            303);
  const auto location = stored->get_header_value("Location");
  const auto page = body(get(location.substr(0, location.find('?')) + "?indicator=eenzaam"));
  ASSERT_THAT(page, HasSubstr("kompas-map__class-0"));
  EXPECT_THAT(page, Not(HasSubstr("kompas-map__class-1")));
  EXPECT_THAT(page, Not(HasSubstr("101,0%")));
  // The area carries a number on the map, named in the key below it.
  EXPECT_THAT(page, HasSubstr("class=\"kompas-map__number\""));
  EXPECT_THAT(page, HasSubstr(">1. Noördeinde: "));
}

TEST_F(SurveyAreasTest, APreviewThatWouldLoseTheAreasSaysSo) {
  auto preview = upload(wijk_survey_csv("Amsterdam", "Rotterdam"), "Elders 2025");
  ASSERT_EQ(status(preview), 200) << body(preview);
  EXPECT_THAT(body(preview), HasSubstr("Geen enkele deelnemer hoort bij een wijk of buurt"));
}

TEST_F(SurveyPagesTest, UploadShowsAPreviewAndStoresOnlyAfterConfirmation) {
  const int surveys = count("SELECT COUNT(*) FROM surveys");
  auto preview = post_file("/verkennen/metingen/nieuw", As::beheerder, "bestand", "e.csv",
                           survey_csv(), kFields);
  ASSERT_EQ(status(preview), 200) << body(preview);
  EXPECT_THAT(body(preview), HasSubstr("Klopt dit?"));
  EXPECT_THAT(body(preview), HasSubstr("min of meer"));              // first rows, answers as words
  EXPECT_THAT(body(preview), HasSubstr("<code>respondent</code>"));  // named as left out
  EXPECT_THAT(body(preview), HasSubstr("<code>opmerking</code>"));
  EXPECT_THAT(body(preview), Not(HasSubstr("geheim")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM surveys"), surveys);  // nothing stored yet

  const auto token = token_of(body(preview));
  ASSERT_FALSE(token.empty());
  // Someone else cannot use the token.
  EXPECT_EQ(status(post("/verkennen/metingen/bevestigen", As::other_coalition, {{"token", token}})),
            422);
  auto stored = post("/verkennen/metingen/bevestigen", As::beheerder, {{"token", token}});
  ASSERT_EQ(status(stored), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM surveys"), surveys + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_respondents WHERE survey_id = (SELECT MAX(id) FROM "
                  "surveys)"),
            120);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'meting'"), 2);  // seed + this
  // A token works once.
  EXPECT_EQ(status(post("/verkennen/metingen/bevestigen", As::beheerder, {{"token", token}})), 422);
}

TEST_F(SurveyPagesTest, ABadAnswerIsNamedAndNothingIsStored) {
  const int surveys = count("SELECT COUNT(*) FROM surveys");
  auto r = post_file("/verkennen/metingen/nieuw", As::beheerder, "bestand", "e.csv",
                     survey_csv("misschien"), kFields);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Regel 3, kolom 7: misschien in kolom djg4"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM surveys"), surveys);

  auto lenient = kFields;
  lenient.emplace("soepel", "1");
  r = post_file("/verkennen/metingen/nieuw", As::beheerder, "bestand", "e.csv",
                survey_csv("misschien"), lenient);
  EXPECT_EQ(status(r), 200);
  EXPECT_THAT(body(r), HasSubstr("herkenden we niet"));
}

TEST_F(SurveyPagesTest, MissingFieldsAreExplained) {
  auto r = post_file("/verkennen/metingen/nieuw", As::beheerder, "bestand", "e.csv", survey_csv(),
                     {{"schaal", "djg11"}, {"bron", "eigen"}, {"jaar", "twintig"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Geef de meting een naam."));
  EXPECT_THAT(body(r), HasSubstr("Vul een jaartal in"));
  r = post_file("/verkennen/metingen/nieuw", As::beheerder, "bestand", "e.png",
                std::string("\x89PNG\r\n\x1a\n\0\0", 10), kFields);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Dit is geen tekstbestand"));
}

TEST_F(SurveyPagesTest, SmallGroupsAreNotShownOnThePageOrInTheDownload) {
  // The seeded survey has 40 women and 40 men: both below 50, so neither is shown.
  const auto page =
      get("/verkennen/metingen/" + std::to_string(seed.survey) + "?indicator=eenzaam");
  ASSERT_EQ(status(page), 200);
  EXPECT_THAT(body(page), HasSubstr("Per geslacht"));
  EXPECT_THAT(body(page), HasSubstr("Niet getoond: te weinig mensen"));
  EXPECT_THAT(body(page), HasSubstr("<svg"));
  const auto csv = get("/verkennen/metingen/" + std::to_string(seed.survey) + "/geslacht.csv");
  ASSERT_EQ(status(csv), 200);
  EXPECT_THAT(body(csv), HasSubstr("\"man\";\"\";\"Eenzaam\";40;;;;\"ja\""));
  const auto xlsx = get("/verkennen/metingen/" + std::to_string(seed.survey) + "/geslacht.xlsx");
  ASSERT_EQ(status(xlsx), 200);
  EXPECT_EQ(body(xlsx).substr(0, 2), "PK");  // a zip archive, as every XLSX file
  EXPECT_GT(body(xlsx).size(), 1000u);
  EXPECT_EQ(status(get("/verkennen/metingen/999999")), 404);
}

TEST_F(SurveyPagesTest, DeletingRemovesTheMicrodata) {
  const auto path = "/verkennen/metingen/" + std::to_string(seed.survey) + "/verwijderen";
  EXPECT_EQ(status(post(path, As::beheerder, {})), 422);  // not confirmed
  ASSERT_EQ(status(post(path, As::beheerder, {{"bevestig", "ja"}})), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_respondents"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_estimates"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'verwijderen'"), 1);
}

}  // namespace
}  // namespace kompas::test

namespace kompas::test {
namespace {

class FiguresPagesTest : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    const std::string areas =
        "gwb_code;regio;a_inw\nGM9999;Voorbeeld;1000\nWK999901;Noord;500\nBU99990101;Dorp;500\n";
    ASSERT_EQ(status(post_file("/gebieden/importeren", As::beheerder, "bestand", "a.csv", areas)),
              303);
  }
};

TEST_F(FiguresPagesTest, ImportedFiguresAreShownAsModelEstimates) {
  const std::string csv =
      "gebiedscode;indicator;jaar;waarde;ondergrens;bovengrens\n"
      "WK999901;eenzaam;2022;48,6;44,1;53,0\nBU99990101;ernstig_eenzaam;2022;12,5;;\n";
  auto r = post_file("/verkennen/cijfers/importeren", As::beheerder, "bestand", "rivm.csv", csv,
                     {{"bron", "RIVM 2022"}});
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM published_figures"), 2);
  const auto page = body(get("/verkennen/cijfers", As::lezer));
  EXPECT_THAT(page, HasSubstr("48,6%"));
  EXPECT_THAT(page, HasSubstr("modelschatting, RIVM 2022"));
  const auto figures_csv = body(get("/verkennen/cijfers.csv", As::lezer));
  EXPECT_THAT(
      figures_csv,
      HasSubstr("\"Noord\";\"WK999901\";\"Eenzaam\";2022;48,6;44,1;53;\"RIVM 2022\";\"ja\""));
  // The same file again changes nothing but counts as updated.
  ASSERT_EQ(status(post_file("/verkennen/cijfers/importeren", As::beheerder, "bestand", "rivm.csv",
                             csv, {{"bron", "RIVM 2022"}})),
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM published_figures"), 2);
}

TEST_F(FiguresPagesTest, BadFiguresChangeNothing) {
  const std::string csv =
      "gebiedscode;indicator;jaar;waarde\nWK999901;eenzaam;2022;48,6\n"
      "WK000001;eenzaam;2022;40\nWK999901;blij;2022;140\n";
  auto r = post_file("/verkennen/cijfers/importeren", As::beheerder, "bestand", "rivm.csv", csv,
                     {{"bron", "RIVM"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Regel 3, kolom 1: Gebied WK000001 hoort niet bij deze gemeente"));
  EXPECT_THAT(body(r), HasSubstr("Indicator blij kennen we niet"));
  EXPECT_THAT(body(r), HasSubstr("140 in kolom waarde is geen percentage"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM published_figures"), 0);
  r = post_file("/verkennen/cijfers/importeren", As::beheerder, "bestand", "rivm.csv",
                "gebiedscode;indicator;jaar;waarde\nWK999901;eenzaam;2022;48,6\n");
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Deze regel heeft geen bron"));
}

}  // namespace
}  // namespace kompas::test

namespace kompas::test {
namespace {

class TrendPageTest : public SurveyPagesTest {};

TEST_F(TrendPageTest, WarnsWhenSurveysAreNotComparable) {
  auto r = get("/verkennen/trend?indicator=eenzaam", As::lezer);
  ASSERT_EQ(status(r), 200);
  EXPECT_THAT(body(r), HasSubstr("Proefmeting"));
  EXPECT_THAT(body(r), Not(HasSubstr("niet zomaar te vergelijken")));
  // A second survey of other ages: the page says the two cannot simply be compared.
  std::string csv = "leeftijd;djg1;djg2;djg3;djg4;djg5;djg6;djg7;djg8;djg9;djg10;djg11\n";
  for (int i = 0; i < 60; ++i)
    csv += std::to_string(65 + i % 20) + ";ja;nee;ja;nee;ja;nee;ja;nee;ja;nee;ja\n";
  auto preview = post_file("/verkennen/metingen/nieuw", As::beheerder, "bestand", "o.csv", csv,
                           {{"naam", "Ouderen 2026"},
                            {"jaar", "2026"},
                            {"schaal", "djg11"},
                            {"bron", "eigen"},
                            {"leeftijdsbereik", "65+"}});
  ASSERT_EQ(status(preview), 200) << body(preview);
  const auto token = token_of(body(preview));
  ASSERT_FALSE(token.empty());
  ASSERT_EQ(status(post("/verkennen/metingen/bevestigen", As::beheerder, {{"token", token}})), 303);
  r = get("/verkennen/trend?indicator=eenzaam", As::lezer);
  EXPECT_THAT(body(r), HasSubstr("niet zomaar te vergelijken"));
  EXPECT_THAT(body(r), HasSubstr("Ouderen 2026"));
  EXPECT_THAT(body(r),
              HasSubstr("van Proefmeting is niet opgegeven welke leeftijden gevraagd zijn"));
  EXPECT_THAT(body(r), HasSubstr("<svg"));
  const auto trend_csv = body(get("/verkennen/trend.csv?indicator=eenzaam", As::lezer));
  EXPECT_THAT(trend_csv, HasSubstr("\"Eigen metingen\";2026;\"Ouderen 2026\""));
}

// Two surveys of the same kind, neither saying which ages were asked, once gave a warning about
// "andere leeftijden" (the youngest and oldest who answered differed), while a GGD monitor and
// the coalition's own survey were joined without any. Now it is the other way round.
TEST_F(TrendPageTest, OnlyRealDifferencesAreNamed) {
  std::string csv = "djg1;djg2;djg3;djg4;djg5;djg6;djg7;djg8;djg9;djg10;djg11\n";
  for (int i = 0; i < 60; ++i) csv += "ja;nee;ja;nee;ja;nee;ja;nee;ja;nee;ja\n";
  auto upload = [&](const std::string& name, const std::string& year, const std::string& source) {
    auto preview =
        post_file("/verkennen/metingen/nieuw", As::beheerder, "bestand", "a.csv", csv,
                  {{"naam", name}, {"jaar", year}, {"schaal", "djg11"}, {"bron", source}});
    ASSERT_EQ(status(preview), 200) << body(preview);
    ASSERT_EQ(status(post("/verkennen/metingen/bevestigen", As::beheerder,
                          {{"token", token_of(body(preview))}})),
              303);
  };
  upload("Volwassenen 2026", "2026", "eigen");
  auto r = get("/verkennen/trend?indicator=eenzaam", As::lezer);
  EXPECT_THAT(body(r), Not(HasSubstr("niet zomaar te vergelijken")));
  upload("GGD-monitor 2027", "2027", "ggd");
  r = get("/verkennen/trend?indicator=eenzaam", As::lezer);
  EXPECT_THAT(body(r), HasSubstr("niet zomaar te vergelijken"));
  EXPECT_THAT(body(r), HasSubstr("een andere afzender en werkwijze (GGD tegen Eigen enquête)"));
}

}  // namespace
}  // namespace kompas::test

namespace kompas::test {
namespace {

class BoundariesPageTest : public HttpTest {};

TEST_F(BoundariesPageTest, AMapAppearsBesideTheTable) {
  const std::string areas = "gwb_code;regio;a_inw\nGM9999;Voorbeeld;1000\nWK999901;Noord;500\n";
  ASSERT_EQ(status(post_file("/gebieden/importeren", As::beheerder, "bestand", "a.csv", areas)),
            303);
  const std::string geojson =
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"WK999901"},"geometry":{"type":"Polygon","coordinates":[[[5.1,52.1],[5.2,52.1],[5.2,52.2],[5.1,52.1]]]}},{"type":"Feature","properties":{"statcode":"WK034401"},"geometry":{"type":"Polygon","coordinates":[[[5,52],[5.1,52],[5.1,52.1],[5,52]]]}}]})";
  auto r = post_file("/gebieden/kaart", As::beheerder, "bestand", "k.geojson", geojson);
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM area_boundaries"), 1);
  r = post_file("/gebieden/kaart", As::beheerder, "bestand", "k.geojson", "{niet json");
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("geen geldig GeoJSON-bestand"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM area_boundaries"), 1);
}

}  // namespace
}  // namespace kompas::test
