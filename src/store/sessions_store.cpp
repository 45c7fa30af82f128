#include "store/sessions_store.h"

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

std::optional<SessionRecord> find_session(soci::session& sql, const std::string& token,
                                          const SessionPolicy& policy) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  const auto hash = token_hash(token);
  SessionRecord r;
  auto& p = r.person;
  auto& c = r.coalition;
  long long created_at = 0, last_seen_at = 0, partner_id = 0;
  soci::indicator partner_ind = soci::i_null;
  int active = 0;
  std::string role;
  {
    // The statement must be finished before the writes below: on SQLite an open read that then
    // wants to write fails at once with "database is locked" when another writer waits.
    auto st = select_rows(
        sql,
        "SELECT s.csrf_token, s.created_at, s.last_seen_at, p.id, p.name, p.email, "
        "p.role, p.partner_id, p.active, c.id, c.name, c.gemeente_code, "
        "c.kartrekker, c.cycle_start, c.plan_adopted_on, c.data_version FROM sessions s "
        "JOIN people p ON p.id = s.person_id "
        "JOIN coalitions c ON c.id = p.coalition_id WHERE s.token_hash = :h",
        soci::use(hash), soci::into(r.csrf_token), soci::into(created_at), soci::into(last_seen_at),
        soci::into(p.id), soci::into(p.name), soci::into(p.email), soci::into(role),
        soci::into(partner_id, partner_ind), soci::into(active), soci::into(c.id),
        soci::into(c.name), soci::into(c.gemeente_code), soci::into(c.kartrekker),
        soci::into(c.cycle_start), soci::into(c.plan_adopted_on), soci::into(r.data_version));
    if (!st.fetch()) return std::nullopt;
  }
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
  p.role = domain::parse_word<domain::Role>(role).value_or(domain::Role::lezer);
  if (partner_ind == soci::i_ok) p.partner_id = partner_id;
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
