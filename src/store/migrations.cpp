#include "store/migrations.h"

#include "embedded.h"
#include "store/hsds_store.h"
#include "store/knowledge_store.h"
#include "store/quality_instruments_store.h"

namespace kompas::store {

std::vector<std::string> split_sql(const std::string& script) {
  std::vector<std::string> statements;
  std::string current;
  std::size_t pos = 0;
  while (pos < script.size()) {
    std::size_t end = script.find('\n', pos);
    if (end == std::string::npos) end = script.size();
    std::string line = script.substr(pos, end - pos);
    pos = end + 1;
    if (line.starts_with("--")) continue;
    current += line + "\n";
    // Statements end with ';' at the end of a line; migrations are written that way.
    auto last = line.find_last_not_of(" \t\r");
    if (last != std::string::npos && line[last] == ';') {
      statements.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(current);
  return statements;
}

std::vector<std::string> migrate(Database& db) {
  Connection conn(db);
  auto& sql = conn.sql();
  const bool sqlite = db.engine() == Engine::sqlite;
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, "
         "applied_at BIGINT NOT NULL)";
  Transaction tx(conn);
  // Several app servers may start at once against one PostgreSQL: one migrates, the others wait.
  if (!sqlite) sql << "SELECT pg_advisory_xact_lock(727001)";

  std::vector<std::string> applied;
  const std::string folder = sqlite ? "migrations/sqlite/" : "migrations/postgresql/";
  for (const auto& path : embedded::list(folder)) {
    const std::string version = path.substr(folder.size());
    int count = 0;
    sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(version),
        soci::into(count);
    if (count > 0) continue;
    const std::string script(embedded::file(path));
    for (const auto& statement : split_sql(script)) sql << statement;
    // A migration that edits SQLite's schema text (to loosen a CHECK constraint) raises the
    // schema version, so every open connection reads the schema again.
    if (sqlite && script.find("PRAGMA writable_schema = ON") != std::string::npos) {
      int schema_version = 0;
      sql << "PRAGMA schema_version", soci::into(schema_version);
      sql << "PRAGMA schema_version = " + std::to_string(schema_version + 1);
    }
    const auto now = now_seconds();
    sql << "INSERT INTO schema_migrations (version, applied_at) VALUES (:v, :t)",
        soci::use(version), soci::use(now);
    applied.push_back(version);
  }
  // Then the data the program ships and the schema holds.
  for (auto& name : load_shipped_instruments(sql)) applied.push_back(std::move(name));
  for (auto& name : load_shipped_articles(sql)) applied.push_back(std::move(name));
  for (auto& name : load_own_taxonomies(sql)) applied.push_back(std::move(name));
  tx.commit();
  return applied;
}

}  // namespace kompas::store
