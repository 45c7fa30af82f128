// Wie doet wat: activities with filters and coverage, contributions in the matrix (a partner
// records its own), and actions with their status log.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/activities_store.h"

using ::testing::HasSubstr;
using ::testing::Not;

namespace kompas::test {
namespace {

using PlanWorkTest = HttpTest;

httplib::Params activity_form(const std::string& name, long long lead) {
  return {{"name", name},
          {"description", "Elke week samen wandelen."},
          {"lead_partner", std::to_string(lead)},
          {"target_group", "65plus"},
          {"loneliness_type", "sociaal"},
          {"degrees", "preventie"},
          {"degrees", "verhoogd_risico"},
          {"elements", "bezigheden"},
          {"elements", "ontmoeten"},
          {"method", "goed_beschreven"},
          {"reach", "2025: 40"},
          {"start_date", "2025-03-01"},
          {"end_date", ""},
          {"status", "nieuw"}};
}

TEST_F(PlanWorkTest, APartnerRecordsItsOwnActivityButNotAnothers) {
  auto r = post("/wie-doet-wat/activiteiten", As::partner,
                activity_form("Wandelgroep", seed.own_partner));
  ASSERT_EQ(status(r), 303);
  const auto location = r->get_header_value("Location");
  const auto page = body(get(location.substr(0, location.find('?')), As::lezer));
  EXPECT_THAT(page, HasSubstr("Wandelgroep"));
  EXPECT_THAT(page, HasSubstr("Bezigheden, Ontmoeten"));
  EXPECT_THAT(page, HasSubstr("Preventie (iedereen), Verhoogd risico"));
  EXPECT_THAT(page, HasSubstr("Goed beschreven"));
  auto unknown_method = activity_form("Onbekende methode", seed.own_partner);
  unknown_method.erase("method");
  unknown_method.emplace("method", "bewezen");
  EXPECT_EQ(status(post("/wie-doet-wat/activiteiten", As::partner, unknown_method)), 422);
  r = post("/wie-doet-wat/activiteiten", As::partner,
           activity_form("Andermans wandelgroep", seed.other_partner));
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("alleen iets vastleggen voor uw eigen organisatie"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM activities WHERE name = 'Andermans wandelgroep'"), 0);
}

TEST_F(PlanWorkTest, FiltersAndCoverageShowWhatRunsWhere) {
  ASSERT_EQ(status(post("/wie-doet-wat/activiteiten", As::beheerder,
                        activity_form("Wandelgroep", seed.own_partner))),
            303);
  auto list = body(get("/wie-doet-wat?graad=preventie"));
  EXPECT_THAT(list, HasSubstr("Wandelgroep"));
  EXPECT_THAT(list, Not(HasSubstr(">Huiskamer<")));
  EXPECT_THAT(list, HasSubstr("1 van de 2 activiteiten"));
  // Huiskamer (matig) and Wandelgroep (preventie, verhoogd risico) cover every area; nothing
  // covers ernstig: a blind spot.
  const auto coverage = body(get("/wie-doet-wat/dekking"));
  EXPECT_THAT(coverage, HasSubstr("blinde vlek"));
  EXPECT_THAT(coverage, HasSubstr("/wie-doet-wat?status=lopend&amp;graad=ernstig"));
}

// A planned and a stopped activity once counted (or were listed) as running: the count in a
// coverage cell and the list it links to use one definition of "lopend".
TEST_F(PlanWorkTest, CoverageCountsMatchTheListTheyLinkTo) {
  for (const auto& [name, state] :
       {std::pair{"Gepland wandelen", "gepland"}, std::pair{"Gestopt wandelen", "gestopt"},
        std::pair{"Nieuw wandelen", "nieuw"}}) {
    auto form = activity_form(name, seed.own_partner);
    form.erase("status");
    form.emplace("status", state);
    ASSERT_EQ(status(post("/wie-doet-wat/activiteiten", As::beheerder, form)), 303);
  }
  const auto coverage = body(get("/wie-doet-wat/dekking"));
  const std::string link = "/wie-doet-wat?status=lopend&amp;graad=preventie&amp;";
  const auto at = coverage.find(link);
  ASSERT_NE(at, std::string::npos) << coverage;
  const auto number_at = coverage.find('>', at) + 1;
  const auto shown =
      std::stoi(coverage.substr(number_at, coverage.find('<', number_at) - number_at));
  EXPECT_EQ(shown, 1);  // only "Nieuw wandelen" runs and does preventie
  const auto list = body(get("/wie-doet-wat?status=lopend&graad=preventie"));
  EXPECT_THAT(list, HasSubstr("Nieuw wandelen"));
  EXPECT_THAT(list, Not(HasSubstr("Gepland wandelen")));
  EXPECT_THAT(list, Not(HasSubstr("Gestopt wandelen")));
  EXPECT_THAT(list, HasSubstr("1 van de 4 activiteiten"));
}

// A partner's own page: its activities, contributions with totals, open actions, and the
// activity measures it may fill in (those of ambitions its activities serve, and no others).
TEST_F(PlanWorkTest, APartnerHasItsOwnPageAndFillsInItsMeasures) {
  httplib::Params measure = {{"name", "Bezoekers huiskamer"}, {"kind", "activiteit"},
                             {"question", "hoeveel"},         {"unit", "aantal"},
                             {"polarity", "hoger"},           {"baseline_value", "100"},
                             {"baseline_date", "2025-01-01"}, {"baseline_source", ""},
                             {"targets", "2027: 150"},        {"forecast", ""}};
  auto r =
      post("/doelen/" + std::to_string(seed.ambition) + "/indicatoren", As::beheerder, measure);
  ASSERT_EQ(status(r), 303);
  const auto location = r->get_header_value("Location");
  const auto indicator = location.substr(0, location.find('?'));
  const auto page = body(get("/mijn-organisatie", As::partner));
  EXPECT_THAT(page, HasSubstr("Huiskamer"));
  EXPECT_THAT(page, HasSubstr("Bezoekers huiskamer"));
  EXPECT_THAT(page, HasSubstr("Samen: "));
  EXPECT_THAT(page, HasSubstr(">Mijn organisatie<"));  // at the top, beside the name
  // The partner enters a value of its own measure.
  EXPECT_EQ(
      status(post(indicator + "/waarden", As::partner, {{"year", "2025"}, {"value", "1.120"}})),
      303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values WHERE value = 1120"), 1);
  EXPECT_THAT(body(get(indicator, As::partner)), HasSubstr("Waarde opslaan"));
  // Not a survey figure, and nothing for a lezer.
  EXPECT_EQ(status(post("/indicatoren/" + std::to_string(seed.indicator) + "/waarden", As::partner,
                        {{"year", "2025"}, {"value", "12"}})),
            403);
  EXPECT_EQ(status(post(indicator + "/waarden", As::lezer, {{"year", "2026"}, {"value", "1"}})),
            403);
  // A measure of an ambition none of its activities serve is not the partner's to fill in.
  {
    store::Connection conn(db());
    conn.sql() << "DELETE FROM activity_links WHERE activity_id = :a", soci::use(seed.activity);
  }
  EXPECT_EQ(status(post(indicator + "/waarden", As::partner, {{"year", "2026"}, {"value", "5"}})),
            403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_values"), 1);
}

// A big city's register comes in pages of 100; the next page keeps the chosen filters.
TEST_F(PlanWorkTest, LongActivityListsComeInPagesThatKeepTheFilters) {
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    domain::Activity a;
    a.lead_partner_id = seed.own_partner;
    a.target_group = "iedereen";
    a.loneliness_type = "sociaal";
    a.degrees = {"preventie"};
    for (int i = 0; i < 130; ++i) {
      a.name = "Koffieochtend " + std::to_string(1000 + i);
      store::create_activity(change, a);
    }
    change.commit();
  }
  const auto first = body(get("/wie-doet-wat?graad=preventie"));
  EXPECT_THAT(first, HasSubstr("130 van de 131 activiteiten"));
  EXPECT_THAT(first, HasSubstr("Pagina 1 van 2"));
  EXPECT_THAT(first, HasSubstr("href=\"/wie-doet-wat?graad=preventie&amp;pagina=2\""));
  EXPECT_THAT(first, HasSubstr("Koffieochtend 1099"));
  EXPECT_THAT(first, Not(HasSubstr("Koffieochtend 1100")));
  const auto second = body(get("/wie-doet-wat?graad=preventie&pagina=2"));
  EXPECT_THAT(second, HasSubstr("Koffieochtend 1129"));
  EXPECT_THAT(second, Not(HasSubstr("Koffieochtend 1099")));
  EXPECT_THAT(second, Not(HasSubstr(">Huiskamer<")));
  // Past the end is the last page.
  EXPECT_THAT(body(get("/wie-doet-wat?pagina=99")), HasSubstr("Pagina 2 van 2"));
}

// "1.500" is what a Dutch treasurer types for fifteen hundred euros; it once became 1,5.
TEST_F(PlanWorkTest, ContributionAmountsAreReadAsDutchPeopleTypeThem) {
  auto form = httplib::Params{{"partner", std::to_string(seed.own_partner)},
                              {"ambition", std::to_string(seed.ambition)},
                              {"what", "Subsidie"},
                              {"activity", ""},
                              {"hours", "2.100"},
                              {"euros", "1.500"},
                              {"in_kind", ""},
                              {"start_year", "2025"},
                              {"end_year", "2027"},
                              {"agreed_on", ""},
                              {"status", "voorgesteld"}};
  ASSERT_EQ(status(post("/wie-doet-wat/bijdragen", As::partner, form)), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM contributions WHERE euros = 1500 AND hours = 2100"), 1);
  // The matrix adds the means up per partner, per ambition and in all; so does the plan.
  EXPECT_THAT(body(get("/wie-doet-wat/bijdragen", As::lezer)), HasSubstr("€ 1.500"));
  EXPECT_THAT(body(get("/plan", As::lezer)), HasSubstr("Wat de bijdragen samen zijn"));
  EXPECT_THAT(body(get("/partners/" + std::to_string(seed.own_partner), As::partner)),
              HasSubstr("2.100 uur"));
  form.erase("euros");
  form.emplace("euros", "1.5");
  auto r = post("/wie-doet-wat/bijdragen", As::partner, form);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Gebruik een komma voor decimalen (12,5)"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM contributions WHERE what = 'Subsidie'"), 1);
}

TEST_F(PlanWorkTest, ThePartnerAddsAContributionThatShowsInTheMatrixAndOnItsPage) {
  const auto form = httplib::Params{{"partner", std::to_string(seed.own_partner)},
                                    {"ambition", std::to_string(seed.ambition)},
                                    {"what", "Ruimte in het buurthuis"},
                                    {"activity", ""},
                                    {"hours", "12,5"},
                                    {"euros", ""},
                                    {"in_kind", "Zaal op dinsdag"},
                                    {"start_year", "2025"},
                                    {"end_year", "2027"},
                                    {"agreed_on", ""},
                                    {"status", "afgesproken"}};
  auto r = post("/wie-doet-wat/bijdragen", As::partner, form);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul in wanneer dit is afgesproken."));
  auto agreed = form;
  agreed.erase("agreed_on");
  agreed.emplace("agreed_on", "1 februari 2025");  // as typed where there is no date picker
  ASSERT_EQ(status(post("/wie-doet-wat/bijdragen", As::partner, agreed)), 303);
  EXPECT_THAT(body(get("/wie-doet-wat/bijdragen", As::lezer)),
              HasSubstr("Ruimte in het buurthuis"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM contributions WHERE agreed_on = '2025-02-01'"), 1);
  const auto partner_page = body(get("/partners/" + std::to_string(seed.own_partner), As::partner));
  EXPECT_THAT(partner_page, HasSubstr("Ruimte in het buurthuis"));
  EXPECT_THAT(partner_page, HasSubstr("12,5 uur"));
  // Not for another partner.
  auto other = agreed;
  other.erase("partner");
  other.emplace("partner", std::to_string(seed.other_partner));
  EXPECT_EQ(status(post("/wie-doet-wat/bijdragen", As::partner, other)), 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM contributions"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'bijdrage' AND person_name = "
                  "'Mo Partner'"),
            1);
}

TEST_F(PlanWorkTest, TheMatrixMarksAnAmbitionNobodyWorksOn) {
  ASSERT_EQ(status(post("/doelen", As::beheerder,
                        {{"title", "Jongeren"},
                         {"statement", "Over drie jaar willen we dat jongeren ergens bij horen."},
                         {"target_group", "jongeren"},
                         {"start_year", "2025"},
                         {"end_year", "2027"},
                         {"findings", ""},
                         {"owner", ""},
                         {"status", "concept"}})),
            303);
  const auto matrix = body(get("/wie-doet-wat/bijdragen"));
  EXPECT_THAT(matrix, HasSubstr("nog niemand"));
  EXPECT_THAT(matrix, Not(HasSubstr("draagt nog niets bij")));  // both partners contribute
}

TEST_F(PlanWorkTest, ActionsShowOverdueAndKeepAStatusLog) {
  const auto action = "/acties/" + std::to_string(seed.action);
  EXPECT_THAT(body(get("/acties", As::lezer)), HasSubstr("te laat"));
  // The partner of the action updates it with a note.
  ASSERT_EQ(status(post(action + "/status", As::partner,
                        {{"status", "klaar"}, {"note", "Aanvraag is verstuurd."}})),
            303);
  const auto page = body(get(action, As::lezer));
  EXPECT_THAT(page, HasSubstr("Aanvraag is verstuurd."));
  EXPECT_THAT(page, HasSubstr("Mo Partner"));
  EXPECT_THAT(body(get("/acties", As::lezer)), Not(HasSubstr("Subsidie aanvragen")));
  EXPECT_THAT(body(get("/acties?toon=alle", As::lezer)), HasSubstr("Subsidie aanvragen"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM action_log"), 2);
  EXPECT_EQ(status(post(action + "/status", As::partner, {{"status", "gedaan"}})), 422);
  EXPECT_EQ(status(post(action + "/status", As::lezer, {{"status", "open"}})), 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM action_log"), 2);
}

TEST_F(PlanWorkTest, ABeheerderCreatesAnActionWithADueDate) {
  auto r = post("/acties", As::beheerder,
                {{"title", "Evaluatie plannen"},
                 {"description", ""},
                 {"owner", std::to_string(seed.lezer)},
                 {"partner", ""},
                 {"ambition", std::to_string(seed.ambition)},
                 {"due_date", "30 februari 2026"},  // "31-12-2026" is fine: Dutch order
                 {"status", "open"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul een datum in die bestaat"));
  r = post("/acties", As::beheerder,
           {{"title", "Evaluatie plannen"},
            {"description", ""},
            {"owner", std::to_string(seed.lezer)},
            {"partner", ""},
            {"ambition", std::to_string(seed.ambition)},
            {"due_date", "31 december 2099"},
            {"status", "open"}});
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actions WHERE due_date = '2099-12-31'"), 1);
  // A lezer named its owner reads it: a lezer writes nothing of the coalition's work.
  const auto location = r->get_header_value("Location");
  const auto action = location.substr(0, location.find('?'));
  EXPECT_EQ(status(post(action + "/status", As::lezer, {{"status", "bezig"}})), 403);
  EXPECT_THAT(body(get(action, As::lezer)), Not(HasSubstr(action + "/status")));
  EXPECT_EQ(status(post(action + "/status", As::beheerder, {{"status", "bezig"}})), 303);
}

TEST_F(PlanWorkTest, ThePlanDocumentHasEveryPartAndExportsTheSameCells) {
  const auto page = body(get("/plan", As::lezer));
  EXPECT_THAT(page, HasSubstr("Lokale aanpak eenzaamheid Gemeente Voorbeeld 2024–2027"));
  for (const char* part : {"Minder eenzaamheid", "Huiskamer", "Opbouwwerk", "Subsidie aanvragen",
                           "Welzijn Noord", "<svg"})
    EXPECT_THAT(page, HasSubstr(part)) << part;
  const auto xlsx = get("/plan.xlsx", As::lezer);
  ASSERT_EQ(status(xlsx), 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");  // a zip, as XLSX files are
  EXPECT_THAT(xlsx->get_header_value("Content-Disposition"), HasSubstr("plan.xlsx"));
  const auto values = body(get("/plan/waarden.csv", As::lezer));
  EXPECT_THAT(values, HasSubstr("% eenzaam, hele gemeente"));
  EXPECT_THAT(values, HasSubstr("Proefmeting"));
  EXPECT_THAT(body(get("/plan/acties.csv", As::lezer)), HasSubstr("Subsidie aanvragen"));
  // A survey value hidden on the pages is left out of the exports too.
  ASSERT_NO_FATAL_FAILURE(set_min_cell_size(100));
  EXPECT_THAT(body(get("/plan/waarden.csv", As::lezer)), Not(HasSubstr("Proefmeting")));
  EXPECT_EQ(status(get("/plan/mensen.csv", As::lezer)), 404);
}

TEST_F(PlanWorkTest, ThePublicDashboardIsOffUntilSwitchedOnAndShowsNoNames) {
  EXPECT_EQ(status(get("/openbaar/GM9999", As::anonymous)), 404);
  const httplib::Params settings = {{"name", "Gemeente Voorbeeld"},
                                    {"kartrekker", "Gemeente Voorbeeld"},
                                    {"cycle_start", "2026-01-01"},
                                    {"min_cell_size", "50"},
                                    {"public_dashboard", "1"}};
  ASSERT_EQ(status(post("/beheer/coalitie", As::beheerder, settings)), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'coalitie' AND action = "
                  "'wijzigen' AND changes LIKE '%public_dashboard%'"),
            1);
  // A draft ambition is not public; an agreed one is, with its indicators.
  EXPECT_THAT(body(get("/openbaar/GM9999", As::anonymous)), Not(HasSubstr("Minder eenzaamheid")));
  ASSERT_EQ(status(post("/doelen/" + std::to_string(seed.ambition), As::beheerder,
                        {{"title", "Minder eenzaamheid"},
                         {"statement",
                          "Over drie jaar willen we dat minder inwoners zich eenzaam "
                          "voelen."},
                         {"target_group", "iedereen"},
                         {"start_year", "2024"},
                         {"end_year", "2027"},
                         {"findings", ""},
                         {"owner", std::to_string(seed.beheerder)},
                         {"status", "vastgesteld"}})),
            303);
  ASSERT_EQ(status(post("/indicatoren/" + std::to_string(seed.indicator) + "/verhalen", As::lezer,
                        {{"story", "Een verhaal"}})),
            303);
  const auto page = get("/openbaar/GM9999", As::anonymous);
  ASSERT_EQ(status(page), 200);
  EXPECT_THAT(body(page), HasSubstr("Minder eenzaamheid"));
  EXPECT_THAT(body(page), HasSubstr("% eenzaam, hele gemeente"));
  EXPECT_THAT(body(page), HasSubstr("<svg"));
  for (const char* name : {"Anouk Beheer", "Lotte Lezer", "Een verhaal", "Mo Partner"})
    EXPECT_THAT(body(page), Not(HasSubstr(name))) << name;
  EXPECT_EQ(status(get("/openbaar/GM0001", As::anonymous)), 404);  // another, still off
}

}  // namespace
}  // namespace kompas::test
