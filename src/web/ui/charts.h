#pragma once
// Charts drawn on the server as SVG, so they work without JavaScript, print sharply and need no
// chart library. Every text in them is escaped here; pages include the result unescaped. Each
// chart has a title and description for screen readers, and every page shows the same figures
// in a table beside it.
#include <optional>
#include <string>
#include <vector>

namespace kompas::web {

// One bar: a proportion (0..1) with its interval; no value when the figure is not shown.
struct Bar {
  std::string label;
  std::optional<double> value, low, high;
  std::string note;    // shown instead of a bar when there is no value
  bool model = false;  // a published model estimate: drawn hatched
};

struct ReferenceLine {
  double value;
  std::string label;
};

// Horizontal bars with interval whiskers and an optional dashed reference line.
std::string bar_chart_svg(const std::vector<Bar>& bars, const std::optional<ReferenceLine>& line,
                          const std::string& title, const std::string& description,
                          const std::string& percent_suffix = "%");

// Scores of 1 to 10 as horizontal bars on a 0–10 axis: a bar's value is a median, its whisker
// the lowest to the highest score.
std::string score_chart_svg(const std::vector<Bar>& bars, const std::string& title,
                            const std::string& description);

// A grid of counts: a row and a column label per cell, each cell shaded by its count (darker is
// more) with the count written in it; an empty cell stands out in grey. Drawn at its natural
// size (the page scrolls it sideways when needed), so labels keep their size.
// A heat map cell at `shade` (0 to 1: how much of the map's blue lies over white): its colour as
// blended, and the text colour that reads on it (dark or white, whichever contrasts more by
// WCAG's formula) with that contrast, so no count is drawn below 4.5:1.
struct HeatCell {
  std::string fill;  // "rgb(r,g,b)"
  bool light_text = false;
  double contrast = 0;
};
HeatCell heat_cell(double shade);

std::string heat_map_svg(const std::vector<std::string>& rows,
                         const std::vector<std::string>& columns,
                         const std::vector<std::vector<int>>& counts, const std::string& title,
                         const std::string& description);

// One line per series over the years, for trends.
struct TrendPoint {
  int year;
  double value, low, high;
};
struct TrendSeries {
  std::string label;
  std::vector<TrendPoint> points;
};
std::string trend_chart_svg(const std::vector<TrendSeries>& series, const std::string& title,
                            const std::string& description);

// A filled map: each shape an SVG path already projected to the drawing (see geojson.h), with
// a class for its legend class (0..classes-1, or -1 for no figure).
struct MapShape {
  std::string path;  // SVG path data
  int legend_class = -1;
  std::string label;                // area name and figure: the tooltip, and the key under the map
  double label_x = 0, label_y = 0;  // where the area's number is drawn
};
std::string choropleth_svg(const std::vector<MapShape>& shapes, double width, double height,
                           const std::vector<std::string>& legend, const std::string& no_figure,
                           const std::string& title, const std::string& description);

}  // namespace kompas::web

namespace kompas::web {

// Results-Based Accountability's "turn the curve": the history with intervals, the path from
// baseline to target, and the forecast if nothing changes, in the indicator's own unit.
struct CurvePoint {
  int year = 0;
  double value = 0;
  std::optional<double> low, high;
};
struct TurnCurve {
  std::vector<CurvePoint> history, path, forecast;
  std::string history_label, path_label, forecast_label;
  std::string unit_suffix;  // "%" for percentages
  char decimal_separator = ',';
  // The most the unit allows (100 for a percentage): the axis never runs past it.
  std::optional<double> ceiling;
};
std::string turn_curve_svg(const TurnCurve& curve, const std::string& title,
                           const std::string& description);

}  // namespace kompas::web
