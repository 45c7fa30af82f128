#pragma once
// Check rounds, their teams and answers (domain/quality_rounds.h). Individual scores never enter
// the audit log, which more people read than the team: it records that answers were saved or
// handed in, and how many.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/quality_rounds.h"
#include "store/change.h"
#include "store/score_answers.h"

namespace kompas::store {

long long create_round(Change& change, const domain::CheckRound& round);
// Newest first; only the activity's when one is given.
std::vector<domain::CheckRound> list_rounds(soci::session& sql, long long coalition_id,
                                            std::optional<long long> activity_id = std::nullopt);
std::optional<domain::CheckRound> find_round(soci::session& sql, long long coalition_id,
                                             long long round_id);
void close_round(Change& change, const domain::CheckRound& round);

// A team member with an account.
long long add_member(Change& change, const domain::Respondent& respondent);
// A volunteer without an account: the personal link's token, shown once; only its hash is kept.
struct NewLink {
  long long respondent_id = 0;
  std::string token;
};
NewLink add_volunteer(Change& change, const domain::Respondent& respondent);
void revoke_link(Change& change, const domain::Respondent& respondent);

std::vector<domain::Respondent> list_respondents(soci::session& sql, long long round_id);
// Per round of the coalition: how many are in its team and how many handed in, in one query.
struct TeamCount {
  int total = 0, submitted = 0;
};
std::map<long long, TeamCount> team_counts(soci::session& sql, long long coalition_id);
// The respondent a personal link belongs to, with the round's coalition; none for an unknown
// token.
struct LinkHolder {
  domain::Respondent respondent;
  long long coalition_id = 0;
};
std::optional<LinkHolder> find_link(soci::session& sql, const std::string& token);

Answers answers_of(soci::session& sql, long long respondent_id);
// Every respondent's answers in a round, by respondent id.
std::map<long long, Answers> round_answers(soci::session& sql, long long round_id);
// Every handed-in answer of the coalition's rounds, by round and question, in one query: what
// the score overviews and the coalition's medians are made of. Saved but not handed in is not
// counted.
// With a round: only that round's.
using HandedIn = std::map<long long, std::map<std::string, std::vector<domain::CheckAnswer>>>;
HandedIn handed_in_answers(soci::session& sql, long long coalition_id,
                           std::optional<long long> round_id = std::nullopt);

// Replaces the respondent's answers; `submit` makes them final. False, and nothing changed, when
// they were handed in already (also by a request that got there first).
bool save_answers(Change& change, const domain::Respondent& respondent, const Answers& answers,
                  bool submit);

}  // namespace kompas::store
