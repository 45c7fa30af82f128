#include "store/sessions_store.h"

#include <soci/sqlite3/soci-sqlite3.h>

#include "store/secrets.h"

namespace kompas::store {

NewSession create_session(soci::session& sql, long long person_id) {
  NewSession session{random_token(), random_token()};
  const auto hash = token_hash(session.token);
  const auto now = now_seconds();
  sql << "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, last_seen_at) "
         "VALUES (:h, :p, :c, :t, :t2)",
      soci::use(hash), soci::use(person_id), soci::use(session.csrf_token), soci::use(now),
      soci::use(now);
  return session;
}

namespace {

constexpr const char* kFindSession =
    "SELECT s.csrf_token, s.created_at, s.last_seen_at, p.id, p.name, p.email, p.role, "
    "p.partner_id, p.active, c.id, c.name, c.gemeente_code, c.kartrekker, c.cycle_start, "
    "c.plan_adopted_on, c.data_version FROM sessions s JOIN people p ON p.id = s.person_id "
    "JOIN coalitions c ON c.id = p.coalition_id WHERE s.token_hash = :h";

// What the session query binds: the token's hash in, one row out.
struct SessionRow {
  std::string hash;
  SessionRecord record;
  long long created_at = 0, last_seen_at = 0, partner_id = 0;
  soci::indicator partner_ind = soci::i_null;
  int active = 0;
  std::string role;

  void bind(soci::statement& st) {
    auto& p = record.person;
    auto& c = record.coalition;
    st.exchange(soci::use(hash));
    st.exchange(soci::into(record.csrf_token));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(last_seen_at));
    st.exchange(soci::into(p.id));
    st.exchange(soci::into(p.name));
    st.exchange(soci::into(p.email));
    st.exchange(soci::into(role));
    st.exchange(soci::into(partner_id, partner_ind));
    st.exchange(soci::into(active));
    st.exchange(soci::into(c.id));
    st.exchange(soci::into(c.name));
    st.exchange(soci::into(c.gemeente_code));
    st.exchange(soci::into(c.kartrekker));
    st.exchange(soci::into(c.cycle_start));
    st.exchange(soci::into(c.plan_adopted_on));
    st.exchange(soci::into(record.data_version));
  }
};

// Every signed-in request asks for its session. On SQLite, parsing and planning this join took
// a quarter of the time of answering a cached page, so each pooled session keeps it prepared.
struct PreparedSessionQuery {
  SessionRow row;
  soci::statement st;
  explicit PreparedSessionQuery(soci::session& pooled) : st(pooled) {
    row.bind(st);
    st.alloc();
    st.prepare(kFindSession, soci::details::st_repeatable_query);
    st.define_and_bind();
  }
};

// The session's row, if there is one. The statement is finished before the caller writes: on
// SQLite an open read that then wants to write fails at once with "database is locked" when
// another writer waits, and an unfinished one would keep its snapshot for later reads.
bool read_session(Connection& conn, SessionRow& row) {
  if (conn.engine() != Engine::sqlite) {
    soci::statement st(conn.sql());
    row.bind(st);
    st.alloc();
    st.prepare(kFindSession, soci::details::st_one_time_query);
    st.define_and_bind();
    return st.execute(true);
  }
  auto& kept = conn.database().kept_with<PreparedSessionQuery>(
      conn.sql(), "find_session",
      [](soci::session& pooled) { return std::make_unique<PreparedSessionQuery>(pooled); });
  // Finished whatever happens, also when the query fails.
  struct Finish {
    sqlite_api::sqlite3_stmt* statement;
    ~Finish() { sqlite_api::sqlite3_reset(statement); }
  } finish{static_cast<soci::sqlite3_statement_backend*>(kept.st.get_backend())->stmt_};
  kept.row.hash = row.hash;
  if (!kept.st.execute(true)) return false;
  row = kept.row;
  return true;
}

}  // namespace

