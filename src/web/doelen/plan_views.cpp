#include "web/doelen/plan_views.h"

#include <cmath>

#include "domain/year_values.h"
#include "store/indicators_store.h"
#include "web/ui/charts.h"

namespace kompas::web {

std::string value_text(const Ctx& ctx, double value, const std::string& unit) {
  const auto decimals = domain::shown_decimals(unit);
  if (unit == "procent")
    return domain::format_grouped(value, ctx.decimal_separator(), decimals) + "%";
  std::string text = domain::format_grouped(value, ctx.decimal_separator(), decimals);
  // Cents are written in full ("€ 12,50"); a whole amount has none ("€ 1.500").
  const auto separator = text.find(ctx.decimal_separator());
  if (unit == "euro" && separator != std::string::npos && text.size() - separator == 2) text += '0';
  if (unit == "euro") return "€ " + text;
  return unit == "uren" ? ctx.tf("unit.hours_value", {{"value", text}}) : text;
}

nlohmann::json status_view(const Ctx& ctx, const domain::Indicator& ind,
                           const IndicatorSeries& series) {
  const auto key = domain::word(series.status.status);
  nlohmann::json view = {
      {"key", key}, {"label", ctx.t("status." + key)}, {"class", "kompas-status--" + key}};
  std::map<std::string, std::string> params;
  if (series.status.latest) {
    const auto& m = *series.status.latest;
    params = {{"year", std::to_string(m.year)},
              {"value", value_text(ctx, m.value, ind.unit)},
              {"expected", value_text(ctx, series.status.expected, ind.unit)},
              {"target", value_text(ctx, series.path.back().value, ind.unit)},
              {"target_year", std::to_string(series.path.back().year)}};
    if (m.low && m.high)
      params["interval"] =
          value_text(ctx, *m.low, ind.unit) + " – " + value_text(ctx, *m.high, ind.unit);
  }
  std::string explanation_key = "status." + key + ".explanation";
  if (series.path.empty())
    explanation_key = "status.no_start.explanation";
  else if (series.path.size() < 2)
    explanation_key = "status.no_target.explanation";
  else if (!series.status.latest)
    params = {{"first_year", std::to_string(series.first_counting_year)}};
  if (params.count("interval") && key != "geen_gegevens")
    explanation_key = "status." + key + ".interval_explanation";
  // An interval across the path: say on which side the estimate itself lies.
  if (series.status.status == domain::IndicatorStatus::niet_te_onderscheiden &&
      params.count("interval"))
    explanation_key += params["value"] == params["expected"]    ? "_on_line"
                       : series.status.estimate_as_good_as_path ? "_better"
                                                                : "_worse";
  view["explanation"] = ctx.tf(explanation_key, params);
  return view;
}

nlohmann::json curve_view(const Ctx& ctx, const domain::Indicator& ind,
                          const IndicatorSeries& series) {
  TurnCurve curve;
  curve.unit_suffix = ind.unit == "procent" ? "%" : "";
  curve.ceiling = domain::value_range(ind.unit).max;
  curve.decimal_separator = ctx.decimal_separator();
  curve.history_label = ctx.t("curve.history");
  curve.path_label = ctx.t("curve.path");
  curve.forecast_label =
      ctx.t(series.forecast_by_hand ? "curve.forecast_by_hand" : "curve.forecast");
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& p : series.points) {
    rows.push_back(
        {{"year", p.year},
         {"value", p.value ? nlohmann::json(value_text(ctx, *p.value, ind.unit)) : nullptr},
         {"interval", p.low && p.high ? nlohmann::json(value_text(ctx, *p.low, ind.unit) + " – " +
                                                       value_text(ctx, *p.high, ind.unit))
                                      : nullptr},
         {"n", p.n > 0 ? nlohmann::json(ctx.number(p.n)) : nullptr},
         {"origin", ctx.t("origin." + p.origin)},
         {"source", p.source},
         {"comment", p.comment},
         {"suppressed", p.suppressed},
         {"entered", p.origin == "invoer"}});
  }
  for (const auto& m : series.measurements)
    curve.history.push_back({m.year, m.value, m.low, m.high});
  for (const auto& m : series.path) curve.path.push_back({m.year, m.value, {}, {}});
  for (const auto& m : series.forecast) curve.forecast.push_back({m.year, m.value, {}, {}});
  nlohmann::json path_rows = nlohmann::json::array();
  for (std::size_t i = 0; i < series.path.size(); ++i)
    path_rows.push_back({{"year", series.path[i].year},
                         {"value", value_text(ctx, series.path[i].value, ind.unit)},
                         {"what", ctx.t(i == 0 ? "curve.baseline" : "curve.target")}});
  if (series.path.empty())  // no start yet: the targets alone, never one of them as the start
    for (const auto& [year, value] : ind.targets)
      path_rows.push_back({{"year", year},
                           {"value", value_text(ctx, value, ind.unit)},
                           {"what", ctx.t("curve.target")}});
  nlohmann::json forecast_rows = nlohmann::json::array();
  for (const auto& m : series.forecast)
    forecast_rows.push_back({{"year", m.year}, {"value", value_text(ctx, m.value, ind.unit)}});
  const bool has_chart = !curve.history.empty() || curve.path.size() > 1;
  return {{"svg", has_chart
                      ? nlohmann::json(turn_curve_svg(curve, ind.name, ctx.t("curve.description")))
                      : nullptr},
          {"rows", rows},
          {"has_rows", !rows.empty()},
          {"path_rows", path_rows},
          {"forecast_rows", forecast_rows},
          {"has_forecast", !forecast_rows.empty()},
          {"forecast_label", curve.forecast_label},
          {"forecast_note",
           series.forecast_too_few_points
               ? nlohmann::json(ctx.tf("curve.forecast_too_few",
                                       {{"min", std::to_string(domain::min_trend_points)}}))
           : series.forecast_shortened ? nlohmann::json(ctx.t("curve.forecast_shortened"))
                                       : nlohmann::json()},
          {"baseline_from_first_value", series.baseline_from_first_value}};
}

