#pragma once
// Short lists of values per year ("2025: 40"), used for targets, forecasts entered by hand and
// the reach of activities; the values follow the number rule of numbers.h.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/numbers.h"

namespace kompas::domain {

// One "year: value" pair per line or separated by ';' ('=' also works instead of ':'). Years
// 1900..2200, each at most once. Empty text is an empty list; anything else unreadable is
// nullopt, and so is a value with decimals where only `whole` numbers count (people reached).
std::optional<std::map<int, double>> parse_year_values(std::string_view text,
                                                       NumberStyle style = NumberStyle::dutch,
                                                       bool percent_sign = false,
                                                       bool whole = false);

// The list back as text for a form, one pair per line.
std::string format_year_values(const std::map<int, double>& values, char separator = ',');

}  // namespace kompas::domain
