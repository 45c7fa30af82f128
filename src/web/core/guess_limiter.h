#pragma once
// Slows someone guessing on a public page (a signal's status code): after `max_misses` wrong
// guesses from one address within the window, that address waits until the oldest one is out
// of the window. An IPv6 address counts as its /64, the block one household gets. Kept in
// memory: a guess is not worth a row in the database, and a restart only gives a guesser a few
// more tries out of a space of 32^8 codes.
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
  // Counts a guess as wrong before it is checked, so guesses sent at once are counted one by
  // one; returns the seconds the address still waits (then nothing is counted), or 0.
  long long begin_guess(const std::string& address, Clock::time_point now = Clock::now());
  // The guess was right: it does not count.
  void right_guess(const std::string& address);

 private:
  // At most this many addresses are followed. When that many guessed wrong within the window,
  // a new address waits too: a flood from many addresses cannot push out what is counted.
  static constexpr std::size_t max_addresses = 10000;
  std::size_t max_misses_;
  Clock::duration window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> misses_;
};

}  // namespace kompas::web
