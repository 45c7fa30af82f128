#include "domain/numbers.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "domain/text.h"

namespace kompas::domain {

namespace {

bool digits_only(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "1.234.567" -> "1234567"; nullopt unless every group after the first has exactly 3 digits
// and the first has 1 to 3 that do not start with 0.
std::optional<std::string> join_thousands(std::string_view s) {
  std::string digits;
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    const auto dot = s.find('.', start);
    const auto group = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
    if (!digits_only(group)) return std::nullopt;
    if (first ? (group.size() > 3 || group[0] == '0') : group.size() != 3) return std::nullopt;
    digits += group;
    if (dot == std::string_view::npos) return digits;
    start = dot + 1;
  }
}

NumberReading refused(const char* problem) {
  return NumberReading{std::nullopt, problem};
}

}  // namespace

double DecimalNumber::value() const {
  std::string text = std::to_string(whole);
  if (fraction_digits > 0) {
    std::string digits = std::to_string(fraction);
    text +=
        '.' + std::string(static_cast<std::size_t>(fraction_digits) - digits.size(), '0') + digits;
  }
  double result = 0;
  std::from_chars(text.data(), text.data() + text.size(), result);
  return negative ? -result : result;
}

NumberReading read_number(std::string_view input, NumberStyle style, bool percent_sign) {
  std::string text(trim_view(input));
  if (text.empty() || text.size() > 60) return refused("number.invalid");
  if (style == NumberStyle::english)
    for (auto& c : text) c = c == '.' ? ',' : c == ',' ? '.' : c;
  std::string_view rest = text;
  if (percent_sign && rest.ends_with('%')) rest = trim_view(rest.substr(0, rest.size() - 1));

  DecimalNumber number;
  if (rest.starts_with('-')) {
    number.negative = true;
    rest.remove_prefix(1);
  } else if (rest.starts_with("\xE2\x88\x92")) {  // U+2212, the typographic minus
    number.negative = true;
    rest.remove_prefix(3);
  } else if (rest.starts_with('+')) {
    rest.remove_prefix(1);
  }

  std::string_view whole_text = rest;
  std::string_view fraction;
  if (const auto comma = rest.find(','); comma != std::string_view::npos) {
    whole_text = rest.substr(0, comma);
    fraction = rest.substr(comma + 1);
    if (!digits_only(fraction)) return refused("number.invalid");
  }
  std::string whole;
  if (whole_text.find('.') == std::string_view::npos) {
    if (!digits_only(whole_text)) return refused("number.invalid");
    whole = whole_text;
  } else if (auto joined = join_thousands(whole_text)) {
    whole = *joined;
  } else {
    // "1.5", "12.34", "0.500": a decimal point where we expect a comma.
    const auto dot = whole_text.find('.');
    const bool decimal_point = fraction.empty() && rest.find(',') == std::string_view::npos &&
                               digits_only(whole_text.substr(0, dot)) &&
                               digits_only(whole_text.substr(dot + 1));
    return refused(decimal_point ? "number.decimal_point" : "number.invalid");
  }

  const auto significant = whole.find_first_not_of('0');
  if (significant != std::string::npos && whole.size() - significant > 15)
    return refused("number.invalid");
  for (char c : whole) number.whole = number.whole * 10 + static_cast<unsigned>(c - '0');
  if (fraction.size() > 18) fraction = fraction.substr(0, 18);  // beyond any real precision
  for (char c : fraction) number.fraction = number.fraction * 10 + static_cast<unsigned>(c - '0');
  number.fraction_digits = static_cast<int>(fraction.size());
  return NumberReading{number, ""};
}

std::string number_problem(const NumberReading& reading, const std::string& otherwise) {
  return reading.problem == "number.decimal_point" ? reading.problem : otherwise;
}

std::optional<double> parse_number(std::string_view text, NumberStyle style, bool percent_sign) {
  const auto reading = read_number(text, style, percent_sign);
  if (!reading.number) return std::nullopt;
  return reading.number->value();
}

std::string format_decimal(double value, char separator, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  for (auto& c : text)
    if (c == '.') c = separator;
  return text;
}

std::string format_grouped(double value, char separator, int decimals) {
  std::string text = format_decimal(value, separator, decimals);
  const char group = separator == ',' ? '.' : ',';
  const std::size_t sign = text.starts_with('-') ? 1 : 0;
  auto end = text.find(separator);
  if (end == std::string::npos) end = text.size();
  for (auto at = end; at > sign + 3; at -= 3) text.insert(at - 3, 1, group);
  return text;
}

long long percentage_of(const DecimalNumber& percentage, long long base) {
  using u128 = unsigned __int128;
  u128 scale = 1;
  for (int i = 0; i < percentage.fraction_digits; ++i) scale *= 10;
  const bool negative = percentage.negative != (base < 0);
  const u128 magnitude = base < 0 ? static_cast<u128>(-(base + 1)) + 1 : static_cast<u128>(base);
  const u128 numerator =
      (static_cast<u128>(percentage.whole) * scale + percentage.fraction) * magnitude;
  const u128 denominator = 100 * scale;
  const auto rounded = static_cast<long long>((2 * numerator + denominator) / (2 * denominator));
  return negative ? -rounded : rounded;
}

}  // namespace kompas::domain
