#include "store/flood_limit.h"

namespace kompas::store {

namespace {

// One lock per table and coalition, held until commit or rollback (SQLite writes one at a time).
void lock_for_counting(Change& change, const std::string& table) {
  if (change.engine() != Engine::postgresql) return;
  const auto coalition_id = change.actor().coalition_id;
  change.sql() << "SELECT pg_advisory_xact_lock(hashtext(:t)::bigint * 4294967296 + :c)",
      soci::use(table), soci::use(coalition_id);
}

}  // namespace

bool below_flood_limit(Change& change, const std::string& table, const std::string& sender_hash,
                       const FloodLimits& limits, const std::string& counted) {
  const auto count = count_flood(change, table, sender_hash, limits, counted);
  return count.sender_below && count.coalition_below;
}

bool below_person_limit(Change& change, const std::string& table, long long person_id,
                        const FloodLimits& limits) {
  lock_for_counting(change, table);
  const auto coalition_id = change.actor().coalition_id;
  const long long hour_ago = now_seconds() - 3600;
  int sent = 0;
  change.sql() << "SELECT COUNT(*) FROM " + table +
                      " WHERE coalition_id = :c AND reported_by = :p AND created_at > :t",
      soci::use(coalition_id), soci::use(person_id), soci::use(hour_ago), soci::into(sent);
  return sent < limits.per_person_per_hour;
}

FloodCount count_flood(Change& change, const std::string& table, const std::string& sender_hash,
                       const FloodLimits& limits, const std::string& counted) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  lock_for_counting(change, table);
  const auto now = now_seconds();
  const long long hour_ago = now - 3600, day_ago = now - 86400;
  int from_sender = 0, today = 0;
  sql << "SELECT COUNT(*) FROM " + table +
             " WHERE coalition_id = :c AND sender_hash = :s AND created_at > :t",
      soci::use(coalition_id), soci::use(sender_hash), soci::use(hour_ago), soci::into(from_sender);
  sql << "SELECT COUNT(*) FROM " + table + " WHERE coalition_id = :c AND " + counted +
             " AND created_at > :t",
      soci::use(coalition_id), soci::use(day_ago), soci::into(today);
  return {from_sender < limits.per_sender_per_hour, today < limits.per_coalition_per_day};
}

}  // namespace kompas::store
