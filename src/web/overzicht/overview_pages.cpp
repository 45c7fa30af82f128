#include <algorithm>

#include "store/ambitions_store.h"
#include "store/areas_store.h"
#include "store/people_store.h"
#include "web/core/section.h"
#include "web/doelen/plan_views.h"
#include "web/overzicht/pages.h"

namespace kompas::web {
namespace {

// Each ambition with how many of its indicators have each status.
nlohmann::json ambitions_at_a_glance(Ctx& ctx, soci::session& sql) {
  const auto& coalition = ctx.me().coalition;
  const auto ambitions = store::list_ambitions(sql, coalition.id);
  const auto indicators = plan_indicators(sql, coalition.id, coalition.gemeente_code, ambitions);
  nlohmann::json glance = nlohmann::json::array();
  for (const auto& a : ambitions) {
    const auto found = indicators.find(a.id);
    const auto& list = found == indicators.end() ? std::vector<PlanIndicator>{} : found->second;
    glance.push_back({{"title", a.title},
                      {"href", "/doelen/" + std::to_string(a.id)},
                      {"counts", status_counts(ctx, list)},
                      {"none", list.empty()}});
  }
  return glance;
}

void overview(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto id = ctx.coalition_id();
  const auto areas = store::summarise_areas(conn.sql(), id);
  const auto people = store::count_people(conn.sql(), id);
  const auto& c = ctx.me().coalition;
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& section : sections()) {
    if (!section.step) continue;
    const auto step = section.step(ctx, conn.sql());
    steps.push_back({{"title", ctx.t(section.step_title_key)},
                     {"href", section.step_href},
                     {"status", step.status},
                     {"missing", step.missing},
                     {"done", step.done}});
  }
  // A coalition that has done no step yet is told where to begin: the first step of the cycle.
  const bool fresh = std::none_of(steps.begin(), steps.end(),
                                  [](const auto& s) { return s["done"].template get<bool>(); });
  nlohmann::json start = nullptr;
  if (fresh && !steps.empty())
    start = {{"title", steps.front()["title"]}, {"href", steps.front()["href"]}};
  const auto glance = ambitions_at_a_glance(ctx, conn.sql());
  ctx.page("overzicht/index", ctx.t("nav.overview"),
           {{"coalition",
             {{"name", c.name},
              {"gemeente_code", c.gemeente_code},
              {"kartrekker", c.kartrekker},
              {"cycle_start", ctx.date(c.cycle_start)}}},
            {"inhabitants",
             areas.inhabitants ? nlohmann::json(ctx.number(*areas.inhabitants)) : nullptr},
            {"people_link", ctx.tf("overview.people_link", {{"count", ctx.number(people)}})},
            {"start", start},
            {"steps", steps},
            {"glance", glance},
            {"has_glance", !glance.empty()},
            {"is_beheerder", ctx.me().is_beheerder()}});
}

}  // namespace

void register_overview_pages(App& app) {
  app.get("/", Access::signed_in, overview, Caching::body);
}

}  // namespace kompas::web
