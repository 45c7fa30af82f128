// Training coverage (/deskundigheid/bereik): how many frontline workers are trained and still
// valid, out of all the partners stated, per partner, role and wijk, with who needs a refresher
// in the next three months. The same figure, year by year, is an indicator of kind
// "deskundigheid" in the plan. Partners state their numbers per role (/deskundigheid/aantallen);
// the beheerder adds roles of the coalition's own.
#include "domain/partners.h"
#include "domain/people.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/areas_store.h"
#include "store/indicators_store.h"
#include "store/partners_store.h"
#include "store/training_store.h"
#include "web/deskundigheid/pages.h"
#include "web/deskundigheid/training_views.h"
#include "web/ui/charts.h"
#include "web/ui/form.h"
#include "web/ui/percent.h"
#include "web/wie-doet-wat/plan_lookups.h"

namespace kompas::web {
namespace {

// A role of the coalition's own, beside the default ones.
const FieldSpec kRoleField{.name = "role_name",
                           .label_key = "counts.role_name",
                           .required = true,
                           .autocomplete = "off",
                           .max_length = domain::text_limit::name};

const std::string kCounts = "/deskundigheid/aantallen";

nlohmann::json cell_row(const Ctx& ctx, const std::string& label, const domain::CoverageCell& c) {
  const auto share = c.percent();
  return {{"label", label},
          {"trained", ctx.number(c.trained)},
          {"total", ctx.number(c.total)},
          {"percent", share ? percent(ctx, *share / 100) : "–"}};
}

// Who needs a refresher: names for the beheerder, and for a partner its own people only.
nlohmann::json refresher_rows(const Ctx& ctx, const std::vector<long long>& ids,
                              const std::map<long long, domain::Participant>& by_id,
                              const std::map<long long, std::string>& until,
                              const PlanLookups& lookups,
                              const std::vector<domain::NamedCode>& roles) {
  const auto& person = ctx.me().person;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto id : ids) {
    const auto& p = by_id.at(id);
    if (!ctx.me().is_beheerder() && !domain::can_edit_partner(person, p.partner_id)) continue;
    rows.push_back({{"name", p.name},
                    {"partner", name_of(lookups.partners, p.partner_id)},
                    {"role", role_name(roles, p.role)},
                    {"until", ctx.date(until.at(id))}});
  }
  return rows;
}

void coverage_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto coalition_id = ctx.coalition_id();
  const auto today = today_date();
  const auto participants = store::list_participants(sql, coalition_id);
  const auto until = domain::valid_until(store::list_attendances(sql, coalition_id), today);
  const auto cover =
      domain::coverage(participants, until, store::list_frontline_counts(sql, coalition_id), today);
  const auto lookups = load_plan_lookups(sql, coalition_id);
  const auto roles = register_names(ctx, sql).roles;
  const auto wijken = store::area_names(sql, coalition_id);

  std::vector<Bar> bars;
  nlohmann::json partners = nlohmann::json::array();
  for (const auto& [partner_id, cell] : cover.by_partner) {
    const auto name = name_of(lookups.partners, partner_id);
    partners.push_back(cell_row(ctx, name, cell));
    if (const auto share = cell.percent()) bars.push_back({.label = name, .value = *share / 100});
  }
  nlohmann::json by_role = nlohmann::json::array();
  for (const auto& [role, cell] : cover.by_role)
    by_role.push_back(cell_row(ctx, role_name(roles, role), cell));
  // The wijken, then who works in no one wijk, then the sum: it is the page's total unless a
  // partner stated fewer people in a wijk than it trained there, which the page then says.
  nlohmann::json by_wijk = nlohmann::json::array();
  domain::CoverageCell wijk_sum;
  for (const auto& [code, cell] : cover.by_wijk) {
    wijk_sum.add(cell);
    if (!code.empty())
      by_wijk.push_back(cell_row(ctx, wijken.contains(code) ? wijken.at(code) : code, cell));
  }
  if (cover.by_wijk.contains(""))
    by_wijk.push_back(cell_row(ctx, ctx.t("reach.no_one_wijk"), cover.by_wijk.at("")));
  const bool wijken_differ = wijk_sum.total != cover.overall.total;
  nlohmann::json too_low = nlohmann::json::array();
  for (const auto& [partner_id, role] : cover.stated_too_low)
    too_low.push_back(name_of(lookups.partners, partner_id) + ": " + role_name(roles, role));

