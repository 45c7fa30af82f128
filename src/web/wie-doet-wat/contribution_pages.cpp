// Wie doet wat: contributions of partners to ambitions, as a partner × ambition matrix that
// shows empty rows and columns, and the form a beheerder or the partner itself fills in.
#include "domain/ambitions.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "domain/year_values.h"
#include "store/activities_store.h"
#include "store/contributions_store.h"
#include "web/doelen/plan_views.h"
#include "web/ui/form.h"
#include "web/ui/page_title.h"
#include "web/wie-doet-wat/pages.h"
#include "web/wie-doet-wat/plan_lookups.h"

namespace kompas::web {
namespace {

// `sql`: the caller's session, so a request never holds two pooled connections at once.
std::vector<FieldSpec> contribution_fields(Ctx& ctx, soci::session& sql, const PlanLookups& names) {
  std::vector<std::pair<std::string, std::string>> partners, ambitions, activities;
  for (const auto& [id, name] : names.partners)
    if (domain::can_edit_partner(ctx.me().person, id))
      partners.emplace_back(std::to_string(id), name);
  for (const auto& [id, title] : names.ambitions) ambitions.emplace_back(std::to_string(id), title);
  for (const auto& a : store::list_activities(sql, ctx.coalition_id()))
    activities.emplace_back(std::to_string(a.id), a.name);
  return {
      {"partner", "contribution.partner", FieldKind::select, true, "", partners, ""},
      {"ambition", "contribution.ambition", FieldKind::select, true, "", ambitions, ""},
      {.name = "what",
       .label_key = "contribution.what",
       .kind = FieldKind::textarea,
       .required = true,
       .hint_key = "contribution.what_hint",
       .max_length = domain::text_limit::note},
      {"activity", "contribution.activity", FieldKind::select, false, "contribution.activity_hint",
       activities, ""},
      {"hours",
       "contribution.hours",
       FieldKind::number,
       false,
       "contribution.hours_hint",
       {},
       "off"},
      {"euros", "contribution.euros", FieldKind::number, false, "", {}, "off"},
      {.name = "in_kind",
       .label_key = "contribution.in_kind",
       .kind = FieldKind::text,
       .hint_key = "contribution.in_kind_hint",
       .autocomplete = "off",
       .max_length = domain::text_limit::line},
      {"start_year", "ambition.start_year", FieldKind::whole_number, true, "", {}, "off"},
      {"end_year", "ambition.end_year", FieldKind::whole_number, true, "", {}, "off"},
      {"agreed_on",
       "contribution.agreed_on",
       FieldKind::date,
       false,
       "contribution.agreed_on_hint",
       {},
       "off"},
      {"status", "contribution.status", FieldKind::select, true, "",
       word_options(ctx, domain::all_words<domain::ContributionStatus>(), "contribution.status."),
       ""},
  };
}

std::string optional_number(const Ctx& ctx, const std::optional<double>& v) {
  return v ? domain::format_decimal(*v, ctx.decimal_separator(), 2) : "";
}

nlohmann::json form_values(const Ctx& ctx, const domain::Contribution& c) {
  auto id_text = [](long long id) { return id ? std::to_string(id) : std::string(); };
  return {{"partner", id_text(c.partner_id)},
          {"ambition", id_text(c.ambition_id)},
          {"what", c.what},
          {"activity", c.activity_id ? std::to_string(*c.activity_id) : ""},
          {"hours", optional_number(ctx, c.hours)},
          {"euros", optional_number(ctx, c.euros)},
          {"in_kind", c.in_kind},
          {"start_year", c.start_year ? std::to_string(c.start_year) : ""},
          {"end_year", c.end_year ? std::to_string(c.end_year) : ""},
          {"agreed_on", c.agreed_on},
          {"status", domain::word(c.status)}};
}

domain::Contribution contribution_from(const nlohmann::json& v, long long id,
                                       const PlanLookups& names, const Ctx& ctx,
                                       domain::FieldErrors& errors) {
  domain::Contribution c;
  c.id = id;
  const auto partner = parse_id(v["partner"].get<std::string>());
  if (!partner || name_of(names.partners, *partner).empty())
    errors["partner"] = "error.choose";
  else if (!domain::can_edit_partner(ctx.me().person, *partner))
    errors["partner"] = "error.own_partner";
  else
    c.partner_id = *partner;
  const auto ambition = parse_id(v["ambition"].get<std::string>());
  if (!ambition || name_of(names.ambitions, *ambition).empty())
    errors["ambition"] = "error.choose";
  else
    c.ambition_id = *ambition;
  c.what = domain::trim(v["what"].get<std::string>());
  const auto activity = v["activity"].get<std::string>();
  c.activity_id = parse_id(activity);
  if (!activity.empty() && !c.activity_id) errors["activity"] = "error.choose";
  for (const auto& [field, target] : {std::pair{"hours", &c.hours}, std::pair{"euros", &c.euros}})
    *target = read_number_field(ctx, v[field].get<std::string>(), field, errors);
  c.in_kind = domain::trim(v["in_kind"].get<std::string>());
  c.start_year = parse_year(v["start_year"].get<std::string>());
  c.end_year = parse_year(v["end_year"].get<std::string>());
  c.agreed_on = domain::trim(v["agreed_on"].get<std::string>());
  c.status = read_choice<domain::ContributionStatus>(v, "status", errors);
  return c;
}

domain::Contribution load_contribution(Ctx& ctx, long long id) {
  store::Connection conn(ctx.app.db());
  auto c = store::find_contribution(conn.sql(), ctx.coalition_id(), id);
  if (!c) not_found();
  if (!domain::can_edit_partner(ctx.me().person, c->partner_id)) forbidden();
  return *c;
}

// "Meedenken in de coalitie (Welzijn Noord)": partners often promise the same, so a page
// about one contribution names whose it is.
std::string contribution_name(const IdNames& partners, const std::string& what,
                              std::optional<long long> partner_id) {
  const auto partner = partner_id ? name_of(partners, *partner_id) : "";
  return partner.empty() ? what : what + " (" + partner + ")";
}

void show_form(Ctx& ctx, long long id, const nlohmann::json& values,
               const domain::FieldErrors& errors, int status = 200) {
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  const auto action =
      id == 0 ? "/wie-doet-wat/bijdragen" : "/wie-doet-wat/bijdragen/" + std::to_string(id);
  FormPage page{form_title(ctx, id, "contributions",
                           contribution_name(names.partners, values.value("what", ""),
                                             parse_id(values.value("partner", "")))),
                action, "/wie-doet-wat/bijdragen", ctx.t("contributions.form_intro")};
  if (id != 0) page.delete_href = action + "/verwijderen";
  page.delete_label = ctx.t("contributions.delete_title");
  show_form_page(ctx, page, contribution_fields(ctx, conn.sql(), names), values, errors, status);
}

void save(Ctx& ctx, long long id) {
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto names = load_plan_lookups(change.sql(), me.coalition.id);
  const auto values = read_form(ctx, contribution_fields(ctx, change.sql(), names));
  domain::FieldErrors errors;
  auto c = contribution_from(values, id, names, ctx, errors);
  if (c.activity_id && !store::find_activity(change.sql(), me.coalition.id, *c.activity_id))
    errors["activity"] = "error.choose";
  errors.merge(domain::validate(c));
  if (!errors.empty()) return show_form(ctx, id, values, errors, 422);
  if (id == 0)
    store::create_contribution(change, c);
  else
    store::update_contribution(change, c);
  change.commit();
  ctx.redirect_with_notice("/wie-doet-wat/bijdragen", "saved");
}

// Partners down, ambitions across; a row or column without contributions is marked, so an
// ambition nobody works on and a partner that contributes nothing stand out.
void matrix(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  const auto contributions = store::list_contributions(conn.sql(), ctx.coalition_id());
  std::map<std::pair<long long, long long>, std::vector<const domain::Contribution*>> cells;
  std::set<long long> busy_partners, busy_ambitions;
  auto means = add_up(contributions);
  for (const auto& c : contributions) {
    if (domain::is_stopped(c)) continue;
    cells[{c.partner_id, c.ambition_id}].push_back(&c);
    busy_partners.insert(c.partner_id);
    busy_ambitions.insert(c.ambition_id);
  }
  nlohmann::json columns = nlohmann::json::array();
  for (const auto& [id, title] : names.ambitions)
    columns.push_back({{"title", title},
                       {"href", "/doelen/" + std::to_string(id)},
                       {"empty", !busy_ambitions.count(id)}});
  nlohmann::json rows = nlohmann::json::array();
  // A "+" per cell helps in a small matrix; in a big city's (200 × 50) it would be most of the
  // page, so there the beheerder uses the button above and partners keep theirs in their row.
  const bool cell_links = ctx.me().person.role == domain::Role::partner ||
                          names.partners.size() * names.ambitions.size() <= 500;
  for (const auto& [partner_id, partner_name] : names.partners) {
    const bool may_add = domain::can_edit_partner(ctx.me().person, partner_id);
    nlohmann::json row_cells = nlohmann::json::array();
    for (const auto& [ambition_id, title] : names.ambitions) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto* c : cells[{partner_id, ambition_id}])
        items.push_back({{"what", c->what},
                         {"status", ctx.t("contribution.status." + domain::word(c->status))},
                         {"href", may_add ? nlohmann::json("/wie-doet-wat/bijdragen/" +
                                                           std::to_string(c->id) + "/bewerken")
                                          : nlohmann::json()}});
      row_cells.push_back(
          {{"items", items},
           {"add", may_add && cell_links ? nlohmann::json("/wie-doet-wat/bijdragen/nieuw?partner=" +
                                                          std::to_string(partner_id) +
                                                          "&ambitie=" + std::to_string(ambition_id))
                                         : nlohmann::json()},
           {"label", partner_name + " – " + title}});
    }
    rows.push_back({{"name", partner_name},
                    {"href", "/partners/" + std::to_string(partner_id)},
                    {"empty", !busy_partners.count(partner_id)},
                    {"cells", row_cells},
                    {"total", means.by_partner[partner_id].text(ctx)}});
  }
  nlohmann::json totals = nlohmann::json::array();
  for (const auto& [ambition_id, title] : names.ambitions)
    totals.push_back(means.by_ambition[ambition_id].text(ctx));
  ctx.page("wie-doet-wat/contribution_matrix", ctx.t("contributions.title"),
           {{"columns", columns},
            {"rows", rows},
            {"has_ambitions", !columns.empty()},
            {"totals", totals},
            {"total", means.all.text(ctx)},
            {"idle_partners", names.partners.size() - busy_partners.size()},
            {"idle_ambitions", names.ambitions.size() - busy_ambitions.size()},
            {"can_add", domain::can_add_work(ctx.me().person)}});
}

