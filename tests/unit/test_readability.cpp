// Readability of Dutch text (issue 13): syllables, sentences, words and the Flesch–Douma score.
#include <gtest/gtest.h>

#include "domain/readability.h"

namespace kompas::domain {
namespace {

TEST(Readability, SyllablesAreVowelGroups) {
  EXPECT_EQ(dutch_syllables("eenzaam"), 2);
  EXPECT_EQ(dutch_syllables("gesprek"), 2);
  EXPECT_EQ(dutch_syllables("ijs"), 1);  // ij is one vowel
  EXPECT_EQ(dutch_syllables("vrijwilliger"), 4);
  EXPECT_EQ(dutch_syllables("koffie"), 2);
  EXPECT_EQ(dutch_syllables("buurthuis"), 2);
  EXPECT_EQ(dutch_syllables("baby"), 2);  // y is a vowel
  EXPECT_EQ(dutch_syllables("café"), 2);
  EXPECT_EQ(dutch_syllables("Eenzaamheid"), 3);
}

TEST(Readability, ADiaeresisStartsANewSyllable) {
  EXPECT_EQ(dutch_syllables("ruïne"), 3);
  EXPECT_EQ(dutch_syllables("geïnteresseerd"), 5);
  EXPECT_EQ(dutch_syllables("Israël"), 3);
}

TEST(Readability, AWordWithoutVowelsHasOneSyllable) {
  EXPECT_EQ(dutch_syllables("'s"), 1);
  EXPECT_EQ(dutch_syllables("2026"), 1);
  EXPECT_EQ(dutch_syllables(""), 0);
}

TEST(Readability, SentencesEndAtStopsAndLineBreaks) {
  auto r = measure_readability("Ik ben Anna. Ik woon hier!");
  EXPECT_EQ(r.sentences, 2);
  EXPECT_EQ(r.words, 6);
  EXPECT_EQ(r.syllables, 7);  // ik ben an-na ik woon hier
  // 206.835 − 0.93 × 3 − 77 × 7/6
  EXPECT_NEAR(r.flesch_douma, 206.835 - 0.93 * 3 - 77.0 * 7 / 6, 1e-9);
  EXPECT_TRUE(r.b1);
  // A heading and list items are sentences of their own; 1.500 and 12,5 are one word each, and
  // a point inside a number ends nothing.
  r = measure_readability("Wat kunt u doen\n- Bel de buren\n- Het kost 1.500 euro of 12,5 uur.");
  EXPECT_EQ(r.sentences, 3);
  EXPECT_EQ(r.words, 14);  // 4 + 3 + 7
  EXPECT_EQ(measure_readability("Zo'n wijk-team helpt.").words, 3);
  EXPECT_EQ(measure_readability("Zo\u2019n dag.").words, 2);  // a typographic apostrophe too
  // A heading or the last list item before a paragraph line is a sentence of its own.
  EXPECT_EQ(measure_readability("# Welkom\nDit is tekst.").sentences, 2);
  EXPECT_EQ(measure_readability("- een\n- twee\nDaarna komt dit.").sentences, 3);
  // A paragraph wrapped over two lines is one sentence; a blank line ends one without a stop.
  r = measure_readability("Een zin die over twee\nregels loopt.\n\nKop zonder punt\n\nNog een.");
  EXPECT_EQ(r.sentences, 3);
  r = measure_readability("# Signalen\n1. Post blijft liggen\n2. Gordijnen blijven dicht");
  EXPECT_EQ(r.sentences, 3);
}

TEST(Readability, LongSentencesOrLongWordsAreNotB1) {
  const auto long_sentence = measure_readability(
      "De gemeente en de partners in de coalitie willen samen met de inwoners van de wijk ervoor "
      "zorgen dat mensen die zich eenzaam voelen op tijd worden gezien en geholpen.");
  EXPECT_EQ(long_sentence.sentences, 1);
  EXPECT_GT(long_sentence.words_per_sentence, kB1MaximumSentence);
  EXPECT_FALSE(long_sentence.b1);
  const auto long_words = measure_readability(
      "Interdisciplinaire samenwerkingsverbanden bevorderen maatschappelijke participatie.");
  EXPECT_LT(long_words.flesch_douma, kB1MinimumScore);
  EXPECT_FALSE(long_words.b1);
}

TEST(Readability, AnEmptyTextHasNoScore) {
  const auto r = measure_readability("  \n\n ");
  EXPECT_EQ(r.words, 0);
  EXPECT_EQ(r.sentences, 0);
  EXPECT_EQ(r.flesch_douma, 0);
  EXPECT_FALSE(r.b1);
}

}  // namespace
}  // namespace kompas::domain
