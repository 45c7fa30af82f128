// Verkennen: the coalition's surveys and what they say per wijk, buurt, age band and sex.
#include <cmath>
#include <cstdio>

#include "domain/geojson.h"
#include "domain/reference_figures.h"
#include "domain/survey_analysis.h"
#include "store/areas_store.h"
#include "store/boundaries_store.h"
#include "store/published_figures_store.h"
#include "store/surveys_store.h"
#include "web/ui/charts.h"
#include "web/ui/downloads.h"
#include "web/ui/page_title.h"
#include "web/ui/percent.h"
#include "web/verkennen/pages.h"
#include "web/verkennen/survey_tables.h"

namespace kompas::web {
namespace {

// Why a figure is not shown, in the row's own words (see SurveyTableRow::hidden_reason).
std::string hidden_text(const Ctx& ctx, const SurveyTableRow& row) {
  return ctx.t(row.hidden_reason.empty() ? "survey.suppressed_short"
                                         : "survey.hidden." + row.hidden_reason);
}

std::string interval_text(const Ctx& ctx, const domain::DomainEstimate& e) {
  if (std::isnan(e.ci_low)) return "";
  return percent_range(ctx, e.ci_low, e.ci_high);
}

std::map<std::string, std::string> area_names(soci::session& sql, long long coalition_id) {
  std::map<std::string, std::string> names;
  for (const auto& a : store::list_areas(sql, coalition_id)) names[a.code] = a.name;
  return names;
}

store::Survey survey_or_404(Ctx& ctx, soci::session& sql) {
  const auto survey = store::find_survey(sql, ctx.coalition_id(), id_param(ctx));
  if (!survey) not_found();
  return *survey;
}

// The indicator asked for in ?indicator=, or the first of the survey's scale.
std::string chosen_indicator(const Ctx& ctx, const store::Survey& survey) {
  const auto names = domain::indicator_names(survey.instrument);
  const auto asked = ctx.query("indicator");
  return std::find(names.begin(), names.end(), asked) != names.end() ? asked : names.front();
}

nlohmann::json survey_summary(const Ctx& ctx, const store::Survey& s) {
  std::string ages;
  if (s.age_from && s.age_to) {
    ages = std::to_string(*s.age_from) + "–" + std::to_string(*s.age_to);
  } else if (s.age_from) {
    ages = std::to_string(*s.age_from) + "+";
  }
  return {{"id", s.id},
          {"name", s.name},
          {"year", s.year},
          {"href", "/verkennen/metingen/" + std::to_string(s.id)},
          {"instrument", ctx.t("scale." + std::string(domain::scale_name(s.instrument)))},
          {"source", ctx.t("survey.source." + s.source)},
          {"respondents", ctx.number(s.respondents)},
          {"ages", ages},
          {"design", ctx.t(s.weighted ? (s.stratified ? "survey.design.weighted_strata"
                                                      : "survey.design.weighted")
                                      : "survey.design.none")}};
}

void explore(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto areas = store::summarise_areas(conn.sql(), ctx.coalition_id());
  nlohmann::json surveys = nlohmann::json::array();
  for (const auto& s : store::list_surveys(conn.sql(), ctx.coalition_id()))
    surveys.push_back(survey_summary(ctx, s));
  ctx.page(
      "verkennen/explore", ctx.t("nav.explore"),
      {{"has_areas", areas.total > 0},
       {"areas_present", ctx.tf("explore.areas_present", {{"count", ctx.number(areas.total)}})},
       {"surveys", surveys},
       {"has_surveys", !surveys.empty()},
       {"is_beheerder", ctx.me().is_beheerder()}});
}

// Published figures for an area and indicator: the latest of the survey's year or before, or
// else the earliest after it.
using PublishedIndex = std::map<std::string, std::vector<domain::PublishedFigure>>;

PublishedIndex index_published(const std::vector<domain::PublishedFigure>& figures,
                               const std::string& indicator) {
  PublishedIndex index;
  for (const auto& f : figures)
    if (f.indicator == indicator) index[f.area_code].push_back(f);
  return index;
}

const domain::PublishedFigure* published_for(const PublishedIndex& index, const std::string& area,
                                             int year) {
  const auto it = index.find(area);
  if (it == index.end()) return nullptr;
  const domain::PublishedFigure* best = nullptr;
  for (const auto& f : it->second) {
    const bool before = f.year <= year;
    if (!best || (before && (best->year > year || f.year > best->year)) ||
        (!before && best->year > year && f.year < best->year))
      best = &f;
  }
  return best;
}

nlohmann::json published_json(const Ctx& ctx, const domain::PublishedFigure* f) {
  if (!f) return nullptr;
  nlohmann::json out = {{"percent", percent(ctx, f->value)},
                        {"year", f->year},
                        {"source", f->source},
                        {"model", f->model_based}};
  if (f->low && f->high) out["interval"] = percent_range(ctx, *f->low, *f->high);
  return out;
}

nlohmann::json table_rows(const Ctx& ctx, const SurveyTable& table, const PublishedIndex& published,
                          int year) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : table.rows) {
    const auto& e = row.estimate;
    nlohmann::json r = {{"label", row.label.empty() ? ctx.t("survey.whole_gemeente") : row.label},
                        {"age_band", row.age_band},
                        {"n", ctx.number(static_cast<long long>(e.n))},
                        {"suppressed", row.suppressed || std::isnan(e.estimate)},
                        {"suppressed_text", hidden_text(ctx, row)}};
    if (!r["suppressed"].get<bool>()) {
      r["percent"] = percent(ctx, e.estimate);
      r["interval"] = interval_text(ctx, e);
    }
    const std::string area =
        table.breakdown == "totaal" ? ctx.me().coalition.gemeente_code : row.key;
    if (table.breakdown == "totaal" || table.breakdown == "wijk" || table.breakdown == "buurt")
      r["published"] = published_json(ctx, published_for(published, area, year));
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string table_chart(const Ctx& ctx, const SurveyTable& table, const store::Survey& survey,
                        const std::string& indicator, const std::string& heading) {
  std::vector<Bar> bars;
  for (const auto& row : table.rows) {
    Bar bar;
    bar.label = row.label;
    if (row.suppressed || std::isnan(row.estimate.estimate)) {
      // Short, so it fits the drawing with a reader's text spacing; the table beside it says why.
      bar.note = ctx.t("survey.hidden_in_chart");
    } else {
      bar.value = row.estimate.estimate;
      if (!std::isnan(row.estimate.ci_low)) {
        bar.low = row.estimate.ci_low;
        bar.high = row.estimate.ci_high;
      }
    }
    bars.push_back(std::move(bar));
  }
  std::optional<ReferenceLine> line;
  if (const auto ref = domain::national_reference(domain::scale_name(survey.instrument), indicator))
    line = ReferenceLine{ref->value,
                         ctx.tf("survey.national_line", {{"year", std::to_string(ref->year)}})};
  return bar_chart_svg(bars, line, heading, ctx.t("survey.chart_description"));
}

// A choropleth of the table's areas that have a boundary: five classes of equal width between
// the lowest and highest figure shown; suppressed areas get no colour.
std::string table_map(const Ctx& ctx, const SurveyTable& table,
                      const std::map<std::string, std::string>& boundaries,
                      const std::string& heading) {
  std::vector<domain::Shape> shapes;
  std::vector<const SurveyTableRow*> rows;
  double low = 1, high = 0;
  for (const auto& row : table.rows) {
    const auto boundary = boundaries.find(row.key);
    if (boundary == boundaries.end()) continue;
    auto shape = domain::read_geometry(boundary->second);
    if (shape.empty()) continue;
    shapes.push_back(std::move(shape));
    rows.push_back(&row);
    if (!row.suppressed && !std::isnan(row.estimate.estimate)) {
      low = std::min(low, row.estimate.estimate);
      high = std::max(high, row.estimate.estimate);
    }
  }
  if (shapes.empty()) return "";
  // Every area the same figure (or one area): one class, named by that figure. Otherwise five
  // classes on whole percents, never below 0 % or above 100 %.
  const bool one_value = low >= high;
  const int classes = one_value ? 1 : 5;
  if (!one_value) {
    low = std::floor(low * 100) / 100;
    high = std::ceil(high * 100) / 100;
    if (high - low < 0.05) {
      high = std::min(1.0, low + 0.05);
      low = std::max(0.0, high - 0.05);
    }
  }
  const double step = one_value ? 1 : (high - low) / classes;
  double height = 0;
  const auto paths = domain::svg_paths(shapes, 400, height);
  const auto points = domain::svg_label_points(shapes, 400);
  std::vector<MapShape> map;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const auto& e = rows[i]->estimate;
    const bool shown = !rows[i]->suppressed && !std::isnan(e.estimate);
    const int cls = shown ? std::min(classes - 1, static_cast<int>((e.estimate - low) / step)) : -1;
    map.push_back(
        {paths[i], cls,
         rows[i]->label + ": " + (shown ? percent(ctx, e.estimate) : hidden_text(ctx, *rows[i])),
         points[i].first, points[i].second});
  }
  std::vector<std::string> legend;
  if (one_value && low <= high) legend.push_back(percent(ctx, low));
  for (int c = 0; c < classes && !one_value; ++c)
    legend.push_back(percent(ctx, low + c * step) + " – " + percent(ctx, low + (c + 1) * step));
  return choropleth_svg(map, 400, height, legend, ctx.t("survey.map_no_figure"),
                        ctx.t("survey.map") + ": " + heading, ctx.t("survey.map_description"));
}

void show(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto survey = survey_or_404(ctx, conn.sql());
  const auto indicator = chosen_indicator(ctx, survey);
  const auto base = "/verkennen/metingen/" + std::to_string(survey.id);
  nlohmann::json indicators = nlohmann::json::array();
  for (const auto& name : domain::indicator_names(survey.instrument))
    indicators.push_back({{"label", ctx.t("indicator." + name)},
                          {"href", base + "?indicator=" + name},
                          {"current", name == indicator}});
  const auto tables =
      survey_tables(store::survey_estimates(conn.sql(), survey.id), survey, indicator,
                    area_names(conn.sql(), ctx.coalition_id()),
                    static_cast<std::size_t>(store::min_cell_size(conn.sql(), ctx.coalition_id())));
  const auto published =
      index_published(store::list_published_figures(conn.sql(), ctx.coalition_id()), indicator);
  const auto boundaries = store::list_boundaries(conn.sql(), ctx.coalition_id());
  nlohmann::json sections = nlohmann::json::array();
  nlohmann::json total;
  for (const auto& table : tables) {
    const auto rows = table_rows(ctx, table, published, survey.year);
    bool has_published = false;
    for (const auto& row : rows) has_published = has_published || !row["published"].is_null();
    if (table.breakdown == "totaal") {
      total = rows.at(0);
      continue;
    }
    const auto heading = ctx.t("survey.breakdown." + table.breakdown);
    const auto download = base + "/" + table.breakdown;
    sections.push_back({{"id", table.breakdown},
                        {"heading", heading},
                        {"chart", table.breakdown == "wijk_leeftijd"
                                      ? ""
                                      : table_chart(ctx, table, survey, indicator, heading)},
                        {"rows", rows},
                        {"two_columns", table.breakdown == "wijk_leeftijd"},
                        {"has_published", has_published},
                        {"map", table.breakdown == "wijk" || table.breakdown == "buurt"
                                    ? table_map(ctx, table, boundaries, heading)
                                    : ""},
                        {"download", download}});
  }
  nlohmann::json reference;
  if (const auto ref = domain::national_reference(domain::scale_name(survey.instrument), indicator))
    reference = ctx.tf("survey.national_text", {{"value", percent(ctx, ref->value)},
                                                {"year", std::to_string(ref->year)},
                                                {"source", std::string(ref->source)}});
  ctx.page("verkennen/survey_show", survey.name,
           {{"survey", survey_summary(ctx, survey)},
            {"indicators", indicators},
            {"indicator_label", ctx.t("indicator." + indicator)},
            {"indicator_explanation", ctx.t("indicator." + indicator + ".explanation")},
            {"total", total},
            {"reference", reference},
            {"sections", sections},
            {"min_n", store::min_cell_size(conn.sql(), ctx.coalition_id())},
            {"is_beheerder", ctx.me().is_beheerder()},
            {"csrf", ctx.me().csrf_token}});
}

// A table for download, all indicators of one breakdown; suppressed figures stay empty,
// exactly as on the page. Percentages as numbers (48.6), so Excel can compute with them.
void download(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto survey = survey_or_404(ctx, conn.sql());
  const std::string breakdown = ctx.path_param(2);
  const auto names = area_names(conn.sql(), ctx.coalition_id());
  const auto min_n = static_cast<std::size_t>(store::min_cell_size(conn.sql(), ctx.coalition_id()));
  const auto estimates = store::survey_estimates(conn.sql(), survey.id);
  DownloadTable out{"meting-" + std::to_string(survey.id) + "-" + breakdown, {}, {}};
  for (const char* key :
       {"survey.csv.group", "survey.csv.age_band", "survey.csv.indicator", "survey.csv.n",
        "survey.csv.percent", "survey.csv.low", "survey.csv.high", "survey.csv.suppressed"})
    out.header.push_back(ctx.t(key));
  auto figure = [](bool hidden, double v) -> DownloadCell {
    if (hidden || std::isnan(v)) return std::monostate{};
    return v * 100;
  };
  for (const auto& indicator : domain::indicator_names(survey.instrument)) {
    for (const auto& table : survey_tables(estimates, survey, indicator, names, min_n)) {
      if (table.breakdown != breakdown) continue;
      for (const auto& row : table.rows) {
        const auto& e = row.estimate;
        const bool hidden = row.suppressed || std::isnan(e.estimate);
        out.rows.push_back({row.label.empty() ? ctx.t("survey.whole_gemeente") : row.label,
                            row.age_band, ctx.t("indicator." + indicator), static_cast<double>(e.n),
                            figure(hidden, e.estimate), figure(hidden, e.ci_low),
                            figure(hidden, e.ci_high),
                            ctx.t(hidden ? "survey.csv.yes" : "survey.csv.no")});
      }
    }
  }
  if (out.rows.empty()) not_found();
  send_download(ctx, out, ctx.path_param(3));
}

void confirm_delete(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto survey = survey_or_404(ctx, conn.sql());
  const auto href = "/verkennen/metingen/" + std::to_string(survey.id);
  show_delete_confirmation(
      ctx, {title_naming(ctx.t("survey.delete_title"),
                         survey.name + " (" + std::to_string(survey.year) + ")"),
            ctx.tf("survey.delete_question",
                   {{"name", survey.name}, {"respondents", ctx.number(survey.respondents)}}),
            {ctx.t("survey.delete_consequence")},
            href + "/verwijderen",
            href,
            ctx.t("survey.delete_submit")});
}

void remove(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto survey = survey_or_404(ctx, change.sql());
  require_delete_confirmation(ctx);
  store::delete_survey(change, survey);
  change.commit();
  ctx.redirect_with_notice("/verkennen", "survey_deleted");
}

}  // namespace

void register_survey_pages(App& app) {
  app.get("/verkennen", Access::signed_in, explore, Caching::body);
  app.get(R"(/verkennen/metingen/(\d+))", Access::signed_in, show, Caching::body);
  app.get(R"(/verkennen/metingen/(\d+)/(wijk|buurt|leeftijd|wijk_leeftijd|geslacht)\.(csv|xlsx))",
          Access::signed_in, download);
  app.get(R"(/verkennen/metingen/(\d+)/verwijderen)", Access::beheerder, confirm_delete);
  app.post(R"(/verkennen/metingen/(\d+)/verwijderen)", Access::beheerder, remove);
}

}  // namespace kompas::web
