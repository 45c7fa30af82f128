#include "store/self_scans_store.h"

#include "store/table.h"

namespace kompas::store {
namespace {

using domain::SelfScan;
const Table<SelfScan> kSelfScans{
    "self_scans",
    "year DESC",
    {column<&SelfScan::year>("year", {.fixed = true}),
     column<&SelfScan::instrument_version>("instrument_version", {.fixed = true}),
     column<&SelfScan::participants>("participants"),
     column<&SelfScan::created_at>("created_at", {.fixed = true, .logged = false}),
     column<&SelfScan::completed_at>("completed_at")}};

using domain::Term;
const Table<Term> kTerms{
    "terms", "lower(term), id", {column<&Term::term>("term"), column<&Term::meaning>("meaning")}};

std::string label_of(const SelfScan& scan) {
  return std::to_string(scan.year);
}

}  // namespace

std::vector<SelfScan> list_self_scans(soci::session& sql, long long coalition_id) {
  return select_records(sql, kSelfScans, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<SelfScan> find_self_scan(soci::session& sql, long long coalition_id, int year) {
  auto found = select_records(sql, kSelfScans, "coalition_id = :c AND year = :y",
                              soci::use(coalition_id), soci::use(year));
  if (found.empty()) return std::nullopt;
  return found.front();
}

Answers self_scan_answers(soci::session& sql, long long scan_id) {
  return read_answers(sql, kSelfScanAnswers, scan_id);
}

std::optional<long long> create_self_scan(Change& change, int year, int instrument_version) {
  const auto coalition_id = change.actor().coalition_id;
  if (find_self_scan(change.sql(), coalition_id, year)) return std::nullopt;
  SelfScan scan;
  scan.year = year;
  scan.instrument_version = instrument_version;
  scan.created_at = now_seconds();
  scan.id = insert_record(change.sql(), kSelfScans, scan, {{"coalition_id", coalition_id}});
  change.record("aanmaken", "zelfscan", std::to_string(scan.id), label_of(scan), nullptr,
                record_json(kSelfScans, scan));
  return scan.id;
}

bool save_self_scan(Change& change, const SelfScan& scan, const Answers& answers, bool complete) {
  const auto coalition_id = change.actor().coalition_id;
  // Locks the row (PostgreSQL) inside the write transaction and says whether it is still open.
  soci::statement still_open =
      (change.sql().prepare << "UPDATE self_scans SET participants = participants WHERE id = :s "
                               "AND coalition_id = :c AND completed_at IS NULL",
       soci::use(scan.id), soci::use(coalition_id));
  still_open.execute(true);
  if (still_open.get_affected_rows() == 0) return false;
  const auto before = find_self_scan(change.sql(), coalition_id, scan.year);
  auto before_json = record_json(kSelfScans, *before);
  before_json["answers"] = self_scan_answers(change.sql(), scan.id).size();
  auto after = scan;
  if (complete) after.completed_at = now_seconds();
  update_record(change.sql(), kSelfScans, after, {}, "coalition_id = :c", soci::use(coalition_id));
  const auto given = write_answers(change.sql(), kSelfScanAnswers, scan.id, answers);
  auto after_json = record_json(kSelfScans, after);
  after_json["answers"] = given;
  change.record(complete ? "afronden" : "opslaan", "zelfscan", std::to_string(scan.id),
                label_of(scan), before_json, after_json);
  return true;
}

std::vector<Term> list_terms(soci::session& sql, long long coalition_id) {
  return select_records(sql, kTerms, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<Term> find_term(soci::session& sql, long long coalition_id, long long id) {
  auto found = select_records(sql, kTerms, "coalition_id = :c AND id = :id",
                              soci::use(coalition_id), soci::use(id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

bool term_taken(soci::session& sql, long long coalition_id, const std::string& term,
                long long except_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM terms WHERE coalition_id = :c AND lower(term) = lower(:t) AND "
         "id <> :id",
      soci::use(coalition_id), soci::use(term), soci::use(except_id), soci::into(count);
  return count > 0;
}

long long create_term(Change& change, const Term& term) {
  const auto id =
      insert_record(change.sql(), kTerms, term, {{"coalition_id", change.actor().coalition_id}});
  change.record("aanmaken", "begrip", std::to_string(id), term.term, nullptr,
                record_json(kTerms, term));
  return id;
}

void update_term(Change& change, const Term& term) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_term(change.sql(), coalition_id, term.id);
  if (!before) throw std::runtime_error("term not found");
  update_record(change.sql(), kTerms, term, {}, "coalition_id = :c", soci::use(coalition_id));
  change.record("wijzigen", "begrip", std::to_string(term.id), term.term,
                record_json(kTerms, *before), record_json(kTerms, term));
}

void delete_term(Change& change, const Term& term) {
  change.sql() << "DELETE FROM terms WHERE id = :id AND coalition_id = :c", soci::use(term.id),
      soci::use(change.actor().coalition_id);
  change.record("verwijderen", "begrip", std::to_string(term.id), term.term,
                record_json(kTerms, term), nullptr);
}

}  // namespace kompas::store