std::optional<SessionRecord> find_session(Connection& conn, const std::string& token,
                                          const SessionPolicy& policy) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  auto& sql = conn.sql();
  SessionRow row;
  row.hash = token_hash(token);
  if (!read_session(conn, row)) return std::nullopt;
  const auto& hash = row.hash;
  const auto created_at = row.created_at, last_seen_at = row.last_seen_at;
  const bool active = row.active != 0;
  auto& r = row.record;
  auto& p = r.person;
  auto& c = r.coalition;
  const auto now = now_seconds();
  if (!active || now - last_seen_at > policy.idle_seconds ||
      now - created_at > policy.absolute_seconds) {
    try {
      sql << "DELETE FROM sessions WHERE token_hash = :h", soci::use(hash);
    } catch (const soci::soci_error&) {
      // Expired either way; a later request removes it.
    }
    return std::nullopt;
  }
  if (now - last_seen_at >= policy.touch_interval_seconds) {
    try {
      sql << "UPDATE sessions SET last_seen_at = :t WHERE token_hash = :h", soci::use(now),
          soci::use(hash);
    } catch (const soci::soci_error&) {
      // Only bookkeeping for the idle timeout: a busy database must not fail the request;
      // a later request touches the session again.
    }
  }
  p.coalition_id = c.id;
  p.role = domain::parse_word<domain::Role>(row.role).value_or(domain::Role::lezer);
  if (row.partner_ind == soci::i_ok) p.partner_id = row.partner_id;
  p.active = true;
  return r;
}

void delete_session(soci::session& sql, const std::string& token) {
  const auto hash = token_hash(token);
  sql << "DELETE FROM sessions WHERE token_hash = :h", soci::use(hash);
}

namespace {

int failures_since(soci::session& sql, const std::string& subject, long long since) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM login_failures WHERE subject = :s AND at > :t", soci::use(subject),
      soci::use(since), soci::into(count);
  return count;
}

std::string account_subject(const std::string& email) {
  return "account:" + email;
}
std::string pair_subject(const std::string& email, const std::string& address) {
  return "pair:" + email + "|" + address;
}
std::string address_subject(const std::string& address) {
  return "address:" + address;
}

void delete_rows(soci::session& sql, const std::vector<long long>& rows) {
  for (const long long id : rows) sql << "DELETE FROM login_failures WHERE id = :id", soci::use(id);
}

}  // namespace

LoginAttempt begin_login_attempt(soci::session& sql, const std::string& email,
                                 const std::string& address, const ThrottlePolicy& policy) {
  const auto now = now_seconds();
  // Keep the table small: failures older than a day no longer matter.
  const auto old = now - 24 * 60 * 60;
  sql << "DELETE FROM login_failures WHERE at < :t", soci::use(old);
  LoginAttempt attempt;
  for (const auto& subject :
       {account_subject(email), pair_subject(email, address), address_subject(address)}) {
    long long id = 0;
    sql << "INSERT INTO login_failures (subject, at) VALUES (:s, :t) RETURNING id",
        soci::use(subject), soci::use(now), soci::into(id);
    attempt.rows.push_back(id);
  }
  const auto since = now - policy.window_seconds;
  if (failures_since(sql, pair_subject(email, address), since) > policy.max_per_pair ||
      failures_since(sql, address_subject(address), since) > policy.max_per_address) {
    attempt.gate = LoginGate::blocked;
  } else if (failures_since(sql, account_subject(email), since) > policy.account_ceiling &&
             failures_since(sql, account_subject(email), now - policy.slow_seconds) > 1) {
    attempt.gate = LoginGate::slowed;
  }
  if (attempt.gate != LoginGate::open) {
    delete_rows(sql, attempt.rows);  // not checked, so not counted
    attempt.rows.clear();
  }
  return attempt;
}

void login_succeeded(soci::session& sql, const std::string& email, const LoginAttempt& attempt) {
  unlock_account(sql, email);
  delete_rows(sql, attempt.rows);
}

int recent_login_failures(soci::session& sql, const std::string& email,
                          const ThrottlePolicy& policy) {
  return failures_since(sql, account_subject(email), now_seconds() - policy.window_seconds);
}

void unlock_account(soci::session& sql, const std::string& email) {
  const auto account = account_subject(email);
  // Every "pair:<email>|<address>", by its exact prefix: LIKE would read '_' in an address as
  // a wildcard, and a range depends on the database's collation.
  const auto prefix = pair_subject(email, "");
  const int length = static_cast<int>(prefix.size());
  sql << "DELETE FROM login_failures WHERE subject = :a OR substr(subject, 1, :n) = :p",
      soci::use(account), soci::use(length), soci::use(prefix);
}

}  // namespace kompas::store
