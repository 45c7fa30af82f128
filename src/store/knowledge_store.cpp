#include "store/knowledge_store.h"

#include "embedded.h"
#include "store/table.h"

namespace kompas::store {
namespace {

using domain::KnowledgeArticle;
const Table<KnowledgeArticle> kArticles{
    "knowledge_articles",
    "position, id",
    {column<&KnowledgeArticle::slug>("slug", {.fixed = true}),
     column<&KnowledgeArticle::position>("position", {.fixed = true, .logged = false}),
     column<&KnowledgeArticle::shipped>("shipped", {.fixed = true, .logged = false}),
     column<&KnowledgeArticle::shown>("shown"), column<&KnowledgeArticle::title>("title"),
     column<&KnowledgeArticle::body>("body"), column<&KnowledgeArticle::title_en>("title_en"),
     column<&KnowledgeArticle::body_en>("body_en"),
     column<&KnowledgeArticle::version>("version", {.logged = false}),
     column<&KnowledgeArticle::updated_at>("updated_at", {.logged = false})}};

bool is_sqlite(soci::session& sql) {
  return sql.get_backend_name() == "sqlite3";
}

void write_version(soci::session& sql, const KnowledgeArticle& a,
                   std::optional<long long> person_id) {
  const auto now = now_seconds();
  soci::indicator by = person_id ? soci::i_ok : soci::i_null;
  const long long person = person_id.value_or(0);
  sql << "INSERT INTO knowledge_article_versions (article_id, version, title, body, title_en, "
         "body_en, saved_at, saved_by) VALUES (:a, :v, :t, :b, :te, :be, :s, :p)",
      soci::use(a.id), soci::use(a.version), soci::use(a.title), soci::use(a.body),
      soci::use(a.title_en), soci::use(a.body_en), soci::use(now), soci::use(person, by);
}

// SQLite's search table holds the stems; PostgreSQL computes its own columns.
void index_for_search(soci::session& sql, const KnowledgeArticle& a) {
  if (!is_sqlite(sql)) return;
  using domain::SearchLanguage;
  const auto title_nl = domain::search_document(a.title, SearchLanguage::dutch);
  const auto body_nl = domain::search_document(a.body, SearchLanguage::dutch);
  const auto title_en = domain::search_document(a.title_en, SearchLanguage::english);
  const auto body_en = domain::search_document(a.body_en, SearchLanguage::english);
  sql << "DELETE FROM knowledge_search WHERE rowid = :id", soci::use(a.id);
  sql << "INSERT INTO knowledge_search (rowid, title_nl, body_nl, title_en, body_en) "
         "VALUES (:id, :tn, :bn, :te, :be)",
      soci::use(a.id), soci::use(title_nl), soci::use(body_nl), soci::use(title_en),
      soci::use(body_en);
}

std::string free_slug(soci::session& sql, long long coalition_id, const std::string& wanted) {
  for (int n = 1;; ++n) {
    const auto slug = n == 1 ? wanted : wanted + "-" + std::to_string(n);
    int taken = 0;
    sql << "SELECT COUNT(*) FROM knowledge_articles WHERE coalition_id = :c AND slug = :s",
        soci::use(coalition_id), soci::use(slug), soci::into(taken);
    // "nieuw" is the address of the form for a new article.
    if (taken == 0 && slug != "nieuw") return slug;
  }
}

long long insert_article(soci::session& sql, long long coalition_id, KnowledgeArticle& a,
                         std::optional<long long> person_id) {
  a.version = 1;
  a.updated_at = now_seconds();
  a.id = insert_record(sql, kArticles, a, {{"coalition_id", coalition_id}});
  write_version(sql, a, person_id);
  index_for_search(sql, a);
  return a.id;
}

// A shipped article's files, by slug: "data/kennisbank/01-wat-is-eenzaamheid.nl.md".
struct ShippedArticle {
  std::string slug;
  int position = 0;
  domain::TitledText nl, en;
};

std::vector<ShippedArticle> read_shipped_articles() {
  const std::string folder = "data/kennisbank/";
  std::vector<ShippedArticle> articles;
  for (const auto& path : embedded::list(folder)) {
    if (!path.ends_with(".nl.md")) continue;
    const auto name = path.substr(folder.size(), path.size() - folder.size() - 6);
    const auto dash = name.find('-');
    const auto nl = domain::read_titled_markdown(embedded::file(path));
    const auto en = domain::read_titled_markdown(embedded::file(folder + name + ".en.md"));
    if (dash == std::string::npos || !nl || !en)
      throw std::runtime_error(path + ": a shipped article needs NN-slug, \"# Title\" and text");
    articles.push_back({name.substr(dash + 1), std::stoi(name.substr(0, dash)), *nl, *en});
  }
  return articles;
}

// The files are in the binary: read once, not once per coalition.
const std::vector<ShippedArticle>& shipped_articles() {
  static const auto articles = read_shipped_articles();
  return articles;
}

// Shipped articles whose address changed with their file name, old address first (issue 25: the
// reader is "u", also in a title). A coalition that has one under its old address keeps it, with
// its versions, under the new one, rather than getting the article a second time.
struct MovedArticle {
  const char* from;
  const char* to;
};
constexpr MovedArticle kMovedArticles[] = {{"wat-kun-je-zelf-doen", "wat-kunt-u-zelf-doen"}};

void move_renamed_articles(soci::session& sql, long long coalition_id) {
  for (const auto& moved : kMovedArticles) {
    const std::string from = moved.from, to = moved.to;
    int taken = 0;
    sql << "SELECT COUNT(*) FROM knowledge_articles WHERE coalition_id = :c AND slug = :s",
        soci::use(coalition_id), soci::use(to), soci::into(taken);
    if (taken > 0) continue;  // the new address is in use: the old article stays where it is
    sql << "UPDATE knowledge_articles SET slug = :t WHERE coalition_id = :c AND slug = :f "
           "AND shipped = 1",
        soci::use(to), soci::use(coalition_id), soci::use(from);
  }
}

}  // namespace

nlohmann::json to_json(const KnowledgeArticle& article) {
  return record_json(kArticles, article);
}

std::vector<KnowledgeArticle> list_articles(soci::session& sql, long long coalition_id) {
  return select_records(sql, kArticles, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<KnowledgeArticle> find_article(soci::session& sql, long long coalition_id,
                                             const std::string& slug) {
  auto found = select_records(sql, kArticles, "coalition_id = :c AND slug = :s",
                              soci::use(coalition_id), soci::use(slug));
  if (found.empty()) return std::nullopt;
  return found.front();
}

namespace {

std::vector<ArticleVersion> select_versions(soci::session& sql, long long article_id,
                                            std::optional<int> only) {
  ArticleVersion v;
  soci::indicator name_ind = soci::i_null;
  const int wanted = only.value_or(0);
  auto st = select_rows(
      sql,
      "SELECT v.version, v.title, v.body, v.title_en, v.body_en, v.saved_at, p.name "
      "FROM knowledge_article_versions v LEFT JOIN people p ON p.id = v.saved_by "
      "WHERE v.article_id = :a AND (:only = 0 OR v.version = :only2) ORDER BY v.version DESC",
      soci::use(article_id), soci::use(wanted), soci::use(wanted), soci::into(v.version),
      soci::into(v.title), soci::into(v.body), soci::into(v.title_en), soci::into(v.body_en),
      soci::into(v.saved_at), soci::into(v.saved_by, name_ind));
  std::vector<ArticleVersion> versions;
  while (st.fetch()) {
    if (name_ind != soci::i_ok) v.saved_by.clear();
    versions.push_back(v);
  }
  return versions;
}

}  // namespace

std::vector<ArticleVersion> article_versions(soci::session& sql, long long article_id) {
  return select_versions(sql, article_id, std::nullopt);
}

std::optional<ArticleVersion> find_article_version(soci::session& sql, long long article_id,
                                                   int version) {
  if (version <= 0) return std::nullopt;
  auto found = select_versions(sql, article_id, version);
  if (found.empty()) return std::nullopt;
  return found.front();
}

KnowledgeArticle create_article(Change& change, KnowledgeArticle article) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  article.slug = free_slug(sql, coalition_id, domain::slug_from_title(article.title));
  int last = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT MAX(position) FROM knowledge_articles WHERE coalition_id = :c",
      soci::use(coalition_id), soci::into(last, ind);
  article.position = ind == soci::i_ok ? last + 1 : 1;
  article.shipped = false;
  insert_article(sql, coalition_id, article, change.actor().person_id);
  change.record("aanmaken", "artikel", std::to_string(article.id), article.title, nullptr,
                to_json(article));
  return article;
}

std::optional<int> update_article(Change& change, const KnowledgeArticle& article,
                                  int expected_version) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  // SQLite's write transaction already holds the database; PostgreSQL locks the row, so two
  // saves at once meet here one after the other and the second sees the first's version.
  if (!is_sqlite(sql)) {
    int locked = 0;
    sql << "SELECT version FROM knowledge_articles WHERE id = :id AND coalition_id = :c FOR UPDATE",
        soci::use(article.id), soci::use(coalition_id), soci::into(locked);
  }
  auto before = find_article(sql, coalition_id, article.slug);
  if (!before || before->id != article.id) throw std::runtime_error("article not found");
  if (before->version != expected_version) return std::nullopt;
  auto after = *before;
  after.title = article.title;
  after.body = article.body;
  after.title_en = article.title_en;
  after.body_en = article.body_en;
  after.shown = article.shown;
  if (to_json(after) == to_json(*before)) return before->version;
  after.version = before->version + 1;
  after.updated_at = now_seconds();
  update_record(sql, kArticles, after, {}, "coalition_id = :c", soci::use(coalition_id));
  write_version(sql, after, change.actor().person_id);
  index_for_search(sql, after);
  change.record("wijzigen", "artikel", std::to_string(after.id), after.title, to_json(*before),
                to_json(after));
  return after.version;
}

std::vector<long long> search_articles(soci::session& sql, long long coalition_id,
                                       const std::string& typed, domain::SearchLanguage language) {
  const bool dutch = language == domain::SearchLanguage::dutch;
  if (is_sqlite(sql)) {
    const auto terms = domain::fts5_query(typed, language);
    if (terms.empty()) return {};
    // Only the reader's language's columns; a title's words weigh ten times a text's.
    const std::string match =
        std::string(dutch ? "{title_nl body_nl}" : "{title_en body_en}") + " : (" + terms + ")";
    return select_ids(sql,
                      "SELECT a.id FROM knowledge_search s JOIN knowledge_articles a "
                      "ON a.id = s.rowid WHERE knowledge_search MATCH :m AND a.coalition_id = :c "
                      "ORDER BY bm25(knowledge_search, 10.0, 1.0, 10.0, 1.0), a.position",
                      soci::use(match), soci::use(coalition_id));
  }
  if (domain::search_stems(typed, language).empty()) return {};
  const std::string config = dutch ? "'dutch'" : "'english'";
  const std::string column = dutch ? "search_nl" : "search_en";
  return select_ids(sql,
                    "SELECT id FROM knowledge_articles WHERE coalition_id = :c AND " + column +
                        " @@ plainto_tsquery(" + config + ", :q) ORDER BY ts_rank(" + column +
                        ", plainto_tsquery(" + config + ", :q2)) DESC, position",
                    soci::use(coalition_id), soci::use(typed), soci::use(typed));
}

std::vector<KnowledgeArticle> add_shipped_articles(soci::session& sql, long long coalition_id) {
  move_renamed_articles(sql, coalition_id);
  std::vector<KnowledgeArticle> added;
  for (const auto& shipped : shipped_articles()) {
    int present = 0;
    sql << "SELECT COUNT(*) FROM knowledge_articles WHERE coalition_id = :c AND slug = :s",
        soci::use(coalition_id), soci::use(shipped.slug), soci::into(present);
    if (present > 0) continue;
    KnowledgeArticle a{.slug = shipped.slug,
                       .position = shipped.position,
                       .shipped = true,
                       .title = shipped.nl.title,
                       .body = shipped.nl.body,
                       .title_en = shipped.en.title,
                       .body_en = shipped.en.body};
    insert_article(sql, coalition_id, a, std::nullopt);
    added.push_back(std::move(a));
  }
  return added;
}

std::vector<std::string> load_shipped_articles(soci::session& sql) {
  std::vector<std::string> loaded;
  for (const auto id : select_ids(sql, "SELECT id FROM coalitions ORDER BY id"))
    for (const auto& a : add_shipped_articles(sql, id)) loaded.push_back("kennisbank/" + a.slug);
  return loaded;
}

}  // namespace kompas::store
