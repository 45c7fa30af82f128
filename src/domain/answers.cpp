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
  for (const std::string_view pair : split(text, ',')) {
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
  }
  return codes;
}

AnswerParser::AnswerParser(Scale scale, AnswerCodes codes)
    : scale_(scale), codes_(std::move(codes)) {}

bool AnswerParser::pack(std::string_view cell, Seen& seen) {
  // Loads that may overlap cover every byte without copying the cell first (a copy followed
  // by a wide load stalls the processor); with the size known, the packing is unique.
  const char* p = cell.data();
  const std::size_t n = cell.size();
  auto load8 = [](const char* at) {
    std::uint64_t v;
    std::memcpy(&v, at, 8);
    return v;
  };
  auto load4 = [](const char* at) {
    std::uint32_t v;
    std::memcpy(&v, at, 4);
    return std::uint64_t{v};
  };
  if (n > 16) return false;
  if (n >= 8) {
    seen.low = load8(p);
    seen.high = load8(p + n - 8);
  } else if (n >= 4) {
    seen.low = load4(p) | (load4(p + n - 4) << 32);
  } else if (n > 0) {
    seen.low = static_cast<unsigned char>(p[0]) | (static_cast<unsigned char>(p[n / 2]) << 8) |
               (static_cast<unsigned char>(p[n - 1]) << 16);
  }
  seen.size = n;
  return true;
}

std::optional<AnswerCode> AnswerParser::parse(std::string_view cell) {
  Seen key;
  if (!pack(cell, key)) return parse_uncached(cell);
  // Slot 0 of `size` marks an empty slot, so the empty cell (size 0) is parsed each time;
  // that is cheap.
  const std::uint64_t hash =
      (key.low ^ (key.high * 0x9E3779B97F4A7C15ULL) ^ key.size) * 0xBF58476D1CE4E5B9ULL;
  for (std::size_t i = hash >> 57, probes = 0; probes < seen_.size();
       i = (i + 1) % seen_.size(), ++probes) {
    Seen& slot = seen_[i];
    if (slot.size == 0) {
      key.code = parse_uncached(cell);
      // Keep the table at most half full, so lookups stay short; free text is not cached.
      if (key.size > 0 && seen_count_ < seen_.size() / 2) {
        slot = key;
        ++seen_count_;
      }
      return key.code;
    }
    if (slot.low == key.low && slot.high == key.high && slot.size == key.size) return slot.code;
  }
  return parse_uncached(cell);
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
