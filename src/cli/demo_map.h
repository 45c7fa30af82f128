#pragma once
#include <string>
#include <vector>

#include "domain/partners.h"
#include "store/change.h"

namespace kompas::cli {

// The demo coalition's sociale kaart (in the caller's change): every running activity with a
// lead partner put on the kaart, more services of the partners across the wijken (some not
// checked for over a year), and the national help lines as examples the beheerder may edit.
void load_demo_map(store::Change& change, const std::vector<domain::Partner>& partners);

// The big city's kaart for the benchmark: 20,000 services of its partners over its wijken.
void load_big_city_map(store::Change& change, const std::vector<domain::Partner>& partners,
                       const std::vector<std::string>& wijken);

}  // namespace kompas::cli
