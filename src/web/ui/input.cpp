#include "web/ui/input.h"

#include <ctime>

#include "domain/text.h"

namespace kompas::web {

std::optional<long long> parse_id(std::string_view text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != text.npos)
    return std::nullopt;
  return std::stoll(std::string(text));
}

int parse_year(std::string_view text) {
  const auto trimmed = domain::trim(text);
  if (trimmed.size() != 4 || trimmed.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoi(trimmed);
}

std::string today_date() {
  return local_date(std::time(nullptr));
}

std::string local_date(long long seconds) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

int current_year() {
  return std::stoi(today_date().substr(0, 4));
}

long long id_param(const Ctx& ctx, std::size_t index) {
  const auto text = ctx.path_param(index);
  if (text.empty() || text.size() > 18) not_found();
  return std::stoll(text);
}

}  // namespace kompas::web
