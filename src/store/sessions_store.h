#pragma once
// Server-side sessions and login throttling. The browser holds only a random token; the
// database holds its hash, the CSRF token and the times that decide expiry.
#include <optional>
#include <string>
#include <vector>

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
std::optional<SessionRecord> find_session(Connection& conn, const std::string& token,
                                          const SessionPolicy& policy);
void delete_session(soci::session& sql, const std::string& token);

// Login throttling. Guessing is slowed per account *and* address, so an attacker elsewhere
// slows only themselves and never locks the real person out:
//   - max_per_pair failures of one account from one address: that address waits for the window;
//   - max_per_address failures from one address (any account): that address waits;
//   - past account_ceiling failures of one account from anywhere, the account is checked at most
//     once per slow_seconds: slower guessing from many addresses, never a lock-out. A beheerder
//     can clear an account's failures (unlock_account).
struct ThrottlePolicy {
  int max_per_pair = 5;
  int max_per_address = 20;
  int account_ceiling = 20;
  long long slow_seconds = 10;
  long long window_seconds = 15 * 60;
};

enum class LoginGate { open, blocked, slowed };

struct LoginAttempt {
  LoginGate gate = LoginGate::open;
  std::vector<long long> rows;  // this attempt's rows in login_failures, while open
};

// Writes the attempt first and counts afterwards, so attempts running at the same time are
// counted one by one: of 40 parallel tries for one account only max_per_pair get a password
// check. A refused attempt is taken back. An open attempt stays counted as a failure unless
// login_succeeded follows.
LoginAttempt begin_login_attempt(soci::session& sql, const std::string& email,
                                 const std::string& address, const ThrottlePolicy& policy);
// Clears the account's failures (the person proved who they are) and this attempt's address row.
void login_succeeded(soci::session& sql, const std::string& email, const LoginAttempt& attempt);
// Failures of this account within the window, from all addresses.
int recent_login_failures(soci::session& sql, const std::string& email,
                          const ThrottlePolicy& policy);
// Clears every failure of the account, from all addresses (a beheerder's unlock).
void unlock_account(soci::session& sql, const std::string& email);

}  // namespace kompas::store
