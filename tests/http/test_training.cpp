// The training register (issue 13, point 3): participants without an account, attendance typed
// or read from a list (all or nothing), the numbers per role a partner states for itself, the
// coverage page with who needs a refresher, and coverage as an indicator of the plan.
#include <gmock/gmock.h>

#include "domain/dates.h"
#include "harness.h"
#include "store/indicators_store.h"
#include "store/training_store.h"
#include "web/ui/input.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using TrainingTest = HttpTest;

std::string session_path(const Seed& seed) {
  return "/deskundigheid/sessies/" + std::to_string(seed.session);
}

httplib::Params participant(const std::string& name, long long partner, const std::string& role) {
  return {
      {"name", name}, {"partner_id", std::to_string(partner)}, {"role", role}, {"wijk_code", ""}};
}

TEST_F(TrainingTest, APartnerRegistersWhoCameAndNobodyIsCountedTwice) {
  const auto session = session_path(seed);
  ASSERT_EQ(status(post(session + "/deelnemers", As::partner,
                        participant("Eva de Vries", seed.own_partner, "huismeester"))),
            303);
  // The same person again, typed in other letters: still one participant on the list.
  ASSERT_EQ(status(post(session + "/deelnemers", As::partner,
                        participant("eva de  VRIES", seed.own_partner, "huismeester"))),
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM participants"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendances WHERE attended = 1"), 1);
  // A partner, role or wijk the form does not offer is refused.
  auto r =
      post(session + "/deelnemers", As::partner,
           {{"name", "Piet"}, {"partner_id", "999"}, {"role", "astronaut"}, {"wijk_code", "WK0"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("href=\"#veld-partner_id\""));
  EXPECT_EQ(count("SELECT COUNT(*) FROM participants"), 1);

  // A partner registers and ticks only its own organisation's people.
  r = post(session + "/deelnemers", As::partner,
           participant("Ida Zorg", seed.other_partner, "wijkverpleegkundige"));
  EXPECT_EQ(status(r), 422);
  ASSERT_EQ(status(post(session + "/deelnemers", As::beheerder,
                        participant("Ida Zorg", seed.other_partner, "wijkverpleegkundige"))),
            303);
  EXPECT_THAT(body(get(session, As::partner)), Not(HasSubstr("Ida Zorg")));
  EXPECT_THAT(body(get(session, As::beheerder)), HasSubstr("Ida Zorg"));

  // The lezer sees how many came, not who.
  EXPECT_THAT(body(get(session, As::lezer)), Not(HasSubstr("Eva de Vries")));
  EXPECT_THAT(body(get(session, As::partner)), HasSubstr("Eva de Vries"));

  // Unticking everyone records that she was not there after all.
  ASSERT_EQ(status(post(session + "/aanwezigheid", As::partner, {})), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendances WHERE attended = 0"), 1);  // Ida stays
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'aanwezigheid' AND action = "
                  "'wijzigen'"),
            1);
}

TEST_F(TrainingTest, AnAttendanceListIsReadWholeOrNotAtAll) {
  const auto import = session_path(seed) + "/importeren";
  // An unknown partner and an unknown role: both named with their line; nothing is stored.
  auto r = post_file(import, As::beheerder, "bestand", "lijst.csv",
                     "naam;organisatie;rol;wijk\n"
                     "Eva de Vries;Welzijn Noord;Huismeester of klusjesman;\n"
                     "Jan Jansen;Bakkerij Bol;Vrijwilliger;\n"
                     "Ali Yilmaz;zorg zuid;Astronaut;\n");
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Regel 3"));
  EXPECT_THAT(body(r), HasSubstr("‘Bakkerij Bol’ is geen partner van de coalitie"));
  EXPECT_THAT(body(r), HasSubstr("‘Astronaut’ is geen bekende rol"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM participants"), 0);
  r = post_file(import, As::beheerder, "bestand", "lijst.csv", "naam;rol\nEva;huismeester\n");
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("De kolom organisatie ontbreekt"));

  // A partner reads in only its own people; the beheerder anyone's, roles in either language.
  const std::string list =
      "naam;organisatie;rol\n"
      "Eva de Vries;Welzijn Noord;Huismeester of klusjesman\n"
      "Ali Yilmaz;zorg zuid;District nurse\n";
  r = post_file(import, As::partner, "bestand", "lijst.csv", list);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("‘zorg zuid’ is een andere organisatie"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM participants"), 0);
  r = post_file(import, As::beheerder, "bestand", "lijst.csv", list);
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM participants"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendances WHERE attended = 1"), 2);
  EXPECT_EQ(status(post_file(import, As::lezer, "bestand", "lijst.csv", "naam\n")), 403);
}

