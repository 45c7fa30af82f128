// The public dashboard, when the beheerder switched it on: for anyone, without signing in.
#include "web/core/section.h"

#include "web/openbaar/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section openbaar_section() {
  return {
      .register_routes = register_dashboard_pages,
  };
}

}  // namespace kompas::web
