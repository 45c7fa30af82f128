#pragma once
#include "store/change.h"

namespace kompas::cli {

// Block 0 and the self-scan for the demo coalition (in the caller's change): the shared list of
// terms, and finished self-scans for the two years before this one, the later a little better;
// this year's is left for the beheerder to start.
void load_demo_self_scans(store::Change& change);

}  // namespace kompas::cli
