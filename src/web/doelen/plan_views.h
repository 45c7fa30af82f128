#pragma once
// Pieces of the plan that several pages show the same way: values in their unit, the status of
// an indicator with its plain explanation, and the turn-the-curve chart with its table.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/ambitions.h"
#include "domain/contributions.h"
#include "domain/indicators.h"
#include "web/core/app.h"
#include "web/doelen/indicator_series.h"

namespace kompas::web {

// 13,5% / € 1.200 / 120 / 40 uur, in the page's language.
std::string value_text(const Ctx& ctx, double value, const std::string& unit);

// {key, label, class, explanation} of an indicator's status.
nlohmann::json status_view(const Ctx& ctx, const domain::Indicator& indicator,
                           const IndicatorSeries& series);

// Chart (SVG) and table rows of one indicator, for its page, the plan and the dashboard.
nlohmann::json curve_view(const Ctx& ctx, const domain::Indicator& indicator,
                          const IndicatorSeries& series);

// Latest shown value and final target as text, for overviews.
nlohmann::json indicator_summary(const Ctx& ctx, const domain::Indicator& indicator,
                                 const IndicatorSeries& series);

// The indicators of `ambitions` (or of one of them) with their values, status and forecast,
// by ambition id, in the store's order; indicators of other ambitions are not computed.
struct PlanIndicator {
  domain::Indicator indicator;
  IndicatorSeries series;
};
std::map<long long, std::vector<PlanIndicator>> plan_indicators(
    soci::session& sql, long long coalition_id, const std::string& gemeente_code,
    const std::vector<domain::Ambition>& ambitions, std::optional<long long> only = {});

// One indicator's values, status and forecast, for its own page and the API; the forecast runs
// to the end of its ambition (or its last target).
IndicatorSeries indicator_series(soci::session& sql, const domain::Coalition& coalition,
                                 const domain::Indicator& indicator, int ambition_end_year);

// How many indicators have each status, as {key, label, class, count} for the ones present.
nlohmann::json status_counts(const Ctx& ctx, const std::vector<PlanIndicator>& indicators);

// The last year of an indicator's plan: its ambition's end, or its last target.
int plan_end_year(const domain::Indicator& indicator, int ambition_end_year);

// What contributions add up to: hours, euros and how many give something in kind; as text
// "120 uur, € 1.500, 2 in natura" (or "–").
struct MeansTotal {
  double hours = 0, euros = 0;
  int in_kind = 0;
  void add(const domain::Contribution& c);
  std::string text(const Ctx& ctx) const;
};

// The contributions that still count (not gestopt) added up per partner, per ambition and in all.
struct MeansTotals {
  std::map<long long, MeansTotal> by_partner, by_ambition;
  MeansTotal all;
};
MeansTotals add_up(const std::vector<domain::Contribution>& contributions);

}  // namespace kompas::web
