#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "domain/csv.h"
#include "domain/problem.h"

using namespace kompas::domain;

namespace {

using Fields = std::vector<std::string>;

CsvTable parse(std::string_view text, std::vector<Problem>& problems, CsvLimits limits = {}) {
  return parse_csv(text, problems, limits);
}

// Parses text that must have no problems.
CsvTable parse_ok(std::string_view text, CsvLimits limits = {}) {
  std::vector<Problem> problems;
  auto table = parse_csv(text, problems, limits);
  EXPECT_TRUE(problems.empty()) << "first problem: " << problems.front().code;
  EXPECT_TRUE(table.complete);
  return table;
}

}  // namespace

// --- problem list ---------------------------------------------------------------------------

TEST(ProblemList, CapsAtMaxAndAddsOneMarker) {
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < max_problems; ++i) {
    EXPECT_TRUE(add_problem(problems, Problem{i + 1, 0, "x", {}}));
  }
  EXPECT_FALSE(problems_full(problems));  // exactly 100 is not "more than 100"
  EXPECT_FALSE(add_problem(problems, Problem{101, 0, "x", {}}));
  ASSERT_EQ(problems.size(), max_problems + 1);
  EXPECT_EQ(problems.back().code, "problems.truncated");
  EXPECT_EQ(problems.back().params.at("max"), "100");
  EXPECT_TRUE(problems_full(problems));
  EXPECT_FALSE(add_problem(problems, Problem{102, 0, "x", {}}));
  EXPECT_EQ(problems.size(), max_problems + 1);
  EXPECT_EQ(problems[99].line, 100u);
}

// --- separator detection --------------------------------------------------------------------

TEST(DetectSeparator, MostFrequentOutsideQuotes) {
  EXPECT_EQ(detect_separator("a;b;c\n1;2;3"), ';');
  EXPECT_EQ(detect_separator("a,b,c\n1,2,3"), ',');
  EXPECT_EQ(detect_separator("a\tb\tc\n1\t2\t3"), '\t');
  EXPECT_EQ(detect_separator("a;b,c,d"), ',');
  EXPECT_EQ(detect_separator("a\tb\tc;d,e"), '\t');
  EXPECT_EQ(detect_separator("\"x;y;z\",b,c"), ',');      // separators in quotes do not count
  EXPECT_EQ(detect_separator("\"x\"\";y;z\",b,c"), ',');  // nor after a doubled quote
  EXPECT_EQ(detect_separator("\"a\nb;c;d\",e,f"), ',');   // a line break in quotes is no line end
}

TEST(DetectSeparator, TiesAndNothingGiveSemicolon) {
  EXPECT_EQ(detect_separator("a;b,c"), ';');
  EXPECT_EQ(detect_separator("a;b\tc"), ';');
  EXPECT_EQ(detect_separator("a,b\tc"), ',');
  EXPECT_EQ(detect_separator("naam"), ';');
  EXPECT_EQ(detect_separator(""), ';');
  EXPECT_EQ(detect_separator("\n\n"), ';');
}

TEST(DetectSeparator, LooksOnlyAtTheFirstNonBlankLine) {
  EXPECT_EQ(detect_separator("\n  \r\n;;;\na,b\n1;2;3;4"), ',');
  EXPECT_EQ(detect_separator("a;b\n1,2,3,4,5"), ';');
}

// --- basic reading --------------------------------------------------------------------------

TEST(ParseCsv, ReadsSemicolonFileWithLf) {
  const auto t = parse_ok("code;naam\nGM9999;Voorbeeld\nWK999901;Centrum\n");
  EXPECT_EQ(t.separator, ';');
  EXPECT_EQ(t.header_line, 1u);
  EXPECT_EQ(t.header, (Fields{"code", "naam"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 2u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"GM9999", "Voorbeeld"}));
  EXPECT_EQ(t.rows[1].line, 3u);
  EXPECT_EQ(t.rows[1].fields, (Fields{"WK999901", "Centrum"}));
}

