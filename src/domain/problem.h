#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kompas::domain {

// A problem found in user input. The text shown to people comes from the message catalogue,
// keyed by `code` and filled in with `params`, so the domain never writes sentences itself.
struct Problem {
  std::size_t line = 0;    // 1-based physical line in the file; 0 = not applicable
  std::size_t column = 0;  // 1-based field index in a CSV row; 0 = not applicable
  std::string code;        // dotted lowercase, e.g. "csv.unterminated_quote"
  std::map<std::string, std::string> params;

  bool operator==(const Problem&) const = default;
};

// Nobody fixes 500 problems from one list; the first ones usually explain the rest.
inline constexpr std::size_t max_problems = 100;

// Marker appended once after max_problems real problems: "there were more".
inline constexpr const char* truncated_code = "problems.truncated";

inline bool problems_full(const std::vector<Problem>& problems) {
  return !problems.empty() && problems.back().code == truncated_code;
}

// Adds `problem` unless the list already holds max_problems; then appends the truncation
// marker instead (once). Returns false when the caller should stop looking for more, so a
// list holds at most max_problems real problems plus that one marker.
inline bool add_problem(std::vector<Problem>& problems, Problem problem) {
  if (problems_full(problems)) return false;
  if (problems.size() >= max_problems) {
    problems.push_back(Problem{0, 0, truncated_code, {{"max", std::to_string(max_problems)}}});
    return false;
  }
  problems.push_back(std::move(problem));
  return true;
}

}  // namespace kompas::domain
