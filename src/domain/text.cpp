#include "domain/text.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <utility>

namespace kompas::domain {

namespace {

// Only what Windows-1252 produces: U+0080..U+FFFF, so two or three bytes.
void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  }
  out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

// Windows-1252 0x80..0x9F; 0xFFFD where the code page defines nothing.
constexpr std::array<char32_t, 32> cp1252_high = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,  // 88-8F
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,  // 98-9F
};

bool is_trim_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Files are mostly ASCII: skip eight such bytes at a time.
    if (n - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return false;  // 0x80..0xC1 (continuation or overlong lead) and 0xF5..0xFF
    }
    if (n - i < len) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else if (c < 0xA0) {
      append_utf8(out, cp1252_high[c - 0x80]);
    } else {
      append_utf8(out, c);  // 0xA0..0xFF equal Latin-1 and so U+00A0..U+00FF
    }
  }
  return out;
}

DecodedView decode_text_view(std::string_view bytes, std::string& storage) {
  DecodedView result;
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    result.problem = Problem{0, 0, "text.utf16", {}};
    return result;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (std::memchr(bytes.data(), 0, bytes.size())) {
    result.problem = Problem{0, 0, "text.binary", {}};
    return result;
  }
  if (is_valid_utf8(bytes)) {
    result.text = bytes;
  } else {
    result.encoding = TextEncoding::windows1252;
    storage = windows1252_to_utf8(bytes);
    result.text = storage;
  }
  return result;
}

DecodedText decode_text(std::string_view bytes) {
  std::string storage;
  const DecodedView view = decode_text_view(bytes, storage);
  DecodedText result;
  result.encoding = view.encoding;
  result.problem = view.problem;
  if (!view.problem) result.text = storage.empty() ? std::string(view.text) : std::move(storage);
  return result;
}

std::string_view trim_view(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e) {
    if (is_trim_space(static_cast<unsigned char>(text[b]))) {
      ++b;
    } else if (e - b >= 2 && text[b] == '\xC2' && text[b + 1] == '\xA0') {
      b += 2;
    } else {
      break;
    }
  }
  while (e > b) {
    if (is_trim_space(static_cast<unsigned char>(text[e - 1]))) {
      --e;
    } else if (e - b >= 2 && text[e - 2] == '\xC2' && text[e - 1] == '\xA0') {
      e -= 2;
    } else {
      break;
    }
  }
  return text.substr(b, e - b);
}

std::string trim(std::string_view text) {
  return std::string(trim_view(text));
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find(separator, start)) != std::string_view::npos; start = at + 1)
    parts.push_back(text.substr(start, at - start));
  parts.push_back(text.substr(start));
  return parts;
}

std::string join_words(const std::vector<std::string>& words, char separator) {
  std::string text;
  for (const auto& word : words) {
    if (!text.empty()) text += separator;
    text += word;
  }
  return text;
}

std::vector<std::string> split_words(std::string_view text, char separator) {
  std::vector<std::string> words;
  for (const auto word : split(text, separator))
    if (!word.empty()) words.emplace_back(word);
  return words;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

// The base letter of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A), 0 for none.
char latin_base(char32_t c) {
  static const char* latin1 =  // U+00C0..U+00FF
      "AAAAAAACEEEEIIII"
      "DNOOOOO\0OUUUUYTs"
      "aaaaaaaceeeeiiii"
      "dnooooo\0ouuuuyty";
  static const char* extended_a =  // U+0100..U+017F, in pairs of upper and lower case
      "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSs"
      "SsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
  if (c >= 0xC0 && c <= 0xFF) return latin1[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) return extended_a[c - 0x100];
  return 0;
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  std::string out;
  if (!is_valid_utf8(text)) return lower_ascii(trim_view(text));
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? byte : byte & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
      space = !out.empty();
    } else if (c >= 0x300 && c <= 0x36F) {
      // A combining accent (files made on a Mac write "o" + U+0308 for "ö"): dropped.
    } else if (const char* several = c == 0x132 || c == 0x133   ? "ij"
                                     : c == 0xDF                ? "ss"
                                     : c == 0xC6 || c == 0xE6   ? "ae"
                                     : c == 0x152 || c == 0x153 ? "oe"
                                                                : nullptr) {
      if (space) out += ' ';
      space = false;
      out += several;
    } else {
      if (space) out += ' ';
      space = false;
      const char base = c < 0x80 ? static_cast<char>(c) : latin_base(c);
      if (base != 0)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(base)));
      else
        out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string utf8_prefix(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  // Step back over continuation bytes (10xxxxxx) to the start of the character cut.
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return std::string(text.substr(0, bytes));
}

std::string cut_between_words(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  const auto space = text.rfind(' ', bytes);
  // One short word over is kept rather than cut off: "…een afspraak voor een …" helps nobody.
  if (space != std::string_view::npos && text.find(' ', space + 1) == std::string_view::npos &&
      text.size() - space <= 20)
    return std::string(text);
  const auto kept = space == std::string_view::npos || space < bytes / 2
                        ? utf8_prefix(text, bytes)
                        : std::string(text.substr(0, space));
  return kept + " …";
}

}  // namespace kompas::domain