TEST_F(TrainingTest, CoverageCountsWhoIsStillValidOutOfWhatPartnersStated) {
  // The partner states its own numbers, never another partner's.
  const auto state = [&](long long partner, const std::string& count) {
    return post("/deskundigheid/aantallen", As::partner,
                {{"partner_id", std::to_string(partner)},
                 {"role", "huismeester"},
                 {"wijk_code", ""},
                 {"count", count}});
  };
  auto r = state(seed.other_partner, "4");
  EXPECT_EQ(status(r), 422);
  r = state(seed.own_partner, "4,5");
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul een heel getal in"));
  // A whole number far too big is named as out of range, not as having a comma.
  r = state(seed.own_partner, "99999999999");
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("van 0 tot 100.000"));
  r = state(seed.own_partner, "4");
  ASSERT_EQ(status(r), 303);

  // Two people trained: one a year ago on a 12-month training (ends within 3 months), one
  // long ago (ended). A third of another partner, still valid.
  const auto today = web::today_date();
  {
    store::Change change(db(), beheerder_of(seed));
    domain::Training t;
    t.title = "Signalen herkennen";
    t.valid_months = 12;
    const auto training = store::create_training(change, t);
    const auto recent =
        store::create_session(change, {0, training, domain::add_months(today, -11), "", "", 0});
    const auto old =
        store::create_session(change, {0, training, domain::add_months(today, -30), "", "", 0});
    store::add_to_session(change, recent,
                          {{0, "Eva de Vries", seed.own_partner, "huismeester", ""}});
    store::add_to_session(change, old, {{0, "Joop Oud", seed.own_partner, "huismeester", ""}});
    store::add_to_session(change, recent,
                          {{0, "Ida Zorg", seed.other_partner, "wijkverpleegkundige", ""}});
    change.commit();
  }
  // Welzijn Noord: 1 of 4 valid; Zorg Zuid stated nothing, so its one trained is its total.
  auto page = body(get("/deskundigheid/bereik", As::beheerder));
  EXPECT_THAT(page, HasSubstr("2 van de 5 mensen in de frontlinie zijn getraind"));
  EXPECT_THAT(page, HasSubstr("40,0%"));
  EXPECT_THAT(page,
              HasSubstr("scope=\"row\">Welzijn Noord</th><td class=\"utrecht-table__cell "
                        "utrecht-table__cell--numeric\">1</td><td class=\"utrecht-table__cell "
                        "utrecht-table__cell--numeric\">4</td>"));
  EXPECT_THAT(page, HasSubstr("Eva de Vries"));  // due within 3 months
  EXPECT_THAT(page, HasSubstr("Joop Oud"));      // ended
  EXPECT_THAT(page, HasSubstr("Meer mensen getraind dan opgegeven"));
  // The partner sees its own people only; the lezer nobody.
  page = body(get("/deskundigheid/bereik", As::partner));
  EXPECT_THAT(page, HasSubstr("Eva de Vries"));
  EXPECT_THAT(page, Not(HasSubstr("Ida Zorg")));
  page = body(get("/deskundigheid/bereik", As::lezer));
  EXPECT_THAT(page, HasSubstr("2 van de 5"));
  EXPECT_THAT(page, Not(HasSubstr("Eva de Vries")));

  // An indicator of kind deskundigheid takes this year's value from the register.
  {
    store::Change change(db(), beheerder_of(seed));
    domain::Indicator ind;
    ind.ambition_id = seed.ambition;
    ind.name = "Getrainde frontlinie";
    ind.kind = "deskundigheid";
    ind.question = "hoe_goed";
    ind.polarity = domain::Polarity::higher_is_better;
    ind.targets = {{web::current_year() + 1, 80}};
    const auto id = store::create_indicator(change, ind);
    change.commit();
    page = body(get("/indicatoren/" + std::to_string(id), As::lezer));
  }
  EXPECT_THAT(page, HasSubstr("Trainingsregister"));
  EXPECT_THAT(page, HasSubstr("(" + std::to_string(web::current_year()) + ": 40%)"));
  EXPECT_THAT(page, Not(HasSubstr("id=\"waarde\"")));  // no values typed by hand
}

