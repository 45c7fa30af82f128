#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/areas.h"
#include "domain/text.h"

using namespace kompas::domain;

namespace {

const std::set<std::string> no_codes;

std::string fixture(const std::string& name) {
  // __FILE__ is absolute under CMake and relative to the repo when built by hand from there.
  const auto path =
      std::filesystem::path(__FILE__).parent_path().parent_path() / "data" / "areas" / name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "missing fixture " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "line:column:code" per problem, so a whole list compares in one assertion.
std::vector<std::string> summary(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) {
    out.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + ":" + p.code);
  }
  return out;
}

AreaImport import(std::string_view text, const std::set<std::string>& existing = no_codes) {
  return parse_area_csv(text, "GM9999", existing);
}

const AreaRecord* find(const AreaImport& result, std::string_view code) {
  for (const auto& a : result.areas) {
    if (a.code == code) return &a;
  }
  return nullptr;
}

// Like find, but a missing area fails the test (gtest catches the exception) instead of
// crashing the run.
const AreaRecord& get(const AreaImport& result, std::string_view code) {
  if (const auto* a = find(result, code)) return *a;
  throw std::runtime_error("no area " + std::string(code));
}

// Parses a single cell as a count through the whole importer and returns problems/value.
AreaImport one_row(const std::string& header_extra, const std::string& values) {
  return import("code;naam" + header_extra + "\nGM9999;Voorbeeld" + values + "\n");
}

}  // namespace

// --- codes ----------------------------------------------------------------------------------

TEST(AreaCode, Normalise) {
  EXPECT_EQ(normalise_area_code(" wk999901 "), "WK999901");
  EXPECT_EQ(normalise_area_code("GM0363\t"), "GM0363");
  EXPECT_EQ(normalise_area_code("bu03630000"), "BU03630000");
  EXPECT_EQ(normalise_area_code(""), "");
}

TEST(AreaCode, LevelOfValidCodes) {
  EXPECT_EQ(area_level("GM0363"), AreaLevel::gemeente);
  EXPECT_EQ(area_level("WK036300"), AreaLevel::wijk);
  EXPECT_EQ(area_level("BU03630000"), AreaLevel::buurt);
  EXPECT_EQ(area_level("GM0000"), AreaLevel::gemeente);
}

TEST(AreaCode, RejectsEverythingElse) {
  for (const char* code : {"",          "G",          "GM",
                           "GM036",     "GM03630",    "WK03630",
                           "WK0363000", "BU0363000",  "BU036300000",
                           "gm0363",    "Gm0363",     "GM036A",
                           "WK03630X",  "BU0363000O", "NL00",
                           "XX0363",    " GM0363",    "GM0363 ",
                           "GM-363",    "GM+363",     "WK０３６３００"}) {
    EXPECT_FALSE(area_level(code)) << code;
  }
}

TEST(AreaCode, ParentCode) {
  EXPECT_EQ(parent_code("BU12345678"), "WK123456");
  EXPECT_EQ(parent_code("WK123456"), "GM1234");
  EXPECT_EQ(parent_code("GM1234"), "");
  EXPECT_EQ(parent_code("BU1234567"), "");
  EXPECT_EQ(parent_code("bu12345678"), "");  // normalise first
  EXPECT_EQ(parent_code(""), "");
}

TEST(AreaCode, BelongsToGemeente) {
  EXPECT_TRUE(belongs_to_gemeente("GM9999", "GM9999"));
  EXPECT_TRUE(belongs_to_gemeente("WK999901", "GM9999"));
  EXPECT_TRUE(belongs_to_gemeente("BU99990403", "GM9999"));
  EXPECT_FALSE(belongs_to_gemeente("WK099901", "GM9999"));
  EXPECT_FALSE(belongs_to_gemeente("BU99980101", "GM9999"));
  EXPECT_FALSE(belongs_to_gemeente("GM9998", "GM9999"));
  EXPECT_FALSE(belongs_to_gemeente("WK99990", "GM9999"));     // invalid code
  EXPECT_FALSE(belongs_to_gemeente("WK999901", "WK999901"));  // not a gemeente
  EXPECT_FALSE(belongs_to_gemeente("WK999901", "GM999"));
}

// --- numbers --------------------------------------------------------------------------------

TEST(Numbers, UnknownMarkers) {
  for (const char* v : {"", " ", ".", "-", "x", "X", "?", " . "}) {
    EXPECT_TRUE(is_unknown_value(v)) << v;
  }
  for (const char* v : {"0", "..", "--", "n.v.t.", "12"}) EXPECT_FALSE(is_unknown_value(v)) << v;
}

// --- fixtures -------------------------------------------------------------------------------

