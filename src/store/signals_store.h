#pragma once
// The signaalpunt (issue 13): the routing table, signals and the steps taken on them. What could
// name a person is sealed with the SignalKey before it is written and opened only for the
// receiving partner's staff, each opening written to the audit log; the audit log itself never
// holds it. A set time after closing, `erase_expired_signals` empties the sealed fields; counts
// (wijk, kinds, dates, status) stay.
#include <optional>
#include <string>
#include <vector>

#include "domain/signals.h"
#include "store/change.h"
#include "store/flood_limit.h"
#include "store/signal_key.h"

namespace kompas::store {

std::vector<domain::SignalRoute> signal_routes(soci::session& sql, long long coalition_id);
// Sets the partner for an area ("" for the rest), replacing the one it had.
void save_signal_route(Change& change, const std::string& area, long long partner_id,
                       const std::string& partner_name);
// Removes a route of the change's coalition (nothing when it is gone already).
void delete_signal_route(Change& change, long long id);

// A signal as lists and counts see it, without its sealed fields. Times are 0 while not yet.
struct SignalSummary {
  long long id = 0, partner_id = 0;
  std::string wijk, postcode, kinds, consent, status, close_reason;
  long long created_at = 0, first_contact_at = 0, referred_at = 0, closed_at = 0;
  long long last_step_at = 0;  // the last step's time, or created_at without steps
  bool erased = false;
  // Kept onder voorbehoud: it came from the public form beyond the coalition's daily cap, and
  // counts nowhere until the receiving partner accepts it.
  bool held = false;
  std::optional<long long> reported_by;
};

// What only the receiving partner's staff read.
struct SignalContent {
  std::string note, resident_name, resident_address;
  std::string reporter_name, reporter_phone, reporter_email;
};

// Stores a signal for `partner_id` with the reporter's code (kept as a hash). `reported_by` is
// the person signed in, kept only so they see the status of what they passed; the change is
// best made without a person, so the audit log does not say who reported. `sender` is the
// client's address for the public form (kept as a keyed hash for a day), "" for someone signed
// in. Nothing is stored and nothing returned beyond a limit: five an hour from one address,
// twenty an hour from one person signed in. Beyond the coalition's day of public signals a
// signal is stored onder voorbehoud (held): a flood from many addresses never locks a real
// citizen out, and never buries the signals that count.
std::optional<long long> add_signal(Change& change, const SignalKey& key,
                                    const domain::SignalDraft& draft, long long partner_id,
                                    const std::string& code, std::optional<long long> reported_by,
                                    const std::string& sender, const FloodLimits& limits = {});

std::vector<SignalSummary> signals_of_partner(soci::session& sql, long long coalition_id,
                                              long long partner_id);
std::vector<SignalSummary> signals_reported_by(soci::session& sql, long long coalition_id,
                                               long long person_id);
// Every signal that counts: not those kept onder voorbehoud.
std::vector<SignalSummary> all_signals(soci::session& sql, long long coalition_id);
// The receiving partner accepts a signal kept onder voorbehoud: from now on it counts. False
// when it is not held (any more).
bool accept_held_signal(Change& change, const SignalSummary& signal);
// Removes the signals kept onder voorbehoud for the partner, up to the newest one shown
// (`up_to_id`), as one batch: one that came in after the page was read stays to be looked at.
// How many went.
int remove_held_signals(Change& change, long long partner_id, long long up_to_id);
std::optional<SignalSummary> find_signal(soci::session& sql, long long coalition_id, long long id);
std::optional<SignalSummary> find_signal_by_code(soci::session& sql, long long coalition_id,
                                                 const std::string& code);

// Opens the sealed fields and writes the viewing to the audit log (commit the change).
SignalContent open_signal(Change& change, const SignalKey& key, const SignalSummary& signal);

struct SignalStepRecord {
  std::string status, service_id, service_name, reason, note, person_name;
  long long at = 0;
};
std::vector<SignalStepRecord> signal_steps(soci::session& sql, const SignalKey& key,
                                           long long signal_id);
// False (and nothing written) when the signal's status changed since `signal` was read: a
// colleague took a step meanwhile.
bool add_signal_step(Change& change, const SignalKey& key, const SignalSummary& signal,
                     const domain::SignalStep& step, const std::string& service_name);

// Empties the sealed fields of every signal closed more than `days` ago, with who reported it
// and its code (each coalition's in its own audited change); returns how many. Senders'
// address hashes older than a day (the flood limit's window) go too.
int erase_expired_signals(Database& db, long long now, int days = domain::kSignalRetentionDays);

// Closes every open signal without a step for `days` (reason verlopen, a step without a person,
// each coalition's in its own audited change); returns how many. Its personal fields then go
// like any closed signal's.
int close_idle_signals(Database& db, long long now, int days = domain::kSignalIdleDays);

// Whether any signal was ever stored: a missing key file is then an error, not a fresh start.
bool has_signals(Database& db);
// Whether `key` opens what is sealed (true when nothing is): a wrong key file stops the server
// at its start instead of every signal page failing.
bool key_opens_signals(Database& db, const SignalKey& key);

}  // namespace kompas::store
