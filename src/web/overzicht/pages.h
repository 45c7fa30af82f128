#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_overview_pages(App& app);  // the overview with the steps of the cycle
void register_partners_pages(App& app);
void register_people_pages(App& app);

}  // namespace kompas::web
