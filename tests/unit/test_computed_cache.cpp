// Shared computed values: computed once per data version, even when many requests ask at once.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "web/core/computed_cache.h"

using namespace kompas;

TEST(ComputedCache, RequestsAskingAtOnceWaitForOneComputation) {
  web::ComputedCache cache;
  std::atomic<int> computed = 0;
  const auto slow = [&] {
    ++computed;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    return std::make_shared<const int>(42);
  };
  std::vector<std::thread> requests;
  std::atomic<int> right = 0;
  for (int i = 0; i < 8; ++i)
    requests.emplace_back([&] {
      if (*cache.get<std::shared_ptr<const int>>("kaart", 1, slow) == 42) ++right;
    });
  for (auto& r : requests) r.join();
  EXPECT_EQ(computed.load(), 1);
  EXPECT_EQ(right.load(), 8);
  // Kept for this version; a new version computes again.
  cache.get<std::shared_ptr<const int>>("kaart", 1, slow);
  EXPECT_EQ(computed.load(), 1);
  cache.get<std::shared_ptr<const int>>("kaart", 2, slow);
  EXPECT_EQ(computed.load(), 2);
}

TEST(ComputedCache, AFailedComputationIsNotKept) {
  web::ComputedCache cache;
  EXPECT_THROW(cache.get<int>("x", 1, []() -> int { throw std::runtime_error("kapot"); }),
               std::runtime_error);
  EXPECT_EQ(cache.get<int>("x", 1, [] { return 7; }), 7);
}
