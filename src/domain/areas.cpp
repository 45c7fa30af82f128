#include "domain/areas.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "domain/csv.h"
#include "domain/text.h"

namespace kompas::domain {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::size_t level_prefix_width(AreaLevel level) {
  switch (level) {
    case AreaLevel::gemeente:
      return 4;
    case AreaLevel::wijk:
      return 6;
    case AreaLevel::buurt:
      return 8;
  }
  return 0;
}

std::string_view level_prefix(AreaLevel level) {
  switch (level) {
    case AreaLevel::gemeente:
      return "GM";
    case AreaLevel::wijk:
      return "WK";
    case AreaLevel::buurt:
      return "BU";
  }
  return "";
}

// "Aantal inwoners (aantal)" -> "aantal_inwoners", "SoortRegio_2" -> "soortregio_2": StatLine
// exports use labels with spaces and units, the kwb files and OData use identifiers.
std::string column_key(std::string_view name) {
  std::string key;
  bool pending_separator = false;
  int depth = 0;
  for (char c : lower_ascii(trim_view(name))) {
    if (c == '(') {
      ++depth;
      pending_separator = true;
    } else if (c == ')') {
      if (depth > 0) --depth;
      pending_separator = true;
    } else if (depth > 0) {
      continue;
    } else if (is_digit(c) || (c >= 'a' && c <= 'z')) {
      if (pending_separator && !key.empty()) key.push_back('_');
      pending_separator = false;
      key.push_back(c);
    } else {
      pending_separator = true;
    }
  }
  return key;
}

// An alias ending in '#' also matches a numbered OData name: "codering#" fits "codering_3".
bool key_matches(std::string_view key, std::string_view alias) {
  if (!alias.ends_with('#')) return key == alias;
  alias.remove_suffix(1);
  if (key == alias) return true;
  return key.size() > alias.size() + 1 && key.starts_with(alias) && key[alias.size()] == '_' &&
         all_digits(key.substr(alias.size() + 1));
}

template <std::size_t N>
std::optional<std::size_t> find_column(const std::vector<std::string>& keys,
                                       const std::array<std::string_view, N>& aliases) {
  for (auto alias : aliases) {  // aliases in order of preference
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (key_matches(keys[i], alias)) return i;
    }
  }
  return std::nullopt;
}

template <std::size_t N>
std::string alias_list(const std::array<std::string_view, N>& aliases) {
  std::string out;
  for (auto alias : aliases) {
    if (alias.ends_with('#')) alias.remove_suffix(1);
    if (!out.empty()) out += ", ";
    out += alias;
  }
  return out;
}

// gwb_code_10 and gwb_code carry the prefix; gwb_code_8 is the bare number, so it comes last.
constexpr std::array<std::string_view, 6> code_aliases = {
    "gwb_code_10", "gwb_code", "codering#", "code", "wijkenenbuurten", "gwb_code_8"};
constexpr std::array<std::string_view, 5> name_aliases = {"regio", "gwb_naam", "wijken_en_buurten",
                                                          "naam", "name"};
constexpr std::array<std::string_view, 4> level_aliases = {"recs", "soort_regio", "soortregio#",
                                                           "niveau"};
constexpr std::array<std::string_view, 4> inhabitants_aliases = {"a_inw", "aantal_inwoners",
                                                                 "aantalinwoners#", "inwoners"};
constexpr std::array<std::string_view, 6> count_65_aliases = {
    "a_65_oo", "a_65_eo", "inwoners_65_plus", "inwoners_65plus", "inwoners_65", "k_65jaarofouder#"};
constexpr std::array<std::string_view, 2> percentage_65_aliases = {"p_65_eo_jr", "p_65_oo"};
constexpr std::array<std::string_view, 2> count_1p_aliases = {"a_1p_hh", "eenpersoonshuishoudens#"};
constexpr std::array<std::string_view, 1> percentage_1p_aliases = {"p_1p_hh"};
constexpr std::array<std::string_view, 4> households_aliases = {
    "a_hh", "huishoudenstotaal#", "aantal_huishoudens", "huishoudens"};

enum class LevelValue { gemeente, wijk, buurt, land, invalid };

LevelValue parse_level(std::string_view text) {
  const std::string v = lower_ascii(trim_view(text));
  if (v == "gemeente" || v == "gm") return LevelValue::gemeente;
  if (v == "wijk" || v == "wk") return LevelValue::wijk;
  if (v == "buurt" || v == "bu") return LevelValue::buurt;
  if (v == "land" || v == "nederland") return LevelValue::land;
  return LevelValue::invalid;
}

// CBS files for the whole country start with a row for Nederland, code NL00.
bool is_national_code(std::string_view code) {
  return code.size() > 2 && code.starts_with("NL") && all_digits(code.substr(2));
}

