// Verkennen: the local picture from surveys, published figures, areas and their maps.
#include "web/core/section.h"

#include "store/areas_store.h"
#include "store/surveys_store.h"
#include "web/sections.h"
#include "web/verkennen/pages.h"

namespace kompas::web {

Section verkennen_section() {
  return {
      .path = "/verkennen",
      .nav_key = "nav.explore",
      .also = {"/gebieden"},
      .audited = {{"gebied",
                   {"code", "name", "level", "parent_code", "inhabitants", "inhabitants_65plus",
                    "one_person_households"},
                   {{"level", "area.level."}},
                   {{"code", "area"}, {"parent_code", "area"}}},
                  {"grens", {"bytes"}},
                  {"meting",
                   {"name", "year", "instrument", "source", "age_from", "age_to", "age_bands",
                    "respondents", "weighted", "stratified"},
                   {{"instrument", "scale."}, {"source", "survey.source."}}},
                  {"cijfer",
                   {"indicator", "area_code", "year", "value", "low", "high", "source",
                    "model_based"},
                   {{"indicator", "indicator."}},
                   {{"area_code", "area"}}}},
      .step_title_key = "cycle.explore.title",
      .step_href = "/verkennen",
      .step =
          [](Ctx& ctx, soci::session& sql) {
            const auto areas = store::summarise_areas(sql, ctx.coalition_id());
            StepSummary step{areas.total == 0 ? ctx.t("overview.no_areas")
                                              : ctx.tf("overview.areas_count",
                                                       {{"wijken", ctx.number(areas.wijken)},
                                                        {"buurten", ctx.number(areas.buurten)}}),
                             {},
                             areas.total > 0};
            if (store::list_surveys(sql, ctx.coalition_id()).empty())
              step.missing.push_back(ctx.t("overview.missing_survey"));
            return step;
          },
      .register_routes =
          [](App& app) {
            register_areas_pages(app);
            register_survey_upload_pages(app);
            register_survey_pages(app);
            register_figures_pages(app);
            register_trend_pages(app);
            register_boundaries_pages(app);
          },
  };
}

}  // namespace kompas::web
