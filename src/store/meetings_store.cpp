#include "store/meetings_store.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "store/table.h"

namespace kompas::store {
namespace {

using domain::AgendaItem;
using domain::Meeting;

const Table<Meeting> kMeetings{
    "meetings",
    "held_on DESC, id DESC",
    {column<&Meeting::held_on>("held_on"), column<&Meeting::title>("title")}};

const Table<AgendaItem> kAgendaItems{
    "agenda_items",
    "position, id",
    {column<&AgendaItem::meeting_id>("meeting_id", {.fixed = true, .logged = false}),
     column<&AgendaItem::position>("position", {.fixed = true, .logged = false}),
     column<&AgendaItem::source_key>("source_key", {.fixed = true, .logged = false}),
     column<&AgendaItem::reason>("reason", {.fixed = true}),
     column<&AgendaItem::subject>("subject", {.fixed = true}),
     column<&AgendaItem::detail>("detail", {.fixed = true}),
     column<&AgendaItem::indicator_id>("indicator_id", {.fixed = true}),
     column<&AgendaItem::action_id>("action_id", {.fixed = true}),
     column<&AgendaItem::activity_id>("activity_id", {.fixed = true}),
     column<&AgendaItem::ambition_id>("ambition_id", {.fixed = true}),
     column<&AgendaItem::goes_well>("goes_well"), column<&AgendaItem::must_improve>("must_improve"),
     column<&AgendaItem::decision>("decision"),
     column<&AgendaItem::decision_owner_id>("decision_owner_id"),
     column<&AgendaItem::decision_due>("decision_due"),
     column<&AgendaItem::decision_action_id>("decision_action_id")}};

nlohmann::json meeting_json(const Meeting& m) {
  auto json = record_json(kMeetings, m);
  std::string ids;
  for (const auto id : m.present_partner_ids) ids += (ids.empty() ? "" : " ") + std::to_string(id);
  json["present_partner_ids"] = ids;
  return json;
}

// The partners present at the meetings found, one query for all of them; for one meeting
// (`only`) just its own rows.
void attach_partners(soci::session& sql, long long coalition_id, std::vector<Meeting>& meetings,
                     std::optional<long long> only = std::nullopt) {
  std::map<long long, Meeting*> by_id;
  for (auto& m : meetings) by_id[m.id] = &m;
  long long meeting = 0, partner = 0;
  const std::string text =
      "SELECT mp.meeting_id, mp.partner_id FROM meeting_partners mp JOIN meetings m ON m.id = "
      "mp.meeting_id WHERE m.coalition_id = :c" +
      std::string(only ? " AND m.id = :m" : "") + " ORDER BY mp.meeting_id, mp.partner_id";
  const long long only_id = only.value_or(0);
  auto st = only ? select_rows(sql, text, soci::use(coalition_id), soci::use(only_id),
                               soci::into(meeting), soci::into(partner))
                 : select_rows(sql, text, soci::use(coalition_id), soci::into(meeting),
                               soci::into(partner));
  while (st.fetch()) {
    const auto found = by_id.find(meeting);
    if (found != by_id.end()) found->second->present_partner_ids.push_back(partner);
  }
}

void write_partners(Change& change, const Meeting& m) {
  change.sql() << "DELETE FROM meeting_partners WHERE meeting_id = :m", soci::use(m.id);
  for (const auto partner : m.present_partner_ids)
    change.sql() << "INSERT INTO meeting_partners (meeting_id, partner_id) VALUES (:m, :p)",
        soci::use(m.id), soci::use(partner);
}

std::string label_of(const AgendaItem& item) {
  return item.subject;
}

}  // namespace

std::vector<Meeting> list_meetings(soci::session& sql, long long coalition_id) {
  auto found = select_records(sql, kMeetings, "coalition_id = :c", soci::use(coalition_id));
  attach_partners(sql, coalition_id, found);
  return found;
}

std::optional<Meeting> find_meeting(soci::session& sql, long long coalition_id, long long id) {
  auto found = select_records(sql, kMeetings, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(id));
  if (found.empty()) return std::nullopt;
  attach_partners(sql, coalition_id, found, id);
  return found.front();
}

long long create_meeting(Change& change, const Meeting& meeting) {
  auto m = meeting;
  m.id =
      insert_record(change.sql(), kMeetings, m,
                    {{"coalition_id", change.actor().coalition_id}, {"updated_at", now_seconds()}});
  write_partners(change, m);
  change.record("aanmaken", "overleg", std::to_string(m.id), m.title, nullptr, meeting_json(m));
  return m.id;
}

void update_meeting(Change& change, const Meeting& m) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_meeting(change.sql(), coalition_id, m.id);
  if (!before) throw std::runtime_error("meeting not found");
  update_record(change.sql(), kMeetings, m, {{"updated_at", now_seconds()}}, "coalition_id = :c",
                soci::use(coalition_id));
  write_partners(change, m);
  change.record("wijzigen", "overleg", std::to_string(m.id), m.title, meeting_json(*before),
                meeting_json(m));
}

