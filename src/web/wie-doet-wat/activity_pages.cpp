// Wie doet wat: the activities register with filters, each activity's page and form, and the
// coverage view (activities per area and degree beside the survey figures).
#include "domain/text.h"
#include "domain/text_limits.h"
#include "domain/year_values.h"
#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/areas_store.h"
#include "store/hsds_store.h"
#include "store/partners_store.h"
#include "web/core/url.h"
#include "web/ui/form.h"
#include "web/ui/listing.h"
#include "web/ui/page_title.h"
#include "web/verbetercyclus/decisions.h"
#include "web/wie-doet-wat/pages.h"
#include "web/wie-doet-wat/plan_lookups.h"

namespace kompas::web {
namespace {

std::vector<FieldSpec> activity_fields(const Ctx& ctx, const PlanLookups& names) {
  std::vector<std::pair<std::string, std::string>> partners, wijken, ambitions;
  for (const auto& [id, name] : names.partners) partners.emplace_back(std::to_string(id), name);
  for (const auto& [code, name] : names.wijken) wijken.emplace_back(code, name);
  for (const auto& [id, title] : names.ambitions) ambitions.emplace_back(std::to_string(id), title);
  return {
      {.name = "name",
       .label_key = "activity.name",
       .kind = FieldKind::text,
       .required = true,
       .autocomplete = "off",
       .max_length = domain::text_limit::name},
      {.name = "description",
       .label_key = "activity.description",
       .kind = FieldKind::textarea,
       .max_length = domain::text_limit::text},
      {"lead_partner", "activity.lead_partner", FieldKind::select, false,
       "activity.lead_partner_hint", partners, ""},
      {"co_partners", "activity.co_partners", FieldKind::checkboxes, false, "", partners, ""},
      {"target_group", "ambition.target_group", FieldKind::select, true, "",
       word_options(ctx, domain::target_groups(), "target_group."), ""},
      {"areas", "ambition.areas", FieldKind::checkboxes, false, "activity.areas_hint", wijken, ""},
      {"loneliness_type", "activity.loneliness_type", FieldKind::select, true,
       "activity.loneliness_type_hint",
       word_options(ctx, domain::loneliness_types(), "loneliness_type."), ""},
      {"degrees", "activity.degrees", FieldKind::checkboxes, true, "activity.degrees_hint",
       word_options(ctx, domain::loneliness_degrees(), "degree."), ""},
      {"elements", "activity.elements", FieldKind::checkboxes, false, "activity.elements_hint",
       word_options(ctx, domain::effective_elements(), "element."), ""},
      {"method", "activity.method", FieldKind::select, true, "activity.method_hint",
       word_options(ctx, domain::all_words<domain::MethodLevel>(), "activity.method."), ""},
      {.name = "reach",
       .label_key = "activity.reach",
       .kind = FieldKind::textarea,
       .hint_key = "activity.reach_hint",
       .max_length = domain::text_limit::line},
      {"start_date", "activity.start_date", FieldKind::date, false, "", {}, "off"},
      {"end_date", "activity.end_date", FieldKind::date, false, "", {}, "off"},
      {"status", "activity.status", FieldKind::select, true, "",
       word_options(ctx, domain::all_words<domain::ActivityStatus>(), "activity.status."), ""},
      {"ambitions", "activity.ambitions", FieldKind::checkboxes, false, "", ambitions, ""},
  };
}

std::vector<std::string> strings(const nlohmann::json& list) {
  std::vector<std::string> result;
  for (const auto& v : list) result.push_back(v.get<std::string>());
  return result;
}

std::vector<long long> ids(const nlohmann::json& list, bool& bad) {
  std::vector<long long> result;
  for (const auto& v : list) {
    const auto id = parse_id(v.get<std::string>());
    if (id)
      result.push_back(*id);
    else
      bad = true;
  }
  return result;
}

nlohmann::json form_values(const Ctx& ctx, const domain::Activity& a) {
  auto words = [](const std::vector<std::string>& list) { return nlohmann::json(list); };
  auto id_words = [](const std::vector<long long>& list) {
    nlohmann::json json = nlohmann::json::array();
    for (const auto id : list) json.push_back(std::to_string(id));
    return json;
  };
  return {{"name", a.name},
          {"description", a.description},
          {"lead_partner", a.lead_partner_id ? std::to_string(*a.lead_partner_id) : ""},
          {"co_partners", id_words(a.co_partner_ids)},
          {"target_group", a.target_group},
          {"areas", words(a.areas)},
          {"loneliness_type", a.loneliness_type},
          {"degrees", words(a.degrees)},
          {"elements", words(a.elements)},
          {"method", domain::word(a.method)},
          {"reach", domain::format_year_values(a.reach, ctx.decimal_separator())},
          {"start_date", a.start_date},
          {"end_date", a.end_date},
          {"status", domain::word(a.status)},
          {"ambitions", id_words(a.ambition_ids)}};
}

domain::Activity activity_from(const Ctx& ctx, const nlohmann::json& v, long long id,
                               domain::FieldErrors& errors) {
  domain::Activity a;
  a.id = id;
  a.name = domain::trim(v["name"].get<std::string>());
  a.description = domain::trim(v["description"].get<std::string>());
  const auto lead = v["lead_partner"].get<std::string>();
  a.lead_partner_id = parse_id(lead);
  if (!lead.empty() && !a.lead_partner_id) errors["lead_partner"] = "error.partner_unknown";
  bool bad = false;
  a.co_partner_ids = ids(v["co_partners"], bad);
  if (bad) errors["co_partners"] = "error.partner_unknown";
  a.target_group = v["target_group"].get<std::string>();
  a.areas = strings(v["areas"]);
  a.loneliness_type = v["loneliness_type"].get<std::string>();
  a.degrees = strings(v["degrees"]);
  a.elements = strings(v["elements"]);
  a.method = read_choice<domain::MethodLevel>(v, "method", errors);
  // People reached are whole people: "2025: 12,5" is refused, never stored as 12.
  const auto reach =
      domain::parse_year_values(v["reach"].get<std::string>(), number_style(ctx), false, true);
  if (reach)
    a.reach = *reach;
  else
    errors["reach"] = "error.year_values_whole";
  domain::check_length(errors, "reach", v["reach"].get<std::string>(), domain::text_limit::line);
  a.start_date = domain::trim(v["start_date"].get<std::string>());
  a.end_date = domain::trim(v["end_date"].get<std::string>());
  a.status = read_choice<domain::ActivityStatus>(v, "status", errors);
  bad = false;
  a.ambition_ids = ids(v["ambitions"], bad);
  if (bad) errors["ambitions"] = "error.choose";
  return a;
}

domain::Activity load_activity(Ctx& ctx, long long id) {
  store::Connection conn(ctx.app.db());
  auto activity = store::find_activity(conn.sql(), ctx.coalition_id(), id);
  if (!activity) not_found();
  return *activity;
}

// A beheerder edits every activity, a partner only those its own organisation leads.
void show_form(Ctx& ctx, long long id, const nlohmann::json& values,
               const domain::FieldErrors& errors, int status = 200) {
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  const auto here =
      id == 0 ? "/wie-doet-wat/activiteiten" : "/wie-doet-wat/activiteiten/" + std::to_string(id);
  FormPage page{form_title(ctx, id, "activities", values.value("name", "")), here,
                id == 0 ? "/wie-doet-wat" : here, ctx.t("activities.form_intro")};
  if (id != 0) page.delete_href = here + "/verwijderen";
  page.delete_label = ctx.t("activities.delete_title");
  show_form_page(ctx, page, activity_fields(ctx, names), values, errors, status);
}

void save(Ctx& ctx, long long id) {
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto names = load_plan_lookups(change.sql(), me.coalition.id);
  const auto values = read_form(ctx, activity_fields(ctx, names));
  domain::FieldErrors errors;
  auto activity = activity_from(ctx, values, id, errors);
  errors.merge(
      domain::validate(activity, names.area_codes(), names.partner_ids(), names.ambition_ids()));
  // A partner records activities of its own organisation.
  if (!me.is_beheerder() && !domain::can_edit(ctx.me().person, activity))
    errors["lead_partner"] = "error.own_partner";
  if (!errors.empty()) return show_form(ctx, id, values, errors, 422);
  if (id == 0)
    id = store::create_activity(change, activity);
  else
    store::update_activity(change, activity);
  change.commit();
  ctx.redirect_with_notice("/wie-doet-wat/activiteiten/" + std::to_string(id), "saved");
}

// The filters of the list, as chosen in the query string.
struct Filters {
  std::string status, degree, area, element;
  std::optional<long long> partner;
  bool matches(const domain::Activity& a) const {
    auto has = [](const std::vector<std::string>& list, const std::string& v) {
      return std::find(list.begin(), list.end(), v) != list.end();
    };
    if (status == domain::running_status ? !domain::is_running(a)
                                         : !status.empty() && domain::word(a.status) != status)
      return false;
    if (!degree.empty() && !has(a.degrees, degree)) return false;
    if (!element.empty() && !has(a.elements, element)) return false;
    if (!area.empty() && !a.areas.empty() && !has(a.areas, area)) return false;
    if (partner && a.lead_partner_id != partner &&
        std::find(a.co_partner_ids.begin(), a.co_partner_ids.end(), *partner) ==
            a.co_partner_ids.end())
      return false;
    return true;
  }
  // The list's address with these filters, ready for one more parameter.
  std::string query() const {
    std::string out = "/wie-doet-wat?";
    for (const auto& [name, value] :
         {std::pair{"status", status}, std::pair{"graad", degree}, std::pair{"gebied", area},
          std::pair{"partner", partner ? std::to_string(*partner) : ""},
          std::pair{"element", element}})
      if (!value.empty()) out += std::string(name) + "=" + encode_query_param(value) + "&";
    return out;
  }
};

nlohmann::json filter_options(const std::vector<std::pair<std::string, std::string>>& options,
                              const std::string& chosen) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [value, label] : options)
    list.push_back({{"value", value}, {"label", label}, {"selected", value == chosen}});
  return list;
}

