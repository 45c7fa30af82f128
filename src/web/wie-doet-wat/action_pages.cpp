// Agreed actions: what is due and overdue per person and partner, each action with its status
// log, and changing the status with a note.
#include "domain/ambitions.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/actions_store.h"
#include "web/ui/form.h"
#include "web/ui/page_title.h"
#include "web/wie-doet-wat/pages.h"
#include "web/wie-doet-wat/plan_lookups.h"

namespace kompas::web {
namespace {

std::vector<std::pair<std::string, std::string>> id_options(const IdNames& names) {
  std::vector<std::pair<std::string, std::string>> options;
  for (const auto& [id, name] : names) options.emplace_back(std::to_string(id), name);
  return options;
}

std::vector<FieldSpec> action_fields(const Ctx& ctx, const PlanLookups& names) {
  return {
      {.name = "title",
       .label_key = "action.title",
       .kind = FieldKind::text,
       .required = true,
       .autocomplete = "off",
       .max_length = domain::text_limit::name},
      {.name = "description",
       .label_key = "action.description",
       .kind = FieldKind::textarea,
       .max_length = domain::text_limit::text},
      {"owner", "action.owner", FieldKind::select, false, "", id_options(names.active_people), ""},
      {"partner", "action.partner", FieldKind::select, false, "", id_options(names.partners), ""},
      {"ambition", "action.ambition", FieldKind::select, false, "", id_options(names.ambitions),
       ""},
      {"due_date", "action.due_date", FieldKind::date, true, "", {}, "off"},
      {"status", "action.status", FieldKind::select, true, "",
       word_options(ctx, domain::all_words<domain::ActionStatus>(), "action.status."), ""},
  };
}

nlohmann::json form_values(const domain::Action& a) {
  auto id_text = [](const std::optional<long long>& id) {
    return id ? std::to_string(*id) : std::string();
  };
  return {{"title", a.title},
          {"description", a.description},
          {"owner", id_text(a.owner_person_id)},
          {"partner", id_text(a.partner_id)},
          {"ambition", id_text(a.ambition_id)},
          {"due_date", a.due_date},
          {"status", domain::word(a.status)}};
}

domain::Action action_from(const nlohmann::json& v, long long id, const PlanLookups& names,
                           domain::FieldErrors& errors) {
  domain::Action a;
  a.id = id;
  a.title = domain::trim(v["title"].get<std::string>());
  a.description = domain::trim(v["description"].get<std::string>());
  for (const auto& [field, target, known] :
       {std::tuple{"owner", &a.owner_person_id, &names.active_people},
        std::tuple{"partner", &a.partner_id, &names.partners},
        std::tuple{"ambition", &a.ambition_id, &names.ambitions}}) {
    const auto text = v[field].get<std::string>();
    if (text.empty()) continue;
    *target = parse_id(text);
    if (!*target || name_of(*known, **target).empty()) errors[field] = "error.choose";
  }
  a.due_date = domain::trim(v["due_date"].get<std::string>());
  a.status = read_choice<domain::ActionStatus>(v, "status", errors);
  return a;
}

domain::Action load_action(Ctx& ctx, long long id) {
  store::Connection conn(ctx.app.db());
  auto a = store::find_action(conn.sql(), ctx.coalition_id(), id);
  if (!a) not_found();
  return *a;
}

// The beheerder, the person who owns the action and the people of its partner update it; a
// lezer who was named its owner reads it (a lezer writes nothing of the coalition's work).
bool may_update(const Ctx& ctx, const domain::Action& a) {
  const auto& person = ctx.me().person;
  if (!domain::can_add_work(person)) return false;
  if (ctx.me().is_beheerder() || a.owner_person_id == person.id) return true;
  return a.partner_id && person.role == domain::Role::partner && person.partner_id == a.partner_id;
}

void show_form(Ctx& ctx, long long id, const nlohmann::json& values,
               const domain::FieldErrors& errors, int status = 200) {
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  const auto action = id == 0 ? "/acties" : "/acties/" + std::to_string(id);
  FormPage page{form_title(ctx, id, "actions", values.value("title", "")), action, action, ""};
  if (id != 0) page.delete_href = action + "/verwijderen";
  page.delete_label = ctx.t("actions.delete_title");
  show_form_page(ctx, page, action_fields(ctx, names), values, errors, status);
}

void save(Ctx& ctx, long long id) {
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto names = load_plan_lookups(change.sql(), me.coalition.id);
  const auto values = read_form(ctx, action_fields(ctx, names));
  domain::FieldErrors errors;
  auto a = action_from(values, id, names, errors);
  errors.merge(domain::validate(a));
  if (!errors.empty()) return show_form(ctx, id, values, errors, 422);
  if (id == 0)
    id = store::create_action(change, a);
  else
    store::update_action(change, a, "");
  change.commit();
  ctx.redirect_with_notice("/acties/" + std::to_string(id), "saved");
}

nlohmann::json action_row(const Ctx& ctx, const domain::Action& a, const PlanLookups& names,
                          const std::string& today) {
  return {
      {"href", "/acties/" + std::to_string(a.id)},
      {"title", a.title},
      {"owner", a.owner_person_id ? name_of(names.people, *a.owner_person_id) : ""},
      {"partner", a.partner_id ? name_of(names.partners, *a.partner_id) : ""},
      {"ambition", a.ambition_id ? name_of(names.ambitions, *a.ambition_id) : ""},
      {"due_date", domain::is_open(a) ? ctx.date(a.due_date) : ""},  // a deadline only while open
      {"status", ctx.t("action.status." + domain::word(a.status))},
      {"overdue", domain::is_overdue(a, today)}};
}

// Open actions, and per person and per partner how many are open and how many overdue.
void list(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  const auto today = today_date();
  const bool all = ctx.query("toon") == "alle";
  struct Tally {
    int open = 0, overdue = 0;
  };
  std::map<std::string, Tally> by_person, by_partner;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& a : store::list_actions(conn.sql(), ctx.coalition_id())) {
    const bool open = domain::is_open(a);
    if (open) {
      const bool late = domain::is_overdue(a, today);
      auto count = [&](Tally& t) {
        ++t.open;
        if (late) ++t.overdue;
      };
      count(by_person[a.owner_person_id ? name_of(names.people, *a.owner_person_id)
                                        : ctx.t("actions.nobody")]);
      if (a.partner_id) count(by_partner[name_of(names.partners, *a.partner_id)]);
    }
    if (open || all) rows.push_back(action_row(ctx, a, names, today));
  }
  auto tallies = [](const std::map<std::string, Tally>& map) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [name, t] : map)
      list.push_back(
          {{"name", name}, {"open", t.open}, {"overdue", t.overdue}, {"late", t.overdue > 0}});
    return list;
  };
  nlohmann::json tally_tables = nlohmann::json::array();
  if (!by_person.empty())
    tally_tables.push_back(
        {{"heading", ctx.t("actions.per_person")}, {"rows", tallies(by_person)}});
  if (!by_partner.empty())
    tally_tables.push_back(
        {{"heading", ctx.t("actions.per_partner")}, {"rows", tallies(by_partner)}});
  ctx.page("wie-doet-wat/action_list", ctx.t("actions.title"),
           {{"rows", rows},
            {"empty", rows.empty()},
            {"all", all},
            {"tallies", tally_tables},
            {"can_create", ctx.me().is_beheerder()}});
}

