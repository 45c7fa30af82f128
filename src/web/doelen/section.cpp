// Doelen: the coalition's ambitions with their indicators, and the plan document.
#include "web/core/section.h"

#include <set>

#include "store/ambitions_store.h"
#include "store/indicators_store.h"
#include "web/doelen/pages.h"
#include "web/sections.h"

namespace kompas::web {

Section doelen_section() {
  return {
      .path = "/doelen",
      .nav_key = "nav.goals",
      .also = {"/indicatoren", "/plan"},
      .audited = {{"ambitie",
                   {"title", "statement", "target_group", "areas", "start_year", "end_year",
                    "findings", "owner_person_id", "status", "versions", "activities", "actions"},
                   {{"status", "ambition.status."}, {"target_group", "target_group."}},
                   {{"areas", "area"},
                    {"owner_person_id", "person"},
                    {"activities", "activity"},
                    {"actions", "action"}}},
                  {"indicator",
                   {"name", "ambition_id", "kind", "question", "unit", "polarity",
                    "survey_indicator", "signal_measure", "area_code", "age_band", "baseline_value",
                    "baseline_date", "baseline_source", "targets", "forecast", "values", "stories"},
                   {{"kind", "ind.kind."},
                    {"question", "ind.question."},
                    {"unit", "ind.unit."},
                    {"polarity", "ind.polarity."},
                    {"survey_indicator", "indicator."},
                    {"signal_measure", "ind.signal_measure."}},
                   {{"ambition_id", "ambition"}, {"area_code", "area"}}},
                  {"indicatorwaarde", {"year", "value", "comment", "source"}},
                  {"verhaal", {"text"}}},
      .step_title_key = "cycle.goals.title",
      .step_href = "/doelen",
      .step =
          [](Ctx& ctx, soci::session& sql) {
            const auto ambitions = store::list_ambitions(sql, ctx.coalition_id());
            const auto indicators = store::list_indicators(sql, ctx.coalition_id());
            std::set<long long> measured;
            for (const auto& indicator : indicators) measured.insert(indicator.ambition_id);
            std::size_t without_indicator = 0;
            for (const auto& ambition : ambitions)
              if (!measured.contains(ambition.id)) ++without_indicator;
            StepSummary step{
                ambitions.empty()
                    ? ctx.t("overview.no_ambitions")
                    : ctx.tf(
                          "overview.ambitions_count",
                          {{"ambitions", ctx.number(static_cast<long long>(ambitions.size()))},
                           {"indicators", ctx.number(static_cast<long long>(indicators.size()))}}),
                {},
                !ambitions.empty() && without_indicator == 0};
            if (without_indicator > 0)
              step.missing.push_back(ctx.tf("overview.missing_indicators",
                                            {{"count", std::to_string(without_indicator)}}));
            return step;
          },
      .register_routes =
          [](App& app) {
            register_ambition_pages(app);
            register_indicator_pages(app);
            register_plan_pages(app);
          },
  };
}

}  // namespace kompas::web
