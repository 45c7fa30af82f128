#pragma once
// The quality check instrument (issue 12): themes of questions that a project team scores
// 1–10 or "n.v.t.", each question with a help text and a tip per score band. The instrument is
// data: a versioned JSON file shipped with the program (data/kwaliteit/instrument-<n>.json) and
// kept in the database, so a round keeps the version it was answered with.
//
// Problem codes emitted here (messages "problem.<code>"):
//   instrument.json             – the file is not JSON ({detail})
//   instrument.version          – no positive whole version number
//   instrument.no_themes        – no list of themes, or something else in it
//   instrument.no_questions     – a theme without questions ({theme})
//   instrument.code             – a theme or question code that is not lowercase a–z, 0–9, _
//                                 ({code})
//   instrument.duplicate_theme  – a theme code used twice ({code})
//   instrument.duplicate_question – a question code used twice, in any theme ({code})
//   instrument.missing_text     – a text without its Dutch or English version ({place})
//   instrument.unknown_element  – an element that is not one of the seven effective elements
//                                 ({code}, {element})
//   instrument.version_not_newer – a version added later must come after the newest stored one
//                                 ({version}, {latest})
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/problem.h"
#include "domain/words.h"

namespace kompas::domain {

// A text in both of the product's languages.
struct LocalText {
  std::string nl, en;
  bool operator==(const LocalText&) const = default;
};

// Score bands, the way Dutch school marks read: 1–5 is not enough yet, 6–7 is fair, 8–10 good.
// Each question has a tip for each band.
enum class Band { laag, midden, hoog };
template <>
struct Words<Band> {
  static constexpr std::array<std::string_view, 3> list{"laag", "midden", "hoog"};
};
Band band_of(int score);  // score 1..10

struct CheckQuestion {
  std::string code;
  std::string element;  // one of effective_elements(), or empty
  LocalText text, help;
  std::array<LocalText, 3> tips;  // by Band
  bool operator==(const CheckQuestion&) const = default;
};

struct CheckTheme {
  std::string code;
  LocalText title;
  std::vector<CheckQuestion> questions;
  bool operator==(const CheckTheme&) const = default;
};

struct Instrument {
  int version = 0;
  LocalText name;
  std::vector<CheckTheme> themes;
  bool operator==(const Instrument&) const = default;

  std::size_t question_count() const;
  const CheckQuestion* find(std::string_view question_code) const;
};

struct InstrumentRead {
  std::optional<Instrument> instrument;  // only when there are no problems
  std::vector<Problem> problems;
};

// Reads an instrument file completely and returns the instrument or every problem found.
InstrumentRead read_instrument(std::string_view json);

// A coalition's own version (added after the shipped ones) must have a higher number than the
// newest stored version, so rounds answered with older versions keep theirs; none when it does.
std::optional<Problem> check_new_version(int version, std::optional<int> latest);

}  // namespace kompas::domain
