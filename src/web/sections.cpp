#include "web/sections.h"

namespace kompas::web {

// The navigation follows the cycle of the Kwaliteitskompas, then the supporting parts. A
// section is listed here by hand: in a static library a section that registered itself from
// its own file would be dropped by the linker, since nothing else refers to it.
const std::vector<Section>& sections() {
  static const std::vector<Section> all = {
      mijn_organisatie_section(), overzicht_section(),
      verkennen_section(),        doelen_section(),
      wie_doet_wat_section(),     kwaliteit_section(),
      resultaten_section(),       verbetercyclus_section(),
      deskundigheid_section(),    signaalpunt_section(),
      beheer_section(),           account_section(),
      openbaar_section(),         api_section(),
  };
  return all;
}

std::vector<std::string> audited_kinds() {
  std::vector<std::string> kinds;
  for (const auto& section : sections())
    for (const auto& audited : section.audited) kinds.push_back(audited.kind);
  return kinds;
}

const AuditedKind* audited_kind(const std::string& kind) {
  for (const auto& section : sections())
    for (const auto& audited : section.audited)
      if (audited.kind == kind) return &audited;
  return nullptr;
}

const Section* section_of(const std::string& path) {
  const auto slash = path.find('/', 1);
  const auto first = slash == std::string::npos ? path : path.substr(0, slash);
  for (const auto& section : sections()) {
    if (section.path.empty()) continue;
    if (first == section.path) return &section;
    for (const auto& other : section.also)
      if (first == other) return &section;
  }
  return nullptr;
}

}  // namespace kompas::web
