#include "store/activities_store.h"

#include <map>

#include "domain/text.h"
#include "domain/year_values.h"

namespace kompas::store {
namespace {

std::string join_ids(const std::vector<long long>& ids) {
  std::vector<std::string> words;
  for (const auto id : ids) words.push_back(std::to_string(id));
  return domain::join_words(words);
}

// Links and reach of the activities found, two queries for all of them.
void attach_details(soci::session& sql, long long coalition_id,
                    std::vector<domain::Activity>& activities) {
  std::map<long long, domain::Activity*> by_id;
  for (auto& a : activities) by_id[a.id] = &a;
  long long id = 0, ref = 0;
  std::string kind;
  auto links =
      select_rows(sql,
                  "SELECT l.activity_id, l.kind, l.ref_id FROM activity_links l JOIN "
                  "activities a ON a.id = l.activity_id WHERE a.coalition_id = :c "
                  "ORDER BY l.activity_id, l.kind, l.ref_id",
                  soci::use(coalition_id), soci::into(id), soci::into(kind), soci::into(ref));
  while (links.fetch()) {
    const auto found = by_id.find(id);
    if (found == by_id.end()) continue;
    (kind == "partner" ? found->second->co_partner_ids : found->second->ambition_ids)
        .push_back(ref);
  }
  int year = 0;
  double people = 0;
  auto reach =
      select_rows(sql,
                  "SELECT r.activity_id, r.year, r.people FROM activity_reach r JOIN "
                  "activities a ON a.id = r.activity_id WHERE a.coalition_id = :c",
                  soci::use(coalition_id), soci::into(id), soci::into(year), soci::into(people));
  while (reach.fetch()) {
    const auto found = by_id.find(id);
    if (found != by_id.end()) found->second->reach[year] = people;
  }
}

template <typename... Uses>
std::vector<domain::Activity> select(soci::session& sql, long long coalition_id,
                                     const std::string& where, Uses&&... uses) {
  domain::Activity a;
  std::string areas, degrees, elements;
  long long lead = 0;
  soci::indicator lead_ind = soci::i_null;
  std::vector<domain::Activity> found;
  auto st = select_rows(
      sql,
      "SELECT id, name, description, lead_partner_id, target_group, areas, loneliness_type, "
      "degrees, elements, start_date, end_date, status FROM activities WHERE " +
          where + " ORDER BY name, id",
      std::forward<Uses>(uses)..., soci::into(a.id), soci::into(a.name), soci::into(a.description),
      soci::into(lead, lead_ind), soci::into(a.target_group), soci::into(areas),
      soci::into(a.loneliness_type), soci::into(degrees), soci::into(elements),
      soci::into(a.start_date), soci::into(a.end_date), soci::into(a.status));
  while (st.fetch()) {
    a.lead_partner_id = lead_ind == soci::i_ok ? std::optional<long long>(lead) : std::nullopt;
    a.areas = domain::split_words(areas);
    a.degrees = domain::split_words(degrees);
    a.elements = domain::split_words(elements);
    found.push_back(a);
  }
  attach_details(sql, coalition_id, found);
  return found;
}

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

nlohmann::json to_json(const domain::Activity& a) {
  return {{"name", a.name},
          {"description", a.description},
          {"lead_partner_id", a.lead_partner_id ? nlohmann::json(*a.lead_partner_id) : nullptr},
          {"co_partner_ids", join_ids(a.co_partner_ids)},
          {"target_group", a.target_group},
          {"areas", domain::join_words(a.areas)},
          {"loneliness_type", a.loneliness_type},
          {"degrees", domain::join_words(a.degrees)},
          {"elements", domain::join_words(a.elements)},
          {"reach", domain::format_year_values(a.reach, '.')},
          {"start_date", a.start_date},
          {"end_date", a.end_date},
          {"status", a.status},
          {"ambition_ids", join_ids(a.ambition_ids)}};
}

std::vector<domain::Activity> list_activities(soci::session& sql, long long coalition_id) {
  return select(sql, coalition_id, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<domain::Activity> find_activity(soci::session& sql, long long coalition_id,
                                              long long activity_id) {
  auto found = select(sql, coalition_id, "coalition_id = :c AND id = :id", soci::use(coalition_id),
                      soci::use(activity_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

long long create_activity(Change& change, const domain::Activity& activity) {
  auto a = activity;
  const long long lead = a.lead_partner_id.value_or(0);
  soci::indicator lead_ind = a.lead_partner_id ? soci::i_ok : soci::i_null;
  const auto areas = domain::join_words(a.areas), degrees = domain::join_words(a.degrees),
             elements = domain::join_words(a.elements);
  const auto now = now_seconds();
  const auto coalition_id = change.actor().coalition_id;
  change.sql() << "INSERT INTO activities (coalition_id, name, description, lead_partner_id, "
                  "target_group, areas, loneliness_type, degrees, elements, start_date, end_date, "
                  "status, updated_at) VALUES (:c, :n, :d, :l, :t, :a, :lt, :dg, :e, :sd, :ed, "
                  ":s, :u) RETURNING id",
      soci::use(coalition_id), soci::use(a.name), soci::use(a.description),
      soci::use(lead, lead_ind), soci::use(a.target_group), soci::use(areas),
      soci::use(a.loneliness_type), soci::use(degrees), soci::use(elements),
      soci::use(a.start_date), soci::use(a.end_date), soci::use(a.status), soci::use(now),
      soci::into(a.id);
  write_details(change, a);
  change.record("aanmaken", "activiteit", std::to_string(a.id), a.name, nullptr, to_json(a));
  return a.id;
}

void update_activity(Change& change, const domain::Activity& a) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_activity(change.sql(), coalition_id, a.id);
  if (!before) throw std::runtime_error("activity not found");
  const long long lead = a.lead_partner_id.value_or(0);
  soci::indicator lead_ind = a.lead_partner_id ? soci::i_ok : soci::i_null;
  const auto areas = domain::join_words(a.areas), degrees = domain::join_words(a.degrees),
             elements = domain::join_words(a.elements);
  const auto now = now_seconds();
  change.sql() << "UPDATE activities SET name = :n, description = :d, lead_partner_id = :l, "
                  "target_group = :t, areas = :a, loneliness_type = :lt, degrees = :dg, "
                  "elements = :e, start_date = :sd, end_date = :ed, status = :s, updated_at = :u "
                  "WHERE id = :id AND coalition_id = :c",
      soci::use(a.name), soci::use(a.description), soci::use(lead, lead_ind),
      soci::use(a.target_group), soci::use(areas), soci::use(a.loneliness_type), soci::use(degrees),
      soci::use(elements), soci::use(a.start_date), soci::use(a.end_date), soci::use(a.status),
      soci::use(now), soci::use(a.id), soci::use(coalition_id);
  write_details(change, a);
  change.record("wijzigen", "activiteit", std::to_string(a.id), a.name, to_json(*before),
                to_json(a));
}

void delete_activity(Change& change, const domain::Activity& a) {
  const auto coalition_id = change.actor().coalition_id;
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
}

}  // namespace kompas::store
