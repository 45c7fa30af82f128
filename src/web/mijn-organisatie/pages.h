#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_partner_home_pages(App& app);  // "Mijn organisatie": a partner's own page

}  // namespace kompas::web
