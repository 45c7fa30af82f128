// Every CSV the application serves, found from the routes (a table's download, the sociale
// kaart's data package): with names that look like spreadsheet formulas in the coalition's
// records and in an imported HSDS file, no cell of any of them starts a formula.
#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "domain/csv.h"
#include "domain/csv_write.h"
#include "harness.h"
#include "web/ui/zip_archive.h"

namespace kompas::test {
namespace {

const std::filesystem::path kExamples = KOMPAS_HSDS_EXAMPLES;

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// Every path a route pattern stands for: each alternative of a group of words, and a sample
// id for a number (by what the address is about; none known fails the test, so a new download
// route gets one here).
std::vector<std::string> paths_of(const std::string& pattern, const Seed& seed) {
  std::smatch group;
  if (!std::regex_search(pattern, group, std::regex(R"(\(([^()]*)\))"))) {
    return {std::regex_replace(pattern, std::regex(R"(\\\.)"), ".")};
  }
  const std::string inside = group[1], before = group.prefix(), after = group.suffix();
  std::vector<std::string> choices;
  if (inside == R"(\d{4})") {
    choices = {std::to_string(seed.scan_year)};
  } else if (inside == R"(\d+)") {
    if (before.ends_with("/rondes/")) choices = {std::to_string(seed.round)};
    if (before.ends_with("/metingen/")) choices = {std::to_string(seed.survey)};
    if (choices.empty()) ADD_FAILURE() << "no sample id for " << pattern;
  } else {
    std::stringstream words(inside);
    for (std::string word; std::getline(words, word, '|');) choices.push_back(word);
  }
  std::vector<std::string> out;
  for (const auto& choice : choices)
    for (const auto& rest : paths_of(before + choice + after, seed)) out.push_back(rest);
  return out;
}

// Cells a spreadsheet would run: text that starts like a formula and is not a number.
std::vector<std::string> formula_cells(const std::string& csv) {
  std::vector<domain::Problem> problems;
  const auto table = domain::parse_csv(csv, problems);
  std::vector<std::string> found;
  const std::regex number(R"([-+]?[0-9][0-9.,]*(e[-+]?[0-9]+)?)");
  auto check = [&](const std::string& cell) {
    if (domain::looks_like_formula(cell) && !std::regex_match(cell, number)) found.push_back(cell);
  };
  for (const auto& name : table.header) check(name);
  for (const auto& row : table.rows)
    for (const auto& cell : row.fields) check(cell);
  return found;
}

class CsvDownloadsTest : public HttpTest {};

TEST_F(CsvDownloadsTest, NoCellOfAnyCsvStartsAFormula) {
  {  // Names typed into the coalition's forms.
    store::Connection conn(db());
    conn.sql() << "UPDATE partners SET name = '=HYPERLINK(\"http://evil.example\",\"x\")' || id";
    conn.sql() << "UPDATE activities SET name = '@SUM(1+1)'";
    conn.sql() << "UPDATE ambitions SET title = '+1+cmd'";
    conn.sql() << "UPDATE indicators SET name = '-2+cmd'";
  }
  // An HSDS package whose service, organisation and location names are formulas.
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kExamples / "csv"))
    files[entry.path().filename()] = read(entry.path());
  replace_all(files["services.csv"], "Community Counselling",
              R"csv("=HYPERLINK(""http://evil.example"",""x"")")csv");
  replace_all(files["organizations.csv"], "Example Organization Inc.", "+Example");
  replace_all(files["locations.csv"], "MyCity Civic Center", "-Example");
  auto c = client();
  httplib::MultipartFormDataItems items = {
      {"_csrf", csrf(As::beheerder), "", ""},
      {"bestanden", web::zip_archive(files), "kaart.zip", "application/octet-stream"}};
  const auto imported =
      c.Post("/deskundigheid/kaart/bestanden", {{"Cookie", cookie_for(As::beheerder)}}, items);
  ASSERT_EQ(status(imported), 303) << body(imported);

  int csv_files = 0;
  for (const auto& route : app().routes()) {
    if (route.method != "GET") continue;
    const bool csv = route.pattern.find("csv") != std::string::npos;
    const bool zip = route.pattern.ends_with(R"(\.zip)") || route.pattern.ends_with(".zip");
    if (!csv && !zip) continue;
    for (const auto& path : paths_of(route.pattern, seed)) {
      if (path.ends_with(".xlsx")) continue;  // cells written as strings: never a formula
      const auto r = get(path, As::beheerder);
      if (status(r) == 404) continue;  // a breakdown the seeded survey has no rows for
      ASSERT_EQ(status(r), 200) << path;
      std::map<std::string, std::string> bodies = {{path, body(r)}};
      if (zip) bodies = web::unzip_archive(body(r)).files;
      for (const auto& [name, text] : bodies) {
        if (!name.ends_with(".csv")) continue;
        ++csv_files;
        const auto found = formula_cells(text);
        EXPECT_TRUE(found.empty()) << path << " " << name << ": " << found.front();
      }
    }
  }
  EXPECT_GT(csv_files, 25);
}

TEST(CsvWriter, GuardsFormulasAndReadsThemBack) {
  EXPECT_EQ(domain::csv_text_cell("=1+2", ';'), "\"'=1+2\"");
  EXPECT_EQ(domain::csv_text_cell("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(domain::csv_text_cell("a;b", ','), "a;b");
  EXPECT_EQ(domain::csv_text_cell("zeg \"ja\"", ','), "\"zeg \"\"ja\"\"\"");
  EXPECT_EQ(domain::csv_text_cell("Noord", ';', domain::CsvQuote::always), "\"Noord\"");
  for (const std::string text :
       {"=A1", "+31 20", "-x", "@SUM(A1)", "\tx", "\rx", "gewoon", "'=al zo getypt", "'gewoon"}) {
    std::vector<domain::Problem> problems;
    const auto table = domain::parse_csv("kop\r\n" + domain::csv_text_cell(text, ';'), problems);
    ASSERT_EQ(table.rows.size(), 1u) << text;
    EXPECT_EQ(domain::unguard_csv_text(table.rows[0].fields[0]), text);
  }
}

}  // namespace
}  // namespace kompas::test
