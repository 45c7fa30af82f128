#pragma once
// The training register (issue 13, deskundigheidsbevordering): trainings, their sessions and who
// attended, the frontline roles, how many frontline workers each partner has per role, and the
// coverage the coalition reports as an indicator: trained and still valid out of all.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/problem.h"
#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::domain {

enum class TrainingKind { klassikaal, e_learning, intervisie };
template <>
struct Words<TrainingKind> {
  static constexpr std::array<std::string_view, 3> list{"klassikaal", "e-learning", "intervisie"};
};

struct Training {
  long long id = 0;
  std::string title, provider;
  std::string modules;  // one per line
  TrainingKind kind = TrainingKind::klassikaal;
  double hours = 0;
  int valid_months = 24;  // how long it holds before a refresher; 0: it does not expire
};

struct TrainingSession {
  long long id = 0;
  long long training_id = 0;
  std::string date;  // YYYY-MM-DD
  std::string place, trainer;
  int capacity = 0;  // 0: no limit
};

// Someone who works with residents; no account needed.
struct Participant {
  long long id = 0;
  std::string name;
  long long partner_id = 0;
  std::string role;       // a frontline role's code
  std::string wijk_code;  // where they work; empty for the whole gemeente
};

struct FrontlineRole {
  std::string code, name, name_en;
};
// huismeester, sociaal werker, wijkverpleegkundige, vrijwilliger, baliemedewerker, huisarts/POH;
// a coalition adds its own.
const std::vector<FrontlineRole>& default_frontline_roles();

// How many frontline workers a partner has in a role, in one wijk or (empty) in the gemeente.
struct FrontlineCount {
  long long id = 0;
  long long partner_id = 0;
  std::string role, wijk_code;
  int count = 0;
};

FieldErrors validate(const Training& training);
FieldErrors validate(const TrainingSession& session);
FieldErrors validate(const Participant& participant);
FieldErrors validate(const FrontlineCount& count);

// A session someone attended, with its training's validity.
struct Attendance {
  long long participant_id = 0;
  std::string date;  // of the session
  int valid_months = 0;
};
// Until when each participant's training holds: the latest end over the sessions they attended
// on or before `as_of` ("9999-12-31" for a training that does not expire). Participants who
// attended nothing by then are absent.
std::map<long long, std::string> valid_until(const std::vector<Attendance>& attended,
                                             std::string_view as_of);

struct CoverageCell {
  int trained = 0;  // trained and still valid
  int total = 0;    // frontline workers: what the partners stated, at least the trained
  std::optional<double> percent() const;
  void add(const CoverageCell& other);
};

struct Coverage {
  CoverageCell overall;
  std::map<long long, CoverageCell> by_partner;
  std::map<std::string, CoverageCell> by_role;
  // Only wijken a count or participant names, and "" for the rest: people stated or trained for
  // the whole gemeente or without a wijk, so the rows add up to `overall` unless a partner
  // stated fewer people in a wijk than it trained there.
  std::map<std::string, CoverageCell> by_wijk;
  std::map<std::pair<long long, std::string>, CoverageCell> by_partner_role;
  std::set<std::pair<long long, std::string>> stated_too_low;  // more trained than stated
};

// Coverage on a day: who is trained and still valid (from `valid_until`) out of the frontline
// workers the partners stated, per partner and role (their rows summed), per partner, role and
// wijk. Where a partner trained more people in a role than it stated, the trained count as the
// total, so no share passes 100 % and the page can say the number is out of date.
Coverage coverage(const std::vector<Participant>& participants,
                  const std::map<long long, std::string>& valid_until,
                  const std::vector<FrontlineCount>& counts, std::string_view as_of);

// Participants whose training ends within `months` after `as_of` (still valid on it), and those
// whose training has ended; both soonest first.
struct RefresherList {
  std::vector<long long> due_soon, expired;
};
RefresherList refreshers(const std::map<long long, std::string>& valid_until,
                         std::string_view as_of, int months = 3);

// The coverage at the end of each year from the first session's year up to `today`'s year (that
// year: today), as percentages: the yearly values of an indicator of kind "deskundigheid".
std::map<int, double> yearly_coverage(const std::vector<Participant>& participants,
                                      const std::vector<Attendance>& attended,
                                      const std::vector<FrontlineCount>& counts,
                                      std::string_view today);

// An attendance list as CSV: naam;organisatie;rol and optionally wijk. Partners, roles and
// wijken are matched by name (or code) without regard to case or accents; every problem is
// named with its line and column, and then nothing is returned (all or nothing).
struct AttendanceImport {
  std::vector<Participant> participants;
  std::vector<Problem> problems;
};
struct NamedId {
  long long id = 0;
  std::string name;
};
struct NamedCode {
  std::string code, name;
};
// `only_partner`: the one partner whose people the uploader may register (a partner's staff);
// a row of another partner is then a problem of its own.
AttendanceImport parse_attendance_csv(std::string_view bytes, const std::vector<NamedId>& partners,
                                      const std::vector<NamedCode>& roles,
                                      const std::vector<NamedCode>& wijken,
                                      std::optional<long long> only_partner = std::nullopt);

}  // namespace kompas::domain
