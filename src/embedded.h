#pragma once
// Files compiled into the binary (templates, messages, migrations, demo data); see
// cmake/embed.cmake.
#include <string>
#include <string_view>
#include <vector>

namespace kompas::embedded {

// The contents of an embedded file by its path relative to the repository root; throws if absent.
std::string_view file(std::string_view path);

// Paths of all embedded files that start with `prefix`, sorted.
std::vector<std::string> list(std::string_view prefix);

}  // namespace kompas::embedded
