#include "cli/demo_meetings.h"

#include <stdexcept>

#include "store/actions_store.h"
#include "store/activities_store.h"
#include "store/indicators_store.h"
#include "store/meetings_store.h"
#include "store/partners_store.h"
#include "store/people_store.h"
#include "web/core/date_text.h"
#include "web/ui/input.h"

namespace kompas::cli {
namespace {

constexpr long long kDay = 24 * 60 * 60;

struct DemoDecision {
  const char* goes_well;
  const char* must_improve;
  const char* decision;
  int due_in_days;  // from the meeting
};

// Records the decision on the item, and the action it becomes.
void decide(store::Change& change, domain::AgendaItem item, const domain::Meeting& meeting,
            const DemoDecision& d, const domain::Person& owner) {
  item.goes_well = d.goes_well;
  item.must_improve = d.must_improve;
  item.decision = d.decision;
  item.decision_owner_id = owner.id;
  item.decision_due = web::local_date(store::now_seconds() + d.due_in_days * kDay);
  // Worded as the meeting page words it in Dutch (web/verbetercyclus/agenda_pages.cpp).
  static const web::Catalogue catalogue;
  const auto origin =
      catalogue.format(web::Lang::nl, "meeting.action_origin",
                       {{"meeting", meeting.title},
                        {"date", web::date_text(catalogue, web::Lang::nl, meeting.held_on)}});
  item.decision_action_id =
      store::create_action(change, domain::action_from_decision(item, origin, owner.partner_id));
  store::save_agenda_record(change, item);
}

}  // namespace

void load_demo_meetings(store::Change& change) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto indicators = store::list_indicators(sql, coalition_id);
  const auto activities = store::list_activities(sql, coalition_id);
  const auto people = store::list_people(sql, coalition_id);
  if (indicators.empty() || activities.empty() || people.size() < 2)
    throw std::runtime_error("demo meetings need the demo plan");
  std::vector<long long> partners;
  for (const auto& p : store::list_partners(sql, coalition_id)) partners.push_back(p.id);
  const auto now = store::now_seconds();
  const auto& indicator = indicators.front();
  const auto& activity = activities.front();

  domain::Meeting first{
      0,
      web::local_date(now - 150 * kDay),
      "Coalitieoverleg voorjaar",
      {partners.begin(), partners.begin() + std::min<std::size_t>(6, partners.size())}};
  first.id = store::create_meeting(change, first);
  domain::AgendaItem about_indicator;
  about_indicator.source_key = "indicator:" + std::to_string(indicator.id);
  about_indicator.reason = domain::AgendaReason::niet_te_onderscheiden;
  about_indicator.subject = indicator.name;
  about_indicator.indicator_id = indicator.id;
  about_indicator.ambition_id = indicator.ambition_id;
  domain::AgendaItem own;
  own.subject = "Voorbereiding Week tegen Eenzaamheid";
  store::add_agenda_items(change, first.id, {about_indicator, own});
  const auto first_agenda = store::list_agenda(sql, first.id);
  decide(change, first_agenda[0], first,
         {"De meting laat per wijk duidelijke verschillen zien.",
          "We weten nog niet of de daling echt is: de marge is groot.",
          "De GGD meet volgend jaar met een grotere steekproef in de wijken.", 200},
         people[0]);
  decide(
      change, first_agenda[1], first,
      {"Elf partners doen mee.", "De bibliotheek en de supermarkt zijn nog niet betrokken.",
       "Welzijn nodigt de bibliotheek en de supermarkt uit voor de Week tegen Eenzaamheid.", -30},
      people[1]);

  domain::Meeting second{
      0,
      web::local_date(now - 40 * kDay),
      "Coalitieoverleg najaar",
      {partners.begin(), partners.begin() + std::min<std::size_t>(4, partners.size())}};
  second.id = store::create_meeting(change, second);
  domain::AgendaItem about_activity;
  about_activity.source_key = "activiteit:" + std::to_string(activity.id);
  about_activity.reason = domain::AgendaReason::lage_score;
  about_activity.subject = activity.name;
  about_activity.detail = "5.5";
  about_activity.activity_id = activity.id;
  store::add_agenda_items(change, second.id, {about_activity});
  decide(change, store::list_agenda(sql, second.id).front(), second,
         {"Bezoekers komen trouw elke week.", "Deelnemers hebben weinig inspraak in het programma.",
          "Het team vraagt deelnemers elke maand wat zij willen doen.", 60},
         people[1]);

  // A month ahead, but within this year, so its decisions belong to this year's jaarverslag.
  auto winter = web::local_date(now + 30 * kDay);
  if (winter.substr(0, 4) != web::local_date(now).substr(0, 4))
    winter = web::local_date(now).substr(0, 4) + "-12-31";
  store::create_meeting(change, {0, winter, "Coalitieoverleg winter", {}});
}

}  // namespace kompas::cli
