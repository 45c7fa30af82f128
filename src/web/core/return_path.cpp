#include "web/core/return_path.h"

#include "web/core/url.h"

namespace kompas::web {

namespace {

bool acceptable(const std::string& path) {
  if (path.empty() || path[0] != '/') return false;
  for (const unsigned char c : path)
    if (c < 0x20 || c == 0x7f) return false;
  if (path.size() == 1) return true;
  const char second = path[1];
  return second != '/' && second != '\\' && second != ' ';
}

}  // namespace

std::string safe_return_path(const std::string& path) {
  if (!acceptable(path) || !acceptable(decode_url(path, false))) return "/";
  return path;
}

}  // namespace kompas::web
