#include "store/quality_rounds_store.h"

#include <stdexcept>

#include "store/secrets.h"
#include "store/table.h"

namespace kompas::store {
namespace {

using domain::CheckRound;
using domain::Respondent;

const Table<CheckRound> kRounds{
    "check_rounds",
    "started_at DESC, id DESC",
    {column<&CheckRound::activity_id>("activity_id", {.fixed = true}),
     column<&CheckRound::instrument_version>("instrument_version", {.fixed = true}),
     column<&CheckRound::ends_on>("ends_on"), column<&CheckRound::closed_at>("closed_at"),
     column<&CheckRound::started_by>("started_by", {.fixed = true}),
     column<&CheckRound::started_at>("started_at", {.fixed = true})}};

const Table<Respondent> kRespondents{
    "check_respondents",
    "name, id",
    {column<&Respondent::round_id>("round_id", {.fixed = true}),
     column<&Respondent::person_id>("person_id", {.fixed = true}),
     column<&Respondent::name>("name"), column<&Respondent::link_expires_at>("link_expires_at"),
     column<&Respondent::revoked_at>("revoked_at"),
     column<&Respondent::submitted_at>("submitted_at")}};

std::string round_label(const CheckRound& round) {
  return "activiteit " + std::to_string(round.activity_id) + ", ronde " + std::to_string(round.id);
}

long long add_respondent(Change& change, const Respondent& respondent, const Extra& extra) {
  const auto id = insert_record(change.sql(), kRespondents, respondent, extra);
  auto logged = record_json(kRespondents, respondent);
  change.record("aanmaken", "teamlid", std::to_string(id), respondent.name, nullptr, logged);
  return id;
}

}  // namespace

long long create_round(Change& change, const CheckRound& round) {
  const auto id =
      insert_record(change.sql(), kRounds, round, {{"coalition_id", change.actor().coalition_id}});
  auto created = round;
  created.id = id;
  change.record("aanmaken", "controleronde", std::to_string(id), round_label(created), nullptr,
                record_json(kRounds, round));
  return id;
}

std::vector<CheckRound> list_rounds(soci::session& sql, long long coalition_id,
                                    std::optional<long long> activity_id) {
  if (activity_id)
    return select_records(sql, kRounds, "coalition_id = :c AND activity_id = :a",
                          soci::use(coalition_id), soci::use(*activity_id));
  return select_records(sql, kRounds, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<CheckRound> find_round(soci::session& sql, long long coalition_id,
                                     long long round_id) {
  auto found = select_records(sql, kRounds, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(round_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

void close_round(Change& change, const CheckRound& round) {
  auto closed = round;
  closed.closed_at = now_seconds();
  update_record(change.sql(), kRounds, closed, {}, "coalition_id = :c",
                soci::use(change.actor().coalition_id));
  change.record("sluiten", "controleronde", std::to_string(round.id), round_label(round),
                record_json(kRounds, round), record_json(kRounds, closed));
}

long long add_member(Change& change, const Respondent& respondent) {
  if (!respondent.person_id) throw std::logic_error("a team member needs a person");
  return add_respondent(change, respondent, {});
}

NewLink add_volunteer(Change& change, const Respondent& respondent) {
  NewLink link{0, random_token()};
  auto volunteer = respondent;
  volunteer.person_id.reset();
  volunteer.link_expires_at = now_seconds() + domain::kLinkValidSeconds;
  link.respondent_id = add_respondent(change, volunteer, {{"token_hash", token_hash(link.token)}});
  return link;
}

void revoke_link(Change& change, const Respondent& respondent) {
  auto revoked = respondent;
  revoked.revoked_at = now_seconds();
  update_record(change.sql(), kRespondents, revoked, {}, "");
  change.record("intrekken", "teamlid", std::to_string(respondent.id), respondent.name,
                record_json(kRespondents, respondent), record_json(kRespondents, revoked));
}

std::vector<Respondent> list_respondents(soci::session& sql, long long round_id) {
  return select_records(sql, kRespondents, "round_id = :r", soci::use(round_id));
}

std::map<long long, TeamCount> team_counts(soci::session& sql, long long coalition_id) {
  std::map<long long, TeamCount> counts;
  long long round_id = 0;
  TeamCount count;
  auto st = select_rows(sql,
                        "SELECT r.round_id, COUNT(*), COUNT(r.submitted_at) FROM check_respondents "
                        "r JOIN check_rounds c ON c.id = r.round_id WHERE c.coalition_id = :c "
                        "GROUP BY r.round_id",
                        soci::use(coalition_id), soci::into(round_id), soci::into(count.total),
                        soci::into(count.submitted));
  while (st.fetch()) counts[round_id] = count;
  return counts;
}

std::optional<LinkHolder> find_link(soci::session& sql, const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  const auto hash = token_hash(token);
  auto found = select_records(sql, kRespondents, "token_hash = :h", soci::use(hash));
  if (found.empty()) return std::nullopt;
  LinkHolder holder{found.front(), 0};
  sql << "SELECT coalition_id FROM check_rounds WHERE id = :r",
      soci::use(holder.respondent.round_id), soci::into(holder.coalition_id);
  return holder;
}

Answers answers_of(soci::session& sql, long long respondent_id) {
  return read_answers(sql, kCheckAnswers, respondent_id);
}

std::map<long long, Answers> round_answers(soci::session& sql, long long round_id) {
  std::map<long long, Answers> by_respondent;
  for (const auto& respondent : list_respondents(sql, round_id))
    by_respondent[respondent.id] = answers_of(sql, respondent.id);
  return by_respondent;
}

HandedIn handed_in_answers(soci::session& sql, long long coalition_id,
                           std::optional<long long> only_round) {
  HandedIn answers;
  long long round_id = 0;
  std::string code, reason;
  int score = 0, not_applicable = 0;
  soci::indicator score_ind = soci::i_null;
  // One round is looked up by its respondents (an index); "any round" in the same statement made
  // both engines read every answer of the coalition for one round's page.
  const std::string select =
      "SELECT r.round_id, a.question_code, a.score, a.not_applicable, a.reason "
      "FROM check_answers a JOIN check_respondents r ON r.id = a.respondent_id "
      "JOIN check_rounds c ON c.id = r.round_id WHERE c.coalition_id = :c AND "
      "r.submitted_at IS NOT NULL";
  const long long only = only_round.value_or(0);
  auto st = only_round ? select_rows(sql, select + " AND r.round_id = :r", soci::use(coalition_id),
                                     soci::use(only), soci::into(round_id), soci::into(code),
                                     soci::into(score, score_ind), soci::into(not_applicable),
                                     soci::into(reason))
                       : select_rows(sql, select, soci::use(coalition_id), soci::into(round_id),
                                     soci::into(code), soci::into(score, score_ind),
                                     soci::into(not_applicable), soci::into(reason));
  while (st.fetch())
    answers[round_id][code].push_back(
        {score_ind == soci::i_ok ? std::optional<int>(score) : std::nullopt, not_applicable != 0,
         reason});
  return answers;
}

bool save_answers(Change& change, const Respondent& respondent, const Answers& answers,
                  bool submit) {
  // Locks the row (PostgreSQL) inside the write transaction and says whether it is still open.
  soci::statement still_open = (change.sql().prepare << "UPDATE check_respondents SET name = name "
                                                        "WHERE id = :r AND submitted_at IS NULL",
                                soci::use(respondent.id));
  still_open.execute(true);
  if (still_open.get_affected_rows() == 0) return false;
  const auto given = write_answers(change.sql(), kCheckAnswers, respondent.id, answers);
  if (submit) {
    auto submitted = respondent;
    submitted.submitted_at = now_seconds();
    update_record(change.sql(), kRespondents, submitted, {}, "");
  }
  // How many, never which scores: the log is read by more people than the team.
  change.record(submit ? "inleveren" : "opslaan", "antwoorden", std::to_string(respondent.id),
                respondent.name, nullptr, {{"answers", given}});
  return true;
}

}  // namespace kompas::store
