#pragma once
// Values computed from a coalition's data, kept until its data version moves: the BodyCache for
// figures that pages share (the coalition's medians of the quality check, the sociale kaart's
// search index) rather than pages.
#include <any>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace kompas::web {

class ComputedCache {
 public:
  // The value kept under `key` for this data version, or `compute()` kept for next time. One
  // request computes it; others asking for the same version meanwhile wait for that result
  // (a big city's kaart index takes a second: 32 requests right after an edit must not build
  // it 32 times). An exception reaches every waiting request, and nothing is kept.
  // Whether a value for this data version is kept (tests see work done ahead).
  bool holds(const std::string& key, long long data_version) {
    std::lock_guard lock(mutex_);
    const auto found = entries_.find(key);
    return found != entries_.end() && found->second.data_version == data_version;
  }

  template <typename T, typename Compute>
  T get(const std::string& key, long long data_version, Compute compute) {
    std::promise<std::any> promise;
    std::shared_future<std::any> pending;
    {
      std::lock_guard lock(mutex_);
      const auto found = entries_.find(key);
      if (found != entries_.end() && found->second.data_version == data_version)
        if (const auto* value = std::any_cast<T>(&found->second.value)) return *value;
      const auto flight = flights_.find(key);
      if (flight != flights_.end() && flight->second.data_version == data_version)
        pending = flight->second.result;
      else if (flight == flights_.end() || flight->second.data_version < data_version)
        flights_[key] = {data_version, promise.get_future().share()};
      // else: a newer version is on its way; this older one is computed alone, unshared.
    }
    if (pending.valid()) return std::any_cast<T>(pending.get());
    std::optional<T> value;
    try {
      value.emplace(compute());
    } catch (...) {
      promise.set_exception(std::current_exception());
      land(key, data_version);
      throw;
    }
    promise.set_value(*value);
    keep(key, data_version, *value);
    return std::move(*value);
  }

 private:
  struct Entry {
    long long data_version = 0;
    std::any value;
  };
  struct Flight {
    long long data_version = 0;
    std::shared_future<std::any> result;
  };
  void keep(const std::string& key, long long data_version, std::any value) {
    std::any replaced;  // freed after the lock: dropping a big value takes time
    std::lock_guard lock(mutex_);
    auto& entry = entries_[key];
    // A slow request for an older version does not replace a newer value.
    if (entry.data_version <= data_version) {
      replaced = std::move(entry.value);
      entry = {data_version, std::move(value)};
    }
    land_locked(key, data_version);
  }
  void land(const std::string& key, long long data_version) {
    std::lock_guard lock(mutex_);
    land_locked(key, data_version);
  }
  // The flight is over, unless a newer version's took its place meanwhile.
  void land_locked(const std::string& key, long long data_version) {
    const auto flight = flights_.find(key);
    if (flight != flights_.end() && flight->second.data_version == data_version)
      flights_.erase(flight);
  }
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
  std::map<std::string, Flight> flights_;
};

}  // namespace kompas::web
