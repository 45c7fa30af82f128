#pragma once
// Slows someone guessing on a public page (a signal's status code): after `max_misses` wrong
// guesses from one address within the window, that address waits until the oldest one is out
// of the window. Kept in memory: a guess is not worth a row in the database, and a restart
// only gives a guesser a few more tries out of a space of 32^8 codes.
#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kompas::web {

class GuessLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  GuessLimiter(std::size_t max_misses, Clock::duration window)
      : max_misses_(max_misses), window_(window) {}
  // Seconds the address still waits; 0 when it may guess.
  long long wait_seconds(const std::string& address, Clock::time_point now = Clock::now());
  void missed(const std::string& address, Clock::time_point now = Clock::now());

 private:
  // Beyond this many addresses the table is cleared of what is out of the window, and if that
  // frees nothing, of everything: a flood of addresses costs memory only up to here.
  static constexpr std::size_t max_addresses = 10000;
  void forget_old(Clock::time_point now);
  std::size_t max_misses_;
  Clock::duration window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> misses_;
};

}  // namespace kompas::web
