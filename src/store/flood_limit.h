#pragma once
// What a public form (a signal, a correction to the sociale kaart) may store: anyone can post
// it, so one address and one coalition get a limited number per hour and per day.
#include <string>

#include "store/change.h"

namespace kompas::store {

struct FloodLimits {
  int per_sender_per_hour = 5;
  int per_coalition_per_day = 100;
  int per_person_per_hour = 20;  // someone signed in, by their own account
};

// Where one more row from a sender stands: within the sender's hour, within the coalition's day.
struct FloodCount {
  bool sender_below = true;
  bool coalition_below = true;
};

// Whether `table` (a constant name, never user input) may take one more row from `sender_hash`
// for the change's coalition. Its rows need coalition_id, sender_hash and created_at;
// `counted` narrows which of them count towards the coalition's day (e.g. "sender_hash <> ''").
// Writers of the same table and coalition wait for each other until the change ends, so two
// requests at once cannot both take the last place (SQLite writes one at a time already).
bool below_flood_limit(Change& change, const std::string& table, const std::string& sender_hash,
                       const FloodLimits& limits, const std::string& counted = "1 = 1");
// The same counts, for a caller that treats the two limits apart (a signal beyond the
// coalition's day is kept onder voorbehoud, not refused).
FloodCount count_flood(Change& change, const std::string& table, const std::string& sender_hash,
                       const FloodLimits& limits, const std::string& counted = "1 = 1");
// Whether someone signed in may add one more row to `table` (its column reported_by) this
// hour, under the same lock.
bool below_person_limit(Change& change, const std::string& table, long long person_id,
                        const FloodLimits& limits);

}  // namespace kompas::store
