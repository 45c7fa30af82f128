#pragma once
// How easy a Dutch text is to read (issue 13): the Flesch–Douma score, the Dutch adaptation of
// Flesch's reading ease, with the average sentence length in words and word length in
// syllables, so a writer of the kennisbank can keep an article at B1 (plain Dutch).
//
//   score = 206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)
//
// Higher is easier: 60–70 reads as "redelijk makkelijk", 70–80 "makkelijk". Syllables are
// counted as groups of vowels ("ij" and the long vowels are one; a vowel with a diaeresis, as in
// "geïnteresseerd" or "ruïne", starts a new one): the usual heuristic, exact enough for a
// guide. Markdown's block marks (#, -, 1.) are read as such; they are not words.
#include <string_view>

namespace kompas::domain {

struct Readability {
  int sentences = 0, words = 0, syllables = 0;
  double words_per_sentence = 0, syllables_per_word = 0;
  double flesch_douma = 0;
  bool b1 = false;  // see kB1MinimumScore and kB1MaximumSentence
};

// B1, as this product checks it: a score of at least 60 and sentences of at most 15 words on
// average.
inline constexpr double kB1MinimumScore = 60;
inline constexpr double kB1MaximumSentence = 15;

// Sentences end at . ! ? followed by a space or the end, and where a new block begins: a blank
// line, a list item ("- ", "1. ") or a heading ("#"), each a sentence of its own; a single line
// break inside a paragraph is a space. Words are runs of letters and digits, with ' and - inside
// ("zo'n", "wijk-team"). An empty text has no words and a score of 0.
Readability measure_readability(std::string_view text);

// Syllables in one word (at least 1 for a word with letters).
int dutch_syllables(std::string_view word);

}  // namespace kompas::domain
