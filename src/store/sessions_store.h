#pragma once
// Server-side sessions and login throttling. The browser holds only a random token; the
// database holds its hash, the CSRF token and the times that decide expiry.
#include <optional>
#include <string>

#include "domain/coalition.h"
#include "domain/people.h"
#include "store/database.h"

namespace kompas::store {

struct SessionPolicy {
  long long idle_seconds = 2 * 60 * 60;       // signed out after two idle hours
  long long absolute_seconds = 12 * 60 * 60;  // and after twelve hours in any case
  long long touch_interval_seconds = 60;      // write last_seen_at at most once a minute
};

// The person behind a live session, with their coalition: everything a request needs to know
// about who is asking, read in one query.
struct SessionRecord {
  domain::Person person;
  domain::Coalition coalition;
  std::string csrf_token;
  long long data_version = 0;  // of the coalition: changes with every committed change
};

struct NewSession {
  std::string token;  // goes into the cookie
  std::string csrf_token;
};

NewSession create_session(soci::session& sql, long long person_id);
// The live session for a cookie token, or nothing when unknown, expired (then it is removed) or
// when the person was switched off. Refreshes last_seen_at now and then.
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
