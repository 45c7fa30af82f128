#pragma once

// Text helpers for files people upload: spreadsheets saved as CSV arrive as UTF-8 (with or
// without BOM) or as Windows-1252 (Excel's "CSV (gescheiden door lijstscheidingsteken)").
//
// Problem codes emitted here (messages: see the list at the top of areas.h):
//   text.binary   – the bytes contain NUL, so this is no text file (xlsx, pdf, image, ...)
//   text.utf16    – the file starts with a UTF-16 byte order mark (Excel "Unicode-tekst")

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/problem.h"

namespace kompas::domain {

// Strict UTF-8: rejects overlong forms, surrogates (U+D800..U+DFFF) and values above U+10FFFF.
bool is_valid_utf8(std::string_view bytes);

// Decodes Windows-1252 to UTF-8. The five bytes that code page leaves undefined (0x81, 0x8D,
// 0x8F, 0x90, 0x9D) become U+FFFD, so a damaged name stays visible instead of failing the file.
std::string windows1252_to_utf8(std::string_view bytes);

enum class TextEncoding { utf8, windows1252 };

struct DecodedText {
  std::string text;  // UTF-8 without BOM; empty when `problem` is set
  TextEncoding encoding = TextEncoding::utf8;
  std::optional<Problem> problem;  // text.binary or text.utf16
};

// Strips a UTF-8 BOM; returns valid UTF-8 as is and decodes anything else as Windows-1252.
// Refuses NUL bytes (text.binary) and UTF-16 (text.utf16).
DecodedText decode_text(std::string_view bytes);

// The same without copying text that is already UTF-8: `text` views `bytes` (BOM skipped) or,
// for Windows-1252, `storage`.
struct DecodedView {
  std::string_view text;
  TextEncoding encoding = TextEncoding::utf8;
  std::optional<Problem> problem;
};
DecodedView decode_text_view(std::string_view bytes, std::string& storage);

// Removes ASCII white space (space, tab, CR, LF, VT, FF) and no-break spaces (U+00A0, which
// Excel and web pages put around numbers) from both ends.
std::string trim(std::string_view text);
std::string_view trim_view(std::string_view text);

// The parts between separators, empty ones included: "a,,b" gives "a", "", "b".
std::vector<std::string_view> split(std::string_view text, char separator);

// A stored list of words: "a,b" <-> {"a", "b"}; the empty text is the empty list.
std::string join_words(const std::vector<std::string>& words, char separator = ',');
std::vector<std::string> split_words(std::string_view text, char separator = ',');

// Only A-Z / a-z change; other bytes (including UTF-8 sequences) are kept.
std::string lower_ascii(std::string_view text);
// For comparing names as people mean them: lower case, accents dropped from Latin letters
// ("Noördeinde" and "NOORDEINDE" both give "noordeinde"), runs of white space as one space,
// trimmed. Text that is not valid UTF-8 is only lowered.
std::string fold_for_matching(std::string_view text);
std::string upper_ascii(std::string_view text);

// Number of Unicode code points in valid UTF-8 (continuation bytes are not counted).
std::size_t utf8_length(std::string_view text);
// At most `bytes` bytes of the text, never cutting a character in half.
std::string utf8_prefix(std::string_view text, std::size_t bytes);
// At most about `bytes` bytes, cut at a space where one is in the second half, with " …"
// after a text that was cut; one short last word over the limit is kept.
std::string cut_between_words(std::string_view text, std::size_t bytes);

}  // namespace kompas::domain
