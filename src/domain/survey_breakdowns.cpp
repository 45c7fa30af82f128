#include "domain/survey_breakdowns.h"

namespace kompas::domain {

namespace {

// A column made from the area codes: only buurt codes, or the wijk of each code.
CategoryColumn derived_area_column(const CategoryColumn& areas, bool wijk,
                                   const std::map<std::string, std::string>& wijk_of) {
  CategoryColumn column;
  std::map<std::string, std::uint32_t> ids;
  std::vector<std::uint32_t> remap(areas.values.size(), CategoryColumn::no_value);
  for (std::uint32_t i = 0; i < areas.values.size(); ++i) {
    const std::string& code = areas.values[i];
    std::string target;
    if (!wijk && code.starts_with("BU")) target = code;
    if (wijk && code.starts_with("WK")) target = code;
    if (wijk && code.starts_with("BU")) {
      if (const auto it = wijk_of.find(code); it != wijk_of.end()) target = it->second;
    }
    if (target.empty()) continue;
    const auto [it, added] = ids.emplace(target, static_cast<std::uint32_t>(column.values.size()));
    if (added) column.values.push_back(target);
    remap[i] = it->second;
  }
  column.ids.reserve(areas.ids.size());
  for (const auto id : areas.ids)
    column.ids.push_back(id == CategoryColumn::no_value ? id : remap[id]);
  return column;
}

}  // namespace

std::vector<BreakdownRow> survey_breakdowns(const SurveyData& data, const SurveyColumns& columns,
                                            const std::map<std::string, std::string>& wijk_of,
                                            const ScaleThresholds& thresholds) {
  const auto values = score_respondents(data, thresholds);
  const CategoryColumn* age = columns.age_band ? &data.groups[*columns.age_band] : nullptr;
  const CategoryColumn* sex = columns.sex ? &data.groups[*columns.sex] : nullptr;
  std::optional<CategoryColumn> wijk, buurt;
  if (columns.area) {
    wijk = derived_area_column(data.groups[*columns.area], true, wijk_of);
    buurt = derived_area_column(data.groups[*columns.area], false, wijk_of);
  }

  struct Plan {
    std::string name;
    std::vector<const CategoryColumn*> groups;
  };
  std::vector<Plan> plans = {{"totaal", {}}};
  if (wijk && !wijk->values.empty()) plans.push_back({"wijk", {&*wijk}});
  if (buurt && !buurt->values.empty()) plans.push_back({"buurt", {&*buurt}});
  if (age) plans.push_back({"leeftijd", {age}});
  if (age && wijk && !wijk->values.empty()) plans.push_back({"wijk_leeftijd", {&*wijk, age}});
  if (sex) plans.push_back({"geslacht", {sex}});

  std::vector<BreakdownRow> rows;
  const AnalysisOptions options{IntervalMethod::beta, 0, thresholds};
  for (const auto& plan : plans) {
    for (auto& row : analyse_groups(data, values, plan.groups, options)) {
      BreakdownRow out{plan.name, "", "", "", row.indicator, row.estimate};
      for (std::size_t g = 0; g < plan.groups.size(); ++g) {
        const CategoryColumn* group = plan.groups[g];
        std::string& field = group == age ? out.age_band : group == sex ? out.sex : out.area_code;
        field = row.domain[g];
      }
      rows.push_back(std::move(out));
    }
  }
  return rows;
}

}  // namespace kompas::domain
