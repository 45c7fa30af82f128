// Kwaliteit: how each activity scores on what is known to work. The overview lists the running
// activities with their latest check round; the questions page shows what the check asks, with
// the tips per score band, so a team knows what it will be asked before it starts.
#include <map>

#include "domain/dates.h"
#include "domain/numbers.h"
#include "domain/text_limits.h"
#include "store/activities_store.h"
#include "store/partners_store.h"
#include "store/quality_instruments_store.h"
#include "store/quality_rounds_store.h"
#include "web/kwaliteit/pages.h"
#include "web/kwaliteit/quality_picture.h"
#include "web/ui/field_limits.h"

namespace kompas::web {
namespace {

// The newest round of each activity (list_rounds gives the newest first).
std::map<long long, domain::CheckRound> latest_rounds(soci::session& sql, long long coalition_id) {
  std::map<long long, domain::CheckRound> latest;
  for (auto& round : store::list_rounds(sql, coalition_id))
    latest.try_emplace(round.activity_id, std::move(round));
  return latest;
}

// Whether the activity's newest round started within the past year.
bool checked_recently(const std::map<long long, domain::CheckRound>& latest, long long activity_id,
                      const std::string& today) {
  const auto round = latest.find(activity_id);
  return round != latest.end() && recent_check(round->second, today);
}

// One question of an answer form: its choices, the reason and any error.
nlohmann::json score_question_view(const Ctx& ctx, const domain::CheckQuestion& q, int number,
                                   const domain::CheckAnswer& answer,
                                   const domain::FieldErrors& errors) {
  nlohmann::json choices = nlohmann::json::array();
  for (int score = 1; score <= 10; ++score)
    choices.push_back({{"value", std::to_string(score)},
                       {"label", std::to_string(score)},
                       {"checked", answer.score == score}});
  choices.push_back({{"value", "nvt"},
                     {"label", ctx.t("quality.not_applicable")},
                     {"checked", answer.not_applicable}});
  const auto error = errors.find(q.code);
  return {{"number", number},
          {"code", q.code},
          {"text", in_language(ctx, q.text)},
          {"help", in_language(ctx, q.help)},
          {"choices", choices},
          {"reason", answer.reason},
          {"reason_max", domain::text_limit::reason},
          // The message is the question's; the reason's box is marked when it is about the reason.
          {"reason_error", error != errors.end() && (error->second == "error.too_long" ||
                                                     error->second == "error.reason_required")},
          {"error", error == errors.end() ? nlohmann::json()
                                          : nlohmann::json(field_message(
                                                ctx, error->second, domain::text_limit::reason))}};
}

}  // namespace

AnswerSheet answer_sheet(const Ctx& ctx, const domain::Instrument& instrument,
                         const store::Answers& answers, const domain::FieldErrors& errors,
                         const std::vector<std::string>& missing) {
  AnswerSheet sheet{nlohmann::json::array(), nlohmann::json::array()};
  // A question handed in without a choice says so on itself, not only in the list above.
  auto all_errors = errors;
  for (const auto& code : missing) all_errors.try_emplace(code, "quality.answer_needed");
  int number = 0;
  for (const auto& theme : instrument.themes) {
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : theme.questions) {
      const auto found = answers.find(q.code);
      questions.push_back(score_question_view(
          ctx, q, ++number, found == answers.end() ? domain::CheckAnswer{} : found->second,
          all_errors));
      if (const auto error = all_errors.find(q.code); error != all_errors.end())
        sheet.problems.push_back(
            {{"href", "#vraag-" + q.code},
             {"text", ctx.tf("quality.question_number", {{"number", std::to_string(number)}}) +
                          ": " + ctx.t(error->second)}});
    }
    sheet.themes.push_back({{"title", in_language(ctx, theme.title)}, {"questions", questions}});
  }
  return sheet;
}

store::Answers read_answer_sheet(const Ctx& ctx, const domain::Instrument& instrument,
                                 domain::FieldErrors& errors) {
  store::Answers answers;
  for (const auto& theme : instrument.themes)
    for (const auto& q : theme.questions)
      answers[q.code] =
          domain::read_answer(ctx.field("q_" + q.code), ctx.field("r_" + q.code), q.code, errors);
  return answers;
}

domain::Instrument instrument_version(const Ctx& ctx, soci::session& sql, int version) {
  return ctx.app.computed().get<domain::Instrument>(
      "quality.instrument." + std::to_string(version), 0, [&] {
        auto instrument =
            store::find_instrument(sql, store::InstrumentKind::quality_check, version);
        if (!instrument) throw std::runtime_error("instrument version missing");
        return *instrument;
      });
}

std::string score_text(const Ctx& ctx, double value) {
  return domain::format_decimal(value, ctx.decimal_separator(), 1);
}

nlohmann::json round_summary(const Ctx& ctx, const domain::CheckRound& round,
                             const store::TeamCount& team, const std::string& today) {
  const bool open = domain::is_open(round, today);
  return {{"started", ctx.date(local_date(round.started_at))},
          {"state", open ? ctx.tf("quality.round_open_until", {{"date", ctx.date(round.ends_on)}})
                         : ctx.t("quality.round_closed")},
          {"team", ctx.tf("quality.team_count", {{"submitted", std::to_string(team.submitted)},
                                                 {"total", std::to_string(team.total)}})},
          {"old", !recent_check(round, today)}};
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

void questions(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto instrument =
      store::latest_instrument(conn.sql(), store::InstrumentKind::quality_check);
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
  const auto checked = recently_checked(sql, coalition_id, today);
  for (const auto& a : store::list_activities(sql, coalition_id)) {
    if (!domain::is_running(a)) continue;
    ++coverage.running;
    if (checked.contains(a.id)) ++coverage.checked;
  }
  return coverage;
}

void register_quality_pages(App& app) {
  app.get("/kwaliteit", Access::signed_in, overview, Caching::body);
  app.get("/kwaliteit/vragen", Access::signed_in, questions, Caching::body);
  register_picture_pages(app);
  register_self_scan_pages(app);
  register_collaboration_pages(app);
  register_round_pages(app);
  register_answer_pages(app);
  register_score_pages(app);
}

}  // namespace kompas::web
