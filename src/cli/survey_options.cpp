#include "cli/survey_options.h"

#include <algorithm>
#include <iostream>

#include "domain/text.h"
#include "web/ui/problems.h"

namespace kompas::cli {

namespace {

std::vector<std::string> split_columns(const std::string& text) {
  std::vector<std::string> columns;
  for (const std::string_view part : domain::split(text, ',')) {
    const auto column = domain::trim(part);
    if (!column.empty()) columns.push_back(column);
  }
  return columns;
}

}  // namespace

void add_survey_file_options(CLI::App& command, SurveyFileArguments& a, const Texts& t) {
  command.add_option("FILE", a.path, t("cli.survey.file"))->required();
  command.add_option("--scale", a.scale, t("cli.survey.scale"))
      ->required()
      ->check(CLI::IsMember({"djg11", "djg6", "ucla3"}));
  command.add_option("--weight", a.weight, t("cli.survey.weight"));
  command.add_option("--strata", a.strata, t("cli.survey.strata"));
  command.add_option("--age", a.age, t("cli.survey.age"));
  command.add_option("--age-bands", a.age_bands, t("cli.survey.age_bands"));
  command.add_option("--map", a.map, t("cli.survey.map"));
  command.add_option("--codes", a.codes, t("cli.survey.codes"));
  command.add_flag("--lenient", a.lenient, t("cli.survey.lenient"));
  command.add_option("--subscale-threshold", a.subscale_threshold, t("cli.survey.subscale"))
      ->check(CLI::Range(1, 6))
      ->capture_default_str();
}

domain::SurveyFileOptions survey_file_options(const SurveyFileArguments& a, const Texts& t) {
  domain::SurveyFileOptions options;
  options.scale = *domain::parse_scale(a.scale);
  options.weight_column = domain::trim(a.weight);
  options.strata_column = domain::trim(a.strata);
  options.group_columns = split_columns(a.by);
  options.age_column = domain::trim(a.age);
  options.lenient = a.lenient;
  std::vector<domain::Problem> problems;
  if (!a.map.empty()) {
    if (auto map = domain::parse_item_map(a.map, options.scale, problems))
      options.item_columns = std::move(*map);
  }
  if (!a.codes.empty()) {
    if (options.scale == domain::Scale::ucla3) throw UserError(t("cli.survey.codes_not_ucla"));
    if (auto codes = domain::parse_answer_codes(a.codes, problems))
      options.codes = std::move(*codes);
  }
  if (!a.age_bands.empty()) {
    if (options.age_column.empty()) throw UserError(t("cli.survey.age_bands_need_age"));
    if (auto bands = domain::parse_age_bands(a.age_bands, problems)) {
      options.age_bands = std::move(*bands);
      const bool grouped = std::any_of(
          options.group_columns.begin(), options.group_columns.end(), [&](const std::string& c) {
            return domain::lower_ascii(c) == domain::lower_ascii(options.age_column);
          });
      if (!grouped) options.group_columns.push_back(options.age_column);
    }
  }
  if (!problems.empty()) throw_problems(t("cli.survey.bad_options"), problems, t);
  return options;
}

domain::SurveyReadResult read_survey_file(std::string_view bytes,
                                          const domain::SurveyFileOptions& options,
                                          const std::string& path, const Texts& t) {
  auto result = domain::read_survey(bytes, options);
  if (!result.ok())
    throw_problems(t.f("cli.survey.problems", {{"file", path}}), result.problems, t);
  if (result.data.unknown_answers > 0) {
    std::cerr << t.f("cli.survey.unknown_answers",
                     {{"count", std::to_string(result.data.unknown_answers)}});
    for (const auto& notice : result.notices)
      std::cerr << "\n  " << web::problem_text(t.catalogue, t.lang, notice);
    std::cerr << "\n";
  }
  return result;
}

}  // namespace kompas::cli
