#include "web/core/body_cache.h"

namespace kompas::web {

std::shared_ptr<const CachedBody> CachedBody::make(long long version, std::string title,
                                                   std::string_view body,
                                                   std::string_view csrf_token) {
  auto cached = std::make_shared<CachedBody>();
  cached->version = version;
  cached->title = std::move(title);
  std::size_t from = 0;
  for (auto at = csrf_token.empty() ? std::string_view::npos : body.find(csrf_token);
       at != std::string_view::npos; at = body.find(csrf_token, from)) {
    cached->parts.emplace_back(body.substr(from, at - from));
    from = at + csrf_token.size();
  }
  cached->parts.emplace_back(body.substr(from));
  for (const auto& part : cached->parts)
    cached->deflated.push_back(deflate_piece(part, Effort::thorough));
  return cached;
}

std::size_t CachedBody::bytes() const {
  auto total = title.size();
  for (const auto& part : parts) total += part.size();
  for (const auto& piece : deflated) total += piece.deflated.size();
  return total;
}

std::shared_ptr<const CachedBody> BodyCache::find(const std::string& key, long long version) const {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second->version != version) return nullptr;
  return it->second;
}

void BodyCache::store(const std::string& key, std::shared_ptr<const CachedBody> body) {
  const auto size = key.size() + body->bytes();
  std::lock_guard lock(mutex_);
  if (const auto old = entries_.find(key); old != entries_.end())
    bytes_ -= key.size() + old->second->bytes();
  if (bytes_ + size > kMaxBytes) {
    entries_.clear();
    bytes_ = 0;
  }
  entries_[key] = std::move(body);
  bytes_ += size;
}

}  // namespace kompas::web
