#pragma once
// Uploads waiting for the beheerder's "yes, store it" after the preview. The file is read once;
// what it gave is kept here under a random token, for one person of one coalition, for an hour.
// Nothing is in the database until the confirmation, so a preview never leaves half a survey.
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "domain/survey_import.h"
#include "store/surveys_store.h"

namespace kompas::web {

struct PendingSurvey {
  long long coalition_id = 0;
  long long person_id = 0;
  store::Survey survey;
  std::shared_ptr<const domain::PreparedSurvey> prepared;
  std::chrono::steady_clock::time_point created;
};

class PendingUploads {
 public:
  // Keeps the upload and returns its token. Drops expired ones, and beyond the limits the
  // oldest of the same person, else of the same coalition, so one coalition's uploads never
  // push out another's. When the server holds max_entries from others, nothing is kept: nullopt.
  std::optional<std::string> add(PendingSurvey pending);
  // Takes the upload out (a token works once); nullopt when unknown, expired or someone else's.
  std::optional<PendingSurvey> take(const std::string& token, long long coalition_id,
                                    long long person_id);

 private:
  static constexpr auto lifetime = std::chrono::hours(1);
  static constexpr std::size_t max_per_person = 2;
  static constexpr std::size_t max_per_coalition = 6;
  static constexpr std::size_t max_entries = 48;  // each may hold a parsed file of 20 MiB
  void expire();
  // Drops the oldest entry for which `same` holds while more than `limit - 1` of them remain.
  template <typename Same>
  void make_room(std::size_t limit, Same same);
  std::mutex mutex_;
  std::map<std::string, PendingSurvey> entries_;
};

}  // namespace kompas::web
