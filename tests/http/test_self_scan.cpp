// The coalition's self-scan and block 0 (issue 12, point 6): answering, finishing once,
// comparing with last year, and the list of terms.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/self_scans_store.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using SelfScanTest = HttpTest;

const std::vector<std::string> kQuestions = {"wethouder",
                                             "geld",
                                             "beleid_samen",
                                             "kartrekker",
                                             "partners_breed",
                                             "mandaat",
                                             "ervaringsdeskundigen",
                                             "stem_inwoners",
                                             "taboe",
                                             "soorten",
                                             "werkzaam",
                                             "taken",
                                             "meten",
                                             "evalueren",
                                             "leren"};

httplib::Params answers(const std::string& score, const std::string& action) {
  httplib::Params form = {{"actie", action}, {"deelnemers", "Anouk met de kerngroep"}};
  for (const auto& q : kQuestions) form.emplace("q_" + q, score);
  return form;
}

std::string scan_path(int year) {
  return "/kwaliteit/zelfscan/" + std::to_string(year);
}

TEST_F(SelfScanTest, TheBeheerderSavesComesBackAndFinishesOnce) {
  const auto form = scan_path(seed.scan_year) + "/invullen";
  auto r = post(form, As::beheerder, {{"q_wethouder", "11"}, {"actie", "opslaan"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Kies een cijfer van 1 tot en met 10, of n.v.t."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM self_scan_answers"), 0);

  r = post(form, As::beheerder,
           {{"q_wethouder", "4"},
            {"q_geld", "nvt"},
            {"r_geld", "Geld loopt via de Wmo."},
            {"deelnemers", "Anouk"},
            {"actie", "opslaan"}});
  ASSERT_EQ(status(r), 303);
  auto page = body(get(form, As::beheerder));
  EXPECT_THAT(page, HasSubstr("name=\"q_wethouder\" value=\"4\" checked"));
  EXPECT_THAT(page, HasSubstr("value=\"Geld loopt via de Wmo.\""));
  EXPECT_THAT(page, HasSubstr("value=\"Anouk\""));

  // Finishing with questions open names them; nothing is finished.
  r = post(form, As::beheerder, {{"q_wethouder", "5"}, {"actie", "afronden"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("href=\"#vraag-leren\""));
  EXPECT_EQ(count("SELECT COUNT(*) FROM self_scans WHERE completed_at IS NOT NULL"), 0);

  ASSERT_EQ(status(post(form, As::beheerder, answers("6", "afronden"))), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM self_scan_answers WHERE score = 6"), 15);
  page = body(get(scan_path(seed.scan_year), As::lezer));
  EXPECT_THAT(page, HasSubstr("Afgerond op"));
  EXPECT_THAT(page, HasSubstr("Anouk met de kerngroep"));
  EXPECT_THAT(page, HasSubstr("Bestuurlijk commitment: 6<"));
  // Score 6 is the middle band: its tip is shown.
  EXPECT_THAT(page, HasSubstr("Nodig de wethouder een keer per jaar uit"));
  EXPECT_THAT(page, Not(HasSubstr("Verder met invullen")));

  const auto csv = body(get(scan_path(seed.scan_year) + ".csv", As::lezer));
  EXPECT_THAT(csv, HasSubstr("\"Bestuurlijk commitment\";6;"));
  EXPECT_EQ(body(get(scan_path(seed.scan_year) + ".xlsx", As::lezer)).substr(0, 2), "PK");
  EXPECT_EQ(status(post(form, As::beheerder, answers("9", "opslaan"))), 409);
  EXPECT_EQ(status(get(form, As::beheerder)), 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM self_scan_answers WHERE score = 9"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'zelfscan' AND action = "
                  "'afronden'"),
            1);
}

TEST_F(SelfScanTest, EachPillarIsComparedWithLastYear) {
  {
    store::Change change(db(), beheerder_of(seed));
    const auto id = store::create_self_scan(change, seed.scan_year - 1, 1);
    ASSERT_TRUE(id);
    store::Answers last;
    for (const auto& q : kQuestions) last[q] = {7};
    last["wethouder"] = {4};  // bestuurlijk commitment: (4 + 7 + 7) / 3 = 6.0
    domain::SelfScan scan{*id, seed.scan_year - 1, 1, "", 0, std::nullopt};
    ASSERT_TRUE(store::save_self_scan(change, scan, last, true));
    change.commit();
  }
  ASSERT_EQ(status(post(scan_path(seed.scan_year) + "/invullen", As::beheerder,
                        answers("7", "afronden"))),
            303);
  const auto page = body(get(scan_path(seed.scan_year), As::partner));
  EXPECT_THAT(page, HasSubstr("<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">7"
                              "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">"
                              "6</td><td class=\"utrecht-table__cell\">hoger</td>"));
  EXPECT_THAT(page, HasSubstr(">gelijk</td>"));
  EXPECT_THAT(page, Not(HasSubstr("Er is geen afgeronde zelfscan van het jaar ervoor")));
}

TEST_F(SelfScanTest, AScanIsForThisYearOrLastYearAndOnlyOnce) {
  EXPECT_EQ(status(post("/kwaliteit/zelfscan", As::beheerder, {{"jaar", "2020"}})), 422);
  EXPECT_EQ(status(post("/kwaliteit/zelfscan", As::beheerder, {{"jaar", "=1+1"}})), 422);
  // The year that has a scan already opens it; no second one is made.
  EXPECT_EQ(status(post("/kwaliteit/zelfscan", As::beheerder,
                        {{"jaar", std::to_string(seed.scan_year)}})),
            303);
  const auto last_year = std::to_string(seed.scan_year - 1);
  EXPECT_EQ(status(post("/kwaliteit/zelfscan", As::beheerder, {{"jaar", last_year}})), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM self_scans"), 2);
  EXPECT_EQ(status(get("/kwaliteit/zelfscan/1999", As::lezer)), 404);
  const auto list = body(get("/kwaliteit/zelfscan", As::lezer));
  EXPECT_THAT(list, HasSubstr("Nog niet afgerond"));
  EXPECT_THAT(list, Not(HasSubstr("Zelfscan beginnen")));  // only the beheerder starts one
}

TEST_F(SelfScanTest, TheBeheerderKeepsTheListOfTerms) {
  auto r = post("/kwaliteit/begrippen", As::beheerder,
                {{"term", "KARTREKKER"}, {"meaning", "Dubbel, in andere letters."}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Dit begrip staat al in de lijst."));
  EXPECT_THAT(body(r), HasSubstr("Dubbel, in andere letters."));
  r = post("/kwaliteit/begrippen", As::beheerder, {{"term", "Signaal"}, {"meaning", ""}});
  EXPECT_EQ(status(r), 422);
  ASSERT_EQ(status(post("/kwaliteit/begrippen", As::beheerder,
                        {{"term", "Signaal"}, {"meaning", "=HYPERLINK(\"x\") <b>let op</b>"}})),
            303);
  auto page = body(get("/kwaliteit/samenwerking", As::partner));
  EXPECT_THAT(page, HasSubstr("<dt>Kartrekker</dt>"));
  EXPECT_THAT(page, HasSubstr("&lt;b&gt;let op&lt;/b&gt;"));
  EXPECT_THAT(page, Not(HasSubstr("/kwaliteit/begrippen/nieuw")));  // a partner reads only
  const auto term = "/kwaliteit/begrippen/" + std::to_string(seed.term);
  ASSERT_EQ(status(post(term, As::beheerder,
                        {{"term", "Kartrekker"}, {"meaning", "Houdt de coalitie bij elkaar."}})),
            303);
  EXPECT_EQ(status(post(term + "/verwijderen", As::beheerder, {})), 422);  // not confirmed
  ASSERT_EQ(status(post(term + "/verwijderen", As::beheerder, {{"bevestig", "ja"}})), 303);
  page = body(get("/kwaliteit/samenwerking", As::lezer));
  EXPECT_THAT(page, Not(HasSubstr("Kartrekker")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'begrip'"), 4);
}

TEST_F(SelfScanTest, APartnerSaysWhatItBringsAndEveryoneSeesIt) {
  const auto partner = "/partners/" + std::to_string(seed.own_partner);
  ASSERT_EQ(status(post(partner, As::partner,
                        {{"name", "Welzijn Voorbeeld"},
                         {"type", "welzijn"},
                         {"mandate", "Beslist over inzet van opbouwwerkers."},
                         {"brings", "Twee opbouwwerkers en een buurthuis."},
                         {"interests", "Meer bereik."},
                         {"active", "on"}})),
            303);
  const auto page = body(get("/kwaliteit/samenwerking", As::lezer));
  EXPECT_THAT(page, HasSubstr("Twee opbouwwerkers en een buurthuis."));
  EXPECT_THAT(page, HasSubstr("Beslist over inzet van opbouwwerkers."));
}

}  // namespace
}  // namespace kompas::test
