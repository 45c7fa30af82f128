#include "web/core/warmer.h"

#include <spdlog/spdlog.h>

#include <exception>

#include "store/database.h"

namespace kompas::web {

void Warmer::start(Work work) {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  work_ = std::move(work);
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void Warmer::request(long long coalition_id) {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable() || stopping_) return;
    waiting_.insert(coalition_id);
  }
  wake_.notify_one();
}

void Warmer::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    waiting_.clear();
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void Warmer::run() {
  for (;;) {
    long long coalition_id = 0;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
      if (stopping_) return;
      coalition_id = *waiting_.begin();
      waiting_.erase(waiting_.begin());
    }
    try {
      work_(coalition_id);
    } catch (const std::exception& e) {
      spdlog::warn("computing ahead for coalition {} failed: {}", coalition_id,
                   store::describe_for_log(e));
    }
  }
}

}  // namespace kompas::web
