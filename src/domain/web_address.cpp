#include "domain/web_address.h"

#include <algorithm>

namespace kompas::domain {

bool is_web_address(std::string_view text) {
  std::string_view rest;
  if (text.starts_with("https://"))
    rest = text.substr(8);
  else if (text.starts_with("http://"))
    rest = text.substr(7);
  else
    return false;
  const auto host = rest.substr(0, rest.find_first_of("/?#"));
  return text.size() <= 500 && host.find('.') != std::string_view::npos && host.front() != '.' &&
         host.back() != '.' && std::none_of(text.begin(), text.end(), [](unsigned char c) {
           return c <= ' ' || c == 0x7f;
         });
}

}  // namespace kompas::domain
