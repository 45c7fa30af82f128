#pragma once
// The decisions meetings took about one ambition, activity or indicator, for their own pages
// (templates/partials/decisions.mustache), newest first.
#include <nlohmann/json.hpp>

#include "store/meetings_store.h"
#include "web/core/app.h"

namespace kompas::web {

nlohmann::json decisions_view(const Ctx& ctx, soci::session& sql, store::DecisionsAbout about,
                              long long id);

}  // namespace kompas::web