  std::map<long long, domain::Participant> by_id;
  for (const auto& p : participants) by_id[p.id] = p;
  const auto due = domain::refreshers(until, today);
  const bool names_shown = domain::can_add_work(ctx.me().person);
  nlohmann::json indicators = nlohmann::json::array();
  for (const auto& ind : store::list_indicators(sql, coalition_id))
    if (ind.kind == "deskundigheid")
      indicators.push_back(
          {{"name", ind.name}, {"href", "/indicatoren/" + std::to_string(ind.id)}});
  const auto overall = cover.overall.percent();
  const auto table = [&](const char* caption_key, const char* first_key, nlohmann::json rows) {
    // Each table adds up to the page's total, in a row of its own.
    const auto total = cell_row(ctx, ctx.t("reach.sum_row"), cover.overall);
    return nlohmann::json{{"caption", ctx.t(caption_key)},
                          {"first", ctx.t(first_key)},
                          {"has_rows", !rows.empty()},
                          {"rows", rows},
                          {"total", total}};
  };
  nlohmann::json tables =
      nlohmann::json::array({table("reach.per_partner", "participant.partner", partners),
                             table("reach.per_role", "participant.role", by_role),
                             table("reach.per_wijk", "participant.wijk", by_wijk)});
  if (wijken_differ) {  // the wijken's own sum, and why it is not the total
    tables[2]["total"] = cell_row(ctx, ctx.t("reach.sum_row"), wijk_sum);
    tables[2]["note"] = ctx.t("reach.wijken_differ");
  }
  nlohmann::json refresher_tables = nlohmann::json::array();
  if (names_shown)
    for (const auto& [caption, ids] :
         {std::pair{"reach.due_soon", &due.due_soon}, std::pair{"reach.expired", &due.expired}}) {
      const auto rows = refresher_rows(ctx, *ids, by_id, until, lookups, roles);
      refresher_tables.push_back(
          {{"caption", ctx.t(caption)}, {"has_rows", !rows.empty()}, {"rows", rows}});
    }
  ctx.page("deskundigheid/coverage", ctx.t("reach.title"),
           {{"summary",
             overall ? ctx.tf("reach.summary", {{"trained", ctx.number(cover.overall.trained)},
                                                {"total", ctx.number(cover.overall.total)},
                                                {"percent", percent(ctx, *overall / 100)}})
                     : ctx.t("reach.no_numbers")},
            {"chart", bars.empty() ? ""
                                   : bar_chart_svg(bars, std::nullopt, ctx.t("reach.chart_title"),
                                                   ctx.t("reach.chart_desc"))},
            {"tables", tables},
            {"too_low", too_low},
            {"has_too_low", !too_low.empty()},
            {"names_shown", names_shown},
            {"refresher_summary",
             ctx.tf("reach.refresher_summary",
                    {{"soon", ctx.number(static_cast<long long>(due.due_soon.size()))},
                     {"expired", ctx.number(static_cast<long long>(due.expired.size()))}})},
            {"refresher_tables", refresher_tables},
            {"indicators", indicators},
            {"can_edit", names_shown}});
}

std::vector<FieldSpec> count_fields(const RegisterNames& names) {
  auto fields = partner_role_wijk_fields(names, "counts.wijk_hint");
  fields.push_back(
      {"count", "counts.count", FieldKind::whole_number, true, "counts.count_hint", {}, "off"});
  return fields;
}

