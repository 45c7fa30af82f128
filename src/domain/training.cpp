#include "domain/training.h"

#include <algorithm>

#include "domain/csv.h"
#include "domain/dates.h"
#include "domain/text.h"
#include "domain/text_limits.h"

namespace kompas::domain {
namespace {

constexpr std::string_view kNeverEnds = "9999-12-31";

void check_text(FieldErrors& errors, const char* field, const std::string& text, std::size_t max,
                bool needed) {
  if (needed && trim(text).empty()) errors[field] = "error.required";
  check_length(errors, field, text, max);
}

}  // namespace

const std::vector<FrontlineRole>& default_frontline_roles() {
  static const std::vector<FrontlineRole> roles = {
      {"huismeester", "Huismeester of klusjesman", "Caretaker or handyman"},
      {"sociaal_werker", "Sociaal werker", "Social worker"},
      {"wijkverpleegkundige", "Wijkverpleegkundige", "District nurse"},
      {"vrijwilliger", "Vrijwilliger", "Volunteer"},
      {"baliemedewerker", "Baliemedewerker", "Front desk worker"},
      {"huisarts_poh", "Huisarts of praktijkondersteuner (POH)", "GP or practice nurse"}};
  return roles;
}

FieldErrors validate(const Training& t) {
  FieldErrors errors;
  check_text(errors, "title", t.title, text_limit::name, true);
  check_text(errors, "provider", t.provider, text_limit::name, false);
  check_text(errors, "modules", t.modules, text_limit::text, false);
  if (!(t.hours >= 0 && t.hours <= 1000)) errors["hours"] = "training.error_hours";
  if (t.valid_months < 0 || t.valid_months > 120) errors["valid_months"] = "training.error_valid";
  return errors;
}

FieldErrors validate(const TrainingSession& s) {
  FieldErrors errors;
  if (!is_valid_date(s.date)) errors["date"] = s.date.empty() ? "error.required" : "error.date";
  check_text(errors, "place", s.place, text_limit::name, false);
  check_text(errors, "trainer", s.trainer, text_limit::name, false);
  if (s.capacity < 0 || s.capacity > 10000) errors["capacity"] = "training.error_capacity";
  return errors;
}

FieldErrors validate(const Participant& p) {
  FieldErrors errors;
  check_text(errors, "name", p.name, text_limit::name, true);
  if (p.partner_id <= 0) errors["partner_id"] = "error.choose";
  if (p.role.empty()) errors["role"] = "error.choose";
  return errors;
}

FieldErrors validate(const FrontlineCount& c) {
  FieldErrors errors;
  if (c.partner_id <= 0) errors["partner_id"] = "error.choose";
  if (c.role.empty()) errors["role"] = "error.choose";
  if (c.count < 0 || c.count > 100000) errors["count"] = "training.error_count";
  return errors;
}

std::map<long long, std::string> valid_until(const std::vector<Attendance>& attended,
                                             std::string_view as_of) {
  std::map<long long, std::string> until;
  for (const auto& a : attended) {
    if (a.date > as_of) continue;
    const auto end =
        a.valid_months == 0 ? std::string(kNeverEnds) : add_months(a.date, a.valid_months);
    auto& best = until[a.participant_id];
    best = std::max(best, end);
  }
  return until;
}

std::optional<double> CoverageCell::percent() const {
  if (total == 0) return std::nullopt;
  return 100.0 * trained / total;
}

void CoverageCell::add(const CoverageCell& other) {
  trained += other.trained;
  total += other.total;
}

Coverage coverage(const std::vector<Participant>& participants,
                  const std::map<long long, std::string>& valid_until,
                  const std::vector<FrontlineCount>& counts, std::string_view as_of) {
  using Key = std::pair<long long, std::string>;
  std::map<Key, int> stated, trained;
  std::map<std::pair<Key, std::string>, int> stated_in_wijk, trained_in_wijk;
  for (const auto& c : counts) {
    stated[{c.partner_id, c.role}] += c.count;
    if (!c.wijk_code.empty()) stated_in_wijk[{{c.partner_id, c.role}, c.wijk_code}] += c.count;
  }
  for (const auto& p : participants) {
    const auto until = valid_until.find(p.id);
    if (until == valid_until.end() || until->second < as_of) continue;
    ++trained[{p.partner_id, p.role}];
    if (!p.wijk_code.empty()) ++trained_in_wijk[{{p.partner_id, p.role}, p.wijk_code}];
  }
  Coverage result;
  std::set<Key> keys;
  for (const auto& [key, n] : stated) keys.insert(key);
  for (const auto& [key, n] : trained) keys.insert(key);
  for (const auto& key : keys) {
    const int t = trained.contains(key) ? trained.at(key) : 0;
    const int s = stated.contains(key) ? stated.at(key) : 0;
    if (t > s) result.stated_too_low.insert(key);
    const CoverageCell cell{t, std::max(s, t)};
    result.by_partner_role[key] = cell;
    result.by_partner[key.first].add(cell);
    result.by_role[key.second].add(cell);
    result.overall.add(cell);
  }
  std::set<std::pair<Key, std::string>> wijk_keys;
  for (const auto& [key, n] : stated_in_wijk) wijk_keys.insert(key);
  for (const auto& [key, n] : trained_in_wijk) wijk_keys.insert(key);
  std::map<Key, CoverageCell> in_wijken;  // per partner and role: what the wijken hold
  for (const auto& key : wijk_keys) {
    const int t = trained_in_wijk.contains(key) ? trained_in_wijk.at(key) : 0;
    const int s = stated_in_wijk.contains(key) ? stated_in_wijk.at(key) : 0;
    result.by_wijk[key.second].add({t, std::max(s, t)});
    in_wijken[key.first].add({t, s});
  }
  // Who works in no one wijk: stated or trained for the whole gemeente, or without a wijk.
  for (const auto& key : keys) {
    const auto& placed = in_wijken[key];
    const int t = std::max(0, (trained.contains(key) ? trained.at(key) : 0) - placed.trained);
    const int s = std::max(0, (stated.contains(key) ? stated.at(key) : 0) - placed.total);
    if (t > 0 || s > 0) result.by_wijk[""].add({t, std::max(s, t)});
  }
  return result;
}

RefresherList refreshers(const std::map<long long, std::string>& valid_until,
                         std::string_view as_of, int months) {
  const auto horizon = add_months(as_of, months);
  std::vector<std::pair<std::string, long long>> soon, ended;
  for (const auto& [id, until] : valid_until) {
    if (until < as_of)
      ended.emplace_back(until, id);
    else if (until <= horizon)
      soon.emplace_back(until, id);
  }
  std::sort(soon.begin(), soon.end());
  std::sort(ended.begin(), ended.end(), std::greater<>());  // most recently ended first
  RefresherList list;
  for (const auto& [until, id] : soon) list.due_soon.push_back(id);
  for (const auto& [until, id] : ended) list.expired.push_back(id);
  return list;
}

std::map<int, double> yearly_coverage(const std::vector<Participant>& participants,
                                      const std::vector<Attendance>& attended,
                                      const std::vector<FrontlineCount>& counts,
                                      std::string_view today) {
  std::map<int, double> values;
  if (attended.empty()) return values;
  const auto first = std::min_element(attended.begin(), attended.end(),
                                      [](const auto& a, const auto& b) { return a.date < b.date; });
  const int from = std::stoi(first->date.substr(0, 4));
  const int to = std::stoi(std::string(today.substr(0, 4)));
  for (int year = from; year <= to; ++year) {
    const auto as_of = year == to ? std::string(today) : std::to_string(year) + "-12-31";
    const auto cover = coverage(participants, valid_until(attended, as_of), counts, as_of);
    if (const auto percent = cover.overall.percent()) values[year] = *percent;
  }
  return values;
}

AttendanceImport parse_attendance_csv(std::string_view bytes, const std::vector<NamedId>& partners,
                                      const std::vector<NamedCode>& roles,
                                      const std::vector<NamedCode>& wijken,
                                      std::optional<long long> only_partner) {
  AttendanceImport result;
  auto& problems = result.problems;
  const auto decoded = decode_text(bytes);
  if (decoded.problem) {
    problems.push_back(*decoded.problem);
    return result;
  }
  const auto table = parse_csv(decoded.text, problems, {.max_columns = 20, .max_rows = 5000});
  if (!problems.empty()) return result;
  const auto name = column_of(table, {"naam", "name"});
  const auto partner = column_of(table, {"organisatie", "partner", "organization"});
  const auto role = column_of(table, {"rol", "role", "functie"});
  const auto wijk = column_of(table, {"wijk", "district"});
  for (const auto& [column, expected] :
       {std::pair{name, "naam"}, std::pair{partner, "organisatie"}, std::pair{role, "rol"}})
    if (!column)
      add_problem(problems,
                  {table.header_line, 0, "attendance.missing_column", {{"expected", expected}}});
  if (!problems.empty()) return result;

  std::map<std::string, std::size_t> first_line;  // folded name and partner
  for (const auto& row : table.rows) {
    auto cell = [&](std::optional<std::size_t> c) {
      return c ? trim(row.fields[*c]) : std::string();
    };
    if (cell(name).empty() && cell(partner).empty() && cell(role).empty()) continue;
    bool ok = true;
    auto fail = [&](std::optional<std::size_t> c, const char* code, std::string value = "") {
      ok = false;
      std::map<std::string, std::string> params{{"value", std::move(value)}};
      if (c) params.emplace("column_name", table.header[*c]);
      add_problem(problems, {row.line, c ? *c + 1 : 0, code, std::move(params)});
    };
    Participant p;
    p.name = cell(name);
    if (p.name.empty()) fail(name, "attendance.no_name");
    if (utf8_length(p.name) > text_limit::name) fail(name, "attendance.too_long");
    const auto folded_partner = fold_for_matching(cell(partner));
    for (const auto& candidate : partners)
      if (fold_for_matching(candidate.name) == folded_partner) p.partner_id = candidate.id;
    if (p.partner_id == 0)
      fail(partner, "attendance.unknown_partner", cell(partner));
    else if (only_partner && p.partner_id != *only_partner)
      fail(partner, "attendance.not_your_partner", cell(partner));
    const auto folded_role = fold_for_matching(cell(role));
    for (const auto& candidate : roles)
      if (fold_for_matching(candidate.name) == folded_role || candidate.code == folded_role)
        p.role = candidate.code;
    if (p.role.empty()) fail(role, "attendance.unknown_role", cell(role));
    if (const auto typed = cell(wijk); !typed.empty()) {
      const auto folded = fold_for_matching(typed);
      for (const auto& candidate : wijken)
        if (fold_for_matching(candidate.name) == folded || lower_ascii(candidate.code) == folded)
          p.wijk_code = candidate.code;
      if (p.wijk_code.empty()) fail(wijk, "attendance.unknown_wijk", typed);
    }
    if (ok) {
      const auto key = fold_for_matching(p.name) + "|" + std::to_string(p.partner_id);
      const auto [it, added] = first_line.emplace(key, row.line);
      if (!added) fail(std::nullopt, "attendance.duplicate", std::to_string(it->second));
    }
    if (problems_full(problems)) break;
    if (ok) result.participants.push_back(std::move(p));
  }
  if (problems.empty() && result.participants.empty())
    add_problem(problems, {0, 0, "attendance.no_rows", {}});
  if (!problems.empty()) result.participants.clear();
  return result;
}

}  // namespace kompas::domain
