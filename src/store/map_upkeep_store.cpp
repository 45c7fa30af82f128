#include "store/map_upkeep_store.h"

#include "store/hsds_store.h"
#include "store/secrets.h"

namespace kompas::store {

std::map<std::string, long long> organization_partners(soci::session& sql, long long coalition_id) {
  std::string organization;
  long long partner = 0;
  int own = 0;
  // A partner's own organisation comes last, so it wins over a keeper named for it.
  auto st = select_rows(sql,
                        "SELECT organization_id, partner_id, 0 FROM hsds_organization_keepers "
                        "WHERE coalition_id = :c UNION ALL SELECT organization_id, partner_id, 1 "
                        "FROM hsds_partner_organizations WHERE coalition_id = :c2 ORDER BY 3",
                        soci::use(coalition_id), soci::use(coalition_id), soci::into(organization),
                        soci::into(partner), soci::into(own));
  std::map<std::string, long long> out;
  while (st.fetch()) out[organization] = partner;
  return out;
}

bool is_partner_organization(soci::session& sql, long long coalition_id,
                             const std::string& organization_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM hsds_partner_organizations WHERE coalition_id = :c AND "
         "organization_id = :o",
      soci::use(coalition_id), soci::use(organization_id), soci::into(count);
  return count > 0;
}

namespace {

std::string keeper_name(soci::session& sql, long long coalition_id,
                        const std::string& organization_id) {
  std::string name;
  sql << "SELECT COALESCE(MAX(p.name), '') FROM hsds_organization_keepers k JOIN partners p ON "
         "p.id = k.partner_id WHERE k.coalition_id = :c AND k.organization_id = :o",
      soci::use(coalition_id), soci::use(organization_id), soci::into(name);
  return name;
}

}  // namespace

void set_organization_keeper(Change& change, const std::string& organization_id,
                             const std::string& organization_name,
                             std::optional<long long> partner_id) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto before = keeper_name(sql, coalition_id, organization_id);
  sql << "DELETE FROM hsds_organization_keepers WHERE coalition_id = :c AND organization_id = :o",
      soci::use(coalition_id), soci::use(organization_id);
  if (partner_id)
    sql << "INSERT INTO hsds_organization_keepers (coalition_id, organization_id, partner_id) "
           "VALUES (:c, :o, :p)",
        soci::use(coalition_id), soci::use(organization_id), soci::use(*partner_id);
  const auto after = keeper_name(sql, coalition_id, organization_id);
  change.record("wijzigen", "bijhouder", organization_id, organization_name, {{"partner", before}},
                {{"partner", after}});
}

void confirm_service(Change& change, const std::string& service_id, const std::string& today,
                     const std::string& assurer_email) {
  auto service = load_record(change.sql(), change.actor().coalition_id, "service", service_id);
  if (!service) throw std::runtime_error("service not found");
  const auto name = service->text("name");
  service->set("assured_date", today);
  if (!assurer_email.empty()) service->set("assurer_email", assurer_email);
  save_hsds_records(change, {*service}, name, "controleren");
}

void save_service_edit(Change& change, const domain::ServiceChanges& changes,
                       const std::string& service_id, const std::string& service_name) {
  remove_hsds_records(change, changes.removed, service_id, service_name);
  save_hsds_records(change, changes.saved, service_name, "wijzigen");
}

namespace {

const char* const kCorrectionColumns =
    "SELECT id, service_id, message, reporter_email, created_at FROM map_corrections ";

std::vector<MapCorrection> select_corrections(soci::session& sql, const std::string& where,
                                              long long coalition_id, long long id) {
  MapCorrection c;
  auto st = select_rows(sql, kCorrectionColumns + where, soci::use(coalition_id), soci::use(id),
                        soci::into(c.id), soci::into(c.service_id), soci::into(c.message),
                        soci::into(c.reporter_email), soci::into(c.created_at));
  std::vector<MapCorrection> out;
  while (st.fetch()) out.push_back(c);
  return out;
}

}  // namespace

bool add_correction(Change& change, const std::string& service_id, const std::string& service_name,
                    const std::string& message, const std::string& reporter_email,
                    const std::string& sender, const FloodLimits& limits) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto sender_hash = token_hash(sender);
  if (!below_flood_limit(change, "map_corrections", sender_hash, limits)) return false;
  const auto now = now_seconds();
  long long id = 0;
  sql << "INSERT INTO map_corrections (coalition_id, service_id, message, reporter_email, "
         "sender_hash, created_at) VALUES (:c, :s, :m, :e, :h, :t) RETURNING id",
      soci::use(coalition_id), soci::use(service_id), soci::use(message), soci::use(reporter_email),
      soci::use(sender_hash), soci::use(now), soci::into(id);
  // The log keeps what is wrong, not who said so.
  change.record("aanmaken", "correctie", std::to_string(id), service_name, nullptr,
                {{"service", service_name}, {"message", message}});
  return true;
}

std::vector<MapCorrection> open_corrections(soci::session& sql, long long coalition_id) {
  return select_corrections(
      sql, "WHERE coalition_id = :c AND handled_at IS NULL AND id > :i ORDER BY id", coalition_id,
      0);
}

std::optional<MapCorrection> find_open_correction(soci::session& sql, long long coalition_id,
                                                  long long id) {
  auto found = select_corrections(sql, "WHERE coalition_id = :c AND handled_at IS NULL AND id = :i",
                                  coalition_id, id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

void close_correction(Change& change, const MapCorrection& correction,
                      const std::string& service_name) {
  const auto now = now_seconds();
  const auto& by = change.actor().person_name;
  change.sql() << "UPDATE map_corrections SET handled_at = :t, handled_by = :b, sender_hash = '', "
                  "reporter_email = '' "
                  "WHERE id = :i AND coalition_id = :c",
      soci::use(now), soci::use(by), soci::use(correction.id),
      soci::use(change.actor().coalition_id);
  change.record("afhandelen", "correctie", std::to_string(correction.id), service_name,
                {{"handled", false}}, {{"handled", true}});
}

}  // namespace kompas::store
