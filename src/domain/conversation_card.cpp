#include "domain/conversation_card.h"

#include <algorithm>

namespace kompas::domain {

std::vector<const MapService*> card_services(const SocialMap& map,
                                             const std::vector<std::string>& chosen,
                                             const std::string& area_code) {
  std::vector<const MapService*> out;
  if (area_code.empty() && !chosen.empty()) {
    for (const auto& id : chosen) {
      const auto* s = map.service(id);
      if (s && is_active(*s) && out.size() < kCardServices) out.push_back(s);
    }
    return out;
  }
  MapQuery query;
  query.area_code = area_code;
  query.active_only = true;
  out = map.search(query);  // by name
  const auto rank = [&](const MapService* s) {
    const bool for_everyone = s->area_codes.empty() && s->postcodes.empty();
    // For a wijk its own services come first; for the gemeente those meant for all of it.
    const bool for_place = area_code.empty() ? for_everyone : !for_everyone;
    return std::pair{for_place ? 0 : 1, s->referral.phone.empty() ? 1 : 0};
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const auto* a, const auto* b) { return rank(a) < rank(b); });
  if (out.size() > kCardServices) out.resize(kCardServices);
  return out;
}

}  // namespace kompas::domain
