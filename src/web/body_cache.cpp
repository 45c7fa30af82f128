#include "web/body_cache.h"

namespace kompas::web {

std::optional<BodyCache::Entry> BodyCache::find(const std::string& key, long long version) const {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.version != version) return std::nullopt;
  return it->second;
}

void BodyCache::store(const std::string& key, Entry entry) {
  const auto size = key.size() + entry.title.size() + entry.body.size();
  std::lock_guard lock(mutex_);
  if (const auto old = entries_.find(key); old != entries_.end())
    bytes_ -= key.size() + old->second.title.size() + old->second.body.size();
  if (bytes_ + size > kMaxBytes) {
    entries_.clear();
    bytes_ = 0;
  }
  entries_[key] = std::move(entry);
  bytes_ += size;
}

}  // namespace kompas::web