TEST(AreaFixtures, Utf8FileReadsCompletely) {
  const auto r = import(fixture("voorbeeld-utf8.csv"));
  EXPECT_TRUE(r.problems.empty()) << summary(r.problems).front();
  EXPECT_EQ(r.skipped_other_gemeente, 0u);
  ASSERT_EQ(r.areas.size(), 17u);

  // Sorted gemeente, wijken, buurten, each by code, so parents come first.
  EXPECT_EQ(r.areas[0].code, "GM9999");
  EXPECT_EQ(r.areas[0].level, AreaLevel::gemeente);
  EXPECT_EQ(r.areas[0].parent_code, "");
  for (std::size_t i = 1; i < r.areas.size(); ++i) {
    const auto& a = r.areas[i - 1];
    const auto& b = r.areas[i];
    EXPECT_TRUE(a.level < b.level || (a.level == b.level && a.code < b.code)) << b.code;
  }
  std::map<AreaLevel, int> per_level;
  for (const auto& a : r.areas) ++per_level[a.level];
  EXPECT_EQ(per_level[AreaLevel::wijk], 4);
  EXPECT_EQ(per_level[AreaLevel::buurt], 12);

  const auto* gm = &get(r, "GM9999");
  EXPECT_EQ(gm->name, "Voorbeeld");
  EXPECT_EQ(gm->line, 2u);
  EXPECT_EQ(gm->figures.inhabitants, 21024);  // written "21.024"
  EXPECT_EQ(gm->figures.inhabitants_65plus, 4327);
  EXPECT_EQ(gm->figures.one_person_households, 3563);

  const auto* cafe = find(r, "BU99990103");
  ASSERT_TRUE(cafe);
  EXPECT_EQ(cafe->name, "Café-kwartier");
  EXPECT_EQ(cafe->level, AreaLevel::buurt);
  EXPECT_EQ(cafe->parent_code, "WK999901");
  EXPECT_EQ(cafe->line, 9u);
  EXPECT_EQ(get(r, "BU99990202").name, "’t Zand");
  EXPECT_EQ(get(r, "BU99990301").name, "De Ruïne");
  EXPECT_EQ(get(r, "BU99990402").name, "Veldhoek–Oost");

  const auto* polder = &get(r, "BU99990403");
  EXPECT_EQ(polder->name, "Noordeinde, \"De Polder\"");
  EXPECT_EQ(polder->figures.inhabitants, 85);
  EXPECT_FALSE(polder->figures.inhabitants_65plus);  // CBS "." = secret
  EXPECT_FALSE(polder->figures.one_person_households);

  // The fixture's wijken are the sums of their buurten; the gemeente the sum of the wijken.
  std::map<std::string, long long> buurt_sum, wijk_sum;
  for (const auto& a : r.areas) {
    if (a.level == AreaLevel::buurt) buurt_sum[a.parent_code] += *a.figures.inhabitants;
    if (a.level == AreaLevel::wijk) wijk_sum[a.parent_code] += *a.figures.inhabitants;
  }
  for (const auto& [wijk, sum] : buurt_sum) EXPECT_EQ(get(r, wijk).figures.inhabitants, sum);
  EXPECT_EQ(wijk_sum.at("GM9999"), *gm->figures.inhabitants);
}

TEST(AreaFixtures, Windows1252FileGivesTheSameAreas) {
  const auto cp = fixture("voorbeeld-cp1252.csv");
  EXPECT_FALSE(is_valid_utf8(cp));  // really Windows-1252 bytes
  const auto a = import(fixture("voorbeeld-utf8.csv"));
  const auto b = import(cp);
  EXPECT_TRUE(b.problems.empty());
  ASSERT_EQ(a.areas.size(), b.areas.size());
  for (std::size_t i = 0; i < a.areas.size(); ++i) {
    EXPECT_EQ(a.areas[i].code, b.areas[i].code);
    EXPECT_EQ(a.areas[i].name, b.areas[i].name);
    EXPECT_EQ(a.areas[i].figures, b.areas[i].figures);
    EXPECT_EQ(a.areas[i].line, b.areas[i].line);
  }
}

TEST(AreaFixtures, CommaFileWithPercentages) {
  const auto r = import(fixture("voorbeeld-komma.csv"));
  EXPECT_TRUE(r.problems.empty()) << summary(r.problems).front();
  ASSERT_EQ(r.areas.size(), 17u);
  EXPECT_EQ(r.areas[0].code, "GM9999");  // "GM9999    " in the file, as StatLine pads it

  const auto* centrum = &get(r, "WK999901");
  EXPECT_EQ(centrum->figures.inhabitants, 5419);
  EXPECT_EQ(centrum->figures.inhabitants_65plus, 959);              // 17,7 % of 5419 = 959.163
  EXPECT_EQ(centrum->figures.one_person_households, 1709);          // 52,1 % of 3280 = 1708.88
  EXPECT_EQ(get(r, "BU99990103").figures.inhabitants_65plus, 151);  // 12,5 % of 1204 = 150.5
  EXPECT_EQ(get(r, "BU99990403").name, "Noordeinde, \"De Polder\"");
  EXPECT_FALSE(get(r, "BU99990403").figures.inhabitants_65plus);

  // Percentages have one decimal, so each count is within 0.05 % of the CBS count.
  const auto exact = import(fixture("voorbeeld-utf8.csv"));
  for (const auto& a : exact.areas) {
    const auto* b = find(r, a.code);
    ASSERT_TRUE(b) << a.code;
    EXPECT_EQ(b->name, a.name);
    EXPECT_EQ(b->level, a.level);
    EXPECT_EQ(b->figures.inhabitants, a.figures.inhabitants);
    if (a.figures.inhabitants_65plus) {
      EXPECT_LE(std::llabs(*b->figures.inhabitants_65plus - *a.figures.inhabitants_65plus),
                *a.figures.inhabitants / 2000 + 1)
          << a.code;
    }
  }
}

