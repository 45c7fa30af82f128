#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_quality_pages(App& app);  // the activities' checks and the check's questions

// Running activities and whether each had a check in the last 12 months (section.cpp's step).
struct CheckCoverage {
  std::size_t running = 0, checked = 0;
};
CheckCoverage check_coverage(soci::session& sql, long long coalition_id);

}  // namespace kompas::web
