// Beheer: the coalition's settings, people's accounts unlocked, and the audit log.
#include "web/core/section.h"

#include "web/beheer/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section beheer_section() {
  Section section;
  section.path = "/beheer";
  section.nav_key = "nav.admin";
  section.shown = Shown::beheerder;
  section.audited = {"coalitie"};
  section.register_routes = register_admin_pages;
  return section;
}

}  // namespace kompas::web
