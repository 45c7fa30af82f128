#pragma once
// Values of plan indicators from a CSV file, all or nothing. Columns (names without regard to
// case): indicator (the number shown on the indicator's page and in the template), jaar,
// waarde; optional toelichting and bron; any other column (such as the name in the template) is
// ignored. A year of an indicator may occur once.
// Problem codes: values.missing_column {expected}, values.unknown_indicator {value},
// values.bad_year {value}, values.bad_value {value}, values.out_of_range {value},
// values.future_year {value}, values.not_whole {value}, values.too_long {column_name},
// values.duplicate {first_line}, values.no_rows; and those of decode_text and the CSV reader.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/indicators.h"
#include "domain/problem.h"

namespace kompas::domain {

struct ImportedValue {
  long long indicator_id = 0;
  EnteredValue value;
};

struct ValuesImport {
  std::vector<ImportedValue> values;
  std::vector<Problem> problems;  // when not empty, `values` is empty
};

// `units`: the unit of each of the coalition's indicators, by id; `this_year`: the latest year a
// measured value may be for.
ValuesImport parse_indicator_values(std::string_view bytes,
                                    const std::map<long long, std::string>& units, int this_year);

}  // namespace kompas::domain
