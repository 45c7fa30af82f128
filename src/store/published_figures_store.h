#pragma once
// Published figures per area (e.g. RIVM model estimates), stored per coalition.
#include <vector>

#include "domain/published_figures.h"
#include "store/change.h"

namespace kompas::store {

struct PublishedCounts {
  int created = 0, updated = 0;
};

// Adds new figures and replaces known ones (same area, indicator, year and source).
PublishedCounts save_published_figures(Change& change,
                                       const std::vector<domain::PublishedFigure>& figures);

// By area, indicator and year.
std::vector<domain::PublishedFigure> list_published_figures(soci::session& sql,
                                                            long long coalition_id);

}  // namespace kompas::store
