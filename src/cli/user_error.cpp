#include "cli/commands.h"
#include "web/ui/problems.h"

namespace kompas::cli {

void throw_problems(const std::string& heading, const std::vector<domain::Problem>& problems,
                    const Texts& t) {
  std::string text = heading;
  for (const auto& problem : problems)
    text += "\n  " + web::problem_text(t.catalogue, t.lang, problem);
  throw UserError(text);
}

}  // namespace kompas::cli
