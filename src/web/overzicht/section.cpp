// Overzicht: the overview with the steps of the cycle, the partners and the people.
#include "web/core/section.h"

#include "store/partners_store.h"
#include "web/overzicht/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section overzicht_section() {
  return {
      .path = "/",
      .nav_key = "nav.overview",
      .also = {"/partners", "/mensen"},
      .audited = {{"partner",
                   {"name", "type", "contact_name", "contact_email", "mandate", "brings",
                    "interests", "active"},
                   {{"type", "partner.type."}}},
                  {"persoon",
                   {"name", "email", "role", "partner_id", "active", "password", "login_failures"},
                   {{"role", "role."}},
                   {{"partner_id", "partner"}}}},
      .step_title_key = "cycle.together.title",
      .step_href = "/partners",
      .step =
          [](Ctx& ctx, soci::session& sql) {
            const auto partners = store::count_partners(sql, ctx.coalition_id());
            return StepSummary{
                ctx.tf("overview.partners_count", {{"active", ctx.number(partners.active)},
                                                   {"total", ctx.number(partners.total)}}),
                {},
                partners.active > 0};
          },
      .register_routes =
          [](App& app) {
            register_overview_pages(app);
            register_partners_pages(app);
            register_people_pages(app);
          },
  };
}

}  // namespace kompas::web
