#include "domain/quality_scores.h"

#include <algorithm>
#include <cmath>

#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {

CheckAnswer read_answer(std::string_view choice, std::string_view reason, const std::string& field,
                        FieldErrors& errors) {
  CheckAnswer answer;
  // What was typed as explanation is kept with any choice, and without one: "save and finish
  // later" loses nothing. Only n.v.t. needs it.
  answer.reason = trim(reason);
  check_length(errors, field, answer.reason, text_limit::reason);
  const auto typed = trim(choice);
  if (typed.empty()) return answer;
  if (typed == "nvt") {
    answer.not_applicable = true;
    if (answer.reason.empty()) errors[field] = "error.reason_required";
    return answer;
  }
  int score = 0;
  const bool digits = typed.size() <= 2 && std::all_of(typed.begin(), typed.end(),
                                                       [](char c) { return c >= '0' && c <= '9'; });
  if (digits) score = std::stoi(typed);
  if (!digits || score < 1 || score > 10) {
    errors[field] = "error.score";
    return answer;
  }
  answer.score = score;
  return answer;
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto middle = values.size() / 2;
  if (values.size() % 2 == 1) return values[middle];
  return (values[middle - 1] + values[middle]) / 2;
}

QuestionSummary summarise(const std::vector<CheckAnswer>& answers) {
  QuestionSummary summary;
  std::vector<double> values;
  for (const auto& a : answers) {
    if (a.score) {
      summary.scores.push_back(*a.score);
      values.push_back(*a.score);
    } else if (a.not_applicable) {
      ++summary.not_applicable;
    }
  }
  if (summary.scores.empty()) return summary;
  std::sort(summary.scores.begin(), summary.scores.end());
  summary.lowest = summary.scores.front();
  summary.highest = summary.scores.back();
  summary.discuss = summary.highest - summary.lowest >= kDisagreementSpread;
  summary.median = median(std::move(values));
  return summary;
}

Band band_of_median(double median) {
  return band_of(static_cast<int>(std::floor(median)));
}

namespace {

// The instrument's questions that have a median, in the instrument's order.
std::vector<RankedQuestion> with_medians(const Instrument& instrument,
                                         const std::map<std::string, QuestionSummary>& by_code) {
  std::vector<RankedQuestion> ranked;
  for (const auto& theme : instrument.themes)
    for (const auto& question : theme.questions) {
      const auto found = by_code.find(question.code);
      if (found != by_code.end() && found->second.median)
        ranked.push_back({question.code, *found->second.median});
    }
  return ranked;
}

std::vector<RankedQuestion> first_points(std::vector<RankedQuestion> ranked) {
  if (ranked.size() > kPointsShown) ranked.resize(kPointsShown);
  return ranked;
}

}  // namespace

std::vector<RankedQuestion> strongest_points(
    const Instrument& instrument, const std::map<std::string, QuestionSummary>& by_code) {
  auto ranked = with_medians(instrument, by_code);
  std::erase_if(ranked,
                [](const RankedQuestion& q) { return band_of_median(q.median) != Band::hoog; });
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.median > b.median; });
  return first_points(std::move(ranked));
}

std::vector<RankedQuestion> improvement_points(
    const Instrument& instrument, const std::map<std::string, QuestionSummary>& by_code) {
  auto ranked = with_medians(instrument, by_code);
  std::erase_if(ranked,
                [](const RankedQuestion& q) { return band_of_median(q.median) == Band::hoog; });
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.median < b.median; });
  return first_points(std::move(ranked));
}

std::optional<Trend> compare_medians(std::optional<double> now, std::optional<double> before) {
  if (!now || !before) return std::nullopt;
  if (*now > *before) return Trend::hoger;
  if (*now < *before) return Trend::lager;
  return Trend::gelijk;
}

std::optional<double> coalition_median(const std::vector<double>& activity_medians) {
  if (activity_medians.size() < kMinActivitiesToCompare) return std::nullopt;
  return median(activity_medians);
}

}  // namespace kompas::domain