// Reads one row; owns the bookkeeping of problems for it.
class RowReader {
 public:
  RowReader(const CsvTable& table, const CsvRow& row, std::vector<Problem>& problems)
      : table_(table), row_(row), problems_(problems) {}

  std::string_view cell(std::optional<std::size_t> column) const {
    return column ? trim_view(row_.fields[*column]) : std::string_view{};
  }

  // Reports a problem in a cell; column may be absent for row-wide problems.
  void report(std::optional<std::size_t> column, std::string code,
              std::map<std::string, std::string> params) {
    ok_ = false;
    if (column) params.emplace("column_name", table_.header[*column]);
    if (!add_problem(problems_, Problem{row_.line, column ? *column + 1 : 0, std::move(code),
                                        std::move(params)})) {
      stop_ = true;
    }
  }

  std::optional<long long> count(std::optional<std::size_t> column) {
    const auto text = cell(column);
    if (is_unknown_value(text)) return std::nullopt;
    const auto reading = read_number(text);
    const auto& number = reading.number;
    if (!number) {
      report(column, number_problem(reading, "areas.bad_number"), {{"value", std::string(text)}});
    } else if (!number->is_whole()) {
      report(column, "areas.not_whole_number", {{"value", std::string(text)}});
    } else if (number->negative && number->whole != 0) {
      report(column, "areas.negative_number", {{"value", std::string(text)}});
    } else {
      return static_cast<long long>(number->whole);
    }
    return std::nullopt;
  }

  std::optional<DecimalNumber> percentage(std::optional<std::size_t> column) {
    const auto text = cell(column);
    if (is_unknown_value(text)) return std::nullopt;
    const auto reading = read_number(text, NumberStyle::dutch, true);
    const auto& number = reading.number;
    if (!number) {
      report(column, number_problem(reading, "areas.bad_number"), {{"value", std::string(text)}});
    } else if ((number->negative && (number->whole != 0 || number->fraction != 0)) ||
               number->whole > 100 || (number->whole == 100 && number->fraction != 0)) {
      report(column, "areas.bad_percentage", {{"value", std::string(cell(column))}});
    } else {
      return number;
    }
    return std::nullopt;
  }

  bool ok() const { return ok_; }
  bool stop() const { return stop_; }

 private:
  const CsvTable& table_;
  const CsvRow& row_;
  std::vector<Problem>& problems_;
  bool ok_ = true;
  bool stop_ = false;
};

struct Columns {
  std::optional<std::size_t> code, name, level, inhabitants, count_65, percentage_65, count_1p,
      percentage_1p, households;
};

}  // namespace

std::string area_level_name(AreaLevel level) {
  switch (level) {
    case AreaLevel::gemeente:
      return "gemeente";
    case AreaLevel::wijk:
      return "wijk";
    case AreaLevel::buurt:
      return "buurt";
  }
  return "buurt";
}

std::string normalise_area_code(std::string_view code) {
  return upper_ascii(trim_view(code));
}

