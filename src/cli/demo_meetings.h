#pragma once
#include "store/change.h"

namespace kompas::cli {

// Meetings for the demo coalition (in the caller's change): two held, about an indicator, a late
// action and an activity, whose decisions became actions; and one planned next month whose
// agenda the beheerder still puts together from the proposal.
void load_demo_meetings(store::Change& change);

}  // namespace kompas::cli