void confirm_delete(Ctx& ctx) {
  const auto c = load_contribution(ctx, id_param(ctx));
  const auto href = "/wie-doet-wat/bijdragen/" + std::to_string(c.id);
  store::Connection conn(ctx.app.db());
  const auto partners = load_plan_lookups(conn.sql(), ctx.coalition_id()).partners;
  show_delete_confirmation(ctx, {title_naming(ctx.t("contributions.delete_title"),
                                              contribution_name(partners, c.what, c.partner_id)),
                                 ctx.tf("contributions.delete_question", {{"name", c.what}}),
                                 {ctx.t("contributions.delete_or_stop")},
                                 href + "/verwijderen",
                                 href + "/bewerken",
                                 ctx.t("contributions.delete_submit")});
}

void remove(Ctx& ctx) {
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto c = store::find_contribution(change.sql(), me.coalition.id, id_param(ctx));
  if (!c) not_found();
  if (!domain::can_edit_partner(me.person, c->partner_id)) forbidden();
  require_delete_confirmation(ctx);
  store::delete_contribution(change, *c);
  change.commit();
  ctx.redirect_with_notice("/wie-doet-wat/bijdragen", "contribution_deleted");
}

}  // namespace

nlohmann::json partner_contributions(Ctx& ctx, soci::session& sql, long long partner_id) {
  const auto names = load_plan_lookups(sql, ctx.coalition_id());
  const bool may_edit = domain::can_edit_partner(ctx.me().person, partner_id);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : store::list_contributions(sql, ctx.coalition_id(), partner_id)) {
    std::string means;
    if (c.hours) means += value_text(ctx, *c.hours, "uren");
    if (c.euros) means += (means.empty() ? "" : ", ") + value_text(ctx, *c.euros, "euro");
    if (!c.in_kind.empty()) means += (means.empty() ? "" : ", ") + c.in_kind;
    list.push_back({{"what", c.what},
                    {"ambition", name_of(names.ambitions, c.ambition_id)},
                    {"ambition_href", "/doelen/" + std::to_string(c.ambition_id)},
                    {"means", means},
                    {"period", std::to_string(c.start_year) + "–" + std::to_string(c.end_year)},
                    {"status", ctx.t("contribution.status." + domain::word(c.status))},
                    {"edit", may_edit ? nlohmann::json("/wie-doet-wat/bijdragen/" +
                                                       std::to_string(c.id) + "/bewerken")
                                      : nlohmann::json()}});
  }
  return list;
}

