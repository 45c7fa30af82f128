#include "store/partners_store.h"

#include "store/table.h"

namespace kompas::store {
namespace {

using domain::Partner;
const Table<Partner> kPartners{
    "partners",
    "name, id",
    {column<&Partner::name>("name"), column<&Partner::type>("type"),
     column<&Partner::contact_name>("contact_name"),
     column<&Partner::contact_email>("contact_email"), column<&Partner::mandate>("mandate"),
     column<&Partner::brings>("brings"), column<&Partner::interests>("interests"),
     column<&Partner::active>("active")}};

}  // namespace

nlohmann::json to_json(const domain::Partner& p) {
  return record_json(kPartners, p);
}

std::vector<domain::Partner> list_partners(soci::session& sql, long long coalition_id) {
  return select_records(sql, kPartners, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<domain::Partner> find_partner(soci::session& sql, long long coalition_id,
                                            long long partner_id) {
  auto found = select_records(sql, kPartners, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(partner_id));
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
  const auto id =
      insert_record(change.sql(), kPartners, p,
                    {{"coalition_id", change.actor().coalition_id}, {"updated_at", now_seconds()}});
  change.record("aanmaken", "partner", std::to_string(id), p.name, nullptr, to_json(p));
  return id;
}

void update_partner(Change& change, const domain::Partner& p) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_partner(change.sql(), coalition_id, p.id);
  if (!before) throw std::runtime_error("partner not found");
  update_record(change.sql(), kPartners, p, {{"updated_at", now_seconds()}}, "coalition_id = :c",
                soci::use(coalition_id));
  change.record("wijzigen", "partner", std::to_string(p.id), p.name, to_json(*before), to_json(p));
}

}  // namespace kompas::store
