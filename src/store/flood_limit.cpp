#include "store/flood_limit.h"

namespace kompas::store {

bool below_flood_limit(Change& change, const std::string& table, const std::string& sender_hash,
                       const FloodLimits& limits, const std::string& counted) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  if (change.engine() == Engine::postgresql) {
    // One lock per table and coalition, held until commit or rollback.
    sql << "SELECT pg_advisory_xact_lock(hashtext(:t)::bigint * 4294967296 + :c)", soci::use(table),
        soci::use(coalition_id);
  }
  const auto now = now_seconds();
  const long long hour_ago = now - 3600, day_ago = now - 86400;
  int from_sender = 0, today = 0;
  sql << "SELECT COUNT(*) FROM " + table +
             " WHERE coalition_id = :c AND sender_hash = :s AND created_at > :t",
      soci::use(coalition_id), soci::use(sender_hash), soci::use(hour_ago), soci::into(from_sender);
  sql << "SELECT COUNT(*) FROM " + table + " WHERE coalition_id = :c AND " + counted +
             " AND created_at > :t",
      soci::use(coalition_id), soci::use(day_ago), soci::into(today);
  return from_sender < limits.per_sender_per_hour && today < limits.per_coalition_per_day;
}

}  // namespace kompas::store
