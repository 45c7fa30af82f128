#include "store/actions_store.h"

#include "store/table.h"

namespace kompas::store {
namespace {

const Table<domain::Action> kActions{
    "actions",
    "due_date, id",
    {column<&domain::Action::title>("title"), column<&domain::Action::description>("description"),
     column<&domain::Action::owner_person_id>("owner_person_id"),
     column<&domain::Action::partner_id>("partner_id"),
     column<&domain::Action::ambition_id>("ambition_id"),
     column<&domain::Action::due_date>("due_date"), column<&domain::Action::status>("status"),
     // Set when an action is made from a check, then kept.
     column<&domain::Action::activity_id>("activity_id", {.fixed = true}),
     column<&domain::Action::round_id>("round_id", {.fixed = true}),
     column<&domain::Action::question_code>("question_code", {.fixed = true})}};

void log_status(Change& change, long long action_id, domain::ActionStatus action_status,
                const std::string& note) {
  const auto status = domain::word(action_status);
  const auto now = now_seconds();
  change.sql() << "INSERT INTO action_log (action_id, at, person_name, status, note) VALUES "
                  "(:a, :t, :p, :s, :n)",
      soci::use(action_id), soci::use(now), soci::use(change.actor().person_name),
      soci::use(status), soci::use(note);
}

}  // namespace

nlohmann::json to_json(const domain::Action& a) {
  return record_json(kActions, a);
}

std::vector<domain::Action> list_actions(soci::session& sql, long long coalition_id) {
  return select_records(sql, kActions, "coalition_id = :c", soci::use(coalition_id));
}

std::vector<domain::Action> round_actions(soci::session& sql, long long coalition_id,
                                          long long round_id, long long other_round_id) {
  return select_records(sql, kActions, "coalition_id = :c AND (round_id = :r OR round_id = :o)",
                        soci::use(coalition_id), soci::use(round_id), soci::use(other_round_id));
}

std::optional<domain::Action> find_action(soci::session& sql, long long coalition_id,
                                          long long action_id) {
  auto found = select_records(sql, kActions, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(action_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

long long create_action(Change& change, const domain::Action& action) {
  auto a = action;
  a.id =
      insert_record(change.sql(), kActions, a,
                    {{"coalition_id", change.actor().coalition_id}, {"updated_at", now_seconds()}});
  log_status(change, a.id, a.status, "");
  change.record("aanmaken", "actie", std::to_string(a.id), a.title, nullptr, to_json(a));
  return a.id;
}

void update_action(Change& change, const domain::Action& a, const std::string& note) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_action(change.sql(), coalition_id, a.id);
  if (!before) throw std::runtime_error("action not found");
  update_record(change.sql(), kActions, a, {{"updated_at", now_seconds()}}, "coalition_id = :c",
                soci::use(coalition_id));
  if (before->status != a.status || !note.empty()) log_status(change, a.id, a.status, note);
  auto after = to_json(a);
  if (!note.empty()) after["note"] = note;
  change.record("wijzigen", "actie", std::to_string(a.id), a.title, to_json(*before), after);
}

std::vector<ActionLogEntry> action_log(soci::session& sql, long long action_id) {
  ActionLogEntry e;
  std::vector<ActionLogEntry> log;
  auto st = select_rows(sql,
                        "SELECT at, person_name, status, note FROM action_log WHERE action_id = "
                        ":a ORDER BY at DESC, id DESC",
                        soci::use(action_id), soci::into(e.at), soci::into(e.person_name),
                        soci::into(e.status), soci::into(e.note));
  while (st.fetch()) log.push_back(e);
  return log;
}

void delete_action(Change& change, const domain::Action& a) {
  auto before = to_json(a);
  before["log"] = nlohmann::json::array();
  for (const auto& entry : action_log(change.sql(), a.id))
    before["log"].push_back({{"at", entry.at},
                             {"person", entry.person_name},
                             {"status", entry.status},
                             {"note", entry.note}});
  change.sql() << "DELETE FROM action_log WHERE action_id = :a", soci::use(a.id);
  change.sql() << "DELETE FROM actions WHERE id = :a AND coalition_id = :c", soci::use(a.id),
      soci::use(change.actor().coalition_id);
  change.record("verwijderen", "actie", std::to_string(a.id), a.title, before, nullptr);
}

}  // namespace kompas::store
