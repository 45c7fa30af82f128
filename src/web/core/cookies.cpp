#include "web/core/cookies.h"

namespace kompas::web {

std::string cookie(const Request& req, const std::string& name) {
  // One walk over the Cookie headers: asking for the i-th one walks from the first each
  // time, which made 40,000 Cookie lines cost seconds of CPU.
  const auto [first, last] = req.headers.equal_range("Cookie");
  for (auto it = first; it != last; ++it) {
    const std::string& header = it->second;
    std::size_t pos = 0;
    while (pos < header.size()) {
      auto end = header.find(';', pos);
      if (end == std::string::npos) end = header.size();
      auto item = header.substr(pos, end - pos);
      item.erase(0, item.find_first_not_of(' '));
      const auto eq = item.find('=');
      if (eq != std::string::npos && item.compare(0, eq, name) == 0 && eq == name.size())
        return item.substr(eq + 1);
      pos = end + 1;
    }
  }
  return "";
}

void set_cookie(Response& res, bool secure, const std::string& name, const std::string& value,
                long long max_age, bool http_only) {
  std::string header = name + "=" + value + "; Path=/; SameSite=Lax";
  if (http_only) header += "; HttpOnly";
  if (secure) header += "; Secure";
  if (max_age > 0) header += "; Max-Age=" + std::to_string(max_age);
  if (max_age < 0) header += "; Max-Age=0";
  res.set_header("Set-Cookie", header);
}

}  // namespace kompas::web
