#include "domain/search_words.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <span>

#include "domain/text.h"

namespace kompas::domain {
namespace {

// The function words PostgreSQL's "dutch" and "english" configurations leave out (Snowball's
// lists), so a search finds the same on both databases.
constexpr auto kDutchStopWords = std::to_array<std::string_view>(
    {"aan",    "al",    "alles",  "als",    "altijd", "andere", "ben",   "bij",   "daar",
     "dan",    "dat",   "de",     "der",    "deze",   "die",    "dit",   "doch",  "doen",
     "door",   "dus",   "een",    "eens",   "en",     "er",     "ge",    "geen",  "geweest",
     "haar",   "had",   "heb",    "hebben", "heeft",  "hem",    "het",   "hier",  "hij",
     "hoe",    "hun",   "iemand", "iets",   "ik",     "in",     "is",    "ja",    "je",
     "kan",    "kon",   "kunnen", "maar",   "me",     "meer",   "men",   "met",   "mij",
     "mijn",   "moet",  "na",     "naar",   "niet",   "niets",  "nog",   "nu",    "of",
     "om",     "omdat", "onder",  "ons",    "ook",    "op",     "over",  "reeds", "te",
     "tegen",  "toch",  "toen",   "tot",    "u",      "uit",    "uw",    "van",   "veel",
     "voor",   "want",  "waren",  "was",    "wat",    "werd",   "wezen", "wie",   "wil",
     "worden", "wordt", "zal",    "ze",     "zelf",   "zich",   "zij",   "zijn",  "zo",
     "zonder", "zou"});
constexpr auto kEnglishStopWords = std::to_array<std::string_view>(
    {"a",      "about",  "above", "after",   "again",     "against",   "all",        "am",
     "an",     "and",    "any",   "are",     "as",        "at",        "be",         "because",
     "been",   "before", "being", "below",   "between",   "both",      "but",        "by",
     "can",    "did",    "do",    "does",    "doing",     "down",      "during",     "each",
     "few",    "for",    "from",  "further", "had",       "has",       "have",       "having",
     "he",     "her",    "here",  "hers",    "herself",   "him",       "himself",    "his",
     "how",    "i",      "if",    "in",      "into",      "is",        "it",         "its",
     "itself", "just",   "me",    "more",    "most",      "my",        "myself",     "no",
     "nor",    "not",    "now",   "of",      "off",       "on",        "once",       "only",
     "or",     "other",  "our",   "ours",    "ourselves", "out",       "over",       "own",
     "s",      "same",   "she",   "should",  "so",        "some",      "such",       "t",
     "than",   "that",   "the",   "their",   "theirs",    "them",      "themselves", "then",
     "there",  "these",  "they",  "this",    "those",     "through",   "to",         "too",
     "under",  "until",  "up",    "very",    "was",       "we",        "were",       "what",
     "when",   "where",  "which", "while",   "who",       "whom",      "why",        "will",
     "with",   "you",    "your",  "yours",   "yourself",  "yourselves"});

constexpr std::size_t kLongestWord = 60;

bool is_stop_word(std::string_view word, SearchLanguage language) {
  const auto& list = language == SearchLanguage::dutch
                         ? std::span<const std::string_view>(kDutchStopWords)
                         : std::span<const std::string_view>(kEnglishStopWords);
  return std::find(list.begin(), list.end(), word) != list.end();
}

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

// A Snowball stemmer keeps state while it works, so each thread has its own.
sb_stemmer* stemmer_for(SearchLanguage language) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> dutch(sb_stemmer_new("dutch", "UTF_8"));
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> english(
      sb_stemmer_new("english", "UTF_8"));
  return (language == SearchLanguage::dutch ? dutch : english).get();
}

bool is_word_byte(unsigned char byte) {
  return std::isalnum(byte) || byte >= 0x80;  // letters beyond ASCII are part of a word
}

}  // namespace

std::vector<std::string> search_stems(std::string_view text, SearchLanguage language) {
  const auto folded = fold_for_matching(text);
  auto* stemmer = stemmer_for(language);
  std::vector<std::string> stems;
  for (std::size_t i = 0; i < folded.size();) {
    if (!is_word_byte(static_cast<unsigned char>(folded[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < folded.size() && is_word_byte(static_cast<unsigned char>(folded[end]))) ++end;
    const std::string_view word(folded.data() + i, end - i);
    i = end;
    if (word.size() > kLongestWord || is_stop_word(word, language)) continue;
    const auto* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                       static_cast<int>(word.size()));
    if (stem == nullptr) continue;  // only when memory runs out
    stems.emplace_back(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer));
  }
  return stems;
}

std::string search_document(std::string_view text, SearchLanguage language) {
  return join_words(search_stems(text, language), ' ');
}

std::string fts5_query(std::string_view typed, SearchLanguage language) {
  std::string query;
  for (const auto& stem : search_stems(typed, language)) {
    if (!query.empty()) query += ' ';
    query += '"' + stem + '"';  // a stem never holds a quote: it is cut at every ASCII sign
  }
  return query;
}

}  // namespace kompas::domain
