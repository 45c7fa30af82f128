// Wie doet wat: activities, the partners' contributions to each ambition, and agreed actions.
#include "web/core/section.h"

#include <set>

#include "domain/contributions.h"
#include "store/actions_store.h"
#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/contributions_store.h"
#include "store/partners_store.h"
#include "web/sections.h"
#include "web/wie-doet-wat/pages.h"

namespace kompas::web {
namespace {

// Activities and contributions, with what is missing: ambitions nobody contributes to, active
// partners who contribute nothing, overdue actions.
StepSummary who_does_what_step(Ctx& ctx, soci::session& sql) {
  const auto id = ctx.coalition_id();
  const auto all_activities = store::list_activities(sql, id);
  const auto activities = all_activities.size();
  const auto contributions = store::list_contributions(sql, id);
  std::set<long long> busy_partners, busy_ambitions;
  for (const auto& contribution : contributions)
    if (!domain::is_stopped(contribution)) {
      busy_partners.insert(contribution.partner_id);
      busy_ambitions.insert(contribution.ambition_id);
    }
  // A running activity marked as contributing to an ambition works on it, and so do its
  // partners, also without a written agreement.
  for (const auto& activity : all_activities)
    if (domain::is_running(activity) && !activity.ambition_ids.empty()) {
      busy_ambitions.insert(activity.ambition_ids.begin(), activity.ambition_ids.end());
      if (activity.lead_partner_id) busy_partners.insert(*activity.lead_partner_id);
      busy_partners.insert(activity.co_partner_ids.begin(), activity.co_partner_ids.end());
    }
  StepSummary step;
  const auto ambitions = store::list_ambitions(sql, id).size();
  if (ambitions > busy_ambitions.size())
    step.missing.push_back(ctx.tf("overview.missing_contributors",
                                  {{"count", std::to_string(ambitions - busy_ambitions.size())}}));
  const auto active = static_cast<std::size_t>(store::count_partners(sql, id).active);
  if (active > busy_partners.size())
    step.missing.push_back(ctx.tf("overview.idle_partners",
                                  {{"count", std::to_string(active - busy_partners.size())}}));
  int overdue = 0;
  const auto today = today_date();
  for (const auto& action : store::list_actions(sql, id))
    if (domain::is_overdue(action, today)) ++overdue;
  if (overdue > 0)
    step.missing.push_back(
        ctx.tf("overview.overdue_actions", {{"count", std::to_string(overdue)}}));
  step.status =
      ctx.tf("overview.who_count",
             {{"activities", ctx.number(static_cast<long long>(activities))},
              {"contributions", ctx.number(static_cast<long long>(contributions.size()))}});
  step.done = activities > 0 && !contributions.empty() && step.missing.empty();
  return step;
}

}  // namespace

Section wie_doet_wat_section() {
  return {
      .path = "/wie-doet-wat",
      .nav_key = "nav.who",
      .also = {"/acties"},
      .audited =
          {{"activiteit",
            {"name", "description", "lead_partner_id", "co_partner_ids", "target_group", "areas",
             "loneliness_type", "degrees", "elements", "method", "reach", "start_date", "end_date",
             "status", "ambition_ids", "contributions"},
            {{"status", "activity.status."},
             {"target_group", "target_group."},
             {"loneliness_type", "loneliness_type."},
             {"degrees", "degree."},
             {"elements", "element."},
             {"method", "activity.method."}},
            {{"lead_partner_id", "partner"},
             {"co_partner_ids", "partner"},
             {"areas", "area"},
             {"ambition_ids", "ambition"},
             {"contributions", "contribution"}}},
           {"bijdrage",
            {"partner_id", "ambition_id", "activity_id", "what", "hours", "euros", "in_kind",
             "start_year", "end_year", "agreed_on", "status"},
            {{"status", "contribution.status."}},
            {{"partner_id", "partner"}, {"ambition_id", "ambition"}, {"activity_id", "activity"}}},
           {"actie",
            {"title", "description", "owner_person_id", "partner_id", "ambition_id", "due_date",
             "status", "note", "log", "activity_id", "round_id", "question_code"},
            {{"status", "action.status."}},
            {{"owner_person_id", "person"},
             {"partner_id", "partner"},
             {"ambition_id", "ambition"},
             {"activity_id", "activity"},
             {"round_id", "round"}}}},
      .step_title_key = "cycle.who.title",
      .step_href = "/wie-doet-wat",
      .step = who_does_what_step,
      .register_routes =
          [](App& app) {
            register_activity_pages(app);
            register_contribution_pages(app);
            register_action_pages(app);
          },
  };
}

}  // namespace kompas::web
