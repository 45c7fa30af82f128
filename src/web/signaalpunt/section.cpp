// Signaalpunt (issue 13): a worry about a resident reaches the partner that covers the wijk.
#include "web/core/section.h"

#include "web/sections.h"
#include "web/signaalpunt/pages.h"

namespace kompas::web {

Section signaalpunt_section() {
  return {
      .path = "/signaalpunt",
      .nav_key = "nav.signals",
      .shown = Shown::everyone,
      .audited = {{"signaal",
                   {"wijk", "postcode", "kinds", "consent", "partner", "held", "status",
                    "close_reason", "service"},
                   {{"status", "signal.status."},
                    {"consent", "signal.consent."},
                    {"close_reason", "signal.reason."},
                    {"kinds", "signal.kind."}},
                   {{"wijk", "area"}}},
                  {"signaalroute", {"area", "partner"}, {}, {{"area", "area"}}}},
      .register_routes =
          [](App& app) {
            register_report_pages(app);
            register_inbox_pages(app);
            register_route_pages(app);
          },
  };
}

}  // namespace kompas::web
