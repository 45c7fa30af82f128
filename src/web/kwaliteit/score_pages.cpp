// The score overview of a round: per question the team's median and range, what to discuss,
// the strongest points and the main improvement points with their tips, the change since the
// activity's previous round and the coalition's median. Only handed-in answers count. Each
// respondent's own scores are for the round's team and the beheerder; everyone else sees the
// aggregates, and only of at least kMinRespondents people.
#include <set>

#include "domain/dates.h"
#include "domain/numbers.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/actions_store.h"
#include "store/activities_store.h"
#include "store/people_store.h"
#include "store/quality_instruments_store.h"
#include "store/quality_rounds_store.h"
#include "web/kwaliteit/pages.h"
#include "web/ui/charts.h"
#include "web/ui/downloads.h"
#include "web/ui/field_limits.h"
#include "web/ui/page_title.h"

namespace kompas::web {
namespace {

using Summaries = std::map<std::string, domain::QuestionSummary>;

Summaries summarise_round(const std::map<std::string, std::vector<domain::CheckAnswer>>& answers) {
  Summaries summaries;
  for (const auto& [code, list] : answers) summaries[code] = domain::summarise(list);
  return summaries;
}

std::size_t respondents_of(const std::vector<domain::Respondent>& team) {
  return static_cast<std::size_t>(
      std::count_if(team.begin(), team.end(), [](const auto& r) { return r.submitted_at; }));
}

// The coalition's median per question over each activity's latest round with answers.
std::map<std::string, double> compute_coalition_medians(soci::session& sql,
                                                        long long coalition_id) {
  const auto handed_in = store::handed_in_answers(sql, coalition_id);
  std::set<long long> seen_activities;
  std::map<std::string, std::vector<double>> per_question;
  for (const auto& round : store::list_rounds(sql, coalition_id)) {  // newest first
    const auto answers = handed_in.find(round.id);
    if (answers == handed_in.end() || !seen_activities.insert(round.activity_id).second) continue;
    for (const auto& [code, summary] : summarise_round(answers->second))
      if (summary.median) per_question[code].push_back(*summary.median);
  }
  std::map<std::string, double> medians;
  for (const auto& [code, values] : per_question)
    if (const auto m = domain::coalition_median(values)) medians[code] = *m;
  return medians;
}

// Every answer of the coalition goes into its medians: computed once per data version (every
// change raises it), not on every visit of an overview.
std::map<std::string, double> coalition_medians(const Ctx& ctx, soci::session& sql) {
  return ctx.app.computed().get<std::map<std::string, double>>(
      "quality.coalition_medians." + std::to_string(ctx.coalition_id()), ctx.me().data_version,
      [&] { return compute_coalition_medians(sql, ctx.coalition_id()); });
}

nlohmann::json points_view(const Ctx& ctx, const domain::Instrument& instrument,
                           const std::vector<domain::RankedQuestion>& points) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : points) {
    const auto* q = instrument.find(p.code);
    list.push_back(
        {{"code", p.code},
         {"text", in_language(ctx, q->text)},
         {"median", score_text(ctx, p.median)},
         {"tip",
          in_language(ctx, q->tips[static_cast<std::size_t>(domain::band_of_median(p.median))])}});
  }
  return list;
}

// The actions a round led to, with who does them, by when and how far they are.
nlohmann::json actions_view(const Ctx& ctx, const std::vector<domain::Action>& actions,
                            long long round_id, const std::map<long long, std::string>& people) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& a : actions) {
    if (a.round_id != round_id) continue;
    const auto owner = a.owner_person_id ? people.find(*a.owner_person_id) : people.end();
    list.push_back({{"href", "/acties/" + std::to_string(a.id)},
                    {"title", a.title},
                    {"owner", owner == people.end() ? "–" : owner->second},
                    {"due_date", ctx.date(a.due_date)},
                    {"status", ctx.t("action.status." + domain::word(a.status))}});
  }
  return list;
}

std::map<long long, std::string> people_names(soci::session& sql, long long coalition_id) {
  std::map<long long, std::string> names;
  for (const auto& p : store::list_people(sql, coalition_id)) names[p.id] = p.name;
  return names;
}

// The round in the address with its activity; another coalition's round is "not found".
std::pair<std::optional<domain::CheckRound>, std::optional<domain::Activity>> round_in_address(
    const Ctx& ctx, soci::session& sql) {
  auto round = store::find_round(sql, ctx.coalition_id(), id_param(ctx));
  if (!round) not_found();
  auto activity = store::find_activity(sql, ctx.coalition_id(), round->activity_id);
  if (!activity) not_found();
  return {std::move(round), std::move(activity)};
}

