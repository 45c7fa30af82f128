#pragma once
// Values computed from a coalition's data, kept until its data version moves: the BodyCache for
// figures that pages share (the coalition's medians of the quality check) rather than pages.
#include <any>
#include <map>
#include <mutex>
#include <string>

namespace kompas::web {

class ComputedCache {
 public:
  // The value kept under `key` for this data version, or `compute()` kept for next time. Two
  // requests may compute the same value at once; both results are equal.
  template <typename T, typename Compute>
  T get(const std::string& key, long long data_version, Compute compute) {
    {
      std::lock_guard lock(mutex_);
      const auto found = entries_.find(key);
      if (found != entries_.end() && found->second.data_version == data_version)
        if (const auto* value = std::any_cast<T>(&found->second.value)) return *value;
    }
    T value = compute();
    std::any replaced;  // freed after the lock: dropping a big value takes time
    {
      std::lock_guard lock(mutex_);
      auto& entry = entries_[key];
      // A slow request for an older version does not replace a newer value.
      if (entry.data_version <= data_version) {
        replaced = std::move(entry.value);
        entry = {data_version, value};
      }
    }
    return value;
  }

 private:
  struct Entry {
    long long data_version = 0;
    std::any value;
  };
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace kompas::web
