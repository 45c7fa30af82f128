#include "domain/published_figures.h"

#include <map>

#include "domain/areas.h"
#include "domain/csv.h"
#include "domain/numbers.h"
#include "domain/text.h"

namespace kompas::domain {

namespace {

const std::set<std::string> known_indicators = {"eenzaam", "ernstig_eenzaam", "sterk_eenzaam",
                                                "emotioneel_eenzaam", "sociaal_eenzaam"};

std::optional<double> proportion(const NumberReading& reading) {
  const auto& number = reading.number;
  if (!number || number->negative) return std::nullopt;
  const double value = number->value();
  if (value > 100) return std::nullopt;
  return value / 100;
}

}  // namespace

namespace {

struct FigureColumns {
  std::optional<std::size_t> code, indicator, year, value, low, high, source;
};

// The columns by their names or aliases; nothing (and the problems) without the required ones.
std::optional<FigureColumns> figure_columns(const CsvTable& table, std::vector<Problem>& problems) {
  FigureColumns col;
  col.code =
      column_of(table, {"gebiedscode", "code", "gwb_code", "wijkcode", "buurtcode", "regiocode"});
  col.indicator = column_of(table, {"indicator", "uitkomst"});
  col.year = column_of(table, {"jaar", "year", "perioden"});
  col.value = column_of(table, {"waarde", "percentage", "value"});
  col.low = column_of(table, {"ondergrens", "ci_low"});
  col.high = column_of(table, {"bovengrens", "ci_high"});
  col.source = column_of(table, {"bron", "source"});
  auto missing = [&](const char* expected) {
    add_problem(problems,
                Problem{table.header_line, 0, "figures.missing_column", {{"expected", expected}}});
  };
  if (!col.code) missing("gebiedscode, code, gwb_code");
  if (!col.indicator) missing("indicator, uitkomst");
  if (!col.year) missing("jaar, year");
  if (!col.value) missing("waarde, percentage");
  if (!problems.empty()) return std::nullopt;
  return col;
}

// One row as a figure; nothing when it has a problem (added to problems).
std::optional<PublishedFigure> read_figure(const CsvTable& table, const CsvRow& row,
                                           const FigureColumns& col,
                                           const std::set<std::string>& areas,
                                           const std::string& source, bool model_based,
                                           std::vector<Problem>& problems) {
  auto cell = [&](std::optional<std::size_t> c) {
    return c ? std::string(trim_view(row.fields[*c])) : std::string();
  };
  bool ok = true;
  auto fail = [&](std::optional<std::size_t> c, const char* problem_code,
                  std::map<std::string, std::string> params = {}) {
    ok = false;
    if (c) params.emplace("column_name", table.header[*c]);
    add_problem(problems, Problem{row.line, c ? *c + 1 : 0, problem_code, std::move(params)});
  };
  PublishedFigure f;
  f.model_based = model_based;
  f.area_code = upper_ascii(cell(col.code));
  f.indicator = lower_ascii(cell(col.indicator));
  f.source = col.source && !cell(col.source).empty() ? cell(col.source) : source;
  if (!areas.contains(f.area_code))
    fail(col.code, "figures.unknown_area", {{"value", cell(col.code)}});
  if (!known_indicators.contains(f.indicator))
    fail(col.indicator, "figures.bad_indicator", {{"value", cell(col.indicator)}});
  const auto parsed_year = read_number(cell(col.year)).number;
  if (!parsed_year || !parsed_year->is_whole() || parsed_year->whole < 1990 ||
      parsed_year->whole > 2100) {
    fail(col.year, "figures.bad_year", {{"value", cell(col.year)}});
  } else {
    f.year = static_cast<int>(parsed_year->whole);
  }
  const auto reading = read_number(cell(col.value), NumberStyle::dutch, true);
  const auto v = proportion(reading);
  if (!v)
    fail(col.value, number_problem(reading, "figures.bad_percentage").c_str(),
         {{"value", cell(col.value)}});
  if (v) f.value = *v;
  const std::string low_text = cell(col.low), high_text = cell(col.high);
  if (!low_text.empty() || !high_text.empty()) {
    f.low = proportion(read_number(low_text, NumberStyle::dutch, true));
    f.high = proportion(read_number(high_text, NumberStyle::dutch, true));
    if (!f.low || !f.high || (v && (*f.low > *v || *f.high < *v)))
      fail(col.low, "figures.bad_interval");
  }
  if (f.source.empty()) fail(col.source, "figures.missing_source");
  if (!ok) return std::nullopt;
  return f;
}

}  // namespace

PublishedImport parse_published_figures(std::string_view bytes, const std::set<std::string>& areas,
                                        const std::string& source, bool model_based) {
  PublishedImport result;
  auto& problems = result.problems;
  const auto decoded = decode_text(bytes);
  if (decoded.problem) {
    problems.push_back(*decoded.problem);
    return result;
  }
  const auto table = parse_csv(decoded.text, problems);
  if (!problems.empty()) return result;
  const auto col = figure_columns(table, problems);
  if (!col) return result;

  std::map<std::string, std::size_t> first_line;  // area|indicator|year|source -> line
  for (const auto& row : table.rows) {
    auto f = read_figure(table, row, *col, areas, source, model_based, problems);
    if (f) {
      const std::string key =
          f->area_code + "|" + f->indicator + "|" + std::to_string(f->year) + "|" + f->source;
      const auto [it, added] = first_line.emplace(key, row.line);
      if (!added) {
        add_problem(
            problems,
            Problem{
                row.line, 0, "figures.duplicate", {{"first_line", std::to_string(it->second)}}});
        f.reset();
      }
    }
    if (problems_full(problems)) break;
    if (f) result.figures.push_back(std::move(*f));
  }
  if (problems.empty() && result.figures.empty())
    add_problem(problems, Problem{0, 0, "figures.no_rows", {}});
  if (!problems.empty()) result.figures.clear();  // all or nothing
  return result;
}

}  // namespace kompas::domain