TEST(ParseCsv, ReadsCommaAndTab) {
  const auto c = parse_ok("a,b\n1,2\n");
  EXPECT_EQ(c.separator, ',');
  EXPECT_EQ(c.rows.at(0).fields, (Fields{"1", "2"}));
  const auto t = parse_ok("a\tb\n1\t2;3\n");
  EXPECT_EQ(t.separator, '\t');
  EXPECT_EQ(t.rows.at(0).fields, (Fields{"1", "2;3"}));
}

TEST(ParseCsv, HandlesCrLfAndLoneCrAndMissingFinalNewline) {
  for (const char* text : {"a;b\r\n1;2\r\n3;4", "a;b\r1;2\r3;4\r", "a;b\n1;2\r\n3;4\r"}) {
    const auto t = parse_ok(text);
    ASSERT_EQ(t.rows.size(), 2u) << text;
    EXPECT_EQ(t.rows[0].fields, (Fields{"1", "2"})) << text;
    EXPECT_EQ(t.rows[1].fields, (Fields{"3", "4"})) << text;
    EXPECT_EQ(t.rows[1].line, 3u) << text;
  }
}

TEST(ParseCsv, SkipsBlankLinesButCountsThem) {
  const auto t = parse_ok("\n\r\na;b\n\n1;2\n   \n;;\n \t; \n3;4\n\n");
  EXPECT_EQ(t.header_line, 3u);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 5u);
  EXPECT_EQ(t.rows[1].line, 9u);
}

TEST(ParseCsv, EmptyFieldsAndTrailingSeparator) {
  const auto t = parse_ok("a;b;c\n;x;\n1;;\n");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"", "x", ""}));
  EXPECT_EQ(t.rows[1].fields, (Fields{"1", "", ""}));
}

TEST(ParseCsv, KeepsSpacesInFieldsButTrimsHeader) {
  const auto t = parse_ok("  code ; naam\t\n GM9999 ; Voor beeld \n");
  EXPECT_EQ(t.header, (Fields{"code", "naam"}));
  EXPECT_EQ(t.rows.at(0).fields, (Fields{" GM9999 ", " Voor beeld "}));
}

TEST(ParseCsv, SkipsUtf8Bom) {
  const auto t = parse_ok(
      "\xEF\xBB\xBF"
      "code;naam\n1;2\n");
  EXPECT_EQ(t.header.at(0), "code");
}

TEST(ParseCsv, SingleColumn) {
  const auto t = parse_ok("naam\nA\nB");
  EXPECT_EQ(t.header, (Fields{"naam"}));
  EXPECT_EQ(t.rows.size(), 2u);
}

TEST(ParseCsv, HeaderOnly) {
  const auto t = parse_ok("a;b\n");
  EXPECT_EQ(t.header.size(), 2u);
  EXPECT_TRUE(t.rows.empty());
}

// --- quotes ---------------------------------------------------------------------------------

TEST(ParseCsv, QuotedFieldsWithSeparatorsAndDoubledQuotes) {
  const auto t = parse_ok("\"a\";\"b;c\"\n\"x;y\";\"zeg \"\"hoi\"\"\"\n\"\";\"\"\"\"\n");
  EXPECT_EQ(t.header, (Fields{"a", "b;c"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"x;y", "zeg \"hoi\""}));
  EXPECT_EQ(t.rows[1].fields, (Fields{"", "\""}));
}

TEST(ParseCsv, LineBreaksInsideQuotes) {
  const auto t = parse_ok("a,b\n\"regel 1\nregel 2\",x\n\"r1\r\nr2\r\nr3\",y\nz,w");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].line, 2u);
  EXPECT_EQ(t.rows[0].fields[0], "regel 1\nregel 2");
  EXPECT_EQ(t.rows[1].line, 4u);
  EXPECT_EQ(t.rows[1].fields[0], "r1\r\nr2\r\nr3");  // kept byte for byte
  EXPECT_EQ(t.rows[2].line, 7u);
  EXPECT_EQ(t.rows[2].fields, (Fields{"z", "w"}));
}

