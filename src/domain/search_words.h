#pragma once
// Full-text search in the reader's language (issue 13), the same on both databases: a text
// becomes the words a search compares — lower case, accents dropped, common function words
// ("de", "het", "een") left out, each word cut to its stem by Snowball's stemmer for Dutch or
// English ("eenzaamheid" and "eenzame" both give "eenzam"). SQLite's FTS5 indexes these stems;
// PostgreSQL does the same with its own Dutch and English text search configurations, which use
// the same stemmer and stop words.
#include <string>
#include <string_view>
#include <vector>

namespace kompas::domain {

enum class SearchLanguage { dutch, english };

// The stems of a text's words, in order; stop words and words longer than 60 bytes are left out.
std::vector<std::string> search_stems(std::string_view text, SearchLanguage language);

// The stems joined by spaces: what FTS5 stores for a text.
std::string search_document(std::string_view text, SearchLanguage language);

// An FTS5 query that finds texts holding every stem of the typed words (each quoted, so
// nothing typed is read as query syntax); empty when nothing is left to search for.
std::string fts5_query(std::string_view typed, SearchLanguage language);

}  // namespace kompas::domain
