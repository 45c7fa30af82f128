#include "store/conversation_card_store.h"

#include <algorithm>

#include "domain/conversation_card.h"

namespace kompas::store {

std::vector<std::string> card_service_ids(soci::session& sql, long long coalition_id) {
  std::string id;
  auto st = select_rows(sql,
                        "SELECT service_id FROM conversation_card_services WHERE coalition_id = "
                        ":c ORDER BY position",
                        soci::use(coalition_id), soci::into(id));
  std::vector<std::string> ids;
  while (st.fetch()) ids.push_back(id);
  return ids;
}

bool add_card_service(Change& change, const std::string& service_id, const std::string& name) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto ids = card_service_ids(sql, coalition_id);
  if (ids.size() >= domain::kCardServices ||
      std::find(ids.begin(), ids.end(), service_id) != ids.end())
    return false;
  int position = 0;
  sql << "SELECT COALESCE(MAX(position), 0) + 1 FROM conversation_card_services WHERE "
         "coalition_id = :c",
      soci::use(coalition_id), soci::into(position);
  sql << "INSERT INTO conversation_card_services (coalition_id, service_id, position) VALUES "
         "(:c, :s, :p)",
      soci::use(coalition_id), soci::use(service_id), soci::use(position);
  change.record("aanmaken", "gesprekskaart", service_id, name, nullptr, {{"service", name}});
  return true;
}

void remove_card_service(Change& change, const std::string& service_id, const std::string& name) {
  const auto coalition_id = change.actor().coalition_id;
  soci::statement st = (change.sql().prepare << "DELETE FROM conversation_card_services WHERE "
                                                "coalition_id = :c AND service_id = :s",
                        soci::use(coalition_id), soci::use(service_id));
  st.execute(true);
  if (st.get_affected_rows() > 0)
    change.record("verwijderen", "gesprekskaart", service_id, name, {{"service", name}}, nullptr);
}

}  // namespace kompas::store
