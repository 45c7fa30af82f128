#include "domain/survey_file.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <limits>
#include <unordered_map>

#include "domain/csv.h"
#include "domain/text.h"

namespace kompas::domain {

namespace {

// Survey files are large; the limits stop damaged files, not real surveys.
constexpr CsvLimits survey_limits{
    .max_columns = 1000, .max_field_bytes = 64 * 1024, .max_rows = 5'000'000};

// Numbers values of a column. Few distinct values (wijken, strata) are found by comparing;
// many (buurten, postcodes) through a hash map.
class Interner {
 public:
  explicit Interner(CategoryColumn& column) : column_(column) {}

  std::uint32_t id(std::string_view value) {
    if (column_.values.size() <= 16) {
      for (std::uint32_t i = 0; i < column_.values.size(); ++i)
        if (column_.values[i] == value) return i;
    } else if (const auto it = index_.find(value); it != index_.end()) {
      return it->second;
    }
    const auto id = static_cast<std::uint32_t>(column_.values.size());
    column_.values.emplace_back(value);
    stable_.emplace_back(value);
    index_.emplace(stable_.back(), id);
    return id;
  }

 private:
  CategoryColumn& column_;
  std::deque<std::string> stable_;  // the map's keys view these; a deque never moves them
  std::unordered_map<std::string_view, std::uint32_t> index_;
};

std::optional<double> parse_weight(std::string_view text) {
  std::string number(trim_view(text));
  // Dutch Excel writes 1,25; there are no thousands separators in weights.
  if (number.find('.') == std::string::npos) {
    if (const auto comma = number.find(','); comma != std::string::npos) number[comma] = '.';
  }
  double value = 0;
  const char* end = number.data() + number.size();
  const auto [ptr, ec] = std::from_chars(number.data(), end, value);
  if (ec != std::errc{} || ptr != end || !std::isfinite(value) || value <= 0) return std::nullopt;
  return value;
}

std::optional<int> parse_age(std::string_view text) {
  const std::string_view digits = trim_view(text);
  int value = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || ptr != digits.data() + digits.size() || value < 0 || value > 130)
    return std::nullopt;
  return value;
}

bool same_name(std::string_view a, std::string_view b) {
  return lower_ascii(trim_view(a)) == lower_ascii(trim_view(b));
}

// What to do with a column of the file.
struct ColumnUse {
  enum class Kind { item, weight, stratum, group, age } kind;
  std::size_t column;  // 0-based in the file
  std::size_t index;   // item number (0-based) or group number
};

class SurveyReader {
 public:
  SurveyReader(const SurveyFileOptions& options, SurveyReadResult& result)
      : options_(options),
        result_(result),
        data_(result.data),
        parser_(options.scale, options.codes) {}

  void read(std::string_view text) {
    const char separator = detect_separator(text);
    CsvRecordReader reader(text, separator, survey_limits, result_.problems);
    std::vector<std::string_view> fields;
    std::size_t line = 0;
    CsvRecordReader::Status status;
    while ((status = reader.next(fields, line)) == CsvRecordReader::Status::record &&
           is_blank_record(fields)) {
    }
    if (status != CsvRecordReader::Status::record) {
      if (status == CsvRecordReader::Status::end)
        add_problem(result_.problems, Problem{0, 0, "csv.empty", {}});
      return;
    }
    header_ = read_header(fields, line, result_.problems);
    if (!result_.problems.empty() || !plan_columns(line)) return;

    while ((status = reader.next(fields, line)) == CsvRecordReader::Status::record) {
      if (fields.size() > header_.size()) trim_blank_tail(fields);
      if (is_blank_record(fields)) continue;
      if (fields.size() != header_.size()) {
        Problem p{line,
                  0,
                  "csv.field_count",
                  {{"expected", std::to_string(header_.size())},
                   {"found", std::to_string(fields.size())}}};
        if (!add_problem(result_.problems, std::move(p))) return;
        continue;
      }
      if (data_.respondents >= survey_limits.max_rows) {
        add_problem(
            result_.problems,
            Problem{
                line, 0, "csv.too_many_rows", {{"max", std::to_string(survey_limits.max_rows)}}});
        return;
      }
      if (!read_row(fields, line)) return;
    }
    if (status == CsvRecordReader::Status::end && data_.respondents == 0 &&
        result_.problems.empty())
      add_problem(result_.problems, Problem{0, 0, "survey.no_respondents", {}});
  }

