// Charts drawn by the server (web/ui/charts.*): what WCAG asks of their text.
#include <gtest/gtest.h>

#include "web/ui/charts.h"

namespace kompas::web {
namespace {

// Every shade a heat map draws (0,12 to 1) gets the text colour that reads on it at 4.5:1 or
// more, computed from the blended colour: white on a light blue read 3.41:1 once.
TEST(HeatMap, EveryCountReadsOnItsCell) {
  for (int step = 12; step <= 100; ++step) {
    const auto cell = heat_cell(step / 100.0);
    EXPECT_GE(cell.contrast, 4.5) << "shade " << step << "%: " << cell.fill;
  }
  EXPECT_FALSE(heat_cell(0.12).light_text);  // light cells: dark text
  EXPECT_TRUE(heat_cell(1.0).light_text);    // the full blue: white text
  EXPECT_EQ(heat_cell(1.0).fill, "rgb(21,66,115)");
}

// A percentage axis ends at 100 %, also when a value lies near it.
TEST(TurnCurve, APercentageAxisEndsAtAHundred) {
  TurnCurve curve;
  curve.unit_suffix = "%";
  curve.ceiling = 100;
  curve.history = {{2025, 96.3, {}, {}}, {2026, 97.0, {}, {}}};
  const auto svg = turn_curve_svg(curve, "Meedoen", "Lijn");
  EXPECT_NE(svg.find(">100%<"), std::string::npos);
  EXPECT_EQ(svg.find(">200%<"), std::string::npos);
}

}  // namespace
}  // namespace kompas::web
