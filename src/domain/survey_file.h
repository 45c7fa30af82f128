#pragma once
// Reading a resident survey from CSV into compact columns: the item answers of one scale and
// only the other columns asked for (weight, stratum, grouping columns, age). Everything else
// in the file (names, respondent numbers, free text) is never kept.
//
// Problem codes, besides those of decode_text and the CSV reader (see areas.h):
//   survey.missing_column {name}                the header has no column of that name
//   survey.bad_answer {value, column_name}      not an answer of the scale
//   survey.bad_weight {value, column_name}      not a number above 0
//   survey.missing_weight {column_name}
//   survey.missing_stratum {column_name}
//   survey.bad_age {value, column_name}          not a whole number of years
//   survey.no_respondents                        a header but no rows
//   survey.bad_map {value}, survey.bad_age_bands {value}   (options, line 0)
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/answers.h"
#include "domain/problem.h"

namespace kompas::domain {

struct AgeBand {
  std::string label;  // as given: "18-64", "75+"
  int from = 0;
  int to = 0;  // inclusive; a very large number for "75+"
};
// "18-64,65-74,75+": ascending, not overlapping.
std::optional<std::vector<AgeBand>> parse_age_bands(std::string_view text,
                                                    std::vector<Problem>& problems);

// "djg1=v12,djg2=v13": other column names for the scale's items.
std::optional<std::map<std::string, std::string>> parse_item_map(std::string_view text, Scale scale,
                                                                 std::vector<Problem>& problems);

struct SurveyFileOptions {
  Scale scale = Scale::djg11;
  std::map<std::string, std::string> item_columns;  // item ("djg3") -> column, from --map
  AnswerCodes codes;
  std::string weight_column;               // empty: all weights 1
  std::string strata_column;               // empty: one stratum
  std::vector<std::string> group_columns;  // --by, and for the import area, sex
  std::string age_column;                  // with age_bands: that group column gets bands
  std::vector<AgeBand> age_bands;
  bool lenient = false;  // unknown answers count as missing (and are reported) instead of errors
  std::size_t two_threads_from = 8 << 20;  // rows of at least this many bytes are read in halves
};

// A column of category values, numbered in order of first appearance.
struct CategoryColumn {
  std::string name;                 // the column's name in the file
  std::vector<std::string> values;  // id -> value
  std::vector<std::uint32_t> ids;   // respondent -> id; no_value for an empty cell
  bool ordered = false;             // values are age bands in their given order
  static constexpr std::uint32_t no_value = 0xFFFFFFFF;
};

struct SurveyData {
  Scale scale = Scale::djg11;
  std::size_t respondents = 0;
  std::size_t items = 0;
  std::vector<AnswerCode> answers;     // respondent-major: answers[r * items + k]
  std::vector<double> weights;         // empty without a weight column
  CategoryColumn strata;               // no ids without a strata column
  std::vector<CategoryColumn> groups;  // one per group column, in the order asked
  std::vector<std::int16_t> ages;      // with an age column: years, -1 when empty
  std::size_t unknown_answers = 0;     // counted as missing because of `lenient`
};

// Reads the bytes of a CSV file (UTF-8 or Windows-1252, ';' ',' or tab). On any error the
// problems say what and where, and the data must not be used; with `lenient`, unknown
// answers are added to `notices` (the first 100) and read as missing.
struct SurveyReadResult {
  SurveyData data;
  std::vector<Problem> problems;
  std::vector<Problem> notices;
  bool ok() const { return problems.empty(); }
};
SurveyReadResult read_survey(std::string_view bytes, const SurveyFileOptions& options);

}  // namespace kompas::domain
