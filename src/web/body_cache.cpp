#include "web/body_cache.h"

namespace kompas::web {

std::optional<BodyCache::Entry> BodyCache::find(const std::string& key, long long version) const {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.version != version) return std::nullopt;
  return it->second;
}

void BodyCache::store(const std::string& key, Entry entry) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[key] = std::move(entry);
}

}  // namespace kompas::web