void counts_page(Ctx& ctx, const nlohmann::json& values, const domain::FieldErrors& errors,
                 int status = 200) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto names = register_names(ctx, sql);
  const auto lookups = load_plan_lookups(sql, ctx.coalition_id());
  const auto wijken = store::area_names(sql, ctx.coalition_id());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& c : store::list_frontline_counts(sql, ctx.coalition_id()))
    rows.push_back({{"partner", name_of(lookups.partners, c.partner_id)},
                    {"role", role_name(names.roles, c.role)},
                    {"wijk", c.wijk_code.empty()            ? ctx.t("participant.whole_gemeente")
                             : wijken.contains(c.wijk_code) ? wijken.at(c.wijk_code)
                                                            : c.wijk_code},
                    {"count", ctx.number(c.count)}});
  const auto specs = count_fields(names);
  nlohmann::json own_roles = nlohmann::json::array();
  for (const auto& r : store::list_frontline_roles(sql, ctx.coalition_id()))
    if (r.code.starts_with("eigen_")) own_roles.push_back(r.name);
  ctx.page("deskundigheid/counts", ctx.t("counts.title"),
           {{"rows", rows},
            {"has_rows", !rows.empty()},
            {"csrf", ctx.me().csrf_token},
            {"summary", error_summary(ctx, specs, errors)},
            {"fields", form_fields(ctx, specs, values, errors)},
            {"can_count", !names.partners.empty()},
            {"own_roles", own_roles},
            {"has_own_roles", !own_roles.empty()},
            {"is_beheerder", ctx.me().is_beheerder()},
            {"role_form",
             {{"fields",
               form_fields(ctx, {kRoleField}, {{"role_name", ctx.field("role_name")}}, errors)}}}},
           status);
}

void save_count(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto names = register_names(ctx, conn.sql());
  const auto values = read_form(ctx, count_fields(names));
  domain::FieldErrors errors;
  domain::FrontlineCount count;
  count.partner_id = parse_id(values["partner_id"].get<std::string>()).value_or(0);
  count.role = values["role"].get<std::string>();
  count.wijk_code = values["wijk_code"].get<std::string>();
  const auto typed =
      read_whole_number_field(ctx, values["count"].get<std::string>(), "count", errors);
  if (!typed && !errors.contains("count")) errors["count"] = "error.required";
  count.count = typed.value_or(0);
  for (const auto& [field, key] : domain::validate(count)) errors.emplace(field, key);
  // Only what the form offers: one's own partner, the register's roles and the wijken.
  check_offered(names, count.partner_id, count.role, count.wijk_code, errors);
  if (!errors.empty()) return counts_page(ctx, values, errors, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  store::save_frontline_count(change, count);
  change.commit();
  ctx.redirect_with_notice(kCounts, "saved");
}

void add_role(Ctx& ctx) {
  const auto name = domain::trim(ctx.field("role_name"));
  const nlohmann::json blank = {{"partner_id", ""}, {"role", ""}, {"wijk_code", ""}, {"count", ""}};
  store::Connection conn(ctx.app.db());
  domain::FieldErrors errors;
  if (name.empty()) errors["role_name"] = "error.required";
  domain::check_length(errors, "role_name", name, kRoleField.max_length);
  std::string problem = errors.empty() ? "" : errors.begin()->second;
  for (const auto& r : store::list_frontline_roles(conn.sql(), ctx.coalition_id()))
    if (problem.empty() && domain::fold_for_matching(r.name) == domain::fold_for_matching(name))
      problem = "counts.role_taken";
  if (!problem.empty()) return counts_page(ctx, blank, {{"role_name", problem}}, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  store::add_frontline_role(change, name);
  change.commit();
  ctx.redirect_with_notice(kCounts + "#rollen", "saved");
}

}  // namespace

void register_coverage_pages(App& app) {
  app.get("/deskundigheid/bereik", Access::signed_in, coverage_page, Caching::body);
  app.get(kCounts, Access::editor, [](Ctx& ctx) {
    counts_page(ctx, {{"partner_id", ""}, {"role", ""}, {"wijk_code", ""}, {"count", ""}}, {});
  });
  app.post(kCounts, Access::editor, save_count);
  app.post("/deskundigheid/rollen", Access::beheerder, add_role);
}

}  // namespace kompas::web
