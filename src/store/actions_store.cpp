#include "store/actions_store.h"

namespace kompas::store {
namespace {

struct OptionalId {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  explicit OptionalId(const std::optional<long long>& id)
      : value(id.value_or(0)), ind(id ? soci::i_ok : soci::i_null) {}
  OptionalId() = default;
  std::optional<long long> get() const {
    return ind == soci::i_ok ? std::optional<long long>(value) : std::nullopt;
  }
};

nlohmann::json id_json(const std::optional<long long>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json();
}

template <typename... Uses>
std::vector<domain::Action> select(soci::session& sql, const std::string& where, Uses&&... uses) {
  domain::Action a;
  OptionalId owner, partner, ambition;
  std::vector<domain::Action> found;
  auto st = select_rows(
      sql,
      "SELECT id, title, description, owner_person_id, partner_id, ambition_id, "
      "due_date, status FROM actions WHERE " +
          where + " ORDER BY due_date, id",
      std::forward<Uses>(uses)..., soci::into(a.id), soci::into(a.title), soci::into(a.description),
      soci::into(owner.value, owner.ind), soci::into(partner.value, partner.ind),
      soci::into(ambition.value, ambition.ind), soci::into(a.due_date), soci::into(a.status));
  while (st.fetch()) {
    a.owner_person_id = owner.get();
    a.partner_id = partner.get();
    a.ambition_id = ambition.get();
    found.push_back(a);
  }
  return found;
}

void log_status(Change& change, long long action_id, const std::string& status,
                const std::string& note) {
  const auto now = now_seconds();
  change.sql() << "INSERT INTO action_log (action_id, at, person_name, status, note) VALUES "
                  "(:a, :t, :p, :s, :n)",
      soci::use(action_id), soci::use(now), soci::use(change.actor().person_name),
      soci::use(status), soci::use(note);
}

}  // namespace

nlohmann::json to_json(const domain::Action& a) {
  return {{"title", a.title},
          {"description", a.description},
          {"owner_person_id", id_json(a.owner_person_id)},
          {"partner_id", id_json(a.partner_id)},
          {"ambition_id", id_json(a.ambition_id)},
          {"due_date", a.due_date},
          {"status", a.status}};
}

std::vector<domain::Action> list_actions(soci::session& sql, long long coalition_id) {
  return select(sql, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<domain::Action> find_action(soci::session& sql, long long coalition_id,
                                          long long action_id) {
  auto found =
      select(sql, "coalition_id = :c AND id = :id", soci::use(coalition_id), soci::use(action_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

long long create_action(Change& change, const domain::Action& action) {
  auto a = action;
  OptionalId owner(a.owner_person_id), partner(a.partner_id), ambition(a.ambition_id);
  const auto now = now_seconds();
  const auto coalition_id = change.actor().coalition_id;
  change.sql() << "INSERT INTO actions (coalition_id, title, description, owner_person_id, "
                  "partner_id, ambition_id, due_date, status, updated_at) VALUES (:c, :t, :d, "
                  ":o, :p, :a, :due, :s, :u) RETURNING id",
      soci::use(coalition_id), soci::use(a.title), soci::use(a.description),
      soci::use(owner.value, owner.ind), soci::use(partner.value, partner.ind),
      soci::use(ambition.value, ambition.ind), soci::use(a.due_date), soci::use(a.status),
      soci::use(now), soci::into(a.id);
  log_status(change, a.id, a.status, "");
  change.record("aanmaken", "actie", std::to_string(a.id), a.title, nullptr, to_json(a));
  return a.id;
}

void update_action(Change& change, const domain::Action& a, const std::string& note) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_action(change.sql(), coalition_id, a.id);
  if (!before) throw std::runtime_error("action not found");
  OptionalId owner(a.owner_person_id), partner(a.partner_id), ambition(a.ambition_id);
  const auto now = now_seconds();
  change.sql() << "UPDATE actions SET title = :t, description = :d, owner_person_id = :o, "
                  "partner_id = :p, ambition_id = :a, due_date = :due, status = :s, "
                  "updated_at = :u WHERE id = :id AND coalition_id = :c",
      soci::use(a.title), soci::use(a.description), soci::use(owner.value, owner.ind),
      soci::use(partner.value, partner.ind), soci::use(ambition.value, ambition.ind),
      soci::use(a.due_date), soci::use(a.status), soci::use(now), soci::use(a.id),
      soci::use(coalition_id);
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
