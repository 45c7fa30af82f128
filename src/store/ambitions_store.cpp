#include "store/ambitions_store.h"

#include "domain/text.h"
#include "store/table.h"

namespace kompas::store {
namespace {

using domain::Ambition;
// The version counts saves; it is not part of what a version holds.
const Table<Ambition> kAmbitions{
    "ambitions",
    "start_year, title, id",
    {column<&Ambition::title>("title"), column<&Ambition::statement>("statement"),
     column<&Ambition::target_group>("target_group"), column<&Ambition::areas>("areas"),
     column<&Ambition::start_year>("start_year"), column<&Ambition::end_year>("end_year"),
     column<&Ambition::findings>("findings"), column<&Ambition::owner_person_id>("owner_person_id"),
     column<&Ambition::status>("status"),
     column<&Ambition::version>("version", {.logged = false})}};

void save_version(Change& change, const domain::Ambition& a) {
  const auto now = now_seconds();
  const auto content = to_json(a).dump();
  change.sql() << "INSERT INTO ambition_versions (ambition_id, version, saved_at, saved_by, "
                  "content) VALUES (:a, :v, :t, :b, :c)",
      soci::use(a.id), soci::use(a.version), soci::use(now), soci::use(change.actor().person_name),
      soci::use(content);
}

}  // namespace

nlohmann::json to_json(const domain::Ambition& a) {
  return record_json(kAmbitions, a);
}

domain::Ambition ambition_from_json(const nlohmann::json& j) {
  return record_from_json(kAmbitions, j);
}

std::vector<domain::Ambition> list_ambitions(soci::session& sql, long long coalition_id) {
  return select_records(sql, kAmbitions, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<domain::Ambition> find_ambition(soci::session& sql, long long coalition_id,
                                              long long ambition_id) {
  auto found = select_records(sql, kAmbitions, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(ambition_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

long long create_ambition(Change& change, const domain::Ambition& ambition) {
  auto a = ambition;
  a.version = 1;
  a.id =
      insert_record(change.sql(), kAmbitions, a,
                    {{"coalition_id", change.actor().coalition_id}, {"updated_at", now_seconds()}});
  save_version(change, a);
  change.record("aanmaken", "ambitie", std::to_string(a.id), a.title, nullptr, to_json(a));
  return a.id;
}

bool update_ambition(Change& change, const domain::Ambition& ambition) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_ambition(change.sql(), coalition_id, ambition.id);
  if (!before) throw std::runtime_error("ambition not found");
  if (to_json(*before) == to_json(ambition)) return false;
  auto a = ambition;
  a.version = before->version + 1;
  update_record(change.sql(), kAmbitions, a, {{"updated_at", now_seconds()}}, "coalition_id = :c",
                soci::use(coalition_id));
  save_version(change, a);
  change.record("wijzigen", "ambitie", std::to_string(a.id), a.title, to_json(*before), to_json(a));
  return true;
}

std::vector<AmbitionVersion> ambition_versions(soci::session& sql, long long coalition_id,
                                               long long ambition_id) {
  AmbitionVersion v;
  std::string content;
  std::vector<AmbitionVersion> versions;
  auto st = select_rows(sql,
                        "SELECT v.version, v.saved_at, v.saved_by, v.content FROM "
                        "ambition_versions v JOIN ambitions a ON a.id = v.ambition_id "
                        "WHERE a.coalition_id = :c AND a.id = :a ORDER BY v.version DESC",
                        soci::use(coalition_id), soci::use(ambition_id), soci::into(v.version),
                        soci::into(v.saved_at), soci::into(v.saved_by), soci::into(content));
  while (st.fetch()) {
    v.content = ambition_from_json(nlohmann::json::parse(content));
    v.content.id = ambition_id;
    v.content.version = v.version;
    versions.push_back(v);
  }
  return versions;
}

AmbitionDependents ambition_dependents(soci::session& sql, long long ambition_id) {
  AmbitionDependents d;
  sql << "SELECT (SELECT COUNT(*) FROM indicators WHERE ambition_id = :a), "
         "(SELECT COUNT(*) FROM contributions WHERE ambition_id = :b)",
      soci::use(ambition_id), soci::use(ambition_id), soci::into(d.indicators),
      soci::into(d.contributions);
  return d;
}

bool delete_ambition(Change& change, const domain::Ambition& a) {
  const auto coalition_id = change.actor().coalition_id;
  // PostgreSQL: hold the row, so an indicator or contribution added meanwhile (which needs it)
  // waits and is counted, instead of being removed with it. SQLite has one writer at a time.
  if (change.engine() == Engine::postgresql)
    select_ids(change.sql(), "SELECT id FROM ambitions WHERE id = :a FOR UPDATE", soci::use(a.id));
  const auto dependents = ambition_dependents(change.sql(), a.id);
  if (dependents.indicators > 0 || dependents.contributions > 0) return false;
  nlohmann::json versions = nlohmann::json::array();
  for (const auto& v : ambition_versions(change.sql(), coalition_id, a.id))
    versions.push_back({{"version", v.version},
                        {"saved_at", v.saved_at},
                        {"saved_by", v.saved_by},
                        {"content", to_json(v.content)}});
  auto before = to_json(a);
  before["versions"] = versions;
  // What pointed at it, so the log tells which activities and actions lost the link.
  before["activities"] = select_ids(
      change.sql(),
      "SELECT l.activity_id FROM activity_links l JOIN activities t ON t.id = l.activity_id "
      "WHERE l.kind = 'ambitie' AND l.ref_id = :a AND t.coalition_id = :c ORDER BY 1",
      soci::use(a.id), soci::use(coalition_id));
  before["actions"] =
      select_ids(change.sql(),
                 "SELECT id FROM actions WHERE ambition_id = :a AND coalition_id = :c ORDER BY 1",
                 soci::use(a.id), soci::use(coalition_id));
  change.sql() << "DELETE FROM activity_links WHERE kind = 'ambitie' AND ref_id = :a AND "
                  "activity_id IN (SELECT id FROM activities WHERE coalition_id = :c)",
      soci::use(a.id), soci::use(coalition_id);
  change.sql() << "UPDATE actions SET ambition_id = NULL WHERE ambition_id = :a AND "
                  "coalition_id = :c",
      soci::use(a.id), soci::use(coalition_id);
  change.sql() << "DELETE FROM ambition_versions WHERE ambition_id = :a", soci::use(a.id);
  change.sql() << "DELETE FROM ambitions WHERE id = :a AND coalition_id = :c", soci::use(a.id),
      soci::use(coalition_id);
  change.record("verwijderen", "ambitie", std::to_string(a.id), a.title, before, nullptr);
  return true;
}

}  // namespace kompas::store
