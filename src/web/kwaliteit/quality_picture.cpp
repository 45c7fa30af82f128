#include "web/kwaliteit/quality_picture.h"

#include <algorithm>

#include "domain/dates.h"
#include "store/activities_store.h"
#include "store/areas_store.h"
#include "store/quality_rounds_store.h"
#include "web/ui/input.h"
#include "web/verkennen/survey_tables.h"

namespace kompas::web {
namespace {

// The newest survey's shown emotional and social figures, for the gemeente and per wijk.
void load_survey_figures(soci::session& sql, long long coalition_id, QualityPicture& picture) {
  const auto found =
      newest_wijk_figures(sql, coalition_id, {"emotioneel_eenzaam", "sociaal_eenzaam"});
  if (!found.survey) return;
  picture.survey = found.survey->name;
  for (const auto& [area, cells] : found.shown) {
    const auto share = [&](const char* indicator) -> std::optional<domain::ShareEstimate> {
      const auto cell = cells.find(indicator);
      if (cell == cells.end()) return std::nullopt;
      return domain::ShareEstimate{cell->second.estimate, cell->second.ci_low,
                                   cell->second.ci_high};
    };
    if (area.empty()) {
      if (const auto e = share("emotioneel_eenzaam")) picture.gemeente_emotional = e->estimate;
      if (const auto s = share("sociaal_eenzaam")) picture.gemeente_social = s->estimate;
    } else {
      picture.figures.push_back({area, share("emotioneel_eenzaam"), share("sociaal_eenzaam")});
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
