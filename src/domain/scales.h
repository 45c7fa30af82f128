#pragma once
// Loneliness scales, scored exactly as ../shared/reference/measurement.md describes:
// De Jong Gierveld 11 items (3- or 5-point answers), its 6-item short form, and UCLA-3.
// No imputation and no pro-rating: a score is the sum of the answered items, or missing.
#include <array>
#include <optional>

namespace kompas::domain {

// DJG answers on the 5-point form; the 3-point form uses nee, min_of_meer and ja.
enum class DjgAnswer { nee_nee, nee, min_of_meer, ja, ja_ja };

// UCLA-3 answers with their scores 1..3.
enum class UclaAnswer { hardly_ever = 1, some_of_the_time = 2, often = 3 };

// DJG items are numbered 1..11; positive items (1, 4, 7, 8, 11) form the social subscale,
// negative items (2, 3, 5, 6, 9, 10) the emotional one.
bool djg_item_is_positive(int item);

// 0 or 1. The neutral "min of meer" always counts as lonely.
int djg_item_score(int item, DjgAnswer answer);

struct DjgScores {
  std::optional<int> total;
  std::optional<int> emotional;
  std::optional<int> social;
};

using Djg11Answers = std::array<std::optional<DjgAnswer>, 11>;  // items 1..11 in order
// The short form's items in the order 3, 4, 7, 8, 9, 10 (columns djg3 djg4 djg7 djg8 djg9 djg10).
inline constexpr std::array<int, 6> kDjg6Items = {3, 4, 7, 8, 9, 10};
using Djg6Answers = std::array<std::optional<DjgAnswer>, 6>;
using Ucla3Answers = std::array<std::optional<UclaAnswer>, 3>;

// Total and subscales are missing when more than one of their items is missing.
DjgScores score_djg11(const Djg11Answers& answers);
// Total missing when more than one item is missing; subscales need all three items.
DjgScores score_djg6(const Djg6Answers& answers);
// Sum 3..9; needs all three items.
std::optional<int> score_ucla3(const Ucla3Answers& answers);

// GGD/RIVM categories of the DJG-11 total.
enum class Djg11Category { niet, matig, ernstig, zeer_ernstig };  // 0-2, 3-8, 9-10, 11
Djg11Category djg11_category(int total);
// CBS categories of the DJG-6 total.
enum class Djg6Category { niet, matig, sterk };  // 0-1, 2-4, 5-6
Djg6Category djg6_category(int total);

// Where sources disagree the threshold is a setting; the defaults follow the reference.
struct ScaleThresholds {
  int djg11_subscale = 3;  // vzinfo and allecijfers; RIVM's 2016 method used 2
  int djg6_subscale = 1;   // the manual
  int ucla3_lonely = 6;
};

// The indicators published per scale; missing when the score they rest on is missing.
struct Indicators {
  std::optional<bool> eenzaam;
  std::optional<bool> ernstig_eenzaam;  // DJG-11: total >= 9
  std::optional<bool> sterk_eenzaam;    // DJG-6: total >= 5
  std::optional<bool> emotioneel_eenzaam;
  std::optional<bool> sociaal_eenzaam;
};

Indicators djg11_indicators(const DjgScores& scores, const ScaleThresholds& thresholds = {});
Indicators djg6_indicators(const DjgScores& scores, const ScaleThresholds& thresholds = {});
Indicators ucla3_indicators(std::optional<int> score, const ScaleThresholds& thresholds = {});

}  // namespace kompas::domain
