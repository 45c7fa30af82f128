#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/areas_store.h"
#include "store/contributions_store.h"
#include "store/indicators_store.h"
#include "store/partners_store.h"
#include "store/people_store.h"
#include "web/pages.h"

namespace kompas::web {
namespace {

// Steps of the cycle that later work fills; their pages say plainly what will come.
struct CycleStep {
  const char* path;
  const char* key;
};
constexpr CycleStep kComingSteps[] = {
    {"/kwaliteit", "quality"},        {"/resultaten", "results"},
    {"/verbetercyclus", "improve"},   {"/deskundigheid", "expertise"},
    {"/sociale-kaart", "social_map"},
};

void overview(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto id = ctx.coalition_id();
  const auto partners = store::count_partners(conn.sql(), id);
  const auto areas = store::summarise_areas(conn.sql(), id);
  const auto people = store::count_people(conn.sql(), id);
  const auto& c = ctx.me().coalition;
  nlohmann::json steps = nlohmann::json::array();
  steps.push_back(
      {{"title", ctx.t("cycle.together.title")},
       {"href", "/partners"},
       {"status", ctx.tf("overview.partners_count", {{"active", ctx.number(partners.active)},
                                                     {"total", ctx.number(partners.total)}})},
       {"done", partners.active > 0}});
  steps.push_back({{"title", ctx.t("cycle.explore.title")},
                   {"href", "/verkennen"},
                   {"status", areas.total == 0 ? ctx.t("overview.no_areas")
                                               : ctx.tf("overview.areas_count",
                                                        {{"wijken", ctx.number(areas.wijken)},
                                                         {"buurten", ctx.number(areas.buurten)}})},
                   {"done", areas.total > 0}});
  const auto ambitions = store::list_ambitions(conn.sql(), id).size();
  const auto indicators = store::list_indicators(conn.sql(), id).size();
  steps.push_back(
      {{"title", ctx.t("cycle.goals.title")},
       {"href", "/doelen"},
       {"status", ambitions == 0
                      ? ctx.t("overview.no_ambitions")
                      : ctx.tf("overview.ambitions_count",
                               {{"ambitions", ctx.number(static_cast<long long>(ambitions))},
                                {"indicators", ctx.number(static_cast<long long>(indicators))}})},
       {"done", ambitions > 0 && indicators > 0}});
  const auto activities = store::list_activities(conn.sql(), id).size();
  const auto contributions = store::list_contributions(conn.sql(), id).size();
  steps.push_back(
      {{"title", ctx.t("cycle.who.title")},
       {"href", "/wie-doet-wat"},
       {"status", ctx.tf("overview.who_count",
                         {{"activities", ctx.number(static_cast<long long>(activities))},
                          {"contributions", ctx.number(static_cast<long long>(contributions))}})},
       {"done", activities > 0 && contributions > 0}});
  for (const auto& step : kComingSteps) {
    if (std::string(step.key) == "expertise" || std::string(step.key) == "social_map") continue;
    steps.push_back({{"title", ctx.t(std::string("cycle.") + step.key + ".title")},
                     {"href", step.path},
                     {"status", ctx.t("overview.coming")},
                     {"done", false}});
  }
  ctx.page("overview/index", ctx.t("nav.overview"),
           {{"coalition",
             {{"name", c.name},
              {"gemeente_code", c.gemeente_code},
              {"kartrekker", c.kartrekker},
              {"cycle_start", c.cycle_start}}},
            {"inhabitants",
             areas.inhabitants ? nlohmann::json(ctx.number(*areas.inhabitants)) : nullptr},
            {"people_link", ctx.tf("overview.people_link", {{"count", ctx.number(people)}})},
            {"steps", steps},
            {"is_beheerder", ctx.me().is_beheerder()}});
}

}  // namespace

void register_overview_pages(App& app) {
  app.get("/", Access::signed_in, overview, Caching::body);
  for (const auto& step : kComingSteps) {
    const std::string key = step.key;
    app.get(step.path, Access::signed_in, [key](Ctx& ctx) {
      ctx.page("overview/coming", ctx.t("cycle." + key + ".title"),
               {{"title", ctx.t("cycle." + key + ".title")},
                {"purpose", ctx.t("cycle." + key + ".purpose")},
                {"coming", ctx.t("cycle." + key + ".coming")}});
    });
  }
}

}  // namespace kompas::web
