#include "domain/indicator_values_csv.h"

#include <charconv>

#include "domain/csv.h"
#include "domain/numbers.h"
#include "domain/text.h"
#include "domain/year_values.h"

namespace kompas::domain {
namespace {

template <typename Number>
std::optional<Number> whole_number(std::string_view text) {
  Number n{};
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return n;
}

}  // namespace

ValuesImport parse_indicator_values(std::string_view bytes,
                                    const std::map<long long, std::string>& units, int this_year) {
  ValuesImport result;
  auto& problems = result.problems;
  const auto decoded = decode_text(bytes);
  if (decoded.problem) {
    problems.push_back(*decoded.problem);
    return result;
  }
  const auto table = parse_csv(decoded.text, problems);
  if (!problems.empty()) return result;
  const auto indicator = column_of(table, {"indicator", "indicatornummer", "id"});
  const auto year = column_of(table, {"jaar", "year"});
  const auto value = column_of(table, {"waarde", "value"});
  const auto comment = column_of(table, {"toelichting", "comment"});
  const auto source = column_of(table, {"bron", "source"});
  auto missing = [&](const char* expected) {
    add_problem(problems,
                Problem{table.header_line, 0, "values.missing_column", {{"expected", expected}}});
  };
  if (!indicator) missing("indicator");
  if (!year) missing("jaar");
  if (!value) missing("waarde");
  if (!problems.empty()) return result;

  std::map<std::pair<long long, int>, std::size_t> first_line;
  for (const auto& row : table.rows) {
    auto cell = [&](std::optional<std::size_t> c) {
      return c ? std::string(trim_view(row.fields[*c])) : std::string();
    };
    // The template lists every indicator and year; rows left empty are simply not filled in.
    if (cell(value).empty() && cell(comment).empty() && cell(source).empty()) continue;
    bool ok = true;
    auto fail = [&](std::optional<std::size_t> c, const char* code,
                    std::map<std::string, std::string> params = {}) {
      ok = false;
      if (c) params.emplace("column_name", table.header[*c]);
      add_problem(problems, Problem{row.line, c ? *c + 1 : 0, code, std::move(params)});
    };
    ImportedValue v;
    const auto id = whole_number<long long>(cell(indicator));
    const auto unit = id ? units.find(*id) : units.end();
    if (unit == units.end())
      fail(indicator, "values.unknown_indicator", {{"value", cell(indicator)}});
    else
      v.indicator_id = *id;
    const auto y = whole_number<int>(cell(year));
    if (!y || *y < 1900 || *y > 2200)
      fail(year, "values.bad_year", {{"value", cell(year)}});
    else if (*y > this_year)
      fail(year, "values.future_year", {{"value", cell(year)}});
    else
      v.value.year = *y;
    const bool percentage = unit != units.end() && unit->second == "procent";
    const auto reading = read_number(cell(value), NumberStyle::dutch, percentage);
    if (!reading.number) {
      fail(value, number_problem(reading, "values.bad_value").c_str(), {{"value", cell(value)}});
    } else {
      v.value.value = reading.number->value();
      const auto problem =
          unit == units.end() ? FieldErrors{} : validate(v.value, unit->second, this_year);
      if (problem.count("value"))
        fail(value,
             problem.at("value") == "error.whole_number" ? "values.not_whole"
                                                         : "values.out_of_range",
             {{"value", cell(value)}});
    }
    v.value.comment = cell(comment);
    v.value.source = cell(source);
    if (v.value.comment.size() > 2000) fail(comment, "values.too_long");
    if (v.value.source.size() > 500) fail(source, "values.too_long");
    if (ok) {
      const auto [it, added] =
          first_line.emplace(std::pair{v.indicator_id, v.value.year}, row.line);
      if (!added)
        fail(std::nullopt, "values.duplicate", {{"first_line", std::to_string(it->second)}});
    }
    if (problems_full(problems)) break;
    if (ok) result.values.push_back(std::move(v));
  }
  if (problems.empty() && result.values.empty())
    add_problem(problems, Problem{0, 0, "values.no_rows", {}});
  if (!problems.empty()) result.values.clear();  // all or nothing
  return result;
}

}  // namespace kompas::domain
