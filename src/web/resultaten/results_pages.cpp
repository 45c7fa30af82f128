// Resultaten (/resultaten): every indicator of every ambition, grouped by population results and
// the three questions of Results-Based Accountability, each with its status, its change since
// last year and since its baseline, and the newest story behind the figures. Filters by
// ambition, wijk and partner keep what a meeting wants to look at.
#include <cmath>
#include <set>

#include "domain/numbers.h"
#include "domain/results.h"
#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/areas_store.h"
#include "store/contributions_store.h"
#include "store/indicators_store.h"
#include "store/partners_store.h"
#include "web/core/url.h"
#include "web/doelen/plan_views.h"
#include "web/resultaten/pages.h"
#include "web/ui/charts.h"
#include "web/ui/downloads.h"

namespace kompas::web {
namespace {

struct ResultFilters {
  std::optional<long long> ambition, partner;
  std::string wijk;
};

ResultFilters read_filters(const Ctx& ctx) {
  return {parse_id(ctx.query("ambitie")), parse_id(ctx.query("partner")), ctx.query("wijk")};
}

// The ambitions a partner works on: through contributions it makes (not stopped) and the
// activities it leads or shares.
std::set<long long> partner_ambitions(soci::session& sql, long long coalition_id,
                                      long long partner_id) {
  auto ambitions =
      domain::ambitions_of_partner(store::list_activities(sql, coalition_id), partner_id);
  for (const auto& c : store::list_contributions(sql, coalition_id))
    if (c.partner_id == partner_id && !domain::is_stopped(c)) ambitions.insert(c.ambition_id);
  return ambitions;
}

// An indicator as the page and the download show it.
struct ResultRow {
  const domain::Ambition* ambition;
  domain::Indicator indicator;
  IndicatorSeries series;
  domain::IndicatorChanges changes;
  std::optional<store::Story> story;  // the newest
};

// Every indicator the filters keep, ambition by ambition.
std::vector<ResultRow> result_rows(soci::session& sql, const domain::Coalition& coalition,
                                   const std::vector<domain::Ambition>& ambitions,
                                   const ResultFilters& filters) {
  std::optional<std::set<long long>> of_partner;
  if (filters.partner) of_partner = partner_ambitions(sql, coalition.id, *filters.partner);
  auto by_ambition = plan_indicators(sql, coalition.id, coalition.gemeente_code, ambitions);
  std::vector<ResultRow> rows;
  for (const auto& ambition : ambitions) {
    if (filters.ambition && ambition.id != *filters.ambition) continue;
    if (of_partner && !of_partner->contains(ambition.id)) continue;
    for (auto& [ind, series] : by_ambition[ambition.id]) {
      if (!filters.wijk.empty() && !domain::about_wijk(ind, ambition, filters.wijk)) continue;
      const auto stories = store::indicator_stories(sql, ind.id);
      auto changes =
          domain::changes_of(ind.polarity, series.measurements, series.path,
                             series.first_counting_year, domain::shown_decimals(ind.unit));
      rows.push_back({&ambition, std::move(ind), std::move(series), changes,
                      stories.empty() ? std::nullopt : std::optional(stories.front())});
    }
  }
  return rows;
}

// "−3,0 procentpunt (beter)": a change with its sign, in the indicator's unit.
nlohmann::json change_text(const Ctx& ctx, const std::optional<domain::ValueChange>& change,
                           const std::string& unit) {
  if (!change) return nullptr;
  if (change->direction == domain::Direction::gelijk)  // "gelijk", never "0,0 procentpunt"
    return {{"text", ""},
            {"direction", ctx.t("results.direction.gelijk")},
            {"class", "kompas-change--gelijk"}};
  const auto sign = change->delta > 0 ? "+" : change->delta < 0 ? "−" : "";
  const auto size = std::abs(change->delta);
  const auto amount =
      unit == "procent"
          ? ctx.tf("results.percent_points",
                   {{"value", domain::format_decimal(size, ctx.decimal_separator(), 1)}})
          : value_text(ctx, size, unit);
  return {{"text", sign + amount},
          {"direction", ctx.t("results.direction." + domain::word(change->direction))},
          {"class", "kompas-change--" + domain::word(change->direction)}};
}

void results(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto& coalition = ctx.me().coalition;
  const auto filters = read_filters(ctx);
  const auto ambitions = store::list_ambitions(sql, coalition.id);
  std::map<domain::ResultGroup, nlohmann::json> groups;
  std::map<domain::IndicatorStatus, int> counts;
  int shown = 0;
  for (const auto& r : result_rows(sql, coalition, ambitions, filters)) {
    nlohmann::json story = nullptr;
    if (r.story)
      story = {{"text", r.story->text},
               {"author", r.story->author},
               {"date", ctx.date(local_date(r.story->written_at))}};
    auto row = indicator_summary(ctx, r.indicator, r.series);
    row["ambition"] = r.ambition->title;
    row["ambition_href"] = "/doelen/" + std::to_string(r.ambition->id);
    row["since_last_year"] = change_text(ctx, r.changes.since_last_year, r.indicator.unit);
    row["since_baseline"] = change_text(ctx, r.changes.since_baseline, r.indicator.unit);
    row["story"] = story;
    auto& group = groups[domain::result_group(r.indicator)];
    if (group.is_null()) group = nlohmann::json::array();
    group.push_back(std::move(row));
    ++counts[r.series.status.status];
    ++shown;
  }
  nlohmann::json group_views = nlohmann::json::array();
  for (const auto& word : domain::all_words<domain::ResultGroup>()) {
    const auto group = domain::parse_word<domain::ResultGroup>(word);
    const auto found = groups.find(*group);
    group_views.push_back(
        {{"title", ctx.t("results.group." + word)},
         {"intro", ctx.t("results.group_intro." + word)},
         {"rows", found == groups.end() ? nlohmann::json::array() : found->second},
         {"any", found != groups.end()}});
  }
  std::vector<Bar> bars;
  nlohmann::json status_rows = nlohmann::json::array();
  for (const auto& word : domain::all_words<domain::IndicatorStatus>()) {
    const auto count = counts[*domain::parse_word<domain::IndicatorStatus>(word)];
    const double share = shown == 0 ? 0.0 : static_cast<double>(count) / shown;
    bars.push_back({.label = ctx.t("status." + word), .value = share});
    status_rows.push_back({{"label", ctx.t("status." + word)}, {"count", count}});
  }
  // The filters' choices.
  nlohmann::json ambition_options = nlohmann::json::array(), wijk_options = nlohmann::json::array(),
                 partner_options = nlohmann::json::array();
  for (const auto& a : ambitions)
    ambition_options.push_back({{"value", std::to_string(a.id)},
                                {"label", a.title},
                                {"selected", filters.ambition == a.id}});
  for (const auto& area : store::list_areas(sql, coalition.id))
    if (area.level == domain::AreaLevel::wijk)
      wijk_options.push_back(
          {{"value", area.code}, {"label", area.name}, {"selected", filters.wijk == area.code}});
  for (const auto& p : store::list_partners(sql, coalition.id))
    if (p.active)
      partner_options.push_back({{"value", std::to_string(p.id)},
                                 {"label", p.name},
                                 {"selected", filters.partner == p.id}});
  ctx.page("resultaten/results", ctx.t("results.title"),
           {{"groups", group_views},
            {"shown", shown},
            {"any", shown > 0},
            {"chart", bar_chart_svg(bars, std::nullopt, ctx.t("results.chart_title"),
                                    ctx.t("results.chart_desc"))},
            {"status_rows", status_rows},
            {"ambitions", ambition_options},
            {"wijken", wijk_options},
            {"partners", partner_options},
            {"filtered", filters.ambition || filters.partner || !filters.wijk.empty()},
            {"query", ctx.req.target.find('?') == std::string::npos
                          ? std::string()
                          : ctx.req.target.substr(ctx.req.target.find('?'))}});
}

// The page's indicators as one table, with the same filters.
void download(Ctx& ctx, const std::string& format) {
  store::Connection conn(ctx.app.db());
  const auto& coalition = ctx.me().coalition;
  const auto ambitions = store::list_ambitions(conn.sql(), coalition.id);
  DownloadTable table{
      "resultaten",
      {ctx.t("results.col_group"), ctx.t("report.ambition"), ctx.t("ind.name"),
       ctx.t("results.col_year"), ctx.t("report.value"), ctx.t("results.since_last_year"),
       ctx.t("results.since_baseline"), ctx.t("ind.status"), ctx.t("results.newest_story")},
      {}};
  const auto delta = [](const std::optional<domain::ValueChange>& c) {
    // One decimal, as the page shows it (no binary noise such as 2.1000000000000014).
    return c ? DownloadCell(std::round(c->delta * 10) / 10) : DownloadCell();
  };
  for (const auto& r : result_rows(conn.sql(), coalition, ambitions, read_filters(ctx))) {
    // The newest value, as the page shows it: also a baseline that has nothing to compare with.
    const auto* latest = r.series.measurements.empty() ? nullptr : &r.series.measurements.back();
    table.rows.push_back({ctx.t("results.group." + domain::word(domain::result_group(r.indicator))),
                          r.ambition->title, r.indicator.name,
                          latest ? DownloadCell(static_cast<double>(latest->year)) : DownloadCell(),
                          latest ? DownloadCell(latest->value) : DownloadCell(),
                          delta(r.changes.since_last_year), delta(r.changes.since_baseline),
                          ctx.t("status." + domain::word(r.series.status.status)),
                          r.story ? DownloadCell(r.story->text) : DownloadCell()});
  }
  send_download(ctx, table, format);
}

}  // namespace

void register_results_pages(App& app) {
  app.get("/resultaten", Access::signed_in, results, Caching::body);
  app.get(R"(/resultaten\.csv)", Access::signed_in, [](Ctx& ctx) { download(ctx, "csv"); });
  app.get(R"(/resultaten\.xlsx)", Access::signed_in, [](Ctx& ctx) { download(ctx, "xlsx"); });
}

}  // namespace kompas::web
