#include "web/deskundigheid/map_views.h"

#include <mutex>

#include "store/coalitions_store.h"
#include "store/hsds_store.h"
#include "store/map_upkeep_store.h"
#include "store/partners_store.h"
#include "web/core/url.h"
#include "web/ui/input.h"

namespace kompas::web {

namespace {

// The newest index made for a coalition, kept beside the cache's entries for it (under a data
// version that never moves): the next version starts from it and reads only the records
// changed since, not a big city's 220,000 records again.
struct NewestMap {
  std::mutex mutex;
  long long version = 0;
  std::shared_ptr<const domain::SocialMap> map;
};

}  // namespace

std::shared_ptr<const domain::SocialMap> social_map(App& app, long long coalition_id) {
  store::Connection conn(app.db());
  const auto version = store::map_version(conn.sql(), coalition_id);
  const auto key = "sociale-kaart/" + std::to_string(coalition_id);
  return app.computed().get<std::shared_ptr<const domain::SocialMap>>(key, version, [&] {
    const auto newest = app.computed().get<std::shared_ptr<NewestMap>>(
        key + "/nieuwste", 0, [] { return std::make_shared<NewestMap>(); });
    auto [since, before] = [&] {
      std::lock_guard lock(newest->mutex);
      return std::pair{newest->version, newest->map};
    }();
    // A database put back from an older copy has a lower version: then all is read again.
    auto map = before && since <= version
                   ? std::make_shared<const domain::SocialMap>(
                         *before, store::load_hsds_changes(conn.sql(), coalition_id, since))
                   : std::make_shared<const domain::SocialMap>(domain::hsds::Directory(
                         store::hsds_spec(), store::load_hsds_records(conn.sql(), coalition_id)));
    std::lock_guard lock(newest->mutex);
    if (!newest->map || newest->version <= version) {
      newest->version = version;
      newest->map = map;
    }
    return std::shared_ptr<const domain::SocialMap>(std::move(map));
  });
}

MapPlace signed_in_place(Ctx& ctx) {
  return {ctx.me().coalition, "/deskundigheid/kaart", false};
}

MapPlace public_place(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto coalition = store::find_coalition_by_code(conn.sql(), ctx.path_param(1));
  if (!coalition || !coalition->public_map) not_found();
  const auto base = "/openbaar/" + coalition->gemeente_code + "/kaart";
  return {std::move(*coalition), base, true};
}

std::string service_href(const MapPlace& place, const std::string& id) {
  return place.base + "/dienst/" + encode_query_param(id);
}

std::string service_title(const domain::MapService& s) {
  return s.organization.empty() || s.organization == s.name ? s.name
                                                            : s.name + " (" + s.organization + ")";
}

nlohmann::json stale_note(const Ctx& ctx, const domain::MapService& s) {
  if (!domain::is_stale(s, today_date())) return nullptr;
  if (s.assured_date.empty()) return ctx.t("upkeep.never_checked");
  return ctx.tf("upkeep.stale", {{"date", ctx.date(s.assured_date.substr(0, 10))}});
}

nlohmann::json completeness_view(const Ctx& ctx, const domain::Completeness& c) {
  std::string missing;
  for (const auto& part : c.missing)
    missing += (missing.empty() ? "" : ", ") + ctx.t("upkeep.part." + part);
  return {{"percent", std::to_string(c.percent) + (ctx.lang == Lang::nl ? " %" : "%")},
          {"complete", c.missing.empty()},
          {"missing", missing}};
}

std::optional<long long> keeper_of(Ctx& ctx, const domain::MapService& service) {
  store::Connection conn(ctx.app.db());
  const auto owners = store::organization_partners(conn.sql(), ctx.coalition_id());
  const auto owner = owners.find(service.organization_id);
  if (owner == owners.end()) return std::nullopt;
  return owner->second;
}

bool may_keep(Ctx& ctx, const domain::MapService& s) {
  const auto& me = ctx.me();
  if (me.is_beheerder()) return true;
  if (me.person.role != domain::Role::partner) return false;
  const auto keeper = keeper_of(ctx, s);
  return keeper && domain::can_edit_partner(me.person, *keeper);
}

std::vector<const domain::MapService*> kept_services(Ctx& ctx, const domain::SocialMap& map) {
  const auto& me = ctx.me();
  std::map<std::string, long long> owners;
  if (!me.is_beheerder()) {
    store::Connection conn(ctx.app.db());
    owners = store::organization_partners(conn.sql(), me.coalition.id);
  }
  std::vector<const domain::MapService*> out;
  for (const auto* s : map.services()) {
    const auto owner = owners.find(s->organization_id);
    if (me.is_beheerder() ||
        (owner != owners.end() && domain::can_edit_partner(me.person, owner->second)))
      out.push_back(s);
  }
  return out;
}

FieldSpec keeper_field(Ctx& ctx, const domain::MapService& service,
                       std::optional<long long> current_keeper) {
  FieldSpec field{"partner", "keeper.choose", FieldKind::select, false, "", {}, "off"};
  field.empty_option_key = "keeper.nobody";
  field.extra_hint = ctx.tf("keeper.hint", {{"organization", service.organization}});
  store::Connection conn(ctx.app.db());
  for (const auto& p : store::list_partners(conn.sql(), ctx.coalition_id()))
    if (p.active || p.id == current_keeper)
      field.options.emplace_back(std::to_string(p.id), p.name);
  std::sort(field.options.begin(), field.options.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  return field;
}

nlohmann::json keeper_view(Ctx& ctx, const MapPlace& place, const domain::MapService& service) {
  if (place.is_public || service.organization_id.empty()) return nullptr;
  const auto keeper = keeper_of(ctx, service);
  store::Connection conn(ctx.app.db());
  std::string name;
  if (keeper)
    if (const auto partner = store::find_partner(conn.sql(), ctx.coalition_id(), *keeper))
      name = partner->name;
  nlohmann::json view = {{"name", name.empty() ? ctx.t("keeper.nobody") : name}};
  if (!ctx.me().is_beheerder() ||
      store::is_partner_organization(conn.sql(), ctx.coalition_id(), service.organization_id))
    return view;
  const nlohmann::json values = {{"partner", keeper ? std::to_string(*keeper) : ""}};
  view["form"] = {{"action", service_href(place, service.record->id) + "/bijhouder"},
                  {"csrf", ctx.me().csrf_token},
                  {"fields", form_fields(ctx, {keeper_field(ctx, service, keeper)}, values, {})}};
  return view;
}

std::vector<store::MapCorrection> corrections_waiting(
    Ctx& ctx, const std::vector<const domain::MapService*>& services) {
  std::set<std::string> ids;
  for (const auto* s : services) ids.insert(s->record->id);
  store::Connection conn(ctx.app.db());
  auto out = store::open_corrections(conn.sql(), ctx.coalition_id());
  std::erase_if(out, [&](const auto& c) { return !ids.contains(c.service_id); });
  return out;
}

std::string assurer_email(Ctx& ctx, const domain::MapService& s) {
  if (const auto keeper = keeper_of(ctx, s)) {
    store::Connection conn(ctx.app.db());
    if (const auto partner = store::find_partner(conn.sql(), ctx.coalition_id(), *keeper))
      if (!partner->contact_email.empty()) return partner->contact_email;
  }
  return ctx.me().person.email;
}

const domain::MapService& service_of_address(Ctx& ctx, const MapPlace& place,
                                             const domain::SocialMap& map) {
  const auto* s = map.service(ctx.path_param(place.is_public ? 2 : 1));
  if (!s) not_found();
  return *s;
}

void send_all_services(Ctx& ctx, long long coalition_id) {
  const auto version = [&] {
    store::Connection conn(ctx.app.db());
    return store::map_version(conn.sql(), coalition_id);
  }();
  const auto body = ctx.app.computed().get<std::shared_ptr<const std::string>>(
      "sociale-kaart-ndjson/" + std::to_string(coalition_id), version, [&] {
        const auto map = social_map(ctx.app, coalition_id);
        const auto& services = map->directory().of("service");
        auto text = std::make_shared<std::string>();
        text->reserve(services.size() * 4096);  // ~3 kB a service with what hangs under it
        for (const auto* s : services) {
          map->directory().append_nested(*text, *s);
          *text += '\n';
        }
        return std::shared_ptr<const std::string>(std::move(text));
      });
  ctx.res.set_pieces({std::string_view(*body)}, body, "application/x-ndjson");
}

}  // namespace kompas::web