void delete_meeting(Change& change, const Meeting& m) {
  auto before = meeting_json(m);
  before["agenda_items"] = list_agenda(change.sql(), m.id).size();
  change.sql() << "DELETE FROM meetings WHERE id = :m AND coalition_id = :c", soci::use(m.id),
      soci::use(change.actor().coalition_id);
  change.record("verwijderen", "overleg", std::to_string(m.id), m.title, before, nullptr);
}

std::vector<AgendaItem> list_agenda(soci::session& sql, long long meeting_id) {
  return select_records(sql, kAgendaItems, "meeting_id = :m", soci::use(meeting_id));
}

std::optional<AgendaItem> find_agenda_item(soci::session& sql, long long coalition_id,
                                           long long item_id) {
  auto found = select_records(sql, kAgendaItems, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(item_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

void add_agenda_items(Change& change, long long meeting_id, const std::vector<AgendaItem>& items) {
  int position = 0;
  change.sql() << "SELECT COALESCE(MAX(position), 0) FROM agenda_items WHERE meeting_id = :m",
      soci::use(meeting_id), soci::into(position);
  for (auto item : items) {
    item.meeting_id = meeting_id;
    item.position = ++position;
    item.id = insert_record(change.sql(), kAgendaItems, item,
                            {{"coalition_id", change.actor().coalition_id}});
    change.record("aanmaken", "agendapunt", std::to_string(item.id), label_of(item), nullptr,
                  record_json(kAgendaItems, item));
  }
}

void save_agenda_record(Change& change, const AgendaItem& item) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_agenda_item(change.sql(), coalition_id, item.id);
  if (!before) throw std::runtime_error("agenda item not found");
  update_record(change.sql(), kAgendaItems, item, {}, "coalition_id = :c", soci::use(coalition_id));
  change.record("wijzigen", "agendapunt", std::to_string(item.id), label_of(item),
                record_json(kAgendaItems, *before), record_json(kAgendaItems, item));
}

std::set<std::string> discussed_keys(soci::session& sql, long long coalition_id,
                                     long long except_meeting_id) {
  std::set<std::string> keys;
  std::string key;
  auto st = select_rows(sql,
                        "SELECT DISTINCT source_key FROM agenda_items WHERE coalition_id = :c AND "
                        "meeting_id <> :m AND source_key <> ''",
                        soci::use(coalition_id), soci::use(except_meeting_id), soci::into(key));
  while (st.fetch()) keys.insert(key);
  return keys;
}

std::vector<Decision> decisions_about(soci::session& sql, long long coalition_id,
                                      DecisionsAbout about, long long id) {
  // The column is one of three constants, never input.
  const char* column = about == DecisionsAbout::ambition   ? "ambition_id"
                       : about == DecisionsAbout::activity ? "activity_id"
                                                           : "indicator_id";
  const auto items =
      select_records(sql, kAgendaItems,
                     std::string("coalition_id = :c AND decision <> '' AND ") + column + " = :id",
                     soci::use(coalition_id), soci::use(id));
  std::vector<Decision> decisions;
  std::map<long long, std::optional<Meeting>> meetings;  // the few meetings these are from
  for (const auto& item : items) {
    auto& meeting = meetings[item.meeting_id];
    if (!meeting) meeting = find_meeting(sql, coalition_id, item.meeting_id);
    if (meeting) decisions.push_back({*meeting, item});
  }
  // Newest meeting first, as the meetings list.
  std::stable_sort(decisions.begin(), decisions.end(), [](const Decision& a, const Decision& b) {
    return std::tie(a.meeting.held_on, a.meeting.id) > std::tie(b.meeting.held_on, b.meeting.id);
  });
  return decisions;
}

}  // namespace kompas::store
