#include "web/ui/addresses.h"

#include <cctype>

#include "domain/web_address.h"

namespace kompas::web {

std::string tel_href(const std::string& number) {
  std::string digits;
  for (const char c : number)
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && digits.empty())) digits += c;
  return digits.empty() ? std::string() : "tel:" + digits;
}

std::string web_address(const std::string& url) {
  return domain::is_web_address(url) ? url : std::string();
}

std::string site_address(const Ctx& ctx) {
  const auto& config = ctx.app.config();
  return config.public_url.empty() ? config.listen_address : config.public_url;
}

}  // namespace kompas::web
