#include "store/closed_years_store.h"

namespace kompas::store {

std::vector<int> closed_year_list(soci::session& sql, long long coalition_id) {
  std::vector<int> years;
  int year = 0;
  auto st =
      select_rows(sql, "SELECT year FROM closed_years WHERE coalition_id = :c ORDER BY year DESC",
                  soci::use(coalition_id), soci::into(year));
  while (st.fetch()) years.push_back(year);
  return years;
}

std::optional<ClosedYear> find_closed_year(soci::session& sql, long long coalition_id, int year) {
  ClosedYear closed;
  std::string snapshot;
  sql << "SELECT year, closed_at, snapshot FROM closed_years WHERE coalition_id = :c AND "
         "year = :y",
      soci::use(coalition_id), soci::use(year), soci::into(closed.year),
      soci::into(closed.closed_at), soci::into(snapshot);
  if (!sql.got_data()) return std::nullopt;
  closed.snapshot = nlohmann::json::parse(snapshot);
  return closed;
}

bool close_year(Change& change, int year, const nlohmann::json& snapshot) {
  const auto coalition_id = change.actor().coalition_id;
  if (find_closed_year(change.sql(), coalition_id, year)) return false;
  const auto now = now_seconds();
  const auto text = snapshot.dump();
  const auto closed_by = change.actor().person_id.value_or(0);
  soci::indicator by_ind = change.actor().person_id ? soci::i_ok : soci::i_null;
  change.sql() << "INSERT INTO closed_years (coalition_id, year, closed_at, closed_by, snapshot) "
                  "VALUES (:c, :y, :t, :b, :s)",
      soci::use(coalition_id), soci::use(year), soci::use(now), soci::use(closed_by, by_ind),
      soci::use(text);
  nlohmann::json summary = {{"year", year}, {"closed_at", now}};
  for (const auto& [part, value] : snapshot.items())
    if (value.is_array()) summary[part] = value.size();
  change.record("afsluiten", "jaarafsluiting", std::to_string(year), std::to_string(year), nullptr,
                summary);
  return true;
}

}  // namespace kompas::store