nlohmann::json indicator_summary(const Ctx& ctx, const domain::Indicator& ind,
                                 const IndicatorSeries& series) {
  nlohmann::json latest = nullptr;
  for (auto p = series.points.rbegin(); p != series.points.rend(); ++p)
    if (p->value) {
      latest = std::to_string(p->year) + ": " + value_text(ctx, *p->value, ind.unit);
      break;
    }
  nlohmann::json target = nullptr;
  if (!ind.targets.empty())
    target = std::to_string(ind.targets.rbegin()->first) + ": " +
             value_text(ctx, ind.targets.rbegin()->second, ind.unit);
  return {
      {"id", ind.id},
      {"href", "/indicatoren/" + std::to_string(ind.id)},
      {"name", ind.name},
      {"kind", ctx.t("ind.kind." + ind.kind)},
      {"question", ind.question.empty() ? nlohmann::json()
                                        : nlohmann::json(ctx.t("ind.question." + ind.question))},
      {"latest", latest},
      {"target", target},
      {"status", status_view(ctx, ind, series)}};
}

std::map<long long, std::vector<PlanIndicator>> plan_indicators(
    soci::session& sql, long long coalition_id, const std::string& gemeente_code,
    const std::vector<domain::Ambition>& ambitions, std::optional<long long> only) {
  std::map<long long, int> end_years;
  for (const auto& a : ambitions) end_years[a.id] = a.end_year;
  const auto values = store::indicator_values(sql, coalition_id);
  SeriesBuilder builder(sql, coalition_id, gemeente_code);
  std::map<long long, std::vector<PlanIndicator>> by_ambition;
  for (auto& ind : store::list_indicators(sql, coalition_id, only)) {
    if (!end_years.contains(ind.ambition_id)) continue;  // not one of the ambitions asked for
    const auto entered = values.find(ind.id);
    auto series = builder.build(
        ind, entered == values.end() ? std::vector<domain::EnteredValue>{} : entered->second,
        plan_end_year(ind, end_years[ind.ambition_id]));
    by_ambition[ind.ambition_id].push_back({std::move(ind), std::move(series)});
  }
  return by_ambition;
}

IndicatorSeries indicator_series(soci::session& sql, const domain::Coalition& coalition,
                                 const domain::Indicator& ind, int ambition_end_year) {
  const auto values = store::indicator_values(sql, coalition.id, ind.id)[ind.id];
  SeriesBuilder builder(sql, coalition.id, coalition.gemeente_code);
  return builder.build(ind, values, plan_end_year(ind, ambition_end_year));
}

nlohmann::json status_counts(const Ctx& ctx, const std::vector<PlanIndicator>& indicators) {
  std::map<std::string, int> counts;
  for (const auto& p : indicators) ++counts[domain::word(p.series.status.status)];
  nlohmann::json list = nlohmann::json::array();
  for (const auto& key : domain::all_words<domain::IndicatorStatus>()) {
    const auto found = counts.find(key);
    if (found == counts.end()) continue;
    list.push_back({{"key", key},
                    {"label", ctx.t("status." + key)},
                    {"class", "kompas-status--" + key},
                    {"count", found->second}});
  }
  return list;
}

int plan_end_year(const domain::Indicator& ind, int ambition_end_year) {
  return ind.targets.empty() ? ambition_end_year
                             : std::max(ambition_end_year, ind.targets.rbegin()->first);
}

void MeansTotal::add(const domain::Contribution& c) {
  hours += c.hours.value_or(0);
  euros += c.euros.value_or(0);
  if (!c.in_kind.empty()) ++in_kind;
}

MeansTotals add_up(const std::vector<domain::Contribution>& contributions) {
  MeansTotals totals;
  for (const auto& c : contributions) {
    if (domain::is_stopped(c)) continue;
    totals.by_partner[c.partner_id].add(c);
    totals.by_ambition[c.ambition_id].add(c);
    totals.all.add(c);
  }
  return totals;
}

std::string MeansTotal::text(const Ctx& ctx) const {
  std::string out;
  if (hours > 0) out = value_text(ctx, hours, "uren");
  if (euros > 0) out += (out.empty() ? "" : ", ") + value_text(ctx, euros, "euro");
  if (in_kind > 0)
    out += (out.empty() ? "" : ", ") +
           ctx.tf("contributions.in_kind_count", {{"count", ctx.number(in_kind)}});
  return out.empty() ? "–" : out;
}

}  // namespace kompas::web
