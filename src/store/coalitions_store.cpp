#include "store/coalitions_store.h"

#include "store/hsds_store.h"
#include "store/knowledge_store.h"
#include "store/table.h"

namespace kompas::store {
namespace {

using domain::Coalition;
// The gemeente code is fixed once the coalition exists: areas hang from it.
const Table<Coalition> kCoalitions{
    "coalitions",
    "name, id",
    {column<&Coalition::name>("name"),
     column<&Coalition::gemeente_code>("gemeente_code", {.fixed = true}),
     column<&Coalition::kartrekker>("kartrekker"), column<&Coalition::cycle_start>("cycle_start"),
     column<&Coalition::min_cell_size>("min_cell_size"),
     column<&Coalition::public_dashboard>("public_dashboard"),
     column<&Coalition::plan_adopted_on>("plan_adopted_on"),
     column<&Coalition::public_knowledge>("public_knowledge"),
     column<&Coalition::public_map>("public_map"), column<&Coalition::public_card>("public_card"),
     column<&Coalition::public_signals>("public_signals")}};

std::optional<domain::Coalition> first(std::vector<domain::Coalition> found) {
  if (found.empty()) return std::nullopt;
  return found.front();
}

}  // namespace

nlohmann::json to_json(const domain::Coalition& c) {
  return record_json(kCoalitions, c);
}

std::optional<domain::Coalition> find_coalition(soci::session& sql, long long id) {
  return first(select_records(sql, kCoalitions, "id = :id", soci::use(id)));
}

std::optional<domain::Coalition> find_coalition_by_code(soci::session& sql,
                                                        const std::string& gemeente_code) {
  return first(select_records(sql, kCoalitions, "gemeente_code = :code", soci::use(gemeente_code)));
}

std::vector<domain::Coalition> list_coalitions(soci::session& sql) {
  return select_records(sql, kCoalitions, "");
}

long long create_coalition(Change& change, const domain::Coalition& c) {
  const auto id = insert_record(change.sql(), kCoalitions, c, {{"created_at", now_seconds()}});
  change.set_coalition(id);
  change.record("aanmaken", "coalitie", std::to_string(id), c.name, nullptr, to_json(c));
  add_own_taxonomy(change.sql(), id);
  for (const auto& article : add_shipped_articles(change.sql(), id))
    change.record("aanmaken", "artikel", std::to_string(article.id), article.title, nullptr,
                  to_json(article));
  return id;
}

void update_coalition(Change& change, const domain::Coalition& c) {
  const auto before = find_coalition(change.sql(), c.id);
  if (!before) throw std::runtime_error("coalition not found");
  update_record(change.sql(), kCoalitions, c, {}, "");
  auto after = c;
  after.gemeente_code = before->gemeente_code;
  change.record("wijzigen", "coalitie", std::to_string(c.id), c.name, to_json(*before),
                to_json(after));
}

}  // namespace kompas::store