// Every status, and "lopend" (bestaand or nieuw) as the coverage view counts them.
std::vector<std::pair<std::string, std::string>> status_filter_options(const Ctx& ctx) {
  auto options = word_options(ctx, domain::all_words<domain::ActivityStatus>(), "activity.status.");
  options.insert(options.begin(), {domain::running_status, ctx.t("activity.status.lopend")});
  return options;
}

void list(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  Filters f{ctx.query("status"), ctx.query("graad"), ctx.query("gebied"), ctx.query("element"),
            parse_id(ctx.query("partner"))};
  const auto all = store::list_activities(conn.sql(), ctx.coalition_id());
  std::vector<const domain::Activity*> matching;
  for (const auto& a : all)
    if (f.matches(a)) matching.push_back(&a);
  const auto page = choose_page(ctx, matching.size());
  nlohmann::json rows = nlohmann::json::array();
  for (auto i = page.first; i < page.end; ++i)
    rows.push_back(activity_summary(ctx, *matching[i], names));
  std::vector<std::pair<std::string, std::string>> partners, wijken;
  for (const auto& [id, name] : names.partners) partners.emplace_back(std::to_string(id), name);
  for (const auto& [code, name] : names.wijken) wijken.emplace_back(code, name);
  ctx.page("wie-doet-wat/activity_list", ctx.t("activities.title"),
           {{"rows", rows},
            {"empty", rows.empty()},
            {"count", ctx.tf("activities.count", {{"shown", ctx.number(matching.size())},
                                                  {"total", ctx.number(all.size())}})},
            {"pager", pager(ctx, f.query() + "pagina=", page.page, page.pages)},
            {"statuses", filter_options(status_filter_options(ctx), f.status)},
            {"degrees",
             filter_options(word_options(ctx, domain::loneliness_degrees(), "degree."), f.degree)},
            {"elements", filter_options(word_options(ctx, domain::effective_elements(), "element."),
                                        f.element)},
            {"areas", filter_options(wijken, f.area)},
            {"partners", filter_options(partners, f.partner ? std::to_string(*f.partner) : "")},
            {"can_create", domain::can_add_work(ctx.me().person)}});
}

