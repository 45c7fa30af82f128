#pragma once
// Area boundaries from GeoJSON (for example CBS's wijk- en buurtkaart, exported as GeoJSON):
// reading the shapes of the coalition's areas, and drawing them as SVG paths.
//
// Problem codes: geojson.invalid {detail}, geojson.not_features, geojson.no_code_property
// {expected}, geojson.bad_geometry {code}, geojson.no_areas {skipped}.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/problem.h"

namespace kompas::domain {

using Ring = std::vector<std::pair<double, double>>;  // x, y (or longitude, latitude)
using Shape = std::vector<Ring>;                      // outer rings and holes, as given

struct BoundaryImport {
  std::map<std::string, std::string> geometries;  // area code -> GeoJSON geometry (as JSON text)
  std::size_t skipped = 0;                        // features of areas not in the coalition
  std::vector<Problem> problems;
};

// The code is read from the first property present of: statcode, code, gwb_code, buurtcode,
// wijkcode, gemeentecode (values compared in upper case). Features of other areas are skipped.
BoundaryImport parse_boundaries(std::string_view bytes, const std::set<std::string>& areas);

// The rings of a GeoJSON Polygon or MultiPolygon; empty when it is neither.
Shape read_geometry(std::string_view geometry_json);

// Projects shapes into a width x height box (north up, aspect kept). Longitude/latitude is
// recognised by its range and corrected for latitude. Returns one SVG path per shape, with
// points closer than half a unit to the previous one left out.
std::vector<std::string> svg_paths(const std::vector<Shape>& shapes, double width, double& height);
// Where to put each shape's number on the same drawing: the middle of its largest ring's box.
std::vector<std::pair<double, double>> svg_label_points(const std::vector<Shape>& shapes,
                                                        double width);

}  // namespace kompas::domain
