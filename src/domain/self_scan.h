#pragma once
// The coalition's yearly self-scan on the five pillars of the national programme (issue 12,
// point 6): the beheerder, alone or with the core team, scores each question 1–10 or n.v.t.
// (the quality check's answer rules); each pillar gets the mean of its scores, compared with the
// year before. The questions are an instrument like the quality check's
// (data/zelfscan/pijlers-<n>.json).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/quality_instrument.h"
#include "domain/quality_scores.h"

namespace kompas::domain {

struct SelfScan {
  long long id = 0;
  int year = 0;
  int instrument_version = 0;
  std::string participants;  // who took part, as the beheerder writes it
  long long created_at = 0;
  std::optional<long long> completed_at;  // finished scans no longer change
};

struct PillarScore {
  std::string code;
  std::optional<double> score;  // the mean of the scores, one decimal; none without a score
  std::size_t scored = 0, not_applicable = 0;
};

// Every pillar (theme) in the instrument's order.
std::vector<PillarScore> pillar_scores(const Instrument& instrument,
                                       const std::map<std::string, CheckAnswer>& answers);

// What a self-scan may be for, and a year whose jaarverslag shows today's figures: this year
// or the year before (in January one looks back); never the future or further back.
bool is_this_or_last_year(int year, int this_year);

// A year may be closed for good once it is over: last year. This year's figures still change
// until 31 December, so closing it would freeze an unfinished year.
bool is_closable_year(int year, int this_year);

// A term of the coalition's shared list (begrippenlijst, block 0): the words partners agree to
// use in one sense.
struct Term {
  long long id = 0;
  std::string term, meaning;
};
FieldErrors validate(const Term& term);

}  // namespace kompas::domain