void register_contribution_pages(App& app) {
  app.get("/wie-doet-wat/bijdragen", Access::signed_in, matrix, Caching::body);
  app.get("/wie-doet-wat/bijdragen/nieuw", Access::editor, [](Ctx& ctx) {
    domain::Contribution blank;
    blank.partner_id =
        parse_id(ctx.query("partner")).value_or(ctx.me().person.partner_id.value_or(0));
    blank.ambition_id = parse_id(ctx.query("ambitie")).value_or(0);
    blank.start_year = current_year();
    blank.end_year = current_year() + domain::kDefaultPlanYears - 1;
    show_form(ctx, 0, form_values(ctx, blank), {});
  });
  app.post("/wie-doet-wat/bijdragen", Access::editor, [](Ctx& ctx) { save(ctx, 0); });
  app.get(R"(/wie-doet-wat/bijdragen/(\d+)/bewerken)", Access::signed_in, [](Ctx& ctx) {
    const auto c = load_contribution(ctx, id_param(ctx));
    show_form(ctx, c.id, form_values(ctx, c), {});
  });
  app.post(R"(/wie-doet-wat/bijdragen/(\d+))", Access::editor,
           [](Ctx& ctx) { save(ctx, load_contribution(ctx, id_param(ctx)).id); });
  app.get(R"(/wie-doet-wat/bijdragen/(\d+)/verwijderen)", Access::signed_in, confirm_delete);
  app.post(R"(/wie-doet-wat/bijdragen/(\d+)/verwijderen)", Access::editor, remove);
}

}  // namespace kompas::web
