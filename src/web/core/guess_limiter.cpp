#include "web/core/guess_limiter.h"

#include <arpa/inet.h>

#include <array>

namespace kompas::web {
namespace {

// An IPv6 address as its first 64 bits; anything else as it is.
std::string key_of(const std::string& address) {
  std::array<unsigned char, 16> bytes{};
  if (address.find(':') == std::string::npos ||
      inet_pton(AF_INET6, address.c_str(), bytes.data()) != 1)
    return address;
  return std::string(bytes.begin(), bytes.begin() + 8);
}

}  // namespace

long long GuessLimiter::begin_guess(const std::string& address, Clock::time_point now) {
  const auto key = key_of(address);
  std::lock_guard lock(mutex_);
  auto found = misses_.find(key);
  if (found == misses_.end()) {
    if (misses_.size() >= max_addresses)
      std::erase_if(misses_, [&](const auto& entry) {
        return entry.second.empty() || entry.second.back() <= now - window_;
      });
    if (misses_.size() >= max_addresses)
      return std::chrono::ceil<std::chrono::seconds>(window_).count();
    found = misses_.emplace(key, std::deque<Clock::time_point>{}).first;
  }
  auto& times = found->second;
  while (!times.empty() && times.front() <= now - window_) times.pop_front();
  if (times.size() >= max_misses_)
    return std::chrono::ceil<std::chrono::seconds>(times.front() + window_ - now).count();
  times.push_back(now);
  return 0;
}

void GuessLimiter::right_guess(const std::string& address) {
  std::lock_guard lock(mutex_);
  const auto found = misses_.find(key_of(address));
  if (found == misses_.end()) return;
  if (!found->second.empty()) found->second.pop_back();
  if (found->second.empty()) misses_.erase(found);
}

}  // namespace kompas::web
