// Kwaliteit: the quality check of activities against what is known to work (issue 12).
#include "web/core/section.h"

#include "web/kwaliteit/pages.h"
#include "web/sections.h"

namespace kompas::web {
namespace {

// Running activities with a check in the last 12 months, and those without.
StepSummary quality_step(Ctx& ctx, soci::session& sql) {
  const auto coverage = check_coverage(sql, ctx.coalition_id());
  StepSummary step;
  step.status = ctx.tf("overview.quality_count",
                       {{"checked", ctx.number(static_cast<long long>(coverage.checked))},
                        {"running", ctx.number(static_cast<long long>(coverage.running))}});
  if (coverage.running > coverage.checked)
    step.missing.push_back(ctx.tf(
        "quality.unchecked", {{"count", std::to_string(coverage.running - coverage.checked)}}));
  step.done = coverage.running > 0 && coverage.checked == coverage.running;
  return step;
}

}  // namespace

Section kwaliteit_section() {
  return {
      .path = "/kwaliteit",
      .nav_key = "nav.quality",
      .audited = {{"controleronde",
                   {"activity_id", "instrument_version", "ends_on", "closed_at", "started_by",
                    "started_at"},
                   {},
                   {{"activity_id", "activity"}, {"started_by", "person"}}},
                  {"teamlid",
                   {"round_id", "person_id", "name", "link_expires_at", "revoked_at",
                    "submitted_at"},
                   {},
                   {{"round_id", "round"}, {"person_id", "person"}}},
                  {"antwoorden", {"answers"}},
                  {"zelfscan",
                   {"year", "instrument_version", "participants", "completed_at", "answers"}},
                  {"begrip", {"term", "meaning"}},
                  {"instrument", {"kind", "version", "themes", "questions"}}},
      .step_title_key = "cycle.quality.title",
      .step_href = "/kwaliteit",
      .step = quality_step,
      .register_routes = register_quality_pages,
  };
}

}  // namespace kompas::web
