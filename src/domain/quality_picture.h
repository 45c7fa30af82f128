#pragma once
// The coalition's quality picture beyond the heat maps (issue 12, point 5): how many running
// activities work with a described or recognised method, and where the offer does not match
// the survey — a wijk with notably high emotional loneliness whose activities address only
// social loneliness (or the reverse), or a wijk without any activity for severe loneliness.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/activities.h"
#include "domain/words.h"

namespace kompas::domain {

// Running activities with a method of each level, and how many of them in all.
struct MethodShare {
  int running = 0;
  std::array<int, 4> by_level{};  // by MethodLevel
  int recognised() const;         // described, well-founded or effective: all but "eigen"
};
MethodShare method_share(const std::vector<Activity>& activities);

// A shown survey figure: a share with its 95% interval. Figures hidden as small cells are not
// passed in, so no mismatch can be read from a cell the pages hide.
struct ShareEstimate {
  double estimate = 0, ci_low = 0, ci_high = 0;
};

// A wijk's shown figures for the two kinds of loneliness.
struct WijkLoneliness {
  std::string code;
  std::optional<ShareEstimate> emotional, social;
};

// Notably high: the wijk's whole interval lies above the gemeente's figure, so the difference is
// not chance. A wijk just above the average with a wide interval is not flagged.
bool notably_high(const ShareEstimate& wijk, double gemeente);

enum class MismatchKind {
  emotioneel_zonder_aanbod,  // emotional loneliness notably high, no activity addresses it
  sociaal_zonder_aanbod,     // social loneliness notably high, no activity addresses it
  ernstig_zonder_aanbod,     // no running activity for severe loneliness reaches the wijk
};
template <>
struct Words<MismatchKind> {
  static constexpr std::array<std::string_view, 3> list{
      "emotioneel_zonder_aanbod", "sociaal_zonder_aanbod", "ernstig_zonder_aanbod"};
};

struct Mismatch {
  std::string wijk;  // code
  MismatchKind kind;
  std::vector<long long> activity_ids;  // the running activities that do reach the wijk
  bool operator==(const Mismatch&) const = default;
};

// Whether any running activity serves severe loneliness (for a gemeente without wijken).
bool offers_severe(const std::vector<Activity>& activities);

// Every mismatch, per wijk in the order of `wijk_codes`, kinds in enum order. An activity
// reaches a wijk when it names it or names no area (the whole gemeente); "beide" addresses both
// kinds. `gemeente_emotional` and `gemeente_social` are the gemeente's figures (absent when
// not shown); `wijk_figures` may leave wijken out.
std::vector<Mismatch> find_mismatches(const std::vector<Activity>& activities,
                                      const std::vector<std::string>& wijk_codes,
                                      const std::vector<WijkLoneliness>& wijk_figures,
                                      std::optional<double> gemeente_emotional,
                                      std::optional<double> gemeente_social);

}  // namespace kompas::domain
