// Verkennen, trend: one area's figure over all surveys, next to published figures, with a
// warning where surveys are not comparable (another questionnaire or other ages).
#include <cmath>

#include "domain/survey_analysis.h"
#include "store/areas_store.h"
#include "store/published_figures_store.h"
#include "store/surveys_store.h"
#include "web/ui/charts.h"
#include "web/ui/downloads.h"
#include "web/ui/percent.h"
#include "web/verkennen/pages.h"
#include "web/verkennen/survey_tables.h"

namespace kompas::web {
namespace {

std::string ages_text(const store::Survey& s) {
  if (s.age_from && s.age_to) return std::to_string(*s.age_from) + "–" + std::to_string(*s.age_to);
  if (s.age_from) return std::to_string(*s.age_from) + "+";
  return "";
}

// How two surveys on one trend line differ in ways that can move the figures by themselves:
// the questionnaire, the ages asked (when both are known; a survey that did not say gets a
// note), who ran it (a GGD monitor or the coalition's own survey) and whether it is weighted.
std::string survey_differences(const Ctx& ctx, const store::Survey& before,
                               const store::Survey& after) {
  std::vector<std::string> out;
  if (after.instrument != before.instrument)
    out.push_back(ctx.tf(
        "trend.diff.instrument",
        {{"instrument", ctx.t("scale." + std::string(domain::scale_name(after.instrument)))}}));
  const auto ages_before = ages_text(before), ages_after = ages_text(after);
  if (!ages_before.empty() && !ages_after.empty() && ages_before != ages_after)
    out.push_back(ctx.tf("trend.diff.ages", {{"ages", ages_after}, {"before", ages_before}}));
  else if (ages_before.empty() != ages_after.empty())
    out.push_back(ctx.tf("trend.diff.ages_unknown",
                         {{"name", ages_before.empty() ? before.name : after.name}}));
  if (after.source != before.source)
    out.push_back(
        ctx.tf("trend.diff.source", {{"source", ctx.t("survey.source." + after.source)},
                                     {"before", ctx.t("survey.source." + before.source)}}));
  if (after.weighted != before.weighted)
    out.push_back(ctx.t(after.weighted ? "trend.diff.now_weighted" : "trend.diff.now_unweighted"));
  std::string text;
  for (const auto& part : out) text += (text.empty() ? "" : "; ") + part;
  return text;
}

// What the visitor chose: an area (the gemeente, or one of its wijken and buurten) and an
// indicator, with both lists to choose from.
struct TrendChoice {
  std::string area, indicator;
  bool is_gemeente = true;
  nlohmann::json area_options = nlohmann::json::array();
  nlohmann::json indicator_options = nlohmann::json::array();
};

TrendChoice read_choice(Ctx& ctx, const std::vector<domain::AreaRecord>& areas,
                        const std::map<std::string, std::string>& names) {
  const auto& gemeente = ctx.me().coalition.gemeente_code;
  TrendChoice choice;
  choice.area = ctx.query("gebied");
  if (choice.area != gemeente && !names.contains(choice.area)) choice.area = gemeente;
  choice.is_gemeente = choice.area == gemeente;
  choice.area_options.push_back({{"value", gemeente},
                                 {"label", ctx.t("survey.whole_gemeente")},
                                 {"selected", choice.is_gemeente}});
  for (const auto& a : areas) {
    if (a.level == domain::AreaLevel::gemeente) continue;
    choice.area_options.push_back(
        {{"value", a.code},
         {"label", ctx.t("area.level." + domain::area_level_name(a.level)) + " " + a.name},
         {"selected", a.code == choice.area}});
  }
  const std::vector<std::string> indicators = {"eenzaam", "ernstig_eenzaam", "sterk_eenzaam",
                                               "emotioneel_eenzaam", "sociaal_eenzaam"};
  choice.indicator = ctx.query("indicator");
  if (std::find(indicators.begin(), indicators.end(), choice.indicator) == indicators.end())
    choice.indicator = "eenzaam";
  for (const auto& name : indicators)
    choice.indicator_options.push_back({{"value", name},
                                        {"label", ctx.t("indicator." + name)},
                                        {"selected", name == choice.indicator}});
  return choice;
}

// The page's rows, the chart's series and the download, filled by the own surveys and then the
// published figures.
struct TrendFigures {
  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json published_rows = nlohmann::json::array();
  nlohmann::json warnings = nlohmann::json::array();
  std::vector<TrendSeries> series;
  DownloadTable download;
};

DownloadCell number_or_empty(bool hidden, double value) {
  if (hidden || std::isnan(value)) return std::monostate{};
  return value * 100;
}

// The coalition's own surveys, oldest first, with each one's differences from the one before.
void add_own_surveys(Ctx& ctx, soci::session& sql, const TrendChoice& choice,
                     const std::map<std::string, std::string>& names, TrendFigures& out) {
  auto surveys = store::list_surveys(sql, ctx.coalition_id());
  std::reverse(surveys.begin(), surveys.end());  // oldest first
  const auto min_n = static_cast<std::size_t>(store::min_cell_size(sql, ctx.coalition_id()));
  const std::string breakdown =
      choice.is_gemeente ? "totaal" : (choice.area.starts_with("WK") ? "wijk" : "buurt");
  TrendSeries own{ctx.t("trend.own_series"), {}};
  const store::Survey* previous = nullptr;
  for (const auto& s : surveys) {
    const auto names_of_scale = domain::indicator_names(s.instrument);
    if (std::find(names_of_scale.begin(), names_of_scale.end(), choice.indicator) ==
        names_of_scale.end())
      continue;
    const auto instrument = ctx.t("scale." + std::string(domain::scale_name(s.instrument)));
    for (const auto& table :
         survey_tables(store::survey_estimates(sql, s.id), s, choice.indicator, names, min_n)) {
      if (table.breakdown != breakdown) continue;
      for (const auto& row : table.rows) {
        if (!choice.is_gemeente && row.key != choice.area) continue;
        const auto& e = row.estimate;
        const bool hidden = row.suppressed || std::isnan(e.estimate);
        nlohmann::json r = {{"year", s.year},
                            {"name", s.name},
                            {"href", "/verkennen/metingen/" + std::to_string(s.id)},
                            {"instrument", instrument},
                            {"ages", ages_text(s)},
                            {"n", ctx.number(static_cast<long long>(e.n))},
                            {"suppressed", hidden}};
        if (!hidden) {
          r["percent"] = percent(ctx, e.estimate);
          if (!std::isnan(e.ci_low)) {
            r["interval"] = percent_range(ctx, e.ci_low, e.ci_high);
            own.points.push_back({s.year, e.estimate, e.ci_low, e.ci_high});
          }
        }
        out.rows.push_back(std::move(r));
        out.download.rows.push_back(
            {ctx.t("trend.own_series"), static_cast<double>(s.year), s.name, instrument,
             ages_text(s), static_cast<double>(e.n), number_or_empty(hidden, e.estimate),
             number_or_empty(hidden, e.ci_low), number_or_empty(hidden, e.ci_high),
             ctx.t(hidden ? "survey.csv.yes" : "survey.csv.no")});
      }
    }
    // Each survey against the one before it on the line: what differs, said plainly.
    if (previous) {
      const auto differences = survey_differences(ctx, *previous, s);
      if (!differences.empty())
        out.warnings.push_back(
            ctx.tf("trend.not_comparable",
                   {{"name", s.name}, {"previous", previous->name}, {"differences", differences}}));
    }
    previous = &s;
  }
  if (!own.points.empty()) out.series.push_back(own);
}

// Published figures (RIVM model estimates, the GGD's tables) for the same area and indicator.
void add_published_figures(Ctx& ctx, soci::session& sql, const TrendChoice& choice,
                           TrendFigures& out) {
  TrendSeries published{ctx.t("trend.published_series"), {}};
  for (const auto& f : store::list_published_figures(sql, ctx.coalition_id())) {
    if (f.area_code != choice.area || f.indicator != choice.indicator) continue;
    published.points.push_back(
        {f.year, f.value, f.low.value_or(f.value), f.high.value_or(f.value)});
    out.published_rows.push_back(
        {{"year", f.year},
         {"percent", percent(ctx, f.value)},
         {"interval", f.low && f.high ? percent_range(ctx, *f.low, *f.high) : ""},
         {"source", f.source},
         {"model", f.model_based}});
    out.download.rows.push_back(
        {ctx.t("trend.published_series"), static_cast<double>(f.year),
         (f.model_based ? ctx.t("survey.model_estimate") + ", " : std::string()) + f.source,
         std::monostate{}, std::monostate{}, std::monostate{}, f.value * 100,
         f.low ? DownloadCell(*f.low * 100) : DownloadCell(std::monostate{}),
         f.high ? DownloadCell(*f.high * 100) : DownloadCell(std::monostate{}),
         ctx.t("survey.csv.no")});
  }
  if (!published.points.empty()) out.series.push_back(published);
}

void trend(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto areas = store::list_areas(conn.sql(), ctx.coalition_id());
  std::map<std::string, std::string> names;
  for (const auto& a : areas) names[a.code] = a.name;
  const auto choice = read_choice(ctx, areas, names);

  TrendFigures figures;
  figures.download.name = "trend-" + choice.area + "-" + choice.indicator;
  for (const char* key : {"trend.csv.kind", "survey.year", "survey.name", "survey.instrument",
                          "survey.ages", "survey.csv.n", "survey.csv.percent", "survey.csv.low",
                          "survey.csv.high", "survey.csv.suppressed"})
    figures.download.header.push_back(ctx.t(key));
  add_own_surveys(ctx, conn.sql(), choice, names, figures);
  add_published_figures(ctx, conn.sql(), choice, figures);
  if (ctx.req.matches.size() > 1) return send_download(ctx, figures.download, ctx.path_param(1));

  const std::string area_label =
      choice.is_gemeente ? ctx.t("survey.whole_gemeente") : names[choice.area];
  const std::string title = ctx.t("indicator." + choice.indicator) + ", " + area_label;
  ctx.page("verkennen/survey_trend", ctx.t("trend.title"),
           {{"areas", choice.area_options},
            {"indicators", choice.indicator_options},
            {"heading", title},
            {"chart", figures.series.empty() ? ""
                                             : trend_chart_svg(figures.series, title,
                                                               ctx.t("trend.chart_description"))},
            {"rows", figures.rows},
            {"has_rows", !figures.rows.empty()},
            {"published", figures.published_rows},
            {"has_published", !figures.published_rows.empty()},
            {"warnings", figures.warnings},
            {"has_warnings", !figures.warnings.empty()},
            {"query", "?gebied=" + choice.area + "&indicator=" + choice.indicator}});
}

}  // namespace

void register_trend_pages(App& app) {
  app.get("/verkennen/trend", Access::signed_in, trend, Caching::body);
  app.get(R"(/verkennen/trend\.(csv|xlsx))", Access::signed_in, trend);
}

}  // namespace kompas::web
