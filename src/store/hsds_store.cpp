#include "store/hsds_store.h"

#include <ctime>
#include <map>
#include <unordered_map>

#include "domain/map_records.h"
#include "domain/social_map.h"
#include "embedded.h"
#include "store/secrets.h"

namespace kompas::store {

using domain::hsds::Record;

const domain::hsds::Spec& hsds_spec() {
  static const auto spec = domain::hsds::parse_spec(embedded::file("data/hsds/tabular.json"));
  return spec;
}

long long map_version(soci::session& sql, long long coalition_id) {
  long long version = 0;
  sql << "SELECT map_version FROM coalitions WHERE id = :c", soci::use(coalition_id),
      soci::into(version);
  return version;
}

namespace {

// The version a write gives the records it writes. Raised before they are written: the raise
// holds the coalition's row until the transaction ends, so two writers never share a version
// and a reader who saw a version sees every record written with it.
long long raise_map_version(soci::session& sql, long long coalition_id) {
  sql << "UPDATE coalitions SET map_version = map_version + 1 WHERE id = :c",
      soci::use(coalition_id);
  return map_version(sql, coalition_id);
}

}  // namespace

std::string iso_now() {
  const auto now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::vector<Record> load_hsds_records(soci::session& sql, long long coalition_id) {
  const auto& spec = hsds_spec();
  std::vector<Record> records;
  std::string table, fields;
  soci::statement st = (sql.prepare << "SELECT table_name, fields FROM hsds_records "
                                       "WHERE coalition_id = :c ORDER BY position",
                        soci::use(coalition_id), soci::into(table), soci::into(fields));
  st.execute();
  while (st.fetch())
    if (const auto* t = spec.table(table))
      records.push_back(domain::hsds::record_from_json(*t, nlohmann::json::parse(fields)));
  return records;
}

domain::hsds::RecordChanges load_hsds_changes(soci::session& sql, long long coalition_id,
                                              long long since) {
  const auto& spec = hsds_spec();
  domain::hsds::RecordChanges changes;
  std::string table, id, fields;
  soci::statement written =
      (sql.prepare << "SELECT table_name, fields FROM hsds_records WHERE coalition_id = :c AND "
                      "changed_in > :v ORDER BY position",
       soci::use(coalition_id), soci::use(since), soci::into(table), soci::into(fields));
  written.execute();
  while (written.fetch())
    if (const auto* t = spec.table(table))
      changes.written.push_back(domain::hsds::record_from_json(*t, nlohmann::json::parse(fields)));
  soci::statement removed =
      (sql.prepare << "SELECT table_name, id FROM hsds_removals WHERE coalition_id = :c AND "
                      "changed_in > :v",
       soci::use(coalition_id), soci::use(since), soci::into(table), soci::into(id));
  removed.execute();
  while (removed.fetch()) changes.removed.emplace_back(table, id);
  return changes;
}

std::optional<Record> load_record(soci::session& sql, long long coalition_id,
                                  const std::string& table, const std::string& id) {
  std::string fields;
  sql << "SELECT fields FROM hsds_records WHERE coalition_id = :c AND table_name = :t AND "
         "id = :i",
      soci::use(coalition_id), soci::use(table), soci::use(id), soci::into(fields);
  if (!sql.got_data()) return std::nullopt;
  return domain::hsds::record_from_json(*hsds_spec().table(table), nlohmann::json::parse(fields));
}

HsdsSaved save_hsds_records(Change& change, const std::vector<Record>& records,
                            const std::string& source, const std::string& action) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  // What is stored now of these records: one look-up each for a few (a publication), one pass
  // over the coalition's records for a file (a big city's 220,000 look-ups would be as many
  // round trips on PostgreSQL).
  constexpr std::size_t kLookUpEach = 500;
  std::unordered_map<std::string, std::string> known;  // table \0 id -> fields
  {
    std::string table, id, fields;
    if (records.size() <= kLookUpEach) {
      soci::statement st =
          (sql.prepare << "SELECT fields FROM hsds_records WHERE coalition_id = :c AND "
                          "table_name = :t AND id = :i",
           soci::use(coalition_id), soci::use(table), soci::use(id), soci::into(fields));
      for (const auto& r : records) {
        table = r.table->name;
        id = r.id;
        if (st.execute(true)) known.emplace(table + '\0' + id, fields);
      }
    } else {
      soci::statement st =
          (sql.prepare << "SELECT table_name, id, fields FROM hsds_records "
                          "WHERE coalition_id = :c",
           soci::use(coalition_id), soci::into(table), soci::into(id), soci::into(fields));
      st.execute();
      while (st.fetch()) known.emplace(table + '\0' + id, fields);
    }
  }
  long long position = 0;
  sql << "SELECT COALESCE(MAX(position), 0) FROM hsds_records WHERE coalition_id = :c",
      soci::use(coalition_id), soci::into(position);

  const auto now = now_seconds();
  long long version = 0;  // raised at the first record that is new or different
  std::string table, id, fields;
  soci::statement insert =
      (sql.prepare << "INSERT INTO hsds_records (coalition_id, table_name, id, fields, position, "
                      "updated_at, changed_in) VALUES (:c, :t, :i, :f, :p, :u, :v)",
       soci::use(coalition_id), soci::use(table), soci::use(id), soci::use(fields),
       soci::use(position), soci::use(now), soci::use(version));
  soci::statement update =
      (sql.prepare << "UPDATE hsds_records SET fields = :f, updated_at = :u, changed_in = :v "
                      "WHERE coalition_id = :c AND table_name = :t AND id = :i",
       soci::use(fields), soci::use(now), soci::use(version), soci::use(coalition_id),
       soci::use(table), soci::use(id));

  HsdsSaved saved;
  std::map<std::string, std::size_t> per_table;  // added or changed
  for (const auto& r : records) {
    table = r.table->name;
    id = r.id;
    fields = r.to_json().dump();
    const auto found = known.find(table + '\0' + id);
    if (found != known.end() && found->second == fields) {
      ++saved.unchanged;
      continue;
    }
    if (version == 0) version = raise_map_version(sql, coalition_id);
    if (found == known.end()) {
      ++position;
      insert.execute(true);
      ++saved.added;
    } else {
      update.execute(true);
      ++saved.changed;
    }
    ++per_table[table];
  }
  if (saved.added + saved.changed > 0) {
    nlohmann::json tables = nlohmann::json::object();  // {"service": 12, "phone": 30}
    for (const auto& [name, count] : per_table) tables[name] = count;
    change.record(action, "sociale-kaart", source, source, nullptr,
                  {{"added", saved.added}, {"changed", saved.changed}, {"tables", tables}});
  }
  return saved;
}

namespace {

bool has_own_taxonomy(soci::session& sql, long long coalition_id) {
  int found = 0;
  const std::string id = domain::kOwnTaxonomyId;  // bound by reference: no temporary
  sql << "SELECT COUNT(*) FROM hsds_records WHERE coalition_id = :c AND table_name = 'taxonomy' "
         "AND id = :i",
      soci::use(coalition_id), soci::use(id), soci::into(found);
  return found > 0;
}

std::string iso_today() {
  const auto now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

// What publishing made before: the service's own-taxonomy terms and its wijken (CBS
// areas). What a partner added on the kaart itself (postcodes, other terms) stays.
std::vector<std::pair<std::string, std::string>> published_records(soci::session& sql,
                                                                   long long coalition_id,
                                                                   const std::string& service_id) {
  std::vector<std::pair<std::string, std::string>> gone;  // table, id
  std::string table, id, text;
  // Only rows whose text names the service are read; the JSON then says which field names it.
  const auto pattern = "%" + service_id + "%";
  soci::statement st =
      (sql.prepare << "SELECT table_name, id, fields FROM hsds_records WHERE coalition_id = :c "
                      "AND table_name IN ('attribute', 'service_area') AND fields LIKE :p",
       soci::use(coalition_id), soci::use(pattern), soci::into(table), soci::into(id),
       soci::into(text));
  st.execute();
  while (st.fetch()) {
    const auto fields = nlohmann::json::parse(text);
    const bool ours =
        table == "attribute"
            ? fields.value("link_id", "") == service_id &&
                  fields.value("taxonomy_term_id", "").starts_with("c0a1171e-0000-4000-8000-")
            : fields.value("service_id", "") == service_id &&
                  fields.value("extent_type", "") == domain::kAreaTypeCbs;
    if (ours) gone.emplace_back(table, id);
  }
  return gone;
}

}  // namespace

std::size_t remove_hsds_records(Change& change,
                                const std::vector<std::pair<std::string, std::string>>& records,
                                const std::string& service_id, const std::string& source) {
  if (records.empty()) return 0;
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto version = raise_map_version(sql, coalition_id);
  for (const auto& [table, id] : records) {
    sql << "DELETE FROM hsds_records WHERE coalition_id = :c AND table_name = :t AND id = :i",
        soci::use(coalition_id), soci::use(table), soci::use(id);
    sql << "INSERT INTO hsds_removals (coalition_id, changed_in, table_name, id) "
           "VALUES (:c, :v, :t, :i)",
        soci::use(coalition_id), soci::use(version), soci::use(table), soci::use(id);
  }
  change.record("verwijderen", "sociale-kaart", service_id, source, {{"removed", records.size()}},
                {{"removed", 0}});
  return records.size();
}

std::vector<std::string> add_own_taxonomy(soci::session& sql, long long coalition_id) {
  if (has_own_taxonomy(sql, coalition_id)) return {};
  const auto now = now_seconds();
  const auto version = raise_map_version(sql, coalition_id);
  long long position = 0;
  sql << "SELECT COALESCE(MAX(position), 0) FROM hsds_records WHERE coalition_id = :c",
      soci::use(coalition_id), soci::into(position);
  for (const auto& r : domain::own_taxonomy(hsds_spec())) {
    ++position;
    const auto fields = r.to_json().dump();  // bound by reference: no temporary
    sql << "INSERT INTO hsds_records (coalition_id, table_name, id, fields, position, "
           "updated_at, changed_in) VALUES (:c, :t, :i, :f, :p, :u, :v)",
        soci::use(coalition_id), soci::use(r.table->name), soci::use(r.id), soci::use(fields),
        soci::use(position), soci::use(now), soci::use(version);
  }
  return {"sociale-kaart/" + std::to_string(coalition_id)};
}

std::vector<std::string> load_own_taxonomies(soci::session& sql) {
  std::vector<long long> coalitions;
  soci::rowset<long long> rows = (sql.prepare << "SELECT id FROM coalitions ORDER BY id");
  for (const auto id : rows) coalitions.push_back(id);
  std::vector<std::string> added;
  for (const auto id : coalitions)
    for (auto& name : add_own_taxonomy(sql, id)) added.push_back(std::move(name));
  return added;
}

namespace {

// The kaart id a link table keeps for a partner or an activity.
std::optional<std::string> linked_id(soci::session& sql, const std::string& query,
                                     long long coalition_id, long long key) {
  std::string id;
  sql << query, soci::use(coalition_id), soci::use(key), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return id;
}

}  // namespace

std::optional<std::string> organization_of_partner(soci::session& sql, long long coalition_id,
                                                   long long partner_id) {
  return linked_id(sql,
                   "SELECT organization_id FROM hsds_partner_organizations WHERE "
                   "coalition_id = :c AND partner_id = :k",
                   coalition_id, partner_id);
}

std::optional<std::string> service_of_activity(soci::session& sql, long long coalition_id,
                                               long long activity_id) {
  return linked_id(sql,
                   "SELECT service_id FROM hsds_activity_services WHERE coalition_id = :c AND "
                   "activity_id = :k",
                   coalition_id, activity_id);
}

void retire_activity_service(Change& change, const domain::Activity& activity) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto service_id = service_of_activity(sql, coalition_id, activity.id);
  if (!service_id) return;
  auto service = load_record(sql, coalition_id, "service", *service_id);
  if (!service) return;
  service->set("status", "defunct");
  service->set("last_modified", iso_now());
  save_hsds_records(change, {*service}, activity.name, "wijzigen");
}

std::string partner_organization(Change& change, const domain::Partner& partner) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  if (auto known = organization_of_partner(sql, coalition_id, partner.id)) return *known;
  const auto id = random_uuid();
  sql << "INSERT INTO hsds_partner_organizations (coalition_id, partner_id, organization_id) "
         "VALUES (:c, :p, :o)",
      soci::use(coalition_id), soci::use(partner.id), soci::use(id);
  auto org = domain::hsds::make_record(*hsds_spec().table("organization"), id);
  org.set("name", partner.name);
  org.set("description", partner.brings.empty() ? partner.name : partner.brings);
  if (!partner.contact_email.empty()) org.set("email", partner.contact_email);
  save_hsds_records(change, {org}, partner.name, "publiceren");
  return id;
}

