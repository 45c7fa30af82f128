#pragma once
// Published figures per area, such as RIVM's neighbourhood estimates of loneliness, read from
// CSV so they can be shown next to the coalition's own survey figures. RIVM's wijk and buurt
// figures are model-based small-area estimates (not survey results); they are marked so.
//
// Columns (names without regard to case; the first of each list that is present):
//   area code: gebiedscode, code, gwb_code, wijkcode, buurtcode, regiocode
//   indicator: indicator, uitkomst        (eenzaam, ernstig_eenzaam, emotioneel_eenzaam, ...)
//   year:      jaar, year, perioden
//   value %:   waarde, percentage, value
//   interval:  ondergrens, bovengrens (optional, both or neither)
//   source:    bron, source (optional when a source is given with the file)
// Problem codes: figures.missing_column {expected}, figures.unknown_area {value},
// figures.bad_indicator {value}, figures.bad_year {value}, figures.bad_percentage {value,
// column_name}, figures.bad_interval, figures.missing_source, figures.duplicate {first_line},
// figures.no_rows; and those of decode_text and the CSV reader.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/problem.h"

namespace kompas::domain {

struct PublishedFigure {
  std::string area_code;
  std::string indicator;
  int year = 0;
  double value = 0;  // proportion 0..1
  std::optional<double> low, high;
  std::string source;
  bool model_based = true;
};

struct PublishedImport {
  std::vector<PublishedFigure> figures;
  std::vector<Problem> problems;
};

// `areas` are the coalition's codes (gemeente, wijken, buurten); `source` is used for rows
// without one; `model_based` marks every figure of the file.
PublishedImport parse_published_figures(std::string_view bytes, const std::set<std::string>& areas,
                                        const std::string& source, bool model_based);

}  // namespace kompas::domain