TEST(AreaFixtures, FileWithErrorsReportsEachOne) {
  const auto r = import(fixture("voorbeeld-fouten.csv"));
  // Problems come in file order, whatever check found them.
  const std::vector<std::string> expected = {
      "4:1:areas.bad_code",         "5:2:areas.empty_name",
      "7:1:areas.duplicate_code",   "8:5:areas.more_65plus_than_inhabitants",
      "9:4:areas.not_whole_number", "10:1:areas.unknown_parent",
      "11:3:areas.level_mismatch",  "12:4:areas.bad_number",
      "14:5:areas.negative_number", "15:6:areas.more_one_person_households_than_inhabitants",
      "16:3:areas.bad_level",       "17:0:csv.field_count",
  };
  EXPECT_EQ(summary(r.problems), expected);
  const auto& p = r.problems;
  EXPECT_EQ(p[0].params.at("value"), "WK99990");
  EXPECT_EQ(p[0].params.at("column_name"), "code");
  EXPECT_EQ(p[1].params.at("code"), "WK999903");
  EXPECT_EQ(p[2].params.at("code"), "BU99990101");
  EXPECT_EQ(p[2].params.at("first_line"), "6");
  EXPECT_EQ(p[3].params.at("value"), "2398");
  EXPECT_EQ(p[3].params.at("inhabitants"), "1870");
  EXPECT_EQ(p[4].params.at("value"), "12,5");
  EXPECT_EQ(p[4].params.at("column_name"), "inwoners");
  EXPECT_EQ(p[5].params.at("code"), "BU99990501");
  EXPECT_EQ(p[5].params.at("parent"), "WK999905");
  EXPECT_EQ(p[6].params.at("code"), "BU99990104");
  EXPECT_EQ(p[6].params.at("level"), "Wijk");
  EXPECT_EQ(p[7].params.at("value"), "1OO");
  EXPECT_EQ(p[8].params.at("value"), "-5");
  EXPECT_EQ(p[9].params.at("value"), "150");
  EXPECT_EQ(p[10].params.at("value"), "Dorp");

  EXPECT_EQ(r.skipped_other_gemeente, 1u);  // GM0363
  std::vector<std::string> good;
  for (const auto& a : r.areas) good.push_back(a.code);
  EXPECT_EQ(good, (std::vector<std::string>{"GM9999", "WK999901", "BU99990101", "BU99990110"}));
  EXPECT_EQ(get(r, "BU99990110").name, "Steiger;Noord");
}

TEST(AreaFixtures, CountryFileWithBareNumbers) {
  const auto r = import(fixture("kwb-land.csv"));
  EXPECT_TRUE(r.problems.empty()) << summary(r.problems).front();
  EXPECT_EQ(r.skipped_other_gemeente, 6u);  // Nederland, 3 of Groningen, 2 of Amsterdam
  ASSERT_EQ(r.areas.size(), 3u);
  EXPECT_EQ(r.areas[0].code, "GM9999");
  EXPECT_EQ(r.areas[1].code, "WK999901");
  EXPECT_EQ(r.areas[2].code, "BU99990101");
  EXPECT_EQ(r.areas[2].parent_code, "WK999901");
  EXPECT_EQ(r.areas[0].figures.inhabitants, 21024);

  // The same file read for Groningen pads the leading zeros back.
  const auto g = parse_area_csv(fixture("kwb-land.csv"), "gm0014", no_codes);
  EXPECT_TRUE(g.problems.empty());
  ASSERT_EQ(g.areas.size(), 3u);
  EXPECT_EQ(g.areas[0].code, "GM0014");
  EXPECT_EQ(g.areas[1].code, "WK001400");
  EXPECT_EQ(g.areas[2].code, "BU00140000");
  EXPECT_EQ(g.areas[0].figures.inhabitants, 238147);
}

TEST(AreaFixtures, FileOfAnotherGemeente) {
  const auto r = parse_area_csv(fixture("voorbeeld-utf8.csv"), "GM0363", no_codes);
  EXPECT_TRUE(r.areas.empty());
  EXPECT_EQ(r.skipped_other_gemeente, 17u);
  ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"0:0:areas.no_rows"}));
  EXPECT_EQ(r.problems[0].params.at("gemeente"), "GM0363");
  EXPECT_EQ(r.problems[0].params.at("skipped"), "17");
}

// --- columns --------------------------------------------------------------------------------

TEST(AreaColumns, MissingCodeAndNameColumns) {
  const auto r = import("gebied;omschrijving;a_inw\nGM9999;Voorbeeld;12\n");
  ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"1:0:areas.missing_code_column",
                                                           "1:0:areas.missing_name_column"}));
  EXPECT_EQ(r.problems[0].params.at("expected"),
            "gwb_code_10, gwb_code, codering, code, wijkenenbuurten, gwb_code_8");
  EXPECT_EQ(r.problems[1].params.at("expected"), "regio, gwb_naam, wijken_en_buurten, naam, name");
  EXPECT_TRUE(r.areas.empty());
}

TEST(AreaColumns, MissingColumnIsReportedOnTheHeaderLine) {
  const auto r = import("\n\ncode;a_inw\nGM9999;12\n");
  ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"3:0:areas.missing_name_column"}));
}

