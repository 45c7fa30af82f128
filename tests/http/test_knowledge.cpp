// The kennisbank (issue 13, point 1): the shipped articles, search in Dutch on both databases,
// editing with a preview, versions and a refused overwrite, hidden articles, the public pages,
// and Markdown that cannot bring script into a page.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/coalitions_store.h"
#include "store/migrations.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using KnowledgeTest = HttpTest;

const std::string kBase = "/deskundigheid/kennisbank";
const std::string kSignals = kBase + "/signalen-herkennen";

httplib::Params article_form(const std::string& title, const std::string& body,
                             const std::string& action, const std::string& basis = "") {
  return {{"title", title}, {"body", body},    {"title_en", ""}, {"body_en", ""},
          {"shown", "1"},   {"actie", action}, {"basis", basis}};
}

TEST_F(KnowledgeTest, EveryCoalitionStartsWithTheShippedArticles) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_articles WHERE shipped = 1"), 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_article_versions"), 10);
  const auto list = body(get(kBase, As::lezer));
  EXPECT_THAT(list, HasSubstr("Wat is eenzaamheid?"));
  EXPECT_THAT(list, HasSubstr("href=\"/deskundigheid/kennisbank/doorverwijzen\""));
  EXPECT_THAT(list, Not(HasSubstr("Nieuw artikel")));  // only the beheerder writes
  const auto page = body(get(kSignals, As::partner));
  EXPECT_THAT(page,
              HasSubstr("<h1 class=\"utrecht-heading-1\">Signalen van eenzaamheid herkennen</h1>"));
  EXPECT_THAT(page, HasSubstr("<h2>"));  // the text's ## headings sit below the title
  EXPECT_THAT(page, Not(HasSubstr("Leesbaarheid")));
  // The beheerder sees how readable it is: every shipped article is B1.
  EXPECT_THAT(body(get(kSignals, As::beheerder)), HasSubstr("kompas-status--gehaald\">B1<"));
  // An English reader gets the English text.
  const auto english = body(get(kSignals, As::lezer, {{"Cookie", "taal=en"}}));
  EXPECT_THAT(english, HasSubstr("Recognising signs of loneliness"));
  EXPECT_THAT(english, Not(HasSubstr("only available in Dutch")));
}

// A database from before issue 25 holds "Wat kun je zelf doen?" under the address of its old
// file name: `migrate` moves it, with its versions, to the new address and adds no second one.
TEST_F(KnowledgeTest, AShippedArticleWhoseFileWasRenamedMovesToItsNewAddress) {
  {
    store::Connection conn(db());
    conn.sql() << "UPDATE knowledge_articles SET slug = 'wat-kun-je-zelf-doen' "
                  "WHERE slug = 'wat-kunt-u-zelf-doen'";
  }
  ASSERT_EQ(count("SELECT COUNT(*) FROM knowledge_articles WHERE slug = 'wat-kun-je-zelf-doen'"),
            2);  // one per coalition
  EXPECT_TRUE(store::migrate(db()).empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_articles WHERE slug = 'wat-kun-je-zelf-doen'"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_articles WHERE slug = 'wat-kunt-u-zelf-doen'"),
            2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_articles WHERE shipped = 1"), 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_article_versions"), 10);
  EXPECT_EQ(status(get(kBase + "/wat-kunt-u-zelf-doen", As::lezer)), 200);
  EXPECT_EQ(status(get(kBase + "/wat-kun-je-zelf-doen", As::lezer)), 404);
}

TEST_F(KnowledgeTest, SearchFindsDutchWordsInOtherFormsAndLeavesNothingToSyntax) {
  // "gordijnen" stands in the signals article; "eenzame" finds "eenzaamheid" by its stem.
  auto page = body(get(kBase + "?q=gordijnen", As::lezer));
  EXPECT_THAT(page, HasSubstr("1 artikel gevonden met ‘gordijnen’"));
  EXPECT_THAT(page, HasSubstr("href=\"/deskundigheid/kennisbank/signalen-herkennen\""));
  page = body(get(kBase + "?q=Eenzame", As::lezer));
  EXPECT_THAT(page, HasSubstr("artikelen gevonden met ‘Eenzame’"));
  EXPECT_THAT(page, HasSubstr("Wat is eenzaamheid?"));
  // Every word must be there.
  EXPECT_THAT(body(get(kBase + "?q=gordijnen+xylofoon", As::lezer)),
              HasSubstr("Geen artikel gevonden"));
  // Only stop words, or query syntax, find nothing and break nothing.
  for (const std::string q : {"de+het+een", "%22%29+OR+*+NEAR%28", "title_nl%3A+x", "%27%3B--"}) {
    const auto r = get(kBase + "?q=" + q, As::lezer);
    EXPECT_EQ(status(r), 200) << q;
    EXPECT_THAT(body(r), HasSubstr("Geen artikel gevonden")) << q;
  }
  // In English, the English text is searched.
  EXPECT_THAT(body(get(kBase + "?q=curtains", As::lezer, {{"Cookie", "taal=en"}})),
              HasSubstr("1 article found"));
}

