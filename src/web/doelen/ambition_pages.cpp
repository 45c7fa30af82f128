// Doelen: the coalition's ambitions with their indicators at a glance, each ambition's page,
// its form and its history of versions.
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/ambitions_store.h"
#include "store/areas_store.h"
#include "store/indicators_store.h"
#include "store/people_store.h"
#include "web/doelen/pages.h"
#include "web/doelen/plan_views.h"
#include "web/ui/form.h"
#include "web/ui/page_title.h"
#include "web/verbetercyclus/decisions.h"
#include "web/wie-doet-wat/plan_lookups.h"

namespace kompas::web {
namespace {

std::vector<FieldSpec> ambition_fields(const Ctx& ctx, const PlanLookups& names) {
  std::vector<std::pair<std::string, std::string>> owners;
  for (const auto& [id, name] : names.active_people) owners.emplace_back(std::to_string(id), name);
  const auto groups = word_options(ctx, domain::target_groups(), "target_group.");
  const auto statuses =
      word_options(ctx, domain::all_words<domain::AmbitionStatus>(), "ambition.status.");
  return {
      {.name = "title",
       .label_key = "ambition.title",
       .kind = FieldKind::text,
       .required = true,
       .hint_key = "ambition.title_hint",
       .autocomplete = "off",
       .max_length = domain::text_limit::name},
      {.name = "statement",
       .label_key = "ambition.statement",
       .kind = FieldKind::textarea,
       .required = true,
       .hint_key = "ambition.statement_hint",
       .max_length = domain::text_limit::text},
      {"target_group", "ambition.target_group", FieldKind::select, true, "", groups, ""},
      {"areas", "ambition.areas", FieldKind::checkboxes, false, "ambition.areas_hint", names.wijken,
       ""},
      {"start_year", "ambition.start_year", FieldKind::whole_number, true, "", {}, "off"},
      {"end_year",
       "ambition.end_year",
       FieldKind::whole_number,
       true,
       "ambition.end_year_hint",
       {},
       "off"},
      {.name = "findings",
       .label_key = "ambition.findings",
       .kind = FieldKind::textarea,
       .hint_key = "ambition.findings_hint",
       .max_length = domain::text_limit::text},
      {"owner", "ambition.owner", FieldKind::select, false, "", owners, ""},
      {"status", "ambition.status", FieldKind::select, true, "", statuses, ""},
  };
}

domain::Ambition ambition_from(const nlohmann::json& v, long long id, domain::FieldErrors& errors) {
  domain::Ambition a;
  a.id = id;
  a.title = domain::trim(v["title"].get<std::string>());
  a.statement = domain::trim(v["statement"].get<std::string>());
  a.target_group = v["target_group"].get<std::string>();
  for (const auto& area : v["areas"]) a.areas.push_back(area.get<std::string>());
  a.start_year = parse_year(v["start_year"].get<std::string>());
  a.end_year = parse_year(v["end_year"].get<std::string>());
  a.findings = domain::trim(v["findings"].get<std::string>());
  a.owner_person_id = parse_id(v["owner"].get<std::string>());
  a.status = read_choice<domain::AmbitionStatus>(v, "status", errors);
  return a;
}

nlohmann::json form_values(const domain::Ambition& a) {
  nlohmann::json areas = nlohmann::json::array();
  for (const auto& area : a.areas) areas.push_back(area);
  return {{"title", a.title},
          {"statement", a.statement},
          {"target_group", a.target_group},
          {"areas", areas},
          {"start_year", a.start_year ? std::to_string(a.start_year) : ""},
          {"end_year", a.end_year ? std::to_string(a.end_year) : ""},
          {"findings", a.findings},
          {"owner", a.owner_person_id ? std::to_string(*a.owner_person_id) : ""},
          {"status", domain::word(a.status)}};
}

domain::Ambition load_ambition(Ctx& ctx, long long id) {
  store::Connection conn(ctx.app.db());
  auto ambition = store::find_ambition(conn.sql(), ctx.coalition_id(), id);
  if (!ambition) not_found();
  return *ambition;
}

// The caller passes the lookups, read on its own connection: a save holds one already.
void show_form(Ctx& ctx, long long id, const PlanLookups& names, const nlohmann::json& values,
               const domain::FieldErrors& errors, int status = 200) {
  const auto here = id == 0 ? "/doelen" : "/doelen/" + std::to_string(id);
  FormPage page{form_title(ctx, id, "ambitions", values.value("title", "")), here, here,
                ctx.t("ambitions.form_intro")};
  if (id != 0) page.delete_href = here + "/verwijderen";
  page.delete_label = ctx.t("ambitions.delete_title");
  show_form_page(ctx, page, ambition_fields(ctx, names), values, errors, status);
}

void save(Ctx& ctx, long long id) {
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto names = load_plan_lookups(change.sql(), me.coalition.id);
  const auto values = read_form(ctx, ambition_fields(ctx, names));
  domain::FieldErrors errors;
  auto ambition = ambition_from(values, id, errors);
  errors.merge(domain::validate(ambition, names.area_codes()));
  const bool owner_known =
      ambition.owner_person_id && !name_of(names.active_people, *ambition.owner_person_id).empty();
  if (!values["owner"].get<std::string>().empty() && !owner_known) errors["owner"] = "error.choose";
  if (!errors.empty()) return show_form(ctx, id, names, values, errors, 422);
  if (id == 0)
    id = store::create_ambition(change, ambition);
  else
    store::update_ambition(change, ambition);
  change.commit();
  ctx.redirect_with_notice("/doelen/" + std::to_string(id), "saved");
}

nlohmann::json ambition_view(const Ctx& ctx, const domain::Ambition& a, const PlanLookups& names) {
  std::string areas;
  for (const auto& code : a.areas) {
    const auto name = names.area_names.find(code);
    areas += (areas.empty() ? "" : ", ") + (name == names.area_names.end() ? code : name->second);
  }
  const auto owner = a.owner_person_id ? name_of(names.people, *a.owner_person_id) : "";
  return {{"id", a.id},
          {"href", "/doelen/" + std::to_string(a.id)},
          {"title", a.title},
          {"statement", a.statement},
          {"target_group", ctx.t("target_group." + a.target_group)},
          {"areas", areas.empty() ? ctx.t("ambition.whole_municipality") : areas},
          {"period", std::to_string(a.start_year) + "–" + std::to_string(a.end_year)},
          {"findings", a.findings},
          {"owner", owner.empty() ? nlohmann::json() : nlohmann::json(owner)},
          {"status", ctx.t("ambition.status." + domain::word(a.status))},
          {"version", a.version}};
}

// The indicators of the given ambitions with their status, as view rows by ambition id.
std::map<long long, nlohmann::json> indicator_summaries(
    Ctx& ctx, soci::session& sql, const std::vector<domain::Ambition>& ambitions,
    std::optional<long long> only) {
  std::map<long long, nlohmann::json> by_ambition;
  const auto& coalition = ctx.me().coalition;
  for (const auto& [ambition_id, list] :
       plan_indicators(sql, coalition.id, coalition.gemeente_code, ambitions, only)) {
    auto& rows = by_ambition[ambition_id] = nlohmann::json::array();
    for (const auto& p : list) rows.push_back(indicator_summary(ctx, p.indicator, p.series));
  }
  return by_ambition;
}

void list(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto ambitions = store::list_ambitions(conn.sql(), ctx.coalition_id());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  auto summaries = indicator_summaries(ctx, conn.sql(), ambitions, std::nullopt);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& a : ambitions) {
    auto view = ambition_view(ctx, a, names);
    view["indicators"] = summaries[a.id].is_null() ? nlohmann::json::array() : summaries[a.id];
    view["has_indicators"] = !view["indicators"].empty();
    rows.push_back(view);
  }
  ctx.page("doelen/ambition_list", ctx.t("ambitions.title"),
           {{"ambitions", rows}, {"empty", rows.empty()}, {"can_edit", ctx.me().is_beheerder()}});
}

void detail(Ctx& ctx) {
  const auto ambition = load_ambition(ctx, id_param(ctx));
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  auto view = ambition_view(ctx, ambition, names);
  auto summaries = indicator_summaries(ctx, conn.sql(), {ambition}, ambition.id);
  view["indicators"] =
      summaries[ambition.id].is_null() ? nlohmann::json::array() : summaries[ambition.id];
  view["has_indicators"] = !view["indicators"].empty();
  view["can_edit"] = ctx.me().is_beheerder();
  view["has_history"] = ambition.version > 1;
  view["decisions"] = decisions_view(ctx, conn.sql(), store::DecisionsAbout::ambition, ambition.id);
  view["has_decisions"] = !view["decisions"].empty();
  ctx.page("doelen/ambition_detail", ambition.title, view);
}

// Each version with what changed against the one before it.
void versions(Ctx& ctx) {
  const auto ambition = load_ambition(ctx, id_param(ctx));
  store::Connection conn(ctx.app.db());
  const auto names = load_plan_lookups(conn.sql(), ctx.coalition_id());
  const auto all = store::ambition_versions(conn.sql(), ctx.coalition_id(), ambition.id);
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto now = ambition_view(ctx, all[i].content, names);
    nlohmann::json changes = nlohmann::json::array();
    if (i + 1 < all.size()) {
      const auto before = ambition_view(ctx, all[i + 1].content, names);
      for (const char* field :
           {"title", "statement", "target_group", "areas", "period", "findings", "owner", "status"})
        if (before[field] != now[field])
          changes.push_back({{"field", ctx.t(std::string("ambition.field.") + field)},
                             {"before", before[field]},
                             {"after", now[field]}});
    }
    rows.push_back({{"version", all[i].version},
                    {"saved_at", ctx.date_time(all[i].saved_at)},
                    {"saved_by", all[i].saved_by},
                    {"changes", changes},
                    {"has_changes", !changes.empty()},
                    {"first", i + 1 == all.size()},
                    {"content", now}});
  }
  ctx.page("doelen/ambition_versions",
           ctx.tf("ambitions.versions_title", {{"title", ambition.title}}),
           {{"id", ambition.id}, {"title", ambition.title}, {"versions", rows}});
}

