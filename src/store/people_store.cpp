#include "store/people_store.h"

#include "store/secrets.h"

namespace kompas::store {
namespace {

// People matching `where`, with the values for its placeholders given as soci::use(...).
template <typename... Uses>
std::vector<domain::Person> select(soci::session& sql, const std::string& where, Uses&&... uses) {
  domain::Person p;
  std::string role;
  long long partner_id = 0;
  soci::indicator partner_ind = soci::i_null;
  int active = 1;
  std::vector<domain::Person> found;
  auto st =
      select_rows(sql,
                  "SELECT id, coalition_id, name, email, role, partner_id, active FROM people "
                  "WHERE " +
                      where + " ORDER BY name",
                  std::forward<Uses>(uses)..., soci::into(p.id), soci::into(p.coalition_id),
                  soci::into(p.name), soci::into(p.email), soci::into(role),
                  soci::into(partner_id, partner_ind), soci::into(active));
  while (st.fetch()) {
    p.role = domain::parse_role(role).value_or(domain::Role::lezer);
    p.partner_id = partner_ind == soci::i_ok ? std::optional(partner_id) : std::nullopt;
    p.active = active != 0;
    found.push_back(p);
  }
  return found;
}

std::optional<domain::Person> first(std::vector<domain::Person> found) {
  if (found.empty()) return std::nullopt;
  return found.front();
}

}  // namespace

nlohmann::json to_json(const domain::Person& p) {
  return {{"name", p.name},
          {"email", p.email},
          {"role", domain::role_name(p.role)},
          {"partner_id", p.partner_id ? nlohmann::json(*p.partner_id) : nlohmann::json()},
          {"active", p.active}};
}

long long count_people(soci::session& sql, long long coalition_id) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM people WHERE coalition_id = :c", soci::use(coalition_id),
      soci::into(count);
  return count;
}

std::vector<domain::Person> list_people(soci::session& sql, long long coalition_id) {
  return select(sql, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<domain::Person> find_person(soci::session& sql, long long coalition_id,
                                          long long person_id) {
  return first(
      select(sql, "coalition_id = :c AND id = :id", soci::use(coalition_id), soci::use(person_id)));
}

std::optional<domain::Person> find_person_by_id(soci::session& sql, long long person_id) {
  return first(select(sql, "id = :id", soci::use(person_id)));
}

std::optional<domain::Person> find_person_by_email(soci::session& sql, const std::string& email) {
  return first(select(sql, "email = :e", soci::use(email)));
}

bool email_taken(soci::session& sql, const std::string& email, long long except_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM people WHERE email = :e AND id <> :id", soci::use(email),
      soci::use(except_id), soci::into(count);
  return count > 0;
}

std::string password_hash_of(soci::session& sql, long long person_id) {
  std::string hash;
  sql << "SELECT password_hash FROM people WHERE id = :id", soci::use(person_id), soci::into(hash);
  return hash;
}

long long create_person(Change& change, const domain::Person& p, const std::string& password_hash) {
  long long id = 0;
  const auto coalition_id = change.actor().coalition_id;
  const auto role = domain::role_name(p.role);
  long long partner_id = p.partner_id.value_or(0);
  soci::indicator partner_ind = p.partner_id ? soci::i_ok : soci::i_null;
  const int active = p.active ? 1 : 0;
  const auto now = now_seconds();
  change.sql() << "INSERT INTO people (coalition_id, name, email, role, partner_id, "
                  "password_hash, active, updated_at) VALUES (:c, :n, :e, :r, :p, :h, :a, :u) "
                  "RETURNING id",
      soci::use(coalition_id), soci::use(p.name), soci::use(p.email), soci::use(role),
      soci::use(partner_id, partner_ind), soci::use(password_hash), soci::use(active),
      soci::use(now), soci::into(id);
  change.record("aanmaken", "persoon", std::to_string(id), p.name, nullptr, to_json(p));
  return id;
}

void update_person(Change& change, const domain::Person& p) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_person(change.sql(), coalition_id, p.id);
  if (!before) throw std::runtime_error("person not found");
  const auto role = domain::role_name(p.role);
  long long partner_id = p.partner_id.value_or(0);
  soci::indicator partner_ind = p.partner_id ? soci::i_ok : soci::i_null;
  const int active = p.active ? 1 : 0;
  const auto now = now_seconds();
  change.sql() << "UPDATE people SET name = :n, email = :e, role = :r, partner_id = :p, "
                  "active = :a, updated_at = :u WHERE id = :id AND coalition_id = :c",
      soci::use(p.name), soci::use(p.email), soci::use(role), soci::use(partner_id, partner_ind),
      soci::use(active), soci::use(now), soci::use(p.id), soci::use(coalition_id);
  // A person who is switched off or loses rights must not keep an open session.
  if (!p.active || p.role != before->role || p.partner_id != before->partner_id)
    change.sql() << "DELETE FROM sessions WHERE person_id = :id", soci::use(p.id);
  change.record("wijzigen", "persoon", std::to_string(p.id), p.name, to_json(*before), to_json(p));
}

void set_password(Change& change, long long person_id, const std::string& password_hash,
                  const std::string& keep_session_token) {
  change.sql() << "UPDATE people SET password_hash = :h WHERE id = :id AND coalition_id = :c",
      soci::use(password_hash), soci::use(person_id), soci::use(change.actor().coalition_id);
  // A new password ends every other session: whoever knew the old one is out.
  const auto keep = keep_session_token.empty() ? std::string() : token_hash(keep_session_token);
  change.sql() << "DELETE FROM sessions WHERE person_id = :id AND token_hash <> :keep",
      soci::use(person_id), soci::use(keep);
  // The hash itself never enters the audit log; only that it changed.
  change.record("wachtwoord", "persoon", std::to_string(person_id), "", nullptr,
                nlohmann::json{{"password", "******"}});
}

}  // namespace kompas::store
