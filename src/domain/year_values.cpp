#include "domain/year_values.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "domain/text.h"

namespace kompas::domain {

std::optional<std::map<int, double>> parse_year_values(std::string_view text, NumberStyle style,
                                                       bool percent_sign, bool whole) {
  std::map<int, double> values;
  std::string normalised(text);
  for (auto& c : normalised)
    if (c == ';') c = '\n';
  for (const auto& raw : split(normalised, '\n')) {
    const auto line = trim_view(raw);
    if (line.empty()) continue;
    auto colon = line.find(':');
    if (colon == std::string_view::npos) colon = line.find('=');
    if (colon == std::string_view::npos) return std::nullopt;
    const auto year_text = trim_view(line.substr(0, colon));
    int year = 0;
    const auto [ptr, ec] =
        std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
    if (ec != std::errc() || ptr != year_text.data() + year_text.size() || year < 1900 ||
        year > 2200)
      return std::nullopt;
    const auto value = parse_number(line.substr(colon + 1), style, percent_sign);
    if (!value || (whole && *value != std::floor(*value)) || !values.emplace(year, *value).second)
      return std::nullopt;
  }
  return values;
}

std::string format_year_values(const std::map<int, double>& values, char separator) {
  std::string text;
  for (const auto& [year, value] : values) {
    if (!text.empty()) text += '\n';
    text += std::to_string(year) + ": " + format_decimal(value, separator, 4);
  }
  return text;
}

}  // namespace kompas::domain
