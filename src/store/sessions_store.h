#pragma once
// Server-side sessions and login throttling. The browser holds only a random token; the
// database holds its hash, the CSRF token and the times that decide expiry.
#include <optional>
#include <string>

#include "store/database.h"

namespace kompas::store {

struct SessionPolicy {
  long long idle_seconds = 2 * 60 * 60;       // signed out after two idle hours
  long long absolute_seconds = 12 * 60 * 60;  // and after twelve hours in any case
  long long touch_interval_seconds = 60;      // write last_seen_at at most once a minute
};

struct SessionRecord {
  long long person_id = 0;
  std::string csrf_token;
};

struct NewSession {
  std::string token;  // goes into the cookie
  std::string csrf_token;
};

NewSession create_session(soci::session& sql, long long person_id);
// The live session for a cookie token, or nothing when unknown or expired (an expired one is
// removed). Refreshes last_seen_at now and then.
std::optional<SessionRecord> find_session(soci::session& sql, const std::string& token,
                                          const SessionPolicy& policy);
void delete_session(soci::session& sql, const std::string& token);

struct ThrottlePolicy {
  int max_per_account = 5;   // failures per e-mail address within the window
  int max_per_address = 20;  // failures per client address within the window
  long long window_seconds = 15 * 60;
};

bool login_blocked(soci::session& sql, const std::string& email, const std::string& address,
                   const ThrottlePolicy& policy);
void record_login_failure(soci::session& sql, const std::string& email, const std::string& address);
void clear_login_failures(soci::session& sql, const std::string& email);

}  // namespace kompas::store