void detail(Ctx& ctx) {
  const auto a = load_activity(ctx, id_param(ctx));
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  auto view = activity_summary(ctx, a, names);
  view["description"] = a.description;
  nlohmann::json reach = nlohmann::json::array();
  for (const auto& [year, people] : a.reach)
    reach.push_back({{"year", year}, {"people", ctx.number(static_cast<long long>(people))}});
  view["reach"] = reach;
  view["has_reach"] = !reach.empty();
  view["can_edit"] = domain::can_edit(ctx.me().person, a);
  const auto service = store::service_of_activity(conn.sql(), ctx.coalition_id(), a.id);
  view["map"] = {{"href", service ? nlohmann::json("/deskundigheid/kaart/dienst/" + *service)
                                  : nlohmann::json()},
                 {"publish_label", ctx.t(service ? "activity.republish" : "activity.publish")},
                 {"has_lead", a.lead_partner_id.has_value()},
                 {"csrf", ctx.me().csrf_token}};
  view["decisions"] = decisions_view(ctx, conn.sql(), store::DecisionsAbout::activity, a.id);
  view["has_decisions"] = !view["decisions"].empty();
  ctx.page("wie-doet-wat/activity_detail", a.name, view);
}

// For each wijk (and the municipality as a whole) and each degree: how many running activities
// reach it. An activity without areas counts everywhere. Zero is a blind spot.
void coverage(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  const auto activities = store::list_activities(conn.sql(), ctx.coalition_id());
  const auto figures = latest_wijk_figures(ctx, conn.sql());
  nlohmann::json rows = nlohmann::json::array();
  std::vector<std::pair<std::string, std::string>> areas = {
      {"", ctx.t("ambition.whole_municipality")}};
  for (const auto& [code, name] : names.wijken) areas.emplace_back(code, name);
  for (const auto& [code, name] : areas) {
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& degree : domain::loneliness_degrees()) {
      // The same filter as the list the cell links to, so the count and the list agree.
      const Filters filter{domain::running_status, degree, code, "", std::nullopt};
      const auto count = std::count_if(activities.begin(), activities.end(),
                                       [&](const auto& a) { return filter.matches(a); });
      cells.push_back({{"count", count}, {"blind", count == 0}, {"href", filter.query()}});
    }
    const auto figure = figures.find(code);
    rows.push_back({{"name", name},
                    {"cells", cells},
                    {"figure", figure == figures.end() ? nlohmann::json() : figure->second}});
  }
  nlohmann::json degrees = nlohmann::json::array();
  for (const auto& degree : domain::loneliness_degrees())
    degrees.push_back(ctx.t("degree." + degree));
  ctx.page("wie-doet-wat/activity_coverage", ctx.t("coverage.title"),
           {{"rows", rows},
            {"degrees", degrees},
            {"survey", figures.empty() ? nlohmann::json() : figures.begin()->second["survey"]}});
}

