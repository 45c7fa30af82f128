#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_activity_pages(App& app);      // activities and coverage
void register_contribution_pages(App& app);  // partner × ambition contributions
void register_action_pages(App& app);        // agreed actions with their status log

// A partner's contributions as rows for its page (contribution_pages.cpp).
nlohmann::json partner_contributions(Ctx& ctx, soci::session& sql, long long partner_id);

}  // namespace kompas::web
