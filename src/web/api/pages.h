#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_api_pages(App& app);  // the read API (/api/v1/) and its OpenAPI document

}  // namespace kompas::web
