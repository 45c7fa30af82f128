// Kwaliteit: how each activity scores on what is known to work. The overview lists the running
// activities with their latest check round; the questions page shows what the check asks, with
// the tips per score band, so a team knows what it will be asked before it starts.
#include <map>

#include "domain/dates.h"
#include "store/activities_store.h"
#include "store/areas_store.h"
#include "store/partners_store.h"
#include "store/quality_instruments_store.h"
#include "store/quality_rounds_store.h"
#include "web/kwaliteit/pages.h"
#include "web/ui/charts.h"

namespace kompas::web {
namespace {

// A check counts as recent for a year after it started.
constexpr int kRecentDays = 365;

// The newest round of each activity (list_rounds gives the newest first).
std::map<long long, domain::CheckRound> latest_rounds(soci::session& sql, long long coalition_id) {
  std::map<long long, domain::CheckRound> latest;
  for (auto& round : store::list_rounds(sql, coalition_id))
    latest.try_emplace(round.activity_id, std::move(round));
  return latest;
}

bool recent(const domain::CheckRound& round, const std::string& today) {
  return domain::days_between(local_date(round.started_at), today) <= kRecentDays;
}

// Whether the activity's newest round started within the past year.
bool checked_recently(const std::map<long long, domain::CheckRound>& latest, long long activity_id,
                      const std::string& today) {
  const auto round = latest.find(activity_id);
  return round != latest.end() && recent(round->second, today);
}

}  // namespace

domain::Instrument instrument_version(const Ctx& ctx, soci::session& sql, int version) {
  return ctx.app.computed().get<domain::Instrument>(
      "quality.instrument." + std::to_string(version), 0, [&] {
        auto instrument = store::find_instrument(sql, version);
        if (!instrument) throw std::runtime_error("instrument version missing");
        return *instrument;
      });
}

nlohmann::json round_summary(const Ctx& ctx, const domain::CheckRound& round,
                             const store::TeamCount& team, const std::string& today) {
  const bool open = domain::is_open(round, today);
  return {{"started", ctx.date(local_date(round.started_at))},
          {"state", open ? ctx.tf("quality.round_open_until", {{"date", ctx.date(round.ends_on)}})
                         : ctx.t("quality.round_closed")},
          {"team", ctx.tf("quality.team_count", {{"submitted", std::to_string(team.submitted)},
                                                 {"total", std::to_string(team.total)}})},
          {"old", !recent(round, today)}};
}

namespace {

void overview(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto coalition_id = ctx.coalition_id();
  const auto today = today_date();
  std::map<long long, std::string> partner_names;
  for (const auto& p : store::list_partners(sql, coalition_id)) partner_names[p.id] = p.name;
  const auto latest = latest_rounds(sql, coalition_id);
  const auto teams = store::team_counts(sql, coalition_id);
  nlohmann::json rows = nlohmann::json::array();
  std::size_t unchecked = 0;
  for (const auto& a : store::list_activities(sql, coalition_id)) {
    if (!domain::is_running(a)) continue;
    nlohmann::json row = {{"href", "/kwaliteit/activiteiten/" + std::to_string(a.id)},
                          {"name", a.name},
                          {"lead", a.lead_partner_id ? partner_names[*a.lead_partner_id] : ""}};
    const auto round = latest.find(a.id);
    if (round != latest.end()) {
      const auto team = teams.find(round->second.id);
      row["round"] = round_summary(ctx, round->second,
                                   team == teams.end() ? store::TeamCount{} : team->second, today);
    }
    if (!checked_recently(latest, a.id, today)) ++unchecked;
    rows.push_back(std::move(row));
  }
  ctx.page("kwaliteit/overview", ctx.t("quality.title"),
           {{"rows", rows},
            {"empty", rows.empty()},
            {"unchecked", unchecked == 0
                              ? nlohmann::json()
                              : nlohmann::json(ctx.tf("quality.unchecked",
                                                      {{"count", std::to_string(unchecked)}}))}});
}

// A grid of counts as a table beside its heat map: a row per element, a column per label.
nlohmann::json grid_table(const Ctx& ctx, const std::vector<std::string>& columns,
                          const std::vector<std::vector<int>>& counts) {
  nlohmann::json rows = nlohmann::json::array();
  const auto& elements = domain::effective_elements();
  for (std::size_t e = 0; e < elements.size(); ++e)
    rows.push_back({{"element", ctx.t("element." + elements[e])}, {"cells", counts[e]}});
  return {{"columns", columns}, {"rows", rows}};
}

// The coalition's quality picture: which effective elements the running activities use, per
// wijk and per degree (a zero is a gap), and the activities without a recent check.
void picture(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto coalition_id = ctx.coalition_id();
  const auto activities = store::list_activities(sql, coalition_id);
  std::vector<std::string> codes, wijken;
  for (const auto& area : store::list_areas(sql, coalition_id))
    if (area.level == domain::AreaLevel::wijk) {
      codes.push_back(area.code);
      wijken.push_back(area.name);
    }
  std::vector<std::string> elements, degrees;
  for (const auto& e : domain::effective_elements()) elements.push_back(ctx.t("element." + e));
  for (const auto& d : domain::loneliness_degrees()) degrees.push_back(ctx.t("degree." + d));
  const auto by_area = domain::elements_by_area(activities, codes);
  const auto by_degree = domain::elements_by_degree(activities);
  const auto today = today_date();
  const auto latest = latest_rounds(sql, coalition_id);
  nlohmann::json unchecked = nlohmann::json::array();
  for (const auto& a : activities) {
    if (domain::is_running(a) && !checked_recently(latest, a.id, today))
      unchecked.push_back(
          {{"name", a.name}, {"href", "/kwaliteit/activiteiten/" + std::to_string(a.id)}});
  }
  ctx.page("kwaliteit/picture", ctx.t("quality.picture_title"),
           {{"by_area_svg", heat_map_svg(elements, wijken, by_area, ctx.t("quality.by_area"),
                                         ctx.t("quality.heat_desc"))},
            {"by_area", grid_table(ctx, wijken, by_area)},
            {"has_wijken", !wijken.empty()},
            {"by_degree_svg", heat_map_svg(elements, degrees, by_degree, ctx.t("quality.by_degree"),
                                           ctx.t("quality.heat_desc"))},
            {"by_degree", grid_table(ctx, degrees, by_degree)},
            {"unchecked", unchecked},
            {"has_unchecked", !unchecked.empty()}});
}

void questions(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto instrument = store::latest_instrument(conn.sql());
  if (!instrument) not_found();
  nlohmann::json themes = nlohmann::json::array();
  int number = 0;
  for (const auto& theme : instrument->themes) {
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : theme.questions) {
      nlohmann::json tips = nlohmann::json::array();
      for (const auto band : {domain::Band::laag, domain::Band::midden, domain::Band::hoog})
        tips.push_back({{"band", ctx.t("quality.band." + domain::word(band))},
                        {"tip", in_language(ctx, q.tips[static_cast<std::size_t>(band)])}});
      questions.push_back({{"number", ++number},
                           {"code", q.code},
                           {"text", in_language(ctx, q.text)},
                           {"help", in_language(ctx, q.help)},
                           {"tips", tips}});
    }
    themes.push_back({{"title", in_language(ctx, theme.title)}, {"questions", questions}});
  }
  ctx.page("kwaliteit/questions", ctx.t("quality.questions_title"),
           {{"name", in_language(ctx, instrument->name)},
            {"version", instrument->version},
            {"themes", themes}});
}

}  // namespace

CheckCoverage check_coverage(soci::session& sql, long long coalition_id) {
  CheckCoverage coverage;
  const auto today = today_date();
  const auto latest = latest_rounds(sql, coalition_id);
  for (const auto& a : store::list_activities(sql, coalition_id)) {
    if (!domain::is_running(a)) continue;
    ++coverage.running;
    if (checked_recently(latest, a.id, today)) ++coverage.checked;
  }
  return coverage;
}

void register_quality_pages(App& app) {
  app.get("/kwaliteit", Access::signed_in, overview, Caching::body);
  app.get("/kwaliteit/vragen", Access::signed_in, questions, Caching::body);
  app.get("/kwaliteit/beeld", Access::signed_in, picture, Caching::body);
  register_round_pages(app);
  register_answer_pages(app);
  register_score_pages(app);
}

}  // namespace kompas::web
