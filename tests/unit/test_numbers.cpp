// The number rule of domain/numbers.h: what people type, in Dutch and English, and that every
// number a page prints reads back as the same value.
#include <gtest/gtest.h>

#include <random>

#include "domain/numbers.h"
#include "domain/year_values.h"

using namespace kompas::domain;

TEST(Numbers, ThousandsPointsAndDecimalComma) {
  struct Case {
    const char* text;
    bool negative;
    unsigned long long whole, fraction;
    int digits;
  };
  const Case cases[] = {
      {"0", false, 0, 0, 0},
      {"12345", false, 12345, 0, 0},
      {" 12345 ", false, 12345, 0, 0},
      {"007", false, 7, 0, 0},
      {"12.345", false, 12345, 0, 0},
      {"1.234.567", false, 1234567, 0, 0},
      {"17,5", false, 17, 5, 1},
      {"17,50", false, 17, 50, 2},
      {"0,05", false, 0, 5, 2},
      {"1.234,5", false, 1234, 5, 1},
      {"-12", true, 12, 0, 0},
      {"+12", false, 12, 0, 0},
      {"-0", true, 0, 0, 0},
      {"100,0", false, 100, 0, 1},
      {"999999999999999", false, 999999999999999ULL, 0, 0},
      {"0,1234567890123456789", false, 0, 123456789012345678ULL, 18},  // extra digits dropped
  };
  for (const auto& c : cases) {
    const auto n = read_number(c.text).number;
    ASSERT_TRUE(n) << c.text;
    EXPECT_EQ(n->negative, c.negative) << c.text;
    EXPECT_EQ(n->whole, c.whole) << c.text;
    EXPECT_EQ(n->fraction, c.fraction) << c.text;
    EXPECT_EQ(n->fraction_digits, c.digits) << c.text;
  }
  EXPECT_TRUE(read_number("12").number.value().is_whole());
  EXPECT_TRUE(read_number("12,00").number.value().is_whole());
  EXPECT_FALSE(read_number("12,01").number.value().is_whole());
}

TEST(Numbers, RejectsOtherForms) {
  for (const char* v : {"",          "abc",          "1OO",
                        "12a",       "1,2,3",        "1.2.3",
                        "12.34.567", "1234.567.890", "12,",
                        ",5",        "17.",          ".5",
                        "1,234.5",   "1.234.5",      "1 234",
                        "1e3",       "--1",          "+-1",
                        "12%",       "0x10",         "1234567890123456",
                        "١٢"}) {
    EXPECT_FALSE(read_number(v).number) << v;
  }
}

TEST(Numbers, PercentageOfRoundsHalfAwayFromZero) {
  auto pct = [](const char* text) { return read_number(text).number.value(); };
  EXPECT_EQ(percentage_of(pct("12,5"), 1204), 151);   // 150.5
  EXPECT_EQ(percentage_of(pct("17,45"), 1000), 175);  // 174.5
  EXPECT_EQ(percentage_of(pct("17,44"), 1000), 174);  // 174.4
  EXPECT_EQ(percentage_of(pct("0,1"), 500), 1);       // 0.5, where doubles give 0.4999...
  EXPECT_EQ(percentage_of(pct("2,5"), 20), 1);        // 0.5
  EXPECT_EQ(percentage_of(pct("2,4"), 20), 0);        // 0.48
  EXPECT_EQ(percentage_of(pct("33,3333"), 3), 1);     // 0.999999
  EXPECT_EQ(percentage_of(pct("0"), 12345), 0);
  EXPECT_EQ(percentage_of(pct("100"), 12345), 12345);
  EXPECT_EQ(percentage_of(pct("50"), 0), 0);
  EXPECT_EQ(percentage_of(pct("17,7"), 5419), 959);  // 959.163
  EXPECT_EQ(percentage_of(pct("2,5"), -20), -1);     // -0.5 goes away from zero
  EXPECT_EQ(percentage_of(pct("-2,5"), 20), -1);
  EXPECT_EQ(percentage_of(pct("2,4"), -20), 0);
  EXPECT_EQ(percentage_of(pct("100"), 999999999999999LL), 999999999999999LL);
  EXPECT_EQ(percentage_of(pct("99,999999999999999999"), 999999999999999LL), 999999999999999LL);
}

