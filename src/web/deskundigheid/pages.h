#pragma once
// The pages of this section, registered by its section.cpp.
#include "web/ui/input.h"

namespace kompas::web {

void register_expertise_pages(App& app);   // the section's landing page
void register_knowledge_pages(App& app);   // the kennisbank, signed in and public
void register_training_pages(App& app);    // trainings, sessions and attendance
void register_coverage_pages(App& app);    // coverage, frontline workers per role, own roles
void register_map_pages(App& app);         // the sociale kaart: search and services, public too
void register_map_file_pages(App& app);    // the kaart's HSDS files: import and export
void register_map_edit_pages(App& app);    // a service's owner changes it in one step
void register_map_upkeep_pages(App& app);  // keeping the kaart current: checks, corrections
void register_card_pages(App& app);        // the gesprekskaart: to read and print, public too

}  // namespace kompas::web
