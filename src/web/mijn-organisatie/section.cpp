// Mijn organisatie: where a partner lands, with its own activities, actions and contributions.
#include "web/core/section.h"

#include "web/mijn-organisatie/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section mijn_organisatie_section() {
  return {
      .path = "/mijn-organisatie",
      .nav_key = "nav.mine",
      .shown = Shown::with_partner,
      .beside_name = true,
      .register_routes = register_partner_home_pages,
  };
}

}  // namespace kompas::web
