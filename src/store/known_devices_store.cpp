#include "store/known_devices_store.h"

#include "store/secrets.h"

namespace kompas::store {

bool is_known_device(soci::session& sql, const std::string& token, const std::string& email) {
  if (token.empty()) return false;
  const auto hash = token_hash(token);
  const long long since = now_seconds() - kKnownDeviceSeconds;
  int found = 0;
  sql << "SELECT COUNT(*) FROM known_devices WHERE token_hash = :h AND email = :e AND "
         "created_at > :t",
      soci::use(hash), soci::use(email), soci::use(since), soci::into(found);
  return found > 0;
}

std::string remember_device(soci::session& sql, const std::string& email) {
  const auto now = now_seconds();
  const long long expired = now - kKnownDeviceSeconds;
  sql << "DELETE FROM known_devices WHERE created_at <= :t", soci::use(expired);
  auto token = random_token();
  const auto hash = token_hash(token);
  sql << "INSERT INTO known_devices (token_hash, email, created_at) VALUES (:h, :e, :t)",
      soci::use(hash), soci::use(email), soci::use(now);
  return token;
}

LoginAttempt begin_known_device_attempt(soci::session& sql, const std::string& token,
                                        const ThrottlePolicy& policy) {
  const auto now = now_seconds();
  const auto subject = "device:" + token_hash(token);
  LoginAttempt attempt;
  long long id = 0;
  sql << "INSERT INTO login_failures (subject, at) VALUES (:s, :t) RETURNING id",
      soci::use(subject), soci::use(now), soci::into(id);
  attempt.rows.push_back(id);
  int failures = 0;
  const long long since = now - policy.window_seconds;
  sql << "SELECT COUNT(*) FROM login_failures WHERE subject = :s AND at > :t", soci::use(subject),
      soci::use(since), soci::into(failures);
  if (failures > policy.max_per_pair) {
    attempt.gate = LoginGate::blocked;
    sql << "DELETE FROM login_failures WHERE id = :id", soci::use(id);  // not checked
    attempt.rows.clear();
  }
  return attempt;
}

}  // namespace kompas::store
