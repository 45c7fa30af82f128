#pragma once
#include "store/change.h"

namespace kompas::cli {

// Quality checks for the demo coalition (in the caller's change): `count` running activities
// checked by their teams (people of the lead partner, the first person, and volunteers), every
// third also a year earlier, with an improvement plan from the latest round's lowest points.
void load_demo_checks(store::Change& change, std::size_t count);

}  // namespace kompas::cli
