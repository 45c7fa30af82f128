#pragma once
// The coalition's quality picture, gathered once for the page, the API and the meeting agenda:
// effective elements per wijk and degree, activities without a recent check, the methods in
// use, and the mismatches between the newest survey and the offer (domain/quality_picture.h).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/activities.h"
#include "domain/quality_picture.h"
#include "domain/quality_rounds.h"
#include "store/database.h"

namespace kompas::web {

struct QualityPicture {
  std::vector<domain::Activity> activities;
  std::vector<std::string> wijk_codes, wijk_names;  // in the coalition's order
  std::vector<std::vector<int>> by_area, by_degree;
  std::vector<long long> unchecked;  // running activities without a check in the past year
  domain::MethodShare methods;
  // From the newest survey's shown figures; empty when it has no emotional or social figures.
  std::string survey;  // its name, empty without a survey
  std::vector<domain::WijkLoneliness> figures;
  std::optional<double> gemeente_emotional, gemeente_social;
  std::vector<domain::Mismatch> mismatches;
  bool severe_offered = false;

  std::string wijk_name(const std::string& code) const;
  const domain::Activity* activity(long long id) const;
};

QualityPicture load_quality_picture(soci::session& sql, long long coalition_id,
                                    const std::string& today);

// A check counts as recent for a year after it started.
bool recent_check(const domain::CheckRound& round, const std::string& today);

// Activities whose newest check round started in the past year.
std::set<long long> recently_checked(soci::session& sql, long long coalition_id,
                                     const std::string& today);

// Per activity, the median of its question medians in its latest round with answers; only when
// enough people handed in for an aggregate to be shown to everyone (kMinRespondents).
std::map<long long, double> latest_check_medians(soci::session& sql, long long coalition_id);

}  // namespace kompas::web