 private:
  // Empty fields beyond the header's width are Excel's trailing separators, not data.
  void trim_blank_tail(std::vector<std::string_view>& fields) const {
    for (std::size_t i = header_.size(); i < fields.size(); ++i)
      if (!trim_view(fields[i]).empty()) return;
    fields.resize(header_.size());
  }

  std::optional<std::size_t> find_column(const std::string& name, std::size_t header_line) {
    for (std::size_t i = 0; i < header_.size(); ++i)
      if (same_name(header_[i], name)) return i;
    add_problem(result_.problems,
                Problem{header_line, 0, "survey.missing_column", {{"name", name}}});
    return std::nullopt;
  }

  bool plan_columns(std::size_t header_line) {
    const auto defaults = default_item_columns(options_.scale);
    data_.scale = options_.scale;
    data_.items = defaults.size();
    for (std::size_t k = 0; k < defaults.size(); ++k) {
      const auto mapped = options_.item_columns.find(defaults[k]);
      const std::string& name =
          mapped == options_.item_columns.end() ? defaults[k] : mapped->second;
      if (const auto column = find_column(name, header_line))
        uses_.push_back({ColumnUse::Kind::item, *column, k});
    }
    if (!options_.weight_column.empty()) {
      if (const auto column = find_column(options_.weight_column, header_line))
        uses_.push_back({ColumnUse::Kind::weight, *column, 0});
    }
    if (!options_.strata_column.empty()) {
      if (const auto column = find_column(options_.strata_column, header_line)) {
        uses_.push_back({ColumnUse::Kind::stratum, *column, 0});
        data_.strata.name = header_[*column];
      }
    }
    for (std::size_t g = 0; g < options_.group_columns.size(); ++g) {
      const auto column = find_column(options_.group_columns[g], header_line);
      CategoryColumn& group = data_.groups.emplace_back();
      if (!column) continue;
      group.name = header_[*column];
      if (!options_.age_bands.empty() &&
          same_name(options_.group_columns[g], options_.age_column)) {
        group.ordered = true;
        for (const auto& band : options_.age_bands) group.values.push_back(band.label);
      }
      uses_.push_back({ColumnUse::Kind::group, *column, g});
    }
    if (!options_.age_column.empty()) {
      if (const auto column = find_column(options_.age_column, header_line)) {
        uses_.push_back({ColumnUse::Kind::age, *column, 0});
      }
    }
    for (auto& group : data_.groups) interners_.emplace_back(group);
    strata_interner_.emplace(data_.strata);
    return result_.problems.empty();
  }

  bool cell_problem(const char* code, std::size_t line, const ColumnUse& use,
                    std::string_view value) {
    Problem p{line, use.column + 1, code, {{"column_name", header_[use.column]}}};
    if (!value.empty()) p.params["value"] = std::string(value);
    return add_problem(result_.problems, std::move(p));
  }

