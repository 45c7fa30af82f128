#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_meeting_pages(App& app);      // meetings: list, form, page, minutes
void register_agenda_pages(App& app);       // the proposed agenda and recording an item
void register_year_report_pages(App& app);  // closing a year, the jaarverslag

}  // namespace kompas::web
