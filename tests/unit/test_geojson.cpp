#include <gtest/gtest.h>

#include <cmath>

#include "domain/geojson.h"

using namespace kompas::domain;

namespace {

const std::string kSquare = R"({"type":"Polygon","coordinates":[[[0,0],[2,0],[2,1],[0,1],[0,0]]]})";

std::string feature(const std::string& property, const std::string& code,
                    const std::string& geometry) {
  return R"({"type":"Feature","properties":{")" + property + R"(":")" + code + R"("},"geometry":)" +
         geometry + "}";
}

std::string collection(const std::vector<std::string>& features) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < features.size(); ++i) out += (i ? "," : "") + features[i];
  return out + "]}";
}

}  // namespace

TEST(GeoJson, KeepsTheCoalitionsAreasAndSkipsOthers) {
  const auto file = collection({feature("statcode", "wk999901", kSquare),
                                feature("buurtcode", "BU99990101", kSquare),
                                feature("statcode", "WK034401", kSquare)});
  const auto result = parse_boundaries(file, {"WK999901", "BU99990101"});
  ASSERT_TRUE(result.problems.empty());
  EXPECT_EQ(result.geometries.size(), 2u);
  EXPECT_TRUE(result.geometries.contains("WK999901"));  // codes compared in upper case
  EXPECT_EQ(result.skipped, 1u);
}

TEST(GeoJson, ProblemsChangeNothing) {
  auto result = parse_boundaries("{\"type\":", {"WK999901"});
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].code, "geojson.invalid");
  result = parse_boundaries(R"({"type":"Feature"})", {"WK999901"});
  EXPECT_EQ(result.problems[0].code, "geojson.not_features");
  result = parse_boundaries(collection({feature("naam", "Noord", kSquare)}), {"WK999901"});
  EXPECT_EQ(result.problems[0].code, "geojson.no_code_property");
  result = parse_boundaries(collection({feature("code", "WK034401", kSquare)}), {"WK999901"});
  EXPECT_EQ(result.problems[0].code, "geojson.no_areas");
  result = parse_boundaries(
      collection({feature("code", "WK999901", kSquare),
                  feature("code", "BU99990101", R"({"type":"Point","coordinates":[1,2]})")}),
      {"WK999901", "BU99990101"});
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].code, "geojson.bad_geometry");
  EXPECT_TRUE(result.geometries.empty());  // all or nothing
  // A "type" that is not text once ended the program (found by the fuzzer).
  result = parse_boundaries(R"({"type":[]})", {"WK999901"});
  EXPECT_EQ(result.problems[0].code, "geojson.not_features");
  result = parse_boundaries(
      collection({feature("code", "WK999901", R"({"type":[],"coordinates":[]})")}), {"WK999901"});
  EXPECT_EQ(result.problems[0].code, "geojson.bad_geometry");
}

TEST(GeoJson, DrawsNorthUpWithTheAspectKept) {
  double height = 0;
  const auto paths = svg_paths({read_geometry(kSquare)}, 400, height);
  ASSERT_EQ(paths.size(), 1u);
  // Planar units: 2 wide, 1 high. But [0..2] x [0..1] also fits degrees: near the equator the
  // correction is cos(0.5 degrees), almost 1.
  EXPECT_NEAR(height, 200 / std::cos(0.5 * M_PI / 180), 0.5);
  EXPECT_EQ(paths[0].substr(0, 11), "M0.0 200.0L");  // (0,0) is the bottom left corner
  // Metres (RD) are not corrected.
  const std::string rd =
      R"({"type":"MultiPolygon","coordinates":[[[[136000,455000],[138000,455000],[138000,456000],[136000,455000]]]]})";
  svg_paths({read_geometry(rd)}, 400, height);
  EXPECT_DOUBLE_EQ(height, 200);
  EXPECT_TRUE(read_geometry("not json").empty());
}