TEST(AreaColumns, MissingHouseholdColumnForPercentage) {
  const auto r = import("code;naam;p_1p_hh\nGM9999;Voorbeeld;30\n");
  ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"1:0:areas.missing_household_column"}));
  EXPECT_EQ(r.problems[0].params.at("column"), "p_1p_hh");
  EXPECT_EQ(r.problems[0].params.at("expected"),
            "a_hh, huishoudenstotaal, aantal_huishoudens, huishoudens");
}

TEST(AreaColumns, NamesIgnoreCaseSpacesAndUnits) {
  const auto r = import(
      " Codering ;Wijken en buurten;Soort regio;Aantal inwoners (aantal);Inwoners 65plus;"
      "Eenpersoonshuishoudens\nGM9999;Voorbeeld;Gemeente;100;20;10\n");
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.areas.size(), 1u);
  EXPECT_EQ(r.areas[0].name, "Voorbeeld");
  EXPECT_EQ(
      r.areas[0].figures,
      (AreaFigures{.inhabitants = 100, .inhabitants_65plus = 20, .one_person_households = 10}));
}

TEST(AreaColumns, ODataNamesWithNumbers) {
  const auto r = import(
      "ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5;"
      "k_65JaarOfOuder_12;HuishoudensTotaal_28;Eenpersoonshuishoudens_29;Naam\n"
      "1;WK999901  ;Voorbeeld;Wijk      ;WK999901  ;5419;961;3280;1710;Centrum\n");
  EXPECT_TRUE(r.problems.empty()) << summary(r.problems).front();
  ASSERT_EQ(r.areas.size(), 1u);
  EXPECT_EQ(r.areas[0].code, "WK999901");
  EXPECT_EQ(r.areas[0].figures, (AreaFigures{5419, 961, 1710}));
}

TEST(AreaColumns, NumberedSuffixOnlyWhereAllowed) {
  // "naam_2" is not "naam", and "gwb_code_8" must not be taken for "gwb_code".
  const auto r = import("code;naam_2\nGM9999;Voorbeeld\n");
  EXPECT_EQ(summary(r.problems), (std::vector<std::string>{"1:0:areas.missing_name_column"}));
  const auto k = import("gwb_code_8;gwb_code;regio\n9999;GM9999;Voorbeeld\n");
  EXPECT_TRUE(k.problems.empty());
  ASSERT_EQ(k.areas.size(), 1u);
  const auto codering = import("codering_x;naam\nGM9999;Voorbeeld\n");
  EXPECT_EQ(summary(codering.problems),
            (std::vector<std::string>{"1:0:areas.missing_code_column"}));
}

TEST(AreaColumns, PrefixedCodeColumnIsPreferred) {
  // gwb_code_10 wins even when gwb_code_8 comes first and there is no level column.
  const auto r = import("gwb_code_8;gwb_code_10;regio\n999901;WK999901;Centrum\n");
  EXPECT_TRUE(r.problems.empty()) << summary(r.problems).front();
  ASSERT_EQ(r.areas.size(), 1u);
  EXPECT_EQ(r.areas[0].code, "WK999901");
}

TEST(AreaColumns, FiguresAreOptional) {
  const auto r = import("code;name\nGM9999;Voorbeeld\nwk999901; Centrum \n");
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.areas.size(), 2u);
  EXPECT_EQ(r.areas[1].code, "WK999901");
  EXPECT_EQ(r.areas[1].name, "Centrum");
  EXPECT_EQ(r.areas[1].figures, AreaFigures{});
}

// --- cell values ----------------------------------------------------------------------------

TEST(AreaValues, CountFormats) {
  struct Case {
    const char* cell;
    std::optional<long long> value;
  };
  for (const Case c :
       {Case{"12345", 12345}, Case{"12.345", 12345}, Case{"1.234.567", 1234567}, Case{"12,0", 12},
        Case{" 7 ", 7}, Case{"", std::nullopt}, Case{".", std::nullopt}, Case{"-", std::nullopt},
        Case{"x", std::nullopt}, Case{"?", std::nullopt}, Case{"0", 0}, Case{"-0", 0}}) {
    const auto r = one_row(";inwoners", std::string(";") + c.cell);
    EXPECT_TRUE(r.problems.empty()) << c.cell;
    ASSERT_EQ(r.areas.size(), 1u) << c.cell;
    EXPECT_EQ(r.areas[0].figures.inhabitants, c.value) << c.cell;
  }
}

TEST(AreaValues, BadCounts) {
  struct Case {
    const char* cell;
    const char* code;
  };
  for (const Case c : {Case{"12,5", "areas.not_whole_number"}, Case{"17.5", "number.decimal_point"},
                       Case{"-3", "areas.negative_number"}, Case{"12.34", "number.decimal_point"},
                       Case{"1.2345", "number.decimal_point"}, Case{"twaalf", "areas.bad_number"},
                       Case{"12 345", "areas.bad_number"}, Case{"1e5", "areas.bad_number"},
                       Case{"n.v.t.", "areas.bad_number"}}) {
    const auto r = one_row(";a_inw;a_65_oo", std::string(";5;") + c.cell);
    ASSERT_EQ(r.problems.size(), 1u) << c.cell;
    EXPECT_EQ(r.problems[0].code, c.code) << c.cell;
    EXPECT_EQ(r.problems[0].line, 2u);
    EXPECT_EQ(r.problems[0].column, 4u);
    EXPECT_EQ(r.problems[0].params.at("value"), c.cell);
    EXPECT_EQ(r.problems[0].params.at("column_name"), "a_65_oo");
    EXPECT_TRUE(r.areas.empty()) << "a row with a problem is not imported";
  }
}

