#include "store/audit_store.h"

#include "domain/text.h"

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
