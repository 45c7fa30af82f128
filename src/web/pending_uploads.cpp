#include "web/pending_uploads.h"

#include "store/secrets.h"

namespace kompas::web {

void PendingUploads::expire() {
  const auto now = std::chrono::steady_clock::now();
  std::erase_if(entries_, [&](const auto& entry) { return now - entry.second.created > lifetime; });
  while (entries_.size() >= max_entries) {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->second.created < oldest->second.created) oldest = it;
    entries_.erase(oldest);
  }
}

std::string PendingUploads::add(PendingSurvey pending) {
  pending.created = std::chrono::steady_clock::now();
  const std::string token = store::random_token();
  std::lock_guard lock(mutex_);
  expire();
  entries_.emplace(token, std::move(pending));
  return token;
}

std::optional<PendingSurvey> PendingUploads::take(const std::string& token, long long coalition_id,
                                                  long long person_id) {
  std::lock_guard lock(mutex_);
  expire();
  const auto it = entries_.find(token);
  if (it == entries_.end() || it->second.coalition_id != coalition_id ||
      it->second.person_id != person_id)
    return std::nullopt;
  PendingSurvey pending = std::move(it->second);
  entries_.erase(it);
  return pending;
}

}  // namespace kompas::web
