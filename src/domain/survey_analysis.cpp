#include "domain/survey_analysis.h"

#include <algorithm>
#include <numeric>
#include <thread>
#include <unordered_map>

#include "domain/disclosure.h"

namespace kompas::domain {

namespace {

IndicatorValue value_of(std::optional<bool> indicator) {
  return indicator ? static_cast<IndicatorValue>(*indicator) : indicator_missing;
}

std::optional<DjgAnswer> djg(AnswerCode code) {
  if (code == missing_answer) return std::nullopt;
  return djg_answer(code);
}

Indicators indicators_of(const SurveyData& data, const AnswerCode* answers,
                         const ScaleThresholds& thresholds) {
  switch (data.scale) {
    case Scale::djg11: {
      Djg11Answers a;
      for (std::size_t k = 0; k < a.size(); ++k) a[k] = djg(answers[k]);
      return djg11_indicators(score_djg11(a), thresholds);
    }
    case Scale::djg6: {
      Djg6Answers a;
      for (std::size_t k = 0; k < a.size(); ++k) a[k] = djg(answers[k]);
      return djg6_indicators(score_djg6(a), thresholds);
    }
    case Scale::ucla3: {
      Ucla3Answers a;
      for (std::size_t k = 0; k < a.size(); ++k)
        if (answers[k] != missing_answer) a[k] = ucla_answer(answers[k]);
      return ucla3_indicators(score_ucla3(a), thresholds);
    }
  }
  return {};
}

// The domain of every respondent, numbered in order of first appearance, with each domain's
// value ids per group.
struct Domains {
  std::vector<std::uint32_t> of;                 // respondent -> domain or no_domain
  std::vector<std::vector<std::uint32_t>> keys;  // domain -> value id per group
};

Domains form_domains(const SurveyData& data, const std::vector<const CategoryColumn*>& groups) {
  Domains domains;
  const std::size_t n = data.respondents;
  if (groups.empty()) {
    domains.of.assign(n, 0);
    domains.keys.emplace_back();
    return domains;
  }
  domains.of.assign(n, no_domain);
  std::unordered_map<std::uint64_t, std::uint32_t> index;  // mixed-radix key -> domain
  for (std::size_t r = 0; r < n; ++r) {
    std::uint64_t key = 0;
    bool complete = true;
    for (const CategoryColumn* group : groups) {
      const std::uint32_t id = group->ids[r];
      if (id == CategoryColumn::no_value) {
        complete = false;
        break;
      }
      key = key * (group->values.size() + 1) + id;
    }
    if (!complete) continue;
    const auto [it, added] = index.emplace(key, static_cast<std::uint32_t>(domains.keys.size()));
    if (added) {
      auto& ids = domains.keys.emplace_back();
      for (const CategoryColumn* group : groups) ids.push_back(group->ids[r]);
    }
    domains.of[r] = it->second;
  }
  return domains;
}

// Domains in the order people read tables: by value, age bands in their own order.
std::vector<std::uint32_t> sorted_domains(const std::vector<const CategoryColumn*>& groups,
                                          const Domains& domains) {
  std::vector<std::vector<std::uint32_t>> rank(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto& values = groups[g]->values;
    std::vector<std::uint32_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    if (!groups[g]->ordered)
      std::sort(order.begin(), order.end(),
                [&](std::uint32_t a, std::uint32_t b) { return values[a] < values[b]; });
    rank[g].resize(values.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) rank[g][order[i]] = i;
  }
  std::vector<std::uint32_t> order(domains.keys.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    for (std::size_t g = 0; g < rank.size(); ++g) {
      const auto ra = rank[g][domains.keys[a][g]], rb = rank[g][domains.keys[b][g]];
      if (ra != rb) return ra < rb;
    }
    return false;
  });
  return order;
}

}  // namespace

std::vector<std::string> indicator_names(Scale scale) {
  switch (scale) {
    case Scale::djg11:
      return {"eenzaam", "ernstig_eenzaam", "emotioneel_eenzaam", "sociaal_eenzaam"};
    case Scale::djg6:
      return {"eenzaam", "sterk_eenzaam", "emotioneel_eenzaam", "sociaal_eenzaam"};
    case Scale::ucla3:
      return {"eenzaam"};
  }
  return {};
}

std::vector<std::vector<IndicatorValue>> score_respondents(const SurveyData& data,
                                                           const ScaleThresholds& thresholds) {
  const bool djg6 = data.scale == Scale::djg6;
  const std::size_t count = indicator_names(data.scale).size();
  std::vector<std::vector<IndicatorValue>> values(count,
                                                  std::vector<IndicatorValue>(data.respondents));
  auto score = [&](std::size_t from, std::size_t to) {
    for (std::size_t r = from; r < to; ++r) {
      const Indicators ind = indicators_of(data, data.answers.data() + r * data.items, thresholds);
      values[0][r] = value_of(ind.eenzaam);
      if (count == 1) continue;
      values[1][r] = value_of(djg6 ? ind.sterk_eenzaam : ind.ernstig_eenzaam);
      values[2][r] = value_of(ind.emotioneel_eenzaam);
      values[3][r] = value_of(ind.sociaal_eenzaam);
    }
  };
  // Respondents are independent: large surveys are scored in two halves at once.
  const std::size_t half = data.respondents / 2;
  if (data.respondents < 100'000 || std::thread::hardware_concurrency() < 2) {
    score(0, data.respondents);
  } else {
    std::thread first(score, 0, half);
    score(half, data.respondents);
    first.join();
  }
  return values;
}

std::vector<AnalysisRow> analyse_survey(const SurveyData& data, const AnalysisOptions& options) {
  std::vector<const CategoryColumn*> groups;
  for (const auto& group : data.groups) groups.push_back(&group);
  return analyse_groups(data, score_respondents(data, options.thresholds), groups, options);
}

std::vector<AnalysisRow> analyse_groups(const SurveyData& data,
                                        const std::vector<std::vector<IndicatorValue>>& values,
                                        const std::vector<const CategoryColumn*>& groups,
                                        const AnalysisOptions& options) {
  const auto names = indicator_names(data.scale);
  const Domains domains = form_domains(data, groups);
  const auto order = sorted_domains(groups, domains);
  const SurveyDesign design{data.weights, data.strata.ids,
                            static_cast<std::uint32_t>(data.strata.values.size())};
  const auto domain_count = static_cast<std::uint32_t>(domains.keys.size());

  std::vector<AnalysisRow> rows(order.size() * names.size());
  for (std::size_t k = 0; k < names.size(); ++k) {
    const auto estimates =
        estimate_domains(design, values[k], domains.of, domain_count, options.method);
    std::vector<TableCell> cells;
    for (const std::uint32_t d : order) cells.push_back({domains.keys[d], estimates[d].n});
    const auto suppressed = suppress_cells(cells, options.min_n);
    for (std::size_t i = 0; i < order.size(); ++i) {
      AnalysisRow& row = rows[i * names.size() + k];
      for (std::size_t g = 0; g < groups.size(); ++g)
        row.domain.push_back(groups[g]->values[domains.keys[order[i]][g]]);
      row.indicator = names[k];
      row.estimate = estimates[order[i]];
      row.suppressed = suppressed[i];
    }
  }
  return rows;
}

}  // namespace kompas::domain