TEST(AreaValues, PercentagesBecomeCounts) {
  const auto r = import(
      "code;naam;a_inw;p_65_eo_jr;a_hh;p_1p_hh\n"
      "GM9999;Voorbeeld;1204;12,5;1480;54,3\n"
      "WK999901;Centrum;1000;17,45 %;10;0,1\n"
      "WK999902;Noord;.;20;;30\n"
      "WK999903;Zuid;500;100;500;0\n");
  EXPECT_TRUE(r.problems.empty()) << summary(r.problems).front();
  ASSERT_EQ(r.areas.size(), 4u);
  EXPECT_EQ(r.areas[0].figures, (AreaFigures{1204, 151, 804}));  // 150.5 -> 151; 803.64 -> 804
  EXPECT_EQ(r.areas[1].figures, (AreaFigures{1000, 175, 0}));    // 174.5 -> 175; 0.01 -> 0
  EXPECT_EQ(r.areas[2].figures, (AreaFigures{}));                // unknown base gives unknown count
  EXPECT_EQ(r.areas[3].figures, (AreaFigures{500, 500, 0}));
}

TEST(AreaValues, CountBeatsPercentage) {
  const auto r = import(
      "code;naam;a_inw;a_65_oo;p_65_oo;a_hh;a_1p_hh;p_1p_hh\n"
      "GM9999;Voorbeeld;1000;123;50;400;77;50\n"
      "WK999901;Centrum;1000;.;50;400;;50\n");
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.areas.size(), 2u);
  EXPECT_EQ(r.areas[0].figures, (AreaFigures{1000, 123, 77}));
  EXPECT_EQ(r.areas[1].figures, (AreaFigures{1000, 500, 200}));
}

TEST(AreaValues, BadPercentages) {
  struct Case {
    const char* cell;
    const char* code;
  };
  for (const Case c : {Case{"100,1", "areas.bad_percentage"}, Case{"101", "areas.bad_percentage"},
                       Case{"-1", "areas.bad_percentage"}, Case{"-0,5", "areas.bad_percentage"},
                       Case{"veel", "areas.bad_number"}, Case{"12,5%%", "areas.bad_number"}}) {
    const auto r = one_row(";a_inw;p_65_oo", std::string(";1000;") + c.cell);
    ASSERT_EQ(r.problems.size(), 1u) << c.cell;
    EXPECT_EQ(r.problems[0].code, c.code) << c.cell;
    EXPECT_EQ(r.problems[0].column, 4u);
    EXPECT_EQ(r.problems[0].params.at("value"), c.cell);
  }
  const auto zero = one_row(";a_inw;p_65_oo", ";1000;-0");
  EXPECT_TRUE(zero.problems.empty());
  EXPECT_EQ(zero.areas.at(0).figures.inhabitants_65plus, 0);
}

TEST(AreaValues, HouseholdCountMustBeWhole) {
  const auto r = one_row(";a_hh;p_1p_hh", ";12,5;30");
  EXPECT_EQ(summary(r.problems), (std::vector<std::string>{"2:3:areas.not_whole_number"}));
}

TEST(AreaValues, FiguresMustNotExceedInhabitants) {
  const auto equal = one_row(";a_inw;a_65_oo;a_1p_hh", ";100;100;100");
  EXPECT_TRUE(equal.problems.empty());
  const auto r = one_row(";a_inw;a_65_oo;a_1p_hh", ";100;101;102");
  ASSERT_EQ(summary(r.problems),
            (std::vector<std::string>{"2:4:areas.more_65plus_than_inhabitants",
                                      "2:5:areas.more_one_person_households_than_inhabitants"}));
  EXPECT_EQ(r.problems[0].params.at("code"), "GM9999");
  EXPECT_EQ(r.problems[0].params.at("value"), "101");
  EXPECT_EQ(r.problems[0].params.at("inhabitants"), "100");
  EXPECT_EQ(r.problems[1].params.at("value"), "102");
  // Unknown inhabitants: nothing to compare with.
  EXPECT_TRUE(one_row(";a_inw;a_65_oo", ";.;101").problems.empty());
}

TEST(AreaValues, DerivedHouseholdsAreCheckedToo) {
  // 50 % of 400 households = 200 one-person households for 100 inhabitants.
  const auto r = one_row(";a_inw;a_hh;p_1p_hh", ";100;400;50");
  ASSERT_EQ(summary(r.problems),
            (std::vector<std::string>{"2:5:areas.more_one_person_households_than_inhabitants"}));
  EXPECT_EQ(r.problems[0].params.at("value"), "200");
}

// --- names ----------------------------------------------------------------------------------

TEST(AreaNames, EmptyName) {
  const auto r = import("code;naam\nGM9999;  \n");
  ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"2:2:areas.empty_name"}));
  EXPECT_EQ(r.problems[0].params.at("code"), "GM9999");
}

TEST(AreaNames, LengthIsCountedInCharacters) {
  std::string ok;
  for (std::size_t i = 0; i < max_area_name_length; ++i) ok += "é";  // 400 bytes, 200 chars
  EXPECT_TRUE(import("code;naam\nGM9999;" + ok + "\n").problems.empty());
  const auto r = import("code;naam\nGM9999;" + ok + "e\n");
  ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"2:2:areas.name_too_long"}));
  EXPECT_EQ(r.problems[0].params.at("max"), "200");
}

