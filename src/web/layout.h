#pragma once
// The page frame around every view: header, navigation along the cycle, language switch,
// notice after a saved form, footer.
#include <string>

namespace kompas::web {

struct Ctx;

std::string render_layout(const Ctx& ctx, const std::string& title, const std::string& body);

}  // namespace kompas::web
