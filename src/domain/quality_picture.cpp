#include "domain/quality_picture.h"

#include <algorithm>

namespace kompas::domain {
namespace {

bool reaches(const Activity& a, const std::string& wijk) {
  return a.areas.empty() || std::find(a.areas.begin(), a.areas.end(), wijk) != a.areas.end();
}

bool addresses(const Activity& a, std::string_view type) {
  return a.loneliness_type == type || a.loneliness_type == "beide";
}

bool serves_severe(const Activity& a) {
  return std::find(a.degrees.begin(), a.degrees.end(), "ernstig") != a.degrees.end();
}

const WijkLoneliness* figures_of(const std::vector<WijkLoneliness>& figures,
                                 const std::string& wijk) {
  const auto found = std::find_if(figures.begin(), figures.end(),
                                  [&](const WijkLoneliness& f) { return f.code == wijk; });
  return found == figures.end() ? nullptr : &*found;
}

bool high(const std::optional<ShareEstimate>& wijk, std::optional<double> gemeente) {
  return wijk && gemeente && notably_high(*wijk, *gemeente);
}

}  // namespace

int MethodShare::recognised() const {
  return running - by_level[0];
}

MethodShare method_share(const std::vector<Activity>& activities) {
  MethodShare share;
  for (const auto& a : activities) {
    if (!is_running(a)) continue;
    ++share.running;
    ++share.by_level[static_cast<std::size_t>(a.method)];
  }
  return share;
}

bool offers_severe(const std::vector<Activity>& activities) {
  return std::any_of(activities.begin(), activities.end(),
                     [](const Activity& a) { return is_running(a) && serves_severe(a); });
}

bool notably_high(const ShareEstimate& wijk, double gemeente) {
  return wijk.ci_low > gemeente;
}

std::vector<Mismatch> find_mismatches(const std::vector<Activity>& activities,
                                      const std::vector<std::string>& wijk_codes,
                                      const std::vector<WijkLoneliness>& wijk_figures,
                                      std::optional<double> gemeente_emotional,
                                      std::optional<double> gemeente_social) {
  std::vector<Mismatch> mismatches;
  for (const auto& wijk : wijk_codes) {
    std::vector<const Activity*> here;
    for (const auto& a : activities)
      if (is_running(a) && reaches(a, wijk)) here.push_back(&a);
    std::vector<long long> ids;
    for (const auto* a : here) ids.push_back(a->id);
    const auto none = [&](auto&& test) {
      return std::none_of(here.begin(), here.end(), [&](const Activity* a) { return test(*a); });
    };
    const auto* figures = figures_of(wijk_figures, wijk);
    if (figures && high(figures->emotional, gemeente_emotional) &&
        none([](const Activity& a) { return addresses(a, "emotioneel"); }))
      mismatches.push_back({wijk, MismatchKind::emotioneel_zonder_aanbod, ids});
    if (figures && high(figures->social, gemeente_social) &&
        none([](const Activity& a) { return addresses(a, "sociaal"); }))
      mismatches.push_back({wijk, MismatchKind::sociaal_zonder_aanbod, ids});
    if (none(serves_severe)) mismatches.push_back({wijk, MismatchKind::ernstig_zonder_aanbod, ids});
  }
  return mismatches;
}

}  // namespace kompas::domain
