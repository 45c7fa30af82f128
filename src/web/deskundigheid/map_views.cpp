#include "web/deskundigheid/map_views.h"

#include "store/hsds_store.h"

namespace kompas::web {

std::shared_ptr<const domain::SocialMap> social_map(App& app, long long coalition_id) {
  store::Connection conn(app.db());
  const auto version = store::map_version(conn.sql(), coalition_id);
  return app.computed().get<std::shared_ptr<const domain::SocialMap>>(
      "sociale-kaart/" + std::to_string(coalition_id), version, [&] {
        return std::make_shared<const domain::SocialMap>(domain::hsds::Directory(
            store::hsds_spec(), store::load_hsds_records(conn.sql(), coalition_id)));
      });
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
