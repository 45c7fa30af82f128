#pragma once
// People who sign in, within one coalition (an e-mail address is one account everywhere).
#include <optional>
#include <string>
#include <vector>

#include "domain/people.h"
#include "store/change.h"

namespace kompas::store {

long long count_people(soci::session& sql, long long coalition_id);
std::vector<domain::Person> list_people(soci::session& sql, long long coalition_id);
std::optional<domain::Person> find_person(soci::session& sql, long long coalition_id,
                                          long long person_id);
// Across coalitions: used for the signed-in person, whose coalition follows from them.
std::optional<domain::Person> find_person_by_id(soci::session& sql, long long person_id);
// Across coalitions: used at login, before the coalition is known.
std::optional<domain::Person> find_person_by_email(soci::session& sql, const std::string& email);
bool email_taken(soci::session& sql, const std::string& email, long long except_id);
std::string password_hash_of(soci::session& sql, long long person_id);

long long create_person(Change& change, const domain::Person& person,
                        const std::string& password_hash);
void update_person(Change& change, const domain::Person& person);
// Ends the person's sessions too, all but the one with `keep_session_token` (the session that
// made the change; empty ends them all).
void set_password(Change& change, long long person_id, const std::string& password_hash,
                  const std::string& keep_session_token = "");

nlohmann::json to_json(const domain::Person& person);

}  // namespace kompas::store
