#pragma once
#include <vector>

#include "store/change.h"

namespace kompas::cli {

// The plan of Gemeente Voorbeeld (in the caller's change): ambitions, indicators with values and
// stories, 20 activities, contributions from every partner, and actions (some overdue).
void load_demo_plan(store::Change& change, long long owner_person_id,
                    const std::vector<long long>& partners);

}  // namespace kompas::cli
