#include "embedded.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace kompas::embedded {

const std::vector<std::pair<std::string_view, std::string_view>>& all_files();

std::string_view file(std::string_view path) {
  for (const auto& [name, contents] : all_files())
    if (name == path) return contents;
  throw std::runtime_error("embedded file missing: " + std::string(path));
}

std::vector<std::string> list(std::string_view prefix) {
  std::vector<std::string> names;
  for (const auto& [name, contents] : all_files())
    if (name.starts_with(prefix)) names.emplace_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace kompas::embedded
