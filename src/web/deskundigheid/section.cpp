// Deskundigheid (issue 13): what everyone who meets lonely people needs to know — the
// kennisbank now; the conversation card, the training register and the sociale kaart join it.
#include "web/core/section.h"

#include "web/deskundigheid/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section deskundigheid_section() {
  return {
      .path = "/deskundigheid",
      .nav_key = "nav.expertise",
      .audited = {{"artikel", {"slug", "title", "body", "title_en", "body_en", "shown"}}},
      .register_routes =
          [](App& app) {
            register_expertise_pages(app);
            register_knowledge_pages(app);
          },
  };
}

}  // namespace kompas::web