// What was typed in the form that turns a tip into an action, kept when it must be corrected.
struct ActionDraft {
  std::string question, title, owner, due_date;
  domain::FieldErrors errors;
};

// What is wrong with a posted action: a title too long says its limit; anything else the
// general message (the form is small, the fields are in view).
std::string action_error(const Ctx& ctx, const domain::FieldErrors& errors) {
  const auto title = errors.find("title");
  if (title != errors.end() && title->second == "error.too_long")
    return field_message(ctx, title->second, domain::text_limit::name);
  return ctx.t("quality.action_invalid");
}

// Each improvement point's form for an action: the tip as the first wording, no owner yet and
// a date three months ahead; the draft's values and error where it was posted.
void add_action_forms(const Ctx& ctx, nlohmann::json& points,
                      const std::vector<domain::Person>& people, const ActionDraft* draft) {
  for (auto& point : points) {
    const bool posted = draft && draft->question == point["code"];
    const auto owner = posted ? draft->owner : "";
    nlohmann::json owners = nlohmann::json::array();
    for (const auto& p : people)
      if (p.active)
        owners.push_back(
            {{"id", p.id}, {"name", p.name}, {"selected", owner == std::to_string(p.id)}});
    point["form"] = {
        {"title", posted ? draft->title : point["tip"].get<std::string>()},
        {"due_date",
         posted ? draft->due_date : local_date(std::time(nullptr) + 90LL * 24 * 60 * 60)},
        {"owners", owners},
        {"open", posted},
        {"title_max", domain::text_limit::name},
        {"title_error", posted && draft->errors.contains("title")},
        {"error", posted ? nlohmann::json(action_error(ctx, draft->errors)) : nlohmann::json()}};
  }
}

