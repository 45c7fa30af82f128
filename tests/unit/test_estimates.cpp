#include <gtest/gtest.h>

#include <cmath>

#include "domain/estimates.h"

using namespace kompas::domain;

namespace {

// The reference's variance written out respondent by respondent, to check the one-pass sums.
double direct_variance(const std::vector<double>& w, const std::vector<std::uint32_t>& h,
                       const std::vector<IndicatorValue>& y, const std::vector<std::uint32_t>& d,
                       std::uint32_t domain, std::uint32_t strata) {
  double wy = 0, wd = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (d[i] != domain || y[i] < 0) continue;
    wd += w[i];
    wy += w[i] * y[i];
  }
  const double p = wy / wd;
  std::vector<double> z(y.size(), 0.0);
  for (std::size_t i = 0; i < y.size(); ++i)
    if (d[i] == domain && y[i] >= 0) z[i] = w[i] * (y[i] - p) / wd;
  double v = 0;
  for (std::uint32_t s = 0; s < strata; ++s) {
    double n = 0, sum = 0;
    for (std::size_t i = 0; i < y.size(); ++i)
      if (h[i] == s) ++n, sum += z[i];
    const double mean = sum / n;
    double squares = 0;
    for (std::size_t i = 0; i < y.size(); ++i)
      if (h[i] == s) squares += (z[i] - mean) * (z[i] - mean);
    v += n / (n - 1) * squares;
  }
  return v;
}

}  // namespace

TEST(Estimates, ClopperPearsonCheckValues) {
  const auto ci = clopper_pearson(7, 50);
  EXPECT_NEAR(ci.low, 0.0581917, 5e-8);
  EXPECT_NEAR(ci.high, 0.2673960, 5e-8);
  EXPECT_EQ(clopper_pearson(0, 50).low, 0.0);
  EXPECT_NEAR(clopper_pearson(0, 50).high, 1 - std::pow(0.025, 1.0 / 50), 1e-12);
  EXPECT_EQ(clopper_pearson(50, 50).high, 1.0);
  EXPECT_NEAR(clopper_pearson(50, 50).low, std::pow(0.025, 1.0 / 50), 1e-12);
}

TEST(Estimates, SimpleRandomSampleWithoutWeights) {
  // 7 of 50 lonely, no weights, no strata: p = 0.14 and V = p(1 - p)/(n - 1).
  std::vector<IndicatorValue> y(50, 0);
  for (int i = 0; i < 7; ++i) y[i] = 1;
  const std::vector<std::uint32_t> domain(50, 0);
  const auto e = estimate_domains({}, y, domain, 1).at(0);
  EXPECT_EQ(e.n, 50u);
  EXPECT_DOUBLE_EQ(e.estimate, 0.14);
  EXPECT_NEAR(e.se, std::sqrt(0.14 * 0.86 / 49), 1e-15);
  EXPECT_DOUBLE_EQ(e.n_eff, 50);
  // Korn–Graubard without design effect: n* = p(1-p)/V = 49, and the t ratio is 1 (df = n-1).
  const auto expected = clopper_pearson(0.14 * 49, 49);
  EXPECT_NEAR(e.ci_low, expected.low, 1e-12);
  EXPECT_NEAR(e.ci_high, expected.high, 1e-12);
}

TEST(Estimates, NoneOrAllLonelyGiveExactBinomialBounds) {
  const std::vector<std::uint32_t> domain(20, 0);
  const std::vector<IndicatorValue> none(20, 0), all(20, 1);
  const auto zero = estimate_domains({}, none, domain, 1).at(0);
  EXPECT_EQ(zero.estimate, 0.0);
  EXPECT_EQ(zero.se, 0.0);
  EXPECT_EQ(zero.ci_low, 0.0);
  EXPECT_NEAR(zero.ci_high, clopper_pearson(0, 20).high, 1e-15);
  const auto one = estimate_domains({}, all, domain, 1).at(0);
  EXPECT_EQ(one.ci_high, 1.0);
  EXPECT_NEAR(one.ci_low, clopper_pearson(20, 20).low, 1e-15);
  // The logit interval does not exist at 0 or 1.
  const auto logit = estimate_domains({}, none, domain, 1, IntervalMethod::logit).at(0);
  EXPECT_TRUE(std::isnan(logit.ci_low));
}

