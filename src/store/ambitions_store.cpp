#include "store/ambitions_store.h"

#include "domain/text.h"

namespace kompas::store {
namespace {

template <typename... Uses>
std::vector<domain::Ambition> select(soci::session& sql, const std::string& where, Uses&&... uses) {
  domain::Ambition a;
  std::string areas;
  long long owner = 0;
  soci::indicator owner_ind = soci::i_null;
  std::vector<domain::Ambition> found;
  auto st = select_rows(sql,
                        "SELECT id, title, statement, target_group, areas, start_year, end_year, "
                        "findings, owner_person_id, status, version FROM ambitions WHERE " +
                            where + " ORDER BY start_year, title, id",
                        std::forward<Uses>(uses)..., soci::into(a.id), soci::into(a.title),
                        soci::into(a.statement), soci::into(a.target_group), soci::into(areas),
                        soci::into(a.start_year), soci::into(a.end_year), soci::into(a.findings),
                        soci::into(owner, owner_ind), soci::into(a.status), soci::into(a.version));
  while (st.fetch()) {
    a.areas = domain::split_words(areas);
    a.owner_person_id = owner_ind == soci::i_ok ? std::optional<long long>(owner) : std::nullopt;
    found.push_back(a);
  }
  return found;
}

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
  return {{"title", a.title},
          {"statement", a.statement},
          {"target_group", a.target_group},
          {"areas", domain::join_words(a.areas)},
          {"start_year", a.start_year},
          {"end_year", a.end_year},
          {"findings", a.findings},
          {"owner_person_id", a.owner_person_id ? nlohmann::json(*a.owner_person_id) : nullptr},
          {"status", a.status}};
}

domain::Ambition ambition_from_json(const nlohmann::json& j) {
  domain::Ambition a;
  a.title = j.value("title", "");
  a.statement = j.value("statement", "");
  a.target_group = j.value("target_group", "");
  a.areas = domain::split_words(j.value("areas", ""));
  a.start_year = j.value("start_year", 0);
  a.end_year = j.value("end_year", 0);
  a.findings = j.value("findings", "");
  if (j.contains("owner_person_id") && j["owner_person_id"].is_number())
    a.owner_person_id = j["owner_person_id"].get<long long>();
  a.status = j.value("status", "");
  return a;
}

std::vector<domain::Ambition> list_ambitions(soci::session& sql, long long coalition_id) {
  return select(sql, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<domain::Ambition> find_ambition(soci::session& sql, long long coalition_id,
                                              long long ambition_id) {
  auto found = select(sql, "coalition_id = :c AND id = :id", soci::use(coalition_id),
                      soci::use(ambition_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

long long create_ambition(Change& change, const domain::Ambition& ambition) {
  auto a = ambition;
  a.version = 1;
  const auto areas = domain::join_words(a.areas);
  const long long owner = a.owner_person_id.value_or(0);
  soci::indicator owner_ind = a.owner_person_id ? soci::i_ok : soci::i_null;
  const auto now = now_seconds();
  const auto coalition_id = change.actor().coalition_id;
  change.sql() << "INSERT INTO ambitions (coalition_id, title, statement, target_group, areas, "
                  "start_year, end_year, findings, owner_person_id, status, version, updated_at) "
                  "VALUES (:c, :t, :s, :g, :a, :sy, :ey, :f, :o, :st, :v, :u) RETURNING id",
      soci::use(coalition_id), soci::use(a.title), soci::use(a.statement),
      soci::use(a.target_group), soci::use(areas), soci::use(a.start_year), soci::use(a.end_year),
      soci::use(a.findings), soci::use(owner, owner_ind), soci::use(a.status), soci::use(a.version),
      soci::use(now), soci::into(a.id);
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
  const auto areas = domain::join_words(a.areas);
  const long long owner = a.owner_person_id.value_or(0);
  soci::indicator owner_ind = a.owner_person_id ? soci::i_ok : soci::i_null;
  const auto now = now_seconds();
  change.sql() << "UPDATE ambitions SET title = :t, statement = :s, target_group = :g, "
                  "areas = :a, start_year = :sy, end_year = :ey, findings = :f, "
                  "owner_person_id = :o, status = :st, version = :v, updated_at = :u "
                  "WHERE id = :id AND coalition_id = :c",
      soci::use(a.title), soci::use(a.statement), soci::use(a.target_group), soci::use(areas),
      soci::use(a.start_year), soci::use(a.end_year), soci::use(a.findings),
      soci::use(owner, owner_ind), soci::use(a.status), soci::use(a.version), soci::use(now),
      soci::use(a.id), soci::use(coalition_id);
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
