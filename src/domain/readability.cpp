#include "domain/readability.h"

#include <string>
#include <vector>

namespace kompas::domain {
namespace {

// One UTF-8 character at `i`, with its byte length.
std::string_view char_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  return text.substr(i, std::min(n, text.size() - i));
}

bool is_ascii_letter_or_digit(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A letter: ASCII letters and digits, and every non-ASCII character that is not punctuation we
// know (Latin letters with accents are two bytes starting with 0xC3).
bool is_word_char(std::string_view ch) {
  if (ch.size() == 1) return is_ascii_letter_or_digit(static_cast<unsigned char>(ch[0]));
  return static_cast<unsigned char>(ch[0]) == 0xC3 || static_cast<unsigned char>(ch[0]) == 0xC4 ||
         static_cast<unsigned char>(ch[0]) == 0xC5;
}

enum class VowelKind { none, vowel, diaeresis };

VowelKind vowel_kind(std::string_view ch) {
  if (ch.size() == 1) {
    switch (ch[0] | 0x20) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
        return VowelKind::vowel;
      default:
        return VowelKind::none;
    }
  }
  if (ch.size() == 2 && static_cast<unsigned char>(ch[0]) == 0xC3) {
    const auto c = static_cast<unsigned char>(ch[1]);
    // ä ë ï ö ü (and capitals): a new syllable.
    if (c == 0xA4 || c == 0xAB || c == 0xAF || c == 0xB6 || c == 0xBC || c == 0x84 || c == 0x8B ||
        c == 0x8F || c == 0x96 || c == 0x9C)
      return VowelKind::diaeresis;
    // á à â é è ê í ì î ó ò ô ú ù û and capitals.
    if ((c >= 0xA0 && c <= 0xA2) || (c >= 0xA8 && c <= 0xAA) || (c >= 0xAC && c <= 0xAE) ||
        (c >= 0xB2 && c <= 0xB4) || (c >= 0xB9 && c <= 0xBB) || (c >= 0x80 && c <= 0x82) ||
        (c >= 0x88 && c <= 0x8A) || (c >= 0x8C && c <= 0x8E) || (c >= 0x92 && c <= 0x94) ||
        (c >= 0x99 && c <= 0x9B))
      return VowelKind::vowel;
  }
  return VowelKind::none;
}

// Whether the line from `i` starts with a block mark: a list item ("- ", "1. "), a heading or a
// quote.
bool starts_with_mark(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
  if (i >= text.size()) return false;
  const char c = text[i];
  if (c == '-' || c == '*' || c == '+' || c == '#' || c == '>') return true;
  std::size_t j = i;
  while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
  return j > i && j < text.size() && (text[j] == '.' || text[j] == ')');
}

// After a line break at `i`: whether a new block begins (a blank line or a marked line), so the
// line before was a sentence of its own. A single line break inside a paragraph is a space.
bool block_starts(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
  return i >= text.size() || text[i] == '\n' || starts_with_mark(text, i);
}

}  // namespace

int dutch_syllables(std::string_view word) {
  int groups = 0;
  bool in_vowels = false, has_letter = false;
  for (std::size_t i = 0; i < word.size();) {
    const auto ch = char_at(word, i);
    i += ch.size();
    const auto kind = vowel_kind(ch);
    if (kind == VowelKind::none) {
      in_vowels = false;
      has_letter = has_letter || is_word_char(ch);
      continue;
    }
    has_letter = true;
    if (!in_vowels || kind == VowelKind::diaeresis) ++groups;
    in_vowels = true;
  }
  return groups == 0 && has_letter ? 1 : groups;
}

Readability measure_readability(std::string_view text) {
  Readability r;
  bool sentence_has_words = false;
  const auto end_sentence = [&] {
    if (sentence_has_words) ++r.sentences;
    sentence_has_words = false;
  };
  std::string word;
  const auto end_word = [&] {
    // ' and - inside a word belong to it; at its edges they do not.
    while (!word.empty() && (word.back() == '\'' || word.back() == '-')) word.pop_back();
    if (word.ends_with("\xE2\x80\x99")) word.resize(word.size() - 3);
    if (word.empty()) return;
    ++r.words;
    r.syllables += dutch_syllables(word);
    sentence_has_words = true;
    word.clear();
  };
  bool line_start = true, marked_line = false;
  for (std::size_t i = 0; i < text.size();) {
    // A numbered list item's "1." or "2)" is a mark, not a word and not the end of a sentence.
    if (line_start) {
      marked_line = starts_with_mark(text, i);
      std::size_t j = i;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
      const std::size_t digits = j;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
      if (j > digits && j + 1 < text.size() && (text[j] == '.' || text[j] == ')') &&
          text[j + 1] == ' ')
        i = j + 1;
      line_start = false;
    }
    const auto ch = char_at(text, i);
    i += ch.size();
    if (ch == "\n") line_start = true;
    if (is_word_char(ch)) {
      word += ch;
    } else if ((ch == "'" || ch == "\xE2\x80\x99" || ch == "-") && !word.empty()) {
      word += ch;
    } else if ((ch == "." || ch == ",") && !word.empty() && word.back() >= '0' &&
               word.back() <= '9' && i < text.size() && text[i] >= '0' && text[i] <= '9') {
      word += ch;  // 1.500 and 12,5 are one word
    } else {
      end_word();
      const bool stop = ch == "." || ch == "!" || ch == "?";
      const bool at_boundary = i >= text.size() || text[i] == ' ' || text[i] == '\n' ||
                               text[i] == '\r' || text[i] == '\t' || text[i] == '"' ||
                               text[i] == ')';
      // A marked line (a heading, a list item) ends at its line break, and so does the line
      // before a new block.
      if ((stop && at_boundary) || (ch == "\n" && (marked_line || block_starts(text, i))))
        end_sentence();
    }
  }
  end_word();
  end_sentence();
  if (r.words == 0) return r;
  r.words_per_sentence = static_cast<double>(r.words) / r.sentences;
  r.syllables_per_word = static_cast<double>(r.syllables) / r.words;
  r.flesch_douma = 206.835 - 0.93 * r.words_per_sentence - 77 * r.syllables_per_word;
  r.b1 = r.flesch_douma >= kB1MinimumScore && r.words_per_sentence <= kB1MaximumSentence;
  return r;
}

}  // namespace kompas::domain
