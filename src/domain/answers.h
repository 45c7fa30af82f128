#pragma once
// Reading the answers people typed or exported into a survey file, for the scales in scales.h.
//
// Matching ignores case, white space at either end and doubled spaces inside, so "Ja",
// " ja ", "Min  of meer" and "ja !" are all understood. Accepted words:
//   DJG: nee! / nee / min of meer / ja / ja!  and English no! / no / more or less / yes / yes!
//   UCLA: (bijna) nooit / soms / vaak, hardly ever / some of the time / often, or 1 / 2 / 3
// Numeric codes for DJG items (an export from SPSS, say) are only read with explicit codes,
// because "1" means "ja" in one questionnaire and "nee" in another.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/problem.h"
#include "domain/scales.h"

namespace kompas::domain {

enum class Scale { djg11, djg6, ucla3 };

std::optional<Scale> parse_scale(std::string_view name);  // "djg11", "djg6", "ucla3"
std::string_view scale_name(Scale scale);
std::size_t scale_item_count(Scale scale);
// Default column names: djg1..djg11; djg3 djg4 djg7 djg8 djg9 djg10; ucla1..ucla3.
std::vector<std::string> default_item_columns(Scale scale);

// An answer as stored: 0 is missing; DJG answers are 1 + DjgAnswer (1..5), UCLA answers 1..3.
using AnswerCode = std::uint8_t;
inline constexpr AnswerCode missing_answer = 0;

inline AnswerCode djg_code(DjgAnswer a) {
  return static_cast<AnswerCode>(static_cast<int>(a) + 1);
}
inline DjgAnswer djg_answer(AnswerCode c) {
  return static_cast<DjgAnswer>(c - 1);
}
inline UclaAnswer ucla_answer(AnswerCode c) {
  return static_cast<UclaAnswer>(c);
}

// Lower case, white space trimmed and collapsed to single spaces, no space before "!".
std::string normalise_answer(std::string_view raw);

std::optional<DjgAnswer> parse_djg_word(std::string_view normalised);
std::optional<UclaAnswer> parse_ucla_word(std::string_view normalised);

// "1=ja,2=min of meer,3=nee": numeric (or other) codes for DJG answers.
// Problem codes: answers.bad_codes {value}.
using AnswerCodes = std::map<std::string, DjgAnswer>;  // normalised code -> answer
std::optional<AnswerCodes> parse_answer_codes(std::string_view text,
                                              std::vector<Problem>& problems);

// Reads one cell. Remembers the spellings it has seen, because a file of a million rows uses
// only a handful, so the common case is one comparison. One parser per thread.
class AnswerParser {
 public:
  explicit AnswerParser(Scale scale, AnswerCodes codes = {});

  // The code for the cell, missing_answer for an empty cell, nullopt when not an answer.
  std::optional<AnswerCode> parse(std::string_view cell);

 private:
  std::optional<AnswerCode> parse_uncached(std::string_view cell) const;

  // A spelling of up to 16 bytes packed into two words, so checking one is two comparisons.
  struct Seen {
    std::uint64_t low = 0, high = 0;
    std::size_t size = 0;
    std::optional<AnswerCode> code;
  };
  static bool pack(std::string_view cell, Seen& seen);

  Scale scale_;
  AnswerCodes codes_;
  // Open addressing on the packed words; a full table stops remembering (free text).
  std::array<Seen, 128> seen_{};
  std::size_t seen_count_ = 0;
};

}  // namespace kompas::domain