const FieldSpec kNoteField{.name = "note",
                           .label_key = "actions.note",
                           .kind = FieldKind::textarea,
                           .max_length = domain::text_limit::note};

void detail(Ctx& ctx, const domain::Action& a, const domain::FieldErrors& errors = {},
            int status = 200) {
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  auto view = action_row(ctx, a, names, today_date());
  view["id"] = a.id;
  view["description"] = a.description;
  nlohmann::json log = nlohmann::json::array();
  for (const auto& e : store::action_log(conn.sql(), a.id))
    log.push_back({{"at", ctx.date_time(e.at)},
                   {"person", e.person_name},
                   {"status", ctx.t("action.status." + e.status)},
                   {"note", e.note}});
  view["log"] = log;
  nlohmann::json statuses = nlohmann::json::array();
  for (const auto& s : domain::all_words<domain::ActionStatus>())
    statuses.push_back({{"value", s},
                        {"label", ctx.t("action.status." + s)},
                        {"selected", s == domain::word(a.status)}});
  view["statuses"] = statuses;
  view["may_update"] = may_update(ctx, a);
  view["can_edit"] = ctx.me().is_beheerder();
  view["csrf"] = ctx.me().csrf_token;
  view["status_error"] =
      errors.contains("status") ? nlohmann::json(ctx.t(errors.at("status"))) : nlohmann::json();
  view["note_form"] = {
      {"fields", form_fields(ctx, {kNoteField}, {{"note", ctx.field("note")}}, errors)}};
  ctx.page("wie-doet-wat/action_detail", a.title, view, status);
}

