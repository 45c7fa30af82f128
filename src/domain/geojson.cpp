#include "domain/geojson.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "domain/text.h"

namespace kompas::domain {

namespace {

constexpr const char* code_properties[] = {"statcode",  "code",     "gwb_code",
                                           "buurtcode", "wijkcode", "gemeentecode"};

bool read_ring(const nlohmann::json& points, Ring& ring) {
  if (!points.is_array() || points.size() < 3) return false;
  for (const auto& p : points) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) return false;
    const double x = p[0].get<double>(), y = p[1].get<double>();
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    ring.emplace_back(x, y);
  }
  return true;
}

bool read_polygon(const nlohmann::json& rings, Shape& shape) {
  if (!rings.is_array() || rings.empty()) return false;
  for (const auto& r : rings) {
    Ring ring;
    if (!read_ring(r, ring)) return false;
    shape.push_back(std::move(ring));
  }
  return true;
}

// A member that should be text; anything else (an array, a number, nothing) is "". nlohmann's
// value() would throw for a member of the wrong type, which the fuzzer found.
std::string text_member(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Shape shape_of(const nlohmann::json& geometry) {
  Shape shape;
  if (!geometry.is_object() || !geometry.contains("coordinates")) return {};
  const auto type = text_member(geometry, "type");
  const auto& coordinates = geometry["coordinates"];
  if (type == "Polygon") {
    if (!read_polygon(coordinates, shape)) return {};
  } else if (type == "MultiPolygon") {
    if (!coordinates.is_array()) return {};
    for (const auto& polygon : coordinates)
      if (!read_polygon(polygon, shape)) return {};
  }
  return shape;
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

// GeoJSON nests four levels of arrays in a MultiPolygon; a file nested 100,000 deep is an
// attack, and every recursive walk over it (ours, or the destructor's) would overflow the stack.
constexpr int max_json_depth = 64;

struct TooDeep {};

nlohmann::json parse_limited(std::string_view bytes) {
  return nlohmann::json::parse(bytes.begin(), bytes.end(),
                               [](int depth, nlohmann::json::parse_event_t, const nlohmann::json&) {
                                 if (depth > max_json_depth) throw TooDeep{};
                                 return true;
                               });
}

}  // namespace

BoundaryImport parse_boundaries(std::string_view bytes, const std::set<std::string>& areas) {
  BoundaryImport result;
  nlohmann::json doc;
  try {
    doc = parse_limited(bytes);
  } catch (const nlohmann::json::parse_error& e) {
    add_problem(result.problems,
                Problem{0, 0, "geojson.invalid", {{"detail", std::to_string(e.byte)}}});
    return result;
  } catch (const nlohmann::json::exception&) {  // e.g. a number beyond any double: 1e999
    add_problem(result.problems, Problem{0, 0, "geojson.invalid", {{"detail", "?"}}});
    return result;
  } catch (const TooDeep&) {
    add_problem(result.problems,
                Problem{0, 0, "geojson.too_deep", {{"max", std::to_string(max_json_depth)}}});
    return result;
  }
  if (!doc.is_object() || text_member(doc, "type") != "FeatureCollection" ||
      !doc.contains("features") || !doc["features"].is_array()) {
    add_problem(result.problems, Problem{0, 0, "geojson.not_features", {}});
    return result;
  }
  bool any_code = false;
  for (const auto& feature : doc["features"]) {
    if (!feature.is_object() || !feature.contains("properties") ||
        !feature["properties"].is_object())
      continue;
    const auto& properties = feature["properties"];
    std::string code;
    for (const char* name : code_properties) {
      if (properties.contains(name) && properties[name].is_string()) {
        code = upper_ascii(trim_view(properties[name].get<std::string>()));
        break;
      }
    }
    if (code.empty()) continue;
    any_code = true;
    if (!areas.contains(code)) {
      ++result.skipped;
      continue;
    }
    const auto geometry = feature.value("geometry", nlohmann::json());
    if (shape_of(geometry).empty()) {
      if (!add_problem(result.problems, Problem{0, 0, "geojson.bad_geometry", {{"code", code}}}))
        break;
      continue;
    }
    result.geometries[code] = geometry.dump();
  }
  if (!any_code) {
    add_problem(result.problems, Problem{0,
                                         0,
                                         "geojson.no_code_property",
                                         {{"expected", "statcode, code, buurtcode, wijkcode"}}});
  } else if (result.problems.empty() && result.geometries.empty()) {
    add_problem(result.problems,
                Problem{0, 0, "geojson.no_areas", {{"skipped", std::to_string(result.skipped)}}});
  }
  if (!result.problems.empty()) result.geometries.clear();  // all or nothing
  return result;
}

Shape read_geometry(std::string_view geometry_json) {
  try {
    return shape_of(parse_limited(geometry_json));
  } catch (const nlohmann::json::exception&) {
    return {};
  } catch (const TooDeep&) {
    return {};
  }
}

namespace {

// Coordinates to drawing units: `width` wide, north up, degrees of longitude shortened by the
// latitude (they are shorter away from the equator); metres (RD) as they are.
struct Projection {
  double min_x = 0, max_y = 0, x_stretch = 1, scale = 1, height = 0;
  bool empty = true;

  Projection(const std::vector<Shape>& shapes, double width) {
    double min_y = std::numeric_limits<double>::max(),
           max_x = std::numeric_limits<double>::lowest();
    min_x = std::numeric_limits<double>::max(), max_y = std::numeric_limits<double>::lowest();
    for (const auto& shape : shapes)
      for (const auto& ring : shape)
        for (const auto& [x, y] : ring) {
          min_x = std::min(min_x, x), max_x = std::max(max_x, x);
          min_y = std::min(min_y, y), max_y = std::max(max_y, y);
        }
    if (min_x > max_x) return;
    empty = false;
    const bool degrees = min_x >= -180 && max_x <= 180 && min_y >= -90 && max_y <= 90;
    x_stretch = degrees ? std::cos((min_y + max_y) / 2 * M_PI / 180) : 1.0;
    const double span_x = std::max((max_x - min_x) * x_stretch, 1e-12);
    const double span_y = std::max(max_y - min_y, 1e-12);
    scale = width / span_x;
    height = span_y * scale;
  }
  double px(double x) const { return (x - min_x) * x_stretch * scale; }
  double py(double y) const { return (max_y - y) * scale; }
};

}  // namespace

std::vector<std::string> svg_paths(const std::vector<Shape>& shapes, double width, double& height) {
  const Projection projection(shapes, width);
  std::vector<std::string> paths(shapes.size());
  height = projection.height;
  if (projection.empty) return paths;
  for (std::size_t s = 0; s < shapes.size(); ++s) {
    std::string& d = paths[s];
    for (const auto& ring : shapes[s]) {
      double last_x = 0, last_y = 0;
      bool first = true;
      for (const auto& [x, y] : ring) {
        const double px = projection.px(x), py = projection.py(y);
        if (!first && std::abs(px - last_x) < 0.5 && std::abs(py - last_y) < 0.5) continue;
        d += (first ? "M" : "L") + number(px) + " " + number(py);
        last_x = px, last_y = py, first = false;
      }
      d += "Z";
    }
  }
  return paths;
}

std::vector<std::pair<double, double>> svg_label_points(const std::vector<Shape>& shapes,
                                                        double width) {
  const Projection projection(shapes, width);
  std::vector<std::pair<double, double>> points(shapes.size(), {0.0, 0.0});
  if (projection.empty) return points;
  for (std::size_t s = 0; s < shapes.size(); ++s) {
    double best = -1;
    for (const auto& ring : shapes[s]) {  // the middle of the largest ring's bounding box
      if (ring.empty()) continue;
      double x0 = ring[0].first, x1 = x0, y0 = ring[0].second, y1 = y0;
      for (const auto& [x, y] : ring)
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      if ((x1 - x0) * (y1 - y0) > best) {
        best = (x1 - x0) * (y1 - y0);
        points[s] = {projection.px((x0 + x1) / 2), projection.py((y0 + y1) / 2)};
      }
    }
  }
  return points;
}

}  // namespace kompas::domain
