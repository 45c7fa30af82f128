#pragma once
// The training register (issue 13): trainings, sessions, participants and attendance, the
// coalition's own frontline roles, and each partner's number of frontline workers per role.
// A participant is one person per name and partner: adding "Eva de Vries" of the same partner
// to a second session finds the first.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/training.h"
#include "store/change.h"

namespace kompas::store {

std::vector<domain::Training> list_trainings(soci::session& sql, long long coalition_id);
std::optional<domain::Training> find_training(soci::session& sql, long long coalition_id,
                                              long long id);
long long create_training(Change& change, const domain::Training& training);
void update_training(Change& change, const domain::Training& training);

// Newest first.
std::vector<domain::TrainingSession> list_sessions(soci::session& sql, long long coalition_id);
std::optional<domain::TrainingSession> find_session(soci::session& sql, long long coalition_id,
                                                    long long id);
long long create_session(Change& change, const domain::TrainingSession& session);
void update_session(Change& change, const domain::TrainingSession& session);

std::vector<domain::Participant> list_participants(soci::session& sql, long long coalition_id);

// Per session: how many are on its list and how many attended.
struct SessionCount {
  int listed = 0, attended = 0;
};
using SessionCounts = std::map<long long, SessionCount>;
SessionCounts session_counts(soci::session& sql, long long coalition_id);

struct SessionParticipant {
  domain::Participant participant;
  bool attended = false;
};
// By name.
std::vector<SessionParticipant> session_participants(soci::session& sql, long long session_id);
// Registers each participant (found by name and partner, or new) for the session as attended;
// returns how many were not on its list yet.
int add_to_session(Change& change, long long session_id,
                   const std::vector<domain::Participant>& participants);
// Who of the session's list attended; with `only_partner`, only that partner's people change.
void set_attendance(Change& change, long long session_id, const std::set<long long>& attended,
                    std::optional<long long> only_partner = std::nullopt);

// Every attended session of the coalition with its training's validity.
std::vector<domain::Attendance> list_attendances(soci::session& sql, long long coalition_id);

// The shipped roles, then the coalition's own.
std::vector<domain::FrontlineRole> list_frontline_roles(soci::session& sql, long long coalition_id);
// A new own role; its code is made from the name. Returns the code.
std::string add_frontline_role(Change& change, const std::string& name);

std::vector<domain::FrontlineCount> list_frontline_counts(soci::session& sql,
                                                          long long coalition_id);
// Sets the number for the partner, role and wijk (0 removes it).
void save_frontline_count(Change& change, const domain::FrontlineCount& count);

}  // namespace kompas::store
