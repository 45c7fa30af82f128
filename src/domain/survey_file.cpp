#include "domain/survey_file.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <limits>
#include <thread>
#include <unordered_map>

#include "domain/csv.h"
#include "domain/text.h"

namespace kompas::domain {

namespace {

// Survey files are large; the limits stop damaged files, not real surveys.
constexpr CsvLimits survey_limits{
    .max_columns = 1000, .max_field_bytes = 64 * 1024, .max_rows = 5'000'000};

// Numbers the values of a column in order of first appearance.
class Interner {
 public:
  explicit Interner(CategoryColumn& column) : column_(column) {}

  std::uint32_t id(std::string_view value) {
    if (const auto it = index_.find(value); it != index_.end()) return it->second;
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

// Which columns of the file feed what, found from the header once for the whole file.
struct Plan {
  std::vector<std::string> header;
  std::vector<ColumnUse> uses;
  SurveyData shape;  // empty data with the scale, items and group columns set
};

std::optional<std::size_t> find_column(const Plan& plan, const std::string& name,
                                       std::size_t header_line, std::vector<Problem>& problems) {
  for (std::size_t i = 0; i < plan.header.size(); ++i)
    if (same_name(plan.header[i], name)) return i;
  add_problem(problems, Problem{header_line, 0, "survey.missing_column", {{"name", name}}});
  return std::nullopt;
}

Plan make_plan(std::vector<std::string> header, std::size_t header_line,
               const SurveyFileOptions& options, std::vector<Problem>& problems) {
  Plan plan;
  plan.header = std::move(header);
  SurveyData& shape = plan.shape;
  const auto defaults = default_item_columns(options.scale);
  shape.scale = options.scale;
  shape.items = defaults.size();
  auto use = [&](const std::string& name, ColumnUse::Kind kind, std::size_t index) {
    const auto column = find_column(plan, name, header_line, problems);
    if (column) plan.uses.push_back({kind, *column, index});
    return column;
  };
  for (std::size_t k = 0; k < defaults.size(); ++k) {
    const auto mapped = options.item_columns.find(defaults[k]);
    use(mapped == options.item_columns.end() ? defaults[k] : mapped->second, ColumnUse::Kind::item,
        k);
  }
  if (!options.weight_column.empty()) use(options.weight_column, ColumnUse::Kind::weight, 0);
  if (!options.strata_column.empty()) {
    if (const auto column = use(options.strata_column, ColumnUse::Kind::stratum, 0))
      shape.strata.name = plan.header[*column];
  }
  for (std::size_t g = 0; g < options.group_columns.size(); ++g) {
    CategoryColumn& group = shape.groups.emplace_back();
    const auto column = use(options.group_columns[g], ColumnUse::Kind::group, g);
    if (!column) continue;
    group.name = plan.header[*column];
    if (!options.age_bands.empty() && same_name(options.group_columns[g], options.age_column)) {
      group.ordered = true;
      for (const auto& band : options.age_bands) group.values.push_back(band.label);
    }
  }
  if (!options.age_column.empty()) use(options.age_column, ColumnUse::Kind::age, 0);
  return plan;
}

// Reads the rows of one part of the file into its own result, so two parts can be read at
// the same time.
class ChunkReader {
 public:
  ChunkReader(const SurveyFileOptions& options, const Plan& plan, SurveyReadResult& result)
      : options_(options),
        plan_(plan),
        result_(result),
        data_(result.data),
        parser_(options.scale, options.codes),
        strata_interner_(data_.strata) {
    data_ = plan.shape;
    for (auto& group : data_.groups) interners_.emplace_back(group);
  }

  // Returns false when the text ended inside a quoted cell.
  bool read(std::string_view text, char separator, std::size_t first_line) {
    CsvRecordReader reader(text, separator, survey_limits, result_.problems, first_line);
    std::vector<std::string_view> fields;
    std::size_t line = 0;
    const std::size_t width = plan_.header.size();
    while (reader.next(fields, line) == CsvRecordReader::Status::record) {
      if (fields.size() > width) trim_blank_tail(fields);
      if (is_blank_record(fields)) continue;
      if (fields.size() != width) {
        Problem p{line,
                  0,
                  "csv.field_count",
                  {{"expected", std::to_string(width)}, {"found", std::to_string(fields.size())}}};
        if (!add_problem(result_.problems, std::move(p))) return true;
        continue;
      }
      if (data_.respondents >= survey_limits.max_rows) {
        add_problem(
            result_.problems,
            Problem{
                line, 0, "csv.too_many_rows", {{"max", std::to_string(survey_limits.max_rows)}}});
        return true;
      }
      if (!read_row(fields, line)) return true;
    }
    return !reader.ended_in_quotes();
  }

 private:
  // Empty fields beyond the header's width are Excel's trailing separators, not data.
  void trim_blank_tail(std::vector<std::string_view>& fields) const {
    for (std::size_t i = plan_.header.size(); i < fields.size(); ++i)
      if (!trim_view(fields[i]).empty()) return;
    fields.resize(plan_.header.size());
  }

  Problem cell_problem(const char* code, std::size_t line, const ColumnUse& use,
                       std::string_view value) const {
    Problem p{line, use.column + 1, code, {{"column_name", plan_.header[use.column]}}};
    if (!value.empty()) p.params["value"] = std::string(value);
    return p;
  }

  // A bad cell is an error, or with --lenient a notice and a missing value.
  void bad_cell(const char* code, std::size_t line, const ColumnUse& use, std::string_view value,
                bool may_be_lenient) {
    if (may_be_lenient && options_.lenient) {
      add_problem(result_.notices, cell_problem(code, line, use, value));
    } else {
      add_problem(result_.problems, cell_problem(code, line, use, value));
    }
  }

  bool read_row(const std::vector<std::string_view>& fields, std::size_t line) {
    const std::size_t r = data_.respondents++;
    data_.answers.resize(data_.answers.size() + data_.items, missing_answer);
    AnswerCode* answers = data_.answers.data() + r * data_.items;
    std::optional<int> age;
    for (const ColumnUse& use : plan_.uses) {
      const std::string_view cell = fields[use.column];
      switch (use.kind) {
        case ColumnUse::Kind::item:
          if (const auto code = parser_.parse(cell)) {
            answers[use.index] = *code;
          } else {
            data_.unknown_answers += options_.lenient;
            bad_cell("survey.bad_answer", line, use, cell, true);
          }
          break;
        case ColumnUse::Kind::weight:
          if (const auto weight = parse_weight(cell)) {
            data_.weights.push_back(*weight);
          } else {
            data_.weights.push_back(1);
            const bool empty = trim_view(cell).empty();
            bad_cell(empty ? "survey.missing_weight" : "survey.bad_weight", line, use, cell, false);
          }
          break;
        case ColumnUse::Kind::stratum: {
          const std::string_view value = trim_view(cell);
          if (value.empty()) bad_cell("survey.missing_stratum", line, use, {}, false);
          data_.strata.ids.push_back(strata_interner_.id(value));
          break;
        }
        case ColumnUse::Kind::group: {
          const std::string_view value = trim_view(cell);
          CategoryColumn& group = data_.groups[use.index];
          // An age band is filled in below, once the age is read.
          group.ids.push_back(value.empty() || group.ordered ? CategoryColumn::no_value
                                                             : interners_[use.index].id(value));
          break;
        }
        case ColumnUse::Kind::age:
          if (trim_view(cell).empty()) {
            data_.ages.push_back(-1);
          } else if ((age = parse_age(cell))) {
            data_.ages.push_back(static_cast<std::int16_t>(*age));
          } else {
            data_.ages.push_back(-1);
            bad_cell("survey.bad_age", line, use, cell, true);
          }
          break;
      }
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
    return !problems_full(result_.problems);
  }

  const SurveyFileOptions& options_;
  const Plan& plan_;
  SurveyReadResult& result_;
  SurveyData& data_;
  AnswerParser parser_;
  std::deque<Interner> interners_;
  Interner strata_interner_;
};

// Where to cut the rows in two for two threads: the first line start after the middle. That
// may be inside a quoted cell; the first part then ends inside quotes and is read again whole.
std::optional<std::size_t> split_point(std::string_view rows, std::size_t worth_splitting) {
  if (rows.size() < worth_splitting || std::thread::hardware_concurrency() < 2) return std::nullopt;
  const std::size_t line_break = rows.find('\n', rows.size() / 2);
  if (line_break == std::string_view::npos || line_break + 1 == rows.size()) return std::nullopt;
  return line_break + 1;
}

// Physical lines as the CSV reader counts them: LF, CRLF or a lone CR.
std::size_t line_breaks(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      ++count;
  }
  return count;
}

void merge_category(CategoryColumn& into, const CategoryColumn& part) {
  std::unordered_map<std::string_view, std::uint32_t> known;
  for (std::uint32_t i = 0; i < into.values.size(); ++i) known.emplace(into.values[i], i);
  std::vector<std::uint32_t> remap(part.values.size());
  for (std::uint32_t i = 0; i < part.values.size(); ++i) {
    const auto it = known.find(part.values[i]);
    if (it != known.end()) {
      remap[i] = it->second;
    } else {
      remap[i] = static_cast<std::uint32_t>(into.values.size());
      into.values.push_back(part.values[i]);
      // `known` views strings of `into.values`, which may have moved: rebuild lazily.
      known.clear();
      for (std::uint32_t k = 0; k < into.values.size(); ++k) known.emplace(into.values[k], k);
    }
  }
  into.ids.reserve(into.ids.size() + part.ids.size());
  for (const std::uint32_t id : part.ids)
    into.ids.push_back(id == CategoryColumn::no_value ? id : remap[id]);
}

// Appends the second part of the file to the first; its lines were counted from 1.
void merge(SurveyReadResult& into, SurveyReadResult&& part, std::size_t line_offset) {
  for (auto* list : {&part.problems, &part.notices}) {
    auto& target = list == &part.problems ? into.problems : into.notices;
    for (auto& problem : *list) {
      if (problem.line > 0) problem.line += line_offset;
      if (!add_problem(target, std::move(problem))) break;
    }
  }
  SurveyData& a = into.data;
  SurveyData& b = part.data;
  a.respondents += b.respondents;
  a.unknown_answers += b.unknown_answers;
  a.answers.insert(a.answers.end(), b.answers.begin(), b.answers.end());
  a.weights.insert(a.weights.end(), b.weights.begin(), b.weights.end());
  a.ages.insert(a.ages.end(), b.ages.begin(), b.ages.end());
  merge_category(a.strata, b.strata);
  for (std::size_t g = 0; g < a.groups.size(); ++g) merge_category(a.groups[g], b.groups[g]);
}

}  // namespace

std::optional<std::vector<AgeBand>> parse_age_bands(std::string_view text,
                                                    std::vector<Problem>& problems) {
  std::vector<AgeBand> bands;
  for (const std::string_view part : split(text, ',')) {
    const std::string_view label = trim_view(part);
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
  }
  return bands;
}

std::optional<std::map<std::string, std::string>> parse_item_map(std::string_view text, Scale scale,
                                                                 std::vector<Problem>& problems) {
  const auto items = default_item_columns(scale);
  std::map<std::string, std::string> map;
  for (const std::string_view pair : split(text, ',')) {
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
  const std::string_view text = decoded.text;
  const char separator = detect_separator(text);
  CsvRecordReader reader(text, separator, survey_limits, result.problems);
  std::vector<std::string_view> fields;
  std::size_t header_line = 0;
  auto status = CsvRecordReader::Status::end;
  while ((status = reader.next(fields, header_line)) == CsvRecordReader::Status::record &&
         is_blank_record(fields)) {
  }
  if (status == CsvRecordReader::Status::end)
    add_problem(result.problems, Problem{0, 0, "csv.empty", {}});
  if (status != CsvRecordReader::Status::record) return result;
  auto header = read_header(fields, header_line, result.problems);
  const Plan plan = make_plan(std::move(header), header_line, options, result.problems);
  if (!result.ok()) return result;

  const std::string_view rows = text.substr(reader.position());
  const std::size_t first_line = reader.line();
  const auto split = split_point(rows, options.two_threads_from);
  bool read_whole = !split;
  if (split) {
    SurveyReadResult second;
    std::thread worker(
        [&] { ChunkReader(options, plan, second).read(rows.substr(*split), separator, 1); });
    const bool cut_between_rows =
        ChunkReader(options, plan, result).read(rows.substr(0, *split), separator, first_line);
    worker.join();
    if (cut_between_rows) {
      const bool placed = second.problems.empty() && second.notices.empty();
      merge(result, std::move(second),
            placed ? 0 : line_breaks(rows.substr(0, *split)) + first_line - 1);
    } else {
      result = SurveyReadResult{};  // the cut fell inside a quoted cell
      read_whole = true;
    }
  }
  if (read_whole) {
    ChunkReader(options, plan, result).read(rows, separator, first_line);
  }
  if (result.ok() && result.data.respondents > survey_limits.max_rows)
    add_problem(
        result.problems,
        Problem{0, 0, "csv.too_many_rows", {{"max", std::to_string(survey_limits.max_rows)}}});
  if (result.ok() && result.data.respondents == 0)
    add_problem(result.problems, Problem{0, 0, "survey.no_respondents", {}});
  if (!result.ok()) result.data = SurveyData{};  // nothing half-read reaches a caller
  return result;
}

}  // namespace kompas::domain