TEST_F(TrainingTest, TheBeheerderAddsARoleOnce) {
  ASSERT_EQ(status(post("/deskundigheid/rollen", As::beheerder, {{"role_name", "Buurtcoach"}})),
            303);
  const auto again = post("/deskundigheid/rollen", As::beheerder, {{"role_name", "buurtcoach "}});
  EXPECT_EQ(status(again), 422);
  EXPECT_THAT(body(again), HasSubstr("value=\"buurtcoach \""));  // what was typed stays
  EXPECT_EQ(count("SELECT COUNT(*) FROM frontline_roles"), 1);
  EXPECT_THAT(body(get("/deskundigheid/aantallen", As::partner)), HasSubstr("Buurtcoach"));
  EXPECT_EQ(status(post("/deskundigheid/rollen", As::partner, {{"role_name", "Buurtcoach"}})), 403);
}

TEST_F(TrainingTest, ATrainingAndASessionAreTypedAsPeopleTypeThem) {
  auto r = post("/deskundigheid/training/nieuw", As::partner,
                {{"title", "Eenzaamheid in de wijk"},
                 {"provider", "Welzijn Noord"},
                 {"kind", "klassikaal"},
                 {"hours", "2,5"},
                 {"valid_months", "24"},
                 {"modules", "Signalen\nHet gesprek"}});
  ASSERT_EQ(status(r), 303);
  const auto location = r->get_header_value("Location");
  const auto training = location.substr(0, location.find('?'));
  const auto page = body(get(training, As::lezer));
  EXPECT_THAT(page, HasSubstr("2,5"));
  EXPECT_THAT(page, HasSubstr("24 maanden"));
  EXPECT_THAT(page, HasSubstr("Het gesprek"));
  r = post(
      training + "/sessies/nieuw", As::partner,
      {{"date", "1 september"}, {"place", "Wijkhuis"}, {"trainer", ""}, {"capacity", "1.500"}});
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM training_sessions WHERE capacity = 1500 AND date = '" +
                  std::to_string(web::current_year()) + "-09-01'"),
            1);
  r = post(training + "/sessies/nieuw", As::partner,
           {{"date", "31 februari"}, {"place", ""}, {"trainer", ""}, {"capacity", ""}});
  EXPECT_EQ(status(r), 422);
  r = post("/deskundigheid/training/nieuw", As::partner,
           {{"title", "X"},
            {"provider", ""},
            {"kind", "hoorcollege"},
            {"hours", "-1"},
            {"valid_months", "121"},
            {"modules", ""}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("href=\"#veld-kind\""));
  EXPECT_THAT(body(r), HasSubstr("href=\"#veld-valid_months\""));
  // An empty validity is not "never".
  r = post("/deskundigheid/training/nieuw", As::partner,
           {{"title", "X"},
            {"provider", ""},
            {"kind", "klassikaal"},
            {"hours", ""},
            {"valid_months", ""},
            {"modules", ""}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("href=\"#veld-valid_months\""));
}

}  // namespace
}  // namespace kompas::test
