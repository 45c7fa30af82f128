#pragma once
// Agreed actions of the coalition: who does what before when, with a log of status changes.
#include <optional>
#include <string>
#include <vector>

#include "domain/validation.h"

namespace kompas::domain {

struct Action {
  long long id = 0;
  std::string title, description;
  std::optional<long long> owner_person_id, partner_id, ambition_id;
  std::string due_date;  // YYYY-MM-DD
  std::string status = "open";
};

const std::vector<std::string>& action_statuses();  // open, bezig, klaar, vervallen

FieldErrors validate(const Action& action);

// Still to be done: open or bezig (not klaar or vervallen).
bool is_open(const Action& action);

// Due and not finished: open or bezig with a due date before `today` (YYYY-MM-DD).
bool is_overdue(const Action& action, const std::string& today);

}  // namespace kompas::domain
