#pragma once
// Rendered page bodies (the part inside the layout) of read-only pages, kept until the
// coalition's data version moves. The version is read from the database with the session, so
// several app servers on one PostgreSQL stay right. The layout, which carries the person's name
// and CSRF token, is always rendered fresh.
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace kompas::web {

class BodyCache {
 public:
  struct Entry {
    long long version = 0;
    std::string title;
    std::string body;
  };

  std::optional<Entry> find(const std::string& key, long long version) const;
  void store(const std::string& key, Entry entry);

 private:
  // Full means start over: simple, and the cache refills from the next requests.
  static constexpr std::size_t kMaxBytes = 64u << 20;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t bytes_ = 0;
};

}  // namespace kompas::web
