#include "domain/self_scan.h"

#include <cmath>

#include "domain/text_limits.h"

namespace kompas::domain {

std::vector<PillarScore> pillar_scores(const Instrument& instrument,
                                       const std::map<std::string, CheckAnswer>& answers) {
  std::vector<PillarScore> scores;
  for (const auto& theme : instrument.themes) {
    PillarScore pillar{theme.code};
    int sum = 0;
    for (const auto& q : theme.questions) {
      const auto found = answers.find(q.code);
      if (found == answers.end()) continue;
      if (found->second.score) {
        sum += *found->second.score;
        ++pillar.scored;
      } else if (found->second.not_applicable) {
        ++pillar.not_applicable;
      }
    }
    // Rounded to one decimal on whole tenths, so 6.25 and 6.35 do not depend on binary noise.
    if (pillar.scored > 0)
      pillar.score = std::round(sum * 10.0 / static_cast<double>(pillar.scored)) / 10.0;
    scores.push_back(std::move(pillar));
  }
  return scores;
}

bool is_this_or_last_year(int year, int this_year) {
  return year == this_year || year == this_year - 1;
}

bool is_closable_year(int year, int this_year) {
  return year == this_year - 1;
}

FieldErrors validate(const Term& term) {
  FieldErrors errors;
  if (term.term.empty()) errors["term"] = "error.required";
  check_length(errors, "term", term.term, text_limit::name);
  if (term.meaning.empty()) errors["meaning"] = "error.required";
  check_length(errors, "meaning", term.meaning, text_limit::note);
  return errors;
}

}  // namespace kompas::domain
