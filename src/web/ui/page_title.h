#pragma once
// Titles of pages about one record: an edit or delete page names what it is about, so no two
// pages share a title (WCAG 2.4.2; tabs and screen readers tell pages apart by it).
#include <string>

#include "web/core/app.h"

namespace kompas::web {

// "Activiteit wijzigen: Walking football"; only the title when the name is empty.
inline std::string title_naming(const std::string& title, const std::string& name) {
  return name.empty() ? title : title + ": " + name;
}

// The title of a form that adds a record (no id yet: "<kind>.new_title") or edits one
// ("<kind>.edit_title", naming it).
inline std::string form_title(const Ctx& ctx, long long id, const std::string& kind,
                              const std::string& name) {
  return id == 0 ? ctx.t(kind + ".new_title") : title_naming(ctx.t(kind + ".edit_title"), name);
}

}  // namespace kompas::web
