#include <gtest/gtest.h>

#include <string>

#include "domain/text.h"

using namespace kompas::domain;

namespace {

std::string bytes(std::initializer_list<int> list) {
  std::string s;
  for (int b : list) s.push_back(static_cast<char>(b));
  return s;
}

}  // namespace

TEST(Utf8, AcceptsAsciiAndEmpty) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Coalitiekompas 2024; a,b\t\r\n"));
  EXPECT_TRUE(is_valid_utf8(std::string("\0", 1)));  // NUL is valid UTF-8; decode_text refuses it
}

TEST(Utf8, AcceptsBoundariesOfEachLength) {
  EXPECT_TRUE(is_valid_utf8(bytes({0x7F})));                    // U+007F
  EXPECT_TRUE(is_valid_utf8(bytes({0xC2, 0x80})));              // U+0080
  EXPECT_TRUE(is_valid_utf8(bytes({0xDF, 0xBF})));              // U+07FF
  EXPECT_TRUE(is_valid_utf8(bytes({0xE0, 0xA0, 0x80})));        // U+0800
  EXPECT_TRUE(is_valid_utf8(bytes({0xED, 0x9F, 0xBF})));        // U+D7FF
  EXPECT_TRUE(is_valid_utf8(bytes({0xEE, 0x80, 0x80})));        // U+E000
  EXPECT_TRUE(is_valid_utf8(bytes({0xEF, 0xBF, 0xBF})));        // U+FFFF
  EXPECT_TRUE(is_valid_utf8(bytes({0xF0, 0x90, 0x80, 0x80})));  // U+10000
  EXPECT_TRUE(is_valid_utf8(bytes({0xF4, 0x8F, 0xBF, 0xBF})));  // U+10FFFF
  EXPECT_TRUE(is_valid_utf8("Café ’t Zand – Ruïne € 😀"));
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_FALSE(is_valid_utf8(bytes({0x80})));                    // lone continuation
  EXPECT_FALSE(is_valid_utf8(bytes({0xBF})));                    // lone continuation
  EXPECT_FALSE(is_valid_utf8(bytes({0xC0, 0x80})));              // overlong NUL
  EXPECT_FALSE(is_valid_utf8(bytes({0xC1, 0xBF})));              // overlong
  EXPECT_FALSE(is_valid_utf8(bytes({0xE0, 0x80, 0x80})));        // overlong
  EXPECT_FALSE(is_valid_utf8(bytes({0xE0, 0x9F, 0xBF})));        // overlong
  EXPECT_FALSE(is_valid_utf8(bytes({0xED, 0xA0, 0x80})));        // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8(bytes({0xED, 0xBF, 0xBF})));        // surrogate U+DFFF
  EXPECT_FALSE(is_valid_utf8(bytes({0xF0, 0x80, 0x80, 0x80})));  // overlong
  EXPECT_FALSE(is_valid_utf8(bytes({0xF0, 0x8F, 0xBF, 0xBF})));  // overlong
  EXPECT_FALSE(is_valid_utf8(bytes({0xF4, 0x90, 0x80, 0x80})));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8(bytes({0xF5, 0x80, 0x80, 0x80})));
  EXPECT_FALSE(is_valid_utf8(bytes({0xFE})));
  EXPECT_FALSE(is_valid_utf8(bytes({0xFF})));
  EXPECT_FALSE(is_valid_utf8(bytes({0xC3, 0x28})));              // bad continuation
  EXPECT_FALSE(is_valid_utf8(bytes({0xE2, 0x82, 0x28})));        // bad third byte
  EXPECT_FALSE(is_valid_utf8(bytes({0xF0, 0x9F, 0x98, 0x28})));  // bad fourth byte
}

TEST(Utf8, RejectsTruncatedSequenceAtEnd) {
  EXPECT_FALSE(is_valid_utf8("abc" + bytes({0xC3})));
  EXPECT_FALSE(is_valid_utf8("abc" + bytes({0xE2, 0x82})));
  EXPECT_FALSE(is_valid_utf8("abc" + bytes({0xF0, 0x9F, 0x98})));
}

TEST(Utf8, RejectsWindows1252Text) {
  EXPECT_FALSE(is_valid_utf8(bytes({'C', 'a', 'f', 0xE9})));       // "Café" in CP1252
  EXPECT_FALSE(is_valid_utf8(bytes({0x92, 't', ' ', 'Z', 'a'})));  // "’t Za"
}

