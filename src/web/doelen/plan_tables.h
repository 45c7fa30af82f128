#pragma once
// The whole plan as tables: ambitions, indicators, values, activities, contributions and
// actions. One model for the plan document's tables, its XLSX (one sheet per part) and each
// table's CSV, so every form holds the same cells. Survey values hidden on the pages are left
// out here too.
#include <vector>

#include "web/ui/downloads.h"

namespace kompas::web {

// The parts in the order of the plan; each table's name is also the URL part of its CSV
// (/plan/<name>.csv): ambities, indicatoren, waarden, activiteiten, bijdragen, acties.
std::vector<DownloadTable> plan_tables(Ctx& ctx, soci::session& sql);

}  // namespace kompas::web
