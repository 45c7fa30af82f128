#include "store/contributions_store.h"

namespace kompas::store {
namespace {

template <typename T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

template <typename... Uses>
std::vector<domain::Contribution> select(soci::session& sql, const std::string& where,
                                         Uses&&... uses) {
  domain::Contribution c;
  long long activity = 0;
  double hours = 0, euros = 0;
  soci::indicator activity_ind = soci::i_null, hours_ind = soci::i_null, euros_ind = soci::i_null;
  std::vector<domain::Contribution> found;
  auto st = select_rows(
      sql,
      "SELECT id, partner_id, ambition_id, activity_id, what, hours, euros, in_kind, start_year, "
      "end_year, agreed_on, status FROM contributions WHERE " +
          where + " ORDER BY partner_id, ambition_id, id",
      std::forward<Uses>(uses)..., soci::into(c.id), soci::into(c.partner_id),
      soci::into(c.ambition_id), soci::into(activity, activity_ind), soci::into(c.what),
      soci::into(hours, hours_ind), soci::into(euros, euros_ind), soci::into(c.in_kind),
      soci::into(c.start_year), soci::into(c.end_year), soci::into(c.agreed_on),
      soci::into(c.status));
  while (st.fetch()) {
    c.activity_id = activity_ind == soci::i_ok ? std::optional<long long>(activity) : std::nullopt;
    c.hours = hours_ind == soci::i_ok ? std::optional<double>(hours) : std::nullopt;
    c.euros = euros_ind == soci::i_ok ? std::optional<double>(euros) : std::nullopt;
    found.push_back(c);
  }
  return found;
}

}  // namespace

nlohmann::json to_json(const domain::Contribution& c) {
  return {{"partner_id", c.partner_id},
          {"ambition_id", c.ambition_id},
          {"activity_id", optional_json(c.activity_id)},
          {"what", c.what},
          {"hours", optional_json(c.hours)},
          {"euros", optional_json(c.euros)},
          {"in_kind", c.in_kind},
          {"start_year", c.start_year},
          {"end_year", c.end_year},
          {"agreed_on", c.agreed_on},
          {"status", c.status}};
}

std::vector<domain::Contribution> list_contributions(soci::session& sql, long long coalition_id,
                                                     std::optional<long long> partner_id) {
  if (partner_id)
    return select(sql, "coalition_id = :c AND partner_id = :p", soci::use(coalition_id),
                  soci::use(*partner_id));
  return select(sql, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<domain::Contribution> find_contribution(soci::session& sql, long long coalition_id,
                                                      long long contribution_id) {
  auto found = select(sql, "coalition_id = :c AND id = :id", soci::use(coalition_id),
                      soci::use(contribution_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

long long create_contribution(Change& change, const domain::Contribution& contribution) {
  auto c = contribution;
  const long long activity = c.activity_id.value_or(0);
  const double hours = c.hours.value_or(0), euros = c.euros.value_or(0);
  soci::indicator activity_ind = c.activity_id ? soci::i_ok : soci::i_null,
                  hours_ind = c.hours ? soci::i_ok : soci::i_null,
                  euros_ind = c.euros ? soci::i_ok : soci::i_null;
  const auto now = now_seconds();
  const auto coalition_id = change.actor().coalition_id;
  change.sql() << "INSERT INTO contributions (coalition_id, partner_id, ambition_id, activity_id, "
                  "what, hours, euros, in_kind, start_year, end_year, agreed_on, status, "
                  "updated_at) VALUES (:c, :p, :a, :ac, :w, :h, :e, :k, :sy, :ey, :ag, :s, :u) "
                  "RETURNING id",
      soci::use(coalition_id), soci::use(c.partner_id), soci::use(c.ambition_id),
      soci::use(activity, activity_ind), soci::use(c.what), soci::use(hours, hours_ind),
      soci::use(euros, euros_ind), soci::use(c.in_kind), soci::use(c.start_year),
      soci::use(c.end_year), soci::use(c.agreed_on), soci::use(c.status), soci::use(now),
      soci::into(c.id);
  change.record("aanmaken", "bijdrage", std::to_string(c.id), c.what, nullptr, to_json(c));
  return c.id;
}

void update_contribution(Change& change, const domain::Contribution& c) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_contribution(change.sql(), coalition_id, c.id);
  if (!before) throw std::runtime_error("contribution not found");
  const long long activity = c.activity_id.value_or(0);
  const double hours = c.hours.value_or(0), euros = c.euros.value_or(0);
  soci::indicator activity_ind = c.activity_id ? soci::i_ok : soci::i_null,
                  hours_ind = c.hours ? soci::i_ok : soci::i_null,
                  euros_ind = c.euros ? soci::i_ok : soci::i_null;
  const auto now = now_seconds();
  change.sql() << "UPDATE contributions SET partner_id = :p, ambition_id = :a, activity_id = :ac, "
                  "what = :w, hours = :h, euros = :e, in_kind = :k, start_year = :sy, "
                  "end_year = :ey, agreed_on = :ag, status = :s, updated_at = :u "
                  "WHERE id = :id AND coalition_id = :c",
      soci::use(c.partner_id), soci::use(c.ambition_id), soci::use(activity, activity_ind),
      soci::use(c.what), soci::use(hours, hours_ind), soci::use(euros, euros_ind),
      soci::use(c.in_kind), soci::use(c.start_year), soci::use(c.end_year), soci::use(c.agreed_on),
      soci::use(c.status), soci::use(now), soci::use(c.id), soci::use(coalition_id);
  change.record("wijzigen", "bijdrage", std::to_string(c.id), c.what, to_json(*before), to_json(c));
}

void delete_contribution(Change& change, const domain::Contribution& c) {
  change.sql() << "DELETE FROM contributions WHERE id = :id AND coalition_id = :c", soci::use(c.id),
      soci::use(change.actor().coalition_id);
  change.record("verwijderen", "bijdrage", std::to_string(c.id), c.what, to_json(c), nullptr);
}

}  // namespace kompas::store