TEST(ParseCsv, LoneCrInsideQuotesCountsAsLine) {
  const auto t = parse_ok("a;b\n\"1\r2\";x\n3;4\n");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields[0], "1\r2");
  EXPECT_EQ(t.rows[1].line, 4u);
}

TEST(ParseCsv, TextAfterClosingQuoteIsAppended) {
  const auto t = parse_ok("a;b\n\"Oude \"Haven;\"x\" \n");
  EXPECT_EQ(t.rows.at(0).fields, (Fields{"Oude Haven", "x "}));
}

TEST(ParseCsv, QuoteInsideUnquotedFieldIsLiteral) {
  const auto t = parse_ok("a;b\n12\" scherm;'t Zand\n");
  EXPECT_EQ(t.rows.at(0).fields, (Fields{"12\" scherm", "'t Zand"}));
}

TEST(ParseCsv, QuotedFieldAtEndOfInput) {
  const auto t = parse_ok("a;b\n1;\"x\"");
  EXPECT_EQ(t.rows.at(0).fields, (Fields{"1", "x"}));
}

TEST(ParseCsv, QuotedBlankRowIsSkipped) {
  const auto t = parse_ok("a;b\n\"\";\" \"\n1;2\n");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line, 3u);
}

TEST(ParseCsv, UnterminatedQuoteReportsWhereItOpened) {
  std::vector<Problem> problems;
  const auto t = parse("a;b;c\n1;2;3\n4;\"open\n5;6;7\n8;9;10\n", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "csv.unterminated_quote");
  EXPECT_EQ(problems[0].line, 3u);
  EXPECT_EQ(problems[0].column, 2u);
  EXPECT_FALSE(t.complete);
  ASSERT_EQ(t.rows.size(), 1u);  // rows before it are kept
  EXPECT_EQ(t.rows[0].line, 2u);
}

TEST(ParseCsv, UnterminatedQuoteInHeader) {
  std::vector<Problem> problems;
  const auto t = parse("\"a;b\n", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "csv.unterminated_quote");
  EXPECT_EQ(problems[0].line, 1u);
  EXPECT_EQ(problems[0].column, 1u);
  EXPECT_EQ(t.header_line, 0u);
}

// --- header problems ------------------------------------------------------------------------

TEST(ParseCsv, DuplicateHeaderIgnoresCase) {
  std::vector<Problem> problems;
  const auto t = parse("code;Naam;CODE ;naam\n1;2;3;4\n", problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "csv.duplicate_header");
  EXPECT_EQ(problems[0].line, 1u);
  EXPECT_EQ(problems[0].column, 3u);
  EXPECT_EQ(problems[0].params.at("name"), "CODE");
  EXPECT_EQ(problems[0].params.at("first_column"), "1");
  EXPECT_EQ(problems[1].column, 4u);
  EXPECT_EQ(problems[1].params.at("name"), "naam");
  EXPECT_EQ(problems[1].params.at("first_column"), "2");
  EXPECT_EQ(t.rows.size(), 1u);
  EXPECT_TRUE(t.complete);
}

TEST(ParseCsv, EmptyHeaderNameInTheMiddle) {
  std::vector<Problem> problems;
  parse("\n\ncode; ;naam\n1;2;3\n", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "csv.empty_header");
  EXPECT_EQ(problems[0].line, 3u);
  EXPECT_EQ(problems[0].column, 2u);
}

TEST(ParseCsv, TrailingEmptyHeadersAndFieldsAreDropped) {
  const auto t = parse_ok("code;naam;;\nGM9999;Voorbeeld;;\nWK999901;Centrum\nWK999902;Noord; ;\n");
  EXPECT_EQ(t.header, (Fields{"code", "naam"}));
  ASSERT_EQ(t.rows.size(), 3u);
  for (const auto& row : t.rows) EXPECT_EQ(row.fields.size(), 2u);
}

