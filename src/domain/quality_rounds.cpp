#include "domain/quality_rounds.h"

#include <algorithm>

#include "domain/dates.h"
#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {

bool is_open(const CheckRound& round, const std::string& today) {
  return !round.closed_at && today <= round.ends_on;
}

FieldErrors validate(const CheckRound& round, const std::string& today) {
  FieldErrors errors;
  if (!is_valid_date(round.ends_on))
    errors["ends_on"] = "error.date";
  else if (round.ends_on < today)
    errors["ends_on"] = "error.date_past";
  else if (days_between(today, round.ends_on) > kMaxRoundDays)
    errors["ends_on"] = "error.round_too_long";
  return errors;
}

FieldErrors validate(const Respondent& respondent) {
  FieldErrors errors;
  if (trim(respondent.name).empty()) errors["name"] = "error.required";
  check_length(errors, "name", respondent.name, text_limit::name);
  return errors;
}

AnswerState answer_state(const Respondent& respondent, const CheckRound& round, long long now,
                         const std::string& today) {
  if (respondent.submitted_at) return AnswerState::submitted;
  if (!is_open(round, today)) return AnswerState::round_closed;
  if (respondent.revoked_at) return AnswerState::link_revoked;
  if (respondent.link_expires_at && now >= *respondent.link_expires_at)
    return AnswerState::link_expired;
  return AnswerState::open;
}

std::vector<std::string> unanswered(const Instrument& instrument,
                                    const std::map<std::string, CheckAnswer>& answers) {
  std::vector<std::string> missing;
  for (const auto& theme : instrument.themes)
    for (const auto& question : theme.questions) {
      const auto found = answers.find(question.code);
      if (found == answers.end() || !found->second.answered()) missing.push_back(question.code);
    }
  return missing;
}

bool may_start_round(const Person& person, const Activity& activity) {
  return can_edit(person, activity);
}

bool may_join_team(const Person& person) {
  return person.active && can_add_work(person);
}

bool may_see_individual_scores(const Person& person, const std::vector<Respondent>& team) {
  if (person.role == Role::beheerder) return true;
  return std::any_of(team.begin(), team.end(),
                     [&](const Respondent& r) { return r.person_id == person.id; });
}

bool may_see_round_scores(const Person& person, const std::vector<Respondent>& team) {
  const auto handed_in = static_cast<std::size_t>(std::count_if(
      team.begin(), team.end(), [](const Respondent& r) { return r.submitted_at.has_value(); }));
  return handed_in > 0 && (handed_in >= kMinRespondents || may_see_individual_scores(person, team));
}

}  // namespace kompas::domain