void score_overview(Ctx& ctx, const ActionDraft* draft = nullptr, int status = 200) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto [round, activity] = round_in_address(ctx, sql);
  const auto team = store::list_respondents(sql, round->id);
  const bool individual = domain::may_see_individual_scores(ctx.me().person, team);
  const auto handed_in_count = respondents_of(team);
  nlohmann::json view = {
      {"activity", activity->name},
      {"round_href", "/kwaliteit/rondes/" + std::to_string(round->id)},
      {"handed_in", ctx.tf("quality.handed_in", {{"count", std::to_string(handed_in_count)}})}};
  if (!domain::may_see_round_scores(ctx.me().person, team)) {
    view["too_few"] = ctx.tf("quality.too_few", {{"min", std::to_string(domain::kMinRespondents)}});
    return ctx.page("kwaliteit/scores",
                    title_naming(ctx.tf("quality.scores_title", {{"activity", activity->name}}),
                                 ctx.date(local_date(round->started_at))),
                    view);
  }
  const auto instrument = std::optional(instrument_version(ctx, sql, round->instrument_version));
  const auto mine = store::handed_in_answers(sql, ctx.coalition_id(), round->id);
  const auto summaries = mine.empty() ? Summaries{} : summarise_round(mine.begin()->second);

  // The activity's round before this one, when it has answers to compare with.
  Summaries previous;
  std::optional<long long> previous_round;
  for (const auto& older : store::list_rounds(sql, ctx.coalition_id(), activity->id)) {
    if (older.started_at >= round->started_at) continue;
    const auto answers = store::handed_in_answers(sql, ctx.coalition_id(), older.id);
    if (answers.empty()) continue;
    previous = summarise_round(answers.begin()->second);
    previous_round = older.id;
    break;
  }
  const auto coalition = coalition_medians(ctx, sql);

  // Each handed-in respondent's own scores, for those who may see them.
  std::vector<std::pair<std::string, store::Answers>> people;
  if (individual) {
    const auto all = store::round_answers(sql, round->id);
    for (const auto& r : team)
      if (r.submitted_at) people.emplace_back(r.name, all.at(r.id));
  }
  nlohmann::json names = nlohmann::json::array();
  for (const auto& [name, answers] : people) names.push_back(name);

  std::vector<Bar> bars;
  nlohmann::json themes = nlohmann::json::array();
  int number = 0;
  for (const auto& theme : instrument->themes) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& q : theme.questions) {
      ++number;
      const auto found = summaries.find(q.code);
      const auto s = found == summaries.end() ? domain::QuestionSummary{} : found->second;
      Bar bar{ctx.tf("quality.question_number", {{"number", std::to_string(number)}}),
              s.median,
              std::nullopt,
              std::nullopt,
              ctx.t("quality.not_applicable"),
              false};
      if (s.median) {
        bar.low = s.lowest;
        bar.high = s.highest;
      }
      bars.push_back(bar);
      nlohmann::json scores = nlohmann::json::array(), notes = nlohmann::json::array();
      for (const auto& [name, answers] : people) {
        const auto a = answers.find(q.code);
        scores.push_back(a == answers.end() || !a->second.answered() ? "–"
                         : a->second.score ? std::to_string(*a->second.score)
                                           : ctx.t("quality.not_applicable"));
        // Why n.v.t., or what someone added: for the team, with who wrote it.
        if (a != answers.end() && !a->second.reason.empty())
          notes.push_back({{"name", name}, {"text", a->second.reason}});
      }
      const auto before = previous.find(q.code);
      const auto trend = domain::compare_medians(
          s.median, before == previous.end() ? std::nullopt : before->second.median);
      const auto coalition_median = coalition.find(q.code);
      rows.push_back(
          {{"number", number},
           {"text", in_language(ctx, q.text)},
           {"median", s.median ? score_text(ctx, *s.median) : ctx.t("quality.not_applicable")},
           {"range", s.median ? std::to_string(s.lowest) + "–" + std::to_string(s.highest) : "–"},
           {"discuss", s.discuss},
           {"scores", scores},
           {"notes", notes},
           {"has_notes", !notes.empty()},
           {"trend", trend ? ctx.t("quality.trend." + domain::word(*trend)) : "–"},
           {"coalition", coalition_median == coalition.end()
                             ? "–"
                             : score_text(ctx, coalition_median->second)}});
    }
    themes.push_back({{"title", in_language(ctx, theme.title)}, {"rows", rows}});
  }
  view["chart"] = score_chart_svg(bars, ctx.t("quality.chart_title"), ctx.t("quality.chart_desc"));
  view["themes"] = themes;
  view["names"] = names;
  view["individual"] = !people.empty();
  view["strongest"] =
      points_view(ctx, *instrument, domain::strongest_points(*instrument, summaries));
  view["improve"] =
      points_view(ctx, *instrument, domain::improvement_points(*instrument, summaries));
  // The improvement plan: what this round led to, and what became of the previous round's.
  const auto actions =
      store::round_actions(sql, ctx.coalition_id(), round->id, previous_round.value_or(0));
  const auto coalition_people = store::list_people(sql, ctx.coalition_id());
  std::map<long long, std::string> person_names;
  for (const auto& p : coalition_people) person_names[p.id] = p.name;
  view["plan"] = actions_view(ctx, actions, round->id, person_names);
  view["has_plan"] = !view["plan"].empty();
  view["plan_href"] = "/kwaliteit/rondes/" + std::to_string(round->id) + "/verbeterplan";
  view["has_previous"] = previous_round.has_value();
  if (previous_round) {
    view["previous_plan"] = actions_view(ctx, actions, *previous_round, person_names);
    view["has_previous_plan"] = !view["previous_plan"].empty();
  }
  if (domain::may_start_round(ctx.me().person, *activity)) {
    add_action_forms(ctx, view["improve"], coalition_people, draft);
    view["manage"] = {{"action_href", "/kwaliteit/rondes/" + std::to_string(round->id) + "/acties"},
                      {"csrf", ctx.form_token()}};
  }
  ctx.page("kwaliteit/scores",
           title_naming(ctx.tf("quality.scores_title", {{"activity", activity->name}}),
                        ctx.date(local_date(round->started_at))),
           view, status);
}