TEST(Windows1252, MapsEveryByteOf0x80To0x9F) {
  // Expected characters written as UTF-8 literals, independent of the code's table.
  const char* expected[32] = {"€",      "\uFFFD", "‚", "ƒ", "„", "…",      "†", "‡",
                              "ˆ",      "‰",      "Š", "‹", "Œ", "\uFFFD", "Ž", "\uFFFD",
                              "\uFFFD", "‘",      "’", "“", "”", "•",      "–", "—",
                              "˜",      "™",      "š", "›", "œ", "\uFFFD", "ž", "Ÿ"};
  for (int b = 0x80; b <= 0x9F; ++b) {
    EXPECT_EQ(windows1252_to_utf8(bytes({b})), expected[b - 0x80]) << "byte 0x" << std::hex << b;
  }
}

TEST(Windows1252, UndefinedBytesBecomeReplacementCharacter) {
  for (int b : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
    EXPECT_EQ(windows1252_to_utf8(bytes({b})), "\xEF\xBF\xBD") << b;
  }
}

TEST(Windows1252, UpperHalfIsLatin1) {
  EXPECT_EQ(windows1252_to_utf8(bytes({0xA0})), "\u00A0");
  EXPECT_EQ(windows1252_to_utf8(bytes({0xA9})), "©");
  EXPECT_EQ(windows1252_to_utf8(bytes({0xC0})), "À");
  EXPECT_EQ(windows1252_to_utf8(bytes({0xC9})), "É");
  EXPECT_EQ(windows1252_to_utf8(bytes({0xE9})), "é");
  EXPECT_EQ(windows1252_to_utf8(bytes({0xEB})), "ë");
  EXPECT_EQ(windows1252_to_utf8(bytes({0xEF})), "ï");
  EXPECT_EQ(windows1252_to_utf8(bytes({0xF6})), "ö");
  EXPECT_EQ(windows1252_to_utf8(bytes({0xFF})), "ÿ");
}

TEST(Windows1252, AsciiUnchangedAndEveryByteGivesValidUtf8) {
  std::string ascii;
  for (int b = 0; b < 0x80; ++b) ascii.push_back(static_cast<char>(b));
  EXPECT_EQ(windows1252_to_utf8(ascii), ascii);

  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  const auto out = windows1252_to_utf8(all);
  EXPECT_TRUE(is_valid_utf8(out));
  EXPECT_EQ(utf8_length(out), 256u);  // one character per byte
}

TEST(Windows1252, DecodesAName) {
  EXPECT_EQ(windows1252_to_utf8(
                bytes({0x92, 't', ' ', 'C', 'a', 'f', 0xE9, 0x96, 'R', 'u', 0xEF, 'n', 'e'})),
            "’t Café–Ruïne");
}

TEST(DecodeText, KeepsValidUtf8) {
  const auto d = decode_text("naam;code\nCafé;GM9999\n");
  EXPECT_FALSE(d.problem);
  EXPECT_EQ(d.encoding, TextEncoding::utf8);
  EXPECT_EQ(d.text, "naam;code\nCafé;GM9999\n");
}

TEST(DecodeText, StripsUtf8Bom) {
  const auto d = decode_text("\xEF\xBB\xBFnaam;code\n");
  EXPECT_FALSE(d.problem);
  EXPECT_EQ(d.encoding, TextEncoding::utf8);
  EXPECT_EQ(d.text, "naam;code\n");
  EXPECT_EQ(decode_text("\xEF\xBB\xBF").text, "");
}

TEST(DecodeText, OnlyTheFirstBomIsStripped) {
  EXPECT_EQ(decode_text("\xEF\xBB\xBF\xEF\xBB\xBFx").text, "\xEF\xBB\xBFx");
}

TEST(DecodeText, FallsBackToWindows1252) {
  const auto d = decode_text(bytes({'C', 'a', 'f', 0xE9, ';', 0x80}));
  EXPECT_FALSE(d.problem);
  EXPECT_EQ(d.encoding, TextEncoding::windows1252);
  EXPECT_EQ(d.text, "Café;€");
}

TEST(DecodeText, BomFollowedByWindows1252IsStillDecoded) {
  const auto d = decode_text("\xEF\xBB\xBF" + bytes({'B', 'e', 'r', 'g', 0xEB, 'n'}));
  EXPECT_EQ(d.encoding, TextEncoding::windows1252);
  EXPECT_EQ(d.text, "Bergën");
}

TEST(DecodeText, EmptyInputIsEmptyText) {
  const auto d = decode_text("");
  EXPECT_FALSE(d.problem);
  EXPECT_EQ(d.text, "");
}

TEST(DecodeText, RefusesBinary) {
  const auto d = decode_text(std::string("PK\x03\x04\0\0", 6));  // start of an xlsx (zip)
  ASSERT_TRUE(d.problem);
  EXPECT_EQ(d.problem->code, "text.binary");
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(decode_text(std::string("naam;code\n\0", 11)).problem->code, "text.binary");
  EXPECT_EQ(decode_text(std::string("\xEF\xBB\xBF\0", 4)).problem->code, "text.binary");
}

