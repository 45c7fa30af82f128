#include "web/ui/percent.h"

#include <algorithm>
#include <cstdio>

namespace kompas::web {

std::string percent(const Ctx& ctx, double proportion) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", proportion * 100);
  std::string text = buffer;
  if (ctx.lang == Lang::nl) std::replace(text.begin(), text.end(), '.', ',');
  return text + "%";
}

std::string percent_range(const Ctx& ctx, double low, double high) {
  return percent(ctx, low) + " – " + percent(ctx, high);
}

}  // namespace kompas::web
