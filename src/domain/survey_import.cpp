#include "domain/survey_import.h"

#include <algorithm>

#include "domain/areas.h"
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

// For each distinct value of the area column: the coalition's area code it names, or "".
std::vector<std::string> match_areas(const std::vector<std::string>& values,
                                     const std::map<std::string, std::string>& coalition_areas) {
  std::map<std::string, std::vector<std::string>> by_name;  // folded name -> codes
  for (const auto& [code, name] : coalition_areas) by_name[fold_for_matching(name)].push_back(code);
  std::vector<std::vector<std::string>> candidates(values.size());
  std::map<AreaLevel, int> levels;  // of values that name exactly one area
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto code = upper_ascii(trim_view(values[i]));
    if (coalition_areas.contains(code)) {
      candidates[i] = {code};
    } else if (const auto named = by_name.find(fold_for_matching(values[i]));
               named != by_name.end()) {
      candidates[i] = named->second;
    }
    if (candidates[i].size() == 1)
      if (const auto level = area_level(candidates[i].front())) ++levels[*level];
  }
  AreaLevel usual = AreaLevel::wijk;
  for (const auto& [level, count] : levels)
    if (count > levels[usual]) usual = level;
  std::vector<std::string> codes(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (candidates[i].empty()) continue;
    codes[i] = candidates[i].front();
    for (const auto& code : candidates[i])
      if (area_level(code) == usual) codes[i] = code;
  }
  return codes;
}

PreparedSurvey prepare_survey(std::string_view bytes, const SurveyImportSettings& settings,
                              const std::map<std::string, std::string>& coalition_areas) {
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

  prepared.weight_column = options.weight_column;
  prepared.age_column = options.age_column;
  prepared.read = read_survey(bytes, options);
  if (!prepared.read.ok()) return prepared;
  SurveyData& data = prepared.read.data;
  for (const auto age : data.ages) {
    if (age < 0) continue;
    prepared.youngest = std::min<int>(prepared.youngest.value_or(age), age);
    prepared.oldest = std::max<int>(prepared.oldest.value_or(age), age);
  }
  if (prepared.columns.area) {
    // Values that are not the coalition's are reported, and those respondents keep no area.
    CategoryColumn& areas = data.groups[*prepared.columns.area];
    const auto codes = match_areas(areas.values, coalition_areas);
    for (std::size_t i = 0; i < areas.values.size(); ++i) {
      if (codes[i].empty() && prepared.unknown_areas.size() < 20)
        prepared.unknown_areas.push_back(areas.values[i]);
      if (!codes[i].empty()) areas.values[i] = codes[i];
    }
    for (auto& id : areas.ids) {
      if (id == CategoryColumn::no_value) continue;
      if (codes[id].empty()) {
        id = CategoryColumn::no_value;
        ++prepared.respondents_outside;
      } else {
        ++prepared.respondents_with_area;
      }
    }
  }
  return prepared;
}

}  // namespace kompas::domain
