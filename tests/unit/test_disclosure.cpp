#include <gtest/gtest.h>

#include "domain/disclosure.h"

using namespace kompas::domain;

TEST(Disclosure, NothingSmallNothingHidden) {
  const std::vector<TableCell> cells = {{{0}, 60}, {{1}, 80}, {{2}, 50}};
  EXPECT_EQ(suppress_cells(cells, 50), (std::vector<bool>{false, false, false}));
}

TEST(Disclosure, ALoneSmallCellTakesTheSmallestSiblingWithIt) {
  // Wijk 1 alone could be worked out from the total and the others; wijk 2 is the cheapest
  // partner to hide with it.
  const std::vector<TableCell> cells = {{{0}, 300}, {{1}, 20}, {{2}, 70}, {{3}, 90}};
  EXPECT_EQ(suppress_cells(cells, 50), (std::vector<bool>{false, true, true, false}));
}

TEST(Disclosure, TwoSmallCellsProtectEachOther) {
  const std::vector<TableCell> cells = {{{0}, 300}, {{1}, 20}, {{2}, 30}, {{3}, 90}};
  EXPECT_EQ(suppress_cells(cells, 50), (std::vector<bool>{false, true, true, false}));
}

TEST(Disclosure, EmptyCellsNeedNoPartner) {
  const std::vector<TableCell> cells = {{{0}, 300}, {{1}, 0}, {{2}, 70}};
  EXPECT_EQ(suppress_cells(cells, 50), (std::vector<bool>{false, true, false}));
}

TEST(Disclosure, TwoDimensionsCascade) {
  // wijk x age band. (A, 75+) is small: its row (A) and its column (75+) each need a second
  // hidden cell, and those in turn their own partners, until every row and column with a
  // hidden cell has at least two.
  const std::vector<TableCell> cells = {{{0, 0}, 200}, {{0, 1}, 100}, {{0, 2}, 10},   // wijk A
                                        {{1, 0}, 300}, {{1, 1}, 120}, {{1, 2}, 60},   // wijk B
                                        {{2, 0}, 250}, {{2, 1}, 80},  {{2, 2}, 55}};  // wijk C
  const auto hidden = suppress_cells(cells, 50);
  auto count_where = [&](auto keep) {
    int n = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) n += hidden[i] && keep(cells[i]);
    return n;
  };
  EXPECT_TRUE(hidden[2]);
  for (std::uint32_t v = 0; v < 3; ++v) {
    const int row = count_where([&](const TableCell& c) { return c.key[0] == v; });
    const int column = count_where([&](const TableCell& c) { return c.key[1] == v; });
    EXPECT_NE(row, 1) << "wijk " << v;
    EXPECT_NE(column, 1) << "band " << v;
  }
  EXPECT_TRUE(hidden[1]);  // the smallest partner in row A is (A, 65-74)
  EXPECT_TRUE(hidden[8]);  // and in column 75+ it is (C, 75+)
}

TEST(Disclosure, MinimumIsASetting) {
  const std::vector<TableCell> cells = {{{0}, 120}, {{1}, 150}};
  EXPECT_EQ(suppress_cells(cells, 200), (std::vector<bool>{true, true}));
  EXPECT_EQ(suppress_cells(cells, 0), (std::vector<bool>{false, false}));
}

TEST(Disclosure, CellsHiddenForOtherReasonsAlsoNeedAPartner) {
  std::vector<TableCell> cells = {{{0}, 300}, {{1}, 200}, {{2}, 90}};
  cells[0].hide = true;  // e.g. it would reveal fewer than 10 lonely respondents
  EXPECT_EQ(suppress_cells(cells, 50), (std::vector<bool>{true, false, true}));
}

#include "web/verkennen/survey_tables.h"

// A hidden cell says why: a large group hidden only to protect its small neighbour once read
// "te weinig mensen" at n = 646.
TEST(SurveyTables, EveryHiddenCellSaysWhy) {
  kompas::store::Survey survey;
  survey.weighted = true;  // no rule about the number of lonely people
  auto estimate = [](const char* sex, std::size_t n) {
    kompas::store::StoredEstimate e;
    e.breakdown = "geslacht";
    e.sex = sex;
    e.indicator = "eenzaam";
    e.estimate.n = n;
    e.estimate.estimate = 0.4;
    return e;
  };
  const auto tables = kompas::web::survey_tables({estimate("man", 20), estimate("vrouw", 646)},
                                                 survey, "eenzaam", {}, 50);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].rows.size(), 2u);
  for (const auto& row : tables[0].rows) {
    EXPECT_TRUE(row.suppressed);
    EXPECT_EQ(row.hidden_reason, row.estimate.n == 20 ? "klein" : "beschermt");
  }
}
