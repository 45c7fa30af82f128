#pragma once
// Numbers as people type them, and short lists of values per year ("2025: 40"), used for
// targets, forecasts entered by hand and the reach of activities.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kompas::domain {

// "12,5", "12.5", "-3", " 1000 ": a finite number; a decimal comma or point, no thousands
// separators (they would make "1.000" ambiguous).
std::optional<double> parse_number(std::string_view text);

// One "year: value" pair per line or separated by ';' ('=' also works instead of ':'). Years
// 1900..2200, each at most once. Empty text is an empty list; anything else unreadable is
// nullopt.
std::optional<std::map<int, double>> parse_year_values(std::string_view text);

// The shortest text for a value with at most `decimals` decimals, with the decimal separator
// given: 12.50 -> "12,5", 40 -> "40".
std::string format_decimal(double value, char separator = ',', int decimals = 2);

// The list back as text for a form, one pair per line.
std::string format_year_values(const std::map<int, double>& values, char separator = ',');

}  // namespace kompas::domain
