#include "domain/csv.h"

#include <unordered_map>
#include <utility>

#include "domain/text.h"

namespace kompas::domain {

namespace {

bool is_blank_record(const std::vector<std::string>& fields) {
  for (const auto& f : fields) {
    if (!trim_view(f).empty()) return false;
  }
  return true;
}

// Splits the text into records; knows nothing of headers. One instance reads one text.
class RecordReader {
 public:
  enum class Status { record, end, stop };

  RecordReader(std::string_view in, char sep, const CsvLimits& limits,
               std::vector<Problem>& problems)
      : in_(in), sep_(sep), limits_(limits), problems_(problems) {}

  Status next(std::vector<std::string>& fields, std::size_t& start_line) {
    fields.clear();
    field_.clear();
    const std::size_t n = in_.size();
    if (pos_ >= n) return Status::end;
    start_line = line_;
    field_line_ = line_;
    enum class State { start, unquoted, quoted, after_quote } state = State::start;
    std::size_t quote_line = 0, quote_column = 0;
    char c = 0;
    while (pos_ < n) {
      c = in_[pos_];
      switch (state) {
        case State::start:
          field_line_ = line_;
          if (c == '"') {
            state = State::quoted;
            quote_line = line_;
            quote_column = fields.size() + 1;
            ++pos_;
            continue;
          }
          state = State::unquoted;
          [[fallthrough]];
        case State::unquoted: {
          // Copy a whole run at once: this loop is where large files spend their time.
          const std::size_t begin = pos_;
          while (pos_ < n && (c = in_[pos_]) != sep_ && c != '\n' && c != '\r') ++pos_;
          if (!append(in_.substr(begin, pos_ - begin), fields.size())) return Status::stop;
          if (pos_ >= n) break;
          if (c == sep_) {
            if (!end_field(fields, start_line)) return Status::stop;
            state = State::start;
            ++pos_;
            continue;
          }
          skip_newline();
          return end_field(fields, start_line) ? Status::record : Status::stop;
        }
        case State::quoted: {
          const std::size_t begin = pos_;
          while (pos_ < n && (c = in_[pos_]) != '"' && c != '\n' && c != '\r') ++pos_;
          if (!append(in_.substr(begin, pos_ - begin), fields.size())) return Status::stop;
          if (pos_ >= n) break;
          if (c == '"') {
            state = State::after_quote;
            ++pos_;
          } else {
            // A line break inside quotes belongs to the field; it is kept byte for byte.
            const std::size_t nl = pos_;
            skip_newline();
            if (!append(in_.substr(nl, pos_ - nl), fields.size())) return Status::stop;
          }
          continue;
        }
        case State::after_quote:
          if (c == '"') {
            if (!append("\"", fields.size())) return Status::stop;
            state = State::quoted;
            ++pos_;
          } else if (c == sep_) {
            if (!end_field(fields, start_line)) return Status::stop;
            state = State::start;
            ++pos_;
          } else if (c == '\n' || c == '\r') {
            skip_newline();
            return end_field(fields, start_line) ? Status::record : Status::stop;
          } else {
            state = State::unquoted;  // the unquoted run appends it
          }
          continue;
      }
      break;  // only reached from `break` inside a case: end of input
    }
    if (state == State::quoted) {
      add_problem(problems_, Problem{quote_line, quote_column, "csv.unterminated_quote", {}});
      return Status::stop;
    }
    return end_field(fields, start_line) ? Status::record : Status::stop;
  }

