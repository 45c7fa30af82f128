#pragma once
// Area boundaries (GeoJSON geometry per area code) for the maps.
#include <map>
#include <string>

#include "store/change.h"

namespace kompas::store {

// Replaces the boundaries of the given areas; returns how many were stored.
int save_boundaries(Change& change, const std::map<std::string, std::string>& geometries);

// Area code -> GeoJSON geometry.
std::map<std::string, std::string> list_boundaries(soci::session& sql, long long coalition_id);

}  // namespace kompas::store