// Puts the activity on the sociale kaart, or brings its service there up to date.
void publish(Ctx& ctx) {
  const auto a = load_activity(ctx, id_param(ctx));
  if (!domain::can_edit(ctx.me().person, a)) forbidden();
  const auto href = "/wie-doet-wat/activiteiten/" + std::to_string(a.id);
  if (!a.lead_partner_id) throw HttpError{422, "activity.no_lead"};
  store::Change change(ctx.app.db(), ctx.actor());
  const auto lead = store::find_partner(change.sql(), ctx.coalition_id(), *a.lead_partner_id);
  if (!lead) throw HttpError{422, "activity.no_lead"};
  // Who answers for the entry in public is the partner, not the person who clicked.
  store::publish_activity(change, a, *lead, store::area_names(change.sql(), ctx.coalition_id()),
                          lead->contact_email);
  change.commit();
  ctx.redirect_with_notice(href, "published");
}

void confirm_delete(Ctx& ctx) {
  const auto a = load_activity(ctx, id_param(ctx));
  if (!domain::can_edit(ctx.me().person, a)) forbidden();
  const auto href = "/wie-doet-wat/activiteiten/" + std::to_string(a.id);
  store::Connection conn(ctx.app.db());
  show_delete_confirmation(
      ctx,
      {title_naming(ctx.t("activities.delete_title"), a.name),
       ctx.tf("activities.delete_question", {{"name", a.name}}),
       {ctx.t("activities.delete_consequence"), ctx.t("activities.delete_or_stop")},
       href + "/verwijderen",
       href,
       ctx.t("activities.delete_submit"),
       store::check_round_count(conn.sql(), a.id) > 0 ? ctx.t("activities.delete_blocked") : ""});
}

