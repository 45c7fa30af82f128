#pragma once
// The pages of this section, registered by its section.cpp.
#include <set>
#include <string>

#include "web/ui/form.h"
#include "web/ui/input.h"

namespace kompas::web {

void register_meeting_pages(App& app);      // meetings: list, form, page, minutes
void register_agenda_pages(App& app);       // the proposed agenda and recording an item
void register_year_report_pages(App& app);  // closing a year, the jaarverslag

// What a beheerder posted for the agenda that could not be taken: shown again with the error.
struct AgendaDraft {
  std::set<std::string> chosen;  // proposal keys ticked
  std::string own;               // the own item as typed
  std::string error_key;         // about the whole form
  domain::FieldErrors own_errors;
};
// The own item's field: one line for the agenda.
inline const FieldSpec kOwnItemField{
    .name = "eigen", .label_key = "meeting.own_item", .autocomplete = "off", .max_length = 300};
// The meeting page (or its minutes, `print`); with a draft, the proposal keeps what was posted.
void show_meeting(Ctx& ctx, bool print, const AgendaDraft* draft = nullptr, int status = 200);

}  // namespace kompas::web
