// Check rounds: an activity's rounds, starting one, and the round's team — colleagues with an
// account, volunteers through a personal link shown once — until the round is closed.
#include "domain/dates.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/activities_store.h"
#include "store/people_store.h"
#include "store/quality_instruments_store.h"
#include "store/quality_rounds_store.h"
#include "web/kwaliteit/pages.h"
#include "web/ui/addresses.h"
#include "web/ui/form.h"
#include "web/ui/page_title.h"

namespace kompas::web {
namespace {

// How long a new round runs unless the starter says otherwise.
constexpr int kDefaultRoundDays = 30;

domain::Activity load_activity(soci::session& sql, const Ctx& ctx, long long id) {
  auto activity = store::find_activity(sql, ctx.coalition_id(), id);
  if (!activity) not_found();
  return *activity;
}

std::string round_href(long long round_id) {
  return "/kwaliteit/rondes/" + std::to_string(round_id);
}

void activity_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto activity = load_activity(conn.sql(), ctx, id_param(ctx));
  const auto teams = store::team_counts(conn.sql(), ctx.coalition_id());
  const auto today = today_date();
  nlohmann::json rounds = nlohmann::json::array();
  for (const auto& round : store::list_rounds(conn.sql(), ctx.coalition_id(), activity.id)) {
    const auto team = teams.find(round.id);
    auto view =
        round_summary(ctx, round, team == teams.end() ? store::TeamCount{} : team->second, today);
    view["href"] = round_href(round.id);
    rounds.push_back(std::move(view));
  }
  ctx.page("kwaliteit/activity", activity.name,
           {{"name", activity.name},
            {"activity_href", "/wie-doet-wat/activiteiten/" + std::to_string(activity.id)},
            {"rounds", rounds},
            {"empty", rounds.empty()},
            {"may_start", domain::may_start_round(ctx.me().person, activity)},
            {"start_href", "/kwaliteit/activiteiten/" + std::to_string(activity.id) + "/ronde"}});
}

const std::vector<FieldSpec>& start_fields() {
  static const std::vector<FieldSpec> fields = {
      {"ends_on", "quality.ends_on", FieldKind::date, true, "quality.ends_on_hint", {}, "off"},
      {"join", "quality.join", FieldKind::checkbox, false, "", {}, ""},
  };
  return fields;
}

void show_start_form(Ctx& ctx, const domain::Activity& activity, const nlohmann::json& values,
                     const domain::FieldErrors& errors, int status = 200) {
  const auto here = "/kwaliteit/activiteiten/" + std::to_string(activity.id) + "/ronde";
  FormPage page{ctx.tf("quality.start_title", {{"activity", activity.name}}), here,
                "/kwaliteit/activiteiten/" + std::to_string(activity.id),
                ctx.t("quality.start_intro")};
  page.submit_key = "quality.start";
  show_form_page(ctx, page, start_fields(), values, errors, status);
}

void start_form(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto activity = load_activity(conn.sql(), ctx, id_param(ctx));
  if (!domain::may_start_round(ctx.me().person, activity)) forbidden();
  show_start_form(ctx, activity,
                  {{"ends_on", local_date(std::time(nullptr) + kDefaultRoundDays * 24 * 60 * 60)},
                   {"join", true}},
                  {});
}

void start(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto activity = load_activity(change.sql(), ctx, id_param(ctx));
  if (!domain::may_start_round(ctx.me().person, activity)) forbidden();
  const auto values = read_form(ctx, start_fields());
  domain::CheckRound round;
  round.activity_id = activity.id;
  round.ends_on = values["ends_on"].get<std::string>();
  round.started_by = ctx.me().person.id;
  round.started_at = store::now_seconds();
  const auto errors = domain::validate(round, today_date());
  if (!errors.empty()) return show_start_form(ctx, activity, values, errors, 422);
  const auto instrument =
      store::latest_instrument(change.sql(), store::InstrumentKind::quality_check);
  if (!instrument) throw std::runtime_error("no quality instrument loaded");
  round.instrument_version = instrument->version;
  round.id = store::create_round(change, round);
  if (values["join"].get<bool>()) {
    domain::Respondent me;
    me.round_id = round.id;
    me.person_id = ctx.me().person.id;
    me.name = ctx.me().person.name;
    store::add_member(change, me);
  }
  change.commit();
  ctx.redirect_with_notice(round_href(round.id), "round_started");
}

struct LoadedRound {
  domain::CheckRound round;
  domain::Activity activity;
  std::vector<domain::Respondent> team;
  bool manages = false;  // may invite, revoke and close
};

LoadedRound load_round(soci::session& sql, const Ctx& ctx) {
  auto round = store::find_round(sql, ctx.coalition_id(), id_param(ctx));
  if (!round) not_found();
  LoadedRound loaded{*round, load_activity(sql, ctx, round->activity_id),
                     store::list_respondents(sql, round->id)};
  loaded.manages = domain::may_start_round(ctx.me().person, loaded.activity);
  return loaded;
}

nlohmann::json team_view(const Ctx& ctx, const LoadedRound& loaded) {
  const auto now = store::now_seconds();
  const auto today = today_date();
  nlohmann::json team = nlohmann::json::array();
  for (const auto& r : loaded.team) {
    const auto state = domain::answer_state(r, loaded.round, now, today);
    team.push_back(
        {{"name", r.name},
         {"kind", ctx.t(r.person_id ? "quality.member_account" : "quality.member_link")},
         {"state", ctx.t("quality.state." + domain::word(state))},
         {"revoke_href", loaded.manages && !r.person_id && state == domain::AnswerState::open
                             ? nlohmann::json(round_href(loaded.round.id) + "/team/" +
                                              std::to_string(r.id) + "/intrekken")
                             : nlohmann::json()}});
  }
  return team;
}

// A volunteer without an account answers through a link made for their name.
const FieldSpec kVolunteerField{.name = "name",
                                .label_key = "quality.invite_volunteer",
                                .required = true,
                                .hint_key = "quality.invite_volunteer_hint",
                                .autocomplete = "off",
                                .max_length = domain::text_limit::name};

// The round's page; after a refused volunteer, with the name as typed and what is wrong.
void round_page(Ctx& ctx, const std::string& new_link = "", const std::string& volunteer = "",
                const domain::FieldErrors& errors = {}, int status = 200) {
  store::Connection conn(ctx.app.db());
  const auto loaded = load_round(conn.sql(), ctx);
  const auto& me = ctx.me().person;
  const bool in_team = std::any_of(loaded.team.begin(), loaded.team.end(),
                                   [&](const auto& r) { return r.person_id == me.id; });
  const bool open = domain::is_open(loaded.round, today_date());
  nlohmann::json people = nlohmann::json::array();
  if (loaded.manages && open)
    for (const auto& p : store::list_people(conn.sql(), ctx.coalition_id())) {
      const bool joined = std::any_of(loaded.team.begin(), loaded.team.end(),
                                      [&](const auto& r) { return r.person_id == p.id; });
      if (domain::may_join_team(p) && !joined) people.push_back({{"id", p.id}, {"name", p.name}});
    }
  const auto here = round_href(loaded.round.id);
  ctx.page(
      "kwaliteit/round",
      title_naming(ctx.tf("quality.round_title", {{"activity", loaded.activity.name}}),
                   ctx.date(local_date(loaded.round.started_at))),
      {{"activity", loaded.activity.name},
       {"activity_href", "/kwaliteit/activiteiten/" + std::to_string(loaded.activity.id)},
       {"here", here},
       {"state",
        open ? ctx.tf("quality.round_open_until", {{"date", ctx.date(loaded.round.ends_on)}})
             : ctx.t("quality.round_closed")},
       {"team", team_view(ctx, loaded)},
       {"answer_href", in_team && open ? nlohmann::json(here + "/invullen") : nlohmann::json()},
       {"manage", loaded.manages && open},
       {"people", people},
       {"new_link", new_link.empty() ? nlohmann::json() : nlohmann::json(new_link)},
       {"volunteer_form",
        {{"fields", form_fields(ctx, {kVolunteerField}, {{"name", volunteer}}, errors)}}},
       {"csrf", ctx.form_token()}},
      status);
}

void add_member(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto loaded = load_round(change.sql(), ctx);
  if (!loaded.manages) forbidden();
  if (!domain::is_open(loaded.round, today_date()))
    throw HttpError{409, "quality.round_closed_error"};
  const auto person_id = parse_id(ctx.field("person"));
  const auto person =
      person_id ? store::find_person(change.sql(), ctx.coalition_id(), *person_id) : std::nullopt;
  if (!person || !domain::may_join_team(*person)) throw HttpError{422, "error.choose"};
  const bool joined = std::any_of(loaded.team.begin(), loaded.team.end(),
                                  [&](const auto& r) { return r.person_id == person->id; });
  if (!joined) {
    domain::Respondent member;
    member.round_id = loaded.round.id;
    member.person_id = person->id;
    member.name = person->name;
    store::add_member(change, member);
    change.commit();
  }
  ctx.redirect_with_notice(round_href(loaded.round.id), "saved");
}

void add_volunteer(Ctx& ctx) {
  domain::Respondent volunteer;
  volunteer.name = domain::trim(ctx.field("name"));
  domain::FieldErrors errors;
  std::string link;
  {
    store::Change change(ctx.app.db(), ctx.actor());
    const auto loaded = load_round(change.sql(), ctx);
    if (!loaded.manages) forbidden();
    if (!domain::is_open(loaded.round, today_date()))
      throw HttpError{409, "quality.round_closed_error"};
    errors = domain::validate(volunteer);
    if (errors.empty()) {
      volunteer.round_id = loaded.round.id;
      // The whole address, to send to the volunteer.
      link = site_address(ctx) + "/check/" + store::add_volunteer(change, volunteer).token;
      change.commit();
    }
  }
  if (!errors.empty()) return round_page(ctx, "", volunteer.name, errors, 422);
  // The link is shown once, here: only its hash is kept.
  round_page(ctx, link);
}

void revoke(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto loaded = load_round(change.sql(), ctx);
  if (!loaded.manages) forbidden();
  const auto respondent_id = id_param(ctx, 2);
  const auto found = std::find_if(loaded.team.begin(), loaded.team.end(),
                                  [&](const auto& r) { return r.id == respondent_id; });
  if (found == loaded.team.end() || found->person_id) not_found();
  if (!found->revoked_at) {
    store::revoke_link(change, *found);
    change.commit();
  }
  ctx.redirect_with_notice(round_href(loaded.round.id), "link_revoked");
}

// Closing ends answering for everyone who has not handed in: it asks first.
void confirm_close(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto loaded = load_round(conn.sql(), ctx);
  if (!loaded.manages) forbidden();
  const auto open = static_cast<std::size_t>(
      std::count_if(loaded.team.begin(), loaded.team.end(),
                    [](const auto& r) { return !r.submitted_at && !r.revoked_at; }));
  const auto href = round_href(loaded.round.id);
  show_delete_confirmation(
      ctx, {title_naming(ctx.t("quality.close_title"),
                         round_label(ctx, loaded.activity.name, loaded.round)),
            ctx.tf("quality.close_question", {{"activity", loaded.activity.name}}),
            {ctx.tf("quality.close_consequence", {{"count", std::to_string(open)}})},
            href + "/sluiten",
            href,
            ctx.t("quality.close"),
            loaded.round.closed_at ? ctx.t("quality.round_closed") : ""});
}

void close(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto loaded = load_round(change.sql(), ctx);
  if (!loaded.manages) forbidden();
  require_delete_confirmation(ctx);
  if (!loaded.round.closed_at) {
    store::close_round(change, loaded.round);
    change.commit();
  }
  ctx.redirect_with_notice(round_href(loaded.round.id), "round_closed");
}

}  // namespace

void register_round_pages(App& app) {
  app.get(R"(/kwaliteit/activiteiten/(\d+))", Access::signed_in, activity_page, Caching::body);
  app.get(R"(/kwaliteit/activiteiten/(\d+)/ronde)", Access::editor, start_form);
  app.post(R"(/kwaliteit/activiteiten/(\d+)/ronde)", Access::editor, start);
  app.get(R"(/kwaliteit/rondes/(\d+))", Access::signed_in, [](Ctx& ctx) { round_page(ctx); });
  app.post(R"(/kwaliteit/rondes/(\d+)/team)", Access::editor, add_member);
  app.post(R"(/kwaliteit/rondes/(\d+)/vrijwilliger)", Access::editor, add_volunteer);
  app.post(R"(/kwaliteit/rondes/(\d+)/team/(\d+)/intrekken)", Access::editor, revoke);
  app.get(R"(/kwaliteit/rondes/(\d+)/sluiten)", Access::editor, confirm_close);
  app.post(R"(/kwaliteit/rondes/(\d+)/sluiten)", Access::editor, close);
}

}  // namespace kompas::web