void remove(Ctx& ctx) {
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto a = store::find_activity(change.sql(), me.coalition.id, id_param(ctx));
  if (!a) not_found();
  if (!domain::can_edit(ctx.me().person, *a)) forbidden();
  require_delete_confirmation(ctx);
  store::retire_activity_service(change, *a);
  if (!store::delete_activity(change, *a)) throw HttpError{409, "activities.delete_refused"};
  change.commit();
  ctx.redirect_with_notice("/wie-doet-wat", "activity_deleted");
}

}  // namespace

void register_activity_pages(App& app) {
  app.get("/wie-doet-wat", Access::signed_in, list, Caching::body);
  app.get("/wie-doet-wat/dekking", Access::signed_in, coverage, Caching::body);
  app.get("/wie-doet-wat/activiteiten/nieuw", Access::editor, [](Ctx& ctx) {
    domain::Activity blank;
    // A partner leads its own activities; for a beheerder the trekker is a choice to make.
    if (ctx.me().person.role == domain::Role::partner)
      blank.lead_partner_id = ctx.me().person.partner_id;
    show_form(ctx, 0, form_values(ctx, blank), {});
  });
  app.post("/wie-doet-wat/activiteiten", Access::editor, [](Ctx& ctx) { save(ctx, 0); });
  app.get(R"(/wie-doet-wat/activiteiten/(\d+))", Access::signed_in, detail, Caching::body);
  app.get(R"(/wie-doet-wat/activiteiten/(\d+)/bewerken)", Access::signed_in, [](Ctx& ctx) {
    const auto a = load_activity(ctx, id_param(ctx));
    if (!domain::can_edit(ctx.me().person, a)) forbidden();
    show_form(ctx, a.id, form_values(ctx, a), {});
  });
  app.post(R"(/wie-doet-wat/activiteiten/(\d+))", Access::editor, [](Ctx& ctx) {
    const auto a = load_activity(ctx, id_param(ctx));
    if (!domain::can_edit(ctx.me().person, a)) forbidden();
    save(ctx, a.id);
  });
  app.post(R"(/wie-doet-wat/activiteiten/(\d+)/op-de-kaart)", Access::editor, publish);
  app.get(R"(/wie-doet-wat/activiteiten/(\d+)/verwijderen)", Access::signed_in, confirm_delete);
  app.post(R"(/wie-doet-wat/activiteiten/(\d+)/verwijderen)", Access::editor, remove);
}

}  // namespace kompas::web
