// Keeping the sociale kaart current (issue 13). A partner's staff see their organisation's
// services — those not confirmed for 12 months first — and confirm one in a single step
// ("klopt nog"); anyone who reads the kaart, signed in or on the public pages, can say what is
// wrong ("dit klopt niet"), which waits here for the owner or the beheerder.
#include "domain/map_upkeep.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/map_upkeep_store.h"
#include "web/core/url.h"
#include "web/deskundigheid/map_views.h"
#include "web/deskundigheid/pages.h"
#include "web/ui/input.h"
#include "web/ui/listing.h"

namespace kompas::web {
namespace {

constexpr const char* kUpkeepPath = "/deskundigheid/kaart/onderhoud";
constexpr const char* kServicePattern = "/dienst/([A-Za-z0-9._:-]{1,100})";

void upkeep_page(Ctx& ctx) {
  const auto map = social_map(ctx.app, ctx.coalition_id());
  const auto today = today_date();
  const auto kept = kept_services(ctx, *map);
  auto services = kept;
  // Never checked first, then the longest ago.
  std::stable_sort(services.begin(), services.end(), [](const auto* a, const auto* b) {
    return a->assured_date.substr(0, 10) < b->assured_date.substr(0, 10);
  });
  const auto stale_count = std::count_if(
      services.begin(), services.end(), [&](const auto* s) { return domain::is_stale(*s, today); });
  const bool only_stale = ctx.query("te-controleren") == "ja";
  if (only_stale)
    std::erase_if(services, [&](const auto* s) { return !domain::is_stale(*s, today); });

  const auto place = signed_in_place(ctx);
  const auto page = choose_page(ctx, services.size());
  nlohmann::json rows = nlohmann::json::array();
  for (auto i = page.first; i < page.end; ++i) {
    const auto& s = *services[i];
    rows.push_back({{"name", s.name},
                    {"href", service_href(place, s.record->id)},
                    {"organization", s.organization},
                    {"assured", s.assured_date.empty() ? ctx.t("upkeep.never")
                                                       : ctx.date(s.assured_date.substr(0, 10))},
                    {"stale", domain::is_stale(s, today)},
                    {"completeness", completeness_view(ctx, domain::completeness(s, today))},
                    {"confirm_href", service_href(place, s.record->id) + "/klopt-nog"}});
  }
  nlohmann::json corrections = nlohmann::json::array();
  for (const auto& c : corrections_waiting(ctx, kept)) {
    const auto* s = map->service(c.service_id);
    corrections.push_back({{"service", s ? s->name : c.service_id},
                           {"href", service_href(place, c.service_id)},
                           {"date", ctx.date_time(c.created_at)},
                           {"message", c.message},
                           {"email", c.reporter_email},
                           {"close_href", "/deskundigheid/kaart/correcties/" +
                                              std::to_string(c.id) + "/afgehandeld"}});
  }
  ctx.page("deskundigheid/map_upkeep", ctx.t("upkeep.title"),
           {{"rows", rows},
            {"csrf", ctx.me().csrf_token},
            {"summary",
             ctx.tf("upkeep.summary", {{"count", ctx.number(static_cast<long long>(kept.size()))},
                                       {"stale", ctx.number(stale_count)}})},
            {"only_stale", only_stale},
            {"corrections", corrections},
            {"has_corrections", !corrections.empty()},
            {"empty", rows.empty()},
            {"pager", pager(ctx,
                            std::string(kUpkeepPath) +
                                (only_stale ? "?te-controleren=ja&pagina=" : "?pagina="),
                            page.page, page.pages)}});
}

void confirm(Ctx& ctx) {
  const auto place = signed_in_place(ctx);
  const auto map = social_map(ctx.app, ctx.coalition_id());
  const auto& s = service_of_address(ctx, place, *map);
  if (!may_keep(ctx, s)) forbidden();
  const auto assurer = assurer_email(ctx, s);
  store::Change change(ctx.app.db(), ctx.actor());
  store::confirm_service(change, s.record->id, today_date(), assurer);
  change.commit();
  ctx.redirect_with_notice(
      ctx.field("terug") == "onderhoud" ? kUpkeepPath : service_href(place, s.record->id),
      "confirmed");
}

const std::vector<FieldSpec> kCorrectionFields = {
    {.name = "message",
     .label_key = "upkeep.message",
     .kind = FieldKind::textarea,
     .required = true,
     .hint_key = "upkeep.message_hint",
     .autocomplete = "off",
     .max_length = domain::kCorrectionLength},
    {.name = "email",
     .label_key = "upkeep.email",
     .kind = FieldKind::email,
     .hint_key = "upkeep.email_hint",
     .autocomplete = "email",
     .max_length = domain::text_limit::email},
};

void correction_form(Ctx& ctx, const MapPlace& place, const domain::MapService& s,
                     const nlohmann::json& values, const domain::FieldErrors& errors,
                     int status = 200) {
  const auto href = service_href(place, s.record->id);
  show_form_page(ctx,
                 {ctx.tf("upkeep.report_title", {{"name", service_title(s)}}), href + "/klopt-niet",
                  href, ctx.t("upkeep.report_intro"), "upkeep.send"},
                 kCorrectionFields, values, errors, status);
}

void show_correction_form(Ctx& ctx, const MapPlace& place) {
  const auto map = social_map(ctx.app, place.coalition.id);
  correction_form(ctx, place, service_of_address(ctx, place, *map),
                  {{"message", ""}, {"email", ""}}, {});
}

void send_correction(Ctx& ctx, const MapPlace& place) {
  const auto map = social_map(ctx.app, place.coalition.id);
  const auto& s = service_of_address(ctx, place, *map);
  const auto values = read_form(ctx, kCorrectionFields);
  const domain::CorrectionDraft draft{values["message"].get<std::string>(),
                                      domain::normalise_email(values["email"].get<std::string>())};
  const auto errors = domain::validate(draft);
  if (!errors.empty()) return correction_form(ctx, place, s, values, errors, 422);
  // A public form has no person behind it: the log says the coalition's kaart received it.
  store::Change change(ctx.app.db(),
                       place.is_public ? store::Actor{place.coalition.id, {}, ""} : ctx.actor());
  if (!store::add_correction(change, s.record->id, s.name, domain::trim(draft.message), draft.email,
                             ctx.client_address())) {
    ctx.res.set_header("Retry-After", "3600");  // an HttpError would drop the header
    return ctx.error_page(429, "upkeep.too_many");
  }
  change.commit();
  ctx.redirect_with_notice(service_href(place, s.record->id), "correction_sent");
}

void close_correction(Ctx& ctx) {
  const auto id = id_param(ctx);
  const auto map = social_map(ctx.app, ctx.coalition_id());
  store::Change change(ctx.app.db(), ctx.actor());
  const auto correction = store::find_open_correction(change.sql(), ctx.coalition_id(), id);
  if (!correction) not_found();
  const auto* s = map->service(correction->service_id);
  // A correction of a service gone from the kaart is the beheerder's to close.
  if (s ? !may_keep(ctx, *s) : !ctx.me().is_beheerder()) forbidden();
  store::close_correction(change, *correction, s ? s->name : correction->service_id);
  change.commit();
  ctx.redirect_with_notice(kUpkeepPath, "correction_closed");
}

// The beheerder names the partner that keeps an imported organisation's services; a partner's
// own organisation keeps that partner.
void set_keeper(Ctx& ctx) {
  const auto place = signed_in_place(ctx);
  const auto map = social_map(ctx.app, ctx.coalition_id());
  const auto& s = service_of_address(ctx, place, *map);
  if (s.organization_id.empty()) throw HttpError{422, "keeper.no_organization"};
  std::optional<long long> partner;
  if (const auto chosen = ctx.field("partner"); !chosen.empty()) {
    const auto options = keeper_field(ctx, s, keeper_of(ctx, s)).options;
    const auto found = std::find_if(options.begin(), options.end(),
                                    [&](const auto& o) { return o.first == chosen; });
    if (found == options.end()) throw HttpError{422, "error.choose"};
    partner = std::stoll(found->first);
  }
  store::Change change(ctx.app.db(), ctx.actor());
  if (store::is_partner_organization(change.sql(), ctx.coalition_id(), s.organization_id))
    throw HttpError{409, "keeper.own_organization"};
  store::set_organization_keeper(change, s.organization_id, s.organization, partner);
  change.commit();
  ctx.redirect_with_notice(service_href(place, s.record->id), "saved");
}

}  // namespace

void register_map_upkeep_pages(App& app) {
  app.get(kUpkeepPath, Access::editor, upkeep_page);
  app.post(std::string("/deskundigheid/kaart") + kServicePattern + "/klopt-nog", Access::editor,
           confirm);
  app.get(std::string("/deskundigheid/kaart") + kServicePattern + "/klopt-niet", Access::signed_in,
          [](Ctx& ctx) { show_correction_form(ctx, signed_in_place(ctx)); });
  app.post(std::string("/deskundigheid/kaart") + kServicePattern + "/klopt-niet", Access::signed_in,
           [](Ctx& ctx) { send_correction(ctx, signed_in_place(ctx)); });
  app.get(std::string(R"(/openbaar/(GM\d{4})/kaart)") + kServicePattern + "/klopt-niet",
          Access::anyone, [](Ctx& ctx) { show_correction_form(ctx, public_place(ctx)); });
  app.post(std::string(R"(/openbaar/(GM\d{4})/kaart)") + kServicePattern + "/klopt-niet",
           Access::anyone, [](Ctx& ctx) { send_correction(ctx, public_place(ctx)); });
  app.post(R"(/deskundigheid/kaart/correcties/(\d+)/afgehandeld)", Access::editor,
           close_correction);
  app.post(std::string("/deskundigheid/kaart") + kServicePattern + "/bijhouder", Access::beheerder,
           set_keeper);
}

}  // namespace kompas::web
