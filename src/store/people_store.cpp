#include "store/people_store.h"

#include "store/secrets.h"
#include "store/table.h"

namespace kompas::store {
namespace {

using domain::Person;
// A person's coalition is set when the account is made, and the log keeps it out of the way.
const Table<Person> kPeople{
    "people",
    "name, id",
    {column<&Person::coalition_id>("coalition_id", {.fixed = true, .logged = false}),
     column<&Person::name>("name"), column<&Person::email>("email"), column<&Person::role>("role"),
     column<&Person::partner_id>("partner_id"), column<&Person::active>("active")}};

std::optional<domain::Person> first(std::vector<domain::Person> found) {
  if (found.empty()) return std::nullopt;
  return found.front();
}

}  // namespace

nlohmann::json to_json(const domain::Person& p) {
  return record_json(kPeople, p);
}

long long count_people(soci::session& sql, long long coalition_id) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM people WHERE coalition_id = :c", soci::use(coalition_id),
      soci::into(count);
  return count;
}

std::vector<domain::Person> list_people(soci::session& sql, long long coalition_id) {
  return select_records(sql, kPeople, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<domain::Person> find_person(soci::session& sql, long long coalition_id,
                                          long long person_id) {
  return first(select_records(sql, kPeople, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(person_id)));
}

std::optional<domain::Person> find_person_by_id(soci::session& sql, long long person_id) {
  return first(select_records(sql, kPeople, "id = :id", soci::use(person_id)));
}

std::optional<domain::Person> find_person_by_email(soci::session& sql, const std::string& email) {
  return first(select_records(sql, kPeople, "email = :e", soci::use(email)));
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

long long create_person(Change& change, const domain::Person& person,
                        const std::string& password_hash) {
  auto p = person;
  p.coalition_id = change.actor().coalition_id;
  const auto id = insert_record(change.sql(), kPeople, p,
                                {{"password_hash", password_hash}, {"updated_at", now_seconds()}});
  change.record("aanmaken", "persoon", std::to_string(id), p.name, nullptr, to_json(p));
  return id;
}

void update_person(Change& change, const domain::Person& p) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_person(change.sql(), coalition_id, p.id);
  if (!before) throw std::runtime_error("person not found");
  update_record(change.sql(), kPeople, p, {{"updated_at", now_seconds()}}, "coalition_id = :c",
                soci::use(coalition_id));
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
