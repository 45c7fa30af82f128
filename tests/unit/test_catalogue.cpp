// The message catalogue and templates: both languages complete, every template translatable.
#include <gtest/gtest.h>

#include "store/change.h"
#include "store/migrations.h"
#include "web/i18n.h"
#include "web/view.h"

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
