// The read API under /api/v1/: the coalition's plan as JSON for a person's API token, and the
// OpenAPI document that describes it (api/openapi.json, which the tests validate against).
#include "embedded.h"
#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/contributions_store.h"
#include "store/indicators_store.h"
#include "store/quality_rounds_store.h"
#include "web/api/pages.h"
#include "web/doelen/plan_views.h"

namespace kompas::web {
namespace {

nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json(text);
}

nlohmann::json year_values(const std::map<int, double>& values) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [year, value] : values) list.push_back({{"year", year}, {"value", value}});
  return list;
}

using api::or_null;
using api::send_json;

void ambitions(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& a : store::list_ambitions(conn.sql(), ctx.coalition_id()))
    list.push_back({{"id", a.id},
                    {"title", a.title},
                    {"statement", a.statement},
                    {"target_group", a.target_group},
                    {"areas", a.areas},
                    {"start_year", a.start_year},
                    {"end_year", a.end_year},
                    {"findings", a.findings},
                    {"status", domain::word(a.status)},
                    {"version", a.version}});
  send_json(ctx, {{"ambitions", list}});
}

// Every indicator with its series: the status and values need the surveys, read once.
std::map<long long, std::vector<PlanIndicator>> all_indicators(Ctx& ctx, soci::session& sql) {
  const auto& c = ctx.me().coalition;
  return plan_indicators(sql, c.id, c.gemeente_code, store::list_ambitions(sql, c.id));
}

void indicators(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [ambition_id, plan] : all_indicators(ctx, conn.sql()))
    for (const auto& [i, series] : plan) {
      nlohmann::json baseline = nullptr;
      if (i.baseline_value)
        baseline = {
            {"value", *i.baseline_value}, {"date", i.baseline_date}, {"source", i.baseline_source}};
      nlohmann::json latest = nullptr;
      if (series.status.latest)
        latest = {{"year", series.status.latest->year}, {"value", series.status.latest->value}};
      list.push_back({{"id", i.id},
                      {"ambition_id", i.ambition_id},
                      {"name", i.name},
                      {"kind", i.kind},
                      {"question", text_or_null(i.question)},
                      {"unit", i.unit},
                      {"polarity", domain::word(i.polarity)},
                      {"survey_indicator", text_or_null(i.survey_indicator)},
                      {"signal_measure", text_or_null(i.signal_measure)},
                      {"area_code", text_or_null(i.area_code)},
                      {"age_band", text_or_null(i.age_band)},
                      {"baseline", baseline},
                      {"targets", year_values(i.targets)},
                      {"status", status_view(ctx, i, series)["key"]},
                      {"latest", latest}});
    }
  send_json(ctx, {{"indicators", list}});
}

void indicator_values(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto ind = store::find_indicator(conn.sql(), ctx.coalition_id(), id_param(ctx));
  if (!ind) not_found();
  const auto ambition = store::find_ambition(conn.sql(), ctx.coalition_id(), ind->ambition_id);
  const auto series =
      indicator_series(conn.sql(), ctx.me().coalition, *ind, ambition ? ambition->end_year : 0);
  nlohmann::json values = nlohmann::json::array();
  for (const auto& p : series.points) {
    if (!p.value) continue;  // hidden survey cells stay hidden
    values.push_back({{"year", p.year},
                      {"value", *p.value},
                      {"low", or_null(p.low)},
                      {"high", or_null(p.high)},
                      {"n", p.n > 0 ? nlohmann::json(p.n) : nlohmann::json()},
                      {"origin", p.origin},
                      {"source", p.source},
                      {"comment", p.comment}});
  }
  send_json(ctx, {{"indicator_id", ind->id}, {"values", values}});
}

void activities(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& a : store::list_activities(conn.sql(), ctx.coalition_id()))
    list.push_back({{"id", a.id},
                    {"name", a.name},
                    {"description", a.description},
                    {"lead_partner_id", or_null(a.lead_partner_id)},
                    {"co_partner_ids", a.co_partner_ids},
                    {"target_group", a.target_group},
                    {"areas", a.areas},
                    {"loneliness_type", a.loneliness_type},
                    {"degrees", a.degrees},
                    {"elements", a.elements},
                    {"method", domain::word(a.method)},
                    {"reach", year_values(a.reach)},
                    {"start_date", a.start_date},
                    {"end_date", a.end_date},
                    {"status", domain::word(a.status)},
                    {"ambition_ids", a.ambition_ids}});
  send_json(ctx, {{"activities", list}});
}

void contributions(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : store::list_contributions(conn.sql(), ctx.coalition_id())) {
    auto json = store::to_json(c);
    json["id"] = c.id;
    list.push_back(json);
  }
  send_json(ctx, {{"contributions", list}});
}

// Check rounds with, per question, what the handed-in answers add up to; never anyone's own
// scores, and nothing per question while fewer than kMinRespondents people handed in.
void check_rounds(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto handed_in = store::handed_in_answers(sql, ctx.coalition_id());
  const auto teams = store::team_counts(sql, ctx.coalition_id());
  const auto today = today_date();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& round : store::list_rounds(sql, ctx.coalition_id())) {
    const auto team = teams.find(round.id);
    const int submitted = team == teams.end() ? 0 : team->second.submitted;
    nlohmann::json questions = nlohmann::json::array();
    const auto answers = handed_in.find(round.id);
    if (submitted >= static_cast<int>(domain::kMinRespondents) && answers != handed_in.end())
      for (const auto& [code, given] : answers->second) {
        const auto s = domain::summarise(given);
        questions.push_back({{"code", code},
                             {"scores", s.scores.size()},
                             {"not_applicable", s.not_applicable},
                             {"median", or_null(s.median)},
                             {"lowest", s.median ? nlohmann::json(s.lowest) : nlohmann::json()},
                             {"highest", s.median ? nlohmann::json(s.highest) : nlohmann::json()},
                             {"discuss", s.discuss}});
      }
    list.push_back({{"id", round.id},
                    {"activity_id", round.activity_id},
                    {"instrument_version", round.instrument_version},
                    {"started_on", local_date(round.started_at)},
                    {"ends_on", round.ends_on},
                    {"open", domain::is_open(round, today)},
                    {"handed_in", submitted},
                    {"questions", questions}});
  }
  send_json(ctx, {{"check_rounds", list}});
}

}  // namespace

void register_api_pages(App& app) {
  app.get("/api/v1/openapi.json", Access::anyone, [](Ctx& ctx) {
    ctx.res.set_content(std::string(embedded::file("api/openapi.json")), "application/json");
  });
  app.get("/api/v1/ambitions", Access::api, ambitions);
  app.get("/api/v1/indicators", Access::api, indicators);
  app.get(R"(/api/v1/indicators/(\d+)/values)", Access::api, indicator_values);
  app.get("/api/v1/activities", Access::api, activities);
  app.get("/api/v1/contributions", Access::api, contributions);
  app.get("/api/v1/check-rounds", Access::api, check_rounds);
  register_quality_api_pages(app);
  register_hsds_api(app);
}

}  // namespace kompas::web
