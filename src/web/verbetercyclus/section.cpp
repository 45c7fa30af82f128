// Verbetercyclus: the coalition's meetings, where the figures, the checks and the actions are
// discussed and decisions become actions (issue 12, step 6 of the Kwaliteitskompas).
#include "web/core/section.h"

#include "store/meetings_store.h"
#include "web/sections.h"
#include "web/ui/input.h"
#include "web/verbetercyclus/pages.h"

namespace kompas::web {
namespace {

// The last meeting held and the next one planned.
StepSummary cycle_step(Ctx& ctx, soci::session& sql) {
  const auto meetings = store::list_meetings(sql, ctx.coalition_id());  // newest first
  const auto today = today_date();
  StepSummary step;
  const auto held = std::find_if(meetings.begin(), meetings.end(),
                                 [&](const auto& m) { return m.held_on <= today; });
  step.status = held == meetings.end()
                    ? ctx.t("meeting.none_held")
                    : ctx.tf("meeting.last_held", {{"date", ctx.date(held->held_on)}});
  const bool planned = !meetings.empty() && meetings.front().held_on > today;
  if (!planned) step.missing.push_back(ctx.t("meeting.none_planned"));
  step.done = held != meetings.end() && planned;
  return step;
}

void register_routes(App& app) {
  register_meeting_pages(app);
  register_agenda_pages(app);
  register_year_report_pages(app);
}

}  // namespace

Section verbetercyclus_section() {
  return {
      .path = "/verbetercyclus",
      .nav_key = "nav.cycle",
      .audited = {{"overleg",
                   {"held_on", "title", "present_partner_ids", "agenda_items"},
                   {},
                   {{"present_partner_ids", "partner"}}},
                  {"agendapunt",
                   {"subject", "reason", "detail", "indicator_id", "action_id", "activity_id",
                    "ambition_id", "goes_well", "must_improve", "decision", "decision_owner_id",
                    "decision_due", "decision_action_id"},
                   {{"reason", "agenda.reason_word."}},
                   {{"indicator_id", "indicator"},
                    {"action_id", "action"},
                    {"activity_id", "activity"},
                    {"ambition_id", "ambition"},
                    {"decision_owner_id", "person"},
                    {"decision_action_id", "action"}}},
                  {"jaarafsluiting",
                   {"year", "closed_at", "picture", "ambitions", "indicators", "contributions",
                    "self_scan", "decisions", "stories"}}},
      .step_title_key = "cycle.improve.title",
      .step_href = "/verbetercyclus",
      .step = cycle_step,
      .register_routes = register_routes,
  };
}

}  // namespace kompas::web