// An ambition with indicators or contributions is not removed: stopping it keeps that history.
std::string why_not_removable(Ctx& ctx, soci::session& sql, long long id) {
  const auto dependents = store::ambition_dependents(sql, id);
  if (dependents.indicators == 0 && dependents.contributions == 0) return "";
  return ctx.tf("ambitions.delete_blocked",
                {{"indicators", ctx.number(dependents.indicators)},
                 {"contributions", ctx.number(dependents.contributions)}});
}

void confirm_delete(Ctx& ctx) {
  const auto ambition = load_ambition(ctx, id_param(ctx));
  store::Connection conn(ctx.app.db());
  const auto href = "/doelen/" + std::to_string(ambition.id);
  show_delete_confirmation(ctx, {title_naming(ctx.t("ambitions.delete_title"), ambition.title),
                                 ctx.tf("ambitions.delete_question", {{"name", ambition.title}}),
                                 {ctx.t("ambitions.delete_consequence")},
                                 href + "/verwijderen",
                                 href,
                                 ctx.t("ambitions.delete_submit"),
                                 why_not_removable(ctx, conn.sql(), ambition.id)});
}

void remove(Ctx& ctx) {
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto ambition = store::find_ambition(change.sql(), me.coalition.id, id_param(ctx));
  if (!ambition) not_found();
  require_delete_confirmation(ctx);
  if (!store::delete_ambition(change, *ambition)) throw HttpError{409, "ambitions.delete_refused"};
  change.commit();
  ctx.redirect_with_notice("/doelen", "ambition_deleted");
}

}  // namespace