// --- codes in rows --------------------------------------------------------------------------

TEST(AreaRows, BadAndEmptyCodes) {
  const auto r =
      import("naam;code\nA;GM99999\nB;WK9999-1\nC;\nD;BU999901\nE;GM 9999\nF;wk999901\n");
  ASSERT_EQ(
      summary(r.problems),
      (std::vector<std::string>{"2:2:areas.bad_code", "3:2:areas.bad_code", "4:2:areas.empty_code",
                                "5:2:areas.bad_code", "6:2:areas.bad_code"}));
  EXPECT_EQ(r.problems[0].params.at("value"), "GM99999");
  EXPECT_EQ(r.problems[3].params.at("value"), "BU999901");
  ASSERT_EQ(r.areas.size(), 1u);
  EXPECT_EQ(r.areas[0].code, "WK999901");  // lower case is normalised
}

TEST(AreaRows, BareNumberNeedsALevel) {
  const auto r = import("gwb_code_8;regio\n999901;Centrum\n");
  ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"2:1:areas.code_without_prefix"}));
  EXPECT_EQ(r.problems[0].params.at("value"), "999901");
}

TEST(AreaRows, BareNumberIsPaddedForItsLevel) {
  const auto r = import(
      "gwb_code_8;regio;recs\n9999;Voorbeeld;Gemeente\n999901;Centrum;Wijk\n"
      "99990101;Binnenstad;Buurt\n");
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.areas.size(), 3u);
  const auto g = parse_area_csv("gwb_code_8;regio;recs\n3;A;gemeente\n300;B;WIJK\n30000;C;buurt\n",
                                "GM0003", no_codes);
  EXPECT_TRUE(g.problems.empty());
  ASSERT_EQ(g.areas.size(), 3u);
  EXPECT_EQ(g.areas[0].code, "GM0003");
  EXPECT_EQ(g.areas[1].code, "WK000300");
  EXPECT_EQ(g.areas[2].code, "BU00030000");
}

TEST(AreaRows, BareNumberTooLongForItsLevel) {
  const auto r = import("gwb_code_8;regio;recs\n99999;Voorbeeld;Gemeente\n");
  ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"2:1:areas.bad_code"}));
  EXPECT_EQ(r.problems[0].params.at("value"), "99999");
}

TEST(AreaRows, LevelColumn) {
  const auto r = import(
      "code;naam;niveau\nGM9999;Voorbeeld;gemeente\nWK999901;Centrum;WK\nBU99990101;Binnenstad; "
      "Buurt \nBU99990102;Haven;\n");
  EXPECT_TRUE(r.problems.empty()) << summary(r.problems).front();
  EXPECT_EQ(r.areas.size(), 4u);
}

TEST(AreaRows, LevelMustMatchCode) {
  const auto r = import("code;naam;recs\nWK999901;Centrum;Buurt\nWK999902;Noord;Stad\n");
  ASSERT_EQ(summary(r.problems),
            (std::vector<std::string>{"2:3:areas.level_mismatch", "3:3:areas.bad_level"}));
  EXPECT_EQ(r.problems[0].params.at("code"), "WK999901");
  EXPECT_EQ(r.problems[0].params.at("level"), "Buurt");
  EXPECT_EQ(r.problems[1].params.at("value"), "Stad");
  EXPECT_EQ(r.problems[1].params.at("column_name"), "recs");
  EXPECT_TRUE(r.areas.empty());
}

TEST(AreaRows, BadLevelWithBareNumberIsReportedOnce) {
  const auto r = import("gwb_code_8;regio;recs\n999901;Centrum;Stad\n");
  EXPECT_EQ(summary(r.problems), (std::vector<std::string>{"2:3:areas.bad_level"}));
}

TEST(AreaRows, NationalRowsAreSkipped) {
  const auto r = import(
      "code;naam;recs\nNL00;Nederland;Land\nNL01;Nederland;\nXX;Nederland;land\n"
      "GM9999;Voorbeeld;Gemeente\n");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.skipped_other_gemeente, 3u);
  EXPECT_EQ(r.areas.size(), 1u);
}

TEST(AreaRows, OtherGemeentenAreSkippedWithoutChecks) {
  const auto r = import(
      "code;naam;a_inw\nGM0363;Amsterdam;onbekend\nWK036300;;1\nBU03630000;Burgwallen;x\n"
      "WK999901;Centrum;5419\n");
  EXPECT_TRUE(r.problems.empty()) << summary(r.problems).front();
  EXPECT_EQ(r.skipped_other_gemeente, 3u);
  ASSERT_EQ(r.areas.size(), 1u);
  EXPECT_EQ(r.areas[0].code, "WK999901");
}

TEST(AreaRows, BadLevelOfAnotherGemeenteIsNotReported) {
  const auto r = import("code;naam;recs\nWK036300;Centrum;Stadsdeel\nWK999901;Centrum;Wijk\n");
  EXPECT_TRUE(r.problems.empty()) << summary(r.problems).front();
  EXPECT_EQ(r.skipped_other_gemeente, 1u);
}

