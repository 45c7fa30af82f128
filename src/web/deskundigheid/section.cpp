// Deskundigheid (issue 13): what everyone who meets lonely people needs to know (the
// kennisbank), and how many of them are trained (the training register and its coverage); the
// conversation card and the sociale kaart join it.
#include "web/core/section.h"

#include "web/deskundigheid/map_views.h"
#include "web/deskundigheid/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section deskundigheid_section() {
  return {
      .path = "/deskundigheid",
      .nav_key = "nav.expertise",
      .audited = {{"artikel", {"slug", "title", "body", "title_en", "body_en", "shown"}},
                  {"training",
                   {"title", "provider", "kind", "hours", "valid_months", "modules"},
                   {{"kind", "training.kind."}}},
                  {"trainingsessie",
                   {"training_id", "date", "place", "trainer", "capacity"},
                   {},
                   {{"training_id", "training"}}},
                  {"deelnemer",
                   {"name", "partner_id", "role", "wijk_code"},
                   {},
                   {{"partner_id", "partner"}, {"role", "frontline_role"}, {"wijk_code", "area"}}},
                  {"aanwezigheid",
                   {"participant_id", "attended"},
                   {},
                   {{"participant_id", "participant"}}},
                  {"frontlinerol", {"name"}},
                  {"frontliners",
                   {"partner_id", "role", "wijk_code", "count"},
                   {},
                   {{"partner_id", "partner"}, {"role", "frontline_role"}, {"wijk_code", "area"}}},
                  {"sociale-kaart",
                   {"added", "changed", "tables", "removed"},
                   {{"tables", "hsds.table."}}},
                  {"gesprekskaart", {"service"}},
                  {"correctie", {"service", "message", "handled"}},
                  {"bijhouder", {"partner"}}},
      .register_routes =
          [](App& app) {
            register_expertise_pages(app);
            register_knowledge_pages(app);
            register_training_pages(app);
            register_coverage_pages(app);
            register_map_pages(app);
            register_map_file_pages(app);
            register_map_upkeep_pages(app);
            register_map_edit_pages(app);
            register_card_pages(app);
          },
      // The kaart's search index: partners land on pages that read it.
      .warm = [](App& app, long long coalition_id) { social_map(app, coalition_id); },
  };
}

}  // namespace kompas::web
