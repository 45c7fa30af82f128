#include "domain/survey_import.h"

#include <algorithm>

#include "domain/csv.h"
#include "domain/text.h"

namespace kompas::domain {

namespace {

std::string find_by_name(const std::vector<std::string>& header,
                         const std::vector<std::string>& names) {
  for (const auto& name : names)
    for (const auto& column : header)
      if (lower_ascii(column) == name) return column;
  return "";
}

}  // namespace

std::vector<std::string> read_csv_header(std::string_view bytes) {
  std::string storage;
  // The header is in the first lines; do not decode a whole large file for it.
  const auto decoded = decode_text_view(bytes.substr(0, 64 * 1024), storage);
  if (decoded.problem) return {};
  std::vector<Problem> problems;
  CsvRecordReader reader(decoded.text, detect_separator(decoded.text), {}, problems);
  std::vector<std::string_view> fields;
  std::size_t line = 0;
  while (reader.next(fields, line) == CsvRecordReader::Status::record) {
    if (!is_blank_record(fields)) return read_header(fields, line, problems);
  }
  return {};
}

PreparedSurvey prepare_survey(std::string_view bytes, const SurveyImportSettings& settings,
                              const std::set<std::string>& coalition_areas) {
  PreparedSurvey prepared;
  auto& problems = prepared.read.problems;
  SurveyFileOptions options;
  const auto scale = parse_scale(settings.scale);
  if (!scale) {
    add_problem(problems, Problem{0, 0, "survey.unknown_scale", {{"value", settings.scale}}});
    return prepared;
  }
  options.scale = *scale;
  options.weight_column = trim(settings.weight);
  options.strata_column = trim(settings.strata);
  options.lenient = settings.lenient;
  if (!trim_view(settings.map).empty()) {
    if (auto map = parse_item_map(settings.map, *scale, problems)) options.item_columns = *map;
  }
  if (!trim_view(settings.codes).empty()) {
    if (auto codes = parse_answer_codes(settings.codes, problems)) options.codes = *codes;
  }
  prepared.header = read_csv_header(bytes);
  const std::string area = settings.area.empty() ? find_by_name(prepared.header, area_column_names)
                                                 : trim(settings.area);
  const std::string sex =
      settings.sex.empty() ? find_by_name(prepared.header, sex_column_names) : trim(settings.sex);
  options.age_column =
      settings.age.empty() ? find_by_name(prepared.header, age_column_names) : trim(settings.age);
  if (!area.empty()) {
    prepared.columns.area = options.group_columns.size();
    options.group_columns.push_back(area);
  }
  if (!sex.empty()) {
    prepared.columns.sex = options.group_columns.size();
    options.group_columns.push_back(sex);
  }
  if (!options.age_column.empty() && !trim_view(settings.age_bands).empty()) {
    if (auto bands = parse_age_bands(settings.age_bands, problems)) {
      options.age_bands = *bands;
      prepared.columns.age_band = options.group_columns.size();
      options.group_columns.push_back(options.age_column);
    }
  }
  if (!problems.empty()) return prepared;

  prepared.read = read_survey(bytes, options);
  if (!prepared.read.ok()) return prepared;
  SurveyData& data = prepared.read.data;
  for (const auto age : data.ages) {
    if (age < 0) continue;
    prepared.youngest = std::min<int>(prepared.youngest.value_or(age), age);
    prepared.oldest = std::max<int>(prepared.oldest.value_or(age), age);
  }
  if (prepared.columns.area) {
    // Codes that are not the coalition's are reported, and those respondents keep no area.
    CategoryColumn& areas = data.groups[*prepared.columns.area];
    std::vector<bool> unknown(areas.values.size());
    for (std::size_t i = 0; i < areas.values.size(); ++i) {
      unknown[i] = !coalition_areas.contains(upper_ascii(areas.values[i]));
      if (unknown[i] && prepared.unknown_areas.size() < 20)
        prepared.unknown_areas.push_back(areas.values[i]);
      if (!unknown[i]) areas.values[i] = upper_ascii(areas.values[i]);
    }
    for (auto& id : areas.ids) {
      if (id != CategoryColumn::no_value && unknown[id]) {
        id = CategoryColumn::no_value;
        ++prepared.respondents_outside;
      }
    }
  }
  return prepared;
}

}  // namespace kompas::domain
