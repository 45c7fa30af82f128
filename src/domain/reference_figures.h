#pragma once
// National figures to compare with (../shared/reference/measurement.md): the Gezondheidsmonitor
// Volwassenen en Ouderen 2022, DJG-11, adults 18+.
#include <optional>
#include <string_view>

namespace kompas::domain {

struct ReferenceFigure {
  double value;  // proportion
  int year;
  std::string_view source;
};

inline std::optional<ReferenceFigure> national_reference(std::string_view scale,
                                                         std::string_view indicator) {
  constexpr std::string_view source = "Gezondheidsmonitor 2022, vzinfo.nl";
  if (scale != "djg11") return std::nullopt;
  if (indicator == "eenzaam") return ReferenceFigure{0.486, 2022, source};
  if (indicator == "ernstig_eenzaam") return ReferenceFigure{0.142, 2022, source};
  return std::nullopt;
}

}  // namespace kompas::domain