  bool read_row(const std::vector<std::string_view>& fields, std::size_t line) {
    const std::size_t r = data_.respondents++;
    data_.answers.resize(data_.answers.size() + data_.items, missing_answer);
    AnswerCode* answers = data_.answers.data() + r * data_.items;
    bool ok = true;
    std::optional<int> age;
    for (const ColumnUse& use : uses_) {
      const std::string_view cell = fields[use.column];
      switch (use.kind) {
        case ColumnUse::Kind::item: {
          const auto code = parser_.parse(cell);
          if (code) {
            answers[use.index] = *code;
          } else if (options_.lenient) {
            ++data_.unknown_answers;
            Problem p{line,
                      use.column + 1,
                      "survey.bad_answer",
                      {{"column_name", header_[use.column]}, {"value", std::string(cell)}}};
            add_problem(result_.notices, std::move(p));
          } else {
            ok = cell_problem("survey.bad_answer", line, use, cell);
          }
          break;
        }
        case ColumnUse::Kind::weight: {
          if (trim_view(cell).empty()) {
            ok = cell_problem("survey.missing_weight", line, use, {});
          } else if (const auto weight = parse_weight(cell)) {
            data_.weights.push_back(*weight);
          } else {
            ok = cell_problem("survey.bad_weight", line, use, cell);
          }
          break;
        }
        case ColumnUse::Kind::stratum: {
          const std::string_view value = trim_view(cell);
          if (value.empty())
            ok = cell_problem("survey.missing_stratum", line, use, {});
          else
            data_.strata.ids.push_back(strata_interner_->id(value));
          break;
        }
        case ColumnUse::Kind::group: {
          CategoryColumn& group = data_.groups[use.index];
          const std::string_view value = trim_view(cell);
          if (group.ordered) {
            group.ids.push_back(CategoryColumn::no_value);  // filled in with the age below
          } else {
            group.ids.push_back(value.empty() ? CategoryColumn::no_value
                                              : interners_[use.index].id(value));
          }
          break;
        }
        case ColumnUse::Kind::age: {
          if (trim_view(cell).empty()) {
            data_.ages.push_back(-1);
          } else if ((age = parse_age(cell))) {
            data_.ages.push_back(static_cast<std::int16_t>(*age));
          } else if (options_.lenient) {
            data_.ages.push_back(-1);
            add_problem(result_.notices, Problem{line,
                                                 use.column + 1,
                                                 "survey.bad_age",
                                                 {{"column_name", header_[use.column]},
                                                  {"value", std::string(cell)}}});
          } else {
            data_.ages.push_back(-1);
            ok = cell_problem("survey.bad_age", line, use, cell);
          }
          break;
        }
      }
      if (!ok && problems_full(result_.problems)) return false;
    }
    if (age) {
      for (auto& group : data_.groups) {
        if (!group.ordered) continue;
        for (std::uint32_t b = 0; b < options_.age_bands.size(); ++b) {
          const auto& band = options_.age_bands[b];
          if (*age >= band.from && *age <= band.to) group.ids.back() = b;
        }
      }
    }
    return true;
  }

  const SurveyFileOptions& options_;
  SurveyReadResult& result_;
  SurveyData& data_;
  AnswerParser parser_;
  std::vector<std::string> header_;
  std::vector<ColumnUse> uses_;
  std::deque<Interner> interners_;
  std::optional<Interner> strata_interner_;
};

}  // namespace

std::optional<std::vector<AgeBand>> parse_age_bands(std::string_view text,
                                                    std::vector<Problem>& problems) {
  std::vector<AgeBand> bands;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string_view label = trim_view(text.substr(start, comma - start));
    AgeBand band{std::string(label), 0, std::numeric_limits<std::int16_t>::max()};
    const std::size_t dash = label.find('-');
    std::optional<int> from, to;
    if (label.ends_with('+')) {
      from = parse_age(label.substr(0, label.size() - 1));
      to = band.to;
    } else if (dash != std::string_view::npos) {
      from = parse_age(label.substr(0, dash));
      to = parse_age(label.substr(dash + 1));
    }
    if (!from || !to || *from > *to || (!bands.empty() && *from <= bands.back().to)) {
      add_problem(problems, Problem{0, 0, "survey.bad_age_bands", {{"value", std::string(text)}}});
      return std::nullopt;
    }
    band.from = *from;
    band.to = *to;
    bands.push_back(std::move(band));
    start = comma + 1;
  }
  return bands;
}

std::optional<std::map<std::string, std::string>> parse_item_map(std::string_view text, Scale scale,
                                                                 std::vector<Problem>& problems) {
  const auto items = default_item_columns(scale);
  std::map<std::string, std::string> map;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string_view pair = text.substr(start, comma - start);
    const std::size_t eq = pair.find('=');
    const std::string item =
        eq == std::string_view::npos ? "" : lower_ascii(trim_view(pair.substr(0, eq)));
    const std::string column = eq == std::string_view::npos ? "" : trim(pair.substr(eq + 1));
    const bool known = std::find(items.begin(), items.end(), item) != items.end();
    if (!known || column.empty() || map.contains(item)) {
      add_problem(problems, Problem{0, 0, "survey.bad_map", {{"value", std::string(pair)}}});
      return std::nullopt;
    }
    map.emplace(item, column);
    start = comma + 1;
  }
  return map;
}

SurveyReadResult read_survey(std::string_view bytes, const SurveyFileOptions& options) {
  SurveyReadResult result;
  std::string storage;
  const DecodedView decoded = decode_text_view(bytes, storage);
  if (decoded.problem) {
    result.problems.push_back(*decoded.problem);
    return result;
  }
  SurveyReader(options, result).read(decoded.text);
  if (!result.ok()) result.data = SurveyData{};  // nothing half-read reaches a caller
  return result;
}

}  // namespace kompas::domain
