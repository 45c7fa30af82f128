// The read API (/api/v1/) for other tools, with a personal token instead of a session.
#include "web/core/section.h"

#include "web/api/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section api_section() {
  return {
      .register_routes = register_api_pages,
  };
}

}  // namespace kompas::web
