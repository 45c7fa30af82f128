#include "web/verbetercyclus/agenda_proposal.h"

#include <algorithm>

#include "domain/numbers.h"
#include "store/actions_store.h"
#include "store/ambitions_store.h"
#include "store/indicators_store.h"
#include "store/meetings_store.h"
#include "web/doelen/plan_views.h"
#include "web/kwaliteit/quality_picture.h"
#include "web/ui/input.h"

namespace kompas::web {
namespace {

// The day of the meeting before this one (or ""): stories written after it are new.
std::string previous_meeting_day(soci::session& sql, long long coalition_id,
                                 const domain::Meeting& meeting) {
  for (const auto& m : store::list_meetings(sql, coalition_id))  // newest first
    if (m.id != meeting.id && m.held_on < meeting.held_on) return m.held_on;
  return "";
}

domain::AgendaInputs gather(const Ctx& ctx, soci::session& sql, const domain::Meeting& meeting) {
  const auto& coalition = ctx.me().coalition;
  domain::AgendaInputs in;
  in.today = today_date();
  const auto ambitions = store::list_ambitions(sql, coalition.id);
  const auto stories_after = previous_meeting_day(sql, coalition.id, meeting);
  for (const auto& [ambition_id, indicators] :
       plan_indicators(sql, coalition.id, coalition.gemeente_code, ambitions))
    for (const auto& p : indicators) {
      in.indicators.push_back(
          {p.indicator.id, ambition_id, p.indicator.name, p.series.status.status});
      int count = 0;
      for (const auto& story : store::indicator_stories(sql, p.indicator.id))
        if (local_date(story.written_at) > stories_after) ++count;
      in.stories.push_back({p.indicator.id, ambition_id, p.indicator.name, count});
    }
  in.actions = store::list_actions(sql, coalition.id);
  in.discussed = store::discussed_keys(sql, coalition.id, meeting.id);
  const auto picture = load_quality_picture(sql, coalition.id, in.today);
  const auto medians = latest_check_medians(sql, coalition.id);
  for (const auto& a : picture.activities) {
    if (!domain::is_running(a)) continue;
    const bool unchecked = std::find(picture.unchecked.begin(), picture.unchecked.end(), a.id) !=
                           picture.unchecked.end();
    const auto median = medians.find(a.id);
    in.running_activities.push_back(
        {a.id, a.name, !unchecked,
         median == medians.end() ? std::nullopt : std::optional<double>(median->second)});
  }
  in.activities = picture.activities;
  in.wijk_codes = picture.wijk_codes;
  in.wijk_names = picture.wijk_names;
  in.mismatches = picture.mismatches;
  return in;
}

}  // namespace

std::vector<domain::AgendaItem> proposed_agenda(const Ctx& ctx, soci::session& sql,
                                                const domain::Meeting& meeting,
                                                const std::vector<domain::AgendaItem>& agenda) {
  std::set<std::string> on_agenda;
  for (const auto& item : agenda) on_agenda.insert(item.source_key);
  const auto key = "agenda." + std::to_string(meeting.id) + "." + today_date();
  return ctx.app.computed().get<std::vector<domain::AgendaItem>>(key, ctx.me().data_version, [&] {
    return domain::propose_agenda(gather(ctx, sql, meeting), on_agenda);
  });
}

std::string agenda_title(const Ctx& ctx, const domain::AgendaItem& item) {
  using domain::AgendaReason;
  std::string subject = item.subject, detail = item.detail;
  switch (item.reason) {
    case AgendaReason::blinde_vlek: {
      // The degree in the page's language: from the source key ("blinde_vlek:<degree>"), or
      // the word itself as a year's snapshot keeps it; else the text stored.
      const auto colon = item.source_key.find(':');
      const auto degree =
          colon == std::string::npos ? item.subject : item.source_key.substr(colon + 1);
      if (ctx.app.catalogue().has(ctx.lang, "degree." + degree))
        subject = ctx.t("degree." + degree);
      break;
    }
    case AgendaReason::te_laat:
    case AgendaReason::nieuwe_verbeteractie:
      detail = ctx.date(item.detail);
      break;
    case AgendaReason::lage_score:
      if (const auto median = domain::parse_number(item.detail, domain::NumberStyle::english))
        detail = domain::format_decimal(*median, ctx.decimal_separator(), 1);
      break;
    default:
      break;
  }
  return ctx.tf("agenda.reason." + domain::word(item.reason),
                {{"subject", subject}, {"detail", detail}});
}

std::string agenda_href(const domain::AgendaItem& item) {
  using domain::AgendaReason;
  switch (item.reason) {
    case AgendaReason::blinde_vlek:
      return "/wie-doet-wat/dekking";
    case AgendaReason::emotioneel_zonder_aanbod:
    case AgendaReason::sociaal_zonder_aanbod:
      return "/kwaliteit/beeld#mismatch";
    case AgendaReason::geen_check:
    case AgendaReason::lage_score:
      return item.activity_id ? "/kwaliteit/activiteiten/" + std::to_string(*item.activity_id)
                              : "/kwaliteit/beeld";
    default:
      break;
  }
  if (item.action_id) return "/acties/" + std::to_string(*item.action_id);
  if (item.indicator_id) return "/indicatoren/" + std::to_string(*item.indicator_id);
  return "";
}

}  // namespace kompas::web
