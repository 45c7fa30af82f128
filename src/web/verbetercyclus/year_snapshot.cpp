#include "web/verbetercyclus/year_snapshot.h"

#include "domain/self_scan.h"
#include "store/ambitions_store.h"
#include "store/areas_store.h"
#include "store/contributions_store.h"
#include "store/indicators_store.h"
#include "store/meetings_store.h"
#include "store/partners_store.h"
#include "store/quality_instruments_store.h"
#include "store/self_scans_store.h"
#include "web/doelen/plan_views.h"
#include "web/kwaliteit/quality_picture.h"
#include "web/ui/input.h"
#include "web/verkennen/survey_tables.h"

namespace kompas::web {
namespace {

nlohmann::json or_null(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

// The shown figures (lonely, severely lonely) for the gemeente and each wijk of the newest survey
// held in `year` or before.
nlohmann::json local_picture(soci::session& sql, long long coalition_id, int year,
                             nlohmann::json& survey) {
  nlohmann::json rows = nlohmann::json::array();
  std::map<std::string, std::string> names;
  for (const auto& area : store::list_areas(sql, coalition_id)) names[area.code] = area.name;
  const auto found = newest_wijk_figures(sql, coalition_id, {"eenzaam", "ernstig"}, names, year);
  if (!found.survey) return rows;
  survey = {{"name", found.survey->name}, {"year", found.survey->year}};
  for (const auto& area : found.areas) {
    nlohmann::json row = {{"area", found.labels.at(area)}};
    const auto shown = found.shown.find(area);
    for (const auto* indicator : {"eenzaam", "ernstig"}) {
      const auto cell = shown == found.shown.end() ? nullptr : &shown->second;
      const auto value = cell ? cell->find(indicator) : decltype(cell->find(indicator)){};
      row[indicator] =
          cell && value != cell->end() ? nlohmann::json(value->second.estimate) : nlohmann::json();
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

nlohmann::json build_year_snapshot(soci::session& sql, const domain::Coalition& coalition,
                                   int year) {
  nlohmann::json snapshot = {{"year", year}, {"coalition", coalition.name}};
  nlohmann::json survey = nullptr;
  snapshot["picture"] = local_picture(sql, coalition.id, year, survey);
  snapshot["survey"] = survey;

  const auto ambitions = store::list_ambitions(sql, coalition.id);
  nlohmann::json ambition_rows = nlohmann::json::array(), indicator_rows = nlohmann::json::array();
  auto by_ambition = plan_indicators(sql, coalition.id, coalition.gemeente_code, ambitions);
  for (const auto& a : ambitions) {
    ambition_rows.push_back({{"id", a.id}, {"title", a.title}, {"status", domain::word(a.status)}});
    for (const auto& [ind, series] : by_ambition[a.id]) {
      // As the year ended: its newest value (of the year or before, with its year, which the
      // report shows beside a value from another year) and the status that value gave.
      std::vector<domain::Measurement> up_to_year;
      for (const auto& m : series.measurements)
        if (m.year <= year) up_to_year.push_back(m);
      const auto status = domain::indicator_status(ind.polarity, series.path, up_to_year,
                                                   series.first_counting_year);
      const auto latest = up_to_year.empty() ? std::optional<domain::Measurement>()
                                             : std::optional(up_to_year.back());
      indicator_rows.push_back(
          {{"id", ind.id},
           {"ambition", a.title},
           {"name", ind.name},
           {"kind", ind.kind},
           {"question", ind.question},
           {"unit", ind.unit},
           {"latest_year", latest ? nlohmann::json(latest->year) : nlohmann::json()},
           {"latest", latest ? nlohmann::json(latest->value) : nlohmann::json()},
           {"baseline", or_null(ind.baseline_value)},
           {"status", domain::word(status.status)}});
    }
  }
  snapshot["ambitions"] = ambition_rows;
  snapshot["indicators"] = indicator_rows;

  // Contributions that ran in the year, added up per partner.
  std::map<long long, std::string> partner_names;
  for (const auto& p : store::list_partners(sql, coalition.id)) partner_names[p.id] = p.name;
  std::vector<domain::Contribution> of_year;
  for (const auto& c : store::list_contributions(sql, coalition.id))
    if (c.start_year <= year && (c.end_year == 0 || year <= c.end_year)) of_year.push_back(c);
  nlohmann::json contribution_rows = nlohmann::json::array();
  for (const auto& [partner, total] : add_up(of_year).by_partner)
    contribution_rows.push_back({{"partner", partner_names[partner]},
                                 {"hours", total.hours},
                                 {"euros", total.euros},
                                 {"in_kind", total.in_kind}});
  snapshot["contributions"] = contribution_rows;

  const auto picture = load_quality_picture(sql, coalition.id, today_date());
  int mismatches = 0;
  for (const auto& m : picture.mismatches)
    if (m.kind != domain::MismatchKind::ernstig_zonder_aanbod || picture.severe_offered)
      ++mismatches;
  snapshot["quality"] = {
      {"running", picture.methods.running},
      {"checked", picture.methods.running - static_cast<int>(picture.unchecked.size())},
      {"recognised", picture.methods.recognised()},
      {"mismatches", mismatches + (picture.severe_offered ? 0 : 1)}};

  nlohmann::json pillars = nlohmann::json::array();
  if (const auto scan = store::find_self_scan(sql, coalition.id, year); scan && scan->completed_at)
    if (const auto instrument = store::find_instrument(sql, store::InstrumentKind::self_scan,
                                                       scan->instrument_version)) {
      const auto scores =
          domain::pillar_scores(*instrument, store::self_scan_answers(sql, scan->id));
      for (std::size_t i = 0; i < scores.size(); ++i)
        pillars.push_back({{"code", scores[i].code},
                           {"nl", instrument->themes[i].title.nl},
                           {"en", instrument->themes[i].title.en},
                           {"score", or_null(scores[i].score)}});
    }
  snapshot["self_scan"] = pillars;

  const auto year_text = std::to_string(year);
  nlohmann::json decisions = nlohmann::json::array();
  auto meetings = store::list_meetings(sql, coalition.id);
  std::reverse(meetings.begin(), meetings.end());  // oldest first, as the year went
  for (const auto& m : meetings) {
    if (m.held_on.substr(0, 4) != year_text) continue;
    for (const auto& item : store::list_agenda(sql, m.id))
      if (!item.decision.empty())
        decisions.push_back({{"date", m.held_on},
                             {"meeting", m.title},
                             {"reason", domain::word(item.reason)},
                             {"subject", item.subject},
                             {"detail", item.detail},
                             {"decision", item.decision}});
  }
  snapshot["decisions"] = decisions;

  nlohmann::json stories = nlohmann::json::array();
  for (const auto& row : indicator_rows)
    for (const auto& s : store::indicator_stories(sql, row["id"].get<long long>()))
      if (local_date(s.written_at).substr(0, 4) == year_text)
        stories.push_back({{"date", local_date(s.written_at)},
                           {"indicator", row["name"]},
                           {"author", s.author},
                           {"text", s.text}});
  snapshot["stories"] = stories;
  return snapshot;
}

}  // namespace kompas::web
