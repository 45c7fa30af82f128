#pragma once
// The tables of a stored survey as people read them: per breakdown, one row per area, age band
// or sex, with the percentage, its interval and n, and small cells suppressed with the
// coalition's minimum (secondary suppression included); in unweighted surveys also cells that
// would reveal fewer than 10 lonely respondents. Used by the pages and the downloads,
// so no download can show what the page hides.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/surveys_store.h"

namespace kompas::web {

struct SurveyTableRow {
  std::string key;       // area code, age band or sex; "wijk|band" for wijk_leeftijd
  std::string label;     // area name, age band, sex
  std::string age_band;  // wijk_leeftijd only
  domain::DomainEstimate estimate;
  bool suppressed = false;
  // Why a suppressed cell is hidden: "klein" (fewer people than the minimum), "weinig_eenzaam"
  // (would reveal fewer than 10 lonely people) or "beschermt" (hidden so that a small
  // neighbouring cell cannot be worked out from the total).
  std::string hidden_reason;
};

struct SurveyTable {
  std::string breakdown;
  std::vector<SurveyTableRow> rows;
};

// Every breakdown the survey has, for one indicator, in reading order.
std::vector<SurveyTable> survey_tables(const std::vector<store::StoredEstimate>& estimates,
                                       const store::Survey& survey, const std::string& indicator,
                                       const std::map<std::string, std::string>& area_names,
                                       std::size_t min_n);

// The newest survey's figures (of `up_to_year` or before, when given: a year's report never
// shows a later survey) for the gemeente (area "") and each wijk, as the survey pages
// show them: for each indicator asked, the shown cells only (a hidden one is absent). "ernstig"
// asks for severe loneliness on the survey's scale (ernstig_eenzaam, or DJG-6's sterk_eenzaam).
// Used by the coverage view, the plan, the quality picture and a closed year's snapshot.
struct WijkFigures {
  std::optional<store::Survey> survey;        // none without a survey
  std::vector<std::string> areas;             // every area with a row, in table order
  std::map<std::string, std::string> labels;  // area -> its name (from `area_names`)
  std::map<std::string, std::map<std::string, domain::DomainEstimate>> shown;  // area -> indicator
};
WijkFigures newest_wijk_figures(soci::session& sql, long long coalition_id,
                                const std::vector<std::string>& indicators,
                                const std::map<std::string, std::string>& area_names = {},
                                std::optional<int> up_to_year = {});

}  // namespace kompas::web
