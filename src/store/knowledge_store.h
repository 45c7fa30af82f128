#pragma once
// The kennisbank's articles (issue 13). Every save writes the whole article as a new row of
// knowledge_article_versions, so its history needs no reconstruction; search reads the stems of
// domain/search_words on SQLite (FTS5) and PostgreSQL's Dutch and English configurations.
#include <optional>
#include <string>
#include <vector>

#include "domain/knowledge.h"
#include "domain/search_words.h"
#include "store/change.h"

namespace kompas::store {

nlohmann::json to_json(const domain::KnowledgeArticle& article);  // as the audit log keeps it

// Ordered by position.
std::vector<domain::KnowledgeArticle> list_articles(soci::session& sql, long long coalition_id);
std::optional<domain::KnowledgeArticle> find_article(soci::session& sql, long long coalition_id,
                                                     const std::string& slug);

struct ArticleVersion {
  int version = 0;
  std::string title, body, title_en, body_en;
  long long saved_at = 0;
  std::string saved_by;  // the person's name; empty for the product's own text
};
// Newest first.
std::vector<ArticleVersion> article_versions(soci::session& sql, long long article_id);
std::optional<ArticleVersion> find_article_version(soci::session& sql, long long article_id,
                                                   int version);

// A new article at the end of the list, with a free address made from its title; returns it as
// stored (id, slug, version 1).
domain::KnowledgeArticle create_article(Change& change, domain::KnowledgeArticle article);
// Saves the article's texts and `shown` as its next version when the stored version is still
// `expected_version` (the one the writer started from); returns the version it now has, which
// is unchanged when nothing changed, or nullopt when someone saved a newer version meanwhile.
std::optional<int> update_article(Change& change, const domain::KnowledgeArticle& article,
                                  int expected_version);

// The ids of the coalition's articles holding every word of `typed` (stop words aside), best
// first; titles weigh more than texts. Empty when nothing is left to search for.
std::vector<long long> search_articles(soci::session& sql, long long coalition_id,
                                       const std::string& typed, domain::SearchLanguage language);

// The product's articles (data/kennisbank/NN-slug.nl.md with .en.md beside it) that the
// coalition lacks, added as version 1; returns them. A coalition gets them when it is made, and
// existing coalitions when `migrate` meets a new one.
std::vector<domain::KnowledgeArticle> add_shipped_articles(soci::session& sql,
                                                           long long coalition_id);
// For every coalition; returns "kennisbank/<slug>" per article added (for `migrate`'s list).
std::vector<std::string> load_shipped_articles(soci::session& sql);

}  // namespace kompas::store
