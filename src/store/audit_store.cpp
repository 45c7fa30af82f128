#include "store/audit_store.h"

#include "domain/text.h"
#include "domain/training.h"

namespace kompas::store {
namespace {

// Every filter is always bound; an empty one matches everything, so the statement text is fixed.
const char* kWhere =
    " FROM audit_log WHERE coalition_id = :c AND (:e = '' OR entity = :e2) "
    "AND (:p = '' OR lower(person_name) LIKE :pl) AND (:f = 0 OR at >= :f2) "
    "AND (:u = 0 OR at < :u2)";

struct Binds {
  std::string entity, person, person_like;
  long long from, until;
  explicit Binds(const AuditFilter& f)
      : entity(f.entity),
        person(f.person_name),
        person_like("%" + domain::lower_ascii(f.person_name) + "%"),
        from(f.from),
        until(f.until) {}
};

}  // namespace

std::vector<AuditEntry> list_audit(soci::session& sql, long long coalition_id,
                                   const AuditFilter& filter) {
  Binds b(filter);
  AuditEntry e;
  std::vector<AuditEntry> found;
  const int limit = filter.limit, offset = filter.offset;
  auto st = select_rows(sql,
                        std::string("SELECT id, person_name, at, action, entity, entity_id, label, "
                                    "changes") +
                            kWhere + " ORDER BY at DESC, id DESC LIMIT :lim OFFSET :off",
                        soci::use(coalition_id), soci::use(b.entity), soci::use(b.entity),
                        soci::use(b.person), soci::use(b.person_like), soci::use(b.from),
                        soci::use(b.from), soci::use(b.until), soci::use(b.until), soci::use(limit),
                        soci::use(offset), soci::into(e.id), soci::into(e.person_name),
                        soci::into(e.at), soci::into(e.action), soci::into(e.entity),
                        soci::into(e.entity_id), soci::into(e.label), soci::into(e.changes));
  while (st.fetch()) found.push_back(e);
  return found;
}

int count_audit(soci::session& sql, long long coalition_id, const AuditFilter& filter) {
  Binds b(filter);
  int count = 0;
  sql << std::string("SELECT COUNT(*)") + kWhere, soci::use(coalition_id), soci::use(b.entity),
      soci::use(b.entity), soci::use(b.person), soci::use(b.person_like), soci::use(b.from),
      soci::use(b.from), soci::use(b.until), soci::use(b.until), soci::into(count);
  return count;
}

namespace {

// Each kind's query: its key (id or code) and its name, for one coalition.
const std::map<std::string, std::string>& name_queries() {
  static const std::map<std::string, std::string> queries = {
      {"partner", "SELECT CAST(id AS TEXT), name FROM partners WHERE coalition_id = :c"},
      {"person", "SELECT CAST(id AS TEXT), name FROM people WHERE coalition_id = :c"},
      {"ambition", "SELECT CAST(id AS TEXT), title FROM ambitions WHERE coalition_id = :c"},
      {"activity", "SELECT CAST(id AS TEXT), name FROM activities WHERE coalition_id = :c"},
      {"action", "SELECT CAST(id AS TEXT), title FROM actions WHERE coalition_id = :c"},
      {"indicator", "SELECT CAST(id AS TEXT), name FROM indicators WHERE coalition_id = :c"},
      {"contribution", "SELECT CAST(id AS TEXT), what FROM contributions WHERE coalition_id = :c"},
      {"participant", "SELECT CAST(id AS TEXT), name FROM participants WHERE coalition_id = :c"},
      {"training", "SELECT CAST(id AS TEXT), title FROM trainings WHERE coalition_id = :c"},
      {"round",
       "SELECT CAST(r.id AS TEXT), a.name FROM check_rounds r JOIN activities a ON a.id = "
       "r.activity_id WHERE r.coalition_id = :c"},
      {"area", "SELECT code, name FROM areas WHERE coalition_id = :c"},
      {"frontline_role", "SELECT code, name FROM frontline_roles WHERE coalition_id = :c"},
  };
  return queries;
}

}  // namespace

const std::vector<std::string>& named_record_kinds() {
  static const auto kinds = [] {
    std::vector<std::string> out;
    for (const auto& [kind, query] : name_queries()) out.push_back(kind);
    return out;
  }();
  return kinds;
}

std::map<std::string, std::string> record_names(soci::session& sql, long long coalition_id,
                                                const std::string& kind) {
  const auto query = name_queries().find(kind);
  if (query == name_queries().end()) throw std::logic_error("no names for " + kind);
  std::map<std::string, std::string> names;
  std::string key, name;
  auto st =
      select_rows(sql, query->second, soci::use(coalition_id), soci::into(key), soci::into(name));
  while (st.fetch()) names[key] = name;
  if (kind == "frontline_role")
    for (const auto& role : domain::default_frontline_roles()) names.emplace(role.code, role.name);
  return names;
}

const std::vector<std::string>& audited_entities() {
  static const std::vector<std::string> entities = {
      "coalitie",        "gebied",         "grens",          "partner",      "persoon",
      "api-sleutel",     "meting",         "cijfer",         "ambitie",      "indicator",
      "indicatorwaarde", "verhaal",        "activiteit",     "bijdrage",     "actie",
      "controleronde",   "teamlid",        "antwoorden",     "zelfscan",     "begrip",
      "overleg",         "agendapunt",     "jaarafsluiting", "instrument",   "artikel",
      "training",        "trainingsessie", "deelnemer",      "aanwezigheid", "frontlinerol",
      "frontliners",     "sociale-kaart",  "gesprekskaart",  "correctie",    "signaal",
      "signaalroute",    "bijhouder"};
  return entities;
}

}  // namespace kompas::store
