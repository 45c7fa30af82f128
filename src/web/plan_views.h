#pragma once
// Pieces of the plan that several pages show the same way: values in their unit, the status of
// an indicator with its plain explanation, and the turn-the-curve chart with its table.
#include <nlohmann/json.hpp>
#include <string>

#include "domain/indicators.h"
#include "web/app.h"
#include "web/indicator_series.h"

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

// The last year of an indicator's plan: its ambition's end, or its last target.
int plan_end_year(const domain::Indicator& indicator, int ambition_end_year);

}  // namespace kompas::web
