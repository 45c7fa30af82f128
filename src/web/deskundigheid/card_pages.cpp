// The gesprekskaart (issue 13): a card to print on A6, two-sided, for everyone who meets lonely
// people — the signals, how to start and hold the conversation, what you can do yourself, a few
// places to refer to and a QR code to the public sociale kaart. The beheerder chooses the places
// from the kaart; for a wijk the card names the best places for that wijk. Public at
// /openbaar/<gemeente>/gesprekskaart when Beheer switches it on.
#include "domain/conversation_card.h"
#include "domain/text.h"
#include "store/areas_store.h"
#include "store/coalitions_store.h"
#include "store/conversation_card_store.h"
#include "web/core/url.h"
#include "web/deskundigheid/map_views.h"
#include "web/deskundigheid/pages.h"
#include "web/ui/addresses.h"
#include "web/ui/qr_code.h"

namespace kompas::web {
namespace {

constexpr const char* kCardPath = "/deskundigheid/gesprekskaart";

void card_page(Ctx& ctx, const domain::Coalition& coalition, bool is_public) {
  const auto base = is_public ? "/openbaar/" + coalition.gemeente_code + "/gesprekskaart"
                              : std::string(kCardPath);
  const bool manages = !is_public && ctx.me().is_beheerder();
  const auto [names, chosen] = [&] {
    store::Connection conn(ctx.app.db());
    return std::pair{store::area_names(conn.sql(), coalition.id),
                     store::card_service_ids(conn.sql(), coalition.id)};
  }();
  std::string wijk = ctx.query("wijk");
  if (!wijk.empty() && !(wijk.starts_with("WK") && names.contains(wijk))) wijk.clear();
  const auto map = social_map(ctx.app, coalition.id);

  nlohmann::json services = nlohmann::json::array();
  for (const auto* s : domain::card_services(*map, chosen, wijk))
    services.push_back(
        {{"name", domain::cut_between_words(s->name, 70)},
         {"organization",
          s->organization == s->name ? "" : domain::cut_between_words(s->organization, 50)},
         {"phone", s->referral.phone},
         {"phone_href", tel_href(s->referral.phone)},
         {"email", s->referral.email},
         {"how", domain::cut_between_words(s->referral.how, 100)}});
  nlohmann::json wijken = nlohmann::json::array(
      {{{"value", ""}, {"label", ctx.t("card.whole_gemeente")}, {"selected", wijk.empty()}}});
  for (const auto& [code, name] : names)
    if (code.starts_with("WK"))
      wijken.push_back({{"value", code}, {"label", name}, {"selected", code == wijk}});

  // The QR code opens the public kaart, for the same wijk; without a public kaart there is none.
  nlohmann::json qr;
  if (coalition.public_map) {
    const auto url = site_address(ctx) + "/openbaar/" + coalition.gemeente_code + "/kaart" +
                     (wijk.empty() ? "" : "?wijk=" + encode_query_param(wijk));
    qr = {{"svg", qr_code_svg(url, ctx.t("card.qr_label"))}, {"url", url}};
  }
  nlohmann::json chosen_view = nlohmann::json::array();
  if (manages)
    for (const auto& id : chosen) {
      const auto* s = map->service(id);
      chosen_view.push_back({{"id", id},
                             {"name", s ? s->name : id},
                             {"href", "/deskundigheid/kaart/dienst/" + encode_query_param(id)},
                             {"gone", !s || !domain::is_active(*s)}});
    }
  ctx.page("deskundigheid/card", ctx.t("card.title"),
           {{"base", base},
            {"coalition", coalition.name},
            {"wijken", wijken},
            {"wijk_name", wijk.empty() ? nlohmann::json() : nlohmann::json(names.at(wijk))},
            {"services", services},
            {"has_services", !services.empty()},
            {"qr", qr},
            {"manage", manages ? nlohmann::json{{"chosen", chosen_view},
                                                {"has_chosen", !chosen_view.empty()},
                                                {"map_public", coalition.public_map},
                                                {"csrf", ctx.me().csrf_token}}
                               : nlohmann::json()}});
}

// The beheerder adds a place of the kaart to the card (from its page) or takes one off.
void choose_service(Ctx& ctx) {
  const auto id = domain::utf8_prefix(ctx.field("dienst"), 100);
  const auto action = ctx.field("actie");
  if (action != "toevoegen" && action != "weghalen") throw HttpError{422, "card.bad_action"};
  const auto map = social_map(ctx.app, ctx.coalition_id());
  const auto* s = map->service(id);
  const auto service_href = "/deskundigheid/kaart/dienst/" + encode_query_param(id);
  store::Change change(ctx.app.db(), ctx.actor());
  if (action == "weghalen") {
    // A place gone from the kaart can still be taken off the card.
    store::remove_card_service(change, id, s ? s->name : id);
    change.commit();
    const bool from_service = s && ctx.field("terug") == "dienst";
    return ctx.redirect_with_notice(from_service ? service_href : kCardPath, "card_removed");
  }
  if (!s) not_found();
  if (!domain::is_active(*s)) throw HttpError{422, "card.not_active"};
  if (!store::add_card_service(change, id, s->name)) throw HttpError{422, "card.full"};
  change.commit();
  ctx.redirect_with_notice(service_href, "card_added");
}

}  // namespace

void register_card_pages(App& app) {
  app.get(kCardPath, Access::signed_in, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto coalition = store::find_coalition(conn.sql(), ctx.coalition_id()).value();
    card_page(ctx, coalition, false);
  });
  app.post(std::string(kCardPath) + "/diensten", Access::beheerder, choose_service);
  app.get(R"(/openbaar/(GM\d{4})/gesprekskaart)", Access::anyone, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto coalition = store::find_coalition_by_code(conn.sql(), ctx.path_param(1));
    if (!coalition || !coalition->public_card) not_found();
    card_page(ctx, *coalition, true);
  });
}

}  // namespace kompas::web
