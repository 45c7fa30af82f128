#include "store/contributions_store.h"

#include "store/table.h"

namespace kompas::store {
namespace {

using domain::Contribution;
const Table<Contribution> kContributions{
    "contributions",
    "partner_id, ambition_id, id",
    {column<&Contribution::partner_id>("partner_id"),
     column<&Contribution::ambition_id>("ambition_id"),
     column<&Contribution::activity_id>("activity_id"), column<&Contribution::what>("what"),
     column<&Contribution::hours>("hours"), column<&Contribution::euros>("euros"),
     column<&Contribution::in_kind>("in_kind"), column<&Contribution::start_year>("start_year"),
     column<&Contribution::end_year>("end_year"), column<&Contribution::agreed_on>("agreed_on"),
     column<&Contribution::status>("status")}};

}  // namespace

nlohmann::json to_json(const domain::Contribution& c) {
  return record_json(kContributions, c);
}

std::vector<domain::Contribution> list_contributions(soci::session& sql, long long coalition_id,
                                                     std::optional<long long> partner_id) {
  if (partner_id)
    return select_records(sql, kContributions, "coalition_id = :c AND partner_id = :p",
                          soci::use(coalition_id), soci::use(*partner_id));
  return select_records(sql, kContributions, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<domain::Contribution> find_contribution(soci::session& sql, long long coalition_id,
                                                      long long contribution_id) {
  auto found = select_records(sql, kContributions, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(contribution_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

long long create_contribution(Change& change, const domain::Contribution& contribution) {
  auto c = contribution;
  c.id =
      insert_record(change.sql(), kContributions, c,
                    {{"coalition_id", change.actor().coalition_id}, {"updated_at", now_seconds()}});
  change.record("aanmaken", "bijdrage", std::to_string(c.id), c.what, nullptr, to_json(c));
  return c.id;
}

void update_contribution(Change& change, const domain::Contribution& c) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_contribution(change.sql(), coalition_id, c.id);
  if (!before) throw std::runtime_error("contribution not found");
  update_record(change.sql(), kContributions, c, {{"updated_at", now_seconds()}},
                "coalition_id = :c", soci::use(coalition_id));
  change.record("wijzigen", "bijdrage", std::to_string(c.id), c.what, to_json(*before), to_json(c));
}

void delete_contribution(Change& change, const domain::Contribution& c) {
  change.sql() << "DELETE FROM contributions WHERE id = :id AND coalition_id = :c", soci::use(c.id),
      soci::use(change.actor().coalition_id);
  change.record("verwijderen", "bijdrage", std::to_string(c.id), c.what, to_json(c), nullptr);
}

}  // namespace kompas::store
