#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_survey_pages(App& app);         // surveys, their tables, charts and maps
void register_survey_upload_pages(App& app);  // upload with preview, then store
void register_figures_pages(App& app);        // published figures (RIVM model estimates)
void register_trend_pages(App& app);          // one area over all surveys
void register_boundaries_pages(App& app);     // GeoJSON area boundaries for the maps
void register_areas_pages(App& app);

}  // namespace kompas::web
