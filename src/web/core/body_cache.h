#pragma once
// Rendered page bodies (the part inside the layout) of read-only pages, kept until the
// coalition's data version moves. The version is read from the database with the session, so
// several app servers on one PostgreSQL stay right. The layout, which carries the person's name
// and CSRF token, is always rendered fresh.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "web/core/gzip_pieces.h"

namespace kompas::web {

// A body cut where the session's CSRF token stood (pages with forms are cached too; each hit
// puts the asking session's own token back), each part also compressed once for gzip answers.
struct CachedBody {
  long long version = 0;
  std::string title;
  std::vector<std::string> parts;
  std::vector<DeflatedPiece> deflated;

  static std::shared_ptr<const CachedBody> make(long long version, std::string title,
                                                std::string_view body, std::string_view csrf_token);
  std::size_t bytes() const;
};

class BodyCache {
 public:
  std::shared_ptr<const CachedBody> find(const std::string& key, long long version) const;
  void store(const std::string& key, std::shared_ptr<const CachedBody> body);

 private:
  // Full means start over: simple, and the cache refills from the next requests.
  static constexpr std::size_t kMaxBytes = 64u << 20;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const CachedBody>> entries_;
  std::size_t bytes_ = 0;
};

}  // namespace kompas::web
