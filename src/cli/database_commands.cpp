#include <sqlite3.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "store/migrations.h"

namespace kompas::cli {
namespace {

void init(const std::string& db_location, const std::string& key, const Texts& t) {
  store::Database db(db_location, 1);
  const auto applied = store::migrate(db);
  if (applied.empty())
    std::cout << t.f("cli.init.current", {{"db", db.location().display}}) << "\n";
  for (const auto& name : applied) std::cout << t.f("cli.init.applied", {{"name", name}}) << "\n";
  signal_key_for(db, key, t);
}

// SQLite's online backup copies a consistent snapshot while the server keeps running.
void backup(const std::string& db_location, const std::string& target, const Texts& t) {
  const auto location = store::parse_location(db_location);
  if (location.engine != store::Engine::sqlite) throw UserError(t("cli.backup.postgresql"));
  if (!std::filesystem::exists(location.connect_string))
    throw UserError(t.f("cli.backup.no_source", {{"path", location.connect_string}}));
  if (std::filesystem::exists(target))
    throw UserError(t.f("cli.backup.exists", {{"path", target}}));
  store::keep_to_owner(target);  // a copy holds what the database holds
  sqlite3* source = nullptr;
  sqlite3* dest = nullptr;
  // A failed copy leaves no file behind: the next attempt would be refused as "exists".
  auto close_both = [&] {
    sqlite3_close(source);
    sqlite3_close(dest);
  };
  auto fail = [&](const std::string& message) {
    close_both();
    std::filesystem::remove(target);
    throw UserError(t.f("cli.backup.failed", {{"reason", message}}));
  };
  if (sqlite3_open_v2(location.connect_string.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) !=
          SQLITE_OK ||
      sqlite3_open(target.c_str(), &dest) != SQLITE_OK)
    fail(sqlite3_errmsg(dest ? dest : source));
  sqlite3_backup* job = sqlite3_backup_init(dest, "main", source, "main");
  if (job == nullptr) fail(sqlite3_errmsg(dest));
  int rc = SQLITE_OK;
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    rc = sqlite3_backup_step(job, 256);
    const int total = sqlite3_backup_pagecount(job);
    if (total > 0)
      std::cerr << "\r" << t("cli.backup.progress") << " "
                << (100 * (total - sqlite3_backup_remaining(job)) / total) << "%" << std::flush;
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  }
  std::cerr << "\n";
  sqlite3_backup_finish(job);
  if (rc != SQLITE_DONE) fail(sqlite3_errmsg(dest));
  close_both();
  std::cout << t.f("cli.backup.done", {{"path", target}}) << "\n";
}

}  // namespace

void add_database_commands(CLI::App& app, const Texts& t) {
  auto db = std::make_shared<std::string>();
  auto* init_cmd = app.add_subcommand("init", t("cli.init.description"));
  auto key = std::make_shared<std::string>();
  init_cmd->add_option("--db", *db, t("cli.db"))->required();
  add_key_option(*init_cmd, *key, t);
  init_cmd->callback([db, key, &t] { init(*db, *key, t); });

  auto target = std::make_shared<std::string>();
  auto* backup_cmd = app.add_subcommand("backup", t("cli.backup.description"));
  backup_cmd->add_option("--db", *db, t("cli.db"))->required();
  backup_cmd->add_option("--to", *target, t("cli.backup.to"))->required();
  backup_cmd->callback([db, target, &t] { backup(*db, *target, t); });
}

}  // namespace kompas::cli