void register_ambition_pages(App& app) {
  app.get("/doelen", Access::signed_in, list, Caching::body);
  app.get("/doelen/nieuw", Access::beheerder, [](Ctx& ctx) {
    const int year = current_year();
    store::Connection conn(ctx.app.db());
    domain::Ambition fresh;
    fresh.start_year = year;
    fresh.end_year = year + domain::kDefaultPlanYears - 1;
    show_form(ctx, 0, load_plan_lookups(conn.sql(), ctx.coalition_id()), form_values(fresh), {});
  });
  app.post("/doelen", Access::beheerder, [](Ctx& ctx) { save(ctx, 0); });
  app.get(R"(/doelen/(\d+))", Access::signed_in, detail, Caching::body);
  app.get(R"(/doelen/(\d+)/bewerken)", Access::beheerder, [](Ctx& ctx) {
    const auto ambition = load_ambition(ctx, id_param(ctx));
    store::Connection conn(ctx.app.db());
    show_form(ctx, ambition.id, load_plan_lookups(conn.sql(), ctx.coalition_id()),
              form_values(ambition), {});
  });
  app.post(R"(/doelen/(\d+))", Access::beheerder, [](Ctx& ctx) {
    const auto ambition = load_ambition(ctx, id_param(ctx));
    save(ctx, ambition.id);
  });
  app.get(R"(/doelen/(\d+)/versies)", Access::signed_in, versions, Caching::body);
  app.get(R"(/doelen/(\d+)/verwijderen)", Access::beheerder, confirm_delete);
  app.post(R"(/doelen/(\d+)/verwijderen)", Access::beheerder, remove);
}

}  // namespace kompas::web
