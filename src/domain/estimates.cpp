#include "domain/estimates.h"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace kompas::domain {

namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

// Sums over the respondents of one domain in one stratum, split by the indicator's value, so
// the variance follows without a second pass and without subtracting large numbers.
struct Cell {
  std::size_t count = 0;
  double weight_yes = 0, weight_no = 0;  // sums of w
  double square_yes = 0, square_no = 0;  // sums of w^2
};

double t_quantile(double df, double probability) {
  return boost::math::quantile(boost::math::students_t_distribution<double>(df), probability);
}

// Cells of all domains, stored densely when that is small and sparsely otherwise.
class Cells {
 public:
  Cells(std::uint32_t domains, std::uint32_t strata) : strata_(strata) {
    const std::uint64_t size = std::uint64_t{domains} * strata;
    if (size <= dense_limit) dense_.resize(size);
  }
  Cell& at(std::uint32_t domain, std::uint32_t stratum) {
    const std::uint64_t key = std::uint64_t{domain} * strata_ + stratum;
    return dense_.empty() ? sparse_[key] : dense_[key];
  }
  const Cell* find(std::uint32_t domain, std::uint32_t stratum) const {
    const std::uint64_t key = std::uint64_t{domain} * strata_ + stratum;
    if (!dense_.empty()) return &dense_[key];
    const auto it = sparse_.find(key);
    return it == sparse_.end() ? nullptr : &it->second;
  }

 private:
  static constexpr std::uint64_t dense_limit = 1 << 20;
  std::uint32_t strata_;
  std::vector<Cell> dense_;
  std::unordered_map<std::uint64_t, Cell> sparse_;
};

}  // namespace

std::optional<IntervalMethod> parse_interval_method(std::string_view name) {
  if (name == "beta") return IntervalMethod::beta;
  if (name == "logit") return IntervalMethod::logit;
  if (name == "wilson") return IntervalMethod::wilson;
  return std::nullopt;
}

Interval clopper_pearson(double k, double n, double level) {
  const double alpha = 1 - level;
  const double low = k <= 0 ? 0 : boost::math::ibeta_inv(k, n - k + 1, alpha / 2);
  const double high = k >= n ? 1 : boost::math::ibeta_inv(k + 1, n - k, 1 - alpha / 2);
  return {low, high};
}

Interval proportion_interval(IntervalMethod method, double p, double variance, std::size_t n,
                             std::size_t strata, double level) {
  const double alpha = 1 - level;
  const double df = static_cast<double>(n) - static_cast<double>(strata);
  if (n < 2 || df < 1) return {not_a_number, not_a_number};
  switch (method) {
    case IntervalMethod::beta: {
      // Without variance (p is 0 or 1) the design adds nothing: exact binomial bounds.
      if (variance <= 0) return clopper_pearson(p * n, n, level);
      const double ratio = t_quantile(n - 1.0, alpha / 2) / t_quantile(df, alpha / 2);
      const double n_star = p * (1 - p) / variance * ratio * ratio;
      return clopper_pearson(n_star * p, n_star, level);
    }
    case IntervalMethod::logit: {
      if (p <= 0 || p >= 1) return {not_a_number, not_a_number};
      const double se = std::sqrt(variance) / (p * (1 - p));
      const double t = t_quantile(df, 1 - alpha / 2);
      const double centre = std::log(p / (1 - p));
      auto expit = [](double x) { return 1 / (1 + std::exp(-x)); };
      return {expit(centre - t * se), expit(centre + t * se)};
    }
    case IntervalMethod::wilson: {
      const double n_star = variance > 0 ? p * (1 - p) / variance : static_cast<double>(n);
      const double t = t_quantile(df, 1 - alpha / 2);
      const double t2 = t * t;
      const double denominator = 1 + t2 / n_star;
      const double centre = (p + t2 / (2 * n_star)) / denominator;
      const double half =
          t / denominator * std::sqrt(p * (1 - p) / n_star + t2 / (4 * n_star * n_star));
      return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
    }
  }
  return {not_a_number, not_a_number};
}

std::vector<DomainEstimate> estimate_domains(const SurveyDesign& design,
                                             std::span<const IndicatorValue> values,
                                             std::span<const std::uint32_t> domain_of,
                                             std::uint32_t domain_count, IntervalMethod method,
                                             double level) {
  const std::uint32_t strata = design.strata.empty() ? 1 : design.stratum_count;
  // n_h counts every respondent of the stratum, also those outside the domain or without a
  // value: cutting the file down to the domain would give the right estimate but a wrong
  // variance.
  std::vector<std::size_t> stratum_size(strata, 0);
  Cells cells(domain_count, strata);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::uint32_t h = design.strata.empty() ? 0 : design.strata[i];
    ++stratum_size[h];
    const std::uint32_t d = domain_of[i];
    if (d == no_domain || values[i] == indicator_missing) continue;
    const double w = design.weights.empty() ? 1.0 : design.weights[i];
    Cell& cell = cells.at(d, h);
    ++cell.count;
    if (values[i]) {
      cell.weight_yes += w;
      cell.square_yes += w * w;
    } else {
      cell.weight_no += w;
      cell.square_no += w * w;
    }
  }

  std::vector<DomainEstimate> estimates(domain_count);
  for (std::uint32_t d = 0; d < domain_count; ++d) {
    DomainEstimate& e = estimates[d];
    double weight_yes = 0, weight = 0, squares = 0;
    std::size_t strata_present = 0;
    for (std::uint32_t h = 0; h < strata; ++h) {
      const Cell* cell = cells.find(d, h);
      if (!cell || cell->count == 0) continue;
      ++strata_present;
      e.n += cell->count;
      weight_yes += cell->weight_yes;
      weight += cell->weight_yes + cell->weight_no;
      squares += cell->square_yes + cell->square_no;
    }
    if (e.n == 0 || weight <= 0) {
      e.estimate = e.se = e.ci_low = e.ci_high = e.n_eff = not_a_number;
      continue;
    }
    const double p = weight_yes / weight;
    // z_i = w_i (y_i - p) / W inside the domain and 0 outside; per stratum the sum of squared
    // deviations from the stratum mean of z over all n_h respondents.
    double variance = 0;
    for (std::uint32_t h = 0; h < strata; ++h) {
      const Cell* cell = cells.find(d, h);
      const double n_h = static_cast<double>(stratum_size[h]);
      if (!cell || cell->count == 0 || n_h < 2) continue;  // one respondent: no variance
      const double sum_z = ((1 - p) * cell->weight_yes - p * cell->weight_no) / weight;
      const double sum_z2 =
          ((1 - p) * (1 - p) * cell->square_yes + p * p * cell->square_no) / (weight * weight);
      variance += n_h / (n_h - 1) * (sum_z2 - sum_z * sum_z / n_h);
    }
    variance = std::max(0.0, variance);  // rounding can leave -1e-20 where the truth is 0
    e.estimate = p;
    e.se = std::sqrt(variance);
    e.n_eff = weight * weight / squares;
    const Interval ci = proportion_interval(method, p, variance, e.n, strata_present, level);
    e.ci_low = ci.low;
    e.ci_high = ci.high;
  }
  return estimates;
}

}  // namespace kompas::domain
