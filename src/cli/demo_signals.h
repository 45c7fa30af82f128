#pragma once
#include <vector>

#include "store/change.h"
#include "store/signal_key.h"

namespace kompas::cli {

// The demo coalition's signaalpunt (in the caller's change): Welzijn Voorbeeld receives the
// signals of the gemeente, Thuiszorg De Linde those of Oost; signals of the last months in every
// state, sealed with the demo's key, so the partner login sees an inbox and everyone the counts.
void load_demo_signals(store::Change& change, const store::SignalKey& key,
                       const std::vector<long long>& partners);

}  // namespace kompas::cli
