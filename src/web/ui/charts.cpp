#include "web/ui/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "domain/numbers.h"
#include "domain/text.h"
#include "web/core/view.h"

namespace kompas::web {

namespace {

std::string num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

// Most charts are drawn twice: for a column of a wide screen, and narrower for a phone, where
// the chart fits the screen with its text still about 11 px. The style sheet shows one of them
// (assets/kompas.css); the narrow drawing's ids end in "-n", so they stay unique on the page.
enum class Fit { wide, narrow, once };

std::string open_svg(double width, double height, const std::string& title,
                     const std::string& description, const std::string& id, Fit fit) {
  const char* modifier = fit == Fit::wide     ? " kompas-chart--wide"
                         : fit == Fit::narrow ? " kompas-chart--narrow"
                                              : "";
  return "<svg class=\"kompas-chart" + std::string(modifier) +
         "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width) + " " + num(height) +
         "\" role=\"img\" aria-labelledby=\"" + id + "-t " + id + "-d\"><title id=\"" + id +
         "-t\">" + html_escape(title) + "</title><desc id=\"" + id + "-d\">" +
         html_escape(description) + "</desc>";
}

// Ids only need to be unique within a page; the title is a good enough seed.
std::string chart_id(const std::string& title, Fit fit = Fit::wide) {
  std::size_t hash = std::hash<std::string>{}(title);
  return "chart-" + std::to_string(hash % 1000000007) + (fit == Fit::narrow ? "-n" : "");
}

// The room a letter of a chart's 13 px label takes, capitals included, when a reader sets the
// WCAG text spacing (1.4.12: 0.12em more between letters, 0.16em between words); about 7 px
// without it. Labels get this much, so none is cut off then.
constexpr double kLetterWidth = 9.0;

// A round top for the axis: 10% steps up to the largest figure, at least 10%.
double axis_top(double largest) {
  return std::clamp(std::ceil(largest * 10 + 1e-9) / 10, 0.1, 1.0);
}

}  // namespace

namespace {

// The axis of a bar chart: where it ends, the distance between grid lines, and how a grid line's
// value is written (times `factor`, then `suffix`).
struct BarAxis {
  double top, step, factor;
  std::string suffix;
};

// A label broken between words into lines of at most `room` pixels (a word longer than that
// stands alone).
std::vector<std::string> wrapped(const std::string& label, double room) {
  const auto fits = static_cast<std::size_t>(room / kLetterWidth);
  std::vector<std::string> lines;
  for (const auto& word : domain::split_words(label, ' ')) {
    if (!lines.empty() && domain::utf8_length(lines.back()) + 1 + domain::utf8_length(word) <= fits)
      lines.back() += " " + word;
    else
      lines.push_back(word);
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

std::string bars_svg(const std::vector<Bar>& bars, const std::optional<ReferenceLine>& line,
                     const std::string& title, const std::string& description, const BarAxis& axis,
                     Fit fit) {
  // Wide: the labels left of the bars get the room the longest needs (kLetterWidth a letter),
  // within bounds, so long names such as the five pillars are not cut off. Narrow: each label
  // stands on its own lines above its bar, the axis's first figure still inside the drawing.
  const bool narrow = fit == Fit::narrow;
  std::size_t longest = 0;
  for (const auto& b : bars) longest = std::max(longest, domain::utf8_length(b.label));
  // Right: room for half the axis's last figure ("100%") beside the plot.
  const double width = narrow ? 340 : 640, right = narrow ? 24 : 30, top = 34;
  const double bar_row = narrow ? 28 : 30, line_height = 18;
  const double label_width =
      narrow ? 16 : std::clamp(16 + kLetterWidth * static_cast<double>(longest), 190.0, 380.0);
  const double plot_width = width - label_width - right;
  std::vector<std::vector<std::string>> labels;  // narrow: each bar's label in lines
  std::vector<double> row_top;                   // where each bar's row starts
  double y_end = top;
  for (const auto& b : bars) {
    labels.push_back(narrow ? wrapped(b.label, width - label_width - right)
                            : std::vector<std::string>{b.label});
    row_top.push_back(y_end);
    y_end += bar_row + (narrow ? line_height * static_cast<double>(labels.back().size()) : 0);
  }
  const double height = y_end + 30;
  const double scale = axis.top;
  auto x = [&](double p) { return label_width + plot_width * p / scale; };

  const std::string id = chart_id(title, fit);
  std::string svg = open_svg(width, height, title, description, id, fit);
  svg += "<defs><pattern id=\"" + id +
         "-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
         "class=\"kompas-chart__model-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
         "class=\"kompas-chart__model-line\"/></pattern></defs>";
  for (double p = 0; p <= scale + 1e-9; p += axis.step) {
    svg += "<line class=\"kompas-chart__grid\" x1=\"" + num(x(p)) + "\" x2=\"" + num(x(p)) +
           "\" y1=\"" + num(top - 6) + "\" y2=\"" + num(height - 24) + "\"/>";
    svg += "<text class=\"kompas-chart__tick\" x=\"" + num(x(p)) + "\" y=\"" + num(height - 8) +
           "\" text-anchor=\"middle\">" +
           std::to_string(static_cast<int>(std::lround(p * axis.factor))) +
           html_escape(axis.suffix) + "</text>";
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double label_height = narrow ? line_height * static_cast<double>(labels[i].size()) : 0;
    const double y = row_top[i] + label_height;  // the bar's own band
    if (narrow) {
      for (std::size_t l = 0; l < labels[i].size(); ++l)
        svg += "<text class=\"kompas-chart__label\" x=\"" + num(label_width) + "\" y=\"" +
               num(row_top[i] + 10 + line_height * static_cast<double>(l)) + "\">" +
               html_escape(labels[i][l]) + "</text>";
    } else {
      svg += "<text class=\"kompas-chart__label\" x=\"" + num(label_width - 8) + "\" y=\"" +
             num(y + bar_row / 2 + 4) + "\" text-anchor=\"end\">" + html_escape(b.label) +
             "</text>";
    }
    const double bar_height = bar_row;
    if (!b.value) {
      svg += "<text class=\"kompas-chart__note\" x=\"" + num(label_width + 6) + "\" y=\"" +
             num(y + bar_height / 2 + 4) + "\">" + html_escape(b.note) + "</text>";
      continue;
    }
    const std::string fill = b.model ? " fill=\"url(#" + id + "-hatch)\"" : "";
    svg += "<rect class=\"kompas-chart__bar" +
           std::string(b.model ? " kompas-chart__bar--model" : "") + "\"" + fill + " x=\"" +
           num(label_width) + "\" y=\"" + num(y + 5) + "\" width=\"" +
           num(x(*b.value) - label_width) + "\" height=\"" + num(bar_height - 10) + "\"/>";
    if (b.low && b.high) {
      const double mid = y + bar_height / 2;
      svg += "<path class=\"kompas-chart__whisker\" d=\"M" + num(x(*b.low)) + " " + num(mid) + "H" +
             num(x(*b.high)) + "M" + num(x(*b.low)) + " " + num(mid - 6) + "V" + num(mid + 6) +
             "M" + num(x(*b.high)) + " " + num(mid - 6) + "V" + num(mid + 6) + "\"/>";
    }
  }
  if (line) {
    svg += "<line class=\"kompas-chart__reference\" x1=\"" + num(x(line->value)) + "\" x2=\"" +
           num(x(line->value)) + "\" y1=\"" + num(top - 6) + "\" y2=\"" + num(height - 24) +
           "\"/><text class=\"kompas-chart__reference-label\" x=\"" + num(x(line->value)) +
           "\" y=\"" + num(top - 12) + "\" text-anchor=\"middle\">" + html_escape(line->label) +
           "</text>";
  }
  return svg + "</svg>";
}

}  // namespace

std::string bar_chart_svg(const std::vector<Bar>& bars, const std::optional<ReferenceLine>& line,
                          const std::string& title, const std::string& description,
                          const std::string& percent_suffix) {
  double largest = line ? line->value : 0;
  for (const auto& b : bars) largest = std::max(largest, b.high.value_or(b.value.value_or(0)));
  const double top = axis_top(largest);
  // Grid lines every 10% (20% when the axis runs past 50%).
  const BarAxis axis{top, top > 0.5 ? 0.2 : 0.1, 100, percent_suffix};
  return bars_svg(bars, line, title, description, axis, Fit::wide) +
         bars_svg(bars, line, title, description, axis, Fit::narrow);
}

std::string heat_map_svg(const std::vector<std::string>& rows,
                         const std::vector<std::string>& columns,
                         const std::vector<std::vector<int>>& counts, const std::string& title,
                         const std::string& description) {
  // Room for the longest row name on the left and the longest column name above, slanted at 40
  // degrees, so short names leave no blank band on a phone.
  const auto longest = [](const std::vector<std::string>& names) {
    std::size_t chars = 0;
    for (const auto& name : names) chars = std::max(chars, domain::utf8_length(name));
    return kLetterWidth * static_cast<double>(chars);
  };
  // Row names in lines of about 16 letters, so on a phone the first view shows cells too.
  std::vector<std::vector<std::string>> row_lines;
  std::vector<std::string> all_lines;
  for (const auto& row : rows) {
    row_lines.push_back(wrapped(row, 16 * kLetterWidth));
    all_lines.insert(all_lines.end(), row_lines.back().begin(), row_lines.back().end());
  }
  const double label_width = std::clamp(longest(all_lines) + 16, 90.0, 380.0);
  const double top = std::clamp(longest(columns) * 0.65 + 16, 40.0, 240.0);
  // Right: the last column's name runs past its cell, with the height of its letters turned too.
  const double cell = 64, right = std::clamp(longest(columns) * 0.77 - cell / 2 + 20, 8.0, 220.0);
  const double width = label_width + cell * static_cast<double>(columns.size()) + right;
  const double height = top + cell * static_cast<double>(rows.size()) + 10;
  int largest = 1;
  for (const auto& row : counts)
    for (const int count : row) largest = std::max(largest, count);
  const std::string id = chart_id(title);
  std::string svg = open_svg(width, height, title, description, id, Fit::once);
  // The natural size, not scaled down to the column: the figure around it scrolls instead.
  svg.insert(svg.find(" viewBox"), " width=\"" + num(width) + "\" height=\"" + num(height) + "\"");
  svg.insert(svg.find("kompas-chart\"") + std::string("kompas-chart").size(),
             " kompas-chart--natural");
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const double x = label_width + cell * (static_cast<double>(c) + 0.5);
    svg += "<text class=\"kompas-chart__label\" transform=\"translate(" + num(x) + " " +
           num(top - 8) + ") rotate(-40)\">" + html_escape(columns[c]) + "</text>";
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double y = top + cell * static_cast<double>(r);
    const auto& lines = row_lines[r];
    for (std::size_t l = 0; l < lines.size(); ++l)
      svg += "<text class=\"kompas-chart__label\" x=\"" + num(label_width - 8) + "\" y=\"" +
             num(y + cell / 2 + 4 +
                 16 * (static_cast<double>(l) - static_cast<double>(lines.size() - 1) / 2)) +
             "\" text-anchor=\"end\">" + html_escape(lines[l]) + "</text>";
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const int count = r < counts.size() && c < counts[r].size() ? counts[r][c] : 0;
      const double x = label_width + cell * static_cast<double>(c);
      const auto look = heat_cell(0.12 + 0.88 * count / largest);
      svg += "<rect class=\"" + std::string(count == 0 ? "kompas-heat--empty" : "kompas-heat") +
             "\" x=\"" + num(x + 2) + "\" y=\"" + num(y + 2) + "\" width=\"" + num(cell - 4) +
             "\" height=\"" + num(cell - 4) + "\"" +
             (count == 0 ? "" : " fill=\"" + look.fill + "\"") + "/>";
      svg += "<text class=\"" +
             std::string(look.light_text && count > 0 ? "kompas-heat__count--dark"
                                                      : "kompas-heat__count") +
             "\" x=\"" + num(x + cell / 2) + "\" y=\"" + num(y + cell / 2 + 5) +
             "\" text-anchor=\"middle\">" + std::to_string(count) + "</text>";
    }
  }
  return svg + "</svg>";
}

namespace {

double channel(double value) {  // sRGB 0..255 to linear light
  const double c = value / 255;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(double r, double g, double b) {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

double contrast(double a, double b) {
  return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

}  // namespace

HeatCell heat_cell(double shade) {
  // The map's blue (#154273) over white; dark text is black: between a light and a dark cell no
  // grey reaches 4.5:1 on either side (the mid shades reach 4.6:1 only with black or white).
  const double r = 255 - shade * (255 - 0x15), g = 255 - shade * (255 - 0x42),
               b = 255 - shade * (255 - 0x73);
  const double fill = luminance(r, g, b);
  const double on_white = contrast(fill, 1.0), on_dark = contrast(fill, 0.0);
  HeatCell cell;
  cell.fill = "rgb(" + std::to_string(std::lround(r)) + "," + std::to_string(std::lround(g)) + "," +
              std::to_string(std::lround(b)) + ")";
  cell.light_text = on_white > on_dark;
  cell.contrast = std::max(on_white, on_dark);
  return cell;
}

std::string score_chart_svg(const std::vector<Bar>& bars, const std::string& title,
                            const std::string& description) {
  const BarAxis axis{10, 1, 1, ""};
  return bars_svg(bars, std::nullopt, title, description, axis, Fit::wide) +
         bars_svg(bars, std::nullopt, title, description, axis, Fit::narrow);
}

namespace {

std::string trend_svg(const std::vector<TrendSeries>& series, const std::string& title,
                      const std::string& description, Fit fit) {
  // Room right of the lines for each series' name, as long as the longest needs.
  const bool narrow = fit == Fit::narrow;
  std::size_t longest = 0;
  for (const auto& s : series) longest = std::max(longest, domain::utf8_length(s.label));
  const double left = narrow ? 44 : 50, width = narrow ? 340 : 640, top = 20;
  const double plot_width =
      std::clamp(width - left - 16 - kLetterWidth * static_cast<double>(longest), 140.0, 430.0);
  const double plot_height = 220, height = 300;
  int first = 9999, last = 0;
  double largest = 0;
  for (const auto& s : series)
    for (const auto& p : s.points) {
      first = std::min(first, p.year);
      last = std::max(last, p.year);
      largest = std::max(largest, p.high);
    }
  if (first > last) first = last = 0;
  const double scale = axis_top(largest);
  const double span = std::max(1, last - first);
  auto x = [&](int year) { return left + plot_width * (year - first) / span; };
  auto y = [&](double p) { return top + plot_height * (1 - p / scale); };
  const std::string id = chart_id(title, fit);
  std::string svg = open_svg(width, height, title, description, id, fit);
  const double step = scale > 0.5 ? 0.2 : 0.1;
  for (double p = 0; p <= scale + 1e-9; p += step) {
    svg += "<line class=\"kompas-chart__grid\" x1=\"" + num(left) + "\" x2=\"" +
           num(left + plot_width) + "\" y1=\"" + num(y(p)) + "\" y2=\"" + num(y(p)) + "\"/>";
    svg += "<text class=\"kompas-chart__tick\" x=\"" + num(left - 6) + "\" y=\"" + num(y(p) + 4) +
           "\" text-anchor=\"end\">" + std::to_string(static_cast<int>(std::lround(p * 100))) +
           "%</text>";
  }
  // Every year when there is room, else every other one.
  const int every = narrow && last - first > 4 ? 2 : 1;
  for (int year = first; year <= last && last > 0; year += every) {
    svg += "<text class=\"kompas-chart__tick\" x=\"" + num(x(year)) + "\" y=\"" +
           num(top + plot_height + 18) + "\" text-anchor=\"middle\">" + std::to_string(year) +
           "</text>";
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    const auto& points = series[s].points;
    const std::string cls = "kompas-chart__series kompas-chart__series--" + std::to_string(s % 6);
    std::string d;
    for (const auto& p : points)
      d += (d.empty() ? "M" : "L") + num(x(p.year)) + " " + num(y(p.value));
    svg += "<path class=\"" + cls + "\" d=\"" + d + "\"/>";
    for (const auto& p : points) {
      svg += "<path class=\"kompas-chart__whisker\" d=\"M" + num(x(p.year)) + " " + num(y(p.low)) +
             "V" + num(y(p.high)) + "\"/><circle class=\"" + cls + "\" cx=\"" + num(x(p.year)) +
             "\" cy=\"" + num(y(p.value)) + "\" r=\"4\"/>";
    }
    if (!points.empty())
      svg += "<text class=\"kompas-chart__label\" x=\"" + num(x(points.back().year) + 8) +
             "\" y=\"" + num(y(points.back().value) + 4) + "\">" + html_escape(series[s].label) +
             "</text>";
  }
  return svg + "</svg>";
}

}  // namespace

std::string trend_chart_svg(const std::vector<TrendSeries>& series, const std::string& title,
                            const std::string& description) {
  return trend_svg(series, title, description, Fit::wide) +
         trend_svg(series, title, description, Fit::narrow);
}

std::string choropleth_svg(const std::vector<MapShape>& shapes, double width, double height,
                           const std::vector<std::string>& legend, const std::string& no_figure,
                           const std::string& title, const std::string& description) {
  // Each area carries a number on the map, named with its figure in the key below the colours.
  const double legend_height = 24.0 * static_cast<double>(legend.size() + 1) + 10 +
                               20.0 * static_cast<double>(shapes.size());
  const std::string id = chart_id(title);
  std::string svg = open_svg(width, height + legend_height, title, description, id, Fit::once);
  for (const auto& shape : shapes) {
    const std::string cls = shape.legend_class < 0
                                ? "kompas-map__none"
                                : "kompas-map__class-" + std::to_string(shape.legend_class);
    svg += "<path class=\"kompas-map__area " + cls + "\" d=\"" + shape.path + "\"><title>" +
           html_escape(shape.label) + "</title></path>";
  }
  for (std::size_t i = 0; i < shapes.size(); ++i)
    svg += "<text class=\"kompas-map__number\" x=\"" + num(shapes[i].label_x) + "\" y=\"" +
           num(shapes[i].label_y + 5) + "\" text-anchor=\"middle\">" + std::to_string(i + 1) +
           "</text>";
  const double names_top = height + 24.0 * static_cast<double>(legend.size() + 1) + 24;
  for (std::size_t i = 0; i < shapes.size(); ++i)
    svg += "<text class=\"kompas-chart__label\" x=\"4\" y=\"" +
           num(names_top + 20.0 * static_cast<double>(i)) + "\">" + std::to_string(i + 1) + ". " +
           html_escape(shapes[i].label) + "</text>";
  auto key = [&](std::size_t i, const std::string& cls, const std::string& text) {
    const double y = height + 10 + 24.0 * static_cast<double>(i);
    svg += "<rect class=\"kompas-map__area " + cls + "\" x=\"4\" y=\"" + num(y) +
           "\" width=\"18\" height=\"18\"/><text class=\"kompas-chart__label\" x=\"30\" y=\"" +
           num(y + 14) + "\">" + html_escape(text) + "</text>";
  };
  for (std::size_t i = 0; i < legend.size(); ++i)
    key(i, "kompas-map__class-" + std::to_string(i), legend[i]);
  key(legend.size(), "kompas-map__none", no_figure);
  return svg + "</svg>";
}

}  // namespace kompas::web

namespace kompas::web {
namespace {

// A round top for any axis: 1, 2, 2.5 or 5 times a power of ten, at or above the largest value.
double nice_top(double largest) {
  if (largest <= 0) return 1;
  const double power = std::pow(10, std::floor(std::log10(largest)));
  for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (step * power >= largest - 1e-9) return step * power;
  return 10 * power;
}

// As the page writes numbers: "1.000", "2,5" (thousands grouped, as in the table beside it).
std::string tick_text(double value, char separator) {
  return domain::format_grouped(value, separator, 3);
}

std::string curve_svg(const TurnCurve& c, const std::string& title, const std::string& description,
                      Fit fit) {
  // Narrow: the legend's three lines stand below each other.
  const bool narrow = fit == Fit::narrow;
  const double left = narrow ? 56 : 64, plot_width = narrow ? 256 : 520, top = 16;
  const double plot_height = 220, width = narrow ? 340 : 620;
  const double legend_top = top + plot_height + 34, height = legend_top + (narrow ? 72 : 28);
  int first = 9999, last = 0;
  double largest = 0;
  for (const auto* list : {&c.history, &c.path, &c.forecast})
    for (const auto& p : *list) {
      first = std::min(first, p.year);
      last = std::max(last, p.year);
      largest = std::max(largest, p.high.value_or(p.value));
    }
  if (first > last) first = last = 0;
  double scale = nice_top(largest * 1.05);
  if (c.ceiling && largest <= *c.ceiling) scale = std::min(scale, *c.ceiling);
  const double span = std::max(1, last - first);
  auto x = [&](int year) { return left + plot_width * (year - first) / span; };
  auto y = [&](double v) { return top + plot_height * (1 - v / scale); };
  const std::string id = chart_id(title, fit);
  std::string svg = open_svg(width, height, title, description, id, fit);
  for (int i = 0; i <= 5; ++i) {
    const double v = scale * i / 5;
    svg += "<line class=\"kompas-chart__grid\" x1=\"" + num(left) + "\" x2=\"" +
           num(left + plot_width) + "\" y1=\"" + num(y(v)) + "\" y2=\"" + num(y(v)) + "\"/>";
    svg += "<text class=\"kompas-chart__tick\" x=\"" + num(left - 6) + "\" y=\"" + num(y(v) + 4) +
           "\" text-anchor=\"end\">" + tick_text(v, c.decimal_separator) +
           html_escape(c.unit_suffix) + "</text>";
  }
  // Every year when few, else every other one.
  const int every = span > (narrow ? 6 : 12) ? 2 : 1;
  for (int year = first; year <= last && last > 0; year += every)
    svg += "<text class=\"kompas-chart__tick\" x=\"" + num(x(year)) + "\" y=\"" +
           num(top + plot_height + 18) + "\" text-anchor=\"middle\">" + std::to_string(year) +
           "</text>";
  auto line = [&](const std::vector<CurvePoint>& points, const std::string& cls) {
    std::string d;
    for (const auto& p : points)
      d += (d.empty() ? "M" : "L") + num(x(p.year)) + " " + num(y(p.value));
    if (!d.empty()) svg += "<path class=\"" + cls + "\" d=\"" + d + "\"/>";
  };
  line(c.path, "kompas-curve__path");
  for (const auto& p : c.path)
    svg += "<rect class=\"kompas-curve__target\" x=\"" + num(x(p.year) - 4) + "\" y=\"" +
           num(y(p.value) - 4) + "\" width=\"8\" height=\"8\"/>";
  line(c.forecast, "kompas-curve__forecast");
  line(c.history, "kompas-curve__history");
  for (const auto& p : c.history) {
    if (p.low && p.high)
      svg += "<path class=\"kompas-chart__whisker\" d=\"M" + num(x(p.year)) + " " + num(y(*p.low)) +
             "V" + num(y(*p.high)) + "\"/>";
    svg += "<circle class=\"kompas-curve__point\" cx=\"" + num(x(p.year)) + "\" cy=\"" +
           num(y(p.value)) + "\" r=\"4\"/>";
  }
  // Legend: a short sample of each line drawn, with its label (a forecast of one point is none).
  double lx = narrow ? 8 : left, ly = legend_top;
  for (const auto& [cls, label, drawn] :
       {std::tuple{"kompas-curve__history", c.history_label, !c.history.empty()},
        std::tuple{"kompas-curve__path", c.path_label, !c.path.empty()},
        std::tuple{"kompas-curve__forecast", c.forecast_label, c.forecast.size() > 1}}) {
    if (!drawn) continue;
    svg += "<path class=\"" + std::string(cls) + "\" d=\"M" + num(lx) + " " + num(ly) +
           "h28\"/><text class=\"kompas-chart__label\" x=\"" + num(lx + 34) + "\" y=\"" +
           num(ly + 4) + "\">" + html_escape(label) + "</text>";
    if (narrow)
      ly += 22;
    else
      lx += 56 + 8.0 * static_cast<double>(label.size());
  }
  return svg + "</svg>";
}

}  // namespace

std::string turn_curve_svg(const TurnCurve& curve, const std::string& title,
                           const std::string& description) {
  return curve_svg(curve, title, description, Fit::wide) +
         curve_svg(curve, title, description, Fit::narrow);
}

}  // namespace kompas::web