TEST(ParseCsv, EmptyInput) {
  for (const char* text : {"", "\n\n", " \r\n;;;\r\n", "\xEF\xBB\xBF"}) {
    std::vector<Problem> problems;
    const auto t = parse(text, problems);
    ASSERT_EQ(problems.size(), 1u) << text;
    EXPECT_EQ(problems[0].code, "csv.empty");
    EXPECT_EQ(problems[0].line, 0u);
    EXPECT_EQ(t.header_line, 0u);
    EXPECT_TRUE(t.header.empty());
  }
}

// --- row problems ---------------------------------------------------------------------------

TEST(ParseCsv, FieldCountMismatchIsReportedAndRowLeftOut) {
  std::vector<Problem> problems;
  const auto t = parse("a;b;c\n1;2;3\n1;2\n1;2;3;4\n\"x\ny\";2;3\n5;6;7\n", problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "csv.field_count");
  EXPECT_EQ(problems[0].line, 3u);
  EXPECT_EQ(problems[0].params.at("expected"), "3");
  EXPECT_EQ(problems[0].params.at("found"), "2");
  EXPECT_EQ(problems[1].line, 4u);
  EXPECT_EQ(problems[1].params.at("found"), "4");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].line, 2u);
  EXPECT_EQ(t.rows[1].line, 5u);
  EXPECT_EQ(t.rows[2].line, 7u);
  EXPECT_TRUE(t.complete);
}

TEST(ParseCsv, StopsAfterMaxProblems) {
  std::string text = "a;b\n";
  for (int i = 0; i < 150; ++i) text += "1\n";
  text += "1;2\n";
  std::vector<Problem> problems;
  const auto t = parse(text, problems);
  ASSERT_EQ(problems.size(), max_problems + 1);
  EXPECT_EQ(problems[0].line, 2u);
  EXPECT_EQ(problems[99].line, 101u);
  EXPECT_EQ(problems.back().code, "problems.truncated");
  EXPECT_FALSE(t.complete);
  EXPECT_TRUE(t.rows.empty());
}

// --- limits ---------------------------------------------------------------------------------

TEST(ParseCsv, TooManyColumnsInHeader) {
  std::vector<Problem> problems;
  const auto t = parse("a;b;c;d\n1;2;3;4\n", problems, CsvLimits{.max_columns = 3});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "csv.too_many_columns");
  EXPECT_EQ(problems[0].line, 1u);
  EXPECT_EQ(problems[0].column, 4u);
  EXPECT_EQ(problems[0].params.at("max"), "3");
  EXPECT_FALSE(t.complete);
}

TEST(ParseCsv, TooManyColumnsInRow) {
  std::vector<Problem> problems;
  const auto t = parse("a;b;c\n1;2;3\n1;2;3;4;5\n", problems, CsvLimits{.max_columns = 3});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "csv.too_many_columns");
  EXPECT_EQ(problems[0].line, 3u);
  EXPECT_EQ(t.rows.size(), 1u);
  EXPECT_FALSE(t.complete);
}

TEST(ParseCsv, ExactlyMaxColumnsIsFine) {
  parse_ok("a;b;c\n1;2;3\n", CsvLimits{.max_columns = 3});
}

TEST(ParseCsv, DefaultLimitOf1000Columns) {
  std::string header = "c0";
  for (int i = 1; i < 1000; ++i) header += ";c" + std::to_string(i);
  parse_ok(header + "\n");
  std::vector<Problem> problems;
  parse(header + ";c1000\n", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "csv.too_many_columns");
  EXPECT_EQ(problems[0].params.at("max"), "1000");
}