 private:
  void skip_newline() {
    if (in_[pos_] == '\r' && pos_ + 1 < in_.size() && in_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  bool append(std::string_view piece, std::size_t column_index) {
    if (field_.size() + piece.size() > limits_.max_field_bytes) {
      add_problem(problems_, Problem{field_line_,
                                     column_index + 1,
                                     "csv.field_too_long",
                                     {{"max", std::to_string(limits_.max_field_bytes)}}});
      return false;
    }
    field_.append(piece);
    return true;
  }

  bool end_field(std::vector<std::string>& fields, std::size_t start_line) {
    if (fields.size() >= limits_.max_columns) {
      add_problem(problems_, Problem{start_line,
                                     limits_.max_columns + 1,
                                     "csv.too_many_columns",
                                     {{"max", std::to_string(limits_.max_columns)}}});
      return false;
    }
    fields.push_back(std::move(field_));
    field_.clear();
    return true;
  }

  std::string_view in_;
  char sep_;
  const CsvLimits& limits_;
  std::vector<Problem>& problems_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t field_line_ = 1;
  std::string field_;
};

}  // namespace

char detect_separator(std::string_view text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool content = false, in_quotes = false;
    for (; i < n; ++i) {
      const char c = text[i];
      if (c == '"') {
        in_quotes = !in_quotes;  // a doubled quote toggles twice, which is right
        content = true;
      } else if (in_quotes) {
        continue;
      } else if (c == '\n' || c == '\r') {
        break;
      } else if (c == ';') {
        ++semicolons;
      } else if (c == ',') {
        ++commas;
      } else if (c == '\t') {
        ++tabs;
      } else if (c != ' ') {
        content = true;
      }
    }
    if (content) {
      if (semicolons >= commas && semicolons >= tabs) return ';';
      return commas >= tabs ? ',' : '\t';
    }
    ++i;  // past the line break of a blank line
  }
  return ';';
}

CsvTable parse_csv(std::string_view utf8, std::vector<Problem>& problems, CsvLimits limits) {
  CsvTable table;
  if (utf8.starts_with("\xEF\xBB\xBF")) utf8.remove_prefix(3);
  table.separator = detect_separator(utf8);
  RecordReader reader(utf8, table.separator, limits, problems);
  std::vector<std::string> fields;
  std::size_t line = 0;

  for (;;) {
    const auto status = reader.next(fields, line);
    if (status == RecordReader::Status::stop) return table;
    if (status == RecordReader::Status::end) {
      add_problem(problems, Problem{0, 0, "csv.empty", {}});
      table.complete = true;
      return table;
    }
    if (!is_blank_record(fields)) break;
  }

  table.header_line = line;
  table.header.reserve(fields.size());
  for (const auto& f : fields) table.header.push_back(trim(f));
  while (!table.header.empty() && table.header.back().empty()) table.header.pop_back();
  std::unordered_map<std::string, std::size_t> first_column;  // lowercase name -> column
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const auto& name = table.header[i];
    if (name.empty()) {
      if (!add_problem(problems, Problem{line, i + 1, "csv.empty_header", {}})) return table;
      continue;
    }
    auto [it, inserted] = first_column.emplace(lower_ascii(name), i + 1);
    if (!inserted) {
      Problem p{line,
                i + 1,
                "csv.duplicate_header",
                {{"name", name}, {"first_column", std::to_string(it->second)}}};
      if (!add_problem(problems, std::move(p))) return table;
    }
  }

  const std::size_t width = table.header.size();
  std::size_t records = 0;
  for (;;) {
    const auto status = reader.next(fields, line);
    if (status == RecordReader::Status::stop) return table;
    if (status == RecordReader::Status::end) break;
    if (is_blank_record(fields)) continue;
    if (++records > limits.max_rows) {
      add_problem(
          problems,
          Problem{line, 0, "csv.too_many_rows", {{"max", std::to_string(limits.max_rows)}}});
      return table;
    }
    if (fields.size() > width) {
      bool extra_blank = true;
      for (std::size_t i = width; i < fields.size() && extra_blank; ++i) {
        extra_blank = trim_view(fields[i]).empty();
      }
      if (extra_blank) fields.resize(width);
    }
    if (fields.size() != width) {
      Problem p{line,
                0,
                "csv.field_count",
                {{"expected", std::to_string(width)}, {"found", std::to_string(fields.size())}}};
      if (!add_problem(problems, std::move(p))) return table;
      continue;
    }
    table.rows.push_back(CsvRow{line, std::move(fields)});
    fields = {};
  }
  table.complete = true;
  return table;
}

}  // namespace kompas::domain
