#include "store/api_tokens_store.h"

#include "store/secrets.h"

namespace kompas::store {

std::vector<ApiToken> list_api_tokens(soci::session& sql, long long person_id) {
  ApiToken t;
  long long used = 0, revoked = 0;
  soci::indicator used_ind = soci::i_null, revoked_ind = soci::i_null;
  std::vector<ApiToken> tokens;
  auto st = select_rows(sql,
                        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens "
                        "WHERE person_id = :p ORDER BY created_at DESC, id DESC",
                        soci::use(person_id), soci::into(t.id), soci::into(t.name),
                        soci::into(t.created_at), soci::into(used, used_ind),
                        soci::into(revoked, revoked_ind));
  while (st.fetch()) {
    t.last_used_at = used_ind == soci::i_ok ? std::optional<long long>(used) : std::nullopt;
    t.revoked_at = revoked_ind == soci::i_ok ? std::optional<long long>(revoked) : std::nullopt;
    tokens.push_back(t);
  }
  return tokens;
}

std::string create_api_token(Change& change, long long person_id, const std::string& name) {
  const auto token = random_token();
  const auto hash = token_hash(token);
  const auto now = now_seconds();
  long long id = 0;
  change.sql() << "INSERT INTO api_tokens (person_id, name, token_hash, created_at) VALUES (:p, "
                  ":n, :h, :t) RETURNING id",
      soci::use(person_id), soci::use(name), soci::use(hash), soci::use(now), soci::into(id);
  change.record("aanmaken", "api-sleutel", std::to_string(id), name, nullptr, {{"name", name}});
  return token;
}

bool revoke_api_token(Change& change, long long person_id, long long token_id) {
  for (const auto& t : list_api_tokens(change.sql(), person_id)) {
    if (t.id != token_id || t.revoked_at) continue;
    const auto now = now_seconds();
    change.sql() << "UPDATE api_tokens SET revoked_at = :t WHERE id = :id AND person_id = :p",
        soci::use(now), soci::use(token_id), soci::use(person_id);
    change.record("intrekken", "api-sleutel", std::to_string(token_id), t.name,
                  {{"revoked", false}}, {{"revoked", true}});
    return true;
  }
  return false;
}

std::optional<SessionRecord> find_api_token(soci::session& sql, const std::string& token) {
  const auto hash = token_hash(token);
  SessionRecord r;
  auto& p = r.person;
  auto& c = r.coalition;
  long long token_id = 0, last_used = 0, partner_id = 0;
  soci::indicator used_ind = soci::i_null, partner_ind = soci::i_null;
  std::string role;
  {
    auto st = select_rows(
        sql,
        "SELECT t.id, t.last_used_at, p.id, p.name, p.email, p.role, p.partner_id, c.id, c.name, "
        "c.gemeente_code, c.kartrekker, c.cycle_start, c.data_version FROM api_tokens t "
        "JOIN people p ON p.id = t.person_id JOIN coalitions c ON c.id = p.coalition_id "
        "WHERE t.token_hash = :h AND t.revoked_at IS NULL AND p.active = 1",
        soci::use(hash), soci::into(token_id), soci::into(last_used, used_ind), soci::into(p.id),
        soci::into(p.name), soci::into(p.email), soci::into(role),
        soci::into(partner_id, partner_ind), soci::into(c.id), soci::into(c.name),
        soci::into(c.gemeente_code), soci::into(c.kartrekker), soci::into(c.cycle_start),
        soci::into(r.data_version));
    if (!st.fetch()) return std::nullopt;
  }
  const auto now = now_seconds();
  if (used_ind != soci::i_ok || now - last_used >= 60) {
    try {
      sql << "UPDATE api_tokens SET last_used_at = :t WHERE id = :id", soci::use(now),
          soci::use(token_id);
    } catch (const soci::soci_error&) {
      // Bookkeeping only; a busy database must not fail the request.
    }
  }
  p.coalition_id = c.id;
  p.role = domain::parse_word<domain::Role>(role).value_or(domain::Role::lezer);
  if (partner_ind == soci::i_ok) p.partner_id = partner_id;
  return r;
}

}  // namespace kompas::store
