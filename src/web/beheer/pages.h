#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_admin_pages(App& app);  // coalition settings and audit log

}  // namespace kompas::web
