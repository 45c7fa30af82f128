#include "web/ui/problems.h"

namespace kompas::web {

std::string problem_text(const Catalogue& catalogue, Lang lang, const domain::Problem& problem) {
  auto params = problem.params;
  params["line"] = std::to_string(problem.line);
  params["column"] = std::to_string(problem.column);
  const auto message = catalogue.format(lang, "problem." + problem.code, params);
  if (problem.line == 0) return message;
  const auto place = problem.column == 0 ? "problem.at_line" : "problem.at_line_column";
  return catalogue.format(lang, place, params) + message;
}

}  // namespace kompas::web
