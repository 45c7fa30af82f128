#pragma once
// The agenda the data proposes for a meeting (domain::propose_agenda), gathered from the plan's
// indicators and actions, the quality picture and the stories, and how an agenda item reads.
#include <vector>

#include "domain/meetings.h"
#include "web/core/app.h"

namespace kompas::web {

// What the data suggests for the meeting, without what is on its agenda already. Kept per data
// version and day: the plan's statuses and the quality picture take a while to gather.
std::vector<domain::AgendaItem> proposed_agenda(const Ctx& ctx, soci::session& sql,
                                                const domain::Meeting& meeting,
                                                const std::vector<domain::AgendaItem>& agenda);

// The item as a sentence in the page's language, and the page it is about (or empty).
std::string agenda_title(const Ctx& ctx, const domain::AgendaItem& item);
std::string agenda_href(const domain::AgendaItem& item);

}  // namespace kompas::web
