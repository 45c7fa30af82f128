#pragma once
// Percentages as people read them: 0.4862 -> "48,6%" in Dutch, "48.6%" in English.
#include <string>

#include "web/core/app.h"

namespace kompas::web {

std::string percent(const Ctx& ctx, double proportion);
// "45,1% – 52,0%"
std::string percent_range(const Ctx& ctx, double low, double high);

}  // namespace kompas::web
