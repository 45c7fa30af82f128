// Partners: creating, editing, validation that keeps input, and who may do what.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/partners_store.h"

using ::testing::HasSubstr;
using ::testing::Not;

namespace kompas::test {
namespace {

using PartnersTest = HttpTest;

httplib::Params full_partner(const std::string& name) {
  return {{"name", name},
          {"type", "woningcorporatie"},
          {"contact_name", "Sanne Jansen"},
          {"contact_email", "Sanne@Havenstad.example"},
          {"mandate", "Mag ruimte toezeggen."},
          {"interests", "Prettig wonen."},
          {"active", "1"}};
}

TEST_F(PartnersTest, BeheerderAddsAPartnerAndTheAuditLogHasIt) {
  auto r = post("/partners", As::beheerder, full_partner("Woonstichting Havenstad"));
  ASSERT_EQ(status(r), 303);
  const auto location = r->get_header_value("Location");
  EXPECT_THAT(location, HasSubstr("melding=saved"));
  auto page = get(location.substr(0, location.find('?')), As::beheerder);
  EXPECT_THAT(body(page), HasSubstr("Woonstichting Havenstad"));
  EXPECT_THAT(body(page), HasSubstr("sanne@havenstad.example"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'partner' AND action = "
                  "'aanmaken' AND label = 'Woonstichting Havenstad' AND person_name = "
                  "'Anouk Beheer'"),
            1);
}

TEST_F(PartnersTest, InvalidInputComesBackWithMessagesAndWhatWasTyped) {
  auto form = full_partner("");
  form.erase("type");
  form.emplace("type", "geen-soort");
  form.erase("contact_email");
  form.emplace("contact_email", "geen-adres");
  auto r = post("/partners", As::beheerder, form);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul dit in."));
  EXPECT_THAT(body(r), HasSubstr("Kies een van de mogelijkheden."));
  EXPECT_THAT(body(r), HasSubstr("Vul een geldig e-mailadres in"));
  EXPECT_THAT(body(r), HasSubstr("value=\"Sanne Jansen\""));
  EXPECT_THAT(body(r), HasSubstr("Mag ruimte toezeggen."));
  EXPECT_THAT(body(r), HasSubstr("href=\"#veld-name\""));
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners"), 3);
}

TEST_F(PartnersTest, MarkupInInputIsEscaped) {
  auto r = post("/partners", As::beheerder, full_partner("<script>alert(1)</script>"));
  ASSERT_EQ(status(r), 303);
  auto list = get("/partners", As::beheerder);
  EXPECT_THAT(body(list), Not(HasSubstr("<script>alert(1)")));
  EXPECT_THAT(body(list), HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST_F(PartnersTest, NamesAreUniqueWithinACoalitionOnly) {
  auto same = post("/partners", As::beheerder, full_partner("welzijn noord"));
  EXPECT_EQ(status(same), 422);
  EXPECT_THAT(body(same), HasSubstr("Er is al een partner met deze naam."));
  // Coalition B has "Welzijn Ander"; coalition A may use that name.
  EXPECT_EQ(status(post("/partners", As::beheerder, full_partner("Welzijn Ander"))), 303);
}

TEST_F(PartnersTest, PartnerEditsItsOwnRecordButNotAnother) {
  const auto own = "/partners/" + std::to_string(seed.own_partner);
  const auto other = "/partners/" + std::to_string(seed.other_partner);
  EXPECT_EQ(status(get(own + "/bewerken", As::partner)), 200);
  auto r = post(own, As::partner, full_partner("Welzijn Noord en Midden"));
  EXPECT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners WHERE name = 'Welzijn Noord en Midden'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'partner' AND action = "
                  "'wijzigen' AND person_name = 'Mo Partner' AND changes LIKE "
                  "'%Welzijn Noord en Midden%'"),
            1);

  EXPECT_EQ(status(get(other + "/bewerken", As::partner)), 403);
  auto refused = post(other, As::partner, full_partner("Overgenomen"));
  EXPECT_EQ(status(refused), 403);
  EXPECT_THAT(body(refused), HasSubstr("U heeft geen rechten"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners WHERE name = 'Overgenomen'"), 0);
}

TEST_F(PartnersTest, ListIsSearchableAndSortable) {
  post("/partners", As::beheerder, full_partner("Bibliotheek"));
  auto search = get("/partners?q=zorg", As::lezer);
  EXPECT_THAT(body(search), HasSubstr("Zorg Zuid"));
  EXPECT_THAT(body(search), Not(HasSubstr("Welzijn Noord")));
  auto sorted = get("/partners?sorteer=name&richting=af", As::lezer);
  const auto& text = body(sorted);
  EXPECT_LT(text.find("Zorg Zuid"), text.find("Bibliotheek"));
  EXPECT_THAT(text, HasSubstr("aria-sort=\"descending\""));
}

TEST_F(PartnersTest, UnknownAndForeignIdsAreNotFound) {
  EXPECT_EQ(status(get("/partners/999999", As::beheerder)), 404);
  EXPECT_EQ(status(get("/partners/" + std::to_string(seed.partner_b), As::beheerder)), 404);
  auto r =
      post("/partners/" + std::to_string(seed.partner_b), As::beheerder, full_partner("Gekaapt"));
  EXPECT_EQ(status(r), 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners WHERE name = 'Gekaapt'"), 0);
  EXPECT_EQ(status(get("/partners/99999999999999999999999", As::beheerder)), 404);
}

TEST_F(PartnersTest, WrongContentTypeIsRefused) {
  auto r = client().Post("/partners", {{"Cookie", cookie_for(As::beheerder)}}, R"({"name":"JSON"})",
                         "application/json");
  EXPECT_EQ(status(r), 415);
  EXPECT_THAT(body(r), HasSubstr("Er is niets veranderd"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners WHERE name = 'JSON'"), 0);
}

TEST_F(PartnersTest, MissingOrWrongCsrfTokenIsRefused) {
  EXPECT_EQ(status(post("/partners", As::beheerder, full_partner("Zonder token"), false)), 403);
  auto form = full_partner("Fout token");
  form.emplace("_csrf", "verzonnen");
  EXPECT_EQ(status(post("/partners", As::beheerder, form, false)), 403);
  // Someone else's token does not work either.
  form = full_partner("Andermans token");
  form.emplace("_csrf", csrf(As::lezer));
  EXPECT_EQ(status(post("/partners", As::beheerder, form, false)), 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners"), 3);
}

}  // namespace
}  // namespace kompas::test

namespace kompas::test {
namespace {

using CachedPagesTest = HttpTest;

// List pages are kept rendered between changes; every committed change shows at once, and what a
// role may see never leaks to another role or coalition through the cache.
TEST_F(CachedPagesTest, ChangesShowAtOnceAndRolesNeverShareABody) {
  auto before = get("/partners", As::beheerder);
  EXPECT_THAT(body(before), HasSubstr("/partners/nieuw"));
  EXPECT_THAT(body(get("/partners", As::beheerder)), HasSubstr("/partners/nieuw"));  // from cache
  EXPECT_THAT(body(get("/partners", As::lezer)), Not(HasSubstr("/partners/nieuw")));
  EXPECT_THAT(body(get("/partners", As::other_coalition)), Not(HasSubstr("Welzijn Noord")));
  // The layout stays personal: each caller sees their own name and token.
  EXPECT_THAT(body(get("/partners", As::lezer)), HasSubstr("Lotte Lezer"));
  EXPECT_THAT(body(get("/partners", As::lezer)), HasSubstr(csrf(As::lezer)));

  ASSERT_EQ(status(post("/partners", As::beheerder, full_partner("Buurtcooperatie Het Veld"))),
            303);
  EXPECT_THAT(body(get("/partners", As::beheerder)), HasSubstr("Buurtcooperatie Het Veld"));
  EXPECT_THAT(body(get("/partners", As::lezer)), HasSubstr("Buurtcooperatie Het Veld"));
  EXPECT_THAT(body(get("/", As::lezer)), HasSubstr("3 actieve partners (van 3)"));

  // A change from another process (the command line) counts too: it raises the same version.
  {
    store::Change change(db(), {seed.coalition_a, std::nullopt, ""});
    store::update_partner(change,
                          {seed.other_partner, "Zorg Zuid-West", "zorg", "", "", "", "", true});
    change.commit();
  }
  EXPECT_THAT(body(get("/partners", As::lezer)), HasSubstr("Zorg Zuid-West"));
}

// A browser gets the cached body compressed, joined from pieces: the same page, with its own
// CSRF token in every form, as a client that asks for no compression gets.
TEST_F(CachedPagesTest, GzipAnswerIsTheSamePageAsThePlainOne) {
  const auto path = "/indicatoren/" + std::to_string(seed.indicator);
  const auto plain = get(path, As::partner);
  ASSERT_EQ(status(plain), 200);
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_THAT(plain->body, HasSubstr("value=\"" + csrf(As::partner) + "\""));

  // The client unpacks the answer (zlib checks the CRC-32 and length at the end).
  for (const auto* encoding : {"gzip, deflate, br, zstd", "gzip;q=0.5"}) {
    const auto zipped = get(path, As::partner, {{"Accept-Encoding", encoding}});
    ASSERT_EQ(status(zipped), 200) << encoding;
    EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(zipped->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_EQ(zipped->body, plain->body) << encoding;
  }
  const auto refused = get(path, As::partner, {{"Accept-Encoding", "gzip;q=0"}});
  EXPECT_FALSE(refused->has_header("Content-Encoding"));
  EXPECT_EQ(body(refused), plain->body);
  // A range request gets exactly the bytes it asked for, plain or compressed, and nothing
  // more: the next answer on the same kept-alive connection is whole.
  auto same_connection = client();
  same_connection.set_keep_alive(true);
  same_connection.set_decompress(false);
  const auto cookie = cookie_for(As::partner);
  const auto range = same_connection.Get(path, {{"Cookie", cookie}, {"Range", "bytes=10-29"}});
  ASSERT_EQ(status(range), 206);
  EXPECT_EQ(range->body, plain->body.substr(10, 20));
  const auto zipped_range = same_connection.Get(
      path, {{"Cookie", cookie}, {"Accept-Encoding", "gzip"}, {"Range", "bytes=0-1"}});
  ASSERT_EQ(status(zipped_range), 206);
  EXPECT_EQ(zipped_range->body, std::string("\x1f\x8b", 2));
  const auto after = same_connection.Get(path, {{"Cookie", cookie}});
  ASSERT_EQ(status(after), 200);
  EXPECT_EQ(after->body, plain->body);
  // Another person's answer from the same cached body carries their own token.
  EXPECT_THAT(body(get(path, As::beheerder)), HasSubstr(csrf(As::beheerder)));
  EXPECT_THAT(body(get(path, As::beheerder)), Not(HasSubstr(csrf(As::partner))));
}

}  // namespace
}  // namespace kompas::test
