// The yearly cycle (/verbetercyclus/jaarverslag): the beheerder closes a year, which freezes a
// snapshot of it; the jaarverslag shows a year beside the year before — from their snapshots,
// or from today's data for a year not closed yet — on A4 and as an XLSX workbook.
#include "domain/self_scan.h"
#include "store/closed_years_store.h"
#include "web/doelen/plan_views.h"
#include "web/ui/charts.h"
#include "web/ui/downloads.h"
#include "web/verbetercyclus/agenda_proposal.h"
#include "web/verbetercyclus/pages.h"
#include "web/verbetercyclus/year_snapshot.h"

namespace kompas::web {
namespace {

std::string report_href(int year) {
  return "/verbetercyclus/jaarverslag/" + std::to_string(year);
}

bool shows_live(int year) {
  return domain::is_this_or_last_year(year, current_year());
}

struct ReportYears {
  nlohmann::json now, before;  // before is null without a closed year before
  bool closed = false;
};

ReportYears load_years(const Ctx& ctx, soci::session& sql, int year) {
  ReportYears years;
  if (const auto closed = store::find_closed_year(sql, ctx.coalition_id(), year)) {
    years.now = closed->snapshot;
    years.closed = true;
  } else if (shows_live(year)) {
    years.now = build_year_snapshot(sql, ctx.me().coalition, year);
  } else {
    not_found();
  }
  if (const auto before = store::find_closed_year(sql, ctx.coalition_id(), year - 1))
    years.before = before->snapshot;
  return years;
}

DownloadCell number(const nlohmann::json& value) {
  if (!value.is_number()) return std::monostate{};
  return std::round(value.get<double>() * 10) / 10;
}

// A value in its unit as every page shows it ("44,3%", "€ 1.500", "1.900"), carrying its year
// when that is not the column's ("44,3% (meting 2024)"): an older figure never passes for this
// year's, on the page, on paper or in the CSV and XLSX.
DownloadCell figure(const Ctx& ctx, const nlohmann::json& value, const std::string& unit,
                    const nlohmann::json& of_year = nullptr, int column_year = 0) {
  if (!value.is_number()) return std::monostate{};
  const auto shown = value_text(ctx, value.get<double>(), unit);
  if (!of_year.is_number_integer() || of_year.get<int>() == column_year) return shown;
  return ctx.tf("report.of_year", {{"value", shown}, {"year", std::to_string(of_year.get<int>())}});
}

// A survey fraction as a percentage.
nlohmann::json percent(const nlohmann::json& fraction) {
  return fraction.is_number() ? nlohmann::json(fraction.get<double>() * 100) : nlohmann::json();
}

DownloadCell text(const nlohmann::json& value) {
  return value.is_string() ? DownloadCell(value.get<std::string>()) : std::monostate{};
}

// A copy of the row of `list` whose `key` has `value`, or null (a copy: `list` is often a
// temporary).
nlohmann::json match(const nlohmann::json& list, const std::string& key,
                     const nlohmann::json& value) {
  if (list.is_array())
    for (const auto& row : list)
      if (row.value(key, nlohmann::json()) == value) return row;
  return nullptr;
}

std::string year_label(const Ctx& ctx, const std::string& what, int year) {
  return ctx.tf("report.column", {{"what", ctx.t(what)}, {"year", std::to_string(year)}});
}

std::vector<DownloadTable> report_tables(const Ctx& ctx, const ReportYears& y, int year) {
  const auto& now = y.now;
  const auto& before = y.before.is_null() ? nlohmann::json::object() : y.before;
  std::vector<DownloadTable> tables;

  DownloadTable picture{"lokaal_beeld",
                        {ctx.t("activity.area"), year_label(ctx, "indicator.eenzaam", year),
                         year_label(ctx, "indicator.eenzaam", year - 1),
                         year_label(ctx, "indicator.ernstig_eenzaam", year),
                         year_label(ctx, "indicator.ernstig_eenzaam", year - 1)},
                        {}};
  const auto survey_year = [](const nlohmann::json& snapshot) {
    const auto survey = snapshot.value("survey", nlohmann::json());
    return survey.is_object() ? survey.value("year", nlohmann::json()) : nlohmann::json();
  };
  const auto year_now = survey_year(now), year_before = survey_year(before);
  for (const auto& row : now["picture"]) {
    const auto old = match(before.value("picture", nlohmann::json()), "area", row["area"]);
    const auto area = row["area"].get<std::string>();
    const auto old_value = [&](const char* key) {
      return old.is_null() ? old : percent(old.value(key, nlohmann::json()));
    };
    picture.rows.push_back(
        {area.empty() ? ctx.t("ambition.whole_municipality") : area,
         figure(ctx, percent(row.value("eenzaam", nlohmann::json())), "procent", year_now, year),
         figure(ctx, old_value("eenzaam"), "procent", year_before, year - 1),
         figure(ctx, percent(row.value("ernstig", nlohmann::json())), "procent", year_now, year),
         figure(ctx, old_value("ernstig"), "procent", year_before, year - 1)});
  }
  tables.push_back(std::move(picture));

  DownloadTable indicators{
      "indicatoren",
      {ctx.t("report.ambition"), ctx.t("ind.name"), year_label(ctx, "report.value", year),
       year_label(ctx, "ind.status", year), year_label(ctx, "report.value", year - 1),
       year_label(ctx, "ind.status", year - 1)},
      {}};
  for (const auto& row : now["indicators"]) {
    const auto old = match(before.value("indicators", nlohmann::json()), "id", row["id"]);
    const auto unit = row.value("unit", "");
    indicators.rows.push_back(
        {text(row["ambition"]), text(row["name"]),
         figure(ctx, row["latest"], unit, row["latest_year"], year),
         ctx.t("status." + row["status"].get<std::string>()),
         old.is_null() ? DownloadCell()
                       : figure(ctx, old["latest"], unit, old["latest_year"], year - 1),
         old.is_null() ? DownloadCell() : ctx.t("status." + old["status"].get<std::string>())});
  }
  tables.push_back(std::move(indicators));

  DownloadTable contributions{
      "bijdragen",
      {ctx.t("contribution.partner"), year_label(ctx, "report.hours", year),
       year_label(ctx, "report.euros", year), year_label(ctx, "report.hours", year - 1),
       year_label(ctx, "report.euros", year - 1)},
      {}};
  for (const auto& row : now["contributions"]) {
    const auto old =
        match(before.value("contributions", nlohmann::json()), "partner", row["partner"]);
    contributions.rows.push_back(
        {text(row["partner"]), figure(ctx, row["hours"], "uren"), figure(ctx, row["euros"], "euro"),
         old.is_null() ? DownloadCell() : figure(ctx, old["hours"], "uren"),
         old.is_null() ? DownloadCell() : figure(ctx, old["euros"], "euro")});
  }
  tables.push_back(std::move(contributions));

  DownloadTable quality{
      "kwaliteit", {ctx.t("report.measure"), std::to_string(year), std::to_string(year - 1)}, {}};
  const auto& q_now = now["quality"];
  const auto q_before = before.value("quality", nlohmann::json::object());
  for (const auto* key : {"running", "checked", "recognised", "mismatches"})
    quality.rows.push_back({ctx.t(std::string("report.quality.") + key),
                            number(q_now.value(key, nlohmann::json())),
                            number(q_before.value(key, nlohmann::json()))});
  // The pillars of either year's self-scan: a year may not have finished one.
  const auto pillars_before = before.value("self_scan", nlohmann::json::array());
  const auto& pillars = now["self_scan"].empty() ? pillars_before : now["self_scan"];
  for (const auto& pillar : pillars) {
    const auto current = match(now["self_scan"], "code", pillar["code"]);
    const auto old = match(pillars_before, "code", pillar["code"]);
    quality.rows.push_back(
        {ctx.tf("report.pillar", {{"pillar", pillar[ctx.lang == Lang::en ? "en" : "nl"]}}),
         current.is_null() ? DownloadCell() : number(current["score"]),
         old.is_null() ? DownloadCell() : number(old["score"])});
  }
  tables.push_back(std::move(quality));

  DownloadTable decisions{"besluiten",
                          {ctx.t("meeting.held_on"), ctx.t("report.meeting"), ctx.t("report.item"),
                           ctx.t("meeting.decision")},
                          {}};
  for (const auto& row : now["decisions"]) {
    domain::AgendaItem item;
    item.reason = domain::parse_word<domain::AgendaReason>(row["reason"].get<std::string>())
                      .value_or(domain::AgendaReason::eigen);
    item.subject = row["subject"];
    item.detail = row["detail"];
    decisions.rows.push_back(
        {text(row["date"]), text(row["meeting"]), agenda_title(ctx, item), text(row["decision"])});
  }
  tables.push_back(std::move(decisions));

  DownloadTable stories{
      "verhalen", {ctx.t("meeting.held_on"), ctx.t("ind.name"), ctx.t("report.story")}, {}};
  for (const auto& row : now["stories"])
    stories.rows.push_back({text(row["date"]), text(row["indicator"]), text(row["text"])});
  tables.push_back(std::move(stories));
  return tables;
}

void report(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const int year = static_cast<int>(id_param(ctx));
  const auto years = load_years(ctx, conn.sql(), year);
  const auto tables = report_tables(ctx, years, year);
  // The indicators' statuses this year, as a chart beside their table.
  std::map<std::string, int> counts;
  for (const auto& row : years.now["indicators"]) ++counts[row["status"].get<std::string>()];
  const auto total = years.now["indicators"].size();
  std::vector<Bar> bars;
  nlohmann::json status_rows = nlohmann::json::array();
  for (const auto& word : domain::all_words<domain::IndicatorStatus>()) {
    bars.push_back({.label = ctx.t("status." + word),
                    .value = total == 0 ? 0.0 : static_cast<double>(counts[word]) / total});
    status_rows.push_back({{"label", ctx.t("status." + word)}, {"count", counts[word]}});
  }
  nlohmann::json parts = nlohmann::json::array();
  for (const auto& t : tables)
    parts.push_back(table_view(ctx, t, ctx.t("report.part." + t.name),
                               report_href(year) + "/" + t.name + ".csv"));
  const auto survey = years.now["survey"];
  ctx.page("verbetercyclus/report",
           ctx.tf("report.title", {{"year", std::to_string(year)},
                                   {"coalition", years.now.value("coalition", "")}}),
           {{"year", year},
            {"title", ctx.tf("report.title", {{"year", std::to_string(year)},
                                              {"coalition", years.now.value("coalition", "")}})},
            {"state", years.closed ? ctx.t("report.closed") : ctx.t("report.live")},
            {"no_before", years.before.is_null()},
            {"survey", survey.is_null() ? nlohmann::json()
                                        : nlohmann::json(survey["name"].get<std::string>())},
            {"chart", bar_chart_svg(bars, std::nullopt, ctx.t("report.chart_title"),
                                    ctx.t("report.chart_desc"))},
            {"status_rows", status_rows},
            {"parts", parts},
            {"xlsx", report_href(year) + ".xlsx"}});
}

// The years with a jaarverslag, and the form that closes last year; after a refused post the
// form comes back with its message.
void list_page(Ctx& ctx, const std::string& error_key = "", int status = 200) {
  store::Connection conn(ctx.app.db());
  const auto closed = store::closed_year_list(conn.sql(), ctx.coalition_id());
  const int this_year = current_year();
  nlohmann::json years = nlohmann::json::array(), closable = nlohmann::json::array();
  for (const int year : {this_year, this_year - 1}) {
    const bool is_closed = std::find(closed.begin(), closed.end(), year) != closed.end();
    if (is_closed) continue;
    years.push_back({{"year", year}, {"href", report_href(year)}, {"closed", false}});
    if (domain::is_closable_year(year, this_year)) closable.push_back(year);
  }
  for (const int year : closed)
    years.push_back({{"year", year}, {"href", report_href(year)}, {"closed", true}});
  std::sort(years.begin(), years.end(),
            [](const auto& a, const auto& b) { return a["year"] > b["year"]; });
  nlohmann::json data = {
      {"years", years},
      {"closable", closable},
      {"can_close", ctx.me().is_beheerder() && !closable.empty()},
      {"close_later",
       ctx.me().is_beheerder() && std::find(closed.begin(), closed.end(), this_year) == closed.end()
           ? ctx.tf("report.close_later",
                    {{"year", std::to_string(this_year)},
                     {"date", ctx.date(std::to_string(this_year + 1) + "-01-01")}})
           : ""},
      {"csrf", ctx.form_token()}};
  if (!error_key.empty()) {
    data["confirm_error"] = ctx.t(error_key);
    data["summary"] = {{"items",
                        {{{"href", error_key == "report.bad_year" ? "#jaar" : "#bevestig"},
                          {"text", ctx.t(error_key)}}}}};
  }
  ctx.page("verbetercyclus/reports", ctx.t("report.list_title"), data, status);
}

void close(Ctx& ctx) {
  const auto parsed = parse_id(ctx.field("jaar"));
  const int year = parsed ? static_cast<int>(*parsed) : 0;
  if (!domain::is_closable_year(year, current_year()))
    return list_page(ctx, "report.bad_year", 422);
  if (ctx.field("bevestig") != "ja") return list_page(ctx, "report.confirm_needed", 422);
  store::Change change(ctx.app.db(), ctx.actor());
  // Closed already: say so before building a snapshot for nothing.
  if (store::find_closed_year(change.sql(), ctx.coalition_id(), year) ||
      !store::close_year(change, year, build_year_snapshot(change.sql(), ctx.me().coalition, year)))
    return ctx.error_page(409, "report.already_closed");
  change.commit();
  ctx.redirect_with_notice(report_href(year), "year_closed");
}

}  // namespace

void register_year_report_pages(App& app) {
  app.get("/verbetercyclus/jaarverslag", Access::signed_in, [](Ctx& ctx) { list_page(ctx); });
  app.post("/verbetercyclus/jaarverslag", Access::beheerder, close);
  app.get(R"(/verbetercyclus/jaarverslag/(\d{4}))", Access::signed_in, report, Caching::body);
  app.get(
      R"(/verbetercyclus/jaarverslag/(\d{4})/(lokaal_beeld|indicatoren|bijdragen|kwaliteit|besluiten|verhalen)\.csv)",
      Access::signed_in, [](Ctx& ctx) {
        store::Connection conn(ctx.app.db());
        const int year = static_cast<int>(id_param(ctx));
        for (const auto& table : report_tables(ctx, load_years(ctx, conn.sql(), year), year))
          if (table.name == ctx.path_param(2)) return send_download(ctx, table, "csv");
        not_found();
      });
  app.get(R"(/verbetercyclus/jaarverslag/(\d{4})\.xlsx)", Access::signed_in, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const int year = static_cast<int>(id_param(ctx));
    send_workbook(ctx, "jaarverslag-" + std::to_string(year),
                  report_tables(ctx, load_years(ctx, conn.sql(), year), year));
  });
}

}  // namespace kompas::web
