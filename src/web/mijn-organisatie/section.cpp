// Mijn organisatie: where a partner lands, with its own activities, actions and contributions.
#include "web/core/section.h"

#include "web/mijn-organisatie/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section mijn_organisatie_section() {
  Section section;
  section.path = "/mijn-organisatie";
  section.nav_key = "nav.mine";
  section.shown = Shown::with_partner;
  section.register_routes = register_partner_home_pages;
  return section;
}

}  // namespace kompas::web
