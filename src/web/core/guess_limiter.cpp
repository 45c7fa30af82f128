#include "web/core/guess_limiter.h"

namespace kompas::web {

long long GuessLimiter::wait_seconds(const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const auto found = misses_.find(address);
  if (found == misses_.end()) return 0;
  auto& times = found->second;
  while (!times.empty() && times.front() <= now - window_) times.pop_front();
  if (times.size() < max_misses_) return 0;
  const auto left = times.front() + window_ - now;
  return std::chrono::ceil<std::chrono::seconds>(left).count();
}

void GuessLimiter::missed(const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (misses_.size() >= max_addresses && !misses_.count(address)) forget_old(now);
  auto& times = misses_[address];
  times.push_back(now);
  if (times.size() > max_misses_) times.pop_front();
}

void GuessLimiter::forget_old(Clock::time_point now) {
  for (auto it = misses_.begin(); it != misses_.end();)
    it = !it->second.empty() && it->second.back() > now - window_ ? std::next(it)
                                                                  : misses_.erase(it);
  if (misses_.size() >= max_addresses) misses_.clear();
}

}  // namespace kompas::web
