#pragma once
// Titles of pages about one record: an edit or delete page names what it is about, so no two
// pages share a title (WCAG 2.4.2; tabs and screen readers tell pages apart by it).
#include <string>

namespace kompas::web {

// "Activiteit wijzigen: Walking football"; only the title when the name is empty.
inline std::string title_naming(const std::string& title, const std::string& name) {
  return name.empty() ? title : title + ": " + name;
}

}  // namespace kompas::web