TEST_F(KnowledgeTest, APreviewSavesNothingAndASaveIsANewVersion) {
  const auto edit = kSignals + "/bewerken";
  const auto before = count("SELECT COUNT(*) FROM audit_log");
  auto r = post(edit, As::beheerder,
                article_form("Signalen herkennen", "## Let op\n\nKijk naar de **brievenbus**.",
                             "voorbeeld", "1"));
  ASSERT_EQ(status(r), 200);
  EXPECT_THAT(body(r), HasSubstr("Voorbeeld (nog niet opgeslagen)"));
  EXPECT_THAT(body(r), HasSubstr("<strong>brievenbus</strong>"));
  EXPECT_THAT(body(r), HasSubstr("Leesbaarheid (Flesch-Douma)"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_article_versions"), 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), before);

  r = post(
      edit, As::beheerder,
      article_form("Signalen herkennen", "Kijk naar de brievenbus. Die is vol.", "opslaan", "1"));
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_articles WHERE slug = 'signalen-herkennen' "
                  "AND version = 2"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'artikel' AND action = "
                  "'wijzigen' AND changes LIKE '%brievenbus%'"),
            1);
  auto page = body(get(kSignals, As::beheerder));
  EXPECT_THAT(page, HasSubstr("versie 2"));
  EXPECT_THAT(page, HasSubstr("Die is vol."));
  // The search follows the new text at once.
  EXPECT_THAT(body(get(kBase + "?q=gordijnen", As::lezer)), HasSubstr("Geen artikel gevonden"));
  EXPECT_THAT(body(get(kBase + "?q=brievenbus", As::lezer)),
              HasSubstr("href=\"/deskundigheid/kennisbank/signalen-herkennen\""));

  // Saving the same text again makes no new version.
  ASSERT_EQ(status(post(edit, As::beheerder,
                        article_form("Signalen herkennen", "Kijk naar de brievenbus. Die is vol.",
                                     "opslaan", "2"))),
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_article_versions"), 11);

  // Someone who started from version 1 does not overwrite version 2 unseen: nothing is saved
  // and the typed text stays.
  r = post(edit, As::beheerder, article_form("Signalen", "Oude tekst van mij.", "opslaan", "1"));
  EXPECT_EQ(status(r), 409);
  EXPECT_THAT(body(r), HasSubstr("Iemand anders heeft dit artikel intussen opgeslagen"));
  EXPECT_THAT(body(r), HasSubstr("Oude tekst van mij."));
  EXPECT_THAT(body(r), HasSubstr("name=\"basis\" value=\"2\""));
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_article_versions"), 11);

  // Version 1 can be read and taken up again.
  page = body(get(kSignals + "/versies", As::beheerder));
  EXPECT_THAT(page, HasSubstr("Coalitiekompas (meegeleverd)"));
  EXPECT_THAT(page, HasSubstr("Anouk Beheer"));
  EXPECT_THAT(body(get(kSignals + "/versies/1", As::beheerder)), HasSubstr("gordijnen"));
  page = body(get(edit + "?versie=1", As::beheerder));
  EXPECT_THAT(page, HasSubstr("U bewerkt de tekst van versie 1"));
  EXPECT_THAT(page, HasSubstr("gordijnen"));
  EXPECT_EQ(status(get(kSignals + "/versies/9", As::beheerder)), 404);
  EXPECT_EQ(status(get(edit + "?versie=9", As::beheerder)), 404);
}

TEST_F(KnowledgeTest, ANewArticleGetsAnAddressOfItsTitleAndBadInputIsNamed) {
  auto r = post(kBase + "/nieuw", As::beheerder, article_form("", "", "opslaan"));
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("href=\"#veld-title\""));
  r = post(kBase + "/nieuw", As::beheerder,
           {{"title", "Eenzaam in Noord"},
            {"body", "Tekst."},
            {"title_en", "Lonely in Noord"},
            {"body_en", ""},
            {"actie", "opslaan"}});
  EXPECT_EQ(status(r), 422);  // an English title needs its text
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_articles"), 10);
  r = post(kBase + "/nieuw", As::beheerder,
           article_form(std::string(201, 'a'), "Tekst.", "opslaan"));
  EXPECT_EQ(status(r), 422);

  r = post(kBase + "/nieuw", As::beheerder,
           article_form("Signalen herkennen", "Onze eigen tekst over signalen.", "opslaan"));
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(r->get_header_value("Location"),
            "/deskundigheid/kennisbank/signalen-herkennen-2?melding=article_saved");
  // Another coalition's beheerder does not find it.
  EXPECT_EQ(status(get(kSignals + "-2", As::other_coalition)), 404);
  EXPECT_EQ(status(get(kSignals + "-2", As::lezer)), 200);
}

