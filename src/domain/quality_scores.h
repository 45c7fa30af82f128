#pragma once
// Scores of a quality check round (issue 12): what one respondent may answer, and what a team's
// answers add up to per question — median, range, whether the team should talk about it, and
// which questions are the strongest and the main improvement points.
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/quality_instrument.h"
#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::domain {

// A team whose scores lie this far apart (highest − lowest) or more should talk about it.
inline constexpr int kDisagreementSpread = 4;
// No aggregate of fewer respondents is shown outside the round's team (privacy).
inline constexpr std::size_t kMinRespondents = 3;
// The coalition's median for a question is shown only when this many activities answered it.
inline constexpr std::size_t kMinActivitiesToCompare = 3;
// At most this many strongest points and improvement points.
inline constexpr std::size_t kPointsShown = 3;

// One respondent's answer to one question: a score of 1 to 10, or "n.v.t." (a deliberate choice
// not to use it) with the reason; neither while unanswered.
struct CheckAnswer {
  std::optional<int> score;
  bool not_applicable = false;
  std::string reason;
  bool answered() const { return score || not_applicable; }
  bool operator==(const CheckAnswer&) const = default;
};

// What a form posts for one question: the choice ("1".."10", "nvt" or "" for not yet) and the
// reason. Sets errors[field] (error.score, error.reason_required, error.too_long) on a bad one.
CheckAnswer read_answer(std::string_view choice, std::string_view reason, const std::string& field,
                        FieldErrors& errors);

// The median of the values (the mean of the middle two for an even count); none when empty.
std::optional<double> median(std::vector<double> values);

struct QuestionSummary {
  std::vector<int> scores;  // every score given, lowest first
  std::size_t not_applicable = 0;
  std::optional<double> median;  // of the scores
  int lowest = 0, highest = 0;   // 0 when nobody gave a score
  bool discuss = false;          // the scores lie kDisagreementSpread or more apart
};
QuestionSummary summarise(const std::vector<CheckAnswer>& answers);

// The band whose tip goes with a median: a half point counts down (5.5 is still "laag").
Band band_of_median(double median);

struct RankedQuestion {
  std::string code;
  double median = 0;
};
// The highest medians of 8 or more (band "hoog"), best first; and the lowest medians under 8,
// lowest first. Equal medians keep the instrument's order. At most kPointsShown of each.
std::vector<RankedQuestion> strongest_points(const Instrument& instrument,
                                             const std::map<std::string, QuestionSummary>& by_code);
std::vector<RankedQuestion> improvement_points(
    const Instrument& instrument, const std::map<std::string, QuestionSummary>& by_code);

// This round against the previous one, per question.
enum class Trend { hoger, lager, gelijk };
template <>
struct Words<Trend> {
  static constexpr std::array<std::string_view, 3> list{"hoger", "lager", "gelijk"};
};
std::optional<Trend> compare_medians(std::optional<double> now, std::optional<double> before);

// The coalition's median for a question over the medians of the activities that answered it
// (each activity's latest round); none when fewer than kMinActivitiesToCompare did.
std::optional<double> coalition_median(const std::vector<double>& activity_medians);

}  // namespace kompas::domain
