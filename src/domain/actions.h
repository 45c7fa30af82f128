#pragma once
// Agreed actions of the coalition: who does what before when, with a log of status changes.
#include <optional>
#include <string>
#include <vector>

#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::domain {

enum class ActionStatus { open, bezig, klaar, vervallen };
template <>
struct Words<ActionStatus> {
  static constexpr std::array<std::string_view, 4> list{"open", "bezig", "klaar", "vervallen"};
};

struct Action {
  long long id = 0;
  std::string title, description;
  std::optional<long long> owner_person_id, partner_id, ambition_id;
  std::string due_date;  // YYYY-MM-DD
  ActionStatus status = ActionStatus::open;
  // From a quality check: the activity, the round and the question whose tip it follows.
  std::optional<long long> activity_id, round_id;
  std::string question_code;
};

FieldErrors validate(const Action& action);

// Still to be done: open or bezig (not klaar or vervallen).
bool is_open(const Action& action);

// Due and not finished: open or bezig with a due date before `today` (YYYY-MM-DD).
bool is_overdue(const Action& action, const std::string& today);

}  // namespace kompas::domain
