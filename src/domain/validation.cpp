#include "domain/validation.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "domain/text.h"

namespace kompas::domain {

bool is_valid_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  auto number = [&](std::size_t from, std::size_t len) {
    int value = 0;
    for (std::size_t i = from; i < from + len; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_valid_email(std::string_view text) {
  if (text.size() < 3 || text.size() > 254) return false;
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
    return false;
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  return std::none_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isspace(c) || std::iscntrl(c) || c == '<' || c == '>' || c == ',';
  });
}

bool is_valid_phone(std::string_view text) {
  int digits = 0;
  for (const unsigned char c : text) {
    if (std::isdigit(c))
      ++digits;
    else if (!std::strchr(" +-()", c))
      return false;
  }
  return digits >= 3 && digits <= 15;
}

std::string normalise_email(std::string_view text) {
  return lower_ascii(trim_view(text));
}

}  // namespace kompas::domain
