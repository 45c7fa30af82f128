#include "store/database.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <map>
#include <set>
#include <stdexcept>

namespace kompas::store {
namespace {

// libpq's key=value form needs values with spaces or quotes quoted.
std::string quote_conninfo_value(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

Location parse_postgres_url(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    std::string message = error ? error : "onbekende fout";
    PQfreemem(error);
    throw std::invalid_argument("PostgreSQL-adres niet te lezen: " + message);
  }
  std::string conninfo;
  std::string display = "postgresql://";
  std::string user, host, port, dbname;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || *o->val == '\0') continue;
    std::string key = o->keyword;
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += key + "=" + quote_conninfo_value(o->val);
    if (key == "user") user = o->val;
    if (key == "host") host = o->val;
    if (key == "port") port = o->val;
    if (key == "dbname") dbname = o->val;
  }
  PQconninfoFree(options);
  // A database host that silently drops packets must not hold a request for minutes, and the
  // session settings must survive a reconnect: both go into the connection string.
  if (conninfo.find("connect_timeout=") == std::string::npos) conninfo += " connect_timeout='5'";
  if (conninfo.find("options=") == std::string::npos)
    conninfo += " options='-c client_min_messages=warning'";
  display +=
      (user.empty() ? "" : user + "@") + host + (port.empty() ? "" : ":" + port) + "/" + dbname;
  return {Engine::postgresql, conninfo, display};
}

}  // namespace

Location parse_location(const std::string& text) {
  if (text.empty()) throw std::invalid_argument("Geef een database op met --db.");
  if (text.starts_with("postgresql://") || text.starts_with("postgres://"))
    return parse_postgres_url(text);
  // SOCI's SQLite backend takes a plain path as long as it holds no '='.
  if (text.find('=') != std::string::npos)
    throw std::invalid_argument("Een SQLite-bestandsnaam mag geen '=' bevatten: " + text);
  return {Engine::sqlite, text, text};
}

namespace {

// Each pooled connection is used by one thread at a time, so SQLite's own serialising mutexes
// and its global memory statistics (a process-wide lock on every allocation) only cost time.
// This must happen before SQLite starts; later calls are refused harmlessly.
void configure_sqlite_once() {
  static const bool done = [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)done;
}

}  // namespace

std::string describe_for_log(const std::exception& error) {
  const auto* failed = dynamic_cast<const soci::soci_error*>(&error);
  if (!failed) return error.what();
  std::string message = failed->get_error_message();
  if (const auto detail = message.find("DETAIL"); detail != std::string::npos)
    message.erase(detail);
  while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())))
    message.pop_back();
  // SOCI adds 'while executing "<statement>" with :name=value…' after the message.
  const std::string full = failed->what();
  const std::string marker = "while executing \"";
  if (const auto start = full.find(marker); start != std::string::npos) {
    std::string statement = full.substr(start + marker.size(), 200);
    const auto cut = statement.find_first_of("(\"\n");
    statement = statement.substr(0, cut);
    while (!statement.empty() && statement.back() == ' ') statement.pop_back();
    message += " (" + statement + ")";
  }
  return message;
}

void keep_to_owner(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return;
  }
  std::error_code ignored;
  for (const auto& path : {file, std::filesystem::path(file.string() + "-wal"),
                           std::filesystem::path(file.string() + "-shm")})
    if (std::filesystem::exists(path, ignored))
      std::filesystem::permissions(
          path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ignored);
}

Database::Database(const std::string& location, std::size_t pool_size)
    : location_((configure_sqlite_once(), parse_location(location))),
      pool_size_(pool_size),
      pool_(std::make_unique<soci::connection_pool>(pool_size)) {
  for (std::size_t i = 0; i < pool_size_; ++i) {
    soci::session& sql = pool_->at(i);
    if (location_.engine == Engine::sqlite) {
      if (i == 0 && location_.connect_string != ":memory:") keep_to_owner(location_.connect_string);
      sql.open(*soci::factory_sqlite3(), location_.connect_string);
      // WAL lets readers run beside the one writer; foreign keys are off by default in SQLite.
      sql << "PRAGMA journal_mode=WAL";
      sql << "PRAGMA synchronous=NORMAL";
      sql << "PRAGMA foreign_keys=ON";
      sql << "PRAGMA busy_timeout=10000";
    } else {
      sql.open(*soci::factory_postgresql(), location_.connect_string);
    }
  }
}