void update_status(Ctx& ctx) {
  auto a = load_action(ctx, id_param(ctx));
  if (!may_update(ctx, a)) forbidden();
  const auto status = domain::parse_word<domain::ActionStatus>(ctx.field("status"));
  const auto note = domain::trim(ctx.field("note"));
  domain::FieldErrors errors;
  if (!status) errors["status"] = "error.choose";
  domain::check_length(errors, "note", note, kNoteField.max_length);
  if (!errors.empty()) return detail(ctx, a, errors, 422);
  a.status = *status;
  store::Change change(ctx.app.db(), ctx.actor());
  store::update_action(change, a, note);
  change.commit();
  ctx.redirect_with_notice("/acties/" + std::to_string(a.id), "saved");
}

void confirm_delete(Ctx& ctx) {
  const auto a = load_action(ctx, id_param(ctx));
  store::Connection conn(ctx.app.db());
  const auto log = store::action_log(conn.sql(), a.id);
  const auto href = "/acties/" + std::to_string(a.id);
  show_delete_confirmation(ctx,
                           {title_naming(ctx.t("actions.delete_title"), a.title),
                            ctx.tf("actions.delete_question", {{"name", a.title}}),
                            {ctx.tf("actions.delete_consequence",
                                    {{"entries", ctx.number(static_cast<long long>(log.size()))}}),
                             ctx.t("actions.delete_or_stop")},
                            href + "/verwijderen",
                            href,
                            ctx.t("actions.delete_submit")});
}

void remove(Ctx& ctx) {
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto a = store::find_action(change.sql(), me.coalition.id, id_param(ctx));
  if (!a) not_found();
  require_delete_confirmation(ctx);
  store::delete_action(change, *a);
  change.commit();
  ctx.redirect_with_notice("/acties", "action_deleted");
}

}  // namespace

void register_action_pages(App& app) {
  app.get("/acties", Access::signed_in, list, Caching::body);
  app.get("/acties/nieuw", Access::beheerder, [](Ctx& ctx) {
    domain::Action blank;
    show_form(ctx, 0, form_values(blank), {});
  });
  app.post("/acties", Access::beheerder, [](Ctx& ctx) { save(ctx, 0); });
  app.get(R"(/acties/(\d+))", Access::signed_in,
          [](Ctx& ctx) { detail(ctx, load_action(ctx, id_param(ctx))); });
  app.get(R"(/acties/(\d+)/bewerken)", Access::beheerder, [](Ctx& ctx) {
    const auto a = load_action(ctx, id_param(ctx));
    show_form(ctx, a.id, form_values(a), {});
  });
  app.post(R"(/acties/(\d+))", Access::beheerder,
           [](Ctx& ctx) { save(ctx, load_action(ctx, id_param(ctx)).id); });
  app.post(R"(/acties/(\d+)/status)", Access::editor, update_status);
  app.get(R"(/acties/(\d+)/verwijderen)", Access::beheerder, confirm_delete);
  app.post(R"(/acties/(\d+)/verwijderen)", Access::beheerder, remove);
}

}  // namespace kompas::web
