#pragma once

// An RFC 4180-ish CSV reader for files people export from Excel or download from CBS.
//
// Problem codes emitted here (messages: see the list at the top of areas.h):
//   csv.empty                  – no header line at all
//   csv.unterminated_quote     – a quoted field runs to the end of the file       (fatal)
//   csv.field_count {expected, found}
//   csv.duplicate_header {name, first_column}
//   csv.empty_header
//   csv.too_many_columns {max}                                                    (fatal)
//   csv.field_too_long {max}                                                      (fatal)
//   csv.too_many_rows {max}                                                       (fatal)
// "Fatal" problems stop the reading; the others are collected until problems_full().

#include <cstddef>
#include <deque>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/problem.h"

namespace kompas::domain {

struct CsvLimits {
  std::size_t max_columns = 1000;
  std::size_t max_field_bytes = 1024 * 1024;
  std::size_t max_rows = 1'000'000;  // data rows, header not counted
};

struct CsvRow {
  std::size_t line = 0;  // 1-based physical line where the row starts
  std::vector<std::string> fields;
};

struct CsvTable {
  char separator = ';';
  std::size_t header_line = 0;      // 0 when the file has no header
  std::vector<std::string> header;  // trimmed names
  std::vector<CsvRow> rows;         // only rows with as many fields as the header
  bool complete = false;            // false when reading stopped early (fatal problem, cap)
};

// The first of the names (lowercase) that is a column of the table, without regard to case.
std::optional<std::size_t> column_of(const CsvTable& table,
                                     std::initializer_list<const char*> names);

// Picks ';', ',' or tab: whichever occurs most often outside quotes in the first non-blank
// line. Ties and lines without any of them give ';', as CBS and Dutch Excel use it.
char detect_separator(std::string_view text);

// Splits text into records without copying: fields are views into the text, except quoted
// fields with doubled quotes or text after the closing quote, which are assembled in the
// reader. Knows nothing of headers; parse_csv and the survey reader build on it.
class CsvRecordReader {
 public:
  enum class Status { record, end, stop };  // stop: a fatal problem was added

  // `first_line` numbers the first line of `text`: a part of a file starts further on.
  CsvRecordReader(std::string_view text, char separator, CsvLimits limits,
                  std::vector<Problem>& problems, std::size_t first_line = 1);

  std::size_t position() const { return pos_; }  // bytes of `text` read so far
  std::size_t line() const { return line_; }     // the line the next record starts on
  // True when the text ended inside a quoted field (reported as csv.unterminated_quote).
  bool ended_in_quotes() const { return ended_in_quotes_; }

  // The next record's fields, valid until the next call; `start_line` is its first line.
  Status next(std::vector<std::string_view>& fields, std::size_t& start_line);

 private:
  bool read_quoted(std::string_view& field, std::size_t column);
  std::size_t end_of_unquoted(std::size_t pos) const;
  void skip_newline();
  bool check_length(std::size_t length, std::size_t column) {
    return length <= limits_.max_field_bytes || field_too_long(column);
  }
  bool field_too_long(std::size_t column);  // adds the problem; false

  std::string_view in_;
  char sep_;
  CsvLimits limits_;
  std::vector<Problem>& problems_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t field_line_ = 1;
  bool ended_in_quotes_ = false;
  std::deque<std::string> assembled_;  // a deque: growing it never moves earlier strings
  std::size_t assembled_used_ = 0;
};

// True when every field is empty or white space (";;;" lines Excel leaves behind).
bool is_blank_record(const std::vector<std::string_view>& fields);

// Trimmed header names; trailing empty names dropped. Reports csv.empty_header and
// csv.duplicate_header (names compared without regard to case).
std::vector<std::string> read_header(const std::vector<std::string_view>& fields, std::size_t line,
                                     std::vector<Problem>& problems);

// Reads the whole text in one pass.
// - A UTF-8 BOM at the start is skipped; fields are otherwise returned byte for byte.
// - Quoted fields may hold separators, doubled quotes ("") and line breaks. Text after a
//   closing quote is appended to the field, as Excel does.
// - Line breaks are LF, CRLF or a lone CR (old Mac Excel); the last line needs none.
// - Rows whose fields are all blank (";;;" or white space) are skipped.
// - Empty header names at the end of the header are dropped, and so are empty fields beyond
//   the header's width, because Excel writes trailing separators for once-used columns.
// - Rows with a different number of fields are reported (csv.field_count) and left out.
CsvTable parse_csv(std::string_view utf8, std::vector<Problem>& problems, CsvLimits limits = {});

}  // namespace kompas::domain
