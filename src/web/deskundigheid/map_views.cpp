#include "web/deskundigheid/map_views.h"

#include "store/hsds_store.h"

namespace kompas::web {

std::shared_ptr<const domain::SocialMap> social_map(App& app, long long coalition_id,
                                                    long long data_version) {
  return app.computed().get<std::shared_ptr<const domain::SocialMap>>(
      "sociale-kaart/" + std::to_string(coalition_id), data_version, [&] {
        store::Connection conn(app.db());
        return std::make_shared<const domain::SocialMap>(domain::hsds::Directory(
            store::hsds_spec(), store::load_hsds_records(conn.sql(), coalition_id)));
      });
}

}  // namespace kompas::web