TEST_F(KnowledgeTest, MarkdownNeverBringsScriptIntoThePage) {
  const auto r =
      post(kBase + "/nieuw", As::beheerder,
           article_form("Test <b>titel</b>",
                        "<script>alert(1)</script>\n\n[klik](javascript:alert(2)) en "
                        "[data](data:text/html,x) en ![plaatje](vbscript:x)\n\n"
                        "<img src=x onerror=alert(3)>\n\n[goed](https://voorbeeld.nl) en "
                        "[bel](tel:0612345678)\n\n" +
                            std::string(20000, '>') + " diep\n\n" + std::string(5000, '[') + "x",
                        "opslaan"));
  ASSERT_EQ(status(r), 303);
  const auto page = body(get(kBase + "/test-b-titel-b", As::lezer));
  EXPECT_THAT(page, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page, Not(HasSubstr("javascript:")));
  EXPECT_THAT(page, Not(HasSubstr("data:text")));
  EXPECT_THAT(page, Not(HasSubstr("vbscript:")));
  EXPECT_THAT(page, Not(HasSubstr("<img src=x")));
  EXPECT_THAT(page, HasSubstr("Test &lt;b&gt;titel&lt;/b&gt;"));
  EXPECT_THAT(page, HasSubstr("<a href=\"https://voorbeeld.nl\">goed</a>"));
  EXPECT_THAT(page, HasSubstr("<a href=\"tel:0612345678\">bel</a>"));
  EXPECT_THAT(page, HasSubstr("klik"));
}

TEST_F(KnowledgeTest, AHiddenArticleIsTheBeheerdersOnly) {
  ASSERT_EQ(status(post(kSignals + "/bewerken", As::beheerder,
                        {{"title", "Signalen herkennen"},
                         {"body", "Tekst."},
                         {"title_en", ""},
                         {"body_en", ""},
                         {"actie", "opslaan"},
                         {"basis", "1"}})),  // "shown" not ticked
            303);
  EXPECT_EQ(status(get(kSignals, As::lezer)), 404);
  EXPECT_THAT(body(get(kBase, As::lezer)), Not(HasSubstr("signalen-herkennen")));
  EXPECT_THAT(body(get(kBase, As::beheerder)), HasSubstr("Verborgen"));
  EXPECT_EQ(status(get(kSignals, As::beheerder)), 200);
}

TEST_F(KnowledgeTest, ThePublicKennisbankIsOnlyThereWhenSwitchedOn) {
  const std::string address = "/openbaar/GM9999/kennisbank";
  EXPECT_EQ(status(get(address, As::anonymous)), 404);
  {
    store::Change change(db(), beheerder_of(seed));
    auto coalition = store::find_coalition(change.sql(), seed.coalition_a).value();
    coalition.public_knowledge = true;
    store::update_coalition(change, coalition);
    change.commit();
  }
  auto r = get(address, As::anonymous);
  ASSERT_EQ(status(r), 200);
  EXPECT_THAT(body(r), HasSubstr("href=\"/openbaar/GM9999/kennisbank/doorverwijzen\""));
  EXPECT_THAT(body(r), Not(HasSubstr("Nieuw artikel")));
  EXPECT_THAT(body(get(address + "?q=gordijnen", As::anonymous)), HasSubstr("1 artikel gevonden"));
  r = get(address + "/doorverwijzen", As::anonymous);
  ASSERT_EQ(status(r), 200);
  EXPECT_THAT(body(r), Not(HasSubstr("Leesbaarheid")));
  EXPECT_THAT(body(r), Not(HasSubstr("Bewerken")));
  EXPECT_EQ(status(get("/openbaar/GM0001/kennisbank", As::anonymous)), 404);  // not switched on
  EXPECT_EQ(status(get(address + "/bestaat-niet", As::anonymous)), 404);
}

}  // namespace
}  // namespace kompas::test
