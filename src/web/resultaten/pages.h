#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_results_pages(App& app);  // every indicator by result group, with filters

}  // namespace kompas::web
