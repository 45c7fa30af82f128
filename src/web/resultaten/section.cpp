// Resultaten: step 5 of the Kwaliteitskompas, tellen en vertellen (issue 12).
#include "web/core/section.h"

#include "store/ambitions_store.h"
#include "web/doelen/plan_views.h"
#include "web/resultaten/pages.h"
#include "web/sections.h"

namespace kompas::web {
namespace {

// How many indicators are on course or met, and how many lag behind.
StepSummary results_step(Ctx& ctx, soci::session& sql) {
  const auto& coalition = ctx.me().coalition;
  std::map<domain::IndicatorStatus, int> counts;
  int total = 0;
  for (const auto& [ambition, indicators] : plan_indicators(
           sql, coalition.id, coalition.gemeente_code, store::list_ambitions(sql, coalition.id)))
    for (const auto& p : indicators) {
      ++counts[p.series.status.status];
      ++total;
    }
  using domain::IndicatorStatus;
  StepSummary step;
  step.status =
      ctx.tf("results.step", {{"total", std::to_string(total)},
                              {"good", std::to_string(counts[IndicatorStatus::gehaald] +
                                                      counts[IndicatorStatus::op_koers])},
                              {"behind", std::to_string(counts[IndicatorStatus::achter])}});
  if (counts[IndicatorStatus::geen_gegevens] > 0)
    step.missing.push_back(
        ctx.tf("results.step_no_data",
               {{"count", std::to_string(counts[IndicatorStatus::geen_gegevens])}}));
  step.done = total > 0 && counts[IndicatorStatus::geen_gegevens] == 0;
  return step;
}

}  // namespace

Section resultaten_section() {
  return {
      .path = "/resultaten",
      .nav_key = "nav.results",
      .step_title_key = "cycle.results.title",
      .step_href = "/resultaten",
      .step = results_step,
      .register_routes = register_results_pages,
  };
}

}  // namespace kompas::web
