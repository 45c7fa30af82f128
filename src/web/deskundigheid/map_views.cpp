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

}  // namespace kompas::web
