// The estimator against R's survey package: tests/fixtures/survey/oracle.csv was made by
// make-fixtures.R (svydesign + subset + svyciprop "beta" and "logit") on the survey files
// next to it. Every figure must agree to 1e-9.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "domain/csv.h"
#include "domain/survey_analysis.h"

using namespace kompas::domain;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(KOMPAS_FIXTURES) + "/survey/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) parts.push_back(part);
  return parts;
}

// Estimates keyed by "domain values joined with |" and indicator.
std::map<std::string, AnalysisRow> analyse(const std::string& file, Scale scale,
                                           const std::string& weight, const std::string& strata,
                                           const std::string& by, IntervalMethod method) {
  SurveyFileOptions options;
  options.scale = scale;
  options.weight_column = weight;
  options.strata_column = strata;
  if (!by.empty()) options.group_columns = split(by);
  std::vector<Problem> problems;
  options.age_column = "leeftijd";
  options.age_bands = *parse_age_bands("18-64,65-74,75+", problems);
  const auto read = read_survey(fixture(file), options);
  EXPECT_TRUE(read.ok()) << file;
  std::map<std::string, AnalysisRow> rows;
  for (auto& row : analyse_survey(read.data, {method, 0, {}})) {
    std::string key;
    for (const auto& value : row.domain) key += (key.empty() ? "" : "|") + value;
    rows[key + "/" + row.indicator] = row;
  }
  return rows;
}

double parse(const std::string& text) {
  return text == "NA" ? NAN : std::stod(text);
}

void expect_near(double expected, double actual, const std::string& what) {
  if (std::isnan(expected)) return;  // R gives no figure here (p is 0 or 1)
  EXPECT_NEAR(expected, actual, 1e-9) << what;
}

}  // namespace

TEST(SurveyOracle, EveryFigureMatchesRSurvey) {
  std::vector<Problem> problems;
  const auto table = parse_csv(fixture("oracle.csv"), problems);
  ASSERT_TRUE(problems.empty()) << problems.front().code << " line " << problems.front().line;
  ASSERT_GT(table.rows.size(), 200u);
  std::map<std::string, std::map<std::string, AnalysisRow>> beta, logit;  // per analysis
  std::map<std::string, std::size_t> matched;
  for (const auto& row : table.rows) {
    const auto& f = row.fields;  // file,scale,weight,strata,by,domain,indicator,n,...
    const std::string analysis = f[0] + " " + f[1] + " " + f[2] + " " + f[3] + " " + f[4];
    if (!beta.contains(analysis)) {
      const Scale scale = *parse_scale(f[1]);
      beta[analysis] = analyse(f[0], scale, f[2], f[3], f[4], IntervalMethod::beta);
      logit[analysis] = analyse(f[0], scale, f[2], f[3], f[4], IntervalMethod::logit);
    }
    const std::string key = f[5] + "/" + f[6];
    const std::string what = analysis + " " + key;
    ASSERT_TRUE(beta[analysis].contains(key)) << what;
    const auto& b = beta[analysis][key].estimate;
    const auto& l = logit[analysis][key].estimate;
    EXPECT_EQ(std::stoul(f[7]), b.n) << what;
    expect_near(parse(f[8]), b.estimate, what + " estimate");
    expect_near(parse(f[9]), b.se, what + " se");
    expect_near(parse(f[10]), b.ci_low, what + " beta low");
    expect_near(parse(f[11]), b.ci_high, what + " beta high");
    expect_near(parse(f[12]), l.ci_low, what + " logit low");
    expect_near(parse(f[13]), l.ci_high, what + " logit high");
    expect_near(parse(f[14]), b.n_eff, what + " n_eff");
    ++matched[analysis];
  }
  // No domain of ours is missing from R's list, apart from those R cannot estimate (n < 2).
  for (const auto& [analysis, rows] : beta) {
    std::size_t estimable = 0;
    for (const auto& [key, row] : rows) estimable += row.estimate.n >= 2;
    EXPECT_EQ(estimable, matched[analysis]) << analysis;
  }
}
