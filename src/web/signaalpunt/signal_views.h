#pragma once
// What the signaalpunt's pages share: the key, the coalition's wijken and partners by name, and a
// signal as a row of a list (never its sealed fields).
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "store/signals_store.h"
#include "web/core/app.h"

namespace kompas::web {

// The server's key; without one (a server started without it) the signaalpunt is closed (503).
const store::SignalKey& signal_key(const Ctx& ctx);

// Wijk code -> name, in the order of the coalition's areas.
std::vector<std::pair<std::string, std::string>> wijk_options(Ctx& ctx, long long coalition_id);
std::map<long long, std::string> partner_names(Ctx& ctx, long long coalition_id);

// "Noordwijk" for a wijk, "postcode 9902" for a postcode, or both.
std::string signal_place(const Ctx& ctx, const store::SignalSummary& signal,
                         const std::map<std::string, std::string>& wijk_names);
// "Sociaal, Buitenkant" in the reader's language.
std::string signal_kinds_text(const Ctx& ctx, const std::string& kinds);

// What the counts need of each signal, with the quarter it came in (local time).
std::vector<domain::SignalFact> signal_facts(const std::vector<store::SignalSummary>& signals);

// For an open signal without a step for kSignalIdleWarningDays: the date the signaalpunt will
// close it by itself ("1 juni 2027"); "" otherwise.
std::string closes_by_itself_on(const Ctx& ctx, const store::SignalSummary& signal);

nlohmann::json signal_row(const Ctx& ctx, const store::SignalSummary& signal,
                          const std::map<std::string, std::string>& wijk_names);

}  // namespace kompas::web
