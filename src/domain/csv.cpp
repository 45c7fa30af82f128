#include "domain/csv.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "domain/text.h"

namespace kompas::domain {

CsvRecordReader::CsvRecordReader(std::string_view text, char separator, CsvLimits limits,
                                 std::vector<Problem>& problems, std::size_t first_line)
    : in_(text),
      sep_(separator),
      limits_(limits),
      problems_(problems),
      line_(first_line),
      field_line_(first_line) {}

CsvRecordReader::Status CsvRecordReader::next(std::vector<std::string_view>& fields,
                                              std::size_t& start_line) {
  fields.clear();
  assembled_used_ = 0;
  const std::size_t n = in_.size();
  if (pos_ >= n) return Status::end;
  start_line = line_;
  for (;;) {
    field_line_ = line_;
    const std::size_t column = fields.size() + 1;
    if (column > limits_.max_columns) {
      add_problem(problems_, Problem{start_line,
                                     limits_.max_columns + 1,
                                     "csv.too_many_columns",
                                     {{"max", std::to_string(limits_.max_columns)}}});
      return Status::stop;
    }
    std::string_view field;
    if (pos_ < n && in_[pos_] == '"') {
      if (!read_quoted(field, column)) return Status::stop;
    } else {
      // This loop is where large files spend their time.
      const std::size_t begin = pos_;
      pos_ = end_of_unquoted(pos_);
      if (!check_length(pos_ - begin, column)) return Status::stop;
      field = in_.substr(begin, pos_ - begin);
    }
    fields.push_back(field);
    if (pos_ >= n) return Status::record;
    if (in_[pos_] == sep_) {
      ++pos_;
      continue;
    }
    skip_newline();
    return Status::record;
  }
}

namespace {

constexpr std::uint64_t every_byte(char c) {
  return 0x0101010101010101ULL * static_cast<unsigned char>(c);
}

// Bit 7 of each byte of `word` that is zero; exact for the lowest such byte.
constexpr std::uint64_t zero_bytes(std::uint64_t word) {
  return (word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL;
}

// Line breaks in `part` (at `offset` in `text`): LF, CRLF or a lone CR. A CR at the end of
// `part` that starts a CRLF in `text` is not counted: its LF will be.
std::size_t line_breaks(std::string_view part, std::string_view text, std::size_t offset) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < part.size(); ++i) {
    const std::size_t at = offset + i;
    if (part[i] == '\n' || (part[i] == '\r' && (at + 1 >= text.size() || text[at + 1] != '\n')))
      ++count;
  }
  return count;
}

}  // namespace

// The position of the next separator or line break from `pos`, or the end. Looks at eight bytes
// at a time, because a million-row survey is mostly short unquoted fields.
std::size_t CsvRecordReader::end_of_unquoted(std::size_t pos) const {
  const char* p = in_.data();
  const std::size_t n = in_.size();
  const std::uint64_t sep = every_byte(sep_), lf = every_byte('\n'), cr = every_byte('\r');
  while (n - pos >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p + pos, 8);
    const std::uint64_t hits =
        zero_bytes(word ^ sep) | zero_bytes(word ^ lf) | zero_bytes(word ^ cr);
    if (hits) return pos + static_cast<std::size_t>(std::countr_zero(hits)) / 8;
    pos += 8;
  }
  while (pos < n && p[pos] != sep_ && p[pos] != '\n' && p[pos] != '\r') ++pos;
  return pos;
}

