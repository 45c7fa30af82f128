#pragma once
// One place that knows how to reach the database: SQLite file or PostgreSQL URL, a pool of
// sessions shared by request threads, and transactions that work the same on both engines.
#include <soci/soci.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kompas::store {

enum class Engine { sqlite, postgresql };

// A database location as the user typed it: "kompas.db" or "postgresql://user@host:port/db".
struct Location {
  Engine engine;
  std::string connect_string;  // what SOCI's backend understands
  std::string display;         // safe to print: no password
};
Location parse_location(const std::string& text);

// What a failed statement may say in a server log: the error and the statement's first words
// ("INSERT INTO people"), never the values it was given — e-mail addresses, token hashes, CSRF
// tokens — nor PostgreSQL's DETAIL line, which repeats them. Other errors as they are.
std::string describe_for_log(const std::exception& error);

// Makes `file` readable and writable by its owner alone, creating it empty when it is missing.
// A SQLite database holds password hashes, e-mail addresses and trainees' names; SQLite gives
// its -wal and -shm files the database file's permissions, so they follow. Best effort on a file
// someone else owns.
void keep_to_owner(const std::filesystem::path& file);

class Database {
 public:
  explicit Database(const std::string& location, std::size_t pool_size = 8);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Engine engine() const { return location_.engine; }
  const Location& location() const { return location_; }
  soci::connection_pool& pool() { return *pool_; }
  bool ping();
  // Whether an error means the database cannot be reached now (PostgreSQL stopped or
  // restarting) rather than a fault in a query: then the answer is "try again shortly".
  bool is_outage(const std::exception& error);

  // Something made once per pooled SQLite session and kept with it while the database is open:
  // a prepared statement with the values it binds. `make(pooled)` gets the pool's own session,
  // never the borrowing Connection's, which ends with the request. Only the thread holding the
  // session uses what is kept with it. (A PostgreSQL session may reconnect, which would leave a
  // kept statement behind; there a one-time query is one round trip anyway.)
  template <typename Kept, typename Make>
  Kept& kept_with(soci::session& sql, const std::string& name, Make make) {
    std::lock_guard lock(kept_mutex_);
    auto& slot = kept_[{sql.get_backend(), name}];
    if (!slot) slot = std::shared_ptr<Kept>(make(pooled_session(sql)));
    return *static_cast<Kept*>(slot.get());
  }

 private:
  soci::session& pooled_session(soci::session& sql);

  Location location_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  // After the pool: what is kept with a session goes before the session closes.
  std::mutex kept_mutex_;
  std::map<std::pair<const void*, std::string>, std::shared_ptr<void>> kept_;
};

// Borrows a session from the pool for as long as it lives. A session whose server connection
// broke (PostgreSQL restarted) connects again, so one failed request does not poison the pool.
// A Connection made while the same thread already holds one of the same database shares that
// session: a thread never waits for a second pooled session while holding the first (with every
// session held that way, all would wait forever), and it reads what its own change wrote.
class Connection {
 public:
  explicit Connection(Database& db);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  soci::session& sql() { return *sql_; }
  Engine engine() const { return db_.engine(); }
  Database& database() { return db_; }

 private:
  Database& db_;
  std::optional<soci::session> leased_;  // empty when sharing the thread's session
  soci::session* sql_;
};

// A write transaction. SQLite takes the write lock at BEGIN so two writers never deadlock
// half-way; PostgreSQL uses an ordinary transaction. Rolls back unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Connection& conn);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  soci::session& sql_;
  bool open_ = true;
};

// A SELECT whose rows are then read with fetch(), sent as a one-time query: on PostgreSQL that
// is one round trip, where SOCI's `sql.prepare <<` prepares, executes and deallocates (three).
template <typename... Exchanges>
soci::statement select_rows(soci::session& sql, const std::string& text, Exchanges&&... exchanges) {
  soci::statement st(sql);
  (st.exchange(std::forward<Exchanges>(exchanges)), ...);
  st.alloc();
  st.prepare(text, soci::details::st_one_time_query);
  st.define_and_bind();
  st.execute(false);
  return st;
}

// The ids a query selects (its one column), in order.
template <typename... Uses>
std::vector<long long> select_ids(soci::session& sql, const std::string& text, Uses&&... uses) {
  long long id = 0;
  auto st = select_rows(sql, text, std::forward<Uses>(uses)..., soci::into(id));
  std::vector<long long> ids;
  while (st.fetch()) ids.push_back(id);
  return ids;
}

// Seconds since the Unix epoch: the one time format stored in the database.
long long now_seconds();

}  // namespace kompas::store