TEST(DecodeText, RefusesUtf16) {
  const auto le = decode_text(std::string("\xFF\xFEn\0a\0", 6));
  ASSERT_TRUE(le.problem);
  EXPECT_EQ(le.problem->code, "text.utf16");
  const auto be = decode_text(std::string("\xFE\xFF\0n\0a", 6));
  ASSERT_TRUE(be.problem);
  EXPECT_EQ(be.problem->code, "text.utf16");
}

TEST(Trim, RemovesAsciiWhiteSpaceAndNoBreakSpace) {
  EXPECT_EQ(trim("  a b  "), "a b");
  EXPECT_EQ(trim("\t\r\n\v\fx\r\n"), "x");
  EXPECT_EQ(trim("\u00A0 12.345\u00A0"), "12.345");
  EXPECT_EQ(trim("\u00A0\u00A0"), "");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("a\u00A0b"), "a\u00A0b");  // inside is kept
  EXPECT_EQ(trim("é "), "é");
  EXPECT_EQ(trim("x\xC2"), "x\xC2");  // half a no-break space is not white space
  EXPECT_EQ(trim_view(" GM0363  "), "GM0363");
}

TEST(Case, ChangesOnlyAscii) {
  EXPECT_EQ(lower_ascii("GWB_Code_10 É"), "gwb_code_10 É");
  EXPECT_EQ(upper_ascii("wk036301 é"), "WK036301 é");
  EXPECT_EQ(lower_ascii(""), "");
  EXPECT_EQ(upper_ascii("@[`{"), "@[`{");  // neighbours of the letter ranges
  EXPECT_EQ(lower_ascii("@[`{"), "@[`{");
}

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("Ruïne"), 5u);
  EXPECT_EQ(utf8_length("€😀"), 2u);
}

TEST(Text, NamesFoldForMatchingWithoutCaseOrAccents) {
  using kompas::domain::fold_for_matching;
  EXPECT_EQ(fold_for_matching("  NOÖRDEINDE  "), "noordeinde");
  EXPECT_EQ(fold_for_matching("Noo\xCC\x88rdeinde"), "noordeinde");  // o + combining diaeresis
  EXPECT_EQ(fold_for_matching("\xC4\xB2sselmonde"), fold_for_matching("IJsselmonde"));  // Ĳ
  EXPECT_EQ(fold_for_matching("Zuid   Oost"), "zuid oost");
  EXPECT_EQ(fold_for_matching("Straße"), "strasse");
  EXPECT_EQ(fold_for_matching("\xFF\xFE"), "\xFF\xFE");  // not UTF-8: only lowered
}

#include "domain/dates.h"

TEST(Dates, AsDutchPeopleTypeThem) {
  using kompas::domain::read_date;
  EXPECT_EQ(read_date("2026-09-01", 2026), "2026-09-01");
  EXPECT_EQ(read_date("1 september 2026", 2000), "2026-09-01");
  EXPECT_EQ(read_date("1 September", 2027), "2027-09-01");
  EXPECT_EQ(read_date("1 sep 2026", 2000), "2026-09-01");
  EXPECT_EQ(read_date("1 sept. 2026", 2000), "2026-09-01");
  EXPECT_EQ(read_date("maandag 1 september 2026", 2000), "2026-09-01");
  EXPECT_EQ(read_date("15 mei 2025", 2000), "2025-05-15");
  EXPECT_EQ(read_date("1-9-2026", 2000), "2026-09-01");
  EXPECT_EQ(read_date("01/09/2026", 2000), "2026-09-01");
  EXPECT_EQ(read_date("1 October 2026", 2000), "2026-10-01");
  for (const char* bad : {"", "31 februari 2026", "30-2-2026", "morgen", "1 smarch 2026",
                          "2026-02-30", "1 september 99999", "32-1-2026"})
    EXPECT_FALSE(read_date(bad, 2026)) << bad;
}

TEST(Text, ShortenedBetweenWordsAndNeverInsideACharacter) {
  using kompas::domain::cut_between_words;
  using kompas::domain::utf8_prefix;
  EXPECT_EQ(cut_between_words("Koffie in de wijk", 40), "Koffie in de wijk");
  EXPECT_EQ(cut_between_words("Koffie in de wijk", 12), "Koffie in de wijk");  // one word over
  EXPECT_EQ(cut_between_words("Koffie in de wijk Noord-Oost en omstreken", 12), "Koffie in de …");
  EXPECT_EQ(cut_between_words("Koffie in de wijk", 11), "Koffie in …");
  // No space in the second half: cut at the length, after a whole character.
  EXPECT_EQ(cut_between_words("Ontmoetingscafé", 15), "Ontmoetingscaf …");
  EXPECT_EQ(utf8_prefix("café", 4), "caf");
}
