// The public dashboard: a read-only page per coalition with its ambitions, indicators and
// charts, for residents and the council. Off until the beheerder switches it on. It shows
// only what the pages show after suppression, and never names of people (no owners, no
// stories, no comments).
#include "store/ambitions_store.h"
#include "store/coalitions_store.h"
#include "web/doelen/plan_views.h"
#include "web/openbaar/pages.h"

namespace kompas::web {
namespace {

void dashboard(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto coalition = store::find_coalition_by_code(conn.sql(), ctx.path_param(1));
  if (!coalition || !coalition->public_dashboard) not_found();
  const auto ambitions = store::list_ambitions(conn.sql(), coalition->id);
  const auto indicators =
      plan_indicators(conn.sql(), coalition->id, coalition->gemeente_code, ambitions);
  nlohmann::json views = nlohmann::json::array();
  for (const auto& a : ambitions) {
    if (a.status == domain::AmbitionStatus::ontwerp) continue;  // drafts are not public yet
    nlohmann::json inds = nlohmann::json::array();
    const auto found = indicators.find(a.id);
    if (found != indicators.end())
      for (const auto& p : found->second) {
        auto curve = curve_view(ctx, p.indicator, p.series);
        for (auto& row : curve["rows"]) row["comment"] = "";
        inds.push_back({{"name", p.indicator.name},
                        {"status", status_view(ctx, p.indicator, p.series)},
                        {"curve", curve}});
      }
    views.push_back({{"title", a.title},
                     {"statement", a.statement},
                     {"target_group", ctx.t("target_group." + a.target_group)},
                     {"period", std::to_string(a.start_year) + "–" + std::to_string(a.end_year)},
                     {"indicators", inds}});
  }
  const auto title = ctx.tf("dashboard.title", {{"gemeente", coalition->name}});
  ctx.page("openbaar/dashboard", title,
           {{"title", title}, {"ambitions", views}, {"empty", views.empty()}});
}

}  // namespace

void register_dashboard_pages(App& app) {
  app.get(R"(/openbaar/(GM\d{4}))", Access::anyone, dashboard);
}

}  // namespace kompas::web
