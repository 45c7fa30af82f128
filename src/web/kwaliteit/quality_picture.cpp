#include "web/kwaliteit/quality_picture.h"

#include <algorithm>

#include "domain/dates.h"
#include "store/activities_store.h"
#include "store/areas_store.h"
#include "store/quality_rounds_store.h"
#include "store/surveys_store.h"
#include "web/ui/input.h"
#include "web/verkennen/survey_tables.h"

namespace kompas::web {
namespace {

// The newest survey's shown emotional and social figures, for the gemeente and per wijk.
void load_survey_figures(soci::session& sql, long long coalition_id, QualityPicture& picture) {
  const auto surveys = store::list_surveys(sql, coalition_id);
  if (surveys.empty()) return;
  const auto& survey = surveys.front();
  picture.survey = survey.name;
  const auto estimates = store::survey_estimates(sql, survey.id);
  const auto min_n = static_cast<std::size_t>(store::min_cell_size(sql, coalition_id));
  for (const bool emotional : {true, false}) {
    const auto indicator = emotional ? "emotioneel_eenzaam" : "sociaal_eenzaam";
    for (const auto& table : survey_tables(estimates, survey, indicator, {}, min_n)) {
      for (const auto& row : table.rows) {
        if (row.suppressed) continue;  // a hidden cell flags nothing
        const domain::ShareEstimate share{row.estimate.estimate, row.estimate.ci_low,
                                          row.estimate.ci_high};
        if (table.breakdown == "totaal") {
          (emotional ? picture.gemeente_emotional : picture.gemeente_social) = share.estimate;
        } else if (table.breakdown == "wijk") {
          auto found = std::find_if(picture.figures.begin(), picture.figures.end(),
                                    [&](const auto& f) { return f.code == row.key; });
          if (found == picture.figures.end())
            found = picture.figures.insert(picture.figures.end(), {row.key, {}, {}});
          (emotional ? found->emotional : found->social) = share;
        }
      }
    }
  }
}

}  // namespace

std::string QualityPicture::wijk_name(const std::string& code) const {
  for (std::size_t i = 0; i < wijk_codes.size(); ++i)
    if (wijk_codes[i] == code) return wijk_names[i];
  return code;
}

const domain::Activity* QualityPicture::activity(long long id) const {
  for (const auto& a : activities)
    if (a.id == id) return &a;
  return nullptr;
}

bool recent_check(const domain::CheckRound& round, const std::string& today) {
  return domain::days_between(local_date(round.started_at), today) <= 365;
}

std::set<long long> recently_checked(soci::session& sql, long long coalition_id,
                                     const std::string& today) {
  std::set<long long> checked, seen;
  for (const auto& round : store::list_rounds(sql, coalition_id)) {  // newest first
    if (!seen.insert(round.activity_id).second) continue;
    if (recent_check(round, today)) checked.insert(round.activity_id);
  }
  return checked;
}

std::map<long long, double> latest_check_medians(soci::session& sql, long long coalition_id) {
  const auto handed_in = store::handed_in_answers(sql, coalition_id);
  std::map<long long, double> medians;
  std::set<long long> seen;
  for (const auto& round : store::list_rounds(sql, coalition_id)) {  // newest first
    const auto answers = handed_in.find(round.id);
    if (answers == handed_in.end() || !seen.insert(round.activity_id).second) continue;
    std::size_t respondents = 0;
    std::vector<double> question_medians;
    for (const auto& [code, list] : answers->second) {
      respondents = std::max(respondents, list.size());
      if (const auto m = domain::summarise(list).median) question_medians.push_back(*m);
    }
    if (respondents < domain::kMinRespondents) continue;
    if (const auto m = domain::median(question_medians)) medians[round.activity_id] = *m;
  }
  return medians;
}

QualityPicture load_quality_picture(soci::session& sql, long long coalition_id,
                                    const std::string& today) {
  QualityPicture picture;
  picture.activities = store::list_activities(sql, coalition_id);
  for (const auto& area : store::list_areas(sql, coalition_id))
    if (area.level == domain::AreaLevel::wijk) {
      picture.wijk_codes.push_back(area.code);
      picture.wijk_names.push_back(area.name);
    }
  const auto& activities = picture.activities;
  picture.by_area = domain::elements_by_area(activities, picture.wijk_codes);
  picture.by_degree = domain::elements_by_degree(activities);
  const auto checked = recently_checked(sql, coalition_id, today);
  for (const auto& a : activities)
    if (domain::is_running(a) && !checked.contains(a.id)) picture.unchecked.push_back(a.id);
  picture.methods = domain::method_share(activities);
  load_survey_figures(sql, coalition_id, picture);
  picture.mismatches = domain::find_mismatches(activities, picture.wijk_codes, picture.figures,
                                               picture.gemeente_emotional, picture.gemeente_social);
  picture.severe_offered = domain::offers_severe(activities);
  return picture;
}

}  // namespace kompas::web
