#pragma once
#include <string>
#include <vector>

#include "store/change.h"

namespace kompas::cli {

// The plan of Gemeente Voorbeeld (in the caller's change): ambitions, indicators with values and
// stories, 20 activities, contributions from every partner, and actions (some overdue).
void load_demo_plan(store::Change& change, long long owner_person_id,
                    const std::vector<long long>& partners);

// The plan of the big-city demo, for benchmarks: 50 ambitions, 150 indicators with 10 years of
// values, 500 activities, contributions from most of the partners and 100 actions.
void load_big_city_plan(store::Change& change, long long owner_person_id,
                        const std::vector<long long>& partners,
                        const std::vector<std::string>& wijken);

}  // namespace kompas::cli
