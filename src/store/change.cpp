#include "store/change.h"

namespace kompas::store {

Change::Change(Database& db, Actor actor) : conn_(db), tx_(conn_), actor_(std::move(actor)) {}

nlohmann::json field_changes(const nlohmann::json& before, const nlohmann::json& after) {
  nlohmann::json changes = nlohmann::json::object();
  auto value_of = [](const nlohmann::json& object, const std::string& key) {
    return object.is_object() && object.contains(key) ? object.at(key) : nlohmann::json();
  };
  nlohmann::json keys = nlohmann::json::object();
  for (const auto* side : {&before, &after})
    if (side->is_object())
      for (auto it = side->begin(); it != side->end(); ++it) keys[it.key()] = true;
  for (auto it = keys.begin(); it != keys.end(); ++it) {
    auto old_value = value_of(before, it.key());
    auto new_value = value_of(after, it.key());
    if (old_value != new_value) changes[it.key()] = nlohmann::json::array({old_value, new_value});
  }
  return changes;
}

void Change::commit() {
  for (long long coalition_id : touched_)
    sql() << "UPDATE coalitions SET data_version = data_version + 1 WHERE id = :c",
        soci::use(coalition_id);
  tx_.commit();
}

void Change::record(const std::string& action, const std::string& entity,
                    const std::string& entity_id, const std::string& label,
                    const nlohmann::json& before, const nlohmann::json& after) {
  const auto changes = field_changes(before, after);
  if (changes.empty() && action == "wijzigen") return;
  touched_.insert(actor_.coalition_id);
  // Labels may hold what people uploaded (file names): invalid UTF-8 is replaced, never fatal.
  const auto text = changes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const auto now = now_seconds();
  soci::indicator person_ind = actor_.person_id ? soci::i_ok : soci::i_null;
  long long person_id = actor_.person_id.value_or(0);
  sql() << "INSERT INTO audit_log (coalition_id, person_id, person_name, at, action, entity, "
           "entity_id, label, changes) VALUES (:c, :p, :pn, :at, :a, :e, :eid, :l, :ch)",
      soci::use(actor_.coalition_id), soci::use(person_id, person_ind),
      soci::use(actor_.person_name), soci::use(now), soci::use(action), soci::use(entity),
      soci::use(entity_id), soci::use(label), soci::use(text);
}

}  // namespace kompas::store