TEST(AreaRows, NoRowsOfThisGemeente) {
  const auto r = import("code;naam\nGM0363;Amsterdam\nWK036300;Centrum\n");
  ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"0:0:areas.no_rows"}));
  EXPECT_EQ(r.problems[0].params.at("skipped"), "2");
  const auto empty = import("code;naam\n");
  ASSERT_EQ(summary(empty.problems), (std::vector<std::string>{"0:0:areas.no_rows"}));
  EXPECT_EQ(empty.problems[0].params.at("skipped"), "0");
}

TEST(AreaRows, NoRowsIsNotClaimedWhenReadingStoppedEarly) {
  const auto r = import("code;naam\nGM0363;Amsterdam\nWK036300;\"Centrum\n");
  EXPECT_EQ(summary(r.problems), (std::vector<std::string>{"3:2:csv.unterminated_quote"}));
}

TEST(AreaRows, NoRowsIsNotClaimedWhenRowsHadProblems) {
  // A row with a bad code may have been one of ours; fix that first.
  const auto r = import("code;naam\nGM0363;Amsterdam\nWK99990;Noord\n");
  EXPECT_EQ(summary(r.problems), (std::vector<std::string>{"3:1:areas.bad_code"}));
}

TEST(AreaRows, RowsOfThisGemeenteWithProblemsStillCount) {
  // Not "no rows": the row is there, it only has a problem.
  const auto r = import("code;naam\nWK999901;\n");
  EXPECT_EQ(summary(r.problems), (std::vector<std::string>{"2:2:areas.empty_name"}));
}

TEST(AreaRows, GemeenteRowIsAllowed) {
  const auto r = import("code;naam;a_inw\nGM9999;Voorbeeld;21024\n");
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.areas.size(), 1u);
  EXPECT_EQ(r.areas[0].level, AreaLevel::gemeente);
  EXPECT_EQ(r.areas[0].parent_code, "");
  EXPECT_EQ(r.areas[0].figures.inhabitants, 21024);
}

TEST(AreaRows, DuplicateCodesNameBothLines) {
  const auto r =
      import("code;naam\nWK999901;Centrum\nGM9999;V\nwk999901 ;Centrum 2\nWK999901;C3\n");
  ASSERT_EQ(summary(r.problems),
            (std::vector<std::string>{"4:1:areas.duplicate_code", "5:1:areas.duplicate_code"}));
  EXPECT_EQ(r.problems[0].params.at("code"), "WK999901");
  EXPECT_EQ(r.problems[0].params.at("first_line"), "2");
  EXPECT_EQ(r.problems[1].params.at("first_line"), "2");
}

TEST(AreaRows, BareAndPrefixedCodeAreTheSameArea) {
  const auto r = import("gwb_code_8;regio;recs\n999901;Centrum;Wijk\nWK999901;Centrum;Wijk\n");
  EXPECT_EQ(summary(r.problems), (std::vector<std::string>{"3:1:areas.duplicate_code"}));
}

// --- hierarchy ------------------------------------------------------------------------------

TEST(AreaHierarchy, BuurtNeedsItsWijk) {
  const auto r = import("code;naam\nBU99990101;Binnenstad\nBU99990201;Noorderpark\n");
  ASSERT_EQ(summary(r.problems),
            (std::vector<std::string>{"2:1:areas.unknown_parent", "3:1:areas.unknown_parent"}));
  EXPECT_EQ(r.problems[0].params.at("code"), "BU99990101");
  EXPECT_EQ(r.problems[0].params.at("parent"), "WK999901");
  EXPECT_EQ(r.problems[1].params.at("parent"), "WK999902");
  EXPECT_TRUE(r.areas.empty());
}

TEST(AreaHierarchy, WijkMayComeAfterItsBuurten) {
  const auto r = import("code;naam\nBU99990101;Binnenstad\nWK999901;Centrum\n");
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.areas.size(), 2u);
  EXPECT_EQ(r.areas[0].code, "WK999901");  // parents first after sorting
  EXPECT_EQ(r.areas[1].code, "BU99990101");
}

TEST(AreaHierarchy, KnownWijkFromTheStore) {
  const std::set<std::string> existing = {"GM9999", "WK999901"};
  const auto r = import("code;naam\nBU99990101;Binnenstad\nBU99990201;Noorderpark\n", existing);
  ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"3:1:areas.unknown_parent"}));
  ASSERT_EQ(r.areas.size(), 1u);
  EXPECT_EQ(r.areas[0].code, "BU99990101");
}

TEST(AreaHierarchy, WijkWithAProblemStillCountsAsPresent) {
  // The wijk's own problem is enough; its buurten should not repeat it.
  const auto r = import("code;naam\nWK999901;\nBU99990101;Binnenstad\n");
  EXPECT_EQ(summary(r.problems), (std::vector<std::string>{"2:2:areas.empty_name"}));
  ASSERT_EQ(r.areas.size(), 1u);
  EXPECT_EQ(r.areas[0].code, "BU99990101");
}

TEST(AreaHierarchy, BuurtOfAnotherGemeenteIsSkippedNotOrphaned) {
  const auto r = import("code;naam\nGM9999;V\nBU99980101;Elders\n");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.skipped_other_gemeente, 1u);
}

