#pragma once
// Personal API tokens: a person creates and revokes them on their profile page; the read API
// accepts them as "Authorization: Bearer <token>". Only a BLAKE2b hash of a token is stored.
#include <optional>
#include <string>
#include <vector>

#include "store/change.h"
#include "store/sessions_store.h"

namespace kompas::store {

struct ApiToken {
  long long id = 0;
  std::string name;
  long long created_at = 0;
  std::optional<long long> last_used_at, revoked_at;
};

std::vector<ApiToken> list_api_tokens(soci::session& sql, long long person_id);  // newest first
// Returns the token itself, to be shown once.
std::string create_api_token(Change& change, long long person_id, const std::string& name);
// False when the token is not the person's or already revoked.
bool revoke_api_token(Change& change, long long person_id, long long token_id);

// The active person behind a token that is not revoked, with their coalition (no CSRF token:
// the API only reads).
std::optional<SessionRecord> find_api_token(soci::session& sql, const std::string& token);

}  // namespace kompas::store
