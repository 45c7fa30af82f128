#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_ambition_pages(App& app);   // ambitions and their versions
void register_indicator_pages(App& app);  // indicators: values, status, chart, stories
void register_plan_pages(App& app);       // the plan document, XLSX and CSV

}  // namespace kompas::web
