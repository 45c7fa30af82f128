#include "store/partners_store.h"

namespace kompas::store {
namespace {

// Partners matching `where`, with the values for its placeholders given as soci::use(...).
template <typename... Uses>
std::vector<domain::Partner> select(soci::session& sql, const std::string& where, Uses&&... uses) {
  domain::Partner p;
  int active = 1;
  std::vector<domain::Partner> found;
  auto st = select_rows(sql,
                        "SELECT id, name, type, contact_name, contact_email, mandate, interests, "
                        "active FROM partners WHERE " +
                            where + " ORDER BY name",
                        std::forward<Uses>(uses)..., soci::into(p.id), soci::into(p.name),
                        soci::into(p.type), soci::into(p.contact_name), soci::into(p.contact_email),
                        soci::into(p.mandate), soci::into(p.interests), soci::into(active));
  while (st.fetch()) {
    p.active = active != 0;
    found.push_back(p);
  }
  return found;
}

}  // namespace

nlohmann::json to_json(const domain::Partner& p) {
  return {{"name", p.name},
          {"type", p.type},
          {"contact_name", p.contact_name},
          {"contact_email", p.contact_email},
          {"mandate", p.mandate},
          {"interests", p.interests},
          {"active", p.active}};
}

std::vector<domain::Partner> list_partners(soci::session& sql, long long coalition_id) {
  return select(sql, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<domain::Partner> find_partner(soci::session& sql, long long coalition_id,
                                            long long partner_id) {
  auto found =
      select(sql, "coalition_id = :c AND id = :id", soci::use(coalition_id), soci::use(partner_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

PartnerCounts count_partners(soci::session& sql, long long coalition_id) {
  PartnerCounts counts;
  soci::indicator active_ind = soci::i_null;
  sql << "SELECT COUNT(*), SUM(active) FROM partners WHERE coalition_id = :c",
      soci::use(coalition_id), soci::into(counts.total), soci::into(counts.active, active_ind);
  if (active_ind != soci::i_ok) counts.active = 0;
  return counts;
}

bool partner_name_taken(soci::session& sql, long long coalition_id, const std::string& name,
                        long long except_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM partners WHERE coalition_id = :c AND lower(name) = lower(:n) "
         "AND id <> :id",
      soci::use(coalition_id), soci::use(name), soci::use(except_id), soci::into(count);
  return count > 0;
}

long long create_partner(Change& change, const domain::Partner& p) {
  long long id = 0;
  const int active = p.active ? 1 : 0;
  const auto now = now_seconds();
  const auto coalition_id = change.actor().coalition_id;
  change.sql() << "INSERT INTO partners (coalition_id, name, type, contact_name, contact_email, "
                  "mandate, interests, active, updated_at) VALUES (:c, :n, :t, :cn, :ce, :m, :i, "
                  ":a, :u) RETURNING id",
      soci::use(coalition_id), soci::use(p.name), soci::use(p.type), soci::use(p.contact_name),
      soci::use(p.contact_email), soci::use(p.mandate), soci::use(p.interests), soci::use(active),
      soci::use(now), soci::into(id);
  change.record("aanmaken", "partner", std::to_string(id), p.name, nullptr, to_json(p));
  return id;
}

void update_partner(Change& change, const domain::Partner& p) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_partner(change.sql(), coalition_id, p.id);
  if (!before) throw std::runtime_error("partner not found");
  const int active = p.active ? 1 : 0;
  const auto now = now_seconds();
  change.sql() << "UPDATE partners SET name = :n, type = :t, contact_name = :cn, "
                  "contact_email = :ce, mandate = :m, interests = :i, active = :a, "
                  "updated_at = :u WHERE id = :id AND coalition_id = :c",
      soci::use(p.name), soci::use(p.type), soci::use(p.contact_name), soci::use(p.contact_email),
      soci::use(p.mandate), soci::use(p.interests), soci::use(active), soci::use(now),
      soci::use(p.id), soci::use(coalition_id);
  change.record("wijzigen", "partner", std::to_string(p.id), p.name, to_json(*before), to_json(p));
}

}  // namespace kompas::store
