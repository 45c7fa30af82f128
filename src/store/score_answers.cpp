#include "store/score_answers.h"

namespace kompas::store {

Answers read_answers(soci::session& sql, AnswerTable where, long long owner_id) {
  Answers answers;
  std::string code, reason;
  int score = 0, not_applicable = 0;
  soci::indicator score_ind = soci::i_null;
  auto st = select_rows(sql,
                        std::string("SELECT question_code, score, not_applicable, reason FROM ") +
                            where.table + " WHERE " + where.owner_column + " = :o",
                        soci::use(owner_id), soci::into(code), soci::into(score, score_ind),
                        soci::into(not_applicable), soci::into(reason));
  while (st.fetch())
    answers[code] = {score_ind == soci::i_ok ? std::optional<int>(score) : std::nullopt,
                     not_applicable != 0, reason};
  return answers;
}

std::size_t write_answers(soci::session& sql, AnswerTable where, long long owner_id,
                          const Answers& answers) {
  sql << std::string("DELETE FROM ") + where.table + " WHERE " + where.owner_column + " = :o",
      soci::use(owner_id);
  std::size_t given = 0;
  for (const auto& [code, answer] : answers) {
    if (!answer.answered() && answer.reason.empty()) continue;  // an explanation alone is kept
    if (answer.answered()) ++given;
    int score = answer.score.value_or(0), not_applicable = answer.not_applicable ? 1 : 0;
    soci::indicator score_ind = answer.score ? soci::i_ok : soci::i_null;
    sql << std::string("INSERT INTO ") + where.table + " (" + where.owner_column +
               ", question_code, score, not_applicable, reason) VALUES (:o, :q, :s, :n, :why)",
        soci::use(owner_id), soci::use(code), soci::use(score, score_ind),
        soci::use(not_applicable), soci::use(answer.reason);
  }
  return given;
}

}  // namespace kompas::store
