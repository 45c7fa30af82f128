// People and roles, coalition settings and the audit log page.
#include <gmock/gmock.h>

#include "harness.h"

using ::testing::HasSubstr;
using ::testing::Not;

namespace kompas::test {
namespace {

using PeopleAdminTest = HttpTest;

TEST_F(PeopleAdminTest, BeheerderAddsAPartnerPersonWhoCanThenLogIn) {
  auto r = post("/mensen", As::beheerder,
                {{"name", "Sanne Jansen"},
                 {"email", "sanne@havenstad.example"},
                 {"role", "partner"},
                 {"partner_id", std::to_string(seed.own_partner)},
                 {"password", "paarse-fiets-op-dinsdag"},
                 {"active", "1"}});
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE email = 'sanne@havenstad.example' AND "
                  "role = 'partner' AND password_hash LIKE '$argon2id$%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'persoon' AND label = "
                  "'Sanne Jansen' AND changes NOT LIKE '%paarse-fiets-op-dinsdag%'"),
            1);
}

TEST_F(PeopleAdminTest, PersonFormValidatesEveryField) {
  auto r = post("/mensen", As::beheerder,
                {{"name", ""},
                 {"email", "lezer@a.example"},
                 {"role", "partner"},
                 {"partner_id", std::to_string(seed.partner_b)},
                 {"password", "kort"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul dit in."));
  EXPECT_THAT(body(r), HasSubstr("Dit e-mailadres kunt u niet gebruiken."));
  EXPECT_THAT(body(r), HasSubstr("Kies een van de mogelijkheden."));  // partner of coalition B
  EXPECT_THAT(body(r), HasSubstr("minstens 12 tekens"));
  EXPECT_THAT(body(r), HasSubstr("value=\"lezer@a.example\""));
  EXPECT_THAT(body(r), Not(HasSubstr("value=\"kort\"")));  // passwords are never echoed
}

TEST_F(PeopleAdminTest, PartnerRoleNeedsAPartner) {
  auto r = post("/mensen", As::beheerder,
                {{"name", "Zonder partner"},
                 {"email", "zp@a.example"},
                 {"role", "partner"},
                 {"partner_id", ""},
                 {"password", "lang-genoeg-wachtwoord"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("hoort bij een partnerorganisatie"));
}

TEST_F(PeopleAdminTest, BeheerderCannotLockThemselvesOut) {
  auto r = post("/mensen/" + std::to_string(seed.beheerder), As::beheerder,
                {{"name", "Anouk Beheer"},
                 {"email", "beheer@a.example"},
                 {"role", "lezer"},
                 {"active", "1"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE email = 'beheer@a.example' AND role = "
                  "'beheerder'"),
            1);
}

TEST_F(PeopleAdminTest, ChangingARoleEndsThatPersonsSessions) {
  auto r = post("/mensen/" + std::to_string(seed.lezer), As::beheerder,
                {{"name", "Lotte Lezer"},
                 {"email", "lezer@a.example"},
                 {"role", "beheerder"},
                 {"active", "1"}});
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(status(get("/", As::lezer)), 303);  // must log in again with the new role
}

TEST_F(PeopleAdminTest, CoalitionSettingsAreValidatedAndAudited) {
  auto bad = post("/beheer/coalitie", As::beheerder,
                  {{"name", "Gemeente Voorbeeld"},
                   {"kartrekker", "X"},
                   {"cycle_start", "2026-02-30"},
                   {"min_cell_size", "5"}});
  EXPECT_EQ(status(bad), 422);
  EXPECT_THAT(body(bad), HasSubstr("Vul een datum in die bestaat"));
  EXPECT_THAT(body(bad), HasSubstr("Kies een heel getal tussen 10 en 1000."));
  // "50,5" and "50 personen" were once read as 50; "1.000" as 1.
  for (const char* typed : {"50,5", "50 personen"})
    EXPECT_EQ(status(post("/beheer/coalitie", As::beheerder,
                          {{"name", "Gemeente Voorbeeld"}, {"min_cell_size", typed}})),
              422)
        << typed;
  ASSERT_EQ(status(post("/beheer/coalitie", As::beheerder,
                        {{"name", "Gemeente Voorbeeld"}, {"min_cell_size", "1.000"}})),
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM coalitions WHERE min_cell_size = 1000"), 1);
  auto ok = post("/beheer/coalitie", As::beheerder,
                 {{"name", "Gemeente Voorbeeld"},
                  {"kartrekker", "Welzijn Voorbeeld"},
                  {"cycle_start", "2027-01-01"},
                  {"min_cell_size", "30"}});
  EXPECT_EQ(status(ok), 303);
  // The seeded survey's 40 men and 40 women are now shown.
  const auto csv = get("/verkennen/metingen/" + std::to_string(seed.survey) + "/geslacht.csv");
  EXPECT_THAT(body(csv), HasSubstr("\"man\";\"\";\"Eenzaam\";40;"));
  EXPECT_THAT(body(csv), Not(HasSubstr("\"man\";\"\";\"Eenzaam\";40;;")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM coalitions WHERE kartrekker = 'Welzijn Voorbeeld' AND "
                  "cycle_start = '2027-01-01'"),
            1);
  auto log = get("/beheer/logboek?soort=coalitie", As::beheerder);
  EXPECT_THAT(body(log), HasSubstr("1 januari 2026"));
  EXPECT_THAT(body(log), HasSubstr("1 januari 2027"));
  EXPECT_THAT(body(log), HasSubstr("Welzijn Voorbeeld"));
}

TEST_F(PeopleAdminTest, AuditLogFiltersByKindPersonAndDate) {
  post("/partners", As::beheerder, {{"name", "Bibliotheek"}, {"type", "sport_cultuur"}});
  auto partners_only = get("/beheer/logboek?soort=partner", As::beheerder);
  EXPECT_THAT(body(partners_only), HasSubstr("Bibliotheek"));
  EXPECT_THAT(body(partners_only), Not(HasSubstr("Lotte Lezer")));
  // Fields in the order the section declares them, words of a list in the reader's language.
  const auto text = body(partners_only);
  const auto field = [&](const std::string& label) {
    return text.find("<span class=\"kompas-changes__field\">" + label + "</span>");
  };
  ASSERT_NE(field("soort organisatie"), std::string::npos);
  EXPECT_LT(field("naam"), field("soort organisatie"));  // alphabetically it would come after
  EXPECT_THAT(text, HasSubstr("<ins>Sport en cultuur</ins>"));
  const auto english =
      body(get("/beheer/logboek?soort=partner", As::beheerder, {{"Cookie", "taal=en"}}));
  EXPECT_THAT(english, HasSubstr("<ins>Sport and culture</ins>"));
  auto by_person = get("/beheer/logboek?persoon=anouk", As::beheerder);
  EXPECT_THAT(body(by_person), HasSubstr("Bibliotheek"));
  auto by_other = get("/beheer/logboek?persoon=iemand-anders", As::beheerder);
  EXPECT_THAT(body(by_other), Not(HasSubstr("Bibliotheek")));
  auto old = get("/beheer/logboek?tot=2000-01-01", As::beheerder);
  EXPECT_THAT(body(old), HasSubstr("Er zijn geen wijzigingen gevonden."));
  // Coalition B's log does not show coalition A's changes.
  auto other = get("/beheer/logboek", As::other_coalition);
  EXPECT_THAT(body(other), Not(HasSubstr("Bibliotheek")));
}

}  // namespace
}  // namespace kompas::test
