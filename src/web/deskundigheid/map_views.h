#pragma once
// The coalition's sociale kaart as pages and the HSDS API read it: its HSDS records with the
// search index of domain::SocialMap, built once per version of the kaart (store::map_version)
// and shared by requests.
#include <memory>

#include "domain/social_map.h"
#include "web/core/app.h"

namespace kompas::web {

std::shared_ptr<const domain::SocialMap> social_map(App& app, long long coalition_id);

// Every service of the kaart as HSDS NDJSON, one whole service per line: made once per version
// of the kaart (65 MB for a big city's 20,000 services) and sent without copying it.
void send_all_services(Ctx& ctx, long long coalition_id);

}  // namespace kompas::web
