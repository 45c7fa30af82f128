#pragma once
#include "store/change.h"

namespace kompas::cli {

// Ambitions, indicators, values and stories of Gemeente Voorbeeld (in the caller's change).
void load_demo_plan(store::Change& change, long long owner_person_id);

}  // namespace kompas::cli
