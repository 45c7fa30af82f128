#include "store/surveys_store.h"

#include <cmath>
#include <limits>

#include "domain/text.h"

namespace kompas::store {
namespace {

constexpr std::size_t batch = 10'000;

// SOCI binds a NULL through an indicator next to the value.
soci::indicator present(bool ok) {
  return ok ? soci::i_ok : soci::i_null;
}

void read_survey_row(Survey& s, const std::string& instrument, int weighted, int stratified,
                     int age_from, soci::indicator from_ind, int age_to, soci::indicator to_ind) {
  s.instrument = domain::parse_scale(instrument).value_or(domain::Scale::djg11);
  s.weighted = weighted != 0;
  s.stratified = stratified != 0;
  s.age_from = from_ind == soci::i_ok ? std::optional(age_from) : std::nullopt;
  s.age_to = to_ind == soci::i_ok ? std::optional(age_to) : std::nullopt;
}

std::vector<Survey> select_surveys(soci::session& sql, long long coalition_id,
                                   std::optional<long long> id) {
  Survey s;
  std::string instrument;
  int weighted = 0, stratified = 0, age_from = 0, age_to = 0;
  soci::indicator from_ind = soci::i_null, to_ind = soci::i_null;
  const long long only = id.value_or(0);
  std::vector<Survey> found;
  auto st = select_rows(
      sql,
      "SELECT id, name, year, instrument, source, age_from, age_to, age_bands, respondents, "
      "weighted, stratified, created_at FROM surveys WHERE coalition_id = :c AND (:id = 0 OR "
      "id = :id2) ORDER BY year DESC, id DESC",
      soci::use(coalition_id), soci::use(only), soci::use(only), soci::into(s.id),
      soci::into(s.name), soci::into(s.year), soci::into(instrument), soci::into(s.source),
      soci::into(age_from, from_ind), soci::into(age_to, to_ind), soci::into(s.age_bands),
      soci::into(s.respondents), soci::into(weighted), soci::into(stratified),
      soci::into(s.created_at));
  while (st.fetch()) {
    read_survey_row(s, instrument, weighted, stratified, age_from, from_ind, age_to, to_ind);
    found.push_back(s);
  }
  return found;
}

// The respondents in batches: SOCI sends each batch as one bulk statement.
void save_respondents(Change& change, long long survey_id, const domain::SurveyData& data,
                      const domain::SurveyColumns& columns,
                      const std::function<void(std::size_t, std::size_t)>& progress) {
  const std::size_t n = data.respondents;
  std::vector<long long> ids, numbers;
  std::vector<std::string> areas, sexes, strata, answers;
  std::vector<int> ages;
  std::vector<double> weights;
  std::vector<soci::indicator> area_ind, sex_ind, stratum_ind, age_ind;
  auto value = [&](std::optional<std::size_t> column, std::size_t r, std::string& out) {
    if (!column) return false;
    const auto& group = data.groups[*column];
    if (group.ids[r] == domain::CategoryColumn::no_value) return false;
    out = group.values[group.ids[r]];
    return true;
  };
  for (std::size_t start = 0; start < n; start += batch) {
    const std::size_t end = std::min(n, start + batch);
    const std::size_t size = end - start;
    for (auto* v : {&ids, &numbers}) v->resize(size);
    for (auto* v : {&areas, &sexes, &strata, &answers}) v->assign(size, std::string());
    for (auto* v : {&area_ind, &sex_ind, &stratum_ind, &age_ind}) v->assign(size, soci::i_null);
    ages.assign(size, 0);
    weights.assign(size, 1.0);
    for (std::size_t i = 0; i < size; ++i) {
      const std::size_t r = start + i;
      ids[i] = survey_id;
      numbers[i] = static_cast<long long>(r + 1);
      area_ind[i] = present(value(columns.area, r, areas[i]));
      sex_ind[i] = present(value(columns.sex, r, sexes[i]));
      if (!data.strata.ids.empty()) {
        strata[i] = data.strata.values[data.strata.ids[r]];
        stratum_ind[i] = soci::i_ok;
      }
      if (!data.ages.empty() && data.ages[r] >= 0) {
        ages[i] = data.ages[r];
        age_ind[i] = soci::i_ok;
      }
      if (!data.weights.empty()) weights[i] = data.weights[r];
      std::string& a = answers[i];
      a.resize(data.items);
      for (std::size_t k = 0; k < data.items; ++k)
        a[k] = static_cast<char>('0' + data.answers[r * data.items + k]);
    }
    change.sql() << "INSERT INTO survey_respondents (survey_id, number, area_code, age, sex, "
                    "weight, stratum, answers) VALUES (:s, :n, :a, :g, :x, :w, :t, :ans)",
        soci::use(ids), soci::use(numbers), soci::use(areas, area_ind), soci::use(ages, age_ind),
        soci::use(sexes, sex_ind), soci::use(weights), soci::use(strata, stratum_ind),
        soci::use(answers);
    if (progress) progress(end, n);
  }
}

double stored(double value) {
  return std::isnan(value) ? 0 : value;
}

void save_estimates(Change& change, long long survey_id,
                    const std::vector<domain::BreakdownRow>& rows) {
  for (const auto& row : rows) {
    const auto& e = row.estimate;
    const long long n = static_cast<long long>(e.n);
    // Figures that do not exist (no respondents, no interval) are stored as NULL.
    soci::indicator est = present(!std::isnan(e.estimate)), ci = present(!std::isnan(e.ci_low));
    double values[5] = {stored(e.estimate), stored(e.se), stored(e.ci_low), stored(e.ci_high),
                        stored(e.n_eff)};
    change.sql() << "INSERT INTO survey_estimates (survey_id, breakdown, area_code, age_band, "
                    "sex, indicator, n, estimate, se, ci_low, ci_high, n_eff) VALUES (:s, :b, "
                    ":a, :g, :x, :i, :n, :e, :se, :lo, :hi, :ne)",
        soci::use(survey_id), soci::use(row.breakdown), soci::use(row.area_code),
        soci::use(row.age_band), soci::use(row.sex), soci::use(row.indicator), soci::use(n),
        soci::use(values[0], est), soci::use(values[1], est), soci::use(values[2], ci),
        soci::use(values[3], ci), soci::use(values[4], est);
  }
}

}  // namespace

nlohmann::json to_json(const Survey& s) {
  auto optional = [](const std::optional<int>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json();
  };
  return {{"name", s.name},
          {"year", s.year},
          {"instrument", std::string(domain::scale_name(s.instrument))},
          {"source", s.source},
          {"age_from", optional(s.age_from)},
          {"age_to", optional(s.age_to)},
          {"age_bands", s.age_bands},
          {"respondents", s.respondents},
          {"weighted", s.weighted},
          {"stratified", s.stratified}};
}

std::vector<Survey> list_surveys(soci::session& sql, long long coalition_id) {
  return select_surveys(sql, coalition_id, std::nullopt);
}

std::optional<Survey> find_survey(soci::session& sql, long long coalition_id, long long id) {
  if (id <= 0) return std::nullopt;
  auto found = select_surveys(sql, coalition_id, id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::map<std::string, std::string> wijk_of_buurt(soci::session& sql, long long coalition_id) {
  std::map<std::string, std::string> map;
  std::string code, parent;
  auto st = select_rows(sql,
                        "SELECT code, parent_code FROM areas WHERE coalition_id = :c AND "
                        "level = 'buurt'",
                        soci::use(coalition_id), soci::into(code), soci::into(parent));
  while (st.fetch()) map[code] = parent;
  return map;
}

long long save_survey(Change& change, Survey s, const domain::SurveyData& data,
                      const domain::SurveyColumns& columns,
                      const std::function<void(std::size_t, std::size_t)>& progress) {
  const auto coalition_id = change.actor().coalition_id;
  s.respondents = static_cast<long long>(data.respondents);
  s.weighted = !data.weights.empty();
  s.stratified = !data.strata.ids.empty();
  s.created_at = now_seconds();
  const std::string instrument(domain::scale_name(s.instrument));
  const int weighted = s.weighted, stratified = s.stratified;
  int age_from = s.age_from.value_or(0), age_to = s.age_to.value_or(0);
  soci::indicator from_ind = present(s.age_from.has_value()),
                  to_ind = present(s.age_to.has_value());
  long long id = 0;
  change.sql() << "INSERT INTO surveys (coalition_id, name, year, instrument, source, age_from, "
                  "age_to, age_bands, respondents, weighted, stratified, created_at) VALUES (:c, "
                  ":n, :y, :i, :s, :af, :at, :ab, :r, :w, :st, :t) RETURNING id",
      soci::use(coalition_id), soci::use(s.name), soci::use(s.year), soci::use(instrument),
      soci::use(s.source), soci::use(age_from, from_ind), soci::use(age_to, to_ind),
      soci::use(s.age_bands), soci::use(s.respondents), soci::use(weighted), soci::use(stratified),
      soci::use(s.created_at), soci::into(id);
  save_respondents(change, id, data, columns, progress);
  save_estimates(
      change, id,
      domain::survey_breakdowns(data, columns, wijk_of_buurt(change.sql(), coalition_id)));
  change.record("aanmaken", "meting", std::to_string(id), s.name, nullptr, to_json(s));
  return id;
}

void delete_survey(Change& change, const Survey& survey) {
  const auto coalition_id = change.actor().coalition_id;
  // Children first: PostgreSQL and SQLite would cascade, but explicit is cheaper to read.
  change.sql() << "DELETE FROM survey_estimates WHERE survey_id = :s", soci::use(survey.id);
  change.sql() << "DELETE FROM survey_respondents WHERE survey_id = :s", soci::use(survey.id);
  change.sql() << "DELETE FROM surveys WHERE id = :s AND coalition_id = :c", soci::use(survey.id),
      soci::use(coalition_id);
  change.record("verwijderen", "meting", std::to_string(survey.id), survey.name, to_json(survey),
                nullptr);
}

int min_cell_size(soci::session& sql, long long coalition_id) {
  int size = 50;
  sql << "SELECT min_cell_size FROM coalitions WHERE id = :c", soci::use(coalition_id),
      soci::into(size);
  return size;
}

std::vector<StoredEstimate> survey_estimates(soci::session& sql, long long survey_id) {
  StoredEstimate row;
  long long n = 0;
  double values[5] = {0, 0, 0, 0, 0};
  soci::indicator ind[5] = {soci::i_null, soci::i_null, soci::i_null, soci::i_null, soci::i_null};
  std::vector<StoredEstimate> rows;
  auto st = select_rows(
      sql,
      "SELECT breakdown, area_code, age_band, sex, indicator, n, estimate, se, ci_low, ci_high, "
      "n_eff FROM survey_estimates WHERE survey_id = :s ORDER BY breakdown, area_code, age_band, "
      "sex",
      soci::use(survey_id), soci::into(row.breakdown), soci::into(row.area_code),
      soci::into(row.age_band), soci::into(row.sex), soci::into(row.indicator), soci::into(n),
      soci::into(values[0], ind[0]), soci::into(values[1], ind[1]), soci::into(values[2], ind[2]),
      soci::into(values[3], ind[3]), soci::into(values[4], ind[4]));
  constexpr double missing = std::numeric_limits<double>::quiet_NaN();
  while (st.fetch()) {
    auto& e = row.estimate;
    e.n = static_cast<std::size_t>(n);
    double* fields[5] = {&e.estimate, &e.se, &e.ci_low, &e.ci_high, &e.n_eff};
    for (int i = 0; i < 5; ++i) *fields[i] = ind[i] == soci::i_ok ? values[i] : missing;
    rows.push_back(row);
  }
  return rows;
}

bool survey_exists(soci::session& sql, long long coalition_id, const std::string& name, int year) {
  for (const auto& other : list_surveys(sql, coalition_id))
    if (other.year == year && domain::lower_ascii(other.name) == domain::lower_ascii(name))
      return true;
  return false;
}

}  // namespace kompas::store
