// The training register (/deskundigheid/training): trainings with their modules and how long
// they hold, sessions, and who attended — typed in one by one or read from an attendance list
// (CSV, all or nothing). Participants need no account. Everyone signed in sees the trainings
// and how many came; a partner's staff see, register and tick their own organisation's people,
// the beheerder anyone's.

#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/areas_store.h"
#include "store/partners_store.h"
#include "store/training_store.h"
#include "web/deskundigheid/pages.h"
#include "web/deskundigheid/training_views.h"
#include "web/ui/form.h"
#include "web/ui/page_title.h"
#include "web/wie-doet-wat/plan_lookups.h"

namespace kompas::web {
namespace {

using domain::Training;
using domain::TrainingSession;

std::string training_href(long long id) {
  return "/deskundigheid/training/" + std::to_string(id);
}
std::string session_href(long long id) {
  return "/deskundigheid/sessies/" + std::to_string(id);
}

std::vector<FieldSpec> training_fields(const Ctx& ctx) {
  return {{.name = "title",
           .label_key = "training.title",
           .kind = FieldKind::text,
           .required = true,
           .autocomplete = "off",
           .max_length = domain::text_limit::name},
          {.name = "provider",
           .label_key = "training.provider",
           .kind = FieldKind::text,
           .autocomplete = "off",
           .max_length = domain::text_limit::name},
          {"kind", "training.kind", FieldKind::select, true, "",
           word_options(ctx, domain::all_words<domain::TrainingKind>(), "training.kind."), ""},
          {"hours", "training.hours", FieldKind::number, false, "training.hours_hint", {}, "off"},
          {"valid_months",
           "training.valid_months",
           FieldKind::whole_number,
           false,
           "training.valid_months_hint",
           {},
           "off"},
          {.name = "modules",
           .label_key = "training.modules",
           .kind = FieldKind::textarea,
           .hint_key = "training.modules_hint",
           .max_length = domain::text_limit::text}};
}

std::vector<FieldSpec> session_fields() {
  return {{"date", "session.date", FieldKind::date, true, "", {}, "off"},
          {.name = "place",
           .label_key = "session.place",
           .kind = FieldKind::text,
           .autocomplete = "off",
           .max_length = domain::text_limit::name},
          {.name = "trainer",
           .label_key = "session.trainer",
           .kind = FieldKind::text,
           .autocomplete = "off",
           .max_length = domain::text_limit::name},
          {"capacity",
           "session.capacity",
           FieldKind::whole_number,
           false,
           "session.capacity_hint",
           {},
           "off"}};
}

Training load_training(Ctx& ctx, soci::session& sql) {
  auto t = store::find_training(sql, ctx.coalition_id(), id_param(ctx));
  if (!t) not_found();
  return *t;
}

TrainingSession load_session(Ctx& ctx, soci::session& sql) {
  auto s = store::find_session(sql, ctx.coalition_id(), id_param(ctx));
  if (!s) not_found();
  return *s;
}

// The hours as stored, so saving the form unchanged changes nothing ("2,25" stays).
std::string number_text(const Ctx& ctx, double value) {
  return domain::format_decimal(value, ctx.decimal_separator(), 6);
}

nlohmann::json training_values(const Ctx& ctx, const Training& t) {
  return {{"title", t.title},
          {"provider", t.provider},
          {"kind", domain::word(t.kind)},
          {"hours", number_text(ctx, t.hours)},
          {"valid_months", std::to_string(t.valid_months)},
          {"modules", t.modules}};
}

void show_training_form(Ctx& ctx, long long id, const nlohmann::json& values,
                        const domain::FieldErrors& errors, int status = 200) {
  show_form_page(ctx,
                 {form_title(ctx, id, "training", values.value("title", "")),
                  id == 0 ? "/deskundigheid/training/nieuw" : training_href(id) + "/bewerken",
                  id == 0 ? "/deskundigheid/training" : training_href(id)},
                 training_fields(ctx), values, errors, status);
}

void save_training(Ctx& ctx, long long id) {
  const auto values = read_form(ctx, training_fields(ctx));
  domain::FieldErrors errors;
  Training t;
  t.id = id;
  t.title = domain::trim(values["title"].get<std::string>());
  t.provider = domain::trim(values["provider"].get<std::string>());
  t.modules = domain::trim(values["modules"].get<std::string>());
  t.kind = read_choice<domain::TrainingKind>(values, "kind", errors);
  t.hours = read_number_field(ctx, values["hours"].get<std::string>(), "hours", errors).value_or(0);
  // Empty is not "never": that is a 0 someone types on purpose.
  const auto valid = read_whole_number_field(ctx, values["valid_months"].get<std::string>(),
                                             "valid_months", errors);
  if (!valid && !errors.contains("valid_months")) errors["valid_months"] = "error.required";
  t.valid_months = valid.value_or(0);
  for (const auto& [field, key] : domain::validate(t)) errors.emplace(field, key);
  if (!errors.empty()) return show_training_form(ctx, id, values, errors, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  if (id == 0)
    id = store::create_training(change, t);
  else
    store::update_training(change, t);
  change.commit();
  ctx.redirect_with_notice(training_href(id), "saved");
}

void trainings(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto sessions = store::list_sessions(sql, ctx.coalition_id());
  const auto counts = store::session_counts(sql, ctx.coalition_id());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& t : store::list_trainings(sql, ctx.coalition_id())) {
    int count = 0;
    for (const auto& s : sessions) count += s.training_id == t.id ? 1 : 0;
    rows.push_back(training_summary(ctx, t, count));
  }
  const auto today = today_date();
  nlohmann::json upcoming = nlohmann::json::array();
  for (auto s = sessions.rbegin(); s != sessions.rend(); ++s)  // soonest first
    if (s->date >= today) upcoming.push_back(session_summary(ctx, *s, counts));
  ctx.page("deskundigheid/trainings", ctx.t("training.list_title"),
           {{"trainings", rows},
            {"has_trainings", !rows.empty()},
            {"upcoming", upcoming},
            {"has_upcoming", !upcoming.empty()},
            {"can_edit", domain::can_add_work(ctx.me().person)}});
}

void training_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto t = load_training(ctx, sql);
  nlohmann::json sessions = nlohmann::json::array();
  const auto counts = store::session_counts(sql, ctx.coalition_id());
  for (const auto& s : store::list_sessions(sql, ctx.coalition_id()))
    if (s.training_id == t.id) sessions.push_back(session_summary(ctx, s, counts));
  auto view = training_summary(ctx, t, static_cast<int>(sessions.size()));
  const auto modules = domain::split_words(t.modules, '\n');
  view.update({{"sessions", sessions},
               {"has_sessions", !sessions.empty()},
               {"modules", modules},
               {"has_modules", !modules.empty()},
               {"can_edit", domain::can_add_work(ctx.me().person)}});
  ctx.page("deskundigheid/training", ctx.tf("training.page_title", {{"title", t.title}}), view);
}

void show_session_form(Ctx& ctx, const Training& t, long long id, const nlohmann::json& values,
                       const domain::FieldErrors& errors, int status = 200) {
  show_form_page(ctx,
                 {id == 0 ? ctx.tf("session.new_title", {{"training", t.title}})
                          : title_naming(ctx.tf("session.edit_title", {{"training", t.title}}),
                                         ctx.date(values.value("date", ""))),
                  id == 0 ? training_href(t.id) + "/sessies/nieuw" : session_href(id) + "/bewerken",
                  id == 0 ? training_href(t.id) : session_href(id)},
                 session_fields(), values, errors, status);
}

void save_session(Ctx& ctx, const Training& t, long long id) {
  const auto values = read_form(ctx, session_fields());
  domain::FieldErrors errors;
  TrainingSession s;
  s.id = id;
  s.training_id = t.id;
  s.date = values["date"].get<std::string>();
  s.place = domain::trim(values["place"].get<std::string>());
  s.trainer = domain::trim(values["trainer"].get<std::string>());
  s.capacity =
      read_whole_number_field(ctx, values["capacity"].get<std::string>(), "capacity", errors)
          .value_or(0);
  for (const auto& [field, key] : domain::validate(s)) errors.emplace(field, key);
  if (!errors.empty()) return show_session_form(ctx, t, id, values, errors, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  if (id == 0)
    id = store::create_session(change, s);
  else
    store::update_session(change, s);
  change.commit();
  ctx.redirect_with_notice(session_href(id), "saved");
}

std::vector<FieldSpec> participant_fields(const RegisterNames& names) {
  auto fields = partner_role_wijk_fields(names, "participant.wijk_hint");
  fields.insert(fields.begin(), {.name = "name",
                                 .label_key = "participant.name",
                                 .kind = FieldKind::text,
                                 .required = true,
                                 .autocomplete = "off",
                                 .max_length = domain::text_limit::name});
  return fields;
}

const std::vector<FieldSpec> kImportFields = {
    {"bestand", "attendance.file", FieldKind::file, true, "attendance.file_hint", {}, ""}};

void session_page(Ctx& ctx, const nlohmann::json& participant_values = {},
                  const domain::FieldErrors& participant_errors = {}, int status = 200) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto s = load_session(ctx, sql);
  const auto t = store::find_training(sql, ctx.coalition_id(), s.training_id).value();
  const bool names_shown = domain::can_add_work(ctx.me().person);
  const auto names = register_names(ctx, sql);
  auto view = session_summary(ctx, s, store::session_counts(sql, ctx.coalition_id()));
  view.update({{"training", t.title}, {"training_href", training_href(t.id)}});
  if (names_shown) {
    const auto lookups = load_plan_lookups(sql, ctx.coalition_id());
    nlohmann::json people = nlohmann::json::array();
    const auto only = only_partner(ctx);
    for (const auto& [p, attended] : store::session_participants(sql, s.id))
      if (!only || *only == p.partner_id)
        people.push_back({{"id", p.id},
                          {"name", p.name},
                          {"partner", name_of(lookups.partners, p.partner_id)},
                          {"role", role_name(names.roles, p.role)},
                          {"attended", attended}});
    nlohmann::json values =
        participant_values.empty()
            ? nlohmann::json{{"name", ""}, {"partner_id", ""}, {"role", ""}, {"wijk_code", ""}}
            : participant_values;
    const auto specs = participant_fields(names);
    view.update({{"people", people},
                 {"own_only", only.has_value()},
                 {"has_people", !people.empty()},
                 {"csrf", ctx.me().csrf_token},
                 {"summary", error_summary(ctx, specs, participant_errors)},
                 {"fields", form_fields(ctx, specs, values, participant_errors)},
                 {"edit", session_href(s.id) + "/bewerken"}});
  }
  view["names_shown"] = names_shown;
  ctx.page("deskundigheid/session",
           ctx.tf("session.title", {{"training", t.title}, {"date", ctx.date(s.date)}}), view,
           status);
}

void add_participant(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto s = load_session(ctx, conn.sql());
  const auto names = register_names(ctx, conn.sql());
  const auto values = read_form(ctx, participant_fields(names));
  domain::Participant p;
  p.name = domain::trim(values["name"].get<std::string>());
  p.partner_id = parse_id(values["partner_id"].get<std::string>()).value_or(0);
  p.role = values["role"].get<std::string>();
  p.wijk_code = values["wijk_code"].get<std::string>();
  auto errors = domain::validate(p);
  // Only the register's own partners, roles and wijken.
  check_offered(names, p.partner_id, p.role, p.wijk_code, errors);
  if (!errors.empty()) return session_page(ctx, values, errors, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  store::add_to_session(change, s.id, {p});
  change.commit();
  ctx.redirect_with_notice(session_href(s.id) + "#deelnemers", "participant_added");
}

void save_attendance(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto s = load_session(ctx, change.sql());
  std::set<long long> attended;
  for (std::size_t i = 0; i < ctx.req.get_param_value_count("aanwezig"); ++i)
    if (const auto id = parse_id(ctx.req.get_param_value("aanwezig", i))) attended.insert(*id);
  store::set_attendance(change, s.id, attended, only_partner(ctx));
  change.commit();
  ctx.redirect_with_notice(session_href(s.id) + "#deelnemers", "saved");
}

void import_attendance(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto s = load_session(ctx, conn.sql());
  const FormPage page{
      ctx.t("attendance.import_title"), session_href(s.id) + "/importeren", session_href(s.id),
      ctx.t("attendance.import_intro"), "attendance.import_submit",         true};
  const nlohmann::json values = {{"bestand", ""}};
  if (!ctx.req.has_file("bestand") || ctx.req.get_file_value("bestand").content.empty())
    return show_form_page(ctx, page, kImportFields, values, {{"bestand", "upload.error.file"}},
                          422);
  const auto names = register_names(ctx, conn.sql());
  const auto parsed =
      domain::parse_attendance_csv(ctx.req.get_file_value("bestand").content, names.all_partners,
                                   names.roles_in_both, names.wijken, only_partner(ctx));
  if (!parsed.problems.empty())
    return show_import_problems(ctx, page, kImportFields, values, parsed.problems);
  store::Change change(ctx.app.db(), ctx.actor());
  const int added = store::add_to_session(change, s.id, parsed.participants);
  change.commit();
  ctx.redirect(session_href(s.id) + "?melding=attendance_imported&aantal=" + std::to_string(added) +
               "#deelnemers");
}

}  // namespace

void register_training_pages(App& app) {
  app.get("/deskundigheid/training", Access::signed_in, trainings, Caching::body);
  app.get("/deskundigheid/training/nieuw", Access::editor,
          [](Ctx& ctx) { show_training_form(ctx, 0, training_values(ctx, {}), {}); });
  app.post("/deskundigheid/training/nieuw", Access::editor,
           [](Ctx& ctx) { save_training(ctx, 0); });
  app.get(R"(/deskundigheid/training/(\d+))", Access::signed_in, training_page, Caching::body);
  app.get(R"(/deskundigheid/training/(\d+)/bewerken)", Access::editor, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto t = load_training(ctx, conn.sql());
    show_training_form(ctx, t.id, training_values(ctx, t), {});
  });
  app.post(R"(/deskundigheid/training/(\d+)/bewerken)", Access::editor, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    save_training(ctx, load_training(ctx, conn.sql()).id);
  });
  app.get(R"(/deskundigheid/training/(\d+)/sessies/nieuw)", Access::editor, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto t = load_training(ctx, conn.sql());
    show_session_form(ctx, t, 0, {{"date", ""}, {"place", ""}, {"trainer", ""}, {"capacity", ""}},
                      {});
  });
  app.post(R"(/deskundigheid/training/(\d+)/sessies/nieuw)", Access::editor, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    save_session(ctx, load_training(ctx, conn.sql()), 0);
  });
  app.get(R"(/deskundigheid/sessies/(\d+))", Access::signed_in,
          [](Ctx& ctx) { session_page(ctx); });
  app.get(R"(/deskundigheid/sessies/(\d+)/bewerken)", Access::editor, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto s = load_session(ctx, conn.sql());
    const auto t = store::find_training(conn.sql(), ctx.coalition_id(), s.training_id).value();
    show_session_form(ctx, t, s.id,
                      {{"date", s.date},
                       {"place", s.place},
                       {"trainer", s.trainer},
                       {"capacity", s.capacity == 0 ? "" : std::to_string(s.capacity)}},
                      {});
  });
  app.post(R"(/deskundigheid/sessies/(\d+)/bewerken)", Access::editor, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto s = load_session(ctx, conn.sql());
    save_session(ctx, store::find_training(conn.sql(), ctx.coalition_id(), s.training_id).value(),
                 s.id);
  });
  app.post(R"(/deskundigheid/sessies/(\d+)/deelnemers)", Access::editor, add_participant);
  app.post(R"(/deskundigheid/sessies/(\d+)/aanwezigheid)", Access::editor, save_attendance);
  app.post(R"(/deskundigheid/sessies/(\d+)/importeren)", Access::editor, import_attendance);
}

}  // namespace kompas::web
