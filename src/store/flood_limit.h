#pragma once
// What a public form (a signal, a correction to the sociale kaart) may store: anyone can post
// it, so one address and one coalition get a limited number per hour and per day.
#include <string>

#include "store/change.h"

namespace kompas::store {

struct FloodLimits {
  int per_sender_per_hour = 5;
  int per_coalition_per_day = 100;
};

// Whether `table` (a constant name, never user input) may take one more row from `sender_hash`
// for the change's coalition. Its rows need coalition_id, sender_hash and created_at;
// `counted` narrows which of them count towards the coalition's day (e.g. "sender_hash <> ''").
// Writers of the same table and coalition wait for each other until the change ends, so two
// requests at once cannot both take the last place (SQLite writes one at a time already).
bool below_flood_limit(Change& change, const std::string& table, const std::string& sender_hash,
                       const FloodLimits& limits, const std::string& counted = "1 = 1");

}  // namespace kompas::store
