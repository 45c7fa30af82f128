#include "domain/answers.h"

#include <cstring>

#include "domain/text.h"

namespace kompas::domain {

std::optional<Scale> parse_scale(std::string_view name) {
  const std::string lower = lower_ascii(trim_view(name));
  if (lower == "djg11") return Scale::djg11;
  if (lower == "djg6") return Scale::djg6;
  if (lower == "ucla3") return Scale::ucla3;
  return std::nullopt;
}

std::string_view scale_name(Scale scale) {
  switch (scale) {
    case Scale::djg11:
      return "djg11";
    case Scale::djg6:
      return "djg6";
    case Scale::ucla3:
      return "ucla3";
  }
  return "";
}

std::size_t scale_item_count(Scale scale) {
  switch (scale) {
    case Scale::djg11:
      return 11;
    case Scale::djg6:
      return kDjg6Items.size();
    case Scale::ucla3:
      return 3;
  }
  return 0;
}

std::vector<std::string> default_item_columns(Scale scale) {
  std::vector<std::string> columns;
  switch (scale) {
    case Scale::djg11:
      for (int i = 1; i <= 11; ++i) columns.push_back("djg" + std::to_string(i));
      break;
    case Scale::djg6:
      for (int item : kDjg6Items) columns.push_back("djg" + std::to_string(item));
      break;
    case Scale::ucla3:
      for (int i = 1; i <= 3; ++i) columns.push_back("ucla" + std::to_string(i));
      break;
  }
  return columns;
}

std::string normalise_answer(std::string_view raw) {
  const std::string_view text = trim_view(raw);
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // no-break space
      space = true;
      ++i;
      continue;
    }
    if (space && c != '!') out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

std::optional<DjgAnswer> parse_djg_word(std::string_view a) {
  if (a == "nee!" || a == "no!") return DjgAnswer::nee_nee;
  if (a == "nee" || a == "no") return DjgAnswer::nee;
  if (a == "min of meer" || a == "more or less") return DjgAnswer::min_of_meer;
  if (a == "ja" || a == "yes") return DjgAnswer::ja;
  if (a == "ja!" || a == "yes!") return DjgAnswer::ja_ja;
  return std::nullopt;
}

std::optional<UclaAnswer> parse_ucla_word(std::string_view a) {
  if (a == "1" || a == "(bijna) nooit" || a == "bijna nooit" || a == "nooit" || a == "hardly ever")
    return UclaAnswer::hardly_ever;
  if (a == "2" || a == "soms" || a == "some of the time") return UclaAnswer::some_of_the_time;
  if (a == "3" || a == "vaak" || a == "often") return UclaAnswer::often;
  return std::nullopt;
}

std::optional<AnswerCodes> parse_answer_codes(std::string_view text,
                                              std::vector<Problem>& problems) {
  AnswerCodes codes;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string_view pair = text.substr(start, comma - start);
    const std::size_t eq = pair.find('=');
    const std::string code =
        eq == std::string_view::npos ? "" : normalise_answer(pair.substr(0, eq));
    const auto answer = eq == std::string_view::npos
                            ? std::nullopt
                            : parse_djg_word(normalise_answer(pair.substr(eq + 1)));
    if (code.empty() || !answer || codes.contains(code)) {
      add_problem(problems, Problem{0, 0, "answers.bad_codes", {{"value", std::string(pair)}}});
      return std::nullopt;
    }
    codes.emplace(code, *answer);
    start = comma + 1;
  }
  return codes;
}

AnswerParser::AnswerParser(Scale scale, AnswerCodes codes)
    : scale_(scale), codes_(std::move(codes)) {}

std::optional<AnswerCode> AnswerParser::parse(std::string_view cell) {
  for (const auto& [spelling, code] : seen_) {
    if (spelling.size() == cell.size() &&
        std::memcmp(spelling.data(), cell.data(), cell.size()) == 0)
      return code;
  }
  auto code = parse_uncached(cell);
  // A file with free text in an item column would grow this list without end; stop at 64.
  if (seen_.size() < 64) seen_.emplace_back(std::string(cell), code);
  return code;
}

std::optional<AnswerCode> AnswerParser::parse_uncached(std::string_view cell) const {
  const std::string a = normalise_answer(cell);
  if (a.empty()) return missing_answer;
  if (scale_ == Scale::ucla3) {
    const auto answer = parse_ucla_word(a);
    if (!answer) return std::nullopt;
    return static_cast<AnswerCode>(*answer);
  }
  if (const auto it = codes_.find(a); it != codes_.end()) return djg_code(it->second);
  if (const auto answer = parse_djg_word(a)) return djg_code(*answer);
  return std::nullopt;
}

}  // namespace kompas::domain