TEST(Estimates, DomainVarianceUsesWholeStrata) {
  // Two domains, three strata, uneven weights, some values missing.
  std::vector<double> w;
  std::vector<std::uint32_t> h, d;
  std::vector<IndicatorValue> y;
  for (int i = 0; i < 90; ++i) {
    w.push_back(0.5 + (i * 37 % 11) / 4.0);
    h.push_back(i % 3);
    d.push_back(i % 5 == 0 ? no_domain : (i * 7 % 13) % 2);
    y.push_back(i % 17 == 0 ? indicator_missing : static_cast<IndicatorValue>((i * i) % 7 < 3));
  }
  const SurveyDesign design{w, h, 3};
  const auto estimates = estimate_domains(design, y, d, 2);
  for (std::uint32_t domain = 0; domain < 2; ++domain) {
    const double v = direct_variance(w, h, y, d, domain, 3);
    EXPECT_NEAR(estimates[domain].se, std::sqrt(v), 1e-14) << domain;
    // Cutting the file down to the domain first would give another (wrong) variance.
    std::vector<double> w2;
    std::vector<std::uint32_t> h2, d2;
    std::vector<IndicatorValue> y2;
    for (std::size_t i = 0; i < y.size(); ++i)
      if (d[i] == domain)
        w2.push_back(w[i]), h2.push_back(h[i]), d2.push_back(0), y2.push_back(y[i]);
    const auto cut = estimate_domains({w2, h2, 3}, y2, d2, 1).at(0);
    EXPECT_DOUBLE_EQ(cut.estimate, estimates[domain].estimate);
    EXPECT_GT(std::abs(cut.se - estimates[domain].se), 1e-6);
  }
}

TEST(Estimates, KishEffectiveSampleSize) {
  const std::vector<double> w = {1, 1, 2, 4};
  const std::vector<IndicatorValue> y = {0, 1, 0, 1};
  const std::vector<std::uint32_t> d = {0, 0, 0, 0};
  const auto e = estimate_domains({w, {}, 1}, y, d, 1).at(0);
  EXPECT_DOUBLE_EQ(e.estimate, 5.0 / 8);
  EXPECT_DOUBLE_EQ(e.n_eff, 64.0 / 22);
}

TEST(Estimates, LogitAndWilsonIntervals) {
  const double p = 0.3, v = 0.0004;
  const auto logit = proportion_interval(IntervalMethod::logit, p, v, 500, 2);
  const double se = 0.02 / (0.3 * 0.7);
  const double t = 1.9647389829672885;  // R: qt(0.975, 498)
  EXPECT_NEAR(logit.low, 1 / (1 + std::exp(-(std::log(0.3 / 0.7) - t * se))), 1e-9);
  EXPECT_NEAR(logit.high, 1 / (1 + std::exp(-(std::log(0.3 / 0.7) + t * se))), 1e-9);
  const auto wilson = proportion_interval(IntervalMethod::wilson, p, v, 500, 2);
  const double n = p * (1 - p) / v;  // 525
  const double centre = (p + t * t / (2 * n)) / (1 + t * t / n);
  const double half = t / (1 + t * t / n) * std::sqrt(p * (1 - p) / n + t * t / (4 * n * n));
  EXPECT_NEAR(wilson.low, centre - half, 1e-9);
  EXPECT_NEAR(wilson.high, centre + half, 1e-9);
  EXPECT_LT(wilson.low, p);
  EXPECT_GT(wilson.high, p);
}

TEST(Estimates, NoDegreesOfFreedomNoInterval) {
  // Two respondents in two strata: df = n - H = 0.
  const auto ci = proportion_interval(IntervalMethod::beta, 0.5, 0.1, 2, 2);
  EXPECT_TRUE(std::isnan(ci.low) && std::isnan(ci.high));
  const std::vector<IndicatorValue> y = {1};
  const std::vector<std::uint32_t> d = {no_domain};
  const auto empty = estimate_domains({}, y, d, 1).at(0);
  EXPECT_EQ(empty.n, 0u);
  EXPECT_TRUE(std::isnan(empty.estimate));
  EXPECT_EQ(parse_interval_method("wilson"), IntervalMethod::wilson);
  EXPECT_FALSE(parse_interval_method("exact").has_value());
}
