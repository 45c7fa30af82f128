#pragma once
// Check rounds (issue 12): an activity's team scores the activity with the quality check, each
// respondent on their own. People with an account answer signed in; a volunteer without one
// answers through a personal link. The rules of who may do what, and when, live here.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/activities.h"
#include "domain/people.h"
#include "domain/quality_instrument.h"
#include "domain/quality_scores.h"
#include "domain/validation.h"

namespace kompas::domain {

// A personal link stays valid this long after it was made.
inline constexpr long long kLinkValidSeconds = 30LL * 24 * 60 * 60;
// A round runs at most this many days.
inline constexpr int kMaxRoundDays = 365;

struct CheckRound {
  long long id = 0;
  long long activity_id = 0;
  int instrument_version = 0;
  std::string ends_on;                  // YYYY-MM-DD: the round closes at the end of that day
  std::optional<long long> closed_at;   // closed by hand
  std::optional<long long> started_by;  // person
  long long started_at = 0;
};

// Open until it is closed by hand or its end date has passed (`today` is YYYY-MM-DD).
bool is_open(const CheckRound& round, const std::string& today);

// The end date: a real date, not before `today` and at most kMaxRoundDays after it.
FieldErrors validate(const CheckRound& round, const std::string& today);

struct Respondent {
  long long id = 0;
  long long round_id = 0;
  std::optional<long long> person_id;  // none: a volunteer who answers through a link
  std::string name;
  std::optional<long long> link_expires_at;  // volunteers only
  std::optional<long long> revoked_at;       // the link was taken back
  std::optional<long long> submitted_at;     // answers are final
};

FieldErrors validate(const Respondent& respondent);

// Whether a respondent may still change their answers, and if not, why.
enum class AnswerState { open, submitted, round_closed, link_revoked, link_expired };
template <>
struct Words<AnswerState> {
  static constexpr std::array<std::string_view, 5> list{"open", "ingeleverd", "ronde_gesloten",
                                                        "link_ingetrokken", "link_verlopen"};
};
AnswerState answer_state(const Respondent& respondent, const CheckRound& round, long long now,
                         const std::string& today);

// The instrument's questions not answered yet (no score and not n.v.t.), in its order: a
// respondent submits only when this is empty.
std::vector<std::string> unanswered(const Instrument& instrument,
                                    const std::map<std::string, CheckAnswer>& answers);

// A beheerder starts a round for any activity; a partner only for the activities its
// organisation leads.
bool may_start_round(const Person& person, const Activity& activity);

// Who may be asked into a round's team as a colleague: an active person who does the coalition's
// work. A lezer reads the results; they answer no check.
bool may_join_team(const Person& person);

// Individual scores are for the round's team and the beheerder; everyone else sees aggregates
// (of at least kMinRespondents submitted answers).
bool may_see_individual_scores(const Person& person, const std::vector<Respondent>& team);

// Whether the person sees any of the round's scores: someone handed in, and the person may see
// individual scores or enough people handed in for an aggregate.
bool may_see_round_scores(const Person& person, const std::vector<Respondent>& team);

}  // namespace kompas::domain
