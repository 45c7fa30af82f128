#include "web/verkennen/survey_tables.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "domain/disclosure.h"
#include "domain/survey_breakdowns.h"
#include "domain/text.h"

namespace kompas::web {

namespace {

// Age bands in the survey's own order ("18-64,65-74,75+"), others after them.
std::size_t band_rank(const store::Survey& survey, const std::string& band) {
  const auto bands = domain::split(survey.age_bands, ',');
  return static_cast<std::size_t>(std::find(bands.begin(), bands.end(), band) - bands.begin());
}

}  // namespace

std::vector<SurveyTable> survey_tables(const std::vector<store::StoredEstimate>& estimates,
                                       const store::Survey& survey, const std::string& indicator,
                                       const std::map<std::string, std::string>& area_names,
                                       std::size_t min_n) {
  std::vector<SurveyTable> tables;
  for (const auto& breakdown : domain::breakdown_names()) {
    SurveyTable table{breakdown, {}};
    for (const auto& e : estimates) {
      if (e.breakdown != breakdown || e.indicator != indicator) continue;
      SurveyTableRow row;
      row.estimate = e.estimate;
      row.age_band = e.age_band;
      if (!e.area_code.empty()) {
        const auto name = area_names.find(e.area_code);
        row.label = name == area_names.end() ? e.area_code : name->second;
        row.key = e.area_code;
      } else if (!e.age_band.empty()) {
        row.key = row.label = e.age_band;
      } else {
        row.key = row.label = e.sex;
      }
      if (breakdown == "wijk_leeftijd") row.key += "|" + e.age_band;
      table.rows.push_back(std::move(row));
    }
    if (table.rows.empty()) continue;
    std::stable_sort(table.rows.begin(), table.rows.end(), [&](const auto& a, const auto& b) {
      if (a.label != b.label && breakdown != "leeftijd") return a.label < b.label;
      return band_rank(survey, a.age_band.empty() ? a.label : a.age_band) <
             band_rank(survey, b.age_band.empty() ? b.label : b.age_band);
    });
    // Dimensions for the sibling groups of secondary suppression.
    std::map<std::string, std::uint32_t> first_ids, second_ids;
    std::vector<domain::TableCell> cells;
    for (const auto& row : table.rows) {
      domain::TableCell cell;
      const std::string first = breakdown == "wijk_leeftijd" ? row.label : row.key;
      cell.key.push_back(first_ids.emplace(first, first_ids.size()).first->second);
      if (breakdown == "wijk_leeftijd")
        cell.key.push_back(second_ids.emplace(row.age_band, second_ids.size()).first->second);
      cell.n = row.estimate.n;
      // Without weights, percentage times n is the number of lonely respondents; a number below
      // 10 is never shown (../shared/reference/measurement.md, disclosure control).
      const double p = row.estimate.estimate;
      cell.hide = !survey.weighted && !std::isnan(p) &&
                  std::lround(p * static_cast<double>(row.estimate.n)) < 10;
      cells.push_back(std::move(cell));
    }
    const auto hidden = domain::suppress_cells(cells, min_n);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      auto& row = table.rows[i];
      row.suppressed = hidden[i];
      if (hidden[i])
        row.hidden_reason = row.estimate.n < min_n ? "klein"
                            : cells[i].hide        ? "weinig_eenzaam"
                                                   : "beschermt";
    }
    tables.push_back(std::move(table));
  }
  return tables;
}

WijkFigures newest_wijk_figures(soci::session& sql, long long coalition_id,
                                const std::vector<std::string>& indicators,
                                const std::map<std::string, std::string>& area_names,
                                std::optional<int> up_to_year) {
  WijkFigures figures;
  for (const auto& survey : store::list_surveys(sql, coalition_id))  // newest first
    if (!up_to_year || survey.year <= *up_to_year) {
      figures.survey = survey;
      break;
    }
  if (!figures.survey) return figures;
  const auto estimates = store::survey_estimates(sql, figures.survey->id);
  const auto min_n = static_cast<std::size_t>(store::min_cell_size(sql, coalition_id));
  for (const auto& indicator : indicators) {
    const auto stored = indicator != "ernstig"                              ? indicator
                        : figures.survey->instrument == domain::Scale::djg6 ? "sterk_eenzaam"
                                                                            : "ernstig_eenzaam";
    for (const auto& table : survey_tables(estimates, *figures.survey, stored, area_names, min_n)) {
      if (table.breakdown != "totaal" && table.breakdown != "wijk") continue;
      for (const auto& row : table.rows) {
        const auto area = table.breakdown == "totaal" ? std::string() : row.key;
        if (figures.labels.emplace(area, table.breakdown == "totaal" ? "" : row.label).second)
          figures.areas.push_back(area);
        if (!row.suppressed) figures.shown[area][indicator] = row.estimate;
      }
    }
  }
  return figures;
}

}  // namespace kompas::web
