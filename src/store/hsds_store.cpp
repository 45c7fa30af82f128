#include "store/hsds_store.h"

#include <map>
#include <unordered_map>

#include "embedded.h"

namespace kompas::store {

using domain::hsds::Record;

const domain::hsds::Spec& hsds_spec() {
  static const auto spec = domain::hsds::parse_spec(embedded::file("data/hsds/tabular.json"));
  return spec;
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

HsdsSaved save_hsds_records(Change& change, const std::vector<Record>& records,
                            const std::string& source) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  std::unordered_map<std::string, std::string> known;  // table \0 id -> fields
  {
    std::string table, id, fields;
    soci::statement st =
        (sql.prepare << "SELECT table_name, id, fields FROM hsds_records "
                        "WHERE coalition_id = :c",
         soci::use(coalition_id), soci::into(table), soci::into(id), soci::into(fields));
    st.execute();
    while (st.fetch()) known.emplace(table + '\0' + id, fields);
  }
  long long position = 0;
  sql << "SELECT COALESCE(MAX(position), 0) FROM hsds_records WHERE coalition_id = :c",
      soci::use(coalition_id), soci::into(position);

  const auto now = now_seconds();
  std::string table, id, fields;
  soci::statement insert =
      (sql.prepare << "INSERT INTO hsds_records (coalition_id, table_name, id, fields, position, "
                      "updated_at) VALUES (:c, :t, :i, :f, :p, :u)",
       soci::use(coalition_id), soci::use(table), soci::use(id), soci::use(fields),
       soci::use(position), soci::use(now));
  soci::statement update =
      (sql.prepare << "UPDATE hsds_records SET fields = :f, updated_at = :u "
                      "WHERE coalition_id = :c AND table_name = :t AND id = :i",
       soci::use(fields), soci::use(now), soci::use(coalition_id), soci::use(table), soci::use(id));

  HsdsSaved saved;
  std::map<std::string, std::size_t> per_table;  // added or changed
  for (const auto& r : records) {
    table = r.table->name;
    id = r.id;
    fields = r.to_json().dump();
    const auto found = known.find(table + '\0' + id);
    if (found == known.end()) {
      ++position;
      insert.execute(true);
      ++saved.added;
      ++per_table[table];
    } else if (found->second != fields) {
      update.execute(true);
      ++saved.changed;
      ++per_table[table];
    } else {
      ++saved.unchanged;
    }
  }
  if (saved.added + saved.changed > 0) {
    std::string tables;  // "service 12, phone 30": the tables the file changed
    for (const auto& [name, count] : per_table)
      tables += (tables.empty() ? "" : ", ") + name + " " + std::to_string(count);
    change.record("importeren", "sociale-kaart", source, source, nullptr,
                  {{"added", saved.added}, {"changed", saved.changed}, {"tables", tables}});
  }
  return saved;
}

}  // namespace kompas::store
