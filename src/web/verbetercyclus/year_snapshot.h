#pragma once
// What a closed year keeps (issue 12, point 9): the local picture, each ambition with its
// indicators (latest value and status), what partners contributed, the quality picture, the
// self-scan, the decisions of the year's meetings and the stories written in it. Raw values and
// words, no texts in one language: the report reads them in the reader's language.
#include <nlohmann/json.hpp>

#include "domain/coalition.h"
#include "store/database.h"

namespace kompas::web {

nlohmann::json build_year_snapshot(soci::session& sql, const domain::Coalition& coalition,
                                   int year);

}  // namespace kompas::web
