#pragma once
// Answers of 1–10 or n.v.t. per question, as the check rounds (check_answers, per respondent)
// and the self-scans (self_scan_answers, per scan) keep them: one row per answered question.
#include <map>
#include <string>

#include "domain/quality_scores.h"
#include "store/database.h"

namespace kompas::store {

using Answers = std::map<std::string, domain::CheckAnswer>;  // by question code

// Where a set of answers lives: the table and the column naming its owner. Both are constants
// of this program, never input.
struct AnswerTable {
  const char* table;
  const char* owner_column;
};
inline constexpr AnswerTable kCheckAnswers{"check_answers", "respondent_id"};
inline constexpr AnswerTable kSelfScanAnswers{"self_scan_answers", "scan_id"};

Answers read_answers(soci::session& sql, AnswerTable where, long long owner_id);
// Replaces the owner's answers with those answered; returns how many that are.
std::size_t write_answers(soci::session& sql, AnswerTable where, long long owner_id,
                          const Answers& answers);

}  // namespace kompas::store
