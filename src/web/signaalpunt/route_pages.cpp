// Who receives a signal (issue 13): the beheerder's table of a partner per postcode, per wijk
// and for the rest of the gemeente. The most specific row wins (domain::choose_route).
#include "domain/signals.h"
#include "domain/social_map.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/signals_store.h"
#include "web/signaalpunt/pages.h"
#include "web/signaalpunt/signal_views.h"
#include "web/ui/delete_confirmation.h"
#include "web/ui/form.h"
#include "web/ui/input.h"
#include "web/ui/page_title.h"

namespace kompas::web {
namespace {

constexpr const char* kRoutesPath = "/signaalpunt/routes";

std::vector<FieldSpec> route_fields(Ctx& ctx) {
  std::vector<std::pair<std::string, std::string>> partners;
  for (const auto& [id, name] : partner_names(ctx, ctx.coalition_id()))
    partners.emplace_back(std::to_string(id), name);
  std::sort(partners.begin(), partners.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  FieldSpec wijk{"wijk", "signal.route_wijk",      FieldKind::select,
                 false,  "signal.route_wijk_hint", wijk_options(ctx, ctx.coalition_id()),
                 "off"};
  wijk.empty_option_key = "signal.route_rest";
  return {
      wijk,
      {.name = "postcode",
       .label_key = "signal.route_postcode",
       .kind = FieldKind::text,
       .hint_key = "signal.route_postcode_hint",
       .autocomplete = "off",
       .max_length = domain::text_limit::postcode},
      {"partner", "signal.route_partner", FieldKind::select, true, "", partners, "off"},
  };
}

// "Noordwijk", "postcode 9903" or "De rest van de gemeente".
std::string area_name(const Ctx& ctx, const std::string& area,
                      const std::map<std::string, std::string>& wijk_names) {
  switch (domain::route_area(area)) {
    case domain::RouteArea::rest:
      return ctx.t("signal.route_rest");
    case domain::RouteArea::wijk: {
      const auto name = wijk_names.find(area);
      return name == wijk_names.end() ? area : name->second;
    }
    case domain::RouteArea::postcode:
      break;
  }
  return ctx.tf("signal.postcode_of", {{"postcode", area}});
}

std::string delete_href(long long route_id) {
  return std::string(kRoutesPath) + "/" + std::to_string(route_id) + "/verwijderen";
}

void routes_page(Ctx& ctx, const nlohmann::json& values, const domain::FieldErrors& errors,
                 int status = 200) {
  const auto fields = route_fields(ctx);  // its choices name the wijken and partners once
  const std::map<std::string, std::string> wijk_names(fields[0].options.begin(),
                                                      fields[0].options.end());
  const std::map<std::string, std::string> partners(fields[2].options.begin(),
                                                    fields[2].options.end());
  store::Connection conn(ctx.app.db());
  const auto routes = store::signal_routes(conn.sql(), ctx.coalition_id());
  nlohmann::json rows = nlohmann::json::array();
  bool has_rest = false;
  for (const auto& r : routes) {
    has_rest = has_rest || r.area.empty();
    rows.push_back({{"area", area_name(ctx, r.area, wijk_names)},
                    {"partner", partners.at(std::to_string(r.partner_id))},
                    {"delete_href", delete_href(r.id)}});
  }
  ctx.page("signaalpunt/routes", ctx.t("signal.routes_title"),
           {{"rows", rows},
            {"has_rows", !rows.empty()},
            {"no_rest", !has_rest},
            {"csrf", ctx.me().csrf_token},
            {"summary", error_summary(ctx, fields, errors)},
            {"fields", form_fields(ctx, fields, values, errors)}},
           status);
}

void save_route(Ctx& ctx) {
  const auto fields = route_fields(ctx);
  const auto values = read_form(ctx, fields);
  domain::FieldErrors errors;
  const auto wijk = values["wijk"].get<std::string>();
  const auto typed_postcode = domain::trim(values["postcode"].get<std::string>());
  const auto& wijken = fields[0].options;
  if (!wijk.empty() &&
      std::none_of(wijken.begin(), wijken.end(), [&](const auto& w) { return w.first == wijk; }))
    errors["wijk"] = "error.choose";
  std::string area = wijk;
  if (!typed_postcode.empty()) {
    const auto postcode = domain::read_postcode(typed_postcode);
    if (!postcode)
      errors["postcode"] = "error.postcode";
    else if (!wijk.empty())
      errors["postcode"] = "signal.error.wijk_or_postcode";
    else
      area = *postcode;
  }
  const auto& partners = fields[2].options;
  const auto partner = std::find_if(partners.begin(), partners.end(), [&](const auto& p) {
    return p.first == values["partner"].get<std::string>();
  });
  if (partner == partners.end()) errors["partner"] = "error.choose";
  if (!errors.empty()) return routes_page(ctx, values, errors, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  store::save_signal_route(change, area, std::stoll(partner->first), partner->second);
  change.commit();
  ctx.redirect_with_notice(kRoutesPath, "saved");
}

domain::SignalRoute route_of_address(Ctx& ctx, soci::session& sql) {
  const auto routes = store::signal_routes(sql, ctx.coalition_id());
  const auto route = std::find_if(routes.begin(), routes.end(),
                                  [&](const auto& r) { return r.id == id_param(ctx); });
  if (route == routes.end()) not_found();
  return *route;
}

// Signals already passed stay with their partner; only new ones go elsewhere.
void confirm_delete_route(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto route = route_of_address(ctx, conn.sql());
  const auto wijken = wijk_options(ctx, ctx.coalition_id());
  const auto area = area_name(ctx, route.area, {wijken.begin(), wijken.end()});
  show_delete_confirmation(
      ctx, {title_naming(ctx.t("signal.route_delete_title"), area),
            ctx.tf("signal.route_delete_question",
                   {{"area", area},
                    {"partner", partner_names(ctx, ctx.coalition_id())[route.partner_id]}}),
            {ctx.t(route.area.empty() ? "signal.route_delete_rest" : "signal.route_delete_area"),
             ctx.t("signal.route_delete_passed")},
            delete_href(route.id),
            kRoutesPath,
            ctx.t("signal.route_delete_title")});
}

void delete_route(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  const auto route = route_of_address(ctx, change.sql());
  require_delete_confirmation(ctx);
  store::delete_signal_route(change, route.id);
  change.commit();
  ctx.redirect_with_notice(kRoutesPath, "deleted");
}

}  // namespace

void register_route_pages(App& app) {
  app.get(kRoutesPath, Access::beheerder, [](Ctx& ctx) {
    routes_page(ctx, {{"wijk", ""}, {"postcode", ""}, {"partner", ""}}, {});
  });
  app.post(kRoutesPath, Access::beheerder, save_route);
  app.get(R"(/signaalpunt/routes/(\d+)/verwijderen)", Access::beheerder, confirm_delete_route);
  app.post(R"(/signaalpunt/routes/(\d+)/verwijderen)", Access::beheerder, delete_route);
}

}  // namespace kompas::web
