#include "web/verbetercyclus/decisions.h"

#include "web/verbetercyclus/agenda_proposal.h"

namespace kompas::web {

nlohmann::json decisions_view(const Ctx& ctx, soci::session& sql, store::DecisionsAbout about,
                              long long id) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [meeting, item] : store::decisions_about(sql, ctx.coalition_id(), about, id))
    list.push_back({{"href", "/verbetercyclus/overleggen/" + std::to_string(meeting.id) + "#punt-" +
                                 std::to_string(item.id)},
                    {"meeting", meeting.title},
                    {"date", ctx.date(meeting.held_on)},
                    {"item", agenda_title(ctx, item)},
                    {"decision", item.decision}});
  return list;
}

}  // namespace kompas::web
