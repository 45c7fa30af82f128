#pragma once
// Coalition meetings, the improvement cycle (issue 12, point 7): a meeting has a date, the
// partners present and an agenda. The agenda is proposed from the data — indicators behind or
// not distinguishable from their path, overdue actions and new improvement actions from quality
// checks, running activities without a recent check or with a low score, blind spots, mismatches
// between survey and offer, and new stories behind the figures — and per item the meeting records
// what goes well, what must improve and its decision. A decision with an owner becomes an action.
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/actions.h"
#include "domain/activities.h"
#include "domain/indicator_status.h"
#include "domain/quality_picture.h"
#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::domain {

// Why an item is on the agenda (message "agenda.reason.<word>" with {subject} and {detail}).
enum class AgendaReason {
  achter,                    // an indicator is behind its path
  niet_te_onderscheiden,     // an indicator's interval crosses its path
  te_laat,                   // an action is overdue
  nieuwe_verbeteractie,      // an open action from a quality check, not discussed before
  geen_check,                // running activities without a check in the past year (one item)
  lage_score,                // a running activity whose latest check scored low
  blinde_vlek,               // a degree of loneliness without any activity in some wijken
  emotioneel_zonder_aanbod,  // mismatches (domain/quality_picture.h)
  sociaal_zonder_aanbod,
  nieuw_verhaal,  // new stories behind an indicator since the last meeting
  eigen,          // put on the agenda by hand
};
template <>
struct Words<AgendaReason> {
  static constexpr std::array<std::string_view, 11> list{"achter",
                                                         "niet_te_onderscheiden",
                                                         "te_laat",
                                                         "nieuwe_verbeteractie",
                                                         "geen_check",
                                                         "lage_score",
                                                         "blinde_vlek",
                                                         "emotioneel_zonder_aanbod",
                                                         "sociaal_zonder_aanbod",
                                                         "nieuw_verhaal",
                                                         "eigen"};
};

// A latest check's median (the median of its question medians) below this is low: the band
// "laag" of a school mark.
inline constexpr double kLowCheckMedian = 6.0;

struct AgendaItem {
  long long id = 0, meeting_id = 0;
  int position = 0;
  // "indicator:12", "actie:5", "activiteit:3", "blinde_vlek:ernstig", "mismatch:WK01:…",
  // "verhaal:12"; empty for an own item. The same subject proposed twice has the same key.
  std::string source_key;
  AgendaReason reason = AgendaReason::eigen;
  std::string subject, detail;  // names and figures as they were when proposed
  std::optional<long long> indicator_id, action_id, activity_id, ambition_id;
  // What the meeting records.
  std::string goes_well, must_improve, decision;
  std::optional<long long> decision_owner_id;
  std::string decision_due;                     // YYYY-MM-DD
  std::optional<long long> decision_action_id;  // the action the decision became
};

struct Meeting {
  long long id = 0;
  std::string held_on;  // YYYY-MM-DD
  std::string title;
  std::vector<long long> present_partner_ids;
};

FieldErrors validate(const Meeting& meeting);
// A decision with an owner needs a due date (it becomes an action); an owner or date without a
// decision means nothing.
FieldErrors validate_record(const AgendaItem& item);
// Whether saving this record makes an action: a decision with an owner, not made into one yet.
bool makes_action(const AgendaItem& item);

// The action a decision becomes: the decision as its title (shortened at a word to fit 200
// bytes, with "…"), the owner, the due date, and what the item was about; the description says
// where it was decided (`origin`, e.g. "Besluit van Coalitieoverleg op 2026-12-10").
Action action_from_decision(const AgendaItem& item, const std::string& origin,
                            std::optional<long long> owner_partner_id);

// What the proposal looks at.
struct IndicatorState {
  long long id = 0, ambition_id = 0;
  std::string name;
  IndicatorStatus status = IndicatorStatus::geen_gegevens;
};
struct ActivityCheck {
  long long id = 0;
  std::string name;
  bool checked_recently = false;
  std::optional<double> latest_median;  // only from a round with enough respondents to show
};
struct StoryNews {
  long long indicator_id = 0, ambition_id = 0;
  std::string indicator_name;
  int count = 0;  // stories written since the previous meeting
};
struct AgendaInputs {
  std::string today;  // YYYY-MM-DD
  std::vector<IndicatorState> indicators;
  std::vector<Action> actions;
  std::set<std::string> discussed;  // source keys on earlier meetings' agendas
  std::vector<ActivityCheck> running_activities;
  std::vector<Activity> activities;                 // for blind spots
  std::vector<std::string> wijk_codes, wijk_names;  // in the coalition's order
  std::vector<Mismatch> mismatches;
  std::vector<StoryNews> stories;
};

// Every item the data suggests, in this order: indicators behind, then not distinguishable;
// overdue actions, new improvement actions; activities without a check, with a low score;
// blind spots per degree; mismatches; new stories. `detail` holds what the message needs
// besides the subject (a due date, a median as "5.5", a list of wijken). Items whose key is in
// `on_agenda` are left out.
std::vector<AgendaItem> propose_agenda(const AgendaInputs& inputs,
                                       const std::set<std::string>& on_agenda);

// Per degree, the wijken (codes) where no running activity for that degree reaches.
std::map<std::string, std::vector<std::string>> blind_spots(
    const std::vector<Activity>& activities, const std::vector<std::string>& wijk_codes);

}  // namespace kompas::domain
