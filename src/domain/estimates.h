#pragma once
// Prevalence estimates for domains (areas, age groups, ...) from a weighted, stratified sample,
// exactly as ../shared/reference/measurement.md and R's survey package compute them:
// weighted proportion, linearised variance on the whole design, and a 95% interval.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace kompas::domain {

enum class IntervalMethod {
  beta,   // Korn–Graubard (svyciprop method "beta"), the default
  logit,  // svyciprop's default: Wald interval on the logit scale
  wilson  // Wilson score interval on the design's effective sample size
};
std::optional<IntervalMethod> parse_interval_method(std::string_view name);

// One respondent's value of an indicator: missing, 0 (no) or 1 (yes).
using IndicatorValue = std::int8_t;
inline constexpr IndicatorValue indicator_missing = -1;

inline constexpr std::uint32_t no_domain = 0xFFFFFFFF;

// The sample design. Respondents are numbered 0..n-1 in every span.
struct SurveyDesign {
  std::span<const double> weights;        // empty: every weight is 1
  std::span<const std::uint32_t> strata;  // empty: one stratum; else ids below stratum_count
  std::uint32_t stratum_count = 1;
};

struct DomainEstimate {
  std::size_t n = 0;  // respondents in the domain with a value
  double estimate = 0;
  double se = 0;
  // Not a number where the interval does not exist (no degrees of freedom; logit at 0 or 1).
  double ci_low = 0;
  double ci_high = 0;
  double n_eff = 0;  // Kish: (sum of weights)^2 / sum of squared weights
};

// Estimates for every domain at once, in one pass over the respondents: domain_of[i] is the
// domain of respondent i (below domain_count, or no_domain). A domain without respondents
// with a value gets n = 0 and no other figures.
std::vector<DomainEstimate> estimate_domains(const SurveyDesign& design,
                                             std::span<const IndicatorValue> values,
                                             std::span<const std::uint32_t> domain_of,
                                             std::uint32_t domain_count,
                                             IntervalMethod method = IntervalMethod::beta,
                                             double level = 0.95);

// The interval for a proportion p with variance v, from n respondents in h strata.
struct Interval {
  double low, high;
};
Interval proportion_interval(IntervalMethod method, double p, double variance, std::size_t n,
                             std::size_t strata, double level = 0.95);

// Exact binomial bounds for k of n (Clopper–Pearson), the Korn–Graubard limit without design.
Interval clopper_pearson(double k, double n, double level = 0.95);

}  // namespace kompas::domain
