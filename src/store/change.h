#pragma once
// The one way to write: a transaction that also records every change in the audit log, so a
// change and its trace commit or vanish together.
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "store/database.h"

namespace kompas::store {

// Who makes a change. Command-line changes have no person.
struct Actor {
  long long coalition_id = 0;
  std::optional<long long> person_id;
  std::string person_name;
};

class Change {
 public:
  Change(Database& db, Actor actor);
  soci::session& sql() { return conn_.sql(); }
  Engine engine() const { return conn_.engine(); }
  const Actor& actor() const { return actor_; }
  // The coalition is known only after it is created; later records then belong to it.
  void set_coalition(long long coalition_id) { actor_.coalition_id = coalition_id; }

  // Records old -> new for every field that differs; `before` is null for a new record and
  // `after` null for a removed one. Nothing is written when nothing changed.
  void record(const std::string& action, const std::string& entity, const std::string& entity_id,
              const std::string& label, const nlohmann::json& before, const nlohmann::json& after);

  // Raises the data version of every coalition this change recorded something for, then commits.
  void commit();

 private:
  Connection conn_;
  Transaction tx_;
  Actor actor_;
  std::set<long long> touched_;
};

// {field: [old, new]} for the fields that differ between two flat JSON objects.
nlohmann::json field_changes(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace kompas::store
