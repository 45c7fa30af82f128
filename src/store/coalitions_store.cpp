#include "store/coalitions_store.h"

namespace kompas::store {
namespace {

const std::string kSelect =
    "SELECT id, name, gemeente_code, kartrekker, cycle_start, min_cell_size, public_dashboard, "
    "plan_adopted_on FROM coalitions ";

// Coalitions matching `where`, with the values for its placeholders given as soci::use(...).
template <typename... Uses>
std::vector<domain::Coalition> select(soci::session& sql, const std::string& where,
                                      Uses&&... uses) {
  domain::Coalition c;
  int public_dashboard = 0;
  std::vector<domain::Coalition> found;
  auto st = select_rows(sql, kSelect + where, std::forward<Uses>(uses)..., soci::into(c.id),
                        soci::into(c.name), soci::into(c.gemeente_code), soci::into(c.kartrekker),
                        soci::into(c.cycle_start), soci::into(c.min_cell_size),
                        soci::into(public_dashboard), soci::into(c.plan_adopted_on));
  while (st.fetch()) {
    c.public_dashboard = public_dashboard != 0;
    found.push_back(c);
  }
  return found;
}

std::optional<domain::Coalition> first(std::vector<domain::Coalition> found) {
  if (found.empty()) return std::nullopt;
  return found.front();
}

}  // namespace

nlohmann::json to_json(const domain::Coalition& c) {
  return {{"name", c.name},
          {"gemeente_code", c.gemeente_code},
          {"kartrekker", c.kartrekker},
          {"cycle_start", c.cycle_start},
          {"min_cell_size", c.min_cell_size},
          {"public_dashboard", c.public_dashboard},
          {"plan_adopted_on", c.plan_adopted_on}};
}

std::optional<domain::Coalition> find_coalition(soci::session& sql, long long id) {
  return first(select(sql, "WHERE id = :id", soci::use(id)));
}

std::optional<domain::Coalition> find_coalition_by_code(soci::session& sql,
                                                        const std::string& gemeente_code) {
  return first(select(sql, "WHERE gemeente_code = :code", soci::use(gemeente_code)));
}

std::vector<domain::Coalition> list_coalitions(soci::session& sql) {
  return select(sql, "ORDER BY name");
}

long long create_coalition(Change& change, const domain::Coalition& c) {
  long long id = 0;
  const auto now = now_seconds();
  change.sql() << "INSERT INTO coalitions (name, gemeente_code, kartrekker, cycle_start, "
                  "min_cell_size, created_at) VALUES (:n, :g, :k, :s, :m, :t) RETURNING id",
      soci::use(c.name), soci::use(c.gemeente_code), soci::use(c.kartrekker),
      soci::use(c.cycle_start), soci::use(c.min_cell_size), soci::use(now), soci::into(id);
  change.set_coalition(id);
  change.record("aanmaken", "coalitie", std::to_string(id), c.name, nullptr, to_json(c));
  return id;
}

// The gemeente code is fixed once the coalition exists: areas hang from it.
void update_coalition(Change& change, const domain::Coalition& c) {
  const auto before = find_coalition(change.sql(), c.id);
  if (!before) throw std::runtime_error("coalition not found");
  const int public_dashboard = c.public_dashboard ? 1 : 0;
  change.sql() << "UPDATE coalitions SET name = :n, kartrekker = :k, cycle_start = :s, "
                  "min_cell_size = :m, public_dashboard = :p, plan_adopted_on = :a WHERE id = :id",
      soci::use(c.name), soci::use(c.kartrekker), soci::use(c.cycle_start),
      soci::use(c.min_cell_size), soci::use(public_dashboard), soci::use(c.plan_adopted_on),
      soci::use(c.id);
  auto after = c;
  after.gemeente_code = before->gemeente_code;
  change.record("wijzigen", "coalitie", std::to_string(c.id), c.name, to_json(*before),
                to_json(after));
}

}  // namespace kompas::store
