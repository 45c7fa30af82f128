#include "store/actions_store.h"
#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/areas_store.h"
#include "store/contributions_store.h"
#include "store/indicators_store.h"
#include "store/partners_store.h"
#include "store/people_store.h"
#include "store/surveys_store.h"
#include "web/pages.h"
#include "web/plan_views.h"

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
  const auto surveys = store::list_surveys(conn.sql(), id).size();
  if (surveys == 0) steps.back()["missing"] = {ctx.t("overview.missing_survey")};
  // Doelen: ambitions with their indicators' status; what is still missing.
  const auto ambitions = store::list_ambitions(conn.sql(), id);
  const auto indicators = plan_indicators(conn.sql(), id, c.gemeente_code, ambitions);
  std::size_t indicator_count = 0, without_indicator = 0;
  nlohmann::json glance = nlohmann::json::array();
  for (const auto& a : ambitions) {
    const auto found = indicators.find(a.id);
    const auto& list = found == indicators.end() ? std::vector<PlanIndicator>{} : found->second;
    indicator_count += list.size();
    if (list.empty()) ++without_indicator;
    glance.push_back({{"title", a.title},
                      {"href", "/doelen/" + std::to_string(a.id)},
                      {"counts", status_counts(ctx, list)},
                      {"none", list.empty()}});
  }
  nlohmann::json goals_missing = nlohmann::json::array();
  if (without_indicator > 0)
    goals_missing.push_back(
        ctx.tf("overview.missing_indicators", {{"count", std::to_string(without_indicator)}}));
  steps.push_back(
      {{"title", ctx.t("cycle.goals.title")},
       {"href", "/doelen"},
       {"status",
        ambitions.empty()
            ? ctx.t("overview.no_ambitions")
            : ctx.tf("overview.ambitions_count",
                     {{"ambitions", ctx.number(static_cast<long long>(ambitions.size()))},
                      {"indicators", ctx.number(static_cast<long long>(indicator_count))}})},
       {"missing", goals_missing},
       {"done", !ambitions.empty() && without_indicator == 0}});
  // Wie doet wat: activities, contributions, empty rows and columns, overdue actions.
  const auto activities = store::list_activities(conn.sql(), id).size();
  const auto contributions = store::list_contributions(conn.sql(), id);
  std::set<long long> busy_partners, busy_ambitions;
  for (const auto& contribution : contributions)
    if (contribution.status != "gestopt") {
      busy_partners.insert(contribution.partner_id);
      busy_ambitions.insert(contribution.ambition_id);
    }
  nlohmann::json who_missing = nlohmann::json::array();
  if (ambitions.size() > busy_ambitions.size())
    who_missing.push_back(
        ctx.tf("overview.missing_contributors",
               {{"count", std::to_string(ambitions.size() - busy_ambitions.size())}}));
  const auto idle = static_cast<std::size_t>(partners.active) > busy_partners.size()
                        ? static_cast<std::size_t>(partners.active) - busy_partners.size()
                        : 0;
  if (idle > 0)
    who_missing.push_back(ctx.tf("overview.idle_partners", {{"count", std::to_string(idle)}}));
  int overdue = 0;
  const auto today = today_date();
  for (const auto& action : store::list_actions(conn.sql(), id))
    if (domain::is_overdue(action, today)) ++overdue;
  if (overdue > 0)
    who_missing.push_back(ctx.tf("overview.overdue_actions", {{"count", std::to_string(overdue)}}));
  steps.push_back(
      {{"title", ctx.t("cycle.who.title")},
       {"href", "/wie-doet-wat"},
       {"status",
        ctx.tf("overview.who_count",
               {{"activities", ctx.number(static_cast<long long>(activities))},
                {"contributions", ctx.number(static_cast<long long>(contributions.size()))}})},
       {"missing", who_missing},
       {"done", activities > 0 && !contributions.empty() && who_missing.empty()}});
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
            {"people_link", people == 1
                                ? ctx.t("overview.people_link_one")
                                : ctx.tf("overview.people_link", {{"count", ctx.number(people)}})},
            {"steps", steps},
            {"glance", glance},
            {"has_glance", !glance.empty()},
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
