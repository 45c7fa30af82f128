#pragma once
// The coalition's yearly self-scans (domain/self_scan.h) and the shared list of terms. The audit
// log records a scan's year, participants and how many questions were answered; the scores are
// the coalition's own and shown to every signed-in member.
#include <optional>
#include <vector>

#include "domain/self_scan.h"
#include "store/change.h"
#include "store/score_answers.h"

namespace kompas::store {

std::vector<domain::SelfScan> list_self_scans(soci::session& sql, long long coalition_id);
std::optional<domain::SelfScan> find_self_scan(soci::session& sql, long long coalition_id,
                                               int year);
Answers self_scan_answers(soci::session& sql, long long scan_id);

// A new scan for the year with the newest instrument; none when the year has one already.
std::optional<long long> create_self_scan(Change& change, int year, int instrument_version);
// Saves the participants and answers; `complete` finishes the scan. False when it was finished
// already (nothing is written).
bool save_self_scan(Change& change, const domain::SelfScan& scan, const Answers& answers,
                    bool complete);

std::vector<domain::Term> list_terms(soci::session& sql, long long coalition_id);  // A–Z
std::optional<domain::Term> find_term(soci::session& sql, long long coalition_id, long long id);
// The term is in the list already (ignoring case), other than `except_id`.
bool term_taken(soci::session& sql, long long coalition_id, const std::string& term,
                long long except_id);
long long create_term(Change& change, const domain::Term& term);
void update_term(Change& change, const domain::Term& term);
void delete_term(Change& change, const domain::Term& term);

}  // namespace kompas::store
