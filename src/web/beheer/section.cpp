// Beheer: the coalition's settings, people's accounts unlocked, and the audit log.
#include "web/core/section.h"

#include "web/beheer/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section beheer_section() {
  return {
      .path = "/beheer",
      .nav_key = "nav.admin",
      .shown = Shown::beheerder,
      .beside_name = true,
      .audited = {{"coalitie",
                   {"name", "gemeente_code", "kartrekker", "cycle_start", "min_cell_size",
                    "public_dashboard", "plan_adopted_on", "public_knowledge", "public_map",
                    "public_card", "public_signals"},
                   {},
                   {{"gemeente_code", "area"}}}},
      .register_routes = register_admin_pages,
  };
}

}  // namespace kompas::web