std::string publish_activity(Change& change, const domain::Activity& activity,
                             const domain::Partner& lead,
                             const std::map<std::string, std::string>& area_names,
                             const std::string& assurer_email) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  add_own_taxonomy(sql, coalition_id);
  const auto organization_id = partner_organization(change, lead);
  auto service_id = service_of_activity(sql, coalition_id, activity.id);
  const bool first = !service_id;
  if (first) {
    service_id = random_uuid();
    sql << "INSERT INTO hsds_activity_services (coalition_id, activity_id, service_id) "
           "VALUES (:c, :a, :s)",
        soci::use(coalition_id), soci::use(activity.id), soci::use(*service_id);
  }
  auto published =
      domain::publish_activity(hsds_spec(), activity, lead, area_names, organization_id,
                               *service_id, random_uuid, iso_now(), iso_today(), assurer_email);
  // What the partner wrote on the kaart itself stays: only the activity's fields are replaced.
  for (auto& r : published.records) {
    const auto before = load_record(sql, coalition_id, r.table->name, r.id);
    if (!before) continue;
    auto merged = *before;
    for (std::size_t i = 0; i < r.values.size(); ++i)
      if (!r.values[i].is_null()) merged.values[i] = r.values[i];
    r = std::move(merged);
  }
  remove_hsds_records(change, published_records(sql, coalition_id, *service_id), *service_id,
                      activity.name);
  save_hsds_records(change, published.records, activity.name, "publiceren");
  return *service_id;
}

}  // namespace kompas::store
