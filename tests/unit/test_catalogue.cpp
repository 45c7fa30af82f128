// The message catalogue and templates: both languages complete, every template translatable.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "domain/actions.h"
#include "domain/activities.h"
#include "domain/ambitions.h"
#include "domain/contributions.h"
#include "domain/indicators.h"
#include "domain/meetings.h"
#include "domain/partners.h"
#include "domain/quality_picture.h"
#include "domain/quality_rounds.h"
#include "domain/results.h"
#include "domain/survey_breakdowns.h"
#include "embedded.h"
#include "store/audit_store.h"
#include "store/change.h"
#include "store/migrations.h"
#include "web/core/i18n.h"
#include "web/core/view.h"

namespace kompas {
namespace {

TEST(Catalogue, DutchAndEnglishHaveTheSameKeys) {
  web::Catalogue catalogue;
  EXPECT_EQ(catalogue.keys(web::Lang::nl), catalogue.keys(web::Lang::en));
  EXPECT_GT(catalogue.keys(web::Lang::nl).size(), 200u);
}

TEST(Catalogue, PlaceholdersAreFilled) {
  web::Catalogue catalogue;
  EXPECT_EQ(
      catalogue.format(web::Lang::nl, "problem.at_line_column", {{"line", "4"}, {"column", "2"}}),
      "Regel 4, kolom 2: ");
  EXPECT_EQ(web::fill_placeholders("{a} en {b} en {onbekend}", {{"a", "1"}, {"b", "2"}}),
            "1 en 2 en {onbekend}");
  EXPECT_EQ(catalogue.text(web::Lang::en, "niet.bestaand"), "niet.bestaand");
}

// A count names its thing in the singular for exactly one: "{count|ambitie|ambities}".
TEST(Catalogue, ACountHasASingularAndAPlural) {
  const std::string text = "{n|ambitie|ambities} en {m|persoon moet|mensen moeten}";
  EXPECT_EQ(web::fill_placeholders(text, {{"n", "1"}, {"m", "2"}}), "1 ambitie en 2 mensen moeten");
  EXPECT_EQ(web::fill_placeholders(text, {{"n", "1.500"}, {"m", "1"}}),
            "1.500 ambities en 1 persoon moet");
  EXPECT_EQ(web::fill_placeholders(text, {{"n", "0"}, {"m", "11"}}),
            "0 ambities en 11 mensen moeten");
}

// No text reads "1 ambities": with every placeholder 1, no text names a thing in a plural that
// the catalogue itself writes as a count's plural ({count|ambitie|ambities}).
TEST(Catalogue, ACountOfOneIsNeverPlural) {
  web::Catalogue catalogue;
  const std::regex placeholder(R"(\{([a-z_]+)[^}]*\})");
  const std::regex plural_form(R"(\{[a-z_]+\|[^|}]*\|([^}]+)\})");
  for (const auto lang : {web::Lang::nl, web::Lang::en}) {
    std::set<std::string> plurals;
    for (const auto& key : catalogue.keys(lang)) {
      const auto& text = catalogue.text(lang, key);
      for (auto it = std::sregex_iterator(text.begin(), text.end(), plural_form);
           it != std::sregex_iterator(); ++it)
        plurals.insert((*it)[1]);
    }
    ASSERT_GT(plurals.size(), 10u);
    std::vector<std::pair<std::string, std::regex>> plural_patterns;  // "1 ambities"
    for (const auto& plural : plurals)
      plural_patterns.emplace_back(
          plural,
          std::regex("[^0-9.,]1 " +
                     std::regex_replace(plural, std::regex(R"([.^$|()\[\]{}*+?\\])"), "\\$&") +
                     "\\b"));
    // "indicator(en)", "update(s)", "verhaal/verhalen" after a count: the catalogue's plural
    // instead.
    const std::regex makeshift(R"(\{[a-z_]+\} [^ {}]*(\((en|n|s)\)|/))");
    for (const auto& key : catalogue.keys(lang))
      EXPECT_FALSE(std::regex_search(catalogue.text(lang, key), makeshift)) << key;
    for (const auto& key : catalogue.keys(lang)) {
      const auto& text = catalogue.text(lang, key);
      std::map<std::string, std::string> ones;
      for (auto it = std::sregex_iterator(text.begin(), text.end(), placeholder);
           it != std::sregex_iterator(); ++it)
        ones[(*it)[1]] = "1";
      const auto filled = " " + web::fill_placeholders(text, ones);
      for (const auto& [plural, one_of_them] : plural_patterns)
        EXPECT_FALSE(std::regex_search(filled, one_of_them)) << key << ": " << filled;
    }
  }
}

// A template never writes a count before a catalogue word ("{{count}} [[list.results]]" read
// "1 resultaten"): the count's text comes whole from the catalogue, with its singular.
TEST(Catalogue, NoTemplatePutsACountBeforeAWord) {
  const std::regex count_before_word(R"(\{\{[a-z_]*(count|total|number)[a-z_]*\}\} \[\[)");
  int templates = 0;
  for (const auto& path : embedded::list("templates/")) {
    ++templates;
    const std::string text(embedded::file(path));
    std::smatch found;
    EXPECT_FALSE(std::regex_search(text, found, count_before_word)) << path << ": " << found.str();
  }
  EXPECT_GT(templates, 50);
}

// A message about what went wrong takes the focus when the page opens, so a screen reader reads
// it first and a keyboard user starts there (WCAG 3.3.1), on every page that can show one.
TEST(Catalogue, EveryErrorMessageTakesTheFocus) {
  const std::regex error_box(R"(<[a-z]+ class="[^"]*utrecht-alert--error[^"]*"[^>]*>)");
  for (const auto& path : embedded::list("templates/")) {
    const std::string text(embedded::file(path));
    for (std::sregex_iterator it(text.begin(), text.end(), error_box), end; it != end; ++it)
      EXPECT_THAT(it->str(), ::testing::HasSubstr("tabindex=\"-1\" autofocus")) << path;
  }
}

// Keys put together at run time ("status." + key) are not seen by the template check: each
// value of each list the pages translate needs a text in both languages, or a page shows a raw
// key such as "audit.entity.actie".
TEST(Catalogue, EveryKeyBuiltAtRunTimeHasATextInBothLanguages) {
  web::Catalogue catalogue;
  const std::vector<std::pair<std::string, std::vector<std::string>>> lists = {
      {"audit.entity.", store::audited_entities()},
      {"audit.action.",
       {"aanmaken", "wijzigen", "verwijderen", "wachtwoord", "intrekken", "ontgrendelen", "sluiten",
        "inleveren", "opslaan", "afronden", "afsluiten", "aannemen"}},
      {"action.status.", domain::all_words<domain::ActionStatus>()},
      {"loneliness_type.", domain::loneliness_types()},
      {"degree.", domain::loneliness_degrees()},
      {"element.", domain::effective_elements()},
      {"activity.status.", domain::all_words<domain::ActivityStatus>()},
      {"activity.method.", domain::all_words<domain::MethodLevel>()},
      {"quality.mismatch.", domain::all_words<domain::MismatchKind>()},
      {"agenda.reason.", domain::all_words<domain::AgendaReason>()},
      {"results.group.", domain::all_words<domain::ResultGroup>()},
      {"results.group_intro.", domain::all_words<domain::ResultGroup>()},
      {"results.direction.", domain::all_words<domain::Direction>()},
      {"agenda.reason_word.", domain::all_words<domain::AgendaReason>()},
      {"target_group.", domain::target_groups()},
      {"ambition.status.", domain::all_words<domain::AmbitionStatus>()},
      {"contribution.status.", domain::all_words<domain::ContributionStatus>()},
      {"ind.kind.", domain::indicator_kinds()},
      {"ind.question.", domain::rba_questions()},
      {"ind.unit.", domain::indicator_units()},
      {"ind.polarity.", domain::all_words<domain::Polarity>()},
      {"indicator.", domain::survey_indicator_names()},
      {"partner.type.", domain::partner_types()},
      {"role.", domain::all_words<domain::Role>()},
      {"scale.", {"djg11", "djg6", "ucla3"}},
      {"area.level.", {"gemeente", "wijk", "buurt"}},
      {"survey.source.", {"eigen", "ggd"}},
      {"origin.", {"meting", "gepubliceerd", "invoer"}},
      {"status.", domain::all_words<domain::IndicatorStatus>()},
      {"month.", {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}},
      {"problem.instrument.",
       {"json", "version", "no_themes", "no_questions", "code", "duplicate_theme",
        "duplicate_question", "missing_text", "unknown_element", "version_not_newer"}},
      {"error.", {"score", "reason_required", "date_past", "round_too_long"}},
      {"quality.trend.", domain::all_words<domain::Trend>()},
      {"quality.band.", domain::all_words<domain::Band>()},
      {"quality.state.", domain::all_words<domain::AnswerState>()},
      {"quality.state_message.",
       {"ingeleverd", "ronde_gesloten", "link_ingetrokken", "link_verlopen"}},
  };
  for (const auto& [prefix, values] : lists)
    for (const auto& value : values)
      for (const auto lang : {web::Lang::nl, web::Lang::en})
        EXPECT_TRUE(catalogue.has(lang, prefix + value)) << prefix + value;
  for (const auto& name : domain::breakdown_names()) {
    if (name == "totaal") continue;  // the total has a heading of its own
    for (const auto lang : {web::Lang::nl, web::Lang::en})
      EXPECT_TRUE(catalogue.has(lang, "survey.breakdown." + name)) << name;
  }
}

TEST(Views, EveryTemplateCompilesInBothLanguagesAndEscapes) {
  web::Catalogue catalogue;
  web::Views views(catalogue);  // throws on a missing message or a broken template
  const auto html = views.render(web::Lang::en, "error", {{"message", "<b>&</b>"}});
  EXPECT_NE(html.find("&lt;b&gt;&amp;&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("That did not work"), std::string::npos);
}

TEST(Migrations, ScriptsSplitIntoStatements) {
  const auto parts =
      store::split_sql("-- comment\nCREATE TABLE a (x INT);\nCREATE TABLE b (\n  y INT\n);\n\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "CREATE TABLE a (x INT);\n");
  EXPECT_EQ(parts[1], "CREATE TABLE b (\n  y INT\n);\n");
}

TEST(Audit, FieldChangesListOnlyWhatDiffers) {
  const nlohmann::json before = {{"name", "A"}, {"active", true}, {"gone", 1}};
  const nlohmann::json after = {{"name", "B"}, {"active", true}, {"new", "x"}};
  const auto changes = store::field_changes(before, after);
  EXPECT_EQ(changes, (nlohmann::json{
                         {"name", {"A", "B"}}, {"gone", {1, nullptr}}, {"new", {nullptr, "x"}}}));
  EXPECT_EQ(store::field_changes(nullptr, {{"a", 1}}), (nlohmann::json{{"a", {nullptr, 1}}}));
  EXPECT_TRUE(store::field_changes(after, after).empty());
}

}  // namespace
}  // namespace kompas