TEST(Numbers, APointThatGroupsNoThousandsIsRefusedWithItsOwnProblem) {
  for (const char* v : {"1.5", "12.34", "17.5", "0.500", "1234.5", "1.2345", "12.3456"})
    EXPECT_EQ(read_number(v).problem, "number.decimal_point") << v;
  for (const char* v : {"abc", "1,2,3", "1.234.5", "12,", "1e3"})
    EXPECT_EQ(read_number(v).problem, "number.invalid") << v;
  EXPECT_EQ(read_number("1.500").problem, "");
}

TEST(Numbers, WhatDutchPeopleType) {
  EXPECT_EQ(parse_number("1.500"), 1500.0);  // euros in the contribution form
  EXPECT_EQ(parse_number("2.300"), 2300.0);  // an indicator value
  EXPECT_EQ(parse_number("1.234.567"), 1234567.0);
  EXPECT_EQ(parse_number("1.234,5"), 1234.5);
  EXPECT_EQ(parse_number("12,5"), 12.5);
  EXPECT_EQ(parse_number("-3"), -3.0);
  EXPECT_EQ(parse_number("\xE2\x88\x92"
                         "3"),
            -3.0);  // the typographic minus
  EXPECT_FALSE(parse_number(""));
  EXPECT_FALSE(parse_number("12,5%"));
  EXPECT_EQ(parse_number("12,5%", NumberStyle::dutch, true), 12.5);
  EXPECT_EQ(parse_number("12,5 %", NumberStyle::dutch, true), 12.5);
  EXPECT_FALSE(parse_number("twaalf"));
  EXPECT_FALSE(parse_number("inf"));
  EXPECT_FALSE(parse_number("nan"));
}

TEST(Numbers, EnglishSwapsPointAndComma) {
  EXPECT_EQ(parse_number("1,500", NumberStyle::english), 1500.0);
  EXPECT_EQ(parse_number("12.5", NumberStyle::english), 12.5);
  EXPECT_EQ(parse_number("1,234.5", NumberStyle::english), 1234.5);
  EXPECT_EQ(read_number("1,5", NumberStyle::english).problem, "number.decimal_point");
}

TEST(Numbers, ValuesAreCorrectlyRounded) {
  EXPECT_EQ(read_number("0,1").number->value(), 0.1);
  EXPECT_EQ(read_number("0,05").number->value(), 0.05);
  EXPECT_EQ(read_number("-17,45").number->value(), -17.45);
  EXPECT_EQ(read_number("999.999.999.999.999").number->value(), 999999999999999.0);
}

// Every number a page prints (thousands grouped, or the short decimal form of format_decimal)
// reads back through the rule as the same value, in both languages.
TEST(Numbers, PrintedNumbersReadBack) {
  std::mt19937_64 random(20261130);
  std::uniform_int_distribution<long long> whole(-999999999, 999999999);
  std::uniform_int_distribution<int> cents(0, 99);
  for (int i = 0; i < 20000; ++i) {
    const double value = static_cast<double>(whole(random) % (i % 2 ? 1000 : 1000000000)) +
                         (i % 3 ? cents(random) / 100.0 : 0.0);
    for (auto [style, separator] :
         {std::pair{NumberStyle::dutch, ','}, std::pair{NumberStyle::english, '.'}}) {
      const auto text = format_decimal(value, separator, 2);
      const auto read = parse_number(text, style);
      ASSERT_TRUE(read) << text;
      EXPECT_NEAR(*read, value, 1e-9 * std::max(1.0, std::abs(value))) << text;
      const auto grouped = format_grouped(value, separator, 2);
      const auto read_grouped = parse_number(grouped, style);
      ASSERT_TRUE(read_grouped) << grouped;
      EXPECT_EQ(*read_grouped, *read) << grouped;
    }
  }
}

#include "domain/published_figures.h"

// Published figures follow the same rule: "12,5" and "12,5%" are read, "12.5" is refused with
// the message that says how to write it.
TEST(Numbers, PublishedFiguresFollowTheRule) {
  const std::string header = "gebiedscode;indicator;jaar;waarde;bron\n";
  auto r =
      parse_published_figures(header + "GM9999;eenzaam;2022;12,5%;RIVM\n", {"GM9999"}, "", true);
  ASSERT_TRUE(r.problems.empty());
  ASSERT_EQ(r.figures.size(), 1u);
  EXPECT_DOUBLE_EQ(r.figures[0].value, 0.125);
  r = parse_published_figures(header + "GM9999;eenzaam;2022;12.5;RIVM\n", {"GM9999"}, "", true);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].code, "number.decimal_point");
  EXPECT_TRUE(r.figures.empty());
}
