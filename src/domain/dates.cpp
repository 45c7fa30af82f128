#include "domain/dates.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <vector>

#include "domain/text.h"
#include "domain/validation.h"

namespace kompas::domain {

namespace {

// 1..12 for a Dutch or English month name or its first three letters ("sep", "okt", "oct").
int month_of(std::string_view word) {
  static const char* dutch[] = {"januari",   "februari", "maart",    "april",
                                "mei",       "juni",     "juli",     "augustus",
                                "september", "oktober",  "november", "december"};
  static const char* english[] = {"january",   "february", "march",    "april",
                                  "may",       "june",     "july",     "august",
                                  "september", "october",  "november", "december"};
  if (word.ends_with('.')) word.remove_suffix(1);
  if (word.size() < 3) return 0;
  for (int m = 0; m < 12; ++m)
    for (const std::string_view name : {std::string_view(dutch[m]), std::string_view(english[m])})
      if (word == name || (word.size() == 3 && name.starts_with(word)) ||
          (word == "sept" && m == 8))
        return m + 1;
  return 0;
}

int whole(std::string_view digits) {
  int value = -1;
  if (digits.empty() || digits.size() > 4) return -1;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return ec == std::errc() && end == digits.data() + digits.size() ? value : -1;
}

std::optional<std::string> iso(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31)
    return std::nullopt;
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  if (!is_valid_date(text)) return std::nullopt;
  return std::string(text);
}

}  // namespace

std::optional<std::string> read_date(std::string_view typed, int this_year) {
  const std::string text = fold_for_matching(typed);
  if (text.empty()) return std::nullopt;
  if (is_valid_date(text)) return text;
  // "1-9-2026", "01/09/2026", "1.9.2026": day, month, year.
  for (const char separator : {'-', '/', '.'}) {
    const auto parts = split(text, separator);
    if (parts.size() == 3 && text.find(' ') == std::string::npos)
      return iso(whole(parts[2]), whole(parts[1]), whole(parts[0]));
  }
  // "1 september 2026", "1 sep", "maandag 1 september 2026" (a weekday first is skipped).
  std::vector<std::string_view> words;
  for (const auto& word : split(text, ' '))
    if (!word.empty()) words.push_back(word);
  if (!words.empty() && whole(words[0]) < 0 && words.size() > 2) words.erase(words.begin());
  if (words.size() < 2 || words.size() > 3) return std::nullopt;
  const int day = whole(words[0]), month = month_of(words[1]);
  const int year = words.size() == 3 ? whole(words[2]) : this_year;
  if (day < 0 || month == 0) return std::nullopt;
  return iso(year, month, day);
}

namespace {
std::chrono::sys_days day_of(std::string_view iso) {
  int y = 0;
  unsigned m = 0, d = 0;
  std::from_chars(iso.data(), iso.data() + 4, y);
  std::from_chars(iso.data() + 5, iso.data() + 7, m);
  std::from_chars(iso.data() + 8, iso.data() + 10, d);
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}
}  // namespace

int days_between(std::string_view from, std::string_view to) {
  return static_cast<int>((day_of(to) - day_of(from)).count());
}

std::string add_months(std::string_view iso, int months) {
  const std::chrono::year_month_day start{day_of(iso)};
  const auto moved = start.year() / start.month() + std::chrono::months(months);
  const auto last =
      std::chrono::year_month_day_last(moved.year(), std::chrono::month_day_last(moved.month()));
  const auto day = std::min(start.day(), last.day());
  const std::chrono::year_month_day end{moved.year(), moved.month(), day};
  char text[11];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(end.year()),
                static_cast<unsigned>(end.month()), static_cast<unsigned>(end.day()));
  return text;
}

}  // namespace kompas::domain
