// The kennisbank's rules (issue 13): articles' fields and addresses, search stems in Dutch and
// English, Markdown shown safely, and the shipped articles at B1.
#include <gtest/gtest.h>

#include "domain/knowledge.h"
#include "domain/readability.h"
#include "domain/search_words.h"
#include "embedded.h"
#include "web/ui/markdown.h"

namespace kompas {
namespace {

using domain::SearchLanguage;

TEST(KnowledgeArticle, NeedsDutchAndEnglishOnlyAsAPair) {
  domain::KnowledgeArticle a{.title = "Titel", .body = "Tekst."};
  EXPECT_TRUE(domain::validate(a).empty());
  a.title_en = "Title";
  EXPECT_EQ(domain::validate(a).at("body_en"), "error.required");
  a.body_en = "Text.";
  EXPECT_TRUE(domain::validate(a).empty());
  a.title = " ";
  EXPECT_EQ(domain::validate(a).at("title"), "error.required");
  // Characters count, not bytes: 200 é's are allowed, 201 are not.
  a.title.clear();
  for (int i = 0; i < 200; ++i) a.title += "é";
  EXPECT_TRUE(domain::validate(a).empty());
  a.title += "é";
  EXPECT_EQ(domain::validate(a).at("title"), "error.too_long");
}

TEST(KnowledgeArticle, AnAddressIsMadeOfTheTitle) {
  EXPECT_EQ(domain::slug_from_title("Wat is eenzaamheid?"), "wat-is-eenzaamheid");
  EXPECT_EQ(domain::slug_from_title("  Geïnteresseerd — één stap!  "), "geinteresseerd-een-stap");
  EXPECT_EQ(domain::slug_from_title("???"), "artikel");
  EXPECT_EQ(domain::slug_from_title(std::string(100, 'a')).size(), 60u);
  EXPECT_EQ(domain::slug_from_title(std::string(59, 'a') + " b"), std::string(59, 'a'));
}

TEST(KnowledgeArticle, AShippedFileHoldsItsTitleThenItsText) {
  const auto text = domain::read_titled_markdown("# Titel\n\nEerste zin.\n\n## Kopje\n");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->title, "Titel");
  EXPECT_EQ(text->body, "Eerste zin.\n\n## Kopje");
  EXPECT_FALSE(domain::read_titled_markdown("Titel\n\nTekst"));
  EXPECT_FALSE(domain::read_titled_markdown("# Titel\n"));
}

TEST(SearchWords, DutchWordsMeetAtTheirStem) {
  const auto stem = [](const char* word) {
    const auto stems = domain::search_stems(word, SearchLanguage::dutch);
    return stems.size() == 1 ? stems.front() : std::string("?");
  };
  EXPECT_EQ(stem("eenzaamheid"), stem("Eenzaamheid"));
  EXPECT_EQ(stem("gordijnen"), stem("gordijn"));
  EXPECT_EQ(stem("signalen"), stem("signaal"));
  EXPECT_EQ(stem("geïnteresseerd"), stem("geinteresseerd"));  // accents are dropped
  // Function words are not searched for: PostgreSQL's Dutch configuration drops the same.
  EXPECT_TRUE(domain::search_stems("de het een en van", SearchLanguage::dutch).empty());
  EXPECT_EQ(domain::search_stems("The curtains", SearchLanguage::english),
            std::vector<std::string>{"curtain"});
  EXPECT_TRUE(domain::search_stems(std::string(61, 'a'), SearchLanguage::dutch).empty());
}

TEST(SearchWords, AnFts5QueryHoldsOnlyQuotedStems) {
  EXPECT_EQ(domain::fts5_query("Gordijnen dicht", SearchLanguage::dutch), "\"gordijn\" \"dicht\"");
  // Query syntax typed by someone is only words, or nothing.
  EXPECT_EQ(domain::fts5_query("\") OR * NEAR(", SearchLanguage::dutch), "\"or\" \"near\"");
  EXPECT_EQ(domain::fts5_query("title_nl: x", SearchLanguage::dutch), "\"titl\" \"nl\" \"x\"");
  EXPECT_EQ(domain::fts5_query("de het", SearchLanguage::dutch), "");
  EXPECT_EQ(domain::search_document("Gesloten gordijnen.", SearchLanguage::dutch),
            "geslot gordijn");
}

TEST(Markdown, TheTitleIsTheOnlyH1AndNothingUnsafeIsShown) {
  EXPECT_EQ(web::markdown_html("# Een\n\n## Twee\n\n###### Zes"),
            "<h2>Een</h2>\n<h2>Twee</h2>\n<h6>Zes</h6>\n");
  const auto html = web::markdown_html(
      "<script>x</script>\n\n[a](javascript:x) [b](JaVaScRiPt:x) [c](data:text/html,x) "
      "![d](vbscript:x) [e](/deskundigheid) [f](mailto:a@b.nl) [g](https://x.nl?a=1&b=2)");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("javascript"), std::string::npos);
  EXPECT_EQ(html.find("JaVaScRiPt"), std::string::npos);
  EXPECT_EQ(html.find("data:"), std::string::npos);
  EXPECT_EQ(html.find("vbscript"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/deskundigheid\">e</a>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"mailto:a@b.nl\">f</a>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://x.nl?a=1&amp;b=2\">g</a>"), std::string::npos);
  // The text of a dropped link stays.
  EXPECT_NE(html.find("<p>a b c d <a"), std::string::npos) << html;
  // Deep nesting is read without running out of stack.
  EXPECT_FALSE(web::markdown_html(std::string(100000, '>') + " x").empty());
  EXPECT_FALSE(web::markdown_html(std::string(100000, '[') + "x").empty());
}

TEST(Markdown, ASummaryIsTheFirstParagraphCutAtAWord) {
  EXPECT_EQ(web::markdown_summary("## Kopje\n\nEen **vette** zin\nover twee regels.\n\nNog een."),
            "Een vette zin over twee regels.");
  EXPECT_EQ(web::markdown_summary("één twee drie vier", 9), "één twee…");
  EXPECT_EQ(web::markdown_summary("ééééééééééé", 4), "éééé…");
  EXPECT_EQ(web::markdown_summary("- alleen een lijst"), "alleen een lijst");
  EXPECT_EQ(web::markdown_summary("## alleen een kopje"), "");
}

// The articles the product ships are written at B1, with an English text beside each.
TEST(ShippedArticles, AreB1InDutchAndHaveAnEnglishText) {
  int articles = 0;
  for (const auto& path : embedded::list("data/kennisbank/")) {
    if (!path.ends_with(".nl.md")) continue;
    ++articles;
    const auto r = domain::measure_readability(embedded::file(path));
    EXPECT_TRUE(r.b1) << path << ": " << r.flesch_douma << ", " << r.words_per_sentence;
    EXPECT_GT(r.words, 250) << path;
    const auto english = path.substr(0, path.size() - 6) + ".en.md";
    ASSERT_TRUE(domain::read_titled_markdown(embedded::file(english))) << english;
  }
  EXPECT_EQ(articles, 5);
}

}  // namespace
}  // namespace kompas
