#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_dashboard_pages(App& app);  // the public dashboard (when switched on)

}  // namespace kompas::web
