// Issue 25, point 11: the Dutch texts address the reader as "u", never as "je", "jij", "jouw" or
// "jou" — in the message catalogue, the templates, the shipped kennisbank articles, the Dutch
// texts of the quality check and the self-scan, and the demo's texts.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "embedded.h"
#include "web/core/i18n.h"

namespace kompas {
namespace {

// The UTF-8 character at `i` as a code point, with its length in bytes; a broken byte is a
// character of its own.
char32_t code_point_at(std::string_view text, std::size_t i, std::size_t& length) {
  const auto first = static_cast<unsigned char>(text[i]);
  length = first < 0x80           ? 1
           : (first >> 5) == 0x6  ? 2
           : (first >> 4) == 0xE  ? 3
           : (first >> 3) == 0x1E ? 4
                                  : 1;
  if (i + length > text.size()) length = 1;
  if (length == 1) return first;
  char32_t c = first & (0x3F >> (length - 1));
  for (std::size_t k = 1; k < length; ++k)
    c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return c;
}

// What a word is made of: ASCII letters, digits and _, the Latin letters with accents (é, ë, ï,
// ç, ł …) and combining accents. Punctuation such as ’ “ … – and spaces end a word.
bool is_word_letter(char32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;  // × and ÷ are no letters
  if (c >= 0x300 && c <= 0x36F) return true;                   // combining accents
  return c >= 0x1E00 && c <= 0x1EFF;                           // Latin Extended Additional
}

// The text around bytes [from, to), on one line, cut at whole characters.
std::string snippet(std::string_view text, std::size_t from, std::size_t to) {
  const auto inside_character = [&](std::size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  std::size_t begin = from > 30 ? from - 30 : 0;
  while (begin > 0 && inside_character(begin)) --begin;
  std::size_t end = std::min(text.size(), to + 30);
  while (end < text.size() && inside_character(end)) ++end;
  std::string out = begin > 0 ? "…" : "";
  out += text.substr(begin, end - begin);
  if (end < text.size()) out += "…";
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

// Each place where `text` says "je", "jij", "jouw" or "jou" (whole words, in any case), as a
// snippet of the text around it. "beetje" and "lijstjes" are other words.
std::vector<std::string> informal_address(std::string_view text) {
  static constexpr std::string_view kInformal[] = {"je", "jij", "jouw", "jou"};
  std::vector<std::string> places;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 0;
    if (!is_word_letter(code_point_at(text, i, length))) {
      i += length;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && is_word_letter(code_point_at(text, i, length))) i += length;
    std::string word(text.substr(start, i - start));
    for (auto& ch : word)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (std::find(std::begin(kInformal), std::end(kInformal), std::string_view(word)) !=
        std::end(kInformal))
      places.push_back(snippet(text, start, i));
  }
  return places;
}

// One failure per place where `text` (found at `where`) says "je" to its reader.
void expect_formal(std::string_view text, const std::string& where) {
  for (const auto& place : informal_address(text))
    ADD_FAILURE() << where << " addresses the reader as \"je\" (say \"u\"): " << place;
}

// The Dutch texts of an instrument file: every string under an "nl" key, by its JSON pointer.
void dutch_texts(const nlohmann::json& node, const std::string& pointer,
                 std::vector<std::pair<std::string, std::string>>& out) {
  if (node.is_object()) {
    for (const auto& item : node.items()) {
      const auto here = pointer + "/" + item.key();
      if (item.key() == "nl" && item.value().is_string())
        out.emplace_back(here, item.value().get<std::string>());
      else
        dutch_texts(item.value(), here, out);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      dutch_texts(node[i], pointer + "/" + std::to_string(i), out);
  }
}

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The string literals of a C++ source, each with the line it starts on. Literals with only
// white space or comments between them are one ("a " "b" is "a b"), as the compiler joins them;
// the escapes \n \t \r \" \' \\ are read as their characters. Comments and character literals
// are no text; raw strings (R"(…)") are.
struct Literal {
  int line = 0;
  std::string text;
};
std::vector<Literal> string_literals(std::string_view source) {
  std::vector<Literal> literals;
  int line = 1;
  bool joins = false;  // only white space and comments since the last literal
  const auto add = [&](int at, std::string text) {
    if (joins) {
      literals.back().text += text;
    } else {
      literals.push_back({at, std::move(text)});
    }
    joins = true;
  };
  const auto lines_in = [&](std::size_t from, std::size_t to) {
    return static_cast<int>(std::count(source.begin() + from, source.begin() + to, '\n'));
  };
  std::size_t i = 0;
  while (i < source.size()) {
    const char c = source[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      line += c == '\n';
      ++i;
    } else if (source.substr(i, 2) == "//") {
      i = std::min(source.find('\n', i), source.size());
    } else if (source.substr(i, 2) == "/*") {
      const auto close = source.find("*/", i + 2);
      const auto end = close == std::string_view::npos ? source.size() : close + 2;
      line += lines_in(i, end);
      i = end;
    } else if (c == '"') {
      const int at = line;
      std::string text;
      for (++i; i < source.size() && source[i] != '"' && source[i] != '\n'; ++i) {
        if (source[i] != '\\' || i + 1 >= source.size()) {
          text += source[i];
          continue;
        }
        const char escaped = source[++i];
        text += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped == 'r' ? '\r' : escaped;
      }
      ++i;  // the closing quote
      add(at, std::move(text));
    } else if (c == '\'') {
      for (++i; i < source.size() && source[i] != '\'' && source[i] != '\n'; ++i)
        if (source[i] == '\\') ++i;
      ++i;
      joins = false;
    } else if (is_identifier_char(c)) {
      // A name or a number (1'000 has no character literal in it). R, u8R, LR … before a quote
      // begin a raw string, R"delimiter( … )delimiter"; u8, L … leave the literal after them to
      // the next round.
      const bool number = c >= '0' && c <= '9';
      const std::size_t start = i;
      while (i < source.size() &&
             (is_identifier_char(source[i]) || (number && (source[i] == '\'' || source[i] == '.'))))
        ++i;
      const auto word = source.substr(start, i - start);
      if (i < source.size() && source[i] == '"' && word.ends_with('R')) {
        const auto open = source.find('(', i);
        if (open == std::string_view::npos) break;
        const auto closing =
            std::string(")") + std::string(source.substr(i + 1, open - i - 1)) + "\"";
        const auto close = source.find(closing, open);
        const auto end = close == std::string_view::npos ? source.size() : close;
        const int at = line;
        line += lines_in(i, end);
        add(at, std::string(source.substr(open + 1, end - open - 1)));
        i = std::min(source.size(), end + closing.size());
      } else if (i >= source.size() || source[i] != '"') {
        joins = false;
      }
    } else {
      ++i;
      joins = false;
    }
  }
  return literals;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(FormalAddress, TheCheckFindsTheWholeWordsOnly) {
  EXPECT_EQ(informal_address("Zie je het?"), std::vector<std::string>{"Zie je het?"});
  EXPECT_TRUE(informal_address("een beetje").empty());
  EXPECT_TRUE(informal_address("lijstjes").empty());
  // In any case, at either end of the text, beside punctuation.
  EXPECT_EQ(informal_address("Je, JIJ en ‘jouw’ … “jou”: dank je").size(), 5u);
  // Other words: accented letters and digits belong to the word.
  EXPECT_TRUE(informal_address("Jeugd, jeu, jé, je2, u en uw. Kunt u het zien?").empty());
}

TEST(FormalAddress, StringLiteralsAreReadAsTheCompilerReadsThem) {
  const auto literals = string_literals(
      "// Zie je het? (a comment)\n"
      "const char* a = \"Zie \" /* between */ \"je \\\"het\\\"?\";  char q = '\"'; int n = 1'000;\n"
      "auto b = R\"x(Jij \"daar\")x\"; auto c = u8\"t\\tjou\\n\";\n");
  ASSERT_EQ(literals.size(), 3u);
  EXPECT_EQ(literals[0].line, 2);
  EXPECT_EQ(literals[0].text, "Zie je \"het\"?");
  EXPECT_EQ(literals[1].line, 3);
  EXPECT_EQ(literals[1].text, "Jij \"daar\"");
  EXPECT_EQ(literals[2].text, "t\tjou\n");
  EXPECT_EQ(informal_address(literals[2].text).size(), 1u);
}

TEST(FormalAddress, TheDutchCatalogueSaysU) {
  web::Catalogue catalogue;
  const auto keys = catalogue.keys(web::Lang::nl);
  ASSERT_FALSE(keys.empty());
  for (const auto& key : keys)
    expect_formal(catalogue.text(web::Lang::nl, key), "messages/nl.json \"" + key + "\"");
}

TEST(FormalAddress, TheTemplatesSayU) {
  const auto templates = embedded::list("templates/");
  ASSERT_FALSE(templates.empty());
  for (const auto& path : templates) expect_formal(embedded::file(path), path);
}

// The file name is checked too: it is the article's address (NN-slug.nl.md).
TEST(FormalAddress, TheShippedArticlesSayU) {
  int articles = 0;
  for (const auto& path : embedded::list("data/kennisbank/")) {
    if (!path.ends_with(".nl.md")) continue;
    ++articles;
    expect_formal(path, "the file name " + path);
    expect_formal(embedded::file(path), path);
  }
  EXPECT_GT(articles, 0);
}

// A shipped version of an instrument is frozen: databases hold its text and refuse a changed
// file under the same number, so new wording comes as a new version. Version 1 of the quality
// check says "hoe je contact maakt" (one, not the reader) in one question and stays as it is.
const std::set<std::string> kFrozenVersions = {"data/kwaliteit/instrument-1.json"};

TEST(FormalAddress, TheQualityCheckAndTheSelfScanSayU) {
  for (const std::string folder : {"data/kwaliteit/", "data/zelfscan/"}) {
    const auto files = embedded::list(folder);
    ASSERT_FALSE(files.empty()) << folder;
    for (const auto& path : files) {
      if (!path.ends_with(".json") || kFrozenVersions.contains(path)) continue;
      std::vector<std::pair<std::string, std::string>> texts;
      dutch_texts(nlohmann::json::parse(embedded::file(path)), "", texts);
      EXPECT_FALSE(texts.empty()) << path << " has no Dutch texts";
      for (const auto& [pointer, text] : texts) expect_formal(text, path + " " + pointer);
    }
  }
}

// The demo's sources are not in the binary: they are read from the source tree.
TEST(FormalAddress, TheDemoSaysU) {
  const auto folder = std::filesystem::path(KOMPAS_FIXTURES) / ".." / ".." / "src" / "cli";
  std::vector<std::filesystem::path> sources;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const auto name = entry.path().filename().string();
    if (name.starts_with("demo") && name.ends_with(".cpp")) sources.push_back(entry.path());
  }
  std::sort(sources.begin(), sources.end());
  ASSERT_FALSE(sources.empty()) << folder;
  for (const auto& path : sources) {
    const auto where = "src/cli/" + path.filename().string() + ":";
    for (const auto& literal : string_literals(read_file(path)))
      expect_formal(literal.text, where + std::to_string(literal.line));
  }
}

}  // namespace
}  // namespace kompas
