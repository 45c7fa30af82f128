#pragma once
// Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): after a
// person signs in, their browser carries a random token for that account. A sign-in that brings
// it is counted apart, per browser, so failed guesses for the account from anywhere else never
// slow the real person; only unknown browsers share the account's limit (sessions_store.h).
#include <string>

#include "store/sessions_store.h"

namespace kompas::store {

inline constexpr long long kKnownDeviceSeconds = 365LL * 24 * 3600;

// Whether `token` was given to a browser that signed in as `email` within the last year.
bool is_known_device(soci::session& sql, const std::string& token, const std::string& email);

// A new token for this browser and account (kept as its hash).
std::string remember_device(soci::session& sql, const std::string& email);

// An attempt from a known browser: counted for that browser alone, which gets max_per_pair
// tries in the window, like one address does for an account; the account's and the address's
// counts are neither read nor raised.
LoginAttempt begin_known_device_attempt(soci::session& sql, const std::string& token,
                                        const ThrottlePolicy& policy);

}  // namespace kompas::store