// Reads a field that starts with a quote; leaves pos_ on the separator or line break after it.
bool CsvRecordReader::read_quoted(std::string_view& field, std::size_t column) {
  const std::size_t n = in_.size();
  const std::size_t quote_line = line_;
  std::string* buffer = nullptr;  // only used once the field is no longer one piece of input
  auto use_buffer = [&]() -> std::string& {
    if (!buffer) {
      if (assembled_used_ == assembled_.size()) assembled_.emplace_back();
      buffer = &assembled_[assembled_used_++];
      buffer->clear();
    }
    return *buffer;
  };
  std::size_t begin = ++pos_;
  for (;;) {
    // A line break inside quotes belongs to the field; it is kept byte for byte, and counted.
    const std::size_t quote = std::min(in_.find('"', pos_), n);
    const std::string_view inside = in_.substr(pos_, quote - pos_);
    if (inside.find_first_of("\r\n") != std::string_view::npos)
      line_ += line_breaks(inside, in_, pos_);
    pos_ = quote;
    const std::size_t length = (buffer ? buffer->size() : 0) + (pos_ - begin);
    if (!check_length(length, column)) return false;
    if (pos_ >= n) {
      ended_in_quotes_ = true;
      add_problem(problems_, Problem{quote_line, column, "csv.unterminated_quote", {}});
      return false;
    }
    const std::string_view piece = in_.substr(begin, pos_ - begin);
    ++pos_;                              // past the quote
    if (pos_ < n && in_[pos_] == '"') {  // a doubled quote stands for one
      use_buffer().append(piece).push_back('"');
      begin = ++pos_;
      continue;
    }
    if (pos_ >= n || in_[pos_] == sep_ || in_[pos_] == '\n' || in_[pos_] == '\r') {
      if (!buffer) {
        field = piece;
        return true;
      }
      buffer->append(piece);
      field = *buffer;
      return true;
    }
    // Text after the closing quote is appended to the field, as Excel does.
    std::string& out = use_buffer();
    out.append(piece);
    const std::size_t rest = pos_;
    while (pos_ < n && in_[pos_] != sep_ && in_[pos_] != '\n' && in_[pos_] != '\r') ++pos_;
    out.append(in_.substr(rest, pos_ - rest));
    if (!check_length(out.size(), column)) return false;
    field = out;
    return true;
  }
}

void CsvRecordReader::skip_newline() {
  if (in_[pos_] == '\r' && pos_ + 1 < in_.size() && in_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

bool CsvRecordReader::field_too_long(std::size_t column) {
  add_problem(problems_, Problem{field_line_,
                                 column,
                                 "csv.field_too_long",
                                 {{"max", std::to_string(limits_.max_field_bytes)}}});
  return false;
}

bool is_blank_record(const std::vector<std::string_view>& fields) {
  for (const auto f : fields) {
    if (!trim_view(f).empty()) return false;
  }
  return true;
}

std::vector<std::string> read_header(const std::vector<std::string_view>& fields, std::size_t line,
                                     std::vector<Problem>& problems) {
  std::vector<std::string> header;
  header.reserve(fields.size());
  for (const auto f : fields) header.push_back(trim(f));
  while (!header.empty() && header.back().empty()) header.pop_back();
  std::unordered_map<std::string, std::size_t> first_column;  // lowercase name -> column
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto& name = header[i];
    if (name.empty()) {
      if (!add_problem(problems, Problem{line, i + 1, "csv.empty_header", {}})) break;
      continue;
    }
    auto [it, inserted] = first_column.emplace(lower_ascii(name), i + 1);
    if (!inserted) {
      Problem p{line,
                i + 1,
                "csv.duplicate_header",
                {{"name", name}, {"first_column", std::to_string(it->second)}}};
      if (!add_problem(problems, std::move(p))) break;
    }
  }
  return header;
}

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
  CsvRecordReader reader(utf8, table.separator, limits, problems);
  std::vector<std::string_view> fields;
  std::size_t line = 0;

  for (;;) {
    const auto status = reader.next(fields, line);
    if (status == CsvRecordReader::Status::stop) return table;
    if (status == CsvRecordReader::Status::end) {
      add_problem(problems, Problem{0, 0, "csv.empty", {}});
      table.complete = true;
      return table;
    }
    if (!is_blank_record(fields)) break;
  }

  table.header_line = line;
  table.header = read_header(fields, line, problems);
  if (problems_full(problems)) return table;

  const std::size_t width = table.header.size();
  std::size_t records = 0;
  for (;;) {
    const auto status = reader.next(fields, line);
    if (status == CsvRecordReader::Status::stop) return table;
    if (status == CsvRecordReader::Status::end) break;
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
    table.rows.push_back(CsvRow{line, std::vector<std::string>(fields.begin(), fields.end())});
  }
  table.complete = true;
  return table;
}

std::optional<std::size_t> column_of(const CsvTable& table,
                                     std::initializer_list<const char*> names) {
  for (const char* name : names)
    for (std::size_t i = 0; i < table.header.size(); ++i)
      if (lower_ascii(table.header[i]) == name) return i;
  return std::nullopt;
}

}  // namespace kompas::domain
