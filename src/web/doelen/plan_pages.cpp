// The plan document: "Lokale aanpak eenzaamheid <gemeente> <jaren>", one printable page (A4)
// with the coalition, the local picture, the ambitions with their indicators and charts,
// activities, contributions and actions; the whole plan as XLSX and each table as CSV.
#include <cmath>

#include "domain/year_values.h"
#include "store/ambitions_store.h"
#include "store/contributions_store.h"
#include "store/partners_store.h"
#include "web/doelen/pages.h"
#include "web/doelen/plan_tables.h"
#include "web/doelen/plan_views.h"
#include "web/wie-doet-wat/plan_lookups.h"

namespace kompas::web {
namespace {

// The indicator's start, targets and latest value as a sentence beside its chart, so the
// printed plan says them in words too.
std::string indicator_in_words(const Ctx& ctx, const domain::Indicator& ind,
                               const IndicatorSeries& series) {
  std::string text;
  if (ind.baseline_value)
    text = ctx.tf("plan.words_baseline", {{"value", value_text(ctx, *ind.baseline_value, ind.unit)},
                                          {"date", ctx.date(ind.baseline_date)}});
  else if (!series.path.empty())
    text = ctx.tf("plan.words_first_value",
                  {{"value", value_text(ctx, series.path.front().value, ind.unit)},
                   {"year", std::to_string(series.path.front().year)}});
  std::string targets;
  for (const auto& [year, value] : ind.targets)
    targets += (targets.empty() ? "" : ", ") + value_text(ctx, value, ind.unit) + " " +
               ctx.tf("plan.words_in_year", {{"year", std::to_string(year)}});
  if (!targets.empty())
    text += (text.empty() ? "" : " ") + ctx.tf("plan.words_targets", {{"targets", targets}});
  if (!series.measurements.empty()) {
    const auto& latest = series.measurements.back();
    text += (text.empty() ? "" : " ") +
            ctx.tf("plan.words_latest", {{"value", value_text(ctx, latest.value, ind.unit)},
                                         {"year", std::to_string(latest.year)}});
  } else {
    text += (text.empty() ? "" : " ") + ctx.t("plan.words_no_value");
  }
  return text;
}

std::string plan_years(const std::vector<domain::Ambition>& ambitions) {
  if (ambitions.empty()) return "";
  int first = 9999, last = 0;
  for (const auto& a : ambitions) {
    first = std::min(first, a.start_year);
    last = std::max(last, a.end_year);
  }
  return std::to_string(first) + "–" + std::to_string(last);
}

// Each ambition with its wijken and its indicators: status, chart and the figures in words.
nlohmann::json ambition_views(Ctx& ctx, const std::vector<domain::Ambition>& ambitions,
                              const std::map<long long, std::vector<PlanIndicator>>& indicators,
                              const PlanLookups& names) {
  nlohmann::json views = nlohmann::json::array();
  for (const auto& a : ambitions) {
    nlohmann::json inds = nlohmann::json::array();
    const auto found = indicators.find(a.id);
    if (found != indicators.end())
      for (const auto& p : found->second)
        inds.push_back({{"name", p.indicator.name},
                        {"in_words", indicator_in_words(ctx, p.indicator, p.series)},
                        {"status", status_view(ctx, p.indicator, p.series)},
                        {"curve", curve_view(ctx, p.indicator, p.series)}});
    std::string areas;
    for (const auto& code : a.areas)
      for (const auto& [wijk_code, name] : names.wijken)
        if (wijk_code == code) areas += (areas.empty() ? "" : ", ") + name;
    views.push_back({{"title", a.title},
                     {"statement", a.statement},
                     {"target_group", ctx.t("target_group." + a.target_group)},
                     {"period", std::to_string(a.start_year) + "–" + std::to_string(a.end_year)},
                     {"areas", areas.empty() ? ctx.t("ambition.whole_municipality") : areas},
                     {"status", ctx.t("ambition.status." + domain::word(a.status))},
                     {"findings", a.findings},
                     {"indicators", inds}});
  }
  return views;
}

// The local picture: loneliness in the whole gemeente and per wijk, from the latest survey.
nlohmann::json local_picture(Ctx& ctx, const std::map<std::string, nlohmann::json>& figures,
                             const PlanLookups& names) {
  nlohmann::json picture = nlohmann::json::array();
  auto add_area = [&](const std::string& code, const std::string& name) {
    const auto f = figures.find(code);
    if (f == figures.end()) return;
    picture.push_back({{"name", name},
                       {"eenzaam", f->second.value("eenzaam", nlohmann::json())},
                       {"ernstig", f->second.value("ernstig", nlohmann::json())}});
  };
  add_area("", ctx.t("ambition.whole_municipality"));
  for (const auto& [code, name] : names.wijken) add_area(code, name);
  return picture;
}

// The means per partner and per ambition, beside the contributions table.
nlohmann::json means_view(Ctx& ctx, soci::session& sql, const PlanLookups& names) {
  const auto totals = add_up(store::list_contributions(sql, ctx.coalition_id()));
  nlohmann::json means = nlohmann::json::array();
  for (const auto& [id, total] : totals.by_partner)
    means.push_back({{"who", name_of(names.partners, id)}, {"means", total.text(ctx)}});
  for (const auto& [id, total] : totals.by_ambition)
    means.push_back({{"who", name_of(names.ambitions, id)}, {"means", total.text(ctx)}});
  return means;
}

// Whether the plan is adopted, and the day this text of it was made.
std::string version_text(Ctx& ctx) {
  const auto& coalition = ctx.me().coalition;
  if (coalition.plan_adopted_on.empty())
    return ctx.tf("plan.version_draft", {{"date", ctx.date(today_date())}});
  return ctx.tf("plan.version_adopted", {{"adopted", ctx.date(coalition.plan_adopted_on)},
                                         {"date", ctx.date(today_date())}});
}

void plan_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto& coalition = ctx.me().coalition;
  const auto ambitions = store::list_ambitions(conn.sql(), coalition.id);
  const auto indicators =
      plan_indicators(conn.sql(), coalition.id, coalition.gemeente_code, ambitions);
  const auto names = load_plan_lookups(conn.sql(), coalition.id);
  nlohmann::json partners = nlohmann::json::array();
  for (const auto& p : store::list_partners(conn.sql(), coalition.id))
    if (p.active) partners.push_back({{"name", p.name}, {"type", ctx.t("partner.type." + p.type)}});
  const auto figures = latest_wijk_figures(ctx, conn.sql());
  const auto picture = local_picture(ctx, figures, names);
  const auto means = means_view(ctx, conn.sql(), names);
  const auto tables = plan_tables(ctx, conn.sql());
  auto part = [&](const std::string& name, const char* caption_key) {
    for (const auto& t : tables)
      if (t.name == name) return table_view(ctx, t, ctx.t(caption_key), "/plan/" + t.name + ".csv");
    return nlohmann::json();
  };
  nlohmann::json downloads = nlohmann::json::array();
  for (const auto& t : tables)
    downloads.push_back({{"href", "/plan/" + t.name + ".csv"}, {"name", t.name}});
  const auto title =
      ctx.tf("plan.title", {{"gemeente", coalition.name}, {"years", plan_years(ambitions)}});
  ctx.page("doelen/plan_document", title,
           {{"title", title},
            {"coalition", {{"name", coalition.name}, {"kartrekker", coalition.kartrekker}}},
            {"version", version_text(ctx)},
            {"has_ambitions", !ambitions.empty()},
            {"partners", partners},
            {"picture", picture},
            {"has_picture", !picture.empty()},
            {"survey", figures.empty() ? nlohmann::json() : figures.begin()->second["survey"]},
            {"ambitions", ambition_views(ctx, ambitions, indicators, names)},
            {"activities", part("activiteiten", "plan.activities")},
            {"contributions", part("bijdragen", "plan.contributions")},
            {"means", means},
            {"has_means", !means.empty()},
            {"actions", part("acties", "plan.actions")},
            {"downloads", downloads}});
}

}  // namespace

void register_plan_pages(App& app) {
  app.get("/plan", Access::signed_in, plan_page, Caching::body);
  app.get(R"(/plan\.xlsx)", Access::signed_in, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    send_workbook(ctx, "plan", plan_tables(ctx, conn.sql()));
  });
  app.get(R"(/plan/(ambities|indicatoren|waarden|activiteiten|bijdragen|acties)\.csv)",
          Access::signed_in, [](Ctx& ctx) {
            store::Connection conn(ctx.app.db());
            for (const auto& table : plan_tables(ctx, conn.sql()))
              if (table.name == ctx.path_param(1)) return send_download(ctx, table, "csv");
            not_found();
          });
}

}  // namespace kompas::web