TEST(ParseCsv, FieldTooLong) {
  const CsvLimits limits{.max_field_bytes = 5};
  parse_ok("a;b\n12345;\"12345\"\n", limits);
  for (const char* text : {"a;b\n1;123456\n", "a;b\n1;\"123456\"\n", "a;b\n1;\"12\n3456\"\n",
                           "a;b\n1;\"12345\"\"\"\n"}) {
    std::vector<Problem> problems;
    const auto t = parse(text, problems, limits);
    ASSERT_EQ(problems.size(), 1u) << text;
    EXPECT_EQ(problems[0].code, "csv.field_too_long") << text;
    EXPECT_EQ(problems[0].line, 2u) << text;
    EXPECT_EQ(problems[0].column, 2u) << text;
    EXPECT_EQ(problems[0].params.at("max"), "5");
    EXPECT_FALSE(t.complete);
  }
}

TEST(ParseCsv, DefaultFieldLimitIsOneMebibyte) {
  const std::string big(1024 * 1024, 'x');
  parse_ok("a\n" + big + "\n");
  std::vector<Problem> problems;
  parse("a\n" + big + "x\n", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "csv.field_too_long");
  EXPECT_EQ(problems[0].params.at("max"), "1048576");
}

TEST(ParseCsv, TooManyRows) {
  const CsvLimits limits{.max_rows = 2};
  parse_ok("a\n1\n\n2\n", limits);
  std::vector<Problem> problems;
  const auto t = parse("a\n1\n\n2\n3\n4\n", problems, limits);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "csv.too_many_rows");
  EXPECT_EQ(problems[0].line, 5u);
  EXPECT_EQ(problems[0].params.at("max"), "2");
  EXPECT_EQ(t.rows.size(), 2u);
  EXPECT_FALSE(t.complete);
}

TEST(ParseCsv, RowsWithWrongCountStillCountTowardsRowLimit) {
  std::vector<Problem> problems;
  parse("a;b\n1\n1;2\n1;2\n", problems, CsvLimits{.max_rows = 2});
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "csv.field_count");
  EXPECT_EQ(problems[1].code, "csv.too_many_rows");
}

// --- size and robustness ----------------------------------------------------------------

TEST(ParseCsv, ReadsALargeFile) {
  std::string text = "code;naam;inwoners\r\n";
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    text += "BU" + std::to_string(10000000 + i) + ";\"Buurt " + std::to_string(i) + "\";" +
            std::to_string(i % 5000) + "\r\n";
  }
  const auto t = parse_ok(text);
  ASSERT_EQ(t.rows.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(t.rows.back().line, static_cast<std::size_t>(n + 1));
  EXPECT_EQ(t.rows.back().fields[1], "Buurt " + std::to_string(n - 1));
}

TEST(ParseCsv, SurvivesRandomBytes) {
  // Not a fuzzer, but the same invariants a fuzzer will check, over many shapes of input.
  std::mt19937 rng(20240601);
  static constexpr char chars[] = "ab;,\t\"\r\n \0\xC3\xA9\xFF";
  const std::string alphabet(chars, sizeof chars - 1);  // keeps the NUL
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int len = static_cast<int>(rng() % 200);
    for (int i = 0; i < len; ++i) {
      text.push_back(rng() % 4 == 0 ? static_cast<char>(rng() % 256)
                                    : alphabet[rng() % alphabet.size()]);
    }
    std::vector<Problem> problems;
    const auto t = parse_csv(text, problems,
                             CsvLimits{.max_columns = 20, .max_field_bytes = 50, .max_rows = 30});
    EXPECT_LE(problems.size(), max_problems + 1);
    std::size_t previous_line = t.header_line;
    for (const auto& row : t.rows) {
      EXPECT_EQ(row.fields.size(), t.header.size());
      EXPECT_GT(row.line, previous_line);
      previous_line = row.line;
      for (const auto& f : row.fields) EXPECT_LE(f.size(), 50u);
    }
    EXPECT_LE(t.rows.size(), 30u);
    if (t.complete) {
      for (const auto& p : problems) {
        EXPECT_TRUE(p.code == "csv.field_count" || p.code == "csv.duplicate_header" ||
                    p.code == "csv.empty_header" || p.code == "csv.empty")
            << p.code;
      }
    }
  }
}
