// Field rules for coalitions, partners and people.
#include <gtest/gtest.h>

#include "domain/activities.h"
#include "domain/coalition.h"
#include "domain/partners.h"
#include "domain/people.h"
#include "domain/quality_rounds.h"
#include "domain/web_address.h"

namespace kompas::domain {
namespace {

TEST(Dates, AcceptOnlyRealCalendarDates) {
  EXPECT_TRUE(is_valid_date("2026-01-01"));
  EXPECT_TRUE(is_valid_date("2024-02-29"));
  EXPECT_TRUE(is_valid_date("2000-02-29"));
  EXPECT_FALSE(is_valid_date("1900-02-29"));
  EXPECT_FALSE(is_valid_date("2026-02-29"));
  EXPECT_FALSE(is_valid_date("2026-04-31"));
  EXPECT_FALSE(is_valid_date("2026-13-01"));
  EXPECT_FALSE(is_valid_date("2026-00-10"));
  EXPECT_FALSE(is_valid_date("2026-1-01"));
  EXPECT_FALSE(is_valid_date("01-01-2026"));
  EXPECT_FALSE(is_valid_date("2026/01/01"));
  EXPECT_FALSE(is_valid_date(""));
}

TEST(Email, FormAndNormalisation) {
  EXPECT_TRUE(is_valid_email("a@b.nl"));
  EXPECT_TRUE(is_valid_email("anouk.de.vries+kompas@gemeente-voorbeeld.example"));
  EXPECT_FALSE(is_valid_email("geen-adres"));
  EXPECT_FALSE(is_valid_email("@b.nl"));
  EXPECT_FALSE(is_valid_email("a@b"));
  EXPECT_FALSE(is_valid_email("a@.nl"));
  EXPECT_FALSE(is_valid_email("a@b.nl."));
  EXPECT_FALSE(is_valid_email("a b@c.nl"));
  EXPECT_FALSE(is_valid_email("a@b@c.nl"));
  EXPECT_FALSE(is_valid_email("<a@b.nl>"));
  EXPECT_EQ(normalise_email("  Anouk@Voorbeeld.NL \t"), "anouk@voorbeeld.nl");
}

TEST(CoalitionRules, NameCodeAndDate) {
  Coalition ok{0, "Gemeente Voorbeeld", "GM9999", "", ""};
  EXPECT_TRUE(validate(ok).empty());
  ok.cycle_start = "2026-01-01";
  EXPECT_TRUE(validate(ok).empty());
  Coalition bad{0, "  ", "WK999901", "", "2026-02-30"};
  const auto errors = validate(bad);
  EXPECT_EQ(errors.at("name"), "error.required");
  EXPECT_EQ(errors.at("gemeente_code"), "error.gemeente_code");
  EXPECT_EQ(errors.at("cycle_start"), "error.date");
}

TEST(PartnerRules, TypesAndFields) {
  EXPECT_EQ(partner_types().size(), 12u);
  for (const auto& type : partner_types()) EXPECT_TRUE(is_partner_type(type));
  EXPECT_FALSE(is_partner_type("Welzijn"));
  Partner p{0, "Welzijn Voorbeeld", "welzijn", "", "", "", "", true};
  EXPECT_TRUE(validate(p).empty());
  p.contact_email = "niet goed";
  p.type = "";
  p.name = std::string(201, 'x');
  const auto errors = validate(p);
  EXPECT_EQ(errors.at("contact_email"), "error.email");
  EXPECT_EQ(errors.at("type"), "error.choose");
  EXPECT_EQ(errors.at("name"), "error.too_long");
}

TEST(PeopleRules, RolesPasswordsAndRights) {
  EXPECT_EQ(parse_word<Role>("beheerder"), Role::beheerder);
  EXPECT_EQ(parse_word<Role>("partner"), Role::partner);
  EXPECT_EQ(parse_word<Role>("lezer"), Role::lezer);
  EXPECT_FALSE(parse_word<Role>("admin"));
  for (Role r : {Role::beheerder, Role::partner, Role::lezer})
    EXPECT_EQ(parse_word<Role>(word(r)), r);

  Person p;
  p.name = "Mo";
  p.email = "mo@welzijn.example";
  p.role = Role::partner;
  EXPECT_EQ(validate(p).at("partner_id"), "error.partner_required");
  p.partner_id = 7;
  EXPECT_TRUE(validate(p).empty());

  EXPECT_EQ(password_problem("elf-tekens!"), "error.password_short");
  EXPECT_FALSE(password_problem("twaalf-tekens"));

  EXPECT_TRUE(can_edit_partner(p, 7));
  EXPECT_FALSE(can_edit_partner(p, 8));
  p.role = Role::lezer;
  EXPECT_FALSE(can_edit_partner(p, 7));
  p.role = Role::beheerder;
  EXPECT_TRUE(can_edit_partner(p, 8));
}

TEST(PersonRules, WhoMayAddAndChangeThePlansWork) {
  Person partner;
  partner.role = Role::partner;
  partner.partner_id = 7;
  Person lezer;
  lezer.role = Role::lezer;
  Person beheerder;
  beheerder.role = Role::beheerder;
  EXPECT_TRUE(can_add_work(partner));
  EXPECT_TRUE(can_add_work(beheerder));
  EXPECT_FALSE(can_add_work(lezer));

  Activity own, other, unled;
  own.lead_partner_id = 7;
  other.lead_partner_id = 8;
  EXPECT_TRUE(can_edit(partner, own));
  EXPECT_FALSE(can_edit(partner, other));
  EXPECT_FALSE(can_edit(partner, unled));  // nobody leads it: only the beheerder
  EXPECT_TRUE(can_edit(beheerder, unled));
  EXPECT_FALSE(can_edit(lezer, own));
}

TEST(CoalitionRules, MinimumCellSizeBetween10And1000) {
  Coalition c{0, "Gemeente Voorbeeld", "GM9999", "", ""};
  EXPECT_EQ(c.min_cell_size, 50);
  for (int ok : {10, 50, 200, 1000}) {
    c.min_cell_size = ok;
    EXPECT_TRUE(validate(c).empty()) << ok;
  }
  for (int bad : {0, 9, 1001, -5}) {
    c.min_cell_size = bad;
    EXPECT_EQ(validate(c).at("min_cell_size"), "error.min_cell_size") << bad;
  }
}

// One rule for web addresses, forms and imported files alike.
TEST(WebAddress, OnlyHttpAndHttpsWithAHost) {
  for (const char* good : {"https://voorbeeld.nl", "http://example.com/counselling?x=1#a",
                           "https://www.gemeente.nl/eenzaamheid"})
    EXPECT_TRUE(is_web_address(good)) << good;
  for (const char* bad : {"javascript:alert(1)", "data:text/html,<b>x</b>", "https://geen-punt",
                          "https://voorbeeld.nl/met spatie", "ftp://voorbeeld.nl", "voorbeeld.nl",
                          "https://.nl", "https://"})
    EXPECT_FALSE(is_web_address(bad)) << bad;
  EXPECT_FALSE(is_web_address("https://voorbeeld.nl/" + std::string(500, 'a')));
}

// A lezer is never asked into a check round's team; an inactive person neither.
TEST(QualityRounds, OnlyActivePeopleWhoDoTheWorkJoinATeam) {
  Person person;
  person.role = Role::partner;
  EXPECT_TRUE(may_join_team(person));
  person.role = Role::lezer;
  EXPECT_FALSE(may_join_team(person));
  person.role = Role::beheerder;
  person.active = false;
  EXPECT_FALSE(may_join_team(person));
}

}  // namespace
}  // namespace kompas::domain