TEST(AreaHierarchy, OutputIsSortedRegardlessOfInput) {
  const auto r = import(
      "code;naam\nBU99990202;d\nWK999902;c\nBU99990101;b\nGM9999;a\nWK999901;e\nBU99990102;f\n");
  EXPECT_TRUE(r.problems.empty());
  std::vector<std::string> codes;
  for (const auto& a : r.areas) codes.push_back(a.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"GM9999", "WK999901", "WK999902", "BU99990101",
                                             "BU99990102", "BU99990202"}));
  EXPECT_EQ(r.areas[3].line, 4u);  // lines travel with their rows
}

// --- input problems -------------------------------------------------------------------------

TEST(AreaInput, BadGemeenteCode) {
  for (const char* gm : {"WK999901", "GM999", "", "9999"}) {
    const auto r = parse_area_csv("code;naam\nGM9999;V\n", gm, no_codes);
    ASSERT_EQ(summary(r.problems), (std::vector<std::string>{"0:0:areas.bad_gemeente_code"})) << gm;
    EXPECT_EQ(r.problems[0].params.at("value"), gm);
  }
  EXPECT_TRUE(parse_area_csv("code;naam\nGM9999;V\n", " gm9999 ", no_codes).problems.empty());
}

TEST(AreaInput, BinaryAndUtf16FilesAreRefused) {
  const auto bin = import(std::string("PK\x03\x04\0\0code;naam", 15));
  EXPECT_EQ(summary(bin.problems), (std::vector<std::string>{"0:0:text.binary"}));
  const auto utf16 =
      import(std::string("\xFF\xFE"
                         "c\0o\0d\0e\0",
                         10));
  EXPECT_EQ(summary(utf16.problems), (std::vector<std::string>{"0:0:text.utf16"}));
}

TEST(AreaInput, EmptyFile) {
  EXPECT_EQ(summary(import("").problems), (std::vector<std::string>{"0:0:csv.empty"}));
  EXPECT_EQ(summary(import("\xEF\xBB\xBF\r\n").problems),
            (std::vector<std::string>{"0:0:csv.empty"}));
}

TEST(AreaInput, CsvProblemsAndAreaProblemsTogether) {
  const auto r = import("code;naam;a_inw\nGM9999;V\nWK999901;Centrum;veel\nWK999902;Noord;3\n");
  EXPECT_EQ(summary(r.problems),
            (std::vector<std::string>{"2:0:csv.field_count", "3:3:areas.bad_number"}));
  ASSERT_EQ(r.areas.size(), 1u);
  EXPECT_EQ(r.areas[0].code, "WK999902");
}

TEST(AreaInput, ProblemsAreCappedAtOneHundred) {
  std::string text = "code;naam\n";
  for (int i = 0; i < 150; ++i) text += "WK9999" + std::to_string(10 + i % 90) + "x;n\n";
  const auto r = import(text);
  ASSERT_EQ(r.problems.size(), max_problems + 1);
  EXPECT_EQ(r.problems[99].line, 101u);
  EXPECT_EQ(r.problems.back().code, "problems.truncated");
}

TEST(AreaInput, CapAlsoStopsParentChecks) {
  std::string text = "code;naam\n";
  for (int i = 0; i < 99; ++i) text += "GM9999x;n\n";
  text += "BU99990101;a\nBU99990201;b\n";
  const auto r = import(text);
  ASSERT_EQ(r.problems.size(), max_problems + 1);
  EXPECT_EQ(r.problems[99].code, "areas.unknown_parent");
  EXPECT_EQ(r.problems.back().code, "problems.truncated");
  EXPECT_TRUE(r.areas.empty());
}

TEST(AreaInput, CrLfAndTabsWork) {
  const auto r = import("code\tnaam\tinwoners\r\nGM9999\tVoorbeeld\t12.345\r\n");
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.areas.size(), 1u);
  EXPECT_EQ(r.areas[0].figures.inhabitants, 12345);
}

TEST(AreaInput, SurvivesDamagedFiles) {
  // Flips, drops and inserts bytes in a good file; whatever comes out must still be sound.
  const auto good = fixture("voorbeeld-komma.csv");
  std::mt19937 rng(42);
  const std::string specials("\";,\n\r\0\xE9\x92.-%", 12);
  for (int round = 0; round < 2000; ++round) {
    std::string text = good;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0:
          text[at] = specials[rng() % specials.size()];
          break;
        case 1:
          text.erase(at, 1 + rng() % 5);
          break;
        default:
          text.insert(at, 1, static_cast<char>(rng() % 256));
      }
    }
    const auto r = import(text);
    EXPECT_LE(r.problems.size(), max_problems + 1);
    for (std::size_t i = 0; i < r.areas.size(); ++i) {
      const auto& a = r.areas[i];
      EXPECT_TRUE(belongs_to_gemeente(a.code, "GM9999")) << a.code;
      EXPECT_EQ(area_level(a.code), a.level);
      EXPECT_EQ(a.parent_code, parent_code(a.code));
      EXPECT_FALSE(a.name.empty());
      EXPECT_TRUE(is_valid_utf8(a.name));
      for (auto v :
           {a.figures.inhabitants, a.figures.inhabitants_65plus, a.figures.one_person_households}) {
        if (v) {
          EXPECT_GE(*v, 0);
        }
      }
      if (i > 0) {
        EXPECT_LE(r.areas[i - 1].level, a.level);
      }
    }
  }
}
