// The plan document: "Lokale aanpak eenzaamheid <gemeente> <jaren>", one printable page (A4)
// with the coalition, the local picture, the ambitions with their indicators and charts,
// activities, contributions and actions; the whole plan as XLSX and each table as CSV.
#include "domain/year_values.h"
#include "store/ambitions_store.h"
#include "store/partners_store.h"
#include "web/pages.h"
#include "web/plan_lookups.h"
#include "web/plan_tables.h"
#include "web/plan_views.h"

namespace kompas::web {
namespace {

// A download table as text cells for the page.
nlohmann::json table_view(const Ctx& ctx, const DownloadTable& table, const std::string& caption) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : table.rows) {
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& cell : row) {
      if (const auto* text = std::get_if<std::string>(&cell))
        cells.push_back(ctx.date(*text));  // dates as people read them; exports keep ISO
      else if (const auto* number = std::get_if<double>(&cell))
        cells.push_back(domain::format_decimal(*number, ctx.lang == Lang::nl ? ',' : '.', 2));
      else
        cells.push_back("");
    }
    rows.push_back({{"cells", cells}});
  }
  return {{"caption", caption},
          {"header", table.header},
          {"rows", rows},
          {"empty", rows.empty()},
          {"csv", "/plan/" + table.name + ".csv"}};
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

void plan_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto& coalition = ctx.me().coalition;
  const auto ambitions = store::list_ambitions(conn.sql(), coalition.id);
  const auto indicators =
      plan_indicators(conn.sql(), coalition.id, coalition.gemeente_code, ambitions);
  const auto names = load_plan_lookups(conn.sql(), coalition.id);
  nlohmann::json ambition_views = nlohmann::json::array();
  for (const auto& a : ambitions) {
    nlohmann::json inds = nlohmann::json::array();
    const auto found = indicators.find(a.id);
    if (found != indicators.end())
      for (const auto& p : found->second)
        inds.push_back({{"name", p.indicator.name},
                        {"status", status_view(ctx, p.indicator, p.series)},
                        {"curve", curve_view(ctx, p.indicator, p.series)}});
    ambition_views.push_back(
        {{"title", a.title},
         {"statement", a.statement},
         {"target_group", ctx.t("target_group." + a.target_group)},
         {"period", std::to_string(a.start_year) + "–" + std::to_string(a.end_year)},
         {"status", ctx.t("ambition.status." + a.status)},
         {"findings", a.findings},
         {"indicators", inds}});
  }
  nlohmann::json partners = nlohmann::json::array();
  for (const auto& p : store::list_partners(conn.sql(), coalition.id))
    if (p.active) partners.push_back({{"name", p.name}, {"type", ctx.t("partner.type." + p.type)}});
  nlohmann::json picture = nlohmann::json::array();
  const auto figures = latest_wijk_figures(ctx, conn.sql());
  auto add_area = [&](const std::string& code, const std::string& name) {
    const auto f = figures.find(code);
    if (f == figures.end()) return;
    picture.push_back({{"name", name},
                       {"eenzaam", f->second.value("eenzaam", nlohmann::json())},
                       {"ernstig", f->second.value("ernstig", nlohmann::json())}});
  };
  add_area("", ctx.t("ambition.whole_municipality"));
  for (const auto& [code, name] : names.wijken) add_area(code, name);
  const auto tables = plan_tables(ctx, conn.sql());
  auto part = [&](const std::string& name, const char* caption_key) {
    for (const auto& t : tables)
      if (t.name == name) return table_view(ctx, t, ctx.t(caption_key));
    return nlohmann::json();
  };
  const auto title =
      ctx.tf("plan.title", {{"gemeente", coalition.name}, {"years", plan_years(ambitions)}});
  ctx.page("plan/document", title,
           {{"title", title},
            {"coalition", {{"name", coalition.name}, {"kartrekker", coalition.kartrekker}}},
            {"partners", partners},
            {"picture", picture},
            {"has_picture", !picture.empty()},
            {"survey", figures.empty() ? nlohmann::json() : figures.begin()->second["survey"]},
            {"ambitions", ambition_views},
            {"activities", part("activiteiten", "plan.activities")},
            {"contributions", part("bijdragen", "plan.contributions")},
            {"actions", part("acties", "plan.actions")},
            {"downloads", [&] {
               nlohmann::json links = nlohmann::json::array();
               for (const auto& t : tables)
                 links.push_back({{"href", "/plan/" + t.name + ".csv"}, {"name", t.name}});
               return links;
             }()}});
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