Database::~Database() = default;

soci::session& Database::pooled_session(soci::session& sql) {
  for (std::size_t i = 0; i < pool_size_; ++i)
    if (pool_->at(i).get_backend() == sql.get_backend()) return pool_->at(i);
  throw std::logic_error("a session that is not from this database's pool");
}

namespace {
// The session each thread holds, per database.
thread_local std::map<const Database*, soci::session*> held_sessions;

// Sessions with an open transaction on this thread. A second one on a shared session would fail
// on SQLite but, on PostgreSQL, only warn and then end the outer transaction early with its own
// COMMIT or ROLLBACK; so it is refused on both.
thread_local std::set<const soci::session*> sessions_in_transaction;
}  // namespace

namespace {
// libpq marks a connection bad once a query on it failed. Between queries the server sends
// little: what waits on the socket is usually its goodbye (a shutdown, a restart, a terminated
// backend: an error message, then the end of the stream), which libpq would only notice at the
// next query. Reading it lets libpq see the end; a notice or TLS housekeeping reads as nothing.
bool closed_by_server(PGconn* conn) {
  for (int round = 0; round < 3; ++round) {
    if (PQstatus(conn) != CONNECTION_OK) return true;
    pollfd waiting{PQsocket(conn), POLLIN, 0};
    if (::poll(&waiting, 1, 0) == 0) return false;
    if (PQconsumeInput(conn) == 0) return true;
  }
  return PQstatus(conn) != CONNECTION_OK;
}
}  // namespace

Connection::Connection(Database& db) : db_(db) {
  if (const auto held = held_sessions.find(&db); held != held_sessions.end()) {
    sql_ = held->second;
    return;
  }
  leased_.emplace(db.pool());
  sql_ = &*leased_;
  // A connection the server closed (PostgreSQL restarted) is made again before use: without a
  // round trip, where SOCI's is_connected() would send a ping to the server on every borrow.
  if (db.engine() == Engine::postgresql) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql_->get_backend());
    if (backend == nullptr || closed_by_server(backend->conn_)) sql_->reconnect();
  }
  // Only now: when reconnecting throws, no destructor runs to take the entry out again.
  held_sessions[&db] = sql_;
}

Connection::~Connection() {
  if (leased_) held_sessions.erase(&db_);
}

bool Database::ping() {
  try {
    Connection conn(*this);
    int one = 0;
    conn.sql() << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const std::exception&) {
    return false;
  }
}

bool Database::is_outage(const std::exception& error) {
  if (engine() == Engine::sqlite) return false;
  if (const auto* soci = dynamic_cast<const soci::soci_error*>(&error);
      soci != nullptr && soci->get_error_category() == soci::soci_error::connection_error)
    return true;
  return !ping();
}

Transaction::Transaction(Connection& conn) : sql_(conn.sql()) {
  if (sessions_in_transaction.contains(&sql_))
    throw std::logic_error("a transaction inside a transaction on the same session");
  sql_ << (conn.engine() == Engine::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  sessions_in_transaction.insert(&sql_);
}

Transaction::~Transaction() {
  if (!open_) return;
  sessions_in_transaction.erase(&sql_);
  try {
    sql_ << "ROLLBACK";
  } catch (...) {
    // The connection may already be broken; nothing more to undo.
  }
}

void Transaction::commit() {
  sql_ << "COMMIT";
  open_ = false;
  sessions_in_transaction.erase(&sql_);
}

long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace kompas::store
