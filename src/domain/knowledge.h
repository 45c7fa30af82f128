#pragma once
// The kennisbank (issue 13): short articles for everyone who meets lonely people, written in
// Markdown, in Dutch with an optional English text beside it. The product ships a first set
// (data/kennisbank/); the beheerder edits them and adds the coalition's own. Every save is a new
// version.
#include <optional>
#include <string>
#include <string_view>

#include "domain/validation.h"

namespace kompas::domain {

struct KnowledgeArticle {
  long long id = 0;
  std::string slug;         // the address: lower-case letters, digits and hyphens; fixed once made
  int position = 0;         // the order of the list
  bool shipped = false;     // one of the product's articles: hidden, never removed
  bool shown = true;        // listed for frontline workers (and the public, when switched on)
  std::string title, body;  // Dutch, Markdown
  std::string title_en, body_en;  // English, Markdown; empty shows the Dutch text
  int version = 0;
  long long updated_at = 0;
};

inline constexpr std::size_t kMaximumArticleTitle = 200;     // characters
inline constexpr std::size_t kMaximumArticleBody = 100'000;  // characters

// Title and text are needed in Dutch; the English text needs its title and the other way round.
FieldErrors validate(const KnowledgeArticle& article);

// An address made of a title: "Wat is eenzaamheid?" gives "wat-is-eenzaamheid"; accents are
// dropped, at most 60 characters, never empty ("artikel").
std::string slug_from_title(std::string_view title);

// A shipped article's file holds "# Title", a blank line and the text in Markdown.
struct TitledText {
  std::string title, body;
};
std::optional<TitledText> read_titled_markdown(std::string_view file);

}  // namespace kompas::domain
