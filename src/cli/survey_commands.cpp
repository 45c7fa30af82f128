// kompas survey analyze: estimates from a survey file, for analysts and for checking the
// figures against other software. The output format is a contract (see README).
#include <charconv>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/input_file.h"
#include "cli/survey_options.h"
#include "domain/csv_write.h"
#include "domain/survey_analysis.h"

namespace kompas::cli {

namespace {

struct AnalyzeOptions {
  SurveyFileArguments file;
  std::string ci = "beta";
  std::size_t min_n = 50;
  std::string format = "csv";
};

// Shortest text that reads back as the same double: never fewer digits than the value has.
std::string number(double value) {
  if (std::isnan(value)) return "";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// Text through the one CSV writer, guarded against spreadsheet formulas.
std::string csv_field(const std::string& text) {
  return domain::csv_text_cell(text, ',');
}

void write_csv(const std::vector<std::string>& columns,
               const std::vector<domain::AnalysisRow>& rows) {
  std::string out;
  for (const auto& column : columns) out += csv_field(column) + ",";
  out += "indicator,n,estimate,se,ci_low,ci_high,n_eff,suppressed\n";
  for (const auto& row : rows) {
    for (const auto& value : row.domain) out += csv_field(value) + ",";
    const auto& e = row.estimate;
    out += row.indicator + "," + std::to_string(e.n) + ",";
    if (row.suppressed) {
      out += ",,,,,1\n";  // estimate, se, ci_low, ci_high and n_eff left empty
    } else {
      out += number(e.estimate) + "," + number(e.se) + "," + number(e.ci_low) + "," +
             number(e.ci_high) + "," + number(e.n_eff) + ",0\n";
    }
  }
  std::cout << out;
}

void write_json(const std::vector<std::string>& columns,
                const std::vector<domain::AnalysisRow>& rows) {
  auto figure = [](bool suppressed, double value) {
    return suppressed || std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
  };
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) {
    nlohmann::json item;
    for (std::size_t g = 0; g < columns.size(); ++g) item[columns[g]] = row.domain[g];
    const auto& e = row.estimate;
    item["indicator"] = row.indicator;
    item["n"] = e.n;
    item["estimate"] = figure(row.suppressed, e.estimate);
    item["se"] = figure(row.suppressed, e.se);
    item["ci_low"] = figure(row.suppressed, e.ci_low);
    item["ci_high"] = figure(row.suppressed, e.ci_high);
    item["n_eff"] = figure(row.suppressed, e.n_eff);
    item["suppressed"] = row.suppressed;
    out.push_back(std::move(item));
  }
  std::cout << out.dump(2) << "\n";
}

void analyze(const AnalyzeOptions& o, const Texts& t) {
  const auto options = survey_file_options(o.file, t);
  const auto method = domain::parse_interval_method(o.ci);
  const InputFile file(o.file.path, t);
  const auto read = read_survey_file(file.bytes(), options, o.file.path, t);
  domain::AnalysisOptions analysis{*method, o.min_n, o.file.thresholds()};
  const auto rows = domain::analyse_survey(read.data, analysis);
  std::vector<std::string> columns;
  for (const auto& group : read.data.groups) columns.push_back(group.name);
  if (o.format == "json") {
    write_json(columns, rows);
  } else {
    write_csv(columns, rows);
  }
}

}  // namespace

void add_survey_commands(CLI::App& app, const Texts& t) {
  auto* survey = app.add_subcommand("survey", t("cli.survey.description"));
  survey->require_subcommand(1);
  auto o = std::make_shared<AnalyzeOptions>();
  auto* cmd = survey->add_subcommand("analyze", t("cli.survey.analyze"));
  add_survey_file_options(*cmd, o->file, t);
  cmd->add_option("--by", o->file.by, t("cli.survey.by"));
  cmd->add_option("--ci", o->ci, t("cli.survey.ci"))
      ->check(CLI::IsMember({"beta", "logit", "wilson"}))
      ->capture_default_str();
  cmd->add_option("--min-n", o->min_n, t("cli.survey.min_n"))->capture_default_str();
  cmd->add_option("--format", o->format, t("cli.survey.format"))
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  cmd->callback([o, &t] { analyze(*o, t); });
  add_survey_storage_commands(*survey, t);
}

}  // namespace kompas::cli
