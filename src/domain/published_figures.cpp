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
  const auto code =
      column_of(table, {"gebiedscode", "code", "gwb_code", "wijkcode", "buurtcode", "regiocode"});
  const auto indicator = column_of(table, {"indicator", "uitkomst"});
  const auto year = column_of(table, {"jaar", "year", "perioden"});
  const auto value = column_of(table, {"waarde", "percentage", "value"});
  const auto low = column_of(table, {"ondergrens", "ci_low"});
  const auto high = column_of(table, {"bovengrens", "ci_high"});
  const auto source_column = column_of(table, {"bron", "source"});
  auto missing = [&](const char* expected) {
    add_problem(problems,
                Problem{table.header_line, 0, "figures.missing_column", {{"expected", expected}}});
  };
  if (!code) missing("gebiedscode, code, gwb_code");
  if (!indicator) missing("indicator, uitkomst");
  if (!year) missing("jaar, year");
  if (!value) missing("waarde, percentage");
  if (!problems.empty()) return result;

  std::map<std::string, std::size_t> first_line;  // area|indicator|year|source -> line
  for (const auto& row : table.rows) {
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
    f.area_code = upper_ascii(cell(code));
    f.indicator = lower_ascii(cell(indicator));
    f.source = source_column && !cell(source_column).empty() ? cell(source_column) : source;
    if (!areas.contains(f.area_code)) fail(code, "figures.unknown_area", {{"value", cell(code)}});
    if (!known_indicators.contains(f.indicator))
      fail(indicator, "figures.bad_indicator", {{"value", cell(indicator)}});
    const auto parsed_year = read_number(cell(year)).number;
    if (!parsed_year || !parsed_year->is_whole() || parsed_year->whole < 1990 ||
        parsed_year->whole > 2100) {
      fail(year, "figures.bad_year", {{"value", cell(year)}});
    } else {
      f.year = static_cast<int>(parsed_year->whole);
    }
    const auto reading = read_number(cell(value), NumberStyle::dutch, true);
    const auto v = proportion(reading);
    if (!v)
      fail(value, number_problem(reading, "figures.bad_percentage").c_str(),
           {{"value", cell(value)}});
    if (v) f.value = *v;
    const std::string low_text = cell(low), high_text = cell(high);
    if (!low_text.empty() || !high_text.empty()) {
      f.low = proportion(read_number(low_text, NumberStyle::dutch, true));
      f.high = proportion(read_number(high_text, NumberStyle::dutch, true));
      if (!f.low || !f.high || (v && (*f.low > *v || *f.high < *v)))
        fail(low, "figures.bad_interval");
    }
    if (f.source.empty()) fail(source_column, "figures.missing_source");
    const std::string key =
        f.area_code + "|" + f.indicator + "|" + std::to_string(f.year) + "|" + f.source;
    if (ok) {
      const auto [it, added] = first_line.emplace(key, row.line);
      if (!added)
        fail(std::nullopt, "figures.duplicate", {{"first_line", std::to_string(it->second)}});
    }
    if (problems_full(problems)) break;
    if (ok) result.figures.push_back(std::move(f));
  }
  if (problems.empty() && result.figures.empty())
    add_problem(problems, Problem{0, 0, "figures.no_rows", {}});
  if (!problems.empty()) result.figures.clear();  // all or nothing
  return result;
}

}  // namespace kompas::domain
