#pragma once
// The one rule for numbers that people type, in forms and in the files of figures they make
// (indicator values, areas, published figures, contributions):
//
//   - a comma is the decimal separator: "12,5";
//   - a point followed by exactly three digits separates thousands: "1.500", "1.234.567",
//     "1.234,5"; the first group has 1 to 3 digits and does not start with 0;
//   - any other point ("1.5", "12.34", "0.500") is refused with its own problem, so the
//     message can say how to write the number instead of guessing what was meant;
//   - an optional sign; a trailing "%" only where the field is a percentage.
//
// Pages in English read the same rule with the roles of point and comma swapped, so every
// number a page prints reads back as the same value. Survey microdata written by machines
// (weights, ages) follow their own rule in survey_file.* and never come here.
#include <optional>
#include <string>
#include <string_view>

namespace kompas::domain {

struct DecimalNumber {
  bool negative = false;
  unsigned long long whole = 0;     // at most 15 digits
  unsigned long long fraction = 0;  // the digits after the decimal separator, as an integer
  int fraction_digits = 0;          // how many of them (at most 18 are kept)

  bool is_whole() const { return fraction == 0; }
  double value() const;  // the nearest double, correctly rounded
};

enum class NumberStyle { dutch, english };

struct NumberReading {
  std::optional<DecimalNumber> number;
  // When refused: "number.invalid", or "number.decimal_point" for a point that does not group
  // thousands ("1.5"); empty when read.
  std::string problem;
};

NumberReading read_number(std::string_view text, NumberStyle style = NumberStyle::dutch,
                          bool percent_sign = false);

// The problem to report for a refused number: "number.decimal_point" (its own message says how
// to write the number), else the caller's `otherwise`.
std::string number_problem(const NumberReading& reading, const std::string& otherwise);

// The value alone, by the same rule; nullopt for anything refused (also empty text).
std::optional<double> parse_number(std::string_view text, NumberStyle style = NumberStyle::dutch,
                                   bool percent_sign = false);

// The shortest text for a value with at most `decimals` decimals, with the decimal separator
// given and no thousands separator (for form fields and files): 12.50 -> "12,5", 40 -> "40".
std::string format_decimal(double value, char separator = ',', int decimals = 2);

// The same with thousands grouped by the other separator, as pages print numbers:
// 85000 -> "85.000", 1234.5 -> "1.234,5" (or "1,234.5" with '.').
std::string format_grouped(double value, char separator = ',', int decimals = 2);

// percentage% of base, rounded half away from zero, computed exactly (binary floating point
// turns 0,1 % of 500 into 0.4999...). Meant for |base| below 10^15.
long long percentage_of(const DecimalNumber& percentage, long long base);

}  // namespace kompas::domain
