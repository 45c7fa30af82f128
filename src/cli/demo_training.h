#pragma once
#include <vector>

#include "store/change.h"

namespace kompas::cli {

// The training register for the demo coalition (in the caller's change): three trainings with
// sessions over the last two years and one to come, 120 participants of seven partners in six
// roles, the numbers of frontline workers each partner stated, and an indicator of kind
// deskundigheid. Zuid-West lags: most of its people were trained long ago or not at all. Some
// trainings ended and some end within three months, so the refresher lists are filled.
void load_demo_training(store::Change& change, const std::vector<long long>& partners);

// The big city's register for the benchmark: 5,000 trained participants across its partners.
void load_big_city_training(store::Change& change, const std::vector<long long>& partners,
                            const std::vector<std::string>& wijken);

}  // namespace kompas::cli
