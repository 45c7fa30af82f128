#pragma once
// The pages of the signaalpunt, registered by its section.cpp.
#include "web/core/app.h"

namespace kompas::web {

void register_report_pages(App& app);  // passing a signal, signed in and public; the status
void register_inbox_pages(App& app);   // counts, what came in, a signal and its steps
void register_route_pages(App& app);   // who receives what (beheerder)

}  // namespace kompas::web
