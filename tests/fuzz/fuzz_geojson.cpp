// libFuzzer target: any bytes given as an uploaded map (GeoJSON) end in area shapes or in
// problems, never in a crash, a stack overflow or a sanitizer report; a file nested 100,000
// deep once took the whole server down. Built with clang by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/geojson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto result = kompas::domain::parse_boundaries(bytes, {"WK999901", "BU99990101"});
  if (!result.problems.empty() && !result.geometries.empty()) __builtin_trap();  // all or nothing
  // Each stored geometry reads back, and draws.
  std::vector<kompas::domain::Shape> shapes;
  for (const auto& [code, geometry] : result.geometries)
    shapes.push_back(kompas::domain::read_geometry(geometry));
  double height = 0;
  kompas::domain::svg_paths(shapes, 400, height);
  kompas::domain::read_geometry(bytes);
  return 0;
}
