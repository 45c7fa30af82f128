// "Mijn organisatie": a partner's own page, where a partner lands after logging in. What waits
// for it (new signals, services to check, corrections), what the organisation does (its
// activities), gives (its contributions, with totals), has to do (its open actions, the overdue
// first) and the activity measures it can fill in.
#include <algorithm>

#include "domain/actions.h"
#include "domain/activities.h"
#include "store/actions_store.h"
#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/contributions_store.h"
#include "store/map_upkeep_store.h"
#include "store/partners_store.h"
#include "store/signals_store.h"
#include "web/deskundigheid/map_views.h"
#include "web/doelen/plan_views.h"
#include "web/mijn-organisatie/pages.h"
#include "web/wie-doet-wat/pages.h"

namespace kompas::web {
namespace {

nlohmann::json activities_of(const Ctx& ctx, const std::vector<domain::Activity>& activities,
                             long long partner_id) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& a : activities) {
    const bool leads = a.lead_partner_id == partner_id;
    const bool shares = std::find(a.co_partner_ids.begin(), a.co_partner_ids.end(), partner_id) !=
                        a.co_partner_ids.end();
    if (!leads && !shares) continue;
    rows.push_back({{"href", "/wie-doet-wat/activiteiten/" + std::to_string(a.id)},
                    {"name", a.name},
                    {"role", ctx.t(leads ? "mine.leads" : "mine.shares")},
                    {"status", ctx.t("activity.status." + domain::word(a.status))}});
  }
  return rows;
}

// Hours and euros added up, so the organisation sees what it has promised in all.
std::string contribution_totals(const Ctx& ctx, soci::session& sql, long long partner_id) {
  return ctx.tf(
      "mine.totals",
      {{"means",
        add_up(store::list_contributions(sql, ctx.coalition_id(), partner_id)).all.text(ctx)}});
}

nlohmann::json open_actions(const Ctx& ctx, soci::session& sql, long long partner_id) {
  const auto today = today_date();
  std::vector<domain::Action> mine;
  for (auto& a : store::list_actions(sql, ctx.coalition_id()))
    if ((a.partner_id == partner_id || a.owner_person_id == ctx.me().person.id) &&
        domain::is_open(a))
      mine.push_back(std::move(a));
  std::stable_sort(mine.begin(), mine.end(), [&](const auto& a, const auto& b) {
    return domain::is_overdue(a, today) > domain::is_overdue(b, today);
  });
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& a : mine)
    rows.push_back({{"href", "/acties/" + std::to_string(a.id)},
                    {"title", a.title},
                    {"due_date", ctx.date(a.due_date)},
                    {"overdue", domain::is_overdue(a, today)},
                    {"status", ctx.t("action.status." + domain::word(a.status))}});
  return rows;
}

// The activity measures of the ambitions the organisation's activities serve: these it fills in.
nlohmann::json measures_of(const Ctx& ctx, soci::session& sql,
                           const std::vector<domain::Activity>& activities, long long partner_id) {
  const auto ambition_ids = domain::ambitions_of_partner(activities, partner_id);
  const auto& coalition = ctx.me().coalition;
  std::vector<domain::Ambition> ambitions;
  for (auto& a : store::list_ambitions(sql, coalition.id))
    if (ambition_ids.contains(a.id)) ambitions.push_back(std::move(a));
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [ambition_id, indicators] :
       plan_indicators(sql, coalition.id, coalition.gemeente_code, ambitions))
    for (const auto& p : indicators)
      if (p.indicator.kind == "activiteit") {
        auto summary = indicator_summary(ctx, p.indicator, p.series);
        summary["enter_href"] = "/indicatoren/" + std::to_string(p.indicator.id) + "#waarde";
        rows.push_back(std::move(summary));
      }
  return rows;
}

// What waits for the organisation's staff elsewhere: new signals to take up, its services on the
// sociale kaart not checked for a year, and corrections people sent about them.
nlohmann::json waiting_for(Ctx& ctx, soci::session& sql, long long partner_id) {
  nlohmann::json items = nlohmann::json::array();
  const auto add = [&](const char* key, std::size_t count, const std::string& href) {
    if (count > 0)
      items.push_back(
          {{"text", ctx.tf(key, {{"count", ctx.number(static_cast<long long>(count))}})},
           {"href", href}});
  };
  if (domain::may_read_signal(ctx.me().person, partner_id)) {
    const auto signals = store::signals_of_partner(sql, ctx.coalition_id(), partner_id);
    add("mine.waiting_signals",
        std::count_if(signals.begin(), signals.end(),
                      [](const auto& s) { return s.status == "nieuw" && !s.held; }),
        "/signaalpunt");
  }
  // The organisation's own places, for those who may keep them (a beheerder keeps every place
  // of the kaart, but this page is about the organisation).
  if (!domain::can_edit_partner(ctx.me().person, partner_id)) return items;
  const auto map = social_map(ctx.app, ctx.coalition_id());
  const auto owners = store::organization_partners(sql, ctx.coalition_id());
  std::vector<const domain::MapService*> kept;
  for (const auto* s : map->services())
    if (const auto owner = owners.find(s->organization_id);
        owner != owners.end() && owner->second == partner_id)
      kept.push_back(s);
  const auto today = today_date();
  add("mine.waiting_stale",
      std::count_if(kept.begin(), kept.end(),
                    [&](const auto* s) { return domain::is_stale(*s, today); }),
      "/deskundigheid/kaart/onderhoud?te-controleren=ja");
  add("mine.waiting_corrections", corrections_waiting(ctx, kept).size(),
      "/deskundigheid/kaart/onderhoud#correcties");
  return items;
}

void partner_home(Ctx& ctx) {
  const auto& me = ctx.me();
  if (!me.person.partner_id) not_found();
  store::Connection conn(ctx.app.db());
  const auto partner = store::find_partner(conn.sql(), me.coalition.id, *me.person.partner_id);
  if (!partner) not_found();
  const auto activities = store::list_activities(conn.sql(), me.coalition.id);
  const auto rows = activities_of(ctx, activities, partner->id);
  const auto contributions = partner_contributions(ctx, conn.sql(), partner->id);
  const auto actions = open_actions(ctx, conn.sql(), partner->id);
  const auto measures = measures_of(ctx, conn.sql(), activities, partner->id);
  const auto waiting = waiting_for(ctx, conn.sql(), partner->id);
  ctx.page("mijn-organisatie/index", partner->name,
           {{"id", partner->id},
            {"name", partner->name},
            {"waiting", waiting},
            {"has_waiting", !waiting.empty()},
            {"activities", rows},
            {"has_activities", !rows.empty()},
            {"contributions", contributions},
            {"has_contributions", !contributions.empty()},
            {"totals", contribution_totals(ctx, conn.sql(), partner->id)},
            {"actions", actions},
            {"has_actions", !actions.empty()},
            {"measures", measures},
            {"has_measures", !measures.empty()},
            {"can_add", domain::can_add_work(me.person)}});
}

}  // namespace

void register_partner_home_pages(App& app) {
  // Not body-cached: it lists the actions of the person too, and the cache is per partner.
  app.get("/mijn-organisatie", Access::signed_in, partner_home);
}

}  // namespace kompas::web
