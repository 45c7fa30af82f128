#include "store/activities_store.h"

#include <map>

#include "domain/text.h"
#include "domain/year_values.h"
#include "store/table.h"

namespace kompas::store {
namespace {

std::string join_ids(const std::vector<long long>& ids) {
  std::vector<std::string> words;
  for (const auto id : ids) words.push_back(std::to_string(id));
  return domain::join_words(words);
}

// Links and reach of the activities found, two queries for all of them; for one activity
// (`only`) just its own rows, not the whole coalition's.
void attach_details(soci::session& sql, long long coalition_id,
                    std::vector<domain::Activity>& activities,
                    std::optional<long long> only = std::nullopt) {
  std::map<long long, domain::Activity*> by_id;
  for (auto& a : activities) by_id[a.id] = &a;
  const std::string which = only ? " AND a.id = :a" : "";
  const long long only_id = only.value_or(0);
  long long id = 0, ref = 0;
  std::string kind;
  const auto links_sql =
      "SELECT l.activity_id, l.kind, l.ref_id FROM activity_links l JOIN activities a ON a.id = "
      "l.activity_id WHERE a.coalition_id = :c" +
      which + " ORDER BY l.activity_id, l.kind, l.ref_id";
  auto links = only ? select_rows(sql, links_sql, soci::use(coalition_id), soci::use(only_id),
                                  soci::into(id), soci::into(kind), soci::into(ref))
                    : select_rows(sql, links_sql, soci::use(coalition_id), soci::into(id),
                                  soci::into(kind), soci::into(ref));
  while (links.fetch()) {
    const auto found = by_id.find(id);
    if (found == by_id.end()) continue;
    (kind == "partner" ? found->second->co_partner_ids : found->second->ambition_ids)
        .push_back(ref);
  }
  int year = 0;
  double people = 0;
  const auto reach_sql =
      "SELECT r.activity_id, r.year, r.people FROM activity_reach r JOIN activities a ON a.id = "
      "r.activity_id WHERE a.coalition_id = :c" +
      which;
  auto reach = only ? select_rows(sql, reach_sql, soci::use(coalition_id), soci::use(only_id),
                                  soci::into(id), soci::into(year), soci::into(people))
                    : select_rows(sql, reach_sql, soci::use(coalition_id), soci::into(id),
                                  soci::into(year), soci::into(people));
  while (reach.fetch()) {
    const auto found = by_id.find(id);
    if (found != by_id.end()) found->second->reach[year] = people;
  }
}

using domain::Activity;
const Table<Activity> kActivities{
    "activities",
    "name, id",
    {column<&Activity::name>("name"), column<&Activity::description>("description"),
     column<&Activity::lead_partner_id>("lead_partner_id"),
     column<&Activity::target_group>("target_group"), column<&Activity::areas>("areas"),
     column<&Activity::loneliness_type>("loneliness_type"), column<&Activity::degrees>("degrees"),
     column<&Activity::elements>("elements"), column<&Activity::start_date>("start_date"),
     column<&Activity::end_date>("end_date"), column<&Activity::status>("status"),
     column<&Activity::method>("method")}};

void write_details(Change& change, const domain::Activity& a) {
  change.sql() << "DELETE FROM activity_links WHERE activity_id = :a", soci::use(a.id);
  change.sql() << "DELETE FROM activity_reach WHERE activity_id = :a", soci::use(a.id);
  for (const auto* list : {&a.co_partner_ids, &a.ambition_ids}) {
    const std::string kind = list == &a.co_partner_ids ? "partner" : "ambitie";
    for (const auto ref : *list)
      change.sql() << "INSERT INTO activity_links (activity_id, kind, ref_id) VALUES (:a, :k, :r)",
          soci::use(a.id), soci::use(kind), soci::use(ref);
  }
  for (const auto& [year, people] : a.reach)
    change.sql() << "INSERT INTO activity_reach (activity_id, year, people) VALUES (:a, :y, :p)",
        soci::use(a.id), soci::use(year), soci::use(people);
}

}  // namespace

// The columns, and the links and reach kept beside them as text.
nlohmann::json to_json(const domain::Activity& a) {
  auto json = record_json(kActivities, a);
  json["co_partner_ids"] = join_ids(a.co_partner_ids);
  json["reach"] = domain::format_year_values(a.reach, '.');
  json["ambition_ids"] = join_ids(a.ambition_ids);
  return json;
}

std::vector<domain::Activity> list_activities(soci::session& sql, long long coalition_id) {
  auto found = select_records(sql, kActivities, "coalition_id = :c", soci::use(coalition_id));
  attach_details(sql, coalition_id, found);
  return found;
}

std::optional<domain::Activity> find_activity(soci::session& sql, long long coalition_id,
                                              long long activity_id) {
  auto found = select_records(sql, kActivities, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(activity_id));
  if (found.empty()) return std::nullopt;
  attach_details(sql, coalition_id, found, activity_id);
  return found.front();
}

long long create_activity(Change& change, const domain::Activity& activity) {
  auto a = activity;
  a.id =
      insert_record(change.sql(), kActivities, a,
                    {{"coalition_id", change.actor().coalition_id}, {"updated_at", now_seconds()}});
  write_details(change, a);
  change.record("aanmaken", "activiteit", std::to_string(a.id), a.name, nullptr, to_json(a));
  return a.id;
}

void update_activity(Change& change, const domain::Activity& a) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_activity(change.sql(), coalition_id, a.id);
  if (!before) throw std::runtime_error("activity not found");
  update_record(change.sql(), kActivities, a, {{"updated_at", now_seconds()}}, "coalition_id = :c",
                soci::use(coalition_id));
  write_details(change, a);
  change.record("wijzigen", "activiteit", std::to_string(a.id), a.name, to_json(*before),
                to_json(a));
}

int check_round_count(soci::session& sql, long long activity_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM check_rounds WHERE activity_id = :a", soci::use(activity_id),
      soci::into(count);
  return count;
}

bool delete_activity(Change& change, const domain::Activity& a) {
  const auto coalition_id = change.actor().coalition_id;
  // PostgreSQL: hold the row, so a round started meanwhile waits and is counted.
  if (change.engine() == Engine::postgresql)
    select_ids(change.sql(), "SELECT id FROM activities WHERE id = :a FOR UPDATE", soci::use(a.id));
  if (check_round_count(change.sql(), a.id) > 0) return false;
  auto before = to_json(a);
  // Contributions naming it stay; the log tells which ones lost the reference.
  before["contributions"] = select_ids(change.sql(),
                                       "SELECT id FROM contributions WHERE activity_id = :a AND "
                                       "coalition_id = :c ORDER BY 1",
                                       soci::use(a.id), soci::use(coalition_id));
  change.sql() << "UPDATE contributions SET activity_id = NULL WHERE activity_id = :a AND "
                  "coalition_id = :c",
      soci::use(a.id), soci::use(coalition_id);
  for (const auto* table : {"activity_links", "activity_reach"})
    change.sql() << "DELETE FROM " << table << " WHERE activity_id = :a", soci::use(a.id);
  change.sql() << "DELETE FROM activities WHERE id = :a AND coalition_id = :c", soci::use(a.id),
      soci::use(coalition_id);
  change.record("verwijderen", "activiteit", std::to_string(a.id), a.name, before, nullptr);
  return true;
}

}  // namespace kompas::store
