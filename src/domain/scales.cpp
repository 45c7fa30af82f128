#include "domain/scales.h"

#include <stdexcept>

namespace kompas::domain {
namespace {

// Sums the answered items; missing when more missing items than allowed.
template <std::size_t N, typename Score>
std::optional<int> sum_items(const std::array<int, N>& items, int max_missing, Score score) {
  int sum = 0, missing = 0;
  for (int item : items) {
    const auto value = score(item);
    if (!value)
      ++missing;
    else
      sum += *value;
  }
  if (missing > max_missing) return std::nullopt;
  return sum;
}

std::optional<bool> at_least(std::optional<int> score, int threshold) {
  if (!score) return std::nullopt;
  return *score >= threshold;
}

}  // namespace

bool djg_item_is_positive(int item) {
  if (item < 1 || item > 11) throw std::out_of_range("DJG item numbers are 1..11");
  return item == 1 || item == 4 || item == 7 || item == 8 || item == 11;
}

int djg_item_score(int item, DjgAnswer answer) {
  if (answer == DjgAnswer::min_of_meer) return 1;
  const bool agrees = answer == DjgAnswer::ja || answer == DjgAnswer::ja_ja;
  return djg_item_is_positive(item) ? !agrees : agrees;
}

DjgScores score_djg11(const Djg11Answers& answers) {
  // One pass over the items: this runs for every respondent of surveys of a million.
  int sums[2] = {0, 0}, missing[2] = {0, 0};  // [0] emotional (negative items), [1] social
  for (int item = 1; item <= 11; ++item) {
    const bool positive = item == 1 || item == 4 || item == 7 || item == 8 || item == 11;
    const auto& answer = answers[item - 1];
    if (answer)
      sums[positive] += djg_item_score(item, *answer);
    else
      ++missing[positive];
  }
  auto score = [](int sum, int missing_items) -> std::optional<int> {
    if (missing_items > 1) return std::nullopt;
    return sum;
  };
  return {score(sums[0] + sums[1], missing[0] + missing[1]), score(sums[0], missing[0]),
          score(sums[1], missing[1])};
}

DjgScores score_djg6(const Djg6Answers& answers) {
  auto score = [&](int item) -> std::optional<int> {
    for (std::size_t i = 0; i < kDjg6Items.size(); ++i)
      if (kDjg6Items[i] == item && answers[i]) return djg_item_score(item, *answers[i]);
    return std::nullopt;
  };
  constexpr std::array<int, 3> emotional = {3, 9, 10};
  constexpr std::array<int, 3> social = {4, 7, 8};
  return {sum_items(kDjg6Items, 1, score), sum_items(emotional, 0, score),
          sum_items(social, 0, score)};
}

std::optional<int> score_ucla3(const Ucla3Answers& answers) {
  int sum = 0;
  for (const auto& answer : answers) {
    if (!answer) return std::nullopt;
    sum += static_cast<int>(*answer);
  }
  return sum;
}

Djg11Category djg11_category(int total) {
  if (total < 0 || total > 11) throw std::out_of_range("DJG-11 totals are 0..11");
  if (total <= 2) return Djg11Category::niet;
  if (total <= 8) return Djg11Category::matig;
  if (total <= 10) return Djg11Category::ernstig;
  return Djg11Category::zeer_ernstig;
}

Djg6Category djg6_category(int total) {
  if (total < 0 || total > 6) throw std::out_of_range("DJG-6 totals are 0..6");
  if (total <= 1) return Djg6Category::niet;
  if (total <= 4) return Djg6Category::matig;
  return Djg6Category::sterk;
}

Indicators djg11_indicators(const DjgScores& s, const ScaleThresholds& t) {
  Indicators i;
  i.eenzaam = at_least(s.total, 3);
  i.ernstig_eenzaam = at_least(s.total, 9);
  i.emotioneel_eenzaam = at_least(s.emotional, t.djg11_subscale);
  i.sociaal_eenzaam = at_least(s.social, t.djg11_subscale);
  return i;
}

Indicators djg6_indicators(const DjgScores& s, const ScaleThresholds& t) {
  Indicators i;
  i.eenzaam = at_least(s.total, 2);
  i.sterk_eenzaam = at_least(s.total, 5);
  i.emotioneel_eenzaam = at_least(s.emotional, t.djg6_subscale);
  i.sociaal_eenzaam = at_least(s.social, t.djg6_subscale);
  return i;
}

Indicators ucla3_indicators(std::optional<int> score, const ScaleThresholds& t) {
  Indicators i;
  i.eenzaam = at_least(score, t.ucla3_lonely);
  return i;
}

}  // namespace kompas::domain
