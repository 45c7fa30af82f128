// Answering a check: each question a score of 1 to 10 or n.v.t. with a reason. A team member
// answers signed in; a volunteer through a personal link, without an account. Answers can be
// saved and finished later, and handed in once.
#include "store/activities_store.h"
#include "store/quality_instruments_store.h"
#include "store/quality_rounds_store.h"
#include "web/kwaliteit/pages.h"
#include "web/ui/form.h"
#include "web/ui/page_title.h"

namespace kompas::web {
namespace {

// Whose answers a form is for, and where it posts.
struct AnswerTarget {
  domain::CheckRound round;
  domain::Respondent respondent;
  std::string activity;
  std::string action;
  std::string done;  // where to go after handing in
  store::Actor actor;
};

void show_form(Ctx& ctx, soci::session& sql, const AnswerTarget& target,
               const store::Answers& answers, const domain::FieldErrors& errors,
               const std::vector<std::string>& missing = {}, int status = 200) {
  const auto sheet = answer_sheet(
      ctx, instrument_version(ctx, sql, target.round.instrument_version), answers, errors, missing);
  ctx.page("kwaliteit/answer", ctx.tf("quality.answer_title", {{"activity", target.activity}}),
           {{"activity", target.activity},
            {"name", target.respondent.name},
            {"action", target.action},
            {"themes", sheet.themes},
            {"problems", sheet.problems},
            {"has_problems", !sheet.problems.empty()},
            {"csrf", ctx.form_token()}},
           status);
}

// A respondent who may no longer answer gets a page saying why, not the form.
bool refused(Ctx& ctx, const AnswerTarget& target) {
  const auto state =
      domain::answer_state(target.respondent, target.round, store::now_seconds(), today_date());
  if (state == domain::AnswerState::open) return false;
  ctx.error_page(state == domain::AnswerState::submitted ? 409 : 410,
                 "quality.state_message." + domain::word(state));
  return true;
}

void show(Ctx& ctx, const AnswerTarget& target, soci::session& sql) {
  // What was handed in is final: say so, and thank them.
  if (target.respondent.submitted_at)
    return ctx.page(
        "kwaliteit/handed_in",
        title_naming(ctx.t("quality.thanks_title"),
                     round_label(ctx, target.activity, target.round)),
        {{"activity", target.activity},
         {"back", target.done == target.action ? nlohmann::json() : nlohmann::json(target.done)}});
  if (refused(ctx, target)) return;
  show_form(ctx, sql, target, store::answers_of(sql, target.respondent.id), {});
}

void save(Ctx& ctx, const AnswerTarget& target, store::Change& change) {
  if (refused(ctx, target)) return;
  const auto instrument = instrument_version(ctx, change.sql(), target.round.instrument_version);
  domain::FieldErrors errors;
  const auto answers = read_answer_sheet(ctx, instrument, errors);
  const bool submit = ctx.field("actie") == "inleveren";
  const auto missing =
      submit ? domain::unanswered(instrument, answers) : std::vector<std::string>{};
  if (!errors.empty() || !missing.empty())
    return show_form(ctx, change.sql(), target, answers, errors, missing, 422);
  if (!store::save_answers(change, target.respondent, answers, submit))
    return ctx.error_page(409, "quality.state_message.ingeleverd");
  change.commit();
  if (submit)
    ctx.redirect_with_notice(target.done, "answers_submitted");
  else
    ctx.redirect_with_notice(target.action, "answers_saved");
}

// A signed-in team member's own answers.
AnswerTarget member_target(Ctx& ctx, soci::session& sql) {
  auto round = store::find_round(sql, ctx.coalition_id(), id_param(ctx));
  if (!round) not_found();
  const auto team = store::list_respondents(sql, round->id);
  const auto mine = std::find_if(team.begin(), team.end(),
                                 [&](const auto& r) { return r.person_id == ctx.me().person.id; });
  if (mine == team.end()) forbidden();
  const auto activity = store::find_activity(sql, ctx.coalition_id(), round->activity_id);
  const auto here = "/kwaliteit/rondes/" + std::to_string(round->id);
  return {*round, *mine, activity ? activity->name : "", here + "/invullen", here, ctx.actor()};
}

// A volunteer's answers through the personal link; an unknown token is "not found".
AnswerTarget link_target(Ctx& ctx, soci::session& sql) {
  const auto token = ctx.path_param(1);
  const auto link = store::find_link(sql, token);
  if (!link) not_found();
  const auto round = store::find_round(sql, link->coalition_id, link->respondent.round_id);
  if (!round) not_found();
  const auto activity = store::find_activity(sql, link->coalition_id, round->activity_id);
  return {*round,
          link->respondent,
          activity ? activity->name : "",
          "/check/" + token,
          "/check/" + token,
          {link->coalition_id, std::nullopt,
           ctx.tf("quality.volunteer_actor", {{"name", link->respondent.name}})}};
}

}  // namespace

void register_answer_pages(App& app) {
  app.get(R"(/kwaliteit/rondes/(\d+)/invullen)", Access::editor, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    show(ctx, member_target(ctx, conn.sql()), conn.sql());
  });
  app.post(R"(/kwaliteit/rondes/(\d+)/invullen)", Access::editor, [](Ctx& ctx) {
    store::Change change(ctx.app.db(), ctx.actor());
    save(ctx, member_target(ctx, change.sql()), change);
  });
  app.get(R"(/check/([A-Za-z0-9_-]{1,100}))", Access::anyone, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    show(ctx, link_target(ctx, conn.sql()), conn.sql());
  });
  app.post(R"(/check/([A-Za-z0-9_-]{1,100}))", Access::anyone, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto target = link_target(ctx, conn.sql());
    store::Change change(ctx.app.db(), target.actor);
    save(ctx, target, change);
  });
}

}  // namespace kompas::web
