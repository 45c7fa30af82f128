#include "cli/demo_quality.h"

#include <algorithm>
#include <stdexcept>

#include "domain/quality_scores.h"
#include "store/actions_store.h"
#include "store/activities_store.h"
#include "store/people_store.h"
#include "store/quality_instruments_store.h"
#include "store/quality_rounds_store.h"
#include "web/ui/input.h"

namespace kompas::cli {
namespace {

using web::local_date;

constexpr long long kDay = 24 * 60 * 60;

// Scores that differ per activity, person and question but are the same on every run: 4 to 9
// (one lower in a round a year ago), and now and then a deliberate n.v.t.
domain::CheckAnswer demo_answer(std::size_t activity, std::size_t person, std::size_t question,
                                int lower) {
  const auto mix = (activity * 3 + person * 5 + question * 7) % 13;
  if (mix == 12 && question % 4 == 1) return {std::nullopt, true, "Past niet bij onze opzet."};
  return {4 + static_cast<int>(mix % 6) - lower, false, ""};
}

long long run_round(store::Change& change, const domain::Activity& activity,
                    const domain::Instrument& instrument, const std::vector<domain::Person>& team,
                    std::size_t volunteers, long long started_at, bool closed, std::size_t index,
                    int lower) {
  domain::CheckRound round;
  round.activity_id = activity.id;
  round.instrument_version = instrument.version;
  round.started_at = started_at;
  round.ends_on = local_date(started_at + 30 * kDay);
  if (!team.empty()) round.started_by = team.front().id;
  round.id = store::create_round(change, round);
  std::vector<domain::Respondent> respondents;
  for (const auto& person : team) {
    domain::Respondent r;
    r.round_id = round.id;
    r.person_id = person.id;
    r.name = person.name;
    r.id = store::add_member(change, r);
    respondents.push_back(r);
  }
  static const char* kVolunteers[] = {"Ria (vrijwilliger)", "Kees (vrijwilliger)",
                                      "Samira (vrijwilliger)"};
  for (std::size_t v = 0; v < volunteers; ++v) {
    domain::Respondent r;
    r.round_id = round.id;
    r.name = kVolunteers[v % 3];
    r.id = store::add_volunteer(change, r).respondent_id;
    respondents.push_back(r);
  }
  for (std::size_t p = 0; p < respondents.size(); ++p) {
    store::Answers answers;
    std::size_t q = 0;
    for (const auto& theme : instrument.themes)
      for (const auto& question : theme.questions)
        answers[question.code] = demo_answer(index, p, q++, lower);
    store::save_answers(change, respondents[p], answers, true);
  }
  if (closed) store::close_round(change, round);
  return round.id;
}

}  // namespace

void load_demo_checks(store::Change& change, std::size_t count) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto instrument = store::latest_instrument(sql, store::InstrumentKind::quality_check);
  if (!instrument) throw std::runtime_error("no quality instrument loaded");
  const auto people = store::list_people(sql, coalition_id);
  const auto now = store::now_seconds();
  std::size_t checked = 0;
  for (const auto& activity : store::list_activities(sql, coalition_id)) {
    if (checked == count) break;
    if (!domain::is_running(activity) || !activity.lead_partner_id) continue;
    // The lead partner's people, and the coordinator: teams of one to five.
    std::vector<domain::Person> team;
    for (const auto& p : people)
      if (p.partner_id == activity.lead_partner_id) team.push_back(p);
    const auto in_team = [&](const domain::Person& p) {
      return std::any_of(team.begin(), team.end(), [&](const auto& t) { return t.id == p.id; });
    };
    if (checked % 2 == 0 && !in_team(people.front())) team.push_back(people.front());
    const auto index = checked++;
    const std::size_t volunteers = index % 4;
    if (team.size() + volunteers > 5) team.resize(5 - volunteers);
    if (team.empty() && volunteers == 0) team.push_back(people.front());
    if (index % 3 == 0)  // also a year ago, a little lower
      run_round(change, activity, *instrument, team, volunteers, now - 400 * kDay, true, index, 1);
    const auto latest =
        run_round(change, activity, *instrument, team, volunteers,
                  now - (20 + static_cast<long long>(index)) * kDay, false, index, 0);
    if (index > 1) continue;
    // An improvement plan from the two lowest points of the first activities' latest round.
    const auto handed_in = store::handed_in_answers(sql, coalition_id);
    std::map<std::string, domain::QuestionSummary> summaries;
    for (const auto& [code, answers] : handed_in.at(latest))
      summaries[code] = domain::summarise(answers);
    const auto points = domain::improvement_points(*instrument, summaries);
    for (std::size_t i = 0; i < std::min<std::size_t>(2, points.size()); ++i) {
      const auto* q = instrument->find(points[i].code);
      domain::Action action;
      action.title = q->tips[static_cast<std::size_t>(domain::band_of_median(points[i].median))].nl;
      action.due_date = local_date(now + (60 + 30 * static_cast<long long>(i)) * kDay);
      action.owner_person_id = team.empty() ? people.front().id : team.front().id;
      action.partner_id = activity.lead_partner_id;
      action.activity_id = activity.id;
      action.round_id = latest;
      action.question_code = points[i].code;
      store::create_action(change, action);
    }
  }
}

}  // namespace kompas::cli
