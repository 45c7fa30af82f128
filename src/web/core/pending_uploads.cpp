#include "web/core/pending_uploads.h"

#include "store/secrets.h"

namespace kompas::web {

void PendingUploads::expire() {
  const auto now = std::chrono::steady_clock::now();
  std::erase_if(entries_, [&](const auto& entry) { return now - entry.second.created > lifetime; });
}

template <typename Same>
void PendingUploads::make_room(std::size_t limit, Same same) {
  for (;;) {
    std::size_t count = 0;
    auto oldest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (!same(it->second)) continue;
      ++count;
      if (oldest == entries_.end() || it->second.created < oldest->second.created) oldest = it;
    }
    if (count < limit) return;
    entries_.erase(oldest);
  }
}

std::optional<std::string> PendingUploads::add(PendingSurvey pending) {
  pending.created = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  expire();
  make_room(max_per_person, [&](const PendingSurvey& p) {
    return p.coalition_id == pending.coalition_id && p.person_id == pending.person_id;
  });
  make_room(max_per_coalition,
            [&](const PendingSurvey& p) { return p.coalition_id == pending.coalition_id; });
  if (entries_.size() >= max_entries) return std::nullopt;
  const std::string token = store::random_token();
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