// The overview's figures per question as a table to download: aggregates only, never anyone's own
// scores, and no rows where the page would say too few people handed in.
void download_scores(Ctx& ctx, const std::string& format) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto [round, activity] = round_in_address(ctx, sql);
  const auto team = store::list_respondents(sql, round->id);
  DownloadTable table{"check-" + std::to_string(round->id),
                      {ctx.t("quality.col_theme"), ctx.t("quality.col_question"),
                       ctx.t("quality.col_median"), ctx.t("quality.col_lowest"),
                       ctx.t("quality.col_highest"), ctx.t("quality.col_not_applicable"),
                       ctx.t("quality.col_discuss"), ctx.t("quality.col_coalition")},
                      {}};
  if (domain::may_see_round_scores(ctx.me().person, team)) {
    const auto instrument = instrument_version(ctx, sql, round->instrument_version);
    const auto mine = store::handed_in_answers(sql, ctx.coalition_id(), round->id);
    const auto summaries = mine.empty() ? Summaries{} : summarise_round(mine.begin()->second);
    const auto coalition = coalition_medians(ctx, sql);
    for (const auto& theme : instrument.themes)
      for (const auto& q : theme.questions) {
        const auto found = summaries.find(q.code);
        const auto s = found == summaries.end() ? domain::QuestionSummary{} : found->second;
        const auto median = coalition.find(q.code);
        table.rows.push_back(
            {in_language(ctx, theme.title), in_language(ctx, q.text),
             s.median ? DownloadCell(*s.median) : DownloadCell(),
             s.median ? DownloadCell(static_cast<double>(s.lowest)) : DownloadCell(),
             s.median ? DownloadCell(static_cast<double>(s.highest)) : DownloadCell(),
             static_cast<double>(s.not_applicable), ctx.t(s.discuss ? "audit.yes" : "audit.no"),
             median == coalition.end() ? DownloadCell() : DownloadCell(median->second)});
      }
  }
  send_download(ctx, table, format);
}

// A tip turned into an action in the actions register, in the team's own words.
void make_action(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  auto& sql = change.sql();
  const auto [round, activity] = round_in_address(ctx, sql);
  if (!domain::may_start_round(ctx.me().person, *activity)) forbidden();
  const auto instrument = instrument_version(ctx, sql, round->instrument_version);
  domain::Action action;
  action.title = domain::trim(ctx.field("title"));
  const auto typed_date = domain::trim(ctx.field("due_date"));
  action.due_date = domain::read_date(typed_date, current_year()).value_or(typed_date);
  action.question_code = ctx.field("question");
  if (!instrument.find(action.question_code)) throw HttpError{422, "error.choose"};
  if (const auto owner = parse_id(ctx.field("owner"))) {
    const auto person = store::find_person(sql, ctx.coalition_id(), *owner);
    if (!person || !person->active) throw HttpError{422, "error.choose"};
    action.owner_person_id = owner;
  }
  action.partner_id = activity->lead_partner_id;
  action.activity_id = activity->id;
  action.round_id = round->id;
  if (auto errors = domain::validate(action); !errors.empty()) {
    const ActionDraft draft{action.question_code, ctx.field("title"), ctx.field("owner"),
                            typed_date, std::move(errors)};
    return score_overview(ctx, &draft, 422);
  }
  store::create_action(change, action);
  change.commit();
  ctx.redirect_with_notice("/kwaliteit/rondes/" + std::to_string(round->id) + "/overzicht#plan",
                           "action_made");
}

// The improvement plan on its own, to print: the tips the team chose and who does what by when.
void print_plan(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto [round, activity] = round_in_address(ctx, sql);
  const auto instrument = instrument_version(ctx, sql, round->instrument_version);
  const auto actions = store::round_actions(sql, ctx.coalition_id(), round->id);
  auto plan = actions_view(ctx, actions, round->id, people_names(sql, ctx.coalition_id()));
  std::size_t i = 0;
  for (const auto& a : actions) {
    if (a.round_id != round->id) continue;
    const auto* q = instrument.find(a.question_code);
    plan[i++]["question"] = q ? in_language(ctx, q->text) : "";
  }
  ctx.page("kwaliteit/plan", ctx.tf("quality.plan_title", {{"activity", activity->name}}),
           {{"activity", activity->name},
            {"started", ctx.date(local_date(round->started_at))},
            {"plan", plan},
            {"empty", plan.empty()},
            {"overview_href", "/kwaliteit/rondes/" + std::to_string(round->id) + "/overzicht"}});
}

}  // namespace

void register_score_pages(App& app) {
  // Per person: a team member sees the members' own scores, a colleague of the same partner not.
  app.get(R"(/kwaliteit/rondes/(\d+)/overzicht)", Access::signed_in,
          [](Ctx& ctx) { score_overview(ctx); }, Caching::per_person);
  app.get(R"(/kwaliteit/rondes/(\d+)/overzicht\.(csv|xlsx))", Access::signed_in,
          [](Ctx& ctx) { download_scores(ctx, ctx.path_param(2)); });
  app.post(R"(/kwaliteit/rondes/(\d+)/acties)", Access::editor, make_action);
  app.get(R"(/kwaliteit/rondes/(\d+)/verbeterplan)", Access::signed_in, print_plan);
}

}  // namespace kompas::web