std::optional<AreaLevel> area_level(std::string_view code) {
  if (code.size() < 2) return std::nullopt;
  const auto prefix = code.substr(0, 2);
  const auto digits = code.substr(2);
  for (auto level : {AreaLevel::gemeente, AreaLevel::wijk, AreaLevel::buurt}) {
    if (prefix == level_prefix(level)) {
      if (digits.size() == level_prefix_width(level) && all_digits(digits)) {
        return level;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string parent_code(std::string_view code) {
  const auto level = area_level(code);
  if (level == AreaLevel::buurt) return "WK" + std::string(code.substr(2, 6));
  if (level == AreaLevel::wijk) return "GM" + std::string(code.substr(2, 4));
  return "";
}

bool belongs_to_gemeente(std::string_view code, std::string_view gm_code) {
  return area_level(gm_code) == AreaLevel::gemeente && area_level(code).has_value() &&
         code.substr(2, 4) == gm_code.substr(2, 4);
}

bool is_unknown_value(std::string_view text) {
  text = trim_view(text);
  return text.empty() || text == "." || text == "-" || text == "x" || text == "X" || text == "?";
}

namespace {

// The columns by their CBS names or aliases; nothing (and the problems) without the required ones.
std::optional<Columns> find_columns(const CsvTable& table, std::vector<Problem>& problems) {
  std::vector<std::string> keys;
  keys.reserve(table.header.size());
  for (const auto& name : table.header) keys.push_back(column_key(name));
  Columns col;
  col.code = find_column(keys, code_aliases);
  col.name = find_column(keys, name_aliases);
  col.level = find_column(keys, level_aliases);
  col.inhabitants = find_column(keys, inhabitants_aliases);
  col.count_65 = find_column(keys, count_65_aliases);
  col.percentage_65 = find_column(keys, percentage_65_aliases);
  col.count_1p = find_column(keys, count_1p_aliases);
  col.percentage_1p = find_column(keys, percentage_1p_aliases);
  col.households = find_column(keys, households_aliases);

  bool header_ok = true;
  auto header_problem = [&](std::string code, std::map<std::string, std::string> params) {
    header_ok = false;
    add_problem(problems, Problem{table.header_line, 0, std::move(code), std::move(params)});
  };
  if (!col.code)
    header_problem("areas.missing_code_column", {{"expected", alias_list(code_aliases)}});
  if (!col.name)
    header_problem("areas.missing_name_column", {{"expected", alias_list(name_aliases)}});
  if (col.percentage_1p && !col.households)
    header_problem("areas.missing_household_column",
                   {{"column", table.header[*col.percentage_1p]},
                    {"expected", alias_list(households_aliases)}});
  if (!header_ok) return std::nullopt;
  return col;
}

// The level a row states in its own column ("Gemeente", "Wijk", "Buurt", "Land"), if any.
struct StatedLevel {
  std::string_view text;
  std::optional<AreaLevel> level;
  bool national = false, invalid = false;
};

StatedLevel read_stated_level(RowReader& r, const Columns& col) {
  StatedLevel stated{r.cell(col.level), {}, false, false};
  if (stated.text.empty()) return stated;
  switch (parse_level(stated.text)) {
    case LevelValue::gemeente:
      stated.level = AreaLevel::gemeente;
      break;
    case LevelValue::wijk:
      stated.level = AreaLevel::wijk;
      break;
    case LevelValue::buurt:
      stated.level = AreaLevel::buurt;
      break;
    case LevelValue::land:
      stated.national = true;
      break;
    case LevelValue::invalid:
      stated.invalid = true;
      break;
  }
  return stated;
}

// The figures of a row. A count beats a percentage: it is what CBS counted, the percentage is
// rounded. More 65-plussers or one-person households than inhabitants is a problem.
AreaFigures read_figures(RowReader& r, const Columns& col, const std::string& code) {
  AreaFigures figures;
  figures.inhabitants = r.count(col.inhabitants);
  const auto count_65 = r.count(col.count_65);
  const auto percentage_65 = r.percentage(col.percentage_65);
  const auto households = r.count(col.households);
  const auto count_1p = r.count(col.count_1p);
  const auto percentage_1p = r.percentage(col.percentage_1p);
  figures.inhabitants_65plus = count_65;
  if (!count_65 && percentage_65 && figures.inhabitants)
    figures.inhabitants_65plus = percentage_of(*percentage_65, *figures.inhabitants);
  figures.one_person_households = count_1p;
  if (!count_1p && percentage_1p && households)
    figures.one_person_households = percentage_of(*percentage_1p, *households);
  if (figures.inhabitants && figures.inhabitants_65plus &&
      *figures.inhabitants_65plus > *figures.inhabitants)
    r.report(count_65 ? col.count_65 : col.percentage_65, "areas.more_65plus_than_inhabitants",
             {{"code", code},
              {"value", std::to_string(*figures.inhabitants_65plus)},
              {"inhabitants", std::to_string(*figures.inhabitants)}});
  if (figures.inhabitants && figures.one_person_households &&
      *figures.one_person_households > *figures.inhabitants)
    r.report(count_1p ? col.count_1p : col.percentage_1p,
             "areas.more_one_person_households_than_inhabitants",
             {{"code", code},
              {"value", std::to_string(*figures.one_person_households)},
              {"inhabitants", std::to_string(*figures.inhabitants)}});
  return figures;
}

// Reads the rows one by one, remembering what later checks need.
class AreaRows {
 public:
  AreaRows(const CsvTable& table, const Columns& col, std::string gemeente, AreaImport& result)
      : table_(table), col_(col), gemeente_(std::move(gemeente)), result_(result) {}

  // False when reading should stop: too many problems.
  bool read(const CsvRow& row) {
    RowReader r(table_, row, result_.problems);
    const auto stated = read_stated_level(r, col_);
    const auto raw_code = r.cell(col_.code);
    std::string code = upper_ascii(raw_code);
    if (stated.national || is_national_code(code)) {
      ++result_.skipped_other_gemeente;
      return true;
    }
    if (code.empty()) {
      r.report(col_.code, "areas.empty_code", {});
      return !r.stop();
    }
    auto level = area_level(code);
    if (!level && all_digits(code)) {
      // CBS gwb_code_8 is a bare number without leading zeros; the level gives the prefix.
      if (stated.invalid) {
        report_level(r, stated);  // the code cannot be placed without it; one problem is enough
      } else if (!stated.level) {
        r.report(col_.code, "areas.code_without_prefix", {{"value", std::string(raw_code)}});
      } else if (const auto width = level_prefix_width(*stated.level); code.size() <= width) {
        code =
            std::string(level_prefix(*stated.level)) + std::string(width - code.size(), '0') + code;
        level = stated.level;
      }
    }
    if (!level) {
      if (r.ok()) r.report(col_.code, "areas.bad_code", {{"value", std::string(raw_code)}});
      return !r.stop();
    }
    // Rows of other gemeenten are not checked further: CBS sends the whole country.
    if (!belongs_to_gemeente(code, gemeente_)) {
      ++result_.skipped_other_gemeente;
      return true;
    }
    ++rows_of_gemeente_;
    if (auto [it, inserted] = seen_.emplace(code, row.line); !inserted) {
      r.report(col_.code, "areas.duplicate_code",
               {{"code", code}, {"first_line", std::to_string(it->second)}});
      return !r.stop();
    }
    if (stated.invalid) {
      report_level(r, stated);
    } else if (stated.level && *stated.level != *level) {
      r.report(col_.level, "areas.level_mismatch",
               {{"code", code}, {"level", std::string(stated.text)}});
    }
    if (*level == AreaLevel::buurt) buurten_.push_back({code, row.line});
    const std::string name(r.cell(col_.name));
    if (name.empty()) {
      r.report(col_.name, "areas.empty_name", {{"code", code}});
    } else if (utf8_length(name) > max_area_name_length) {
      r.report(col_.name, "areas.name_too_long",
               {{"code", code}, {"max", std::to_string(max_area_name_length)}});
    }
    const auto figures = read_figures(r, col_, code);
    if (r.stop()) return false;
    if (r.ok())
      result_.areas.push_back(AreaRecord{code, name, *level, parent_code(code), figures, row.line});
    return true;
  }

  // Parents are checked after all rows, as a wijk may come after its buurten.
  void check_parents(const std::set<std::string>& existing_codes) {
    std::set<std::string> orphans;
    for (const auto& b : buurten_) {
      if (problems_full(result_.problems)) break;
      const auto parent = parent_code(b.code);
      if (seen_.contains(parent) || existing_codes.contains(parent)) continue;
      orphans.insert(b.code);
      add_problem(result_.problems, Problem{b.line,
                                            *col_.code + 1,
                                            "areas.unknown_parent",
                                            {{"code", b.code},
                                             {"parent", parent},
                                             {"column_name", table_.header[*col_.code]}}});
    }
    std::erase_if(result_.areas, [&](const AreaRecord& a) { return orphans.contains(a.code); });
  }

  std::size_t rows_of_gemeente() const { return rows_of_gemeente_; }

 private:
  void report_level(RowReader& r, const StatedLevel& stated) {
    r.report(col_.level, "areas.bad_level", {{"value", std::string(stated.text)}});
  }

  struct BuurtRef {
    std::string code;
    std::size_t line;
  };
  const CsvTable& table_;
  const Columns& col_;
  std::string gemeente_;
  AreaImport& result_;
  std::map<std::string, std::size_t> seen_;  // code -> line, for all rows of this gemeente
  std::vector<BuurtRef> buurten_;
  std::size_t rows_of_gemeente_ = 0;
};

}  // namespace

AreaImport parse_area_csv(std::string_view file_bytes, std::string_view gemeente_code,
                          const std::set<std::string>& existing_codes) {
  AreaImport result;
  auto& problems = result.problems;
  const std::string gemeente = normalise_area_code(gemeente_code);
  if (area_level(gemeente) != AreaLevel::gemeente) {
    add_problem(problems,
                Problem{0, 0, "areas.bad_gemeente_code", {{"value", std::string(gemeente_code)}}});
    return result;
  }
  auto decoded = decode_text(file_bytes);
  if (decoded.problem) {
    add_problem(problems, *decoded.problem);
    return result;
  }
  const CsvTable table = parse_csv(decoded.text, problems);
  if (table.header_line == 0) return result;
  const auto col = find_columns(table, problems);
  if (!col) return result;

  AreaRows rows(table, *col, gemeente, result);
  for (const auto& row : table.rows)
    if (problems_full(problems) || !rows.read(row)) break;
  rows.check_parents(existing_codes);

  // Only when everything else was fine: a row with a bad code may have been one of ours.
  if (rows.rows_of_gemeente() == 0 && table.complete && problems.empty())
    add_problem(problems, Problem{0,
                                  0,
                                  "areas.no_rows",
                                  {{"gemeente", gemeente},
                                   {"skipped", std::to_string(result.skipped_other_gemeente)}}});
  std::sort(result.areas.begin(), result.areas.end(), [](const auto& a, const auto& b) {
    return std::pair(a.level, a.code) < std::pair(b.level, b.code);
  });
  // People fix a file from top to bottom; problems without a line (the cap marker) stay last.
  std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
    const auto key = [](const Problem& p) { return p.line == 0 ? SIZE_MAX : p.line; };
    return key(a) < key(b);
  });
  return result;
}

}  // namespace kompas::domain
